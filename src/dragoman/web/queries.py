"""The questions the API and pages ask that the knowledge base's own `store.queries`
does not: one page of a list at a time (keyset paging), an article with all its
facts, dyads ranked by activity, ingest status. SQLAlchemy Core over the store's
tables, bound parameters only. Lists return the store's record dataclasses
(`store.records`), so the API's items have the same shape as `dragoman` answers.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, Select, and_, func, or_, select
from sqlalchemy.orm import aliased

from dragoman.store import queries as store
from dragoman.store.records import (
    ClaimRecord,
    EntityRecord,
    EventRecord,
    QuoteRecord,
    Source,
)
from dragoman.store.schema import (
    AliasRow,
    ArticleCountryRow,
    ArticleRow,
    ClaimRow,
    EntityRow,
    EventActorRow,
    EventReportRow,
    EventRow,
    FindingRow,
    MentionRow,
    QuoteRow,
    SectorRow,
)
from dragoman.web.paging import Page, SortKey, keyset_page

Dyad = tuple[str, str]
# Undated rows sort as the oldest: the sort key of keyset paging cannot be NULL.
NO_DATE = dt.date(1, 1, 1)


def _iso(value: dt.date | dt.datetime | None) -> str | None:
    """ISO 8601; a time without a zone is UTC (SQLite keeps no zone)."""
    if isinstance(value, dt.datetime) and value.tzinfo is None:
        value = value.replace(tzinfo=dt.timezone.utc)
    return value.isoformat() if value is not None else None


def _dated_sort(column, id_column) -> SortKey:
    return SortKey(func.coalesce(column, NO_DATE), id_column, True,
                   dump=lambda v: (v or NO_DATE).isoformat(), load=dt.date.fromisoformat)


def _between(query: Select, column, since: dt.date | None, until: dt.date | None) -> Select:
    if since is not None:
        query = query.where(column >= since)
    if until is not None:
        query = query.where(column <= until)
    return query


def _source(row) -> Source:
    return Source(row.article_ext_id, row.article_url, row.article_published,
                  row.article_retrieved, row.extractor, (row.start, row.end))


# The article columns of a fact's provenance, labelled apart from the fact's own columns.
_PROVENANCE = (ArticleRow.ext_id.label("article_ext_id"), ArticleRow.url.label("article_url"),
               ArticleRow.published.label("article_published"),
               ArticleRow.retrieved.label("article_retrieved"))


# -- articles -----------------------------------------------------------------------------


@dataclass
class ArticleSummary:
    """A stored article without its text. id: the reader's id; key: the database row id;
    quotes/claims/events: how many of each were extracted from it."""

    key: int
    id: str
    title: str | None
    source: str | None
    url: str | None
    published: dt.date | None
    retrieved: dt.datetime | None
    extractor: str | None
    length: int
    quotes: int = 0
    claims: int = 0
    events: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "key": self.key, "title": self.title, "source": self.source,
                "url": self.url, "published": _iso(self.published),
                "retrieved": _iso(self.retrieved), "extractor": self.extractor,
                "length": self.length, "quotes": self.quotes, "claims": self.claims,
                "events": self.events}


def _count_of(table) -> Any:
    return (select(func.count()).select_from(table)
            .where(table.article_id == ArticleRow.id).scalar_subquery())


def articles(conn: Connection, *, q: str | None = None, dyad: Dyad | None = None,
             country: str | None = None, since: dt.date | None = None,
             until: dt.date | None = None, limit: int = 50,
             cursor: str | None = None) -> Page[ArticleSummary]:
    """Articles, newest published first. q: words in the title or text (any case)."""
    query = select(ArticleRow.id, ArticleRow.ext_id, ArticleRow.title, ArticleRow.source,
                   ArticleRow.url, ArticleRow.published, ArticleRow.retrieved,
                   ArticleRow.extractor, func.length(ArticleRow.text).label("length"),
                   _count_of(QuoteRow).label("quotes"), _count_of(ClaimRow).label("claims"),
                   _count_of(EventReportRow).label("events"))
    if q:
        query = query.where(or_(ArticleRow.title.icontains(q, autoescape=True),
                                ArticleRow.text.icontains(q, autoescape=True)))
    if dyad is not None:
        query = query.where(ArticleRow.id.in_(store.dyad_articles(dyad)))
    if country:
        query = query.where(ArticleRow.id.in_(select(ArticleCountryRow.article_id)
                                              .where(ArticleCountryRow.code == country)))
    query = _between(query, ArticleRow.published, since, until)
    sort = _dated_sort(ArticleRow.published, ArticleRow.id)
    rows = conn.execute(sort.after(query, cursor).limit(limit + 1)).all()
    rows, after = keyset_page(rows, limit, sort, lambda r: r.published, lambda r: r.id)
    return Page([ArticleSummary(r.id, r.ext_id, r.title, r.source, r.url, r.published,
                                r.retrieved, r.extractor, r.length or 0, r.quotes, r.claims,
                                r.events) for r in rows], after)


def article_row(conn: Connection, ext_id: str):
    """The stored article with the reader's id `ext_id` (the newest row when an article
    was stored again under new text), or None."""
    return conn.execute(select(ArticleRow).where(ArticleRow.ext_id == ext_id)
                        .order_by(ArticleRow.id.desc()).limit(1)).first()


@dataclass
class ArticleFacts:
    """An article and every fact extracted from it, each with its span(s) into `text`."""

    article: Any
    entities: list[dict[str, Any]] = field(default_factory=list)
    quotes: list[dict[str, Any]] = field(default_factory=list)
    claims: list[dict[str, Any]] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)
    sectors: list[dict[str, Any]] = field(default_factory=list)
    findings: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        a = self.article
        return {"id": a.ext_id, "key": a.id, "title": a.title, "source": a.source,
                "url": a.url, "published": _iso(a.published), "retrieved": _iso(a.retrieved),
                "extractor": a.extractor, "text": a.text, "entities": self.entities,
                "quotes": self.quotes, "claims": self.claims, "events": self.events,
                "sectors": self.sectors, "findings": self.findings}


def article_facts(conn: Connection, ext_id: str) -> ArticleFacts | None:
    """The article `ext_id` with its entities (and mentions), quotes, claims, event
    reports, sectors and findings; None when there is no such article."""
    row = article_row(conn, ext_id)
    if row is None:
        return None
    facts = ArticleFacts(row)
    facts.entities = _article_entities(conn, row.id)
    speaker = aliased(EntityRow)
    for q in conn.execute(select(QuoteRow, speaker.name.label("speaker"))
                          .outerjoin(speaker, speaker.id == QuoteRow.speaker_id)
                          .where(QuoteRow.article_id == row.id).order_by(QuoteRow.start)):
        facts.quotes.append({"id": q.id, "local_id": q.local_id, "speaker": q.speaker,
                             "speaker_id": q.speaker_id, "kind": q.kind, "text": q.text,
                             "cue": q.cue, "span": [q.start, q.end]})
    for c in conn.execute(select(ClaimRow, speaker.name.label("speaker"))
                          .outerjoin(speaker, speaker.id == ClaimRow.speaker_id)
                          .where(ClaimRow.article_id == row.id).order_by(ClaimRow.start)):
        facts.claims.append({"id": c.id, "local_id": c.local_id, "metric": c.metric,
                             "value": c.value, "qualifier": c.qualifier, "unit": c.unit,
                             "status": c.status, "period": c.period, "holder": c.holder,
                             "counterpart": c.counterpart, "speaker": c.speaker,
                             "speaker_id": c.speaker_id, "span": [c.start, c.end]})
    facts.events = _article_events(conn, row.id)
    for s in conn.execute(select(SectorRow).where(SectorRow.article_id == row.id)
                          .order_by(SectorRow.start)):
        facts.sectors.append({"sector": s.sector, "term": s.term, "span": [s.start, s.end]})
    for f in conn.execute(select(FindingRow).where(FindingRow.article_id == row.id)
                          .order_by(FindingRow.id)):
        facts.findings.append({"kind": f.kind, "claims": list(f.claim_ids or []),
                               "detail": f.detail, "ratio": f.ratio})
    return facts


def _article_entities(conn: Connection, article_id: int) -> list[dict[str, Any]]:
    found: dict[int, dict[str, Any]] = {}
    query = (select(MentionRow.entity_id, MentionRow.local_id, MentionRow.start, MentionRow.end,
                    EntityRow.kind, EntityRow.name, EntityRow.code, EntityRow.country)
             .join(EntityRow, EntityRow.id == MentionRow.entity_id)
             .where(MentionRow.article_id == article_id).order_by(MentionRow.start))
    for m in conn.execute(query):
        entity = found.setdefault(m.entity_id, {
            "id": m.entity_id, "local_id": m.local_id, "kind": m.kind, "name": m.name,
            "code": m.code, "country": m.country, "mentions": []})
        entity["mentions"].append([m.start, m.end])
    return list(found.values())


def _article_events(conn: Connection, article_id: int) -> list[dict[str, Any]]:
    place = aliased(EntityRow)
    query = (select(EventReportRow, place.name.label("location"))
             .outerjoin(place, place.id == EventReportRow.location_id)
             .where(EventReportRow.article_id == article_id).order_by(EventReportRow.start))
    reports = {r.id: {"id": r.id, "event_id": r.event_id, "local_id": r.local_id,
                      "type": r.type, "mode": r.mode, "status": r.status, "date": r.date,
                      "location": r.location, "cameo": r.cameo, "goldstein": r.goldstein,
                      "trigger": r.trigger, "span": [r.start, r.end],
                      "spans": r.spans or [[r.start, r.end]], "source": [], "target": []}
               for r in conn.execute(query)}
    if reports:
        actors = (select(EventActorRow.report_id, EventActorRow.role, EntityRow.name)
                  .join(EntityRow, EntityRow.id == EventActorRow.entity_id)
                  .where(EventActorRow.report_id.in_(list(reports)))
                  .order_by(EventActorRow.id))
        for report_id, role, name in conn.execute(actors):
            reports[report_id][role].append(name)
    return list(reports.values())


# -- entities -----------------------------------------------------------------------------


def matching_entities(conn: Connection, q: str, kind: str | None = None) -> list[int]:
    """Ids of the entities `q` names: any spelling of a whole name (`store.find_entities`)
    or words inside a name or alias."""
    ids = set(store.find_entities(conn, q, kind))
    inside = (select(EntityRow.id).outerjoin(AliasRow, AliasRow.entity_id == EntityRow.id)
              .where(or_(EntityRow.name.icontains(q, autoescape=True),
                         AliasRow.alias.icontains(q, autoescape=True))))
    if kind:
        inside = inside.where(EntityRow.kind == kind)
    ids.update(conn.scalars(inside))
    return sorted(ids)


def entities(conn: Connection, *, q: str | None = None, kind: str | None = None,
             country: str | None = None, limit: int = 50,
             cursor: str | None = None) -> Page[EntityRecord]:
    """Entities by name, with aliases and dated roles. kind: person, country,
    organization or place; country: alpha-3 the entity belongs to (or is)."""
    query = select(EntityRow.id, EntityRow.name)
    if q:
        query = query.where(EntityRow.id.in_(matching_entities(conn, q, kind)))
    if kind:
        query = query.where(EntityRow.kind == kind)
    if country:
        query = query.where(or_(EntityRow.country == country, EntityRow.code == country))
    sort = SortKey(EntityRow.name, EntityRow.id, descending=False)
    rows = conn.execute(sort.after(query, cursor).limit(limit + 1)).all()
    rows, after = keyset_page(rows, limit, sort, lambda r: r.name, lambda r: r.id)
    records = {r.id: r for r in store.entities(conn, [r.id for r in rows], kind=None)}
    return Page([records[r.id] for r in rows if r.id in records], after)


def entity(conn: Connection, entity_id: int) -> EntityRecord | None:
    found = store.entities(conn, [entity_id], kind=None)
    return found[0] if found else None


# -- quotes and claims ------------------------------------------------------------------------


def quotes(conn: Connection, *, speaker_ids: list[int] | None = None, dyad: Dyad | None = None,
           since: dt.date | None = None, until: dt.date | None = None, q: str | None = None,
           kind: str | None = None, article: str | None = None, limit: int = 50,
           cursor: str | None = None) -> Page[QuoteRecord]:
    """Quotes, newest article first. q: words in the quote; kind: direct or indirect."""
    query = (select(QuoteRow, EntityRow.name.label("speaker"), *_PROVENANCE)
             .join(ArticleRow, ArticleRow.id == QuoteRow.article_id)
             .outerjoin(EntityRow, EntityRow.id == QuoteRow.speaker_id))
    if speaker_ids is not None:
        query = query.where(QuoteRow.speaker_id.in_(speaker_ids))
    if dyad is not None:
        query = query.where(QuoteRow.article_id.in_(store.dyad_articles(dyad)))
    if q:
        query = query.where(QuoteRow.text.icontains(q, autoescape=True))
    if kind:
        query = query.where(QuoteRow.kind == kind)
    if article:
        query = query.where(ArticleRow.ext_id == article)
    query = _between(query, ArticleRow.published, since, until)
    sort = _dated_sort(ArticleRow.published, QuoteRow.id)
    rows = conn.execute(sort.after(query, cursor).limit(limit + 1)).all()
    rows, after = keyset_page(rows, limit, sort, lambda r: r.article_published,
                              lambda r: r.id)
    return Page([QuoteRecord(r.id, r.speaker, r.speaker_id, r.kind, r.text, r.cue, _source(r))
                 for r in rows], after)


def claims(conn: Connection, *, metric: str | None = None, status: str | None = None,
           dyad: Dyad | None = None, speaker_ids: list[int] | None = None,
           since: dt.date | None = None, until: dt.date | None = None,
           article: str | None = None, limit: int = 50,
           cursor: str | None = None) -> Page[ClaimRecord]:
    """Claims, newest article first. dyad: holder and counterpart are the pair."""
    query = (select(ClaimRow, EntityRow.name.label("speaker"), *_PROVENANCE)
             .join(ArticleRow, ArticleRow.id == ClaimRow.article_id)
             .outerjoin(EntityRow, EntityRow.id == ClaimRow.speaker_id))
    if metric:
        query = query.where(ClaimRow.metric == metric)
    if status:
        query = query.where(ClaimRow.status == status)
    if speaker_ids is not None:
        query = query.where(ClaimRow.speaker_id.in_(speaker_ids))
    if dyad is not None:
        a, b = dyad
        query = query.where(or_(and_(ClaimRow.holder == a, ClaimRow.counterpart == b),
                                and_(ClaimRow.holder == b, ClaimRow.counterpart == a)))
    if article:
        query = query.where(ArticleRow.ext_id == article)
    query = _between(query, ArticleRow.published, since, until)
    sort = _dated_sort(ArticleRow.published, ClaimRow.id)
    rows = conn.execute(sort.after(query, cursor).limit(limit + 1)).all()
    rows, after = keyset_page(rows, limit, sort, lambda r: r.article_published,
                              lambda r: r.id)
    return Page([ClaimRecord(r.id, r.metric, r.value, r.qualifier, r.unit, r.status, r.period,
                             r.holder, r.counterpart, r.speaker, r.speaker_id, _source(r))
                 for r in rows], after)


# -- events -----------------------------------------------------------------------------------


def dyad_countries(dyad: Dyad) -> list[str]:
    """The `events.countries` values of events between the pair and no third country."""
    a, b = sorted(dyad)
    return [a, b, f"{a} {b}"]


def events(conn: Connection, *, dyad: Dyad | None = None, type: str | None = None,
           status: str | None = None, actor_ids: list[int] | None = None,
           since: dt.date | None = None, until: dt.date | None = None, limit: int = 50,
           cursor: str | None = None) -> Page[EventRecord]:
    """Events (not reports), latest day first, each with its actors and every report.
    dyad: reported in articles about both countries, with actors and place in the pair."""
    place = aliased(EntityRow)
    query = (select(EventRow, place.name.label("location_name"))
             .outerjoin(place, place.id == EventRow.location_id))
    if dyad is not None:
        reported = select(EventReportRow.event_id).where(
            EventReportRow.article_id.in_(store.dyad_articles(dyad)))
        query = query.where(EventRow.id.in_(reported),
                            EventRow.countries.in_(dyad_countries(dyad)))
    if type:
        query = query.where(EventRow.type == type)
    if status:
        query = query.where(EventRow.status == status)
    if actor_ids is not None:
        query = query.where(EventRow.id.in_(select(EventActorRow.event_id)
                                            .where(EventActorRow.entity_id.in_(actor_ids))))
    query = _between(query, EventRow.day, since, until)
    sort = _dated_sort(EventRow.day, EventRow.id)
    rows = conn.execute(sort.after(query, cursor).limit(limit + 1)).all()
    rows, after = keyset_page(rows, limit, sort, lambda r: r.day, lambda r: r.id)
    found = {r.id: EventRecord(r.id, r.type, r.mode, r.status, r.date, r.day, r.location_name,
                               r.cameo, r.goldstein, r.countries.split()) for r in rows}
    _add_details(conn, found)
    return Page(list(found.values()), after)


def _add_details(conn: Connection, found: dict[int, EventRecord]) -> None:
    """Actors (distinct role and name) and one source per report of each event."""
    if not found:
        return
    ids = list(found)
    actors = (select(EventActorRow.event_id, EventActorRow.role, EntityRow.name).distinct()
              .join(EntityRow, EntityRow.id == EventActorRow.entity_id)
              .where(EventActorRow.event_id.in_(ids))
              .order_by(EventActorRow.event_id, EventActorRow.role, EntityRow.name))
    for event_id, role, name in conn.execute(actors):
        found[event_id].actors.append((role, name))
    sources = (select(EventReportRow.event_id, EventReportRow.start, EventReportRow.end,
                      EventReportRow.extractor, *_PROVENANCE)
               .join(ArticleRow, ArticleRow.id == EventReportRow.article_id)
               .where(EventReportRow.event_id.in_(ids))
               .order_by(ArticleRow.published, EventReportRow.id))
    for row in conn.execute(sources):
        found[row.event_id].sources.append(_source(row))


# -- dyads and status --------------------------------------------------------------------------


@dataclass
class DyadActivity:
    """A pair of countries (alpha-3, sorted) and how much the knowledge base knows of it:
    events between them alone, claims with one as holder and the other as counterpart,
    articles about both; last: the latest publication or event day."""

    a: str
    b: str
    events: int = 0
    claims: int = 0
    articles: int = 0
    last: dt.date | None = None

    @property
    def activity(self) -> int:
        return self.events + self.claims + self.articles

    def to_dict(self) -> dict[str, Any]:
        from dragoman.codebooks import country_name
        return {"dyad": [self.a, self.b], "names": [country_name(self.a), country_name(self.b)],
                "events": self.events, "claims": self.claims, "articles": self.articles,
                "activity": self.activity, "last": _iso(self.last)}


def _later(a: dt.date | None, b: dt.date | None) -> dt.date | None:
    return max((d for d in (a, b) if d is not None), default=None)


def dyad_activity(conn: Connection, country: str | None = None) -> list[DyadActivity]:
    """Pairs of countries with at least one event or claim between them, most active
    first (events + claims + articles). country: only pairs with this alpha-3 code."""
    found: dict[tuple[str, str], DyadActivity] = {}

    def pair(x: str, y: str) -> DyadActivity:
        key = tuple(sorted((x, y)))
        return found.setdefault(key, DyadActivity(*key))  # type: ignore[arg-type]

    for holder, counterpart, n, last in conn.execute(
            select(ClaimRow.holder, ClaimRow.counterpart, func.count(), func.max(ArticleRow.published))
            .join(ArticleRow, ArticleRow.id == ClaimRow.article_id)
            .where(ClaimRow.holder.is_not(None), ClaimRow.counterpart.is_not(None),
                   ClaimRow.holder != ClaimRow.counterpart)
            .group_by(ClaimRow.holder, ClaimRow.counterpart)):
        d = pair(holder, counterpart)
        d.claims += n
        d.last = _later(d.last, last)
    for countries, n, last in conn.execute(select(EventRow.countries, func.count(),
                                                  func.max(EventRow.day))
                                           .group_by(EventRow.countries)):
        codes = countries.split()
        if len(codes) == 2:
            d = pair(*codes)
            d.events += n
            d.last = _later(d.last, last)
    other = aliased(ArticleCountryRow)
    counts = (select(ArticleCountryRow.code, other.code, func.count())
              .join(other, and_(other.article_id == ArticleCountryRow.article_id,
                                other.code > ArticleCountryRow.code))
              .group_by(ArticleCountryRow.code, other.code))
    for a, b, n in conn.execute(counts):
        if (a, b) in found:
            found[(a, b)].articles = n
    ranked = [d for d in found.values() if country is None or country in (d.a, d.b)]
    return sorted(ranked, key=lambda d: (-d.activity, d.a, d.b))


def ingest_status(conn: Connection) -> dict[str, Any]:
    """Rows per table, the last time an article was stored, the newest articles."""
    counts = store.counts(conn)
    last = conn.scalar(select(func.max(ArticleRow.retrieved)))
    return {"counts": counts, "last_retrieved": _iso(last)}


def speaker_ids(conn: Connection, name: str) -> list[int]:
    """Entities (any kind) a speaker's name may refer to, any spelling."""
    return store.find_entities(conn, name, None)
