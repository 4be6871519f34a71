"""Ingest: articles in, facts stored; idempotent, incremental, in batched transactions.

An article is known by its id and the SHA-256 of its date and text. Reading the
same article again skips it before any extraction (a duplicate); an article whose
facts came from another extractor version is extracted again and its facts are
replaced; an article whose text changed at the same place (same id and path or
URL) is updated. Articles are extracted and stored `batch_size` at a time, one
transaction per batch; when a batch fails, its articles are retried one by one,
so one bad article costs only itself, never the others or what is stored.
"""
from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Protocol

from sqlalchemy import Connection, Engine, insert, or_, select, update
from dragoman.errors import ReadError
from dragoman.model import Article, Extraction
from dragoman.store.resolve import EntityIndex
from dragoman.store.schema import ArticleRow
from dragoman.store.writer import (
    article_values,
    collect_orphans,
    content_hash,
    delete_facts,
    write_extraction,
)

log = logging.getLogger(__name__)

DEFAULT_BATCH_SIZE = 64


class ExtractorLike(Protocol):
    """What ingest needs of an extractor: its version and `extract_many`."""

    version: str

    def extract_many(self, articles: Iterable[Article]) -> Iterator[Extraction]: ...


@dataclass(frozen=True)
class Failure:
    """An input that could not be stored: where it came from and why."""

    source: str
    reason: str

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}"


@dataclass
class IngestReport:
    """What an ingest did. read: articles read from the inputs; stored: new articles;
    updated: articles whose facts were replaced (new extractor version or new text);
    skipped: duplicates already stored by this extractor version; failed: inputs that
    could not be read, extracted or stored, with the reason."""

    read: int = 0
    stored: int = 0
    updated: int = 0
    skipped: int = 0
    failed: list[Failure] = field(default_factory=list)

    @property
    def done(self) -> int:
        """Inputs handled so far, whatever the outcome."""
        return self.stored + self.updated + self.skipped + len(self.failed)

    def to_dict(self) -> dict:
        return {"read": self.read, "stored": self.stored, "updated": self.updated,
                "skipped": self.skipped, "failed": len(self.failed),
                "failures": [{"source": f.source, "reason": f.reason} for f in self.failed]}


@dataclass
class _Job:
    article: Article
    replace: int | None  # id of the stored article whose facts are replaced
    extraction: Extraction | None = None


def _where(article: Article) -> str:
    return article.path or article.url or article.id


class Ingest:
    """One ingest run into the knowledge base behind `engine`.

    on_progress(report) is called after each input is handled; `now` gives the
    retrieval time recorded for new articles (default: the current UTC time)."""

    def __init__(self, engine: Engine, *, batch_size: int = DEFAULT_BATCH_SIZE,
                 on_progress: Callable[[IngestReport], None] | None = None,
                 now: Callable[[], dt.datetime] | None = None) -> None:
        self.engine = engine
        self.batch_size = max(1, batch_size)
        self.on_progress = on_progress or (lambda report: None)
        self.now = now or (lambda: dt.datetime.now(dt.timezone.utc))
        self.report = IngestReport()
        self._index: EntityIndex | None = None
        self._seen: set[tuple[str, str]] = set()

    # -- the two ways in -----------------------------------------------------------

    def run(self, items: Iterable[Article | ReadError], extractor: ExtractorLike) -> IngestReport:
        """Read, extract and store every article of `items` (ReadErrors count as failed)."""
        batch: list[_Job] = []
        for item in items:
            job = self._plan(item, extractor.version)
            if job is not None:
                batch.append(job)
            if len(batch) >= self.batch_size:
                self._flush(batch, extractor)
                batch = []
        if batch:
            self._flush(batch, extractor)
        return self.report

    def store(self, extractions: Iterable[Extraction]) -> IngestReport:
        """Store extractions made elsewhere (a cluster worker, a test) under the same rules."""
        batch: list[_Job] = []
        for extraction in extractions:
            job = self._plan(extraction.article, extraction.extractor)
            if job is not None:
                job.extraction = extraction
                batch.append(job)
            if len(batch) >= self.batch_size:
                self._write(batch)
                batch = []
        if batch:
            self._write(batch)
        return self.report

    # -- planning: what to do with one input -----------------------------------------

    def _plan(self, item: Article | ReadError, version: str | None) -> _Job | None:
        if isinstance(item, ReadError):
            where = item.source if item.line is None else f"{item.source}:{item.line}"
            self._fail(where, item.message)
            return None
        self.report.read += 1
        digest = content_hash(item)
        if (item.id, digest) in self._seen:
            return self._skip()
        self._seen.add((item.id, digest))
        with self.engine.connect() as conn:
            row = conn.execute(select(ArticleRow.id, ArticleRow.extractor).where(
                ArticleRow.ext_id == item.id, ArticleRow.content_hash == digest)).first()
            if row is not None:
                return self._skip() if row.extractor == version else _Job(item, row.id)
            moved = self._same_place(conn, item)
        return _Job(item, moved)

    @staticmethod
    def _same_place(conn: Connection, article: Article) -> int | None:
        """The stored article this one is a new text of (same id, same path or URL)."""
        places = [c == v for c, v in ((ArticleRow.path, article.path), (ArticleRow.url, article.url))
                  if v]
        if not places:
            return None
        return conn.scalar(select(ArticleRow.id).where(ArticleRow.ext_id == article.id, or_(*places))
                           .order_by(ArticleRow.id.desc()).limit(1))

    def _skip(self) -> None:
        self.report.skipped += 1
        self.on_progress(self.report)
        return None

    def _fail(self, source: str, reason: str) -> None:
        self.report.failed.append(Failure(source, reason))
        self.on_progress(self.report)

    # -- extracting and writing ------------------------------------------------------

    def _flush(self, batch: list[_Job], extractor: ExtractorLike) -> None:
        try:
            results = list(extractor.extract_many([job.article for job in batch]))
            for job, extraction in zip(batch, results, strict=True):
                job.extraction = extraction
        except Exception as exc:  # noqa: BLE001 - one article's failure must not stop the run
            log.info("batch extraction failed (%s); extracting one by one", exc)
            for job in batch:
                try:
                    job.extraction = next(iter(extractor.extract_many([job.article])))
                except Exception as one:  # noqa: BLE001
                    self._fail(_where(job.article), f"extraction failed: {_reason(one)}")
        self._write([job for job in batch if job.extraction is not None])

    def _write(self, batch: list[_Job]) -> None:
        if not batch:
            return
        try:
            self._transaction(batch)
        except Exception as exc:  # noqa: BLE001 - retried one by one below
            log.info("batch of %d failed (%s); storing one by one", len(batch), exc)
            self._index = None  # the failed transaction may have left it ahead of the database
            for job in batch:
                try:
                    self._transaction([job])
                except Exception as one:  # noqa: BLE001 - recorded as this article's failure
                    self._index = None
                    self._fail(_where(job.article), f"not stored: {_reason(one)}")

    def _transaction(self, batch: list[_Job]) -> None:
        done: list[_Job] = []
        with self.engine.begin() as conn:
            if self._index is None:
                self._index = EntityIndex.load(conn)
            for job in batch:
                self._store_one(conn, job)
                done.append(job)
        for job in done:  # counted only once committed
            if job.replace is None:
                self.report.stored += 1
            else:
                self.report.updated += 1
            self.on_progress(self.report)

    def _store_one(self, conn: Connection, job: _Job) -> None:
        assert job.extraction is not None and self._index is not None
        values = article_values(job.article, job.extraction.extractor, self.now())
        if job.replace is None:
            article_id = conn.execute(insert(ArticleRow).returning(ArticleRow.id),
                                      values).scalar_one()
            write_extraction(conn, self._index, article_id, job.extraction)
            return
        article_id = job.replace
        stored = conn.execute(select(ArticleRow.content_hash).where(ArticleRow.id == article_id)
                              ).scalar_one()
        if stored == values["content_hash"]:
            del values["retrieved"]  # same text, new extractor: still retrieved back then
        conn.execute(update(ArticleRow).where(ArticleRow.id == article_id).values(**values))
        entity_ids, event_ids = delete_facts(conn, article_id)
        write_extraction(conn, self._index, article_id, job.extraction)
        collect_orphans(conn, self._index, entity_ids, event_ids)


def _reason(exc: BaseException) -> str:
    text = str(getattr(exc, "orig", None) or exc).strip().splitlines()
    return f"{type(exc).__name__}: {text[0] if text else ''}".rstrip(": ")


def ingest(engine: Engine, items: Iterable[Article | ReadError], extractor: ExtractorLike,
           **options) -> IngestReport:
    """Read, extract and store `items` (see `Ingest`); returns the report."""
    return Ingest(engine, **options).run(items, extractor)
