"""The database going away during an ingest: PostgreSQL restarted mid-ingest (the
ingest waits for it and goes on, or stops with one clear line; a rerun completes and
nothing is lost), and a database that does not come back (a clear error, no traceback)."""
from __future__ import annotations

import glob
import os
import shutil
import subprocess
import time
from pathlib import Path
from types import SimpleNamespace

import pytest

from dragoman.model import Article
from dragoman.store import KnowledgeBase
from dragoman.store.db import make_engine
from dragoman.store.ingest import Ingest, StoreUnavailable

from .conftest import (
    Stored,
    pg_url,
    per_article,
    reset_postgres,
    run_dragoman,
    start_dragoman,
    wait_for,
    write_articles,
)

ARTICLES = 12
PG_DATA = "DRAGOMAN_TEST_PG_DATA"


def pg_ctl() -> list[str] | None:
    """pg_ctl for the test server's data folder, run as the folder's owner; None when
    the server cannot be restarted from here."""
    data = os.environ.get(PG_DATA)
    if not (pg_url() and data and Path(data).is_dir()):
        return None
    found = [str(Path(os.environ.get("DRAGOMAN_TEST_PG_BIN", "")) / "pg_ctl"),
             shutil.which("pg_ctl") or "",
             *sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"))]
    binary = next((b for b in found if b and os.access(b, os.X_OK)), None)
    if binary is None:
        return None
    owner = Path(data).owner()
    prefix = ["runuser", "-u", owner, "--"] if os.geteuid() == 0 and owner != "root" else []
    return [*prefix, binary, "-D", data]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("restart-corpus")
    write_articles(folder, ARTICLES)
    return folder


@pytest.fixture(scope="module")
def clean(corpus, tmp_path_factory, extractor) -> tuple[dict, dict]:
    from dragoman.read import read_inputs
    with KnowledgeBase(tmp_path_factory.mktemp("restart-clean") / "kb.db") as kb:
        kb.ingest(read_inputs([str(corpus)]), extractor)
        return kb.counts(), per_article(kb)


def test_postgres_restarted_during_an_ingest_loses_nothing(corpus, clean):
    control = pg_ctl()
    if control is None:
        pytest.skip(f"needs DRAGOMAN_TEST_PG_URL and {PG_DATA} (.ci/run sets both)")
    url = pg_url()
    reset_postgres(url)
    stored = Stored(url)
    child = start_dragoman("ingest", str(corpus), "--db", url, "--batch-size", "1")
    try:
        assert wait_for(lambda: stored() >= 2, 90, 0.01), "the ingest never started storing"
        log = str(Path(os.environ[PG_DATA]).parent / "restart.log")
        subprocess.run([*control, "-l", log, "-m", "fast", "-w", "restart"], check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=60)
        out, err = child.communicate(timeout=120)
    finally:
        child.kill()
        stored.engine.dispose()
    assert "Traceback" not in err
    print(f"ingest across a restart: exit {child.returncode}, waited {err.count('out of reach')} "
          f"time(s), {err.count('failed:')} failed")
    if child.returncode != 0:  # stopped: one clear line, then a rerun finishes
        assert child.returncode == 1, err
        assert "error: lost the knowledge base" in err and "run the same command again" in err
    rerun = run_dragoman("ingest", str(corpus), "--db", url, "--batch-size", "1")
    assert rerun.returncode == 0, rerun.stderr
    counts, facts = clean
    with KnowledgeBase(url) as kb:
        assert per_article(kb) == facts
        assert kb.counts() == counts


def test_a_database_that_stays_away_stops_the_ingest_with_a_clear_error(monkeypatch, unused_url):
    monkeypatch.setattr("dragoman.store.ingest.RETRY_DELAYS", (0.01, 0.02))
    ingest = Ingest(make_engine(unused_url))
    started = time.monotonic()
    with pytest.raises(StoreUnavailable) as lost:
        ingest.run([Article("a", "Chile and Peru met.", path="a.txt")],
                   SimpleNamespace(version="v"))
    assert time.monotonic() - started < 10
    message = str(lost.value)
    assert message.startswith("lost the knowledge base postgresql+psycopg://dragoman@127.0.0.1:")
    assert "did not come back within 0.03 s" in message
    assert message.endswith("the 0 article(s) stored so far are kept: run the same command "
                            "again to finish")
    assert "\n" not in message


@pytest.fixture
def unused_url() -> str:
    """A PostgreSQL URL where no server listens."""
    import socket
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    return f"postgresql+psycopg://dragoman@127.0.0.1:{port}/nowhere?connect_timeout=2"
