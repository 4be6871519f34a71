"""The test PostgreSQL server that `.ci/run` starts: its URL and how to empty it
(shared by the store, scale and fault tests)."""
from __future__ import annotations

import os

PG_ENV = "DRAGOMAN_TEST_PG_URL"


def pg_url() -> str | None:
    """The test database's URL, or None when no server was started."""
    return os.environ.get(PG_ENV) or None


def reset_postgres(url: str) -> None:
    """Empty the test PostgreSQL database: drop whatever the public schema holds."""
    from sqlalchemy import text

    from dragoman.store.db import database_url, make_engine
    engine = make_engine(database_url(url))
    try:
        with engine.begin() as conn:
            conn.execute(text("DROP SCHEMA public CASCADE"))
            conn.execute(text("CREATE SCHEMA public"))
    finally:
        engine.dispose()
