"""Extraction: articles in, `Extraction` records (the `dragoman/1` contract) out.

The one entry point that the CLI, the HTTP API and cluster workers all call.

Each article has a time limit (`time_limit`, seconds; DRAGOMAN_TIME_LIMIT): the
statistical model runs over a batch of articles at once, then dragoman's own
components run article by article with the clock checked between components. In
the main thread a watchdog (SIGALRM) also stops a single component that runs away
(a regular expression that backtracks, a loop that does not end); elsewhere (worker
threads of the HTTP server) the check between components is the bound. An article
over its limit is left out and reported as an `ExtractionError`; the batch goes on.
"""
from __future__ import annotations

import datetime as dt
import gc
import math
import os
import signal
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from dragoman import __version__
from dragoman.config import Settings, load_settings
from dragoman.errors import ConfigError, DragomanError
from dragoman.model import Article, Extraction
from dragoman.nlp.extensions import register_extensions
from dragoman.nlp.pipeline import build_pipeline

# Seconds one article may take in dragoman's components. Articles of the genre take
# well under a second (a 50 KB article some 5 s on one core); a minute leaves room for
# slow machines and still stops a runaway long before a batch is lost.
DEFAULT_TIME_LIMIT = 60.0
TIME_LIMIT_ENV = "DRAGOMAN_TIME_LIMIT"
OWN_PREFIX = "dragoman_"


class ExtractionError(DragomanError):
    """One article could not be extracted (over its time limit, too long for the
    model); the others go on. article: the article; message: what happened and what to do."""

    def __init__(self, article: Article, message: str) -> None:
        self.article = article
        self.message = message
        super().__init__(str(self))

    @property
    def source(self) -> str:
        """Where the article came from: its path, else its URL, else its id."""
        return self.article.path or self.article.url or self.article.id

    def __str__(self) -> str:
        return f"{self.source}: {self.message}"


OnError = Callable[[ExtractionError], None]


class _Overtime(BaseException):
    """Raised inside a component when its article's time is up: a BaseException, so the
    `except Exception` of a component cannot swallow it."""


def _parse_date(value: str | dt.date | None) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(value)


def time_limit_setting(settings: Settings | None = None,
                       env: Mapping[str, str] | None = None) -> float | None:
    """Seconds per article: `settings.time_limit` when the settings have it, else
    DRAGOMAN_TIME_LIMIT, else DEFAULT_TIME_LIMIT; None (no limit) for 0 or "off"."""
    value = getattr(settings, "time_limit", None)
    if value is None:
        value = (os.environ if env is None else env).get(TIME_LIMIT_ENV) or DEFAULT_TIME_LIMIT
    if isinstance(value, str) and value.strip().lower() in ("off", "none", "0"):
        return None
    try:
        seconds = float(value)
    except (TypeError, ValueError):
        raise ConfigError(f"{TIME_LIMIT_ENV} must be a number of seconds (or off), "
                          f"got {value!r}") from None
    if seconds < 0 or math.isnan(seconds):
        raise ConfigError(f"{TIME_LIMIT_ENV} must not be negative, got {value!r}")
    return seconds or None


# Allocations between young-generation collections (CPython's default: 700). spaCy and
# our components make many short-lived objects that reference counting frees anyway;
# collecting every 700 allocations cost ~10% of extraction CPU over 120 generated
# articles (process time, three runs alternated each way), every 50,000 costs ~nothing.
GC_YOUNG_THRESHOLD = 50_000


def relax_garbage_collector() -> None:
    """Freeze what is alive now (the loaded pipeline, codebooks: never garbage) out of the
    collector's scans and let young objects pile up longer between collections. Process-
    wide and idempotent; memory is unchanged in practice (cycles are rare in our objects)."""
    gc.collect()
    gc.freeze()
    young, middle, old = gc.get_threshold()
    gc.set_threshold(max(GC_YOUNG_THRESHOLD, young), middle, old)


class Extractor:
    """A loaded pipeline. Build once, then extract any number of articles.

    batch_size: articles per `nlp.pipe` batch; time_limit: seconds one article may
    take in dragoman's components (None: `time_limit_setting`, 0: no limit);
    nlp: a pipeline to use instead of building one from `settings.model` (tests).
    """

    def __init__(self, settings: Settings | None = None, *, batch_size: int = 32,
                 time_limit: float | None = None, nlp: Language | None = None) -> None:
        self.settings = settings or load_settings()
        register_extensions()
        self.nlp: Language = (nlp if nlp is not None
                              else build_pipeline(self.settings.model, blas=self.settings.blas))
        self.batch_size = batch_size
        self.time_limit = (time_limit_setting(self.settings) if time_limit is None
                           else time_limit or None)
        relax_garbage_collector()
        meta = self.nlp.meta
        self.version = f"dragoman {__version__}; {meta.get('name')} {meta.get('version')}"

    def _doc(self, article: Article) -> Doc:
        doc = self.nlp.make_doc(article.text)
        doc._.pub_date = _parse_date(article.date)
        return doc

    def _own(self) -> list[tuple[str, Callable[[Doc], Doc]]]:
        """dragoman's components at the end of the pipeline: run article by article,
        under the time limit. (Read each time: the pipeline may be changed after load.)"""
        own: list[tuple[str, Callable[[Doc], Doc]]] = []
        for name, proc in reversed(self.nlp.pipeline):
            if not name.startswith(OWN_PREFIX):
                break
            own.append((name, proc))
        return own[::-1]

    def extract_article(self, article: Article) -> Extraction:
        """The extraction of one article; ExtractionError when it cannot be made."""
        return next(self.extract_many([article]))

    def extract_many(self, articles: Iterable[Article], *,
                     on_error: OnError | None = None) -> Iterator[Extraction]:
        """Extract articles in batches, in order. An article that cannot be extracted
        (over the time limit, longer than the model takes) is passed to on_error and
        left out; without on_error its ExtractionError is raised, after the extractions
        of the articles before it."""
        batch: list[Article] = []
        for article in articles:
            batch.append(article)
            if len(batch) >= self.batch_size:
                yield from self._run(batch, on_error)
                batch = []
        if batch:
            yield from self._run(batch, on_error)

    def _run(self, batch: list[Article], on_error: OnError | None) -> Iterator[Extraction]:
        own = self._own()
        limit = self.nlp.max_length
        fits = [a for a in batch if len(a.text) <= limit]
        docs = iter(self.nlp.pipe((self._doc(a) for a in fits), batch_size=self.batch_size,
                                  disable=[name for name, _ in own]))
        for article in batch:
            if len(article.text) > limit:
                _failed(on_error, ExtractionError(article, (
                    f"the text is {len(article.text):,} characters, over the {limit:,} the "
                    f"model takes; split the article")))
                continue
            doc = next(docs)
            try:
                doc = self._finish(doc, own)
                record = to_extraction(article, doc, self.version)
            except _Overtime:
                _failed(on_error, ExtractionError(article, (
                    f"extraction stopped after {self.time_limit:g} s (the time limit per "
                    f"article); the article is left out (raise {TIME_LIMIT_ENV} to give it "
                    f"longer)")))
                continue
            finally:
                _release(doc)
            yield record

    def _finish(self, doc: Doc, own: list[tuple[str, Callable[[Doc], Doc]]]) -> Doc:
        """Run dragoman's components over `doc`; _Overtime when its time is up."""
        if self.time_limit is None:
            for _, proc in own:
                doc = proc(doc)
            return doc
        deadline = time.monotonic() + self.time_limit
        with _watchdog(self.time_limit):
            for _, proc in own:
                if time.monotonic() > deadline:
                    raise _Overtime()
                doc = proc(doc)
        return doc


def _release(doc: Doc) -> None:
    """Break the cycles our components make through `doc`: extension values (Spans of
    the doc in its own user_data) and the sentence index's hooks (closures over the doc's
    sentences). Only the garbage collector, run seldom (see GC_YOUNG_THRESHOLD), would
    free them; broken here, the doc and its arrays go as soon as it is dropped."""
    doc.user_data.clear()
    for hooks in (doc.user_hooks, doc.user_token_hooks, doc.user_span_hooks):
        hooks.clear()


def _failed(on_error: OnError | None, error: ExtractionError) -> None:
    if on_error is None:
        raise error
    on_error(error)


def _ring(signum: int, frame: object) -> None:
    raise _Overtime()


def _can_alarm() -> bool:
    """May the watchdog use SIGALRM: on Unix, in the main thread, with no one else's
    handler or timer in place?"""
    if not hasattr(signal, "setitimer"):
        return False
    if threading.current_thread() is not threading.main_thread():
        return False
    handler = signal.getsignal(signal.SIGALRM)
    return handler in (signal.SIG_DFL, signal.SIG_IGN, _ring) and \
        signal.getitimer(signal.ITIMER_REAL)[0] == 0


@contextmanager
def _watchdog(seconds: float) -> Iterator[None]:
    """Raise _Overtime in the main thread after `seconds`, wherever it is (between
    bytecodes, or when a regular expression checks for signals); a no-op elsewhere."""
    if not _can_alarm():
        yield
        return
    previous = signal.signal(signal.SIGALRM, _ring)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        while True:  # an alarm ringing while it is disarmed is too late to count
            try:
                signal.setitimer(signal.ITIMER_REAL, 0)
                signal.signal(signal.SIGALRM, previous)
                break
            except _Overtime:
                continue


def to_extraction(article: Article, doc: Doc, version: str | None = None) -> Extraction:
    """Collect what the components wrote on `doc` into an `Extraction`."""
    return Extraction(
        article=article,
        entities=list(doc._.entities or []),
        quotes=list(doc._.quotes or []),
        claims=list(doc._.claims or []),
        events=list(doc._.events or []),
        sectors=list(doc._.sectors or []),
        findings=list(doc._.findings or []),
        extractor=version,
    )


@lru_cache(maxsize=2)
def default_extractor(model: str | None = None) -> Extractor:
    """One shared extractor per model name, loaded on first use."""
    settings = load_settings()
    return Extractor(settings.with_overrides(model=model))


def extract(text: str, date: str | dt.date | None = None, *, id: str = "text",
            title: str | None = None, source: str | None = None,
            model: str | None = None) -> Extraction:
    """Extract one article given as text (the body, without a header).

    date: publication date ("YYYY-MM-DD"), which relative dates are resolved against.
    Raises ExtractionError when the article is over the time limit or too long.
    """
    iso = date.isoformat() if isinstance(date, dt.date) else date
    article = Article(id=id, text=text, date=iso, title=title, source=source)
    return default_extractor(model).extract_article(article)
