# A newcomer's two commands: `make run` (set up, ingest the bundled examples, print a dyad)
# and `make test` (set up if needed, then the whole test suite).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test setup lock clean

setup: $(STAMP)

$(STAMP): requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --require-hashes --no-deps -r requirements.lock
	$(BIN)/pip install --quiet --no-deps --no-build-isolation -e .
	touch $(STAMP)

# `make run`: the bundled examples ingested into a fresh knowledge base, then one dyad.
RUN_DB := $(VENV)/run.db
RUN_DYAD ?= ARE SAU

run: $(STAMP)
	rm -f $(RUN_DB) $(RUN_DB)-wal $(RUN_DB)-shm
	$(BIN)/dragoman ingest examples/*.txt --db $(RUN_DB)
	$(BIN)/dragoman dyad $(RUN_DYAD) --db $(RUN_DB)
	@echo
	@echo "Dashboard and HTTP API: $(BIN)/dragoman serve --db $(RUN_DB)   then open http://127.0.0.1:8000/"

test: $(STAMP)
	$(BIN)/python -m pytest -q

# Re-resolve the pinned, hashed dependency set after editing pyproject.toml.
lock:
	uv pip compile pyproject.toml --extra test --generate-hashes --python-version 3.11 -o requirements.lock

clean:
	rm -rf $(VENV) build .pytest_cache
