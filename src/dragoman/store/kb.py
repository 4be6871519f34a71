"""`KnowledgeBase`: the one object the CLI, the HTTP API and workers use to remember.

    from dragoman.store import KnowledgeBase
    with KnowledgeBase("kb.db") as kb:                    # or a SQLAlchemy URL, or None
        report = kb.ingest(read_inputs(["articles/"]), Extractor())
        kb.people(name="Erdogan")
        kb.dyad("TUR", "KAZ").to_dict()
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from pathlib import Path

from sqlalchemy import Engine

from dragoman.errors import ConfigError, ReadError
from dragoman.model import Article, Extraction
from dragoman.store import queries
from dragoman.store.db import (
    database_url,
    describe_url,
    make_engine,
    migrate,
    snapshot,
    sqlite_path,
)
from dragoman.store.ingest import DEFAULT_BATCH_SIZE, ExtractorLike, Ingest, IngestReport
from dragoman.store.records import ClaimRecord, EntityRecord, EventRecord, QuoteRecord


def parse_dyad(a: str, b: str) -> tuple[str, str]:
    """Two countries as alpha-3 codes: codes ("tur") or names ("Türkiye", "Kazakhstan").
    Raises ConfigError naming what is not a country."""
    return country_code(a), country_code(b)


def country_code(text: str) -> str:
    """The alpha-3 code of a code or country name; ConfigError when it names none."""
    from dragoman.codebooks import country_codes, country_lookup
    value = text.strip()
    if value.upper() in country_codes():
        return value.upper()
    code = country_lookup(value)
    if code is None:
        raise ConfigError(f"{text!r} is not a country: give an ISO 3166-1 alpha-3 code "
                          f"(TUR) or a name (Türkiye)")
    return code


class KnowledgeBase:
    """A knowledge base at `db` (file path, SQLAlchemy URL, or None for the default
    file), migrated to the newest schema when opened. must_exist: raise ConfigError
    rather than create a missing SQLite file (for questions, which need an ingest first)."""

    def __init__(self, db: str | Path | None = None, *, engine: Engine | None = None,
                 must_exist: bool = False) -> None:
        self.url = engine.url.render_as_string(hide_password=False) if engine is not None \
            else database_url(db)
        if must_exist:
            path = sqlite_path(self.url)
            if path is not None and not path.exists():
                raise ConfigError(f"no knowledge base at {path}: run `dragoman ingest PATH...` "
                                  f"first, or give --db / DRAGOMAN_DB")
        self.engine = engine or make_engine(self.url)
        migrate(self.engine)

    def __enter__(self) -> KnowledgeBase:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self.engine.dispose()

    def __repr__(self) -> str:
        return f"KnowledgeBase({describe_url(self.url)!r})"

    # -- writing -------------------------------------------------------------------

    def ingest(self, items: Iterable[Article | ReadError], extractor: ExtractorLike, *,
               batch_size: int = DEFAULT_BATCH_SIZE,
               on_progress: Callable[[IngestReport], None] | None = None) -> IngestReport:
        """Extract and store articles (ReadErrors are counted as failed); see `store.ingest`."""
        return Ingest(self.engine, batch_size=batch_size, on_progress=on_progress).run(
            items, extractor)

    def store(self, extractions: Iterable[Extraction], *, batch_size: int = DEFAULT_BATCH_SIZE,
              now: Callable[[], dt.datetime] | None = None,
              on_progress: Callable[[IngestReport], None] | None = None) -> IngestReport:
        """Store extractions made elsewhere, under the same idempotency rules."""
        return Ingest(self.engine, batch_size=batch_size, on_progress=on_progress,
                      now=now).store(extractions)

    # -- reading -------------------------------------------------------------------

    def counts(self) -> dict[str, int]:
        """Rows per table."""
        with snapshot(self.engine) as conn:
            return queries.counts(conn)

    def people(self, name: str | None = None, country: str | None = None,
               kind: str | None = "person") -> list[EntityRecord]:
        """People (or entities of `kind`; None: all) with aliases and dated roles.
        name: any spelling of a name or alias; country: alpha-3 or country name."""
        code = country_code(country) if country else None
        with snapshot(self.engine) as conn:
            ids = queries.find_entities(conn, name, kind) if name else None
            return queries.entities(conn, ids, kind=kind, country=code)

    def quotes(self, speaker: str | None = None, *, dyad: tuple[str, str] | None = None,
               since: dt.date | None = None, until: dt.date | None = None,
               limit: int | None = None) -> list[QuoteRecord]:
        """Quotes, newest first; speaker: any spelling of the speaker's name."""
        with snapshot(self.engine) as conn:
            ids = queries.find_entities(conn, speaker, None) if speaker else None
            return queries.quotes(conn, speaker_ids=ids, dyad=_dyad(dyad), since=since,
                                  until=until, limit=limit)

    def claims(self, metric: str | None = None, *, dyad: tuple[str, str] | None = None,
               status: str | None = None, speaker: str | None = None,
               since: dt.date | None = None, until: dt.date | None = None) -> list[ClaimRecord]:
        """Claims, oldest article first, filtered by metric, dyad, status, speaker."""
        with snapshot(self.engine) as conn:
            ids = queries.find_entities(conn, speaker, None) if speaker else None
            return queries.claims(conn, metric=metric, dyad=_dyad(dyad), status=status,
                                  speaker_ids=ids, since=since, until=until)

    def events(self, *, dyad: tuple[str, str] | None = None, since: dt.date | None = None,
               until: dt.date | None = None) -> list[EventRecord]:
        """Events (not reports) with all their sources, by day."""
        with snapshot(self.engine) as conn:
            return queries.events(conn, dyad=_dyad(dyad), since=since, until=until)

    def dyad(self, a: str, b: str, *, since: dt.date | None = None,
             until: dt.date | None = None, quotes_per_speaker: int = 3,
             timeline_limit: int | None = 200):
        """Everything about the pair of countries: see `analysis.dyads.DyadReport`.
        timeline_limit: how many of the latest events to list in full (None: all)."""
        from dragoman.analysis.dyads import dyad_report
        with snapshot(self.engine) as conn:
            return dyad_report(conn, parse_dyad(a, b), since=since, until=until,
                               quotes_per_speaker=quotes_per_speaker,
                               timeline_limit=timeline_limit)

    def findings(self, *, dyad: tuple[str, str] | None = None, since: dt.date | None = None,
                 until: dt.date | None = None):
        """Findings across articles (discrepancies, progress to targets) for one dyad or
        every pair of countries with claims."""
        from dragoman.analysis.dyads import corpus_findings
        with snapshot(self.engine) as conn:
            return corpus_findings(conn, dyad=_dyad(dyad), since=since, until=until)


def _dyad(dyad: tuple[str, str] | None) -> tuple[str, str] | None:
    return parse_dyad(*dyad) if dyad is not None else None
