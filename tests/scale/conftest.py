"""Fixtures of the scale tests: a few example articles, the rows a single-process ingest
stores from them (the reference every parallel ingest must match), knowledge bases on
SQLite and, when `.ci/run` started one, PostgreSQL."""
from __future__ import annotations

from pathlib import Path

import pytest

from pgtest import PG_ENV, pg_url, reset_postgres

from dragoman.scale import DEFAULT_CHUNK

from .rows import facts

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
# Few articles, as loading the model (seconds) costs more than extracting them, but
# more than one task of DEFAULT_CHUNK articles, so that two workers both get work.
ARTICLES = 10


@pytest.fixture(scope="session")
def corpus() -> list[Path]:
    """The example articles (seed format: ` date YYYY-MM-DD body`)."""
    paths = sorted(EXAMPLES.glob("*.txt"))[:ARTICLES]
    if len(paths) <= DEFAULT_CHUNK:
        pytest.skip("examples/*.txt are missing")
    return paths


@pytest.fixture(scope="session")
def reference(corpus, extractor, tmp_path_factory):
    """(counts, facts) of the corpus ingested in this process, one batch after another."""
    from dragoman.read import read_inputs
    from dragoman.store import KnowledgeBase
    path = tmp_path_factory.mktemp("reference") / "kb.db"
    with KnowledgeBase(path) as kb:
        report = kb.ingest(read_inputs([str(p) for p in corpus]), extractor)
        assert report.stored == len(corpus) and not report.failed
        return kb.counts(), facts(kb.engine)


@pytest.fixture(params=["sqlite", "postgres"])
def kb_url(request, tmp_path) -> str:
    """An empty knowledge-base database: an SQLite file, or the test PostgreSQL."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'kb.db'}"
    url = pg_url()
    if not url:
        pytest.skip(f"{PG_ENV} is not set (.ci/run sets it)")
    reset_postgres(url)
    return url


@pytest.fixture
def sqlite_url(tmp_path) -> str:
    return f"sqlite:///{tmp_path / 'kb.db'}"
