"""Two ingests into one knowledge base at once, and readers while an ingest writes:
both ingests finish cleanly, every article is stored once with all its facts, the
entities they share are not made twice, and readers neither wait nor fail (SQLite in
WAL mode; PostgreSQL)."""
from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select

from dragoman.read import read_inputs
from dragoman.store import KnowledgeBase
from dragoman.store.schema import ArticleRow, EntityRow, MentionRow

from .conftest import per_article, start_dragoman, write_articles

FIRST, SECOND = range(0, 10), range(5, 15)  # five articles in both


@pytest.fixture(scope="module")
def corpora(tmp_path_factory) -> tuple[Path, Path]:
    root = tmp_path_factory.mktemp("two-corpora")
    a, b = root / "a", root / "b"
    for folder, numbers in ((a, FIRST), (b, SECOND)):
        write_articles(folder, len(numbers), start=numbers[0])
    return a, b


@pytest.fixture(scope="module")
def clean_union(corpora, tmp_path_factory, extractor) -> tuple[dict, dict]:
    """Row counts and per-article facts of one ingest of both folders, one after the other."""
    with KnowledgeBase(tmp_path_factory.mktemp("clean-union") / "kb.db") as kb:
        report = kb.ingest(read_inputs([str(f) for f in corpora]), extractor)
        assert (report.stored, report.skipped) == (15, 5)
        return kb.counts(), per_article(kb)


def test_two_ingests_at_once_store_each_article_and_entity_once(db_url, corpora, clean_union):
    children = [start_dragoman("ingest", str(folder), "--db", db_url, "--batch-size", "1")
                for folder in corpora]
    outputs = [child.communicate(timeout=180) for child in children]
    for child, (out, err) in zip(children, outputs):
        assert child.returncode == 0, err
        assert "Traceback" not in err
    counts, facts = clean_union
    with KnowledgeBase(db_url) as kb:
        assert per_article(kb) == facts
        assert kb.counts() == counts
        with kb.engine.connect() as conn:
            twice = conn.execute(select(EntityRow.kind, EntityRow.key).group_by(
                EntityRow.kind, EntityRow.key).having(func.count() > 1)).all()
    assert twice == []


def test_readers_see_whole_articles_while_an_ingest_writes(db_url, corpora):
    child = start_dragoman("ingest", str(corpora[0]), "--db", db_url, "--batch-size", "1")
    seen: list[int] = []
    problems: list[str] = []
    with KnowledgeBase(db_url) as kb:
        while child.poll() is None:
            try:
                with kb.engine.connect() as conn:  # one snapshot: articles and their mentions
                    articles = conn.scalar(select(func.count()).select_from(ArticleRow))
                    bare = conn.scalar(select(func.count()).select_from(ArticleRow).where(
                        ~select(MentionRow.id).where(MentionRow.article_id == ArticleRow.id)
                        .exists()))
                seen.append(articles)
                if bare:
                    problems.append(f"{bare} article(s) without mentions")
                kb.people()  # a question, as the dashboard asks
            except Exception as exc:  # noqa: BLE001 - a reader must never fail
                problems.append(repr(exc))
            time.sleep(0.01)
    out, err = child.communicate()
    assert child.returncode == 0, err
    assert problems == []
    assert seen == sorted(seen) and seen[-1] <= len(FIRST)
    assert len(set(seen)) > 2  # the reader saw the ingest progress


def test_a_reader_thread_and_a_writer_share_one_knowledge_base(db_url, extractor, corpora):
    """In one process (the HTTP server's case): reads go on while ingest writes."""
    stop = threading.Event()
    errors: list[str] = []

    def read(kb: KnowledgeBase) -> None:
        while not stop.is_set():
            try:
                kb.counts()
                kb.quotes(limit=5)
            except Exception as exc:  # noqa: BLE001
                errors.append(repr(exc))

    with KnowledgeBase(db_url) as kb:
        reader = threading.Thread(target=read, args=(kb,))
        reader.start()
        try:
            report = kb.ingest(read_inputs([str(corpora[1])]), extractor, batch_size=1)
        finally:
            stop.set()
            reader.join(30)
    assert report.stored == len(SECOND) and not report.failed
    assert errors == []
