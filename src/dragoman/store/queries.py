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

from sqlalchemy import Connection, Select, String, and_, case, cast, func, or_, select
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


def _quote_filters(query: Select, speaker_ids: list[int] | None, dyad: Dyad | None,
                   since: dt.date | None, until: dt.date | None) -> Select:
    if speaker_ids is not None:
        query = query.where(QuoteRow.speaker_id.in_(speaker_ids))
    if dyad is not None:
        query = query.where(QuoteRow.article_id.in_(dyad_articles(dyad)),
                            QuoteRow.speaker_id.is_not(None))
    return _dated(query, since, until)


def quotes(conn: Connection, *, speaker_ids: list[int] | None = None, dyad: Dyad | None = None,
           since: dt.date | None = None, until: dt.date | None = None,
           per_speaker: int | None = None, limit: int | None = None) -> list[QuoteRecord]:
    """Quotes, newest article first. per_speaker: keep only each speaker's latest N
    (ranked on ids and dates alone; only the chosen quotes' texts are read)."""
    query = (select(QuoteRow, EntityRow.name.label("speaker"), *_provenance())
             .join(ArticleRow, ArticleRow.id == QuoteRow.article_id)
             .outerjoin(EntityRow, EntityRow.id == QuoteRow.speaker_id))
    if per_speaker is not None:
        rank = func.row_number().over(partition_by=QuoteRow.speaker_id,
                                      order_by=(ArticleRow.published.desc(), QuoteRow.id.desc()))
        ranked = _quote_filters(select(QuoteRow.id, rank.label("rank")).join(
            ArticleRow, ArticleRow.id == QuoteRow.article_id), speaker_ids, dyad, since,
            until).subquery()
        query = query.where(QuoteRow.id.in_(select(ranked.c.id)
                                            .where(ranked.c.rank <= per_speaker)))
    else:
        query = _quote_filters(query, speaker_ids, dyad, since, until)
    query = query.order_by(ArticleRow.published.desc(), QuoteRow.id.desc())
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
    query = _dated(_claims_of(dyad, query), since, until).order_by(ArticleRow.published,
                                                                   ClaimRow.id)
    return [ClaimRecord(r.id, r.metric, r.value, r.qualifier, r.unit, r.status, r.period,
                        r.holder, r.counterpart, r.speaker, r.speaker_id, _source(r))
            for r in conn.execute(query)]


def _claims_of(dyad: Dyad | None, query: Select) -> Select:
    if dyad is None:
        return query
    a, b = dyad
    return query.where(or_(and_(ClaimRow.holder == a, ClaimRow.counterpart == b),
                           and_(ClaimRow.holder == b, ClaimRow.counterpart == a)))


def claim_groups(conn: Connection, *, dyad: Dyad | None = None, since: dt.date | None = None,
                 until: dt.date | None = None) -> list[ClaimRecord]:
    """Claims grouped by figure, period, parties and speaker (a figure without a period
    by the month it was published): one record each, with `count` claims in `articles`
    articles and the source of the last one stored. What dyad questions work on, so a
    figure repeated by a thousand outlets costs one row."""
    month = case((ClaimRow.period.is_(None),
                  func.substr(cast(ClaimRow.published, String), 1, 7)), else_="")
    keys = (ClaimRow.metric, ClaimRow.value, ClaimRow.qualifier, ClaimRow.unit,
            ClaimRow.status, ClaimRow.period, month.label("month"), ClaimRow.holder,
            ClaimRow.counterpart, ClaimRow.speaker_id)
    groups = _claims_of(dyad, select(
        *keys, func.count().label("n"), func.count(func.distinct(ClaimRow.article_id))
        .label("n_articles"), func.max(ClaimRow.id).label("rep")))
    if since is not None:
        groups = groups.where(ClaimRow.published >= since)
    if until is not None:
        groups = groups.where(ClaimRow.published <= until)
    groups = groups.group_by(*keys).subquery()
    rep = aliased(ClaimRow)
    query = (select(groups, rep.start, rep.end, rep.extractor, EntityRow.name.label("speaker"),
                    *_provenance())
             .join(rep, rep.id == groups.c.rep)
             .join(ArticleRow, ArticleRow.id == rep.article_id)
             .outerjoin(EntityRow, EntityRow.id == groups.c.speaker_id)
             .order_by(groups.c.rep))
    return [ClaimRecord(r.rep, r.metric, r.value, r.qualifier, r.unit, r.status, r.period,
                        r.holder, r.counterpart, r.speaker, r.speaker_id, _source(r),
                        r.n, r.n_articles) for r in conn.execute(query)]


# -- events ------------------------------------------------------------------------


def dyad_events(dyad: Dyad | None = None, since: dt.date | None = None,
                until: dt.date | None = None) -> Select:
    """Ids of the events (of `dyad`: reported in articles about both countries, with
    actors and place in one or both and no third country) whose day is in range."""
    query = select(EventRow.id)
    if dyad is not None:
        a, b = sorted(dyad)
        reports = select(EventReportRow.event_id).where(
            EventReportRow.article_id.in_(dyad_articles(dyad)))
        query = query.where(EventRow.id.in_(reports),
                            EventRow.countries.in_([a, b, f"{a} {b}"]))
    if since is not None:
        query = query.where(EventRow.day >= since)
    if until is not None:
        query = query.where(EventRow.day <= until)
    return query


def events(conn: Connection, *, dyad: Dyad | None = None, since: dt.date | None = None,
           until: dt.date | None = None, ids: list[int] | None = None) -> list[EventRecord]:
    """Events (not reports) by day, each with its actors and every source: those of
    `dyad` in range, or (ids) exactly those events."""
    location = aliased(EntityRow)
    chosen = ids if ids is not None else dyad_events(dyad, since, until)
    query = (select(EventRow, location.name.label("location_name"))
             .outerjoin(location, location.id == EventRow.location_id)
             .where(EventRow.id.in_(chosen)).order_by(EventRow.day, EventRow.id))
    found = {row.id: EventRecord(row.id, row.type, row.mode, row.status, row.date, row.day,
                                 row.location_name, row.cameo, row.goldstein,
                                 row.countries.split()) for row in conn.execute(query)}
    if found:
        _add_event_details(conn, found, chosen)
    return list(found.values())


def event_stats(conn: Connection, *, dyad: Dyad | None = None, since: dt.date | None = None,
                until: dt.date | None = None) -> list[tuple[int, dt.date | None, float | None, int]]:
    """(event id, day, Goldstein value, reports) of every event of `dyad` in range, in one
    pass: what counts, tone and the choice of the latest events need. Reports are
    counted from the index of reports by article before any event row is read."""
    reports = select(EventReportRow.event_id, func.count().label("n"))
    if dyad is not None:
        reports = reports.where(EventReportRow.article_id.in_(dyad_articles(dyad)))
    reports = reports.group_by(EventReportRow.event_id).subquery()
    query = select(EventRow.id, EventRow.day, EventRow.goldstein, reports.c.n).join(
        reports, reports.c.event_id == EventRow.id)
    if dyad is not None:
        a, b = sorted(dyad)
        query = query.where(EventRow.countries.in_([a, b, f"{a} {b}"]))
    if since is not None:
        query = query.where(EventRow.day >= since)
    if until is not None:
        query = query.where(EventRow.day <= until)
    return [tuple(row) for row in conn.execute(query)]


def _add_event_details(conn: Connection, found: dict[int, EventRecord], chosen) -> None:
    """Actors and sources of the events `found`; chosen: their ids (a list or a query)."""
    actors = (select(EventActorRow.event_id, EventActorRow.role, EntityRow.name).distinct()
              .join(EntityRow, EntityRow.id == EventActorRow.entity_id)
              .where(EventActorRow.event_id.in_(chosen))
              .order_by(EventActorRow.event_id, EventActorRow.role, EntityRow.name))
    for event_id, role, name in conn.execute(actors):
        found[event_id].actors.append((role, name))
    sources = (select(EventReportRow.event_id, EventReportRow.start, EventReportRow.end,
                      EventReportRow.extractor, *_provenance())
               .join(ArticleRow, ArticleRow.id == EventReportRow.article_id)
               .where(EventReportRow.event_id.in_(chosen))
               .order_by(ArticleRow.published, EventReportRow.id))
    for row in conn.execute(sources):
        found[row.event_id].sources.append(_source(row))
