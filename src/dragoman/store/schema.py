"""The knowledge base's tables (SQLAlchemy 2 declarative models).

Two kinds of rows. Per-article facts (mentions, roles, quotes, claims, event
reports, sectors, findings) carry their article, their character span
`[start, end)` into `articles.text` and the extractor version that made them;
re-extracting an article replaces exactly these rows. Corpus-level rows
(entities, aliases, events) are resolved across articles: one person under
several spellings is one `entities` row, one meeting reported by several
articles is one `events` row with one `event_reports` row per report.

Country codes everywhere are ISO 3166-1 alpha-3; CAMEO codes are zero-padded
strings ("036"). The migrations in `store/migrations/versions/` create exactly
these tables; change both together.
"""
from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    JSON,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

COUNTRY_SCHEME = "ISO 3166-1 alpha-3"


class Base(DeclarativeBase):
    """Declarative base of every knowledge-base table."""


def _article_fk() -> Mapped[int]:
    return mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), nullable=False)


def _entity_fk(nullable: bool = True) -> Mapped[int | None]:
    return mapped_column(ForeignKey("entities.id", ondelete="SET NULL"), nullable=nullable)


class ArticleRow(Base):
    """One stored article. ext_id: the reader's id (file stem, "stem:line");
    content_hash: SHA-256 of date and text (hex); published: publication date;
    retrieved: when dragoman first read it (UTC); extractor: version of the
    extractor whose facts are stored."""

    __tablename__ = "articles"
    __table_args__ = (UniqueConstraint("ext_id", "content_hash", name="uq_articles_key"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    ext_id: Mapped[str] = mapped_column(String(512), nullable=False)
    content_hash: Mapped[str] = mapped_column(String(64), nullable=False)
    title: Mapped[str | None] = mapped_column(Text)
    source: Mapped[str | None] = mapped_column(Text)
    url: Mapped[str | None] = mapped_column(Text)
    path: Mapped[str | None] = mapped_column(Text)
    published: Mapped[dt.date | None] = mapped_column(Date, index=True)
    retrieved: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), nullable=False)
    extractor: Mapped[str | None] = mapped_column(String(200))
    text: Mapped[str] = mapped_column(Text, nullable=False)


class EntityRow(Base):
    """A person, country, organization or place resolved across articles.
    name: the fullest form seen; key: `fold(name)`; code: alpha-3 of a country;
    country: alpha-3 a person, organization or place belongs to."""

    __tablename__ = "entities"
    __table_args__ = (Index("ix_entities_kind_key", "kind", "key"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(20), nullable=False)
    name: Mapped[str] = mapped_column(Text, nullable=False)
    key: Mapped[str] = mapped_column(String(300), nullable=False)
    code: Mapped[str | None] = mapped_column(String(3), index=True)
    country: Mapped[str | None] = mapped_column(String(3))
    first_article_id: Mapped[int | None] = mapped_column(
        ForeignKey("articles.id", ondelete="SET NULL"))


class AliasRow(Base):
    """Another surface form of an entity ("Erdoğan", "Nurtileu"); key: `fold(alias)`."""

    __tablename__ = "aliases"
    __table_args__ = (UniqueConstraint("entity_id", "alias", name="uq_aliases_entity_alias"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    entity_id: Mapped[int] = mapped_column(ForeignKey("entities.id", ondelete="CASCADE"),
                                           nullable=False)
    alias: Mapped[str] = mapped_column(Text, nullable=False)
    key: Mapped[str] = mapped_column(String(300), nullable=False, index=True)
    first_article_id: Mapped[int | None] = mapped_column(
        ForeignKey("articles.id", ondelete="SET NULL"))


class MentionRow(Base):
    """One place where an article names an entity. local_id: the entity's id inside
    the article's extraction ("E3"); text: the words at [start, end)."""

    __tablename__ = "mentions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = _article_fk()
    entity_id: Mapped[int] = mapped_column(ForeignKey("entities.id", ondelete="CASCADE"),
                                           nullable=False, index=True)
    local_id: Mapped[str] = mapped_column(String(20), nullable=False)
    start: Mapped[int] = mapped_column(Integer, nullable=False)
    end: Mapped[int] = mapped_column(Integer, nullable=False)
    text: Mapped[str] = mapped_column(Text, nullable=False)
    extractor: Mapped[str | None] = mapped_column(String(200))


Index("ix_mentions_article", MentionRow.article_id)


class RoleRow(Base):
    """A role an article gives an entity ("foreign minister" of `country`), dated by the
    article's publication date: a role's first and last sightings are its dates."""

    __tablename__ = "roles"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = _article_fk()
    entity_id: Mapped[int] = mapped_column(ForeignKey("entities.id", ondelete="CASCADE"),
                                           nullable=False, index=True)
    role: Mapped[str] = mapped_column(String(200), nullable=False)
    country: Mapped[str | None] = mapped_column(String(3))
    extractor: Mapped[str | None] = mapped_column(String(200))


Index("ix_roles_article", RoleRow.article_id)


class ArticleCountryRow(Base):
    """The countries an article is about (named, or the country of a person or place in
    it): the index behind dyad questions."""

    __tablename__ = "article_countries"

    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"),
                                            primary_key=True)
    code: Mapped[str] = mapped_column(String(3), primary_key=True)


Index("ix_article_countries_code", ArticleCountryRow.code, ArticleCountryRow.article_id)


class QuoteRow(Base):
    """Words someone said. speaker_id: the resolved entity (None: unknown);
    kind: "direct" or "indirect"; text: the words, at [start, end)."""

    __tablename__ = "quotes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = _article_fk()
    local_id: Mapped[str] = mapped_column(String(20), nullable=False)
    speaker_id: Mapped[int | None] = _entity_fk()
    kind: Mapped[str] = mapped_column(String(10), nullable=False)
    text: Mapped[str] = mapped_column(Text, nullable=False)
    cue: Mapped[str | None] = mapped_column(String(100))
    start: Mapped[int] = mapped_column(Integer, nullable=False)
    end: Mapped[int] = mapped_column(Integer, nullable=False)
    extractor: Mapped[str | None] = mapped_column(String(200))


Index("ix_quotes_article_speaker", QuoteRow.article_id, QuoteRow.speaker_id)
Index("ix_quotes_speaker", QuoteRow.speaker_id)


class ClaimRow(Base):
    """A figure someone claimed. value: nominal amount in `unit` (ISO 4217, "percent",
    "rank" or "count"); period: "YYYY", "YYYY-MM" or "YYYY-MM-DD" the figure is for;
    holder/counterpart: alpha-3; speaker_id: None when the article states it;
    published: the article's publication date, kept here for grouping figures by month
    (facts are rewritten whenever an article's date or text changes)."""

    __tablename__ = "claims"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = _article_fk()
    local_id: Mapped[str] = mapped_column(String(20), nullable=False)
    metric: Mapped[str] = mapped_column(String(40), nullable=False)
    value: Mapped[float] = mapped_column(Float, nullable=False)
    qualifier: Mapped[str] = mapped_column(String(12), nullable=False)
    unit: Mapped[str] = mapped_column(String(12), nullable=False)
    status: Mapped[str] = mapped_column(String(10), nullable=False)
    period: Mapped[str | None] = mapped_column(String(10))
    holder: Mapped[str | None] = mapped_column(String(3))
    counterpart: Mapped[str | None] = mapped_column(String(3))
    speaker_id: Mapped[int | None] = _entity_fk()
    start: Mapped[int] = mapped_column(Integer, nullable=False)
    end: Mapped[int] = mapped_column(Integer, nullable=False)
    extractor: Mapped[str | None] = mapped_column(String(200))
    published: Mapped[dt.date | None] = mapped_column(Date)


Index("ix_claims_article", ClaimRow.article_id)
# A dyad's figures, with everything `queries.claim_groups` groups them by: read from
# the index alone (on 100,000 generated articles, the busiest dyad's 25,000 claims).
Index("ix_claims_figures", ClaimRow.holder, ClaimRow.counterpart, ClaimRow.metric,
      ClaimRow.unit, ClaimRow.status, ClaimRow.period, ClaimRow.value, ClaimRow.qualifier,
      ClaimRow.speaker_id, ClaimRow.published, ClaimRow.article_id)
Index("ix_claims_metric", ClaimRow.metric)


class EventRow(Base):
    """One happening, however many articles report it. key: type, actors and date that
    identify it; countries: space-separated alpha-3 codes of its actors and place;
    date: the date its reports give ("YYYY", "YYYY-MM", "YYYY-MM-DD"), else None;
    goldstein: -10 (conflict) .. +10 (cooperation)."""

    __tablename__ = "events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    key: Mapped[str] = mapped_column(String(400), nullable=False, index=True)
    type: Mapped[str] = mapped_column(String(20), nullable=False)
    mode: Mapped[str | None] = mapped_column(String(40))
    status: Mapped[str] = mapped_column(String(10), nullable=False)
    date: Mapped[str | None] = mapped_column(String(10))
    day: Mapped[dt.date | None] = mapped_column(Date, index=True)
    location_id: Mapped[int | None] = _entity_fk()
    cameo: Mapped[str | None] = mapped_column(String(4))
    goldstein: Mapped[float | None] = mapped_column(Float)
    countries: Mapped[str] = mapped_column(String(200), nullable=False, default="")


class EventReportRow(Base):
    """One article's report of an event, with its words: span [start, end) and every
    other report of it in the same article (`spans`, a JSON list of [start, end])."""

    __tablename__ = "event_reports"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"),
                                          nullable=False, index=True)
    article_id: Mapped[int] = _article_fk()
    local_id: Mapped[str] = mapped_column(String(20), nullable=False)
    type: Mapped[str] = mapped_column(String(20), nullable=False)
    mode: Mapped[str | None] = mapped_column(String(40))
    status: Mapped[str] = mapped_column(String(10), nullable=False)
    date: Mapped[str | None] = mapped_column(String(10))
    location_id: Mapped[int | None] = _entity_fk()
    cameo: Mapped[str | None] = mapped_column(String(4))
    goldstein: Mapped[float | None] = mapped_column(Float)
    trigger: Mapped[str | None] = mapped_column(String(200))
    start: Mapped[int] = mapped_column(Integer, nullable=False)
    end: Mapped[int] = mapped_column(Integer, nullable=False)
    spans: Mapped[list | None] = mapped_column(JSON)
    extractor: Mapped[str | None] = mapped_column(String(200))


Index("ix_event_reports_article_event", EventReportRow.article_id, EventReportRow.event_id)


class EventActorRow(Base):
    """An actor of one event report: role "source" (who acts) or "target"."""

    __tablename__ = "event_actors"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    report_id: Mapped[int] = mapped_column(ForeignKey("event_reports.id", ondelete="CASCADE"),
                                           nullable=False, index=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"),
                                          nullable=False, index=True)
    entity_id: Mapped[int] = mapped_column(ForeignKey("entities.id", ondelete="CASCADE"),
                                           nullable=False, index=True)
    role: Mapped[str] = mapped_column(String(10), nullable=False)


class SectorRow(Base):
    """A sector an article touches, at the words [start, end) that name it."""

    __tablename__ = "sectors"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = _article_fk()
    sector: Mapped[str] = mapped_column(String(20), nullable=False)
    term: Mapped[str | None] = mapped_column(String(200))
    start: Mapped[int] = mapped_column(Integer, nullable=False)
    end: Mapped[int] = mapped_column(Integer, nullable=False)
    extractor: Mapped[str | None] = mapped_column(String(200))


Index("ix_sectors_article", SectorRow.article_id)


class FindingRow(Base):
    """A cross-check found inside one article. claim_ids: JSON list of `claims.id`;
    ratio: share of the target reached (target_progress)."""

    __tablename__ = "findings"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = _article_fk()
    kind: Mapped[str] = mapped_column(String(20), nullable=False)
    claim_ids: Mapped[list] = mapped_column(JSON, nullable=False)
    detail: Mapped[str] = mapped_column(Text, nullable=False)
    ratio: Mapped[float | None] = mapped_column(Float)
    extractor: Mapped[str | None] = mapped_column(String(200))


Index("ix_findings_article", FindingRow.article_id)

# Tables in dependency order (parents first): the order of exports and of row counts.
TABLES = tuple(t.name for t in Base.metadata.sorted_tables)
FACT_TABLES = ("mentions", "roles", "article_countries", "quotes", "claims",
               "event_reports", "sectors", "findings")
