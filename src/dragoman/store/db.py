"""Where the knowledge base lives and how to open it: URLs, engines, migrations.

`--db` / `DRAGOMAN_DB` take a file path (an SQLite file, created on first use)
or a SQLAlchemy URL (`sqlite:///kb.db`, `postgresql://user@host/db`). Without
either, the knowledge base is `dragoman.db` in the platform's user data folder.
Opening a knowledge base runs the Alembic migrations shipped inside the package
(`store/migrations/`), so an old file is brought up to date first.
"""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from platformdirs import user_data_dir
from sqlalchemy import Connection, Engine, create_engine, event, func, inspect, select
from sqlalchemy.engine import make_url
from sqlalchemy.exc import (
    ArgumentError,
    DBAPIError,
    InterfaceError,
    OperationalError,
    SQLAlchemyError,
)

from dragoman.errors import ConfigError

MIGRATIONS = "dragoman.store:migrations"
DEFAULT_FILE = "dragoman.db"
# The PostgreSQL advisory lock that writers hold for a transaction ("drgm" in ASCII).
WRITE_LOCK = 0x6472676D
# Words of SQLite errors that mean "try again later", not "this data is wrong".
_SQLITE_TRANSIENT = ("locked", "busy", "disk i/o", "unable to open")


def default_db_path() -> Path:
    """The knowledge base used when no `--db` / `DRAGOMAN_DB` is given."""
    return Path(user_data_dir("dragoman", appauthor=False)) / DEFAULT_FILE


def database_url(db: str | Path | None = None) -> str:
    """A SQLAlchemy URL for `db`: a URL as given (PostgreSQL URLs get the psycopg 3
    driver), a file path as an SQLite URL, None as the default file."""
    if db is None or str(db).strip() == "":
        return f"sqlite:///{default_db_path()}"
    text = str(db).strip()
    if "://" not in text:
        return f"sqlite:///{Path(text).expanduser().resolve()}"
    for prefix in ("postgres://", "postgresql://"):
        if text.startswith(prefix):
            return "postgresql+psycopg://" + text[len(prefix):]
    return text


def sqlite_path(url: str) -> Path | None:
    """The file of an SQLite URL, None for other databases and in-memory SQLite."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        return None
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return None
    return Path(parsed.database)


def describe_url(url: str) -> str:
    """The URL with any password hidden, for messages."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return url


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    # Foreign keys make deletes cascade; WAL lets readers work while an ingest writes.
    # The busy timeout first: switching a new file to WAL waits for another process
    # opening it at the same moment instead of failing.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def write_lock(conn: Connection) -> None:
    """Make the transaction just begun on `conn` the database's one writer until it
    ends: SQLite takes its write lock now (BEGIN IMMEDIATE) rather than at the first
    write, PostgreSQL a transaction-scoped advisory lock. Other writers (another ingest,
    a migration) wait; readers do not. Must be the transaction's first statement, so
    that what it reads next is what the writers before it committed."""
    if conn.dialect.name == "sqlite":
        conn.exec_driver_sql("BEGIN IMMEDIATE")
    elif conn.dialect.name == "postgresql":
        conn.execute(select(func.pg_advisory_xact_lock(WRITE_LOCK)))


@contextmanager
def snapshot(engine: Engine) -> Iterator[Connection]:
    """A connection whose queries all see one state of the database while writers go
    on committing: a read transaction on SQLite (WAL), REPEATABLE READ on PostgreSQL.
    For answers built from several queries (an entity, then its aliases and roles)."""
    with engine.connect() as conn:
        if conn.dialect.name == "sqlite":
            conn.exec_driver_sql("BEGIN")
        elif conn.dialect.name == "postgresql":
            conn.execution_options(isolation_level="REPEATABLE READ")
        yield conn


def is_transient(exc: BaseException) -> bool:
    """Is `exc` the database out of reach for now (a server restarting, a lost
    connection, a lock held too long) rather than something wrong with the data?"""
    if isinstance(exc, DBAPIError) and exc.connection_invalidated:
        return True
    if not isinstance(exc, (OperationalError, InterfaceError)):
        return False
    if type(exc.orig).__module__.startswith("sqlite3"):  # also "no such table", "syntax"
        return any(word in str(exc.orig).lower() for word in _SQLITE_TRANSIENT)
    return True  # PostgreSQL: operational errors are about the server or the connection


def make_engine(url: str) -> Engine:
    """An engine for `url`; SQLite files get their folder created and pragmas set."""
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise ConfigError(f"database {url!r} is neither a file path nor a SQLAlchemy URL "
                          f"({exc})") from None
    path = sqlite_path(url)
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
    try:
        engine = create_engine(parsed)
    except (ArgumentError, ImportError) as exc:
        raise ConfigError(f"cannot use database {describe_url(url)}: {exc}") from None
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def _alembic_config(engine: Engine, connection=None):
    from alembic.config import Config
    config = Config()
    config.set_main_option("script_location", MIGRATIONS)
    config.attributes["connection"] = connection
    return config


def migrate(engine: Engine, revision: str = "head") -> None:
    """Bring the database's schema to `revision` (default the newest) with Alembic.
    Raises ConfigError when the database cannot be reached."""
    from alembic import command
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory

    def up_to_date(connection: Connection) -> bool:
        heads = set(ScriptDirectory.from_config(_alembic_config(engine)).get_heads())
        current = set(MigrationContext.configure(connection).get_current_heads())
        return revision == "head" and current == heads

    try:
        with engine.connect() as connection:  # the usual case, without taking a lock
            if up_to_date(connection):
                return
        with engine.begin() as connection:
            write_lock(connection)  # two processes opening a new database: one migrates
            if not up_to_date(connection):
                command.upgrade(_alembic_config(engine, connection), revision)
    except OperationalError as exc:
        raise ConfigError(f"cannot open database {describe_url(str(engine.url))}: "
                          f"{str(exc.orig).strip() or exc}") from None
    except SQLAlchemyError as exc:
        raise ConfigError(f"cannot migrate database {describe_url(str(engine.url))}: {exc}") from None


def table_names(engine: Engine) -> list[str]:
    """Names of the tables in the database (for checks and exports)."""
    return sorted(inspect(engine).get_table_names())
