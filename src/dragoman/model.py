"""The data model: one article and the facts extracted from it.

These classes are the `dragoman/1` output contract of `shared/SPEC.md` in
Python form. Every fact carries character spans `[start, end)` into
`Article.text` (the body, header removed), so it can be traced to its words.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

SCHEMA = "dragoman/1"

Span = tuple[int, int]
EntityKind = Literal["person", "country", "organization", "place"]
QuoteKind = Literal["direct", "indirect"]
Qualifier = Literal["exact", "more_than", "at_least", "less_than", "at_most", "about"]
ClaimStatus = Literal["actual", "target", "forecast"]
EventStatus = Literal["occurred", "planned", "intended"]

METRICS = (
    "trade_volume", "exports", "imports", "investment", "fdi", "aid", "loan",
    "trade_partner_rank", "investor_rank", "other",
)
EVENT_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)
SECTORS = (
    "trade", "investment", "energy", "defence", "security", "education", "culture",
    "transport", "agriculture", "health", "technology", "finance", "diplomacy",
    "multilateral", "other",
)


@dataclass
class Article:
    """One news article as read from its source.

    id: stable identifier (file stem, or stem plus line/row for multi-record files);
    date: publication date "YYYY-MM-DD" or None; text: the body, header removed.
    """

    id: str
    text: str
    date: str | None = None
    source: str | None = None
    title: str | None = None
    url: str | None = None
    path: str | None = None  # where it was read from (file, "file:line", "<stdin>")

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "date": self.date, "source": self.source,
                "title": self.title, "text": self.text}


@dataclass
class Entity:
    """An actor or place, resolved within one article.

    name: the fullest surface form seen; aliases: every other form;
    code: ISO 3166-1 alpha-3 for countries; country: alpha-3 the entity belongs to;
    roles: lower-case offices ("foreign minister"); mentions: character spans.
    """

    id: str
    kind: EntityKind
    name: str
    aliases: list[str] = field(default_factory=list)
    code: str | None = None
    country: str | None = None
    roles: list[str] = field(default_factory=list)
    mentions: list[Span] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["mentions"] = [list(m) for m in sorted(set(self.mentions))]
        return d


@dataclass
class Quote:
    """Words someone said. kind: "direct" (inside quote marks) or "indirect" (reported);
    text: the words without quote marks; span: where `text` stands; cue: the verb."""

    id: str
    speaker: str | None
    kind: QuoteKind
    text: str
    span: Span
    cue: str | None = None

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["span"] = list(self.span)
        return d


@dataclass
class Claim:
    """A figure someone claimed. value: amount in `unit` (nominal, not scaled: 6.3e9 for
    "$6.3 billion"); unit: ISO 4217 code, "percent", "rank" or "count"; period: the year,
    month or day the figure is for or as of; holder/counterpart: alpha-3 codes;
    speaker: entity id, None when the article itself states the figure."""

    id: str
    metric: str
    value: float
    qualifier: Qualifier
    unit: str
    status: ClaimStatus
    period: str | None
    holder: str | None
    counterpart: str | None
    speaker: str | None
    span: Span

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["span"] = list(self.span)
        if float(self.value).is_integer() and abs(self.value) < 1e15:
            d["value"] = int(self.value)
        return d


@dataclass
class Event:
    """Something the parties did or will do. type: PLOVER category; mode: "visit",
    "meeting", "summit", "call", ...; source/target: entity ids; date: "YYYY",
    "YYYY-MM" or "YYYY-MM-DD"; cameo: zero-padded CAMEO code ("036");
    goldstein: -10 (conflict) .. +10 (cooperation); span: the words that report it."""

    id: str
    type: str
    status: EventStatus
    span: Span
    mode: str | None = None
    source: list[str] = field(default_factory=list)
    target: list[str] = field(default_factory=list)
    date: str | None = None
    location: str | None = None
    cameo: str | None = None
    goldstein: float | None = None
    trigger: str | None = None  # the verb or noun that coded the event (explanation)
    spans: list[Span] = field(default_factory=list)  # every report of it in the article

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["span"] = list(self.span)
        d["spans"] = [list(s) for s in self.spans] or [list(self.span)]
        return d


@dataclass
class SectorMention:
    """A sector the article touches. span: the words that name it."""

    sector: str
    span: Span
    term: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"sector": self.sector, "span": list(self.span), "term": self.term}


@dataclass
class Finding:
    """A cross-check result. kind: "discrepancy" or "target_progress"; claims: claim ids;
    detail: a sentence saying why; ratio: share of target reached (target_progress)."""

    kind: str
    claims: list[str]
    detail: str
    ratio: float | None = None

    def to_dict(self) -> dict[str, Any]:
        d = {"kind": self.kind, "claims": list(self.claims), "detail": self.detail}
        if self.ratio is not None:
            d["ratio"] = round(self.ratio, 4)
        return d


@dataclass
class Extraction:
    """Everything extracted from one article: the `dragoman/1` record."""

    article: Article
    entities: list[Entity] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    sectors: list[SectorMention] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    extractor: str | None = None  # "dragoman X.Y.Z / model name version"

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"schema": SCHEMA, "article": self.article.to_dict()}
        for name in ("entities", "quotes", "claims", "events", "sectors", "findings"):
            d[name] = [x.to_dict() for x in getattr(self, name)]
        if self.extractor:
            d["extractor"] = self.extractor
        return d
