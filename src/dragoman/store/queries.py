"""Questions to the knowledge base: people, quotes, claims, events, counts.

Each function takes a SQLAlchemy `Connection` and returns `records` dataclasses
with their provenance. A dyad (a pair of alpha-3 codes) selects claims whose
holder and counterpart are the pair (either way round) and, for quotes and
events, the articles about both countries (`article_countries`).
"""
from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable

from sqlalchemy import Connection, Select, and_, func, or_, select
from sqlalchemy.orm import aliased

from dragoman.nlp.names import fold, same_person_name
from dragoman.store.records import (
    ClaimRecord,
    EntityRecord,
    EventRecord,
    QuoteRecord,
    RoleSpan,
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
    MentionRow,
    QuoteRow,
    RoleRow,
    TABLES,
    Base,
)

Dyad = tuple[str, str]


def counts(conn: Connection) -> dict[str, int]:
    """Rows per table, in dependency order."""
    return {name: conn.scalar(select(func.count()).select_from(Base.metadata.tables[name]))
            for name in TABLES}


def _source(row) -> Source:
    """The provenance of a fact row joined with `_provenance()` columns."""
    return Source(row.ext_id, row.url, row.published, row.retrieved, row.extractor,
                  (row.start, row.end))


def _provenance() -> tuple:
    return (ArticleRow.ext_id, ArticleRow.url, ArticleRow.published, ArticleRow.retrieved)


def _dated(query: Select, since: dt.date | None, until: dt.date | None) -> Select:
    if since is not None:
        query = query.where(ArticleRow.published >= since)
    if until is not None:
        query = query.where(ArticleRow.published <= until)
    return query


def dyad_articles(dyad: Dyad) -> Select:
    """The ids of the articles about both countries of `dyad`."""
    a, b = dyad
    first = aliased(ArticleCountryRow)
    return (select(ArticleCountryRow.article_id)
            .join(first, and_(first.article_id == ArticleCountryRow.article_id, first.code == b))
            .where(ArticleCountryRow.code == a))


# -- entities ----------------------------------------------------------------------


def name_matches(query: str, forms: Iterable[str]) -> bool:
    """Does `query` name the entity known by `forms` (any case, accents, spelling)?"""
    key = fold(query)
    return any(key == fold(f) or same_person_name(query, f) for f in forms)


def find_entities(conn: Connection, name: str, kind: str | None = "person") -> list[int]:
    """Ids of the entities `name` may refer to (name or alias, any spelling)."""
    key = fold(name)
    if not key:
        return []
    query = select(EntityRow.id, EntityRow.name, AliasRow.alias).outerjoin(
        AliasRow, AliasRow.entity_id == EntityRow.id)
    if kind:
        query = query.where(EntityRow.kind == kind)
    forms: dict[int, set[str]] = defaultdict(set)
    for entity_id, entity_name, alias in conn.execute(query):
        forms[entity_id].add(entity_name)
        if alias:
            forms[entity_id].add(alias)
    exact = [i for i, f in forms.items() if key in {fold(x) for x in f}]
    return sorted(exact) if exact else sorted(i for i, f in forms.items() if name_matches(name, f))


def entities(conn: Connection, ids: list[int] | None = None, kind: str | None = "person",
             country: str | None = None) -> list[EntityRecord]:
    """Entities with aliases, dated roles and article counts; `ids` restricts to those
    entities; country: only entities of that alpha-3 code (or countries with it)."""
    query = select(EntityRow).order_by(EntityRow.name, EntityRow.id)
    if ids is not None:
        query = query.where(EntityRow.id.in_(ids))
    if kind:
        query = query.where(EntityRow.kind == kind)
    if country:
        query = query.where(or_(EntityRow.country == country, EntityRow.code == country))
    records = {row.id: EntityRecord(row.id, row.kind, row.name, [], row.code, row.country)
               for row in conn.execute(query)}
    if not records:
        return []
    chosen = select(EntityRow.id).where(EntityRow.id.in_(list(records))) if ids is not None \
        else query.with_only_columns(EntityRow.id).order_by(None)
    for entity_id, alias in conn.execute(select(AliasRow.entity_id, AliasRow.alias)
                                         .where(AliasRow.entity_id.in_(chosen))
                                         .order_by(AliasRow.id)):
        records[entity_id].aliases.append(alias)
    spans = (select(RoleRow.entity_id, RoleRow.role, RoleRow.country,
                    func.min(ArticleRow.published), func.max(ArticleRow.published),
                    func.count(func.distinct(RoleRow.article_id)))
             .join(ArticleRow, ArticleRow.id == RoleRow.article_id)
             .where(RoleRow.entity_id.in_(chosen))
             .group_by(RoleRow.entity_id, RoleRow.role, RoleRow.country))
    for entity_id, role, code, since, until, n in conn.execute(spans):
        records[entity_id].roles.append(RoleSpan(role, code, since, until, n))
    seen = (select(MentionRow.entity_id, func.count(func.distinct(MentionRow.article_id)),
                   func.min(ArticleRow.published), func.max(ArticleRow.published))
            .join(ArticleRow, ArticleRow.id == MentionRow.article_id)
            .where(MentionRow.entity_id.in_(chosen)).group_by(MentionRow.entity_id))
    for entity_id, n, first, last in conn.execute(seen):
        rec = records[entity_id]
        rec.articles, rec.first_seen, rec.last_seen = n, first, last
    for rec in records.values():
        rec.roles.sort(key=lambda r: (r.since or dt.date.min, r.role))
    return list(records.values())


# -- quotes and claims -------------------------------------------------------------


def quotes(conn: Connection, *, speaker_ids: list[int] | None = None, dyad: Dyad | None = None,
           since: dt.date | None = None, until: dt.date | None = None,
           per_speaker: int | None = None, limit: int | None = None) -> list[QuoteRecord]:
    """Quotes, newest article first. per_speaker: keep only each speaker's latest N."""
    rank = func.row_number().over(partition_by=QuoteRow.speaker_id,
                                  order_by=(ArticleRow.published.desc(), QuoteRow.id.desc()))
    query = (select(QuoteRow, EntityRow.name.label("speaker"), *_provenance(),
                    rank.label("rank"))
             .join(ArticleRow, ArticleRow.id == QuoteRow.article_id)
             .outerjoin(EntityRow, EntityRow.id == QuoteRow.speaker_id))
    if speaker_ids is not None:
        query = query.where(QuoteRow.speaker_id.in_(speaker_ids))
    if dyad is not None:
        query = query.where(QuoteRow.article_id.in_(dyad_articles(dyad)))
        query = query.where(QuoteRow.speaker_id.is_not(None))
    query = _dated(query, since, until)
    if per_speaker is not None:
        inner = query.subquery()
        query = select(inner).where(inner.c.rank <= per_speaker)
        order = (inner.c.published.desc(), inner.c.id.desc())
    else:
        order = (ArticleRow.published.desc(), QuoteRow.id.desc())
    query = query.order_by(*order)
    if limit is not None:
        query = query.limit(limit)
    return [QuoteRecord(r.id, r.speaker, r.speaker_id, r.kind, r.text, r.cue, _source(r))
            for r in conn.execute(query)]


def claims(conn: Connection, *, metric: str | None = None, dyad: Dyad | None = None,
           status: str | None = None, speaker_ids: list[int] | None = None,
           since: dt.date | None = None, until: dt.date | None = None) -> list[ClaimRecord]:
    """Claims in article order. metric: one metric ("investment"); dyad: holder and
    counterpart are the pair, either way round."""
    query = (select(ClaimRow, EntityRow.name.label("speaker"), *_provenance())
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
    query = _dated(query, since, until).order_by(ArticleRow.published, ClaimRow.id)
    return [ClaimRecord(r.id, r.metric, r.value, r.qualifier, r.unit, r.status, r.period,
                        r.holder, r.counterpart, r.speaker, r.speaker_id, _source(r))
            for r in conn.execute(query)]


# -- events ------------------------------------------------------------------------


def events(conn: Connection, *, dyad: Dyad | None = None, since: dt.date | None = None,
           until: dt.date | None = None) -> list[EventRecord]:
    """Events (not reports), by day. With a dyad: events reported in articles about
    both countries whose actors and place involve one or both and no third country."""
    reports = select(EventReportRow.event_id)
    if dyad is not None:
        reports = reports.where(EventReportRow.article_id.in_(dyad_articles(dyad)))
    location = aliased(EntityRow)
    query = (select(EventRow, location.name.label("location_name"))
             .outerjoin(location, location.id == EventRow.location_id)
             .where(EventRow.id.in_(reports)))
    if since is not None:
        query = query.where(EventRow.day >= since)
    if until is not None:
        query = query.where(EventRow.day <= until)
    found: dict[int, EventRecord] = {}
    for row in conn.execute(query.order_by(EventRow.day, EventRow.id)):
        codes = row.countries.split()
        if dyad is not None and not (set(codes) & set(dyad) and set(codes) <= set(dyad)):
            continue
        found[row.id] = EventRecord(row.id, row.type, row.mode, row.status, row.date, row.day,
                                    row.location_name, row.cameo, row.goldstein, codes)
    if found:
        _add_event_details(conn, found, reports)
    return list(found.values())


def _add_event_details(conn: Connection, found: dict[int, EventRecord], chosen: Select) -> None:
    wanted = select(EventRow.id).where(EventRow.id.in_(chosen))
    actors = (select(EventActorRow.event_id, EventActorRow.role, EntityRow.name).distinct()
              .join(EntityRow, EntityRow.id == EventActorRow.entity_id)
              .where(EventActorRow.event_id.in_(wanted))
              .order_by(EventActorRow.event_id, EventActorRow.role, EntityRow.name))
    for event_id, role, name in conn.execute(actors):
        if event_id in found:
            found[event_id].actors.append((role, name))
    sources = (select(EventReportRow.event_id, EventReportRow.start, EventReportRow.end,
                      EventReportRow.extractor, *_provenance())
               .join(ArticleRow, ArticleRow.id == EventReportRow.article_id)
               .where(EventReportRow.event_id.in_(wanted))
               .order_by(ArticleRow.published, EventReportRow.id))
    for row in conn.execute(sources):
        if row.event_id in found:
            found[row.event_id].sources.append(_source(row))
