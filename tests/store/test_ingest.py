"""Ingest: idempotent, incremental, batched; one article's failure costs only itself."""
from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from dragoman.errors import ReadError
from dragoman.model import Article, Extraction
from dragoman.store.schema import ArticleRow, ClaimRow

from .builders import Builder, Person


def meeting(id: str = "a1", date: str = "2024-05-14", *, text_extra: str = "",
            value: float = 2.5e9) -> Builder:
    """A small made-up article: two ministers meet, one claims a trade figure."""
    b = Builder(id, date)
    b.country("CHL", "Chile")
    b.country("MAR", "Morocco")
    valdes = b.person(Person("Ignacio Valdés", "CHL", ["foreign minister"], ["Valdés"]))
    benali = b.person(Person("Youssef Benali", "MAR", ["foreign minister"], ["Benali"]))
    b.quote(valdes, "Morocco is our gateway to Africa." + text_extra)
    b.claim("trade_volume", value, period="2023", holder="CHL", counterpart="MAR", speaker=valdes)
    b.event("CONSULT", [valdes], [benali], date="2024-05-13", mode="meeting")
    return b


def test_the_same_article_twice_is_stored_once(kb):
    first = kb.store([meeting().build()])
    counts = kb.counts()
    second = kb.store([meeting().build()])
    assert (first.stored, first.skipped) == (1, 0)
    assert (second.stored, second.skipped, second.updated) == (0, 1, 0)
    assert kb.counts() == counts


def test_a_duplicate_within_one_run_is_skipped(kb):
    report = kb.store([meeting().build(), meeting().build()])
    assert (report.read, report.stored, report.skipped) == (2, 1, 1)
    assert kb.counts()["articles"] == 1


def test_a_new_extractor_version_replaces_the_articles_facts(kb):
    kb.store([meeting().build("dragoman 1")])
    counts = kb.counts()
    report = kb.store([meeting().build("dragoman 2")])
    assert (report.updated, report.stored, report.skipped) == (1, 0, 0)
    assert kb.counts() == counts
    with kb.engine.connect() as conn:
        assert set(conn.scalars(select(ClaimRow.extractor))) == {"dragoman 2"}
        assert set(conn.scalars(select(ArticleRow.extractor))) == {"dragoman 2"}


def test_re_extraction_keeps_the_retrieval_date(kb):
    then = dt.datetime(2024, 5, 14, 8, 0, tzinfo=dt.timezone.utc)
    later = dt.datetime(2024, 6, 1, 8, 0, tzinfo=dt.timezone.utc)
    kb.store([meeting().build("dragoman 1")], now=lambda: then)
    kb.store([meeting().build("dragoman 2")], now=lambda: later)
    with kb.engine.connect() as conn:
        retrieved = conn.scalar(select(ArticleRow.retrieved))
    assert retrieved.replace(tzinfo=dt.timezone.utc) == then


def test_a_changed_text_at_the_same_place_updates_the_article(kb):
    kb.store([meeting().build()])
    report = kb.store([meeting(text_extra=" And more.").build()])
    assert report.updated == 1
    assert kb.counts()["articles"] == 1
    assert "And more." in kb.quotes()[0].text


def test_different_articles_are_all_stored_across_batches(kb):
    articles = [meeting(f"a{i}", f"2024-05-{10 + i:02d}").build() for i in range(7)]
    report = kb.store(articles, batch_size=3)
    assert (report.read, report.stored) == (7, 7)
    assert kb.counts()["articles"] == 7


def test_one_bad_article_fails_alone_with_its_reason(kb):
    good = [meeting(f"a{i}", f"2024-05-{10 + i:02d}").build() for i in range(3)]
    bad = meeting("bad").build()
    bad.claims[0].value = None  # a claim without a value cannot be stored
    report = kb.store([good[0], bad, good[1], good[2]], batch_size=10)
    assert report.stored == 3
    assert [f.source for f in report.failed] == ["/synthetic/bad.txt"]
    assert "not stored" in report.failed[0].reason
    assert kb.counts()["articles"] == 3


def test_a_failure_keeps_what_was_stored_before(kb):
    kb.store([meeting("kept").build()])
    bad = meeting("bad", "2024-06-01").build()
    bad.claims[0].value = None
    kb.store([bad])
    assert [a.ext_id for a in _articles(kb)] == ["kept"]
    assert kb.people("Valdés")[0].articles == 1


def _articles(kb):
    with kb.engine.connect() as conn:
        return list(conn.execute(select(ArticleRow.ext_id)))


class FakeExtractor:
    """An extractor stand-in: turns articles into extractions of `meeting`, and fails
    on articles whose id starts with "boom"."""

    version = "fake 1"

    def __init__(self) -> None:
        self.seen: list[str] = []

    def extract_many(self, articles):
        for article in articles:
            self.seen.append(article.id)
            if article.id.startswith("boom"):
                raise RuntimeError("the model choked")
            built = meeting(article.id, article.date).build(self.version)
            yield Extraction(article, built.entities, built.quotes, built.claims, built.events,
                             extractor=self.version)


def _inputs(*ids: str):
    for i, id in enumerate(ids):
        yield Article(id=id, text=f"Article {id}.", date=f"2024-05-{10 + i:02d}",
                      path=f"in/{id}.txt")


def test_ingest_reads_extracts_and_stores_and_counts_read_errors_as_failed(kb):
    items = [*_inputs("a", "b"), ReadError("in/broken.html", "not UTF-8; re-save it"),
             *_inputs("c")]
    report = kb.ingest(items, FakeExtractor())
    assert (report.read, report.stored, len(report.failed)) == (3, 3, 1)
    assert str(report.failed[0]) == "in/broken.html: not UTF-8; re-save it"


def test_ingest_skips_stored_articles_before_extracting_them(kb):
    kb.ingest(_inputs("a", "b"), FakeExtractor())
    again = FakeExtractor()
    report = kb.ingest(_inputs("a", "b"), again)
    assert report.skipped == 2
    assert again.seen == []


def test_an_extraction_failure_costs_only_that_article(kb):
    report = kb.ingest(_inputs("a", "boom", "c"), FakeExtractor(), batch_size=8)
    assert report.stored == 2
    assert report.failed[0].source == "in/boom.txt"
    assert "the model choked" in report.failed[0].reason


def test_progress_is_reported_after_each_input(kb):
    seen: list[int] = []
    kb.ingest(_inputs("a", "b", "c"), FakeExtractor(), on_progress=lambda r: seen.append(r.done))
    assert seen == [1, 2, 3]


@pytest.mark.parametrize("field, value", [("date", "2024-05-15"), ("text", "Changed.")])
def test_the_idempotency_key_covers_date_and_text(kb, field, value):
    kb.ingest(_inputs("a"), FakeExtractor())
    article = next(_inputs("a"))
    setattr(article, field, value)
    article.path = None  # not at the same place: a different article
    report = kb.ingest([article], FakeExtractor())
    assert report.stored == 1
