"""Ingest: articles in, facts stored; idempotent, incremental, in batched transactions.

An article is known by its id and the SHA-256 of its date and text. Reading the
same article again skips it before any extraction (a duplicate); an article whose
facts came from another extractor version is extracted again and its facts are
replaced; an article whose text changed at the same place (same id and path or
URL) is updated. Articles are extracted and stored `batch_size` at a time, one
transaction per batch; when a batch fails, its articles are retried one by one,
so one bad article costs only itself, never the others or what is stored.

Writers take turns (`db.write_lock`): two ingests into one knowledge base at once
store each article once, and each reloads its entity index when the other has
written. When the database goes out of reach (a server restarting), a transaction
is tried again for RETRY_DELAYS, then the ingest stops with StoreUnavailable; what
was committed stays, and running the ingest again finishes it.
"""
from __future__ import annotations

import datetime as dt
import logging
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Protocol, TypeVar

from sqlalchemy import Connection, Engine, bindparam, insert, or_, select, update

from dragoman.errors import DragomanError, ReadError
from dragoman.model import Article, Extraction
from dragoman.store.db import describe_url, is_transient, write_lock
from dragoman.store.resolve import EntityIndex, index_state
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
# Seconds between tries when the database is out of reach: some 15 s in all, longer
# than a PostgreSQL server takes to restart; then the ingest stops with StoreUnavailable.
RETRY_DELAYS = (0.5, 1.0, 2.0, 4.0, 8.0)
T = TypeVar("T")
# Statements built once, not per article (SQLAlchemy then skips building them again).
_FIND_ARTICLE = select(ArticleRow.id, ArticleRow.extractor).where(
    ArticleRow.ext_id == bindparam("ext_id"), ArticleRow.content_hash == bindparam("digest"))
_INSERT_ARTICLE = insert(ArticleRow).returning(ArticleRow.id)


class StoreUnavailable(DragomanError):
    """The knowledge base went out of reach during an ingest and did not come back;
    what was stored before is kept, and running the ingest again finishes it."""


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
class Job:
    """One article to extract and store (see `Ingest.plan`); `extraction` is filled in
    by whoever extracts it, in this process or elsewhere."""

    article: Article
    replace: int | None  # id of the stored article whose facts are replaced
    extraction: Extraction | None = None


def _where(article: Article) -> str:
    return article.path or article.url or article.id


class Ingest:
    """One ingest run into the knowledge base behind `engine`.

    on_progress(report) is called after each input is handled; `now` gives the
    retrieval time recorded for new articles (default: the current UTC time);
    report: where to count (default a new one; several runs may share one)."""

    def __init__(self, engine: Engine, *, batch_size: int = DEFAULT_BATCH_SIZE,
                 on_progress: Callable[[IngestReport], None] | None = None,
                 now: Callable[[], dt.datetime] | None = None,
                 report: IngestReport | None = None) -> None:
        self.engine = engine
        self.batch_size = max(1, batch_size)
        self.on_progress = on_progress or (lambda report: None)
        self.now = now or (lambda: dt.datetime.now(dt.timezone.utc))
        self.report = report if report is not None else IngestReport()
        self._index: EntityIndex | None = None
        self._state: tuple = ()  # `index_state` when this ingest last wrote
        self._seen: set[tuple[str, str]] = set()

    # -- the two ways in -----------------------------------------------------------

    def run(self, items: Iterable[Article | ReadError], extractor: ExtractorLike) -> IngestReport:
        """Read, extract and store every article of `items` (ReadErrors count as failed)."""
        batch: list[Job] = []
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
        def jobs() -> Iterator[Job]:
            for extraction in extractions:
                job = self._plan(extraction.article, extraction.extractor)
                if job is not None:
                    job.extraction = extraction
                    yield job
        return self.write(jobs())

    # -- the parts, for extraction elsewhere (worker processes, a Dask cluster) -------

    def plan(self, items: Iterable[Article | ReadError], version: str) -> Iterator[Job]:
        """The articles of `items` that extractor `version` has to extract, as jobs, in
        input order. Duplicates and ReadErrors are counted in the report as they pass
        and not yielded, so stored articles are never sent out to be extracted again."""
        for item in items:
            job = self._plan(item, version)
            if job is not None:
                yield job

    def write(self, jobs: Iterable[Job]) -> IngestReport:
        """Store planned jobs whose `extraction` was made elsewhere, in order, `batch_size`
        per transaction (jobs without an extraction are passed over)."""
        batch: list[Job] = []
        for job in jobs:
            if job.extraction is not None:
                batch.append(job)
            if len(batch) >= self.batch_size:
                self._write(batch)
                batch = []
        self._write(batch)
        return self.report

    def fail(self, job: Job, reason: str) -> None:
        """Count a planned job's article as failed (its extraction failed elsewhere)."""
        self._fail(_where(job.article), reason)

    # -- planning: what to do with one input -----------------------------------------

    def _plan(self, item: Article | ReadError, version: str | None) -> Job | None:
        if isinstance(item, ReadError):
            where = item.source if item.line is None else f"{item.source}:{item.line}"
            self._fail(where, item.message)
            return None
        self.report.read += 1
        nul = [name for name, value in vars(item).items()
               if isinstance(value, str) and "\x00" in value]
        if nul:  # PostgreSQL cannot store one; no article needs one
            self._fail(_where(item), f"the article's {nul[0]} holds a NUL character (\\x00), "
                                     f"which the knowledge base cannot store; remove it")
            return None
        digest = content_hash(item)
        if (item.id, digest) in self._seen:
            return self._skip()
        self._seen.add((item.id, digest))
        try:
            row, moved = self._retrying(lambda: self._look_up(item, digest))
        except StoreUnavailable:
            raise
        except Exception as exc:  # noqa: BLE001 - this article's values, not the database
            self._fail(_where(item), f"not stored: {_reason(exc)}")
            return None
        if row is not None:
            return self._skip() if row.extractor == version else Job(item, row.id)
        return Job(item, moved)

    def _look_up(self, item: Article, digest: str) -> tuple:
        """(the stored row of this article, or None; the stored article it is a new
        text of, or None)."""
        with self.engine.connect() as conn:
            row = conn.execute(_FIND_ARTICLE, {"ext_id": item.id, "digest": digest}).first()
            return row, None if row is not None else self._same_place(conn, item)

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

    def _flush(self, batch: list[Job], extractor: ExtractorLike) -> None:
        pending = list(batch)
        while pending:
            try:
                for extraction in extractor.extract_many([job.article for job in pending]):
                    pending.pop(0).extraction = extraction
            except DragomanError as exc:
                if pending and getattr(exc, "article", None) is pending[0].article:
                    # this article alone (over its time limit, too long); the rest go on
                    self._fail(_where(pending.pop(0).article), getattr(exc, "message", str(exc)))
                    continue
                self._extract_one_by_one(pending, extractor, exc)
            except Exception as exc:  # noqa: BLE001 - one article's failure must not stop the run
                self._extract_one_by_one(pending, extractor, exc)
            for job in pending:  # the extractor ended early: never lose an article unsaid
                self._fail(_where(job.article), "extraction failed: the extractor gave no result")
            break
        self._write([job for job in batch if job.extraction is not None])

    def _extract_one_by_one(self, jobs: list[Job], extractor: ExtractorLike,
                            exc: Exception) -> None:
        log.info("batch extraction failed (%s); extracting one by one", exc)
        for job in jobs:
            try:
                job.extraction = next(iter(extractor.extract_many([job.article])))
            except DragomanError as one:
                self._fail(_where(job.article), getattr(one, "message", str(one)))
            except Exception as one:  # noqa: BLE001
                self._fail(_where(job.article), f"extraction failed: {_reason(one)}")
        jobs.clear()

    def _write(self, batch: list[Job]) -> None:
        if not batch:
            return
        try:
            self._retrying(lambda: self._transaction(batch))
        except StoreUnavailable:
            raise
        except Exception as exc:  # noqa: BLE001 - retried one by one below
            log.info("batch of %d failed (%s); storing one by one", len(batch), exc)
            self._index = None  # the failed transaction may have left it ahead of the database
            for job in batch:
                try:
                    self._retrying(lambda job=job: self._transaction([job]))
                except StoreUnavailable:
                    raise
                except Exception as one:  # noqa: BLE001 - recorded as this article's failure
                    self._index = None
                    self._fail(_where(job.article), f"not stored: {_reason(one)}")

    def _retrying(self, action: Callable[[], T]) -> T:
        """`action()`, tried again while the database is out of reach (a server
        restarting); StoreUnavailable when it stays out of reach for RETRY_DELAYS."""
        for delay in (*RETRY_DELAYS, None):
            try:
                return action()
            except Exception as exc:
                if not is_transient(exc):
                    raise
                self._index = None  # a rolled-back transaction may have left it ahead
                if delay is None:
                    raise StoreUnavailable(
                        f"lost the knowledge base {describe_url(str(self.engine.url))} "
                        f"({_reason(exc)}) and it did not come back within "
                        f"{sum(RETRY_DELAYS):g} s; the {self.report.stored + self.report.updated} "
                        f"article(s) stored so far are kept: run the same command again to "
                        f"finish") from None
                log.warning("database out of reach (%s); trying again in %g s",
                            _reason(exc), delay)
                time.sleep(delay)
        raise AssertionError("unreachable")

    def _transaction(self, batch: list[Job]) -> None:
        """Store `batch` in one transaction, as the database's one writer meanwhile
        (another ingest waits), with the entity index brought up to date first."""
        outcomes: list[str] = []
        with self.engine.begin() as conn:
            write_lock(conn)
            state = index_state(conn)
            if self._index is None or state != self._state:  # first, or another writer
                self._index = EntityIndex.load(conn)
            for job in batch:
                outcomes.append(self._store_one(conn, job))
            self._state = index_state(conn)
        for outcome in outcomes:  # counted only once committed
            setattr(self.report, outcome, getattr(self.report, outcome) + 1)
            self.on_progress(self.report)

    def _store_one(self, conn: Connection, job: Job) -> str:
        """Store one job; "stored", "updated" or "skipped" (another ingest stored this
        article with this extractor since it was planned)."""
        assert job.extraction is not None and self._index is not None
        values = article_values(job.article, job.extraction.extractor, self.now())
        if job.replace is None:
            found = conn.execute(_FIND_ARTICLE, {"ext_id": job.article.id,
                                                 "digest": values["content_hash"]}).first()
            if found is None:
                article_id = conn.execute(_INSERT_ARTICLE, values).scalar_one()
                write_extraction(conn, self._index, article_id, job.extraction)
                return "stored"
            if found.extractor == job.extraction.extractor:
                return "skipped"
            job.replace = found.id
        article_id = job.replace
        stored = conn.execute(select(ArticleRow.content_hash).where(ArticleRow.id == article_id)
                              ).scalar_one()
        if stored == values["content_hash"]:
            del values["retrieved"]  # same text, new extractor: still retrieved back then
        conn.execute(update(ArticleRow).where(ArticleRow.id == article_id).values(**values))
        entity_ids, event_ids = delete_facts(conn, article_id)
        write_extraction(conn, self._index, article_id, job.extraction)
        collect_orphans(conn, self._index, entity_ids, event_ids)
        return "updated"


def _reason(exc: BaseException) -> str:
    text = str(getattr(exc, "orig", None) or exc).strip().splitlines()
    return f"{type(exc).__name__}: {text[0] if text else ''}".rstrip(": ")


def ingest(engine: Engine, items: Iterable[Article | ReadError], extractor: ExtractorLike,
           **options) -> IngestReport:
    """Read, extract and store `items` (see `Ingest`); returns the report."""
    return Ingest(engine, **options).run(items, extractor)
