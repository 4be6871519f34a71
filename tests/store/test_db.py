"""Opening knowledge bases: URLs and file paths, migrations, errors that say what to do."""
from __future__ import annotations

import pytest
from sqlalchemy import inspect

from dragoman.errors import ConfigError
from dragoman.store import KnowledgeBase, database_url
from dragoman.store.db import default_db_path, describe_url, migrate, sqlite_path
from dragoman.store.schema import TABLES


@pytest.mark.parametrize("given, expected", [
    ("postgresql://me@db.example/kb", "postgresql+psycopg://me@db.example/kb"),
    ("postgres://me@db.example/kb", "postgresql+psycopg://me@db.example/kb"),
    ("postgresql+psycopg://me@host/kb", "postgresql+psycopg://me@host/kb"),
    ("sqlite:///already.db", "sqlite:///already.db"),
])
def test_urls_are_kept_and_postgres_gets_the_psycopg3_driver(given, expected):
    assert database_url(given) == expected


def test_a_file_path_becomes_an_absolute_sqlite_url(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert database_url("kb.db") == f"sqlite:///{tmp_path / 'kb.db'}"


def test_no_database_means_the_default_file_in_the_user_data_folder():
    assert database_url(None) == f"sqlite:///{default_db_path()}"
    assert default_db_path().name == "dragoman.db"


def test_passwords_are_hidden_in_messages():
    assert "secret" not in describe_url("postgresql+psycopg://me:secret@host/kb")


@pytest.mark.parametrize("url, path", [
    ("sqlite:////tmp/x/kb.db", "/tmp/x/kb.db"),
    ("sqlite://", None),
    ("postgresql+psycopg://me@host/kb", None),
])
def test_sqlite_path_names_the_file_of_an_sqlite_url(url, path):
    found = sqlite_path(url)
    assert (str(found) if found else None) == path


def test_opening_creates_every_table_and_the_folder(tmp_path):
    path = tmp_path / "deep" / "folder" / "kb.db"
    with KnowledgeBase(path) as kb:
        assert set(TABLES) <= set(inspect(kb.engine).get_table_names())
        assert kb.counts() == {name: 0 for name in TABLES}
    assert path.is_file()


def test_the_migrations_build_exactly_the_models(kb):
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    from dragoman.store.schema import Base
    with kb.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert diff == []


def test_migrating_twice_changes_nothing(kb):
    migrate(kb.engine)
    assert kb.counts()["articles"] == 0


def test_a_question_to_a_missing_file_asks_for_an_ingest_first(tmp_path):
    with pytest.raises(ConfigError, match="dragoman ingest"):
        KnowledgeBase(tmp_path / "none.db", must_exist=True)
    assert not (tmp_path / "none.db").exists()


def test_an_unreachable_server_is_a_config_error_naming_it():
    with pytest.raises(ConfigError, match="127.0.0.1"):
        KnowledgeBase("postgresql://nobody@127.0.0.1:1/none")


def test_a_malformed_url_is_a_config_error():
    with pytest.raises(ConfigError):
        KnowledgeBase("notadialect://x/y")


def test_an_older_database_is_upgraded_with_its_data(tmp_path):
    from sqlalchemy import text

    from dragoman.store.db import make_engine
    engine = make_engine(f"sqlite:///{tmp_path / 'old.db'}")
    migrate(engine, "0001")  # an old database: upgraded through 0002 and 0003 below
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO articles (id, ext_id, content_hash, published, retrieved, "
                          "text) VALUES (1, 'a', 'h', '2023-09-11', '2024-01-01 00:00:00', 'x')"))
        conn.execute(text("INSERT INTO claims (article_id, local_id, metric, value, qualifier, "
                          "unit, status, start, \"end\") VALUES (1, 'C1', 'aid', 1, 'exact', "
                          "'USD', 'actual', 0, 1)"))
    engine.dispose()
    with KnowledgeBase(tmp_path / "old.db") as kb:
        (claim,) = kb.claims()
        assert str(claim.source.published) == "2023-09-11"
        with kb.engine.connect() as conn:
            assert conn.scalar(text("SELECT published FROM claims")) == "2023-09-11"
