"""Fixtures of the web tests: knowledge bases built once per session, an in-process
client for each (FastAPI's TestClient over the ASGI app, no network).

- `synthetic_db`: made-up extractions (`synthetic.py`), stored without spaCy;
- `examples_db`: the team's `examples/*.txt` through the real extractor;
- `seed_db`: the seed article (skips when ../shared is absent).
"""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from .synthetic import all_articles

REPO = Path(__file__).resolve().parents[2]
SEED = "seeds/000_760a91fd4c32f78c.txt"



def pytest_collection_modifyitems(items) -> None:
    # Starlette's TestClient warns that it will move to another HTTP package; the
    # client itself is what these tests need.
    here = Path(__file__).parent
    for item in items:
        if here in Path(item.fspath).parents:
            item.add_marker(pytest.mark.filterwarnings("ignore:Using `httpx`"))


def _client(app):
    from fastapi.testclient import TestClient
    return TestClient(app)


@pytest.fixture(scope="session")
def synthetic_db(tmp_path_factory) -> str:
    from dragoman.store import KnowledgeBase
    path = tmp_path_factory.mktemp("web-synthetic") / "kb.db"
    with KnowledgeBase(path) as kb:
        kb.store(all_articles())
    return str(path)


def _ingest(path: Path, files: list[Path], extractor) -> str:
    from dragoman.read import read_inputs
    from dragoman.store import KnowledgeBase
    with KnowledgeBase(path) as kb:
        report = kb.ingest(read_inputs([str(f) for f in files]), extractor)
    assert not report.failed, report.failed
    return str(path)


@pytest.fixture(scope="session")
def examples_db(tmp_path_factory, extractor) -> str:
    files = sorted((REPO / "examples").glob("*.txt"))
    if not files:
        pytest.skip("examples/*.txt are not there")
    return _ingest(tmp_path_factory.mktemp("web-examples") / "kb.db", files, extractor)


@pytest.fixture(scope="session")
def seed_db(tmp_path_factory, extractor, shared_dir) -> str:
    seed = shared_dir / SEED
    if not seed.is_file():
        pytest.skip(f"{seed} is absent")
    return _ingest(tmp_path_factory.mktemp("web-seed") / "kb.db", [seed], extractor)


@pytest.fixture
def make_client() -> Callable:
    """make_client(db, token=None, protect_reads=False, max_upload=..., extractor=None):
    a TestClient over a fresh app (closed after the test)."""
    from dragoman.web import WebSettings, create_app
    opened = []

    def make(db: str, *, extractor=None, **settings):
        client = _client(create_app(db, settings=WebSettings(**settings), extractor=extractor))
        client.__enter__()
        opened.append(client)
        return client

    yield make
    for client in opened:
        client.__exit__(None, None, None)


@pytest.fixture
def synthetic(make_client, synthetic_db):
    """A client over the synthetic knowledge base, reads public, writes off."""
    return make_client(synthetic_db)


@pytest.fixture
def examples(make_client, examples_db):
    return make_client(examples_db)
