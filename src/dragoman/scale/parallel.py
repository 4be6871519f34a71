"""Parallel ingest: worker processes extract, this process alone writes.

    with ProcessBackend(2, settings) as backend:
        sink = Ingest(kb.engine, batch_size=64)
        report = ParallelIngest(backend).run(sink, read_inputs(["articles/"]))

The sink plans first (an article already stored by the workers' extractor version is
skipped before it is sent anywhere), batches of `chunk` articles go to the backend's
workers, and the results are written back in input order by the one writer (`Ingest`
into the knowledge base, or `parquet.ParquetSink`), so a parallel ingest stores the
same rows, under the same ids, as a single-process one. At most `window` batches are
out at a time, so memory stays bounded however many articles come in, and the workers
keep extracting while the writer writes.

A backend runs `work.extract_batch` somewhere: `InlineBackend` in this process,
`ProcessBackend` in local worker processes, `cluster.DaskBackend` on a Dask cluster.
"""
from __future__ import annotations

import logging
import multiprocessing as mp
import threading
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from multiprocessing.context import BaseContext
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from dragoman.config import Settings
from dragoman.errors import ReadError
from dragoman.model import Article
from dragoman.scale.work import BatchResult, extract_batch, load_extractor

if TYPE_CHECKING:  # the store is imported by the sink; workers start without waiting for it
    from dragoman.store.ingest import IngestReport, Job

log = logging.getLogger(__name__)

# Articles per task: large enough that sending them costs little next to extracting
# them (~0.1 s an article with en_core_web_sm), small enough that two workers finish
# together at the end of a 200-article run.
DEFAULT_CHUNK = 8
# Tasks out per worker: 4 x 8 articles keep two workers busy for about as long as the
# writer takes to store a transaction of 64 (0.015 s an article on SQLite).
WINDOW_PER_WORKER = 4

T = TypeVar("T")


class FutureLike(Protocol):
    def result(self, timeout: float | None = None) -> Any: ...


class Backend(Protocol):
    """Where batches are extracted. workers: how many batches run at once."""

    workers: int

    def version(self) -> str:
        """The workers' extractor version (loads their pipelines)."""

    def submit(self, articles: list[Article]) -> FutureLike:
        """Start extracting `articles`; the future's result is a `BatchResult`."""


class Sink(Protocol):
    """The one writer: plans what to extract, records failures, writes in order."""

    report: IngestReport

    def plan(self, items: Iterable[Article | ReadError], version: str) -> Iterator[Job]: ...

    def write(self, jobs: Iterable[Job]) -> IngestReport: ...

    def fail(self, job: Job, reason: str) -> None: ...


class InlineBackend:
    """Extraction in this process, one batch at a time (for `--parquet` without workers)."""

    workers = 1

    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    def version(self) -> str:
        return load_extractor(self.settings)

    def submit(self, articles: list[Article]) -> Future:
        future: Future = Future()
        try:
            future.set_result(extract_batch(articles, self.settings))
        except Exception as exc:  # noqa: BLE001 - delivered through the future, as remotely
            future.set_exception(exc)
        return future

    def __enter__(self) -> InlineBackend:
        return self

    def __exit__(self, *exc) -> None:
        return None


# Imported once by the fork server, so that its workers start with spaCy and dragoman
# imported ("__main__": the program itself, which a worker would otherwise import again).
PRELOAD = ["__main__", "dragoman.extraction", "dragoman.scale.work"]


def worker_context(method: str | None = None) -> BaseContext:
    """How worker processes start: "forkserver" where there is one (Unix): forked from a
    single-threaded server that imported spaCy and dragoman once, and ended without
    tearing their pipeline down (a second saved at the end of a run); else "spawn": a
    fresh interpreter each. Never "fork": this process has threads (progress, pools)."""
    method = method or ("forkserver" if "forkserver" in mp.get_all_start_methods() else "spawn")
    context = mp.get_context(method)
    if method == "forkserver":
        context.set_forkserver_preload(PRELOAD)  # no effect once this process's server runs
    return context


class ProcessBackend:
    """`workers` local processes (see `worker_context`), each loading the pipeline once.
    A pool broken by a dying worker (out of memory, a crash in native code) is replaced
    on the next submit."""

    def __init__(self, workers: int, settings: Settings, *, context: str | None = None) -> None:
        self.workers = max(1, workers)
        self.settings = settings
        self.context = worker_context(context)
        self._pool = self._new_pool()
        # One warm-up task per worker, sent at once from a thread (starting the fork
        # server takes a moment): the pipelines load side by side while this process
        # goes on to open the knowledge base.
        self._warm_up: list[Future] = []
        self._starting = threading.Thread(target=self._start, name="dragoman-workers",
                                          daemon=True)
        self._starting.start()

    def _new_pool(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(self.workers, mp_context=self.context)

    def _start(self) -> None:
        try:
            for _ in range(self.workers):
                self._warm_up.append(self.submit_call(load_extractor, self.settings))
        except Exception as exc:  # noqa: BLE001 - raised by version(), in the caller's thread
            failed: Future = Future()
            failed.set_exception(exc)
            self._warm_up.append(failed)

    def version(self) -> str:
        self._starting.join()
        return [f.result() for f in self._warm_up][0]

    def submit(self, articles: list[Article]) -> Future:
        return self.submit_call(extract_batch, articles, self.settings)

    def submit_call(self, fn, *args) -> Future:
        try:
            return self._pool.submit(fn, *args)
        except BrokenProcessPool:
            log.warning("a worker process died; starting new workers")
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = self._new_pool()
            return self._pool.submit(fn, *args)

    def close(self) -> None:
        self._starting.join()
        self._pool.shutdown(wait=True, cancel_futures=True)

    def __enter__(self) -> ProcessBackend:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


@dataclass
class WorkerStats:
    """What the workers did. sent: articles sent out; tasks: batches run (retries
    included); peak_rss_mb: peak resident memory seen per worker ("host:pid"), MiB."""

    sent: int = 0
    tasks: int = 0
    peak_rss_mb: dict[str, float] = field(default_factory=dict)

    def record(self, result: BatchResult) -> None:
        self.tasks += 1
        old = self.peak_rss_mb.get(result.worker, 0.0)
        self.peak_rss_mb[result.worker] = max(old, result.peak_rss_mb)


class ParallelIngest:
    """Ingest with extraction on `backend`'s workers and writing in this process.

    chunk: articles per task; window: tasks out at a time (default WINDOW_PER_WORKER
    per worker, so the workers keep busy while the writer writes a transaction)."""

    def __init__(self, backend: Backend, *, chunk: int = DEFAULT_CHUNK,
                 window: int | None = None) -> None:
        self.backend = backend
        self.chunk = max(1, chunk)
        self.window = window
        self.stats = WorkerStats()

    def run(self, sink: Sink, items: Iterable[Article | ReadError]) -> IngestReport:
        """Plan, extract and write every item of `items`; returns the sink's report."""
        version = self.backend.version()  # first: a cluster's workers are known after it
        window = max(1, self.window or WINDOW_PER_WORKER * self.backend.workers)
        report = sink.write(self._extracted(sink, sink.plan(items, version), window))
        for worker, peak in sorted(self.stats.peak_rss_mb.items()):
            log.info("worker %s: peak resident memory %.0f MiB", worker, peak)
        return report

    def _extracted(self, sink: Sink, jobs: Iterator[Job], window: int) -> Iterator[Job]:
        """The jobs with their extractions, in input order; failures go to the sink.
        At most `window` tasks are out at a time (plus one article sent again)."""
        batches = chunks(jobs, self.chunk)
        pending: deque[tuple[list[Job], FutureLike]] = deque()

        def fill() -> None:
            while len(pending) < window and (batch := next(batches, None)):
                pending.append((batch, self.backend.submit([j.article for j in batch])))
                self.stats.sent += len(batch)

        fill()
        while pending:
            batch, future = pending[0]
            results = self._results(batch, future)
            pending.popleft()
            fill()  # the workers get the next batch before this one is written
            for job, result in zip(batch, results, strict=True):
                if isinstance(result, str):
                    sink.fail(job, f"extraction failed: {result}")
                else:
                    job.extraction = result
                    yield job

    def _results(self, batch: list[Job], future: FutureLike) -> list:
        """The batch's extractions or failure reasons. A batch whose task failed as a
        whole (its worker died) is sent again one article per task, one at a time, so
        an article that kills its worker costs only itself."""
        try:
            result: BatchResult = future.result()
        except Exception as exc:  # noqa: BLE001 - a worker's death, not an article's error
            if len(batch) == 1:
                return [f"worker failed: {_reason(exc)}"]
            log.info("a task of %d articles failed (%s); sending them one by one",
                     len(batch), _reason(exc))
            return [self._results([job], self.backend.submit([job.article]))[0]
                    for job in batch]
        self.stats.record(result)
        return result.results


def chunks(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """Lists of `size` consecutive items (the last may be shorter)."""
    batch: list[T] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _reason(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return f"{type(exc).__name__}: {text[0] if text else ''}".rstrip(": ")
