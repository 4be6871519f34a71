"""What an extraction worker runs: the pipeline loaded once per process, batches extracted.

The same module-level functions serve local worker processes (`parallel.py`) and Dask
workers (`cluster.py`): their arguments (`Article`s, `Settings`) and results
(`BatchResult` holding `Extraction`s) are plain dataclasses, so they pickle. A worker
never touches the knowledge base; the process that sent the work stores the results.
"""
from __future__ import annotations

import inspect
import logging
import os
import socket
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from dragoman.config import Settings
from dragoman.model import Article, Extraction

log = logging.getLogger(__name__)


@dataclass
class BatchResult:
    """What a worker sends back for one batch of articles.

    results: per article, in the batch's order, its Extraction or the reason (text) its
    extraction failed; worker: "host:pid" of the process that did it; peak_rss_mb: that
    process's peak resident memory so far, MiB (2**20 bytes)."""

    results: list[Extraction | str]
    worker: str
    peak_rss_mb: float


@lru_cache(maxsize=2)
def worker_extractor(settings: Settings):
    """The extractor of this process for `settings`, loaded on first use (seconds), then
    kept for every later batch: a worker loads the pipeline once."""
    from dragoman.extraction import Extractor
    return Extractor(settings)


def load_extractor(settings: Settings) -> str:
    """Load this worker's pipeline now (a warm-up task) and return its version string,
    which the ingest compares with the stored articles' before dispatching any."""
    return worker_extractor(settings).version


def extract_batch(articles: list[Article], settings: Settings) -> BatchResult:
    """Extract `articles` in one `nlp.pipe` run. An article the extractor reports as
    failed (over its time limit, too long) costs only itself: its reason is its result.
    When the run raises, the articles are extracted again one by one."""
    extractor = worker_extractor(settings)
    reasons: dict[int, str] = {}  # by id() of the article

    def on_error(error) -> None:
        reasons[id(error.article)] = _reason(error)

    try:
        done = {id(e.article): e for e in _extract_many(extractor, articles, on_error)}
        results = [done.get(id(a)) or reasons.get(id(a), "no extraction came back")
                   for a in articles]
    except Exception as exc:  # noqa: BLE001 - retried one by one below
        log.info("batch of %d failed (%s); extracting one by one", len(articles), exc)
        results = [_extract_one(extractor, article) for article in articles]
    return BatchResult(results, worker_name(), peak_rss_mb())


def _extract_many(extractor, articles: list[Article], on_error) -> Iterator[Extraction]:
    # Extractors that report failed articles through on_error go on past them; older
    # ones raise, and the caller then goes one by one.
    if "on_error" in inspect.signature(extractor.extract_many).parameters:
        return extractor.extract_many(articles, on_error=on_error)
    return extractor.extract_many(articles)


def _extract_one(extractor, article: Article) -> Extraction | str:
    try:
        return extractor.extract_article(article)
    except Exception as exc:  # noqa: BLE001 - reported as this article's failure
        return _reason(exc)


def _reason(exc: BaseException) -> str:
    """"ExtractionError: <what happened>" (without the article's source, which the
    writer's failure report adds)."""
    text = getattr(exc, "message", None) or str(exc)
    return f"{type(exc).__name__}: {text}".rstrip(": ")


def worker_name() -> str:
    """"host:pid" of this process."""
    return f"{socket.gethostname()}:{os.getpid()}"


def peak_rss_mb() -> float:
    """Peak resident memory of this process so far, MiB (Linux VmHWM); 0.0 where the
    platform does not say (Windows)."""
    try:
        import resource
    except ImportError:
        return 0.0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    # ru_maxrss is in KiB on Linux and in bytes on macOS.
    return peak / (2 ** 20 if sys.platform == "darwin" else 2 ** 10)
