"""Parallel ingest: workers extract, one writer stores, in input order.

The first tests drive `ParallelIngest` with a stand-in backend (made-up extractions, no
spaCy) to pin the rules: order, skipping before dispatch, a bounded window, one failure
costing one article. The last runs `dragoman ingest --jobs 2` on real worker processes
and compares what it stored with a single-process ingest of the same articles.
"""
from __future__ import annotations

import logging
from concurrent.futures.process import BrokenProcessPool

import pytest
from sqlalchemy import select
from typer.testing import CliRunner

from dragoman.cli import app
from dragoman.errors import ReadError
from dragoman.model import Article, Entity, Extraction
from dragoman.scale import ParallelIngest
from dragoman.scale.work import BatchResult
from dragoman.store import KnowledgeBase
from dragoman.store.ingest import Ingest
from dragoman.store.schema import ArticleRow

from .rows import facts

VERSION = "dragoman test-1"
COUNTRIES = [("CHL", "Chile"), ("MAR", "Morocco"), ("NOR", "Norway"), ("PER", "Peru")]


def made_up(id: str) -> Article:
    """A short article of our own; its text says which country it is about."""
    code, name = COUNTRIES[int(id.lstrip("a")) % len(COUNTRIES)]
    return Article(id=id, text=f"{name} and its neighbours met on trade ({id}).",
                   date="2024-05-14", path=f"{id}.txt")


def extraction(article: Article) -> Extraction:
    code, name = next((c, n) for c, n in COUNTRIES if article.text.startswith(n))
    entity = Entity(id="E1", kind="country", name=name, code=code, mentions=[(0, len(name))])
    return Extraction(article=article, entities=[entity], extractor=VERSION)


class StandInFuture:
    """Computed when asked for, so the backend can count how many are out at once."""

    def __init__(self, backend: StandInBackend, articles: list[Article]) -> None:
        self.backend, self.articles = backend, articles

    def result(self, timeout: float | None = None) -> BatchResult:
        self.backend.out -= 1
        ids = {a.id for a in self.articles}
        if ids & self.backend.kills:
            raise BrokenProcessPool("a worker process terminated abruptly")
        results = [f"ValueError: cannot read {a.id}" if a.id in self.backend.breaks
                   else extraction(a) for a in self.articles]
        return BatchResult(results, "stand-in:1", 100.0)


class StandInBackend:
    """Extracts made-up articles; `kills`: ids whose task dies as a whole (a worker
    killed), `breaks`: ids whose own extraction fails."""

    def __init__(self, workers: int = 2, kills=(), breaks=()) -> None:
        self.workers = workers
        self.kills, self.breaks = set(kills), set(breaks)
        self.sent: list[list[str]] = []
        self.out = 0
        self.most_out = 0

    def version(self) -> str:
        return VERSION

    def submit(self, articles: list[Article]) -> StandInFuture:
        self.sent.append([a.id for a in articles])
        self.out += 1
        self.most_out = max(self.most_out, self.out)
        return StandInFuture(self, articles)


@pytest.fixture
def kb(sqlite_url):
    base = KnowledgeBase(sqlite_url)
    yield base
    base.close()


def stored_ids(kb) -> list[str]:
    """External ids of the stored articles, in the order they were stored."""
    with kb.engine.connect() as conn:
        return list(conn.scalars(select(ArticleRow.ext_id).order_by(ArticleRow.id)))


def ingest(kb, backend, articles, *, chunk=3, window=None, batch_size=4):
    runner = ParallelIngest(backend, chunk=chunk, window=window)
    report = runner.run(Ingest(kb.engine, batch_size=batch_size), articles)
    return report, runner


@pytest.mark.parametrize("chunk, window", [(1, 1), (3, 2), (3, 4), (20, None)])
def test_articles_are_stored_in_input_order_whatever_the_batches(kb, chunk, window):
    articles = [made_up(f"a{i}") for i in range(10)]
    report, _ = ingest(kb, StandInBackend(), articles, chunk=chunk, window=window)
    assert (report.read, report.stored, report.failed) == (10, 10, [])
    assert stored_ids(kb) == [a.id for a in articles]


@pytest.mark.parametrize("window", [1, 2, 5])
def test_no_more_tasks_are_out_than_the_window(kb, window):
    backend = StandInBackend()
    ingest(kb, backend, [made_up(f"a{i}") for i in range(12)], chunk=2, window=window)
    assert backend.most_out == window


def test_the_window_defaults_to_four_tasks_per_worker(kb):
    backend = StandInBackend(workers=3)
    ingest(kb, backend, [made_up(f"a{i}") for i in range(30)], chunk=1)
    assert backend.most_out == 12


def test_stored_articles_are_skipped_before_they_are_sent_out(kb):
    ingest(kb, StandInBackend(), [made_up(f"a{i}") for i in range(5)])
    backend = StandInBackend()
    report, runner = ingest(kb, backend, [made_up(f"a{i}") for i in range(7)])
    assert (report.read, report.skipped, report.stored) == (7, 5, 2)
    assert backend.sent == [["a5", "a6"]]
    assert runner.stats.sent == 2


def test_a_duplicate_within_the_run_is_sent_once(kb):
    backend = StandInBackend()
    report, _ = ingest(kb, backend, [made_up("a1"), made_up("a2"), made_up("a1")])
    assert (report.stored, report.skipped) == (2, 1)
    assert backend.sent == [["a1", "a2"]]


def test_an_article_whose_extraction_fails_costs_only_itself(kb):
    report, _ = ingest(kb, StandInBackend(breaks={"a4"}), [made_up(f"a{i}") for i in range(8)])
    assert report.stored == 7
    assert [str(f) for f in report.failed] == ["a4.txt: extraction failed: ValueError: cannot read a4"]
    assert "a4" not in stored_ids(kb)


def test_a_task_that_kills_its_worker_is_sent_again_one_article_at_a_time(kb):
    backend = StandInBackend(kills={"a4"})
    report, _ = ingest(kb, backend, [made_up(f"a{i}") for i in range(6)], chunk=3)
    assert report.stored == 5
    assert [f.source for f in report.failed] == ["a4.txt"]
    assert report.failed[0].reason.startswith("extraction failed: worker failed: BrokenProcessPool")
    assert backend.sent == [["a0", "a1", "a2"], ["a3", "a4", "a5"], ["a3"], ["a4"], ["a5"]]
    assert stored_ids(kb) == ["a0", "a1", "a2", "a3", "a5"]


def test_reading_errors_are_counted_as_failed_and_the_rest_goes_on(kb):
    items = [made_up("a1"), ReadError("broken.csv", "no text column", line=3), made_up("a2")]
    report, _ = ingest(kb, StandInBackend(), items)
    assert (report.read, report.stored) == (2, 2)
    assert [str(f) for f in report.failed] == ["broken.csv:3: no text column"]


def test_the_workers_peak_memory_is_recorded(kb):
    _, runner = ingest(kb, StandInBackend(), [made_up("a1")])
    assert runner.stats.peak_rss_mb == {"stand-in:1": 100.0}
    assert runner.stats.tasks == 1


# -- real worker processes --------------------------------------------------------------

def test_jobs_2_stores_the_same_rows_as_one_process(corpus, reference, sqlite_url, tmp_path,
                                                    caplog):
    """`dragoman ingest --jobs 2`: the same counts and facts as an ingest in one process;
    an unreadable input is reported and makes the exit code 3; each worker reports its
    peak memory (the 600 MB budget is measured by `dragoman bench`, not asserted here:
    a test process's memory depends on what else the suite loaded)."""
    caplog.set_level(logging.INFO, logger="dragoman.scale")
    missing = str(tmp_path / "missing.txt")
    result = CliRunner().invoke(app, ["ingest", *map(str, corpus), missing, "--jobs", "2",
                                      "--db", sqlite_url])
    assert result.exit_code == 3, result.output
    assert result.stdout.startswith(f"read {len(corpus)}, stored {len(corpus)}, updated 0, "
                                    f"skipped as duplicate 0, failed 1\nfailed: {missing}")
    with KnowledgeBase(sqlite_url) as kb:
        assert (kb.counts(), facts(kb.engine)) == reference
    peaks = [r.args[1] for r in caplog.records if "peak resident memory" in r.getMessage()]
    assert len(peaks) == 2 and all(p > 0 for p in peaks)


def test_a_model_the_workers_cannot_load_is_one_clear_error(corpus, sqlite_url):
    result = CliRunner().invoke(app, ["ingest", str(corpus[0]), "--jobs", "2", "--db", sqlite_url,
                                      "--model", "no_such_model"])
    assert result.exit_code == 1
    assert "cannot load the spaCy model 'no_such_model'" in result.output
