"""What knowledge-base questions return: plain dataclasses with `to_dict`.

Every fact carries its provenance (`Source`): the article's id, source URL,
publication and retrieval dates, the extractor version and the character span
of the words that support it. Country codes are ISO 3166-1 alpha-3.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field
from typing import Any


def _iso(value: dt.date | dt.datetime | None) -> str | None:
    """ISO 8601; a time without a zone is UTC (SQLite keeps no zone)."""
    if isinstance(value, dt.datetime) and value.tzinfo is None:
        value = value.replace(tzinfo=dt.timezone.utc)
    return value.isoformat() if value is not None else None


@dataclass(frozen=True)
class Source:
    """Where a fact was read. article: the reader's article id; span: [start, end)
    into that article's text; published / retrieved: dates of the article."""

    article: str
    url: str | None
    published: dt.date | None
    retrieved: dt.datetime | None
    extractor: str | None
    span: tuple[int, int] | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"article": self.article, "url": self.url, "published": _iso(self.published),
                "retrieved": _iso(self.retrieved), "extractor": self.extractor,
                "span": list(self.span) if self.span else None}


@dataclass(frozen=True)
class RoleSpan:
    """A role and the dates it is attested: since/until are the publication dates of
    the first and last articles that give it; articles: how many do."""

    role: str
    country: str | None
    since: dt.date | None
    until: dt.date | None
    articles: int

    def to_dict(self) -> dict[str, Any]:
        return {"role": self.role, "country": self.country, "since": _iso(self.since),
                "until": _iso(self.until), "articles": self.articles}


@dataclass
class EntityRecord:
    """An entity of the knowledge base with everything it is known by."""

    id: int
    kind: str
    name: str
    aliases: list[str] = field(default_factory=list)
    code: str | None = None
    country: str | None = None
    roles: list[RoleSpan] = field(default_factory=list)
    articles: int = 0
    first_seen: dt.date | None = None
    last_seen: dt.date | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "kind": self.kind, "name": self.name, "aliases": self.aliases,
                "code": self.code, "country": self.country,
                "roles": [r.to_dict() for r in self.roles], "articles": self.articles,
                "first_seen": _iso(self.first_seen), "last_seen": _iso(self.last_seen)}


@dataclass
class QuoteRecord:
    """A stored quote. speaker: the speaker's name (None: unknown)."""

    id: int
    speaker: str | None
    speaker_id: int | None
    kind: str
    text: str
    cue: str | None
    source: Source

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "speaker": self.speaker, "speaker_id": self.speaker_id,
                "kind": self.kind, "text": self.text, "cue": self.cue,
                "source": self.source.to_dict()}


@dataclass
class ClaimRecord:
    """A stored claim (see `model.Claim`). speaker: the claimant's name, None when the
    article itself states the figure; value: nominal amount in `unit`. A record may
    stand for `count` identical claims of one speaker in `articles` articles
    (`queries.claim_groups`); `source` is then the last one stored."""

    id: int
    metric: str
    value: float
    qualifier: str
    unit: str
    status: str
    period: str | None
    holder: str | None
    counterpart: str | None
    speaker: str | None
    speaker_id: int | None
    source: Source
    count: int = 1
    articles: int = 1

    @property
    def as_of(self) -> str | None:
        """The period the figure is for, else the article's publication date."""
        return self.period or _iso(self.source.published)

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["source"] = self.source.to_dict()
        if float(self.value).is_integer() and abs(self.value) < 1e15:
            d["value"] = int(self.value)
        return d


@dataclass
class EventRecord:
    """One event however many articles report it. date: as the reports give it;
    day: the date used for the timeline (the event's first day, else the first
    report's publication date); actors: (role, entity name) pairs; sources: one per
    report, with its article and words."""

    id: int
    type: str
    mode: str | None
    status: str
    date: str | None
    day: dt.date | None
    location: str | None
    cameo: str | None
    goldstein: float | None
    countries: list[str]
    actors: list[tuple[str, str]] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)

    @property
    def articles(self) -> int:
        """How many articles report the event."""
        return len({s.article for s in self.sources})

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "type": self.type, "mode": self.mode, "status": self.status,
                "date": self.date, "day": _iso(self.day), "location": self.location,
                "cameo": self.cameo, "goldstein": self.goldstein, "countries": self.countries,
                "source": [n for r, n in self.actors if r == "source"],
                "target": [n for r, n in self.actors if r == "target"],
                "articles": self.articles, "sources": [s.to_dict() for s in self.sources]}
