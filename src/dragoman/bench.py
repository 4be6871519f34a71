"""The benchmark behind `dragoman bench`: speed and memory, measured in one run.

Phases over the same generated corpus, each in a fresh worker process so that its
peak memory is its own: (a) "spacy", the bare spaCy pipeline of the same model
(`nlp.pipe`) as spaCy loads it; (a') "spacy-blas", the same bare pipeline with its
matrix products on dragoman's BLAS setting (`Settings.blas`, see
`nlp.fastpipes.use_blas`), so that what dragoman gains over (a) by the BLAS alone shows
apart from what it gains or loses in its own work; (b) dragoman's full extraction;
(c) extraction plus ingest into a new SQLite knowledge base. Times exclude loading the
model (reported apart).
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

PHASES = ("spacy", "spacy-blas", "extract", "ingest")
BASES = ("spacy", "spacy-blas")  # the phases ratios are taken against


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

    def ratio(self, phase: str, base_phase: str = "spacy") -> float | None:
        """Throughput of `phase` over that of `base_phase` (None when either is missing)."""
        base, other = self.phases.get(base_phase), self.phases.get(phase)
        if not base or not other or not base.articles_per_s:
            return None
        return other.articles_per_s / base.articles_per_s

    def to_dict(self) -> dict:
        return {
            "model": self.model, "articles": self.articles,
            "phases": {k: {**asdict(v), "articles_per_s": round(v.articles_per_s, 2),
                           "words_per_s": round(v.words_per_s, 1)} for k, v in self.phases.items()},
            "ratios": {f"{p}/{b}": self.ratio(p, b) for b in BASES for p in ("extract", "ingest")},
        }


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux reports KiB


class _Phase:
    """One phase's pipeline, loaded once in its worker process; `run` times a chunk."""

    def __init__(self, phase: str, settings: Settings, db_dir: str) -> None:
        self.phase = phase
        if phase in BASES:
            import spacy
            self.nlp = spacy.load(settings.model)
            if phase == "spacy-blas":
                from dragoman.nlp.fastpipes import use_blas
                use_blas(self.nlp, settings.blas)
            return
        from dragoman.extraction import Extractor
        self.extractor = Extractor(settings)
        if phase == "ingest":
            from dragoman.store.kb import KnowledgeBase
            self.kb = KnowledgeBase(Path(db_dir) / "bench.sqlite")

    def run(self, articles: list[Article]) -> float:
        """Seconds this phase takes over `articles`."""
        t0 = time.perf_counter()
        if self.phase in BASES:
            for _ in self.nlp.pipe((a.text for a in articles), batch_size=32):
                pass
        elif self.phase == "extract":
            for record in self.extractor.extract_many(articles):
                record.to_dict()
        else:
            self.kb.ingest(articles, self.extractor)
        return time.perf_counter() - t0


def _worker(phase: str, settings: Settings, db_dir: str, inbox, outbox) -> None:
    """Load the phase, say how long that took, then time each chunk sent until None."""
    t0 = time.perf_counter()
    runner = _Phase(phase, settings, db_dir)
    outbox.put(time.perf_counter() - t0)
    while (chunk := inbox.get()) is not None:
        outbox.put(runner.run(chunk))
    outbox.put(_peak_rss_mb())


def _chunks(articles: list[Article], rounds: int) -> list[list[Article]]:
    size = max(1, -(-len(articles) // rounds))
    return [articles[i:i + size] for i in range(0, len(articles), size)]


def run_bench(settings: Settings, n: int, examples: Path, phases: tuple[str, ...] = PHASES,
              on_phase=None, rounds: int = 10) -> BenchResult:
    """Generate `n` articles from `examples` and measure each phase in its own process.

    The phases take turns: the corpus is cut into `rounds` chunks and every phase runs
    chunk 1, then every phase chunk 2, and so on (the order rotating each round), one
    process working at a time. Whatever else the machine is doing then weighs on all
    phases alike, so their ratios hold even where the absolute rates do not.
    on_phase(phase_name) is called as each phase's process starts (progress display)."""
    articles = list(generate(n, examples))
    words = sum(len(a.text.split()) for a in articles)
    result = BenchResult(settings.model, n)
    ctx = mp.get_context("spawn")
    with tempfile.TemporaryDirectory(prefix="dragoman-bench-") as db_dir:
        workers = {}
        for phase in phases:
            if on_phase:
                on_phase(phase)
            inbox, outbox = ctx.Queue(), ctx.Queue()
            proc = ctx.Process(target=_worker, args=(phase, settings, db_dir, inbox, outbox))
            proc.start()
            workers[phase] = (proc, inbox, outbox, outbox.get())  # loaded one after another
        seconds = dict.fromkeys(phases, 0.0)
        for r, chunk in enumerate(_chunks(articles, rounds)):
            for phase in phases[r % len(phases):] + phases[:r % len(phases)]:
                _, inbox, outbox, _ = workers[phase]
                inbox.put(chunk)
                seconds[phase] += outbox.get()
        for phase, (proc, inbox, outbox, load) in workers.items():
            inbox.put(None)
            result.phases[phase] = PhaseResult(phase, len(articles), words,
                                               seconds[phase], load, outbox.get())
            proc.join()
    return result
