"""Fixtures for the knowledge-base tests: every store test runs against SQLite and, when
`DRAGOMAN_TEST_PG_URL` names a PostgreSQL database (`.ci/run` starts one on
127.0.0.1), against PostgreSQL too; otherwise the PostgreSQL variant is skipped."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

PG_ENV = "DRAGOMAN_TEST_PG_URL"
KB_DATA = Path(__file__).resolve().parents[1] / "data" / "kb"


def _reset_postgres(url: str) -> None:
    """Empty the test database: truncate the tables once they exist (fast), else drop
    whatever the public schema holds."""
    from sqlalchemy import inspect, text

    from dragoman.store.db import database_url, make_engine
    from dragoman.store.schema import TABLES
    engine = make_engine(database_url(url))
    try:
        with engine.begin() as conn:
            present = set(inspect(conn).get_table_names())
            if present == set(TABLES) | {"alembic_version"}:
                conn.execute(text(f"TRUNCATE {', '.join(TABLES)} RESTART IDENTITY CASCADE"))
            else:
                conn.execute(text("DROP SCHEMA public CASCADE"))
                conn.execute(text("CREATE SCHEMA public"))
    finally:
        engine.dispose()


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory) -> Path:
    """An empty SQLite knowledge base, migrated once and copied for each test."""
    from dragoman.store import KnowledgeBase
    path = tmp_path_factory.mktemp("template") / "kb.db"
    KnowledgeBase(path).close()
    return path


@pytest.fixture(params=["sqlite", "postgres"])
def kb_url(request, tmp_path) -> str:
    """A URL of an empty knowledge-base database: an SQLite file, or the test PostgreSQL."""
    if request.param == "sqlite":
        path = tmp_path / "kb.db"
        shutil.copyfile(request.getfixturevalue("sqlite_template"), path)
        return f"sqlite:///{path}"
    url = os.environ.get(PG_ENV)
    if not url:
        pytest.skip(f"{PG_ENV} is not set (.ci/run sets it)")
    _reset_postgres(url)
    return url


@pytest.fixture
def kb(kb_url):
    """An empty, migrated knowledge base."""
    from dragoman.store import KnowledgeBase
    base = KnowledgeBase(kb_url)
    yield base
    base.close()


@pytest.fixture(scope="session")
def kb_data() -> Path:
    """tests/data/kb: the synthetic article sets of the cross-article tests."""
    return KB_DATA
