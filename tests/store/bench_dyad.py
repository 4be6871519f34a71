"""Benchmark (not a test): a dyad query on a generated knowledge base.

    .venv/bin/python -m tests.store.bench_dyad --articles 100000 --db /tmp/bench.db
    .venv/bin/python -m tests.store.bench_dyad --db /tmp/bench.db --query-only

Generates made-up extractions (no spaCy) in the shape the extractor produces:
two countries' ministers meet, quote, claim trade and investment figures, agree
and support; news cycles make several outlets report one meeting. Dyads follow
a long tail (weights 1/rank^0.8 over 400 pairs), people appear under spelling
variants. Stores them through `KnowledgeBase.store` (the ingest path), then times
`KnowledgeBase.dyad` for the busiest dyad, a median one and a rare one.
"""
from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import time
from collections.abc import Iterator

from dragoman.model import Article, Claim, Entity, Event, Extraction, Quote, SectorMention

VERSION = "bench 1"
SYLLABLES = ("ka", "ra", "mo", "li", "sa", "te", "nu", "bek", "dor", "an", "vi", "zh", "ol",
             "em", "ta", "ur", "is", "go")


def _word(rng: random.Random, n: int) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(n)).capitalize()


class World:
    """Countries, their ministers (with spelling variants) and weighted dyads."""

    def __init__(self, rng: random.Random, n_dyads: int = 400) -> None:
        from dragoman.codebooks import country_codes, country_name
        codes = [c for c in country_codes() if len(c) == 3][:60]
        self.rng = rng
        self.names = {c: country_name(c) for c in codes}
        self.people = {c: [(f"{_word(rng, 2)} {_word(rng, 3)}", role)
                           for role in ("foreign minister", "president", "trade minister")]
                       for c in codes}
        pairs = [(a, b) for i, a in enumerate(codes) for b in codes[i + 1:]]
        rng.shuffle(pairs)
        self.dyads = pairs[:n_dyads]
        self.weights = [1 / (k + 1) ** 0.8 for k in range(len(self.dyads))]
        self.base = {d: rng.uniform(0.2, 40) * 1e9 for d in self.dyads}

    def spelling(self, name: str) -> str:
        """The name, or (one time in five) the surname with a letter doubled."""
        if self.rng.random() > 0.2:
            return name
        given, surname = name.split()
        i = self.rng.randrange(1, len(surname))
        return f"{given} {surname[:i]}{surname[i - 1]}{surname[i:]}"


class Writer:
    """Writes a body text and records spans, like `tests/store/builders.Builder`."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.size = 0

    def put(self, text: str) -> tuple[int, int]:
        start = self.size
        self.parts.append(text + " ")
        self.size += len(text) + 1
        return start, start + len(text)


def article(world: World, n: int, day: dt.date, dyad: tuple[str, str]) -> Extraction:
    rng, w = world.rng, Writer()
    a, b = dyad
    entities, quotes, claims, events = [], [], [], []
    ids = {}
    for code in dyad:
        span = w.put(f"{world.names[code]} was named.")
        ids[code] = f"E{len(entities) + 1}"
        entities.append(Entity(ids[code], "country", world.names[code], code=code,
                               mentions=[(span[0], span[0] + len(world.names[code]))]))
    speakers = []
    for code in dyad:
        name, role = world.people[code][rng.randrange(3)]
        name = world.spelling(name)
        span = w.put(f"{name} spoke.")
        entity = Entity(f"E{len(entities) + 1}", "person", name, [name.split()[1]], None, code,
                        [role], [(span[0], span[0] + len(name))])
        entities.append(entity)
        speakers.append(entity.id)
    for speaker in speakers:
        text = f"We will deepen our partnership in {rng.choice(['energy', 'trade', 'transport'])}."
        quotes.append(Quote(f"Q{len(quotes) + 1}", speaker, "direct", text, w.put(text), "said"))
    base = world.base[dyad]
    figures = [("trade_volume", round(base * rng.choice([1, 1, 1, 0.9, 1.15]) / 1e8) * 1e8,
                "actual", str(day.year - 1)),
               ("trade_volume", round(base * 2 / 1e9) * 1e9, "target", str(day.year + 3)),
               ("investment", round(base / 3 / 1e8) * 1e8, "actual", None)]
    for metric, value, status, period in figures:
        span = w.put(f"The {metric} was {value:g} dollars.")
        claims.append(Claim(f"C{len(claims) + 1}", metric, value, "exact", "USD", status, period,
                            a, b, rng.choice(speakers), span))
    meeting_day = day - dt.timedelta(days=day.toordinal() % 3)  # outlets report a recent meeting
    for kind, cameo, goldstein, date in (("CONSULT", "040", 1.0, meeting_day.isoformat()),
                                         ("AGREE", "030", 4.0, None),
                                         ("SUPPORT", "051", 3.4, None)):
        span = w.put(f"They did {kind.lower()}.")
        events.append(Event(f"V{len(events) + 1}", kind, "occurred", span, None, [speakers[0]],
                            [speakers[1]], date, None, cameo, goldstein, kind.lower()))
    sector = SectorMention("trade", w.put("trade"), "trade")
    text = "".join(w.parts).rstrip()
    art = Article(f"bench-{n}", text, day.isoformat(), source="bench", url=f"https://example.org/{n}")
    return Extraction(art, entities, quotes, claims, events, [sector], [], VERSION)


def generate(n: int, seed: int = 7) -> Iterator[Extraction]:
    rng = random.Random(seed)
    world = World(rng)
    start = dt.date(2015, 1, 1).toordinal()
    for i in range(n):
        dyad = rng.choices(world.dyads, world.weights)[0]
        yield article(world, i, dt.date.fromordinal(start + rng.randrange(3650)), dyad)


def build(db: str, n: int, batch: int) -> None:
    from dragoman.store import KnowledgeBase
    kb = KnowledgeBase(db)
    t = time.perf_counter()
    report = kb.store(generate(n), batch_size=batch)
    took = time.perf_counter() - t
    print(f"stored {report.stored} articles in {took:.0f} s ({report.stored / took:.0f}/s)")
    print(kb.counts())


def _dyad_sizes(kb) -> list[tuple[int, str, str]]:
    from sqlalchemy import text
    with kb.engine.connect() as conn:
        rows = conn.execute(text(
            "select holder, counterpart, count(distinct article_id) from claims "
            "group by holder, counterpart order by 3 desc")).all()
    return [(n, a, b) for a, b, n in rows]


def query(db: str, repeats: int) -> None:
    from dragoman.store import KnowledgeBase
    kb = KnowledgeBase(db, must_exist=True)
    sizes = _dyad_sizes(kb)
    picks = {"busiest": sizes[0], "median": sizes[len(sizes) // 2], "rare": sizes[-1]}
    for label, (articles, a, b) in picks.items():
        times = []
        for _ in range(repeats):
            t = time.perf_counter()
            report = kb.dyad(a, b)
            times.append((time.perf_counter() - t) * 1000)
        json_t = time.perf_counter()
        report.to_dict()
        json_ms = (time.perf_counter() - json_t) * 1000
        print(f"{label:8} {a}-{b}: {articles} articles, {report.events_total} events "
              f"({len(report.events)} listed): median {statistics.median(times):.0f} ms, "
              f"best {min(times):.0f} ms, first {times[0]:.0f} ms; +{json_ms:.0f} ms to_dict")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--db", default="/tmp/dragoman-bench.db")
    parser.add_argument("--batch", type=int, default=500)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--query-only", action="store_true")
    args = parser.parse_args()
    if not args.query_only:
        build(args.db, args.articles, args.batch)
    query(args.db, args.repeats)


if __name__ == "__main__":
    main()
