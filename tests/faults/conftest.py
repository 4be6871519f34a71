"""Fixtures of the fault tests: a real HTTP server on 127.0.0.1 (the stand-in for the
web, never a mock of a parser), small made-up articles, `dragoman` run as a child
process, the test PostgreSQL when `.ci/run` started one, and checks of what a
knowledge base holds (each article once, with all its facts)."""
from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from sqlalchemy import func, select

from pgtest import PG_ENV, pg_url, reset_postgres  # noqa: F401  (re-exported to the tests)

from dragoman.model import Extraction
from dragoman.store import KnowledgeBase
from dragoman.store.schema import (
    ArticleRow,
    ClaimRow,
    EventReportRow,
    MentionRow,
    QuoteRow,
    SectorRow,
)

DRAGOMAN = [sys.executable, "-c", "from dragoman.cli import main; main()"]

FACTS = (MentionRow, QuoteRow, ClaimRow, EventReportRow, SectorRow)

# -- made-up articles -------------------------------------------------------------------

# (country, capital, foreign minister): invented people; the countries are real so that
# the knowledge base has dyads to resolve.
_SIDES = [
    ("Chile", "Santiago", "Ignacia Rojas"), ("Ghana", "Accra", "Kwesi Mensah-Boateng"),
    ("Norway", "Oslo", "Sigrid Haugland"), ("Viet Nam", "Hanoi", "Tran Minh Quang"),
    ("Peru", "Lima", "Rodrigo Salcedo"), ("Kenya", "Nairobi", "Wanjiru Kamau"),
    ("Poland", "Warsaw", "Tomasz Zielinski"), ("Morocco", "Rabat", "Youssef Benali"),
    ("Estonia", "Tallinn", "Kadri Tamm"),
]
_SECTORS = ["energy", "agriculture", "education", "transport", "health", "mining"]


def article_text(n: int) -> str:
    """The n-th made-up article (seed format): two ministers meet, one gives a figure."""
    (a, city, host), (b, _, guest) = _SIDES[n % len(_SIDES)], _SIDES[(n + 3) % len(_SIDES)]
    figure = 1.5 + n * 0.7
    return (f"date 2024-05-{n % 27 + 1:02d} Foreign Minister {host} of {a} met her "
            f"counterpart {guest} of {b} in {city} on Monday, the foreign ministry said.\n\n"
            f"\"Trade between our countries reached ${figure:.1f} billion last year and we want "
            f"to double it by 2030,\" {host.split()[-1]} said after the talks.\n\n"
            f"The two ministers signed a memorandum on {_SECTORS[n % len(_SECTORS)]} "
            f"cooperation and agreed to meet again in {b} in the autumn.\n")


def write_articles(folder: Path, count: int, start: int = 0) -> list[Path]:
    """`count` made-up articles as `folder/NN_article.txt`."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n in range(start, start + count):
        path = folder / f"{n:02d}_article.txt"
        path.write_text(article_text(n), encoding="utf-8")
        paths.append(path)
    return paths


# -- the dragoman command as a child process ----------------------------------------------


def child_env(**extra: str) -> dict[str, str]:
    """The environment of a `dragoman` child: this one without DRAGOMAN_* settings, plus `extra`."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("DRAGOMAN_")}
    env.update(extra)
    return env


def run_dragoman(*args: str, timeout: float = 120, **env: str) -> subprocess.CompletedProcess:
    """`dragoman ARGS...` to completion, stdout and stderr captured as text."""
    return subprocess.run([*DRAGOMAN, *args], capture_output=True, text=True, timeout=timeout,
                          env=child_env(**env))


def start_dragoman(*args: str, **env: str) -> subprocess.Popen:
    """`dragoman ARGS...` started in the background (stdout and stderr to pipes)."""
    return subprocess.Popen([*DRAGOMAN, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, env=child_env(**env))


# -- an HTTP server on 127.0.0.1 -----------------------------------------------------------


@dataclass
class Route:
    """What the server answers at a path. delay: seconds before answering; trickle: send
    the body one byte every `trickle` seconds."""

    body: bytes = b""
    status: int = 200
    type: str = "text/plain"
    delay: float = 0.0
    trickle: float = 0.0


class Site:
    """The routes of the test server; `url(path)` is the address of one."""

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.stop = threading.Event()
        self.base = ""

    def url(self, path: str) -> str:
        return f"{self.base}{path}"


def _handler(site: Site) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:  # keep the test output clean
            pass

        def do_GET(self) -> None:  # noqa: N802 (http.server's name)
            route = site.routes.get(self.path.split("?")[0], Route(b"no such page", 404))
            if route.delay and site.stop.wait(route.delay):
                return
            self.send_response(route.status)
            self.send_header("Content-Type", route.type)
            if not route.trickle:
                self.send_header("Content-Length", str(len(route.body)))
            self.end_headers()
            try:
                if not route.trickle:
                    self.wfile.write(route.body)
                    return
                for byte in route.body:
                    if site.stop.wait(route.trickle):
                        return
                    self.wfile.write(bytes([byte]))
                    self.wfile.flush()
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up, as it should

    return Handler


@pytest.fixture(scope="session")
def site() -> Iterator[Site]:
    """A threaded HTTP server on 127.0.0.1 answering the routes of `site.routes`."""
    site = Site()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(site))
    server.daemon_threads = True
    site.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield site
    site.stop.set()
    server.shutdown()
    server.server_close()


# -- PostgreSQL --------------------------------------------------------------------------


@pytest.fixture(params=["sqlite", "postgres"])
def db_url(request, tmp_path) -> str:
    """A URL of an empty knowledge-base database: an SQLite file in `tmp_path`, or the
    test PostgreSQL (emptied; skipped when there is none)."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'kb.db'}"
    url = pg_url()
    if not url:
        pytest.skip(f"{PG_ENV} is not set (.ci/run sets it)")
    reset_postgres(url)
    return url


def per_article(kb: KnowledgeBase) -> dict[str, tuple]:
    """ext_id -> (extractor, number of rows of each fact table) for every stored article;
    fails on an article stored twice."""
    with kb.engine.connect() as conn:
        rows = conn.execute(select(ArticleRow.id, ArticleRow.ext_id, ArticleRow.extractor)).all()
        facts = {}
        for row in rows:
            assert row.ext_id not in facts, f"{row.ext_id} stored twice"
            facts[row.ext_id] = (row.extractor, *(
                conn.scalar(select(func.count()).select_from(table)
                            .where(table.article_id == row.id)) for table in FACTS))
    return facts


class Stored:
    """Counts the articles in the knowledge base at `url` as an ingest writes them, over
    one engine (polled often: a new engine each time would be too slow to aim a kill)."""

    def __init__(self, url: str) -> None:
        from sqlalchemy import create_engine

        from dragoman.store.db import database_url, sqlite_path
        self.file = sqlite_path(database_url(url))
        self.engine = create_engine(database_url(url))

    def __call__(self) -> int:
        """Articles stored now (0 before the database has its tables)."""
        if self.file is not None and not self.file.exists():
            return 0  # connecting would create the file
        try:
            with self.engine.connect() as conn:
                return conn.scalar(select(func.count()).select_from(ArticleRow))
        except Exception:  # noqa: BLE001 - no tables yet, a server starting: nothing yet
            return 0


def wait_for(check: Callable[[], bool], timeout: float, every: float = 0.02) -> bool:
    """Poll `check` until it holds or `timeout` seconds pass; whether it held."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if check():
            return True
        time.sleep(every)
    return check()


class FakeExtractor:
    """An extractor without spaCy: an article becomes an extraction with no facts."""

    version = "dragoman fault-test"

    def extract_many(self, articles, **_):
        for article in articles:
            yield Extraction(article, [], [], [], [], extractor=self.version)
