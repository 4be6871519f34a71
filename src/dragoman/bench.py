"""The benchmark behind `dragoman bench`: speed and memory, measured in one run.

Three phases over the same generated corpus, each in a fresh worker process so that
its peak memory is its own: (a) the bare spaCy pipeline of the same model
(`nlp.pipe`), (b) dragoman's full extraction, (c) extraction plus ingest into a new
SQLite knowledge base. Times exclude loading the model (reported apart).
"""
from __future__ import annotations

import multiprocessing as mp
import resource
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

from dragoman.config import Settings
from dragoman.corpus import generate
from dragoman.model import Article

PHASES = ("spacy", "extract", "ingest")


@dataclass
class PhaseResult:
    """One phase. seconds: wall time over the corpus (model loading excluded);
    load_seconds: loading the pipeline; peak_rss_mb: the worker's peak resident memory, MiB."""

    phase: str
    articles: int
    words: int
    seconds: float
    load_seconds: float
    peak_rss_mb: float

    @property
    def articles_per_s(self) -> float:
        return self.articles / self.seconds if self.seconds else 0.0

    @property
    def words_per_s(self) -> float:
        return self.words / self.seconds if self.seconds else 0.0


@dataclass
class BenchResult:
    """All phases of one run; ratios are throughput relative to the bare spaCy pipeline."""

    model: str
    articles: int
    phases: dict[str, PhaseResult] = field(default_factory=dict)

    def ratio(self, phase: str) -> float | None:
        base, other = self.phases.get("spacy"), self.phases.get(phase)
        if not base or not other or not base.articles_per_s:
            return None
        return other.articles_per_s / base.articles_per_s

    def to_dict(self) -> dict:
        return {
            "model": self.model, "articles": self.articles,
            "phases": {k: {**asdict(v), "articles_per_s": round(v.articles_per_s, 2),
                           "words_per_s": round(v.words_per_s, 1)} for k, v in self.phases.items()},
            "ratios": {"extract/spacy": self.ratio("extract"), "ingest/spacy": self.ratio("ingest")},
        }


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux reports KiB


def _run_phase(phase: str, settings: Settings, articles: list[Article], db_dir: str) -> PhaseResult:
    words = sum(len(a.text.split()) for a in articles)
    t0 = time.perf_counter()
    if phase == "spacy":
        import spacy
        nlp = spacy.load(settings.model)
        loaded = time.perf_counter()
        for _ in nlp.pipe((a.text for a in articles), batch_size=32):
            pass
    else:
        from dragoman.extraction import Extractor
        extractor = Extractor(settings)
        loaded = time.perf_counter()
        if phase == "extract":
            for record in extractor.extract_many(articles):
                record.to_dict()
        else:
            from dragoman.store.kb import KnowledgeBase
            with KnowledgeBase(Path(db_dir) / "bench.sqlite") as kb:
                kb.ingest(articles, extractor)
    done = time.perf_counter()
    return PhaseResult(phase, len(articles), words, done - loaded, loaded - t0, _peak_rss_mb())


def _worker(phase: str, settings: Settings, articles: list[Article], db_dir: str, queue) -> None:
    queue.put(_run_phase(phase, settings, articles, db_dir))


def run_bench(settings: Settings, n: int, examples: Path, phases: tuple[str, ...] = PHASES,
              on_phase=None) -> BenchResult:
    """Generate `n` articles from `examples` and measure each phase in its own process.

    on_phase(phase_name) is called before each phase starts (for progress display)."""
    articles = list(generate(n, examples))
    result = BenchResult(settings.model, n)
    ctx = mp.get_context("spawn")
    with tempfile.TemporaryDirectory(prefix="dragoman-bench-") as db_dir:
        for phase in phases:
            if on_phase:
                on_phase(phase)
            queue = ctx.Queue()
            proc = ctx.Process(target=_worker, args=(phase, settings, articles, db_dir, queue))
            proc.start()
            result.phases[phase] = queue.get()
            proc.join()
    return result
