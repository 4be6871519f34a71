"""Writing one article's extraction into the knowledge base.

`write_extraction` stores an `Extraction` for an article row: it resolves the
article's entities onto the knowledge base's (`resolve.EntityIndex`), then writes
every fact with its article, span and extractor version. `delete_facts` removes an
article's facts before they are replaced (a new extractor version, a changed text).
Both run inside the caller's transaction.
"""
from __future__ import annotations

import datetime as dt
import hashlib

from sqlalchemy import Connection, delete, exists, insert, select

from dragoman.model import Article, Extraction
from dragoman.store.events import Report, attach_reports, event_countries, event_key
from dragoman.store.resolve import EntityIndex, KnownEntity
from dragoman.store.schema import (
    ArticleCountryRow,
    ClaimRow,
    EntityRow,
    EventActorRow,
    EventReportRow,
    EventRow,
    FindingRow,
    MentionRow,
    QuoteRow,
    RoleRow,
    SectorRow,
)

# Fact tables in the order they are cleared (children of event_reports first).
_FACTS = (FindingRow, EventActorRow, EventReportRow, SectorRow, ClaimRow, QuoteRow,
          RoleRow, MentionRow, ArticleCountryRow)

# Insert statements built once, not per article: SQLAlchemy then skips building them again.
_INSERT = {table: insert(table) for table in (
    QuoteRow, SectorRow, FindingRow, MentionRow, RoleRow, ArticleCountryRow, EventActorRow)}
_INSERT_CLAIMS = insert(ClaimRow).returning(ClaimRow.id, ClaimRow.local_id,
                                            sort_by_parameter_order=True)
_INSERT_REPORTS = insert(EventReportRow).returning(EventReportRow.id,
                                                   sort_by_parameter_order=True)


def content_hash(article: Article) -> str:
    """SHA-256 (hex) of the article's date and text: its idempotency key with its id."""
    data = f"{article.date or ''}\n{article.text}".encode("utf-8")
    return hashlib.sha256(data).hexdigest()


def parse_date(value: str | None) -> dt.date | None:
    """"YYYY-MM-DD" as a date; None (or anything else) as None."""
    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError:
        return None


def article_values(article: Article, extractor: str | None, retrieved: dt.datetime) -> dict:
    """The `articles` row of `article`."""
    return {"ext_id": article.id, "content_hash": content_hash(article), "title": article.title,
            "source": article.source, "url": article.url, "path": article.path,
            "published": parse_date(article.date), "retrieved": retrieved,
            "extractor": extractor, "text": article.text}


def delete_facts(conn: Connection, article_id: int) -> tuple[set[int], set[int]]:
    """Delete every fact of one article; return the (entity ids, event ids) it touched,
    for `collect_orphans` once the new facts are written."""
    entity_ids = set(conn.scalars(select(MentionRow.entity_id)
                                  .where(MentionRow.article_id == article_id)))
    event_ids = set(conn.scalars(select(EventReportRow.event_id)
                                 .where(EventReportRow.article_id == article_id)))
    report_ids = select(EventReportRow.id).where(EventReportRow.article_id == article_id)
    for table in _FACTS:
        if table is EventActorRow:
            conn.execute(delete(EventActorRow).where(EventActorRow.report_id.in_(report_ids)))
        else:
            conn.execute(delete(table).where(table.article_id == article_id))
    return entity_ids, event_ids


def collect_orphans(conn: Connection, index: EntityIndex, entity_ids: set[int],
                    event_ids: set[int]) -> None:
    """Delete events left without reports and entities left without mentions."""
    for event_id in event_ids:
        if not conn.scalar(select(exists().where(EventReportRow.event_id == event_id))):
            conn.execute(delete(EventActorRow).where(EventActorRow.event_id == event_id))
            conn.execute(delete(EventRow).where(EventRow.id == event_id))
    for entity_id in entity_ids:
        if not _referenced(conn, entity_id):
            conn.execute(delete(EntityRow).where(EntityRow.id == entity_id))
            index.forget(entity_id)


def _referenced(conn: Connection, entity_id: int) -> bool:
    return any(conn.scalar(select(exists().where(column == entity_id))) for column in (
        MentionRow.entity_id, EventActorRow.entity_id, QuoteRow.speaker_id, ClaimRow.speaker_id))


def write_extraction(conn: Connection, index: EntityIndex, article_id: int,
                     extraction: Extraction) -> None:
    """Write the facts of `extraction` for the stored article `article_id`."""
    article = extraction.article
    version = extraction.extractor
    local = _write_entities(conn, index, article_id, extraction, version)
    ids = {local_id: known.id for local_id, known in local.items()}
    if extraction.quotes:
        conn.execute(_INSERT[QuoteRow], [
            {"article_id": article_id, "local_id": q.id, "speaker_id": ids.get(q.speaker or ""),
             "kind": q.kind, "text": q.text, "cue": q.cue, "start": q.span[0], "end": q.span[1],
             "extractor": version} for q in extraction.quotes])
    claim_ids = _write_claims(conn, article_id, extraction, ids)
    _write_events(conn, article_id, extraction, local, parse_date(article.date))
    if extraction.sectors:
        conn.execute(_INSERT[SectorRow], [
            {"article_id": article_id, "sector": s.sector, "term": s.term, "start": s.span[0],
             "end": s.span[1], "extractor": version} for s in extraction.sectors])
    if extraction.findings:
        conn.execute(_INSERT[FindingRow], [
            {"article_id": article_id, "kind": f.kind, "detail": f.detail, "ratio": f.ratio,
             "claim_ids": [claim_ids[c] for c in f.claims if c in claim_ids],
             "extractor": version} for f in extraction.findings])


def _write_entities(conn: Connection, index: EntityIndex, article_id: int,
                    extraction: Extraction, version: str | None) -> dict[str, KnownEntity]:
    text = extraction.article.text
    local: dict[str, KnownEntity] = {}
    mentions, roles, countries = [], [], set()
    resolutions = index.resolve_all(conn, list(extraction.entities), article_id)
    for entity, resolution in zip(extraction.entities, resolutions, strict=True):
        known = resolution.entity
        local[entity.id] = known
        for start, end in sorted(set(map(tuple, entity.mentions))):
            mentions.append({"article_id": article_id, "entity_id": known.id,
                             "local_id": entity.id, "start": start, "end": end,
                             "text": text[start:end], "extractor": version})
        for role in dict.fromkeys(entity.roles):
            roles.append({"article_id": article_id, "entity_id": known.id, "role": role,
                          "country": entity.country, "extractor": version})
        code = known.code if known.kind == "country" else entity.country
        if code:
            countries.add(code)
    for table, rows in ((MentionRow, mentions), (RoleRow, roles)):
        if rows:
            conn.execute(_INSERT[table], rows)
    if countries:
        conn.execute(_INSERT[ArticleCountryRow],
                     [{"article_id": article_id, "code": c} for c in sorted(countries)])
    return local


def _write_claims(conn: Connection, article_id: int, extraction: Extraction,
                  ids: dict[str, int]) -> dict[str, int]:
    """Insert the claims; return local claim id -> `claims.id`."""
    if not extraction.claims:
        return {}
    published = parse_date(extraction.article.date)
    rows = [{"article_id": article_id, "local_id": c.id, "metric": c.metric,
             "value": float(c.value), "qualifier": c.qualifier, "unit": c.unit,
             "status": c.status, "period": c.period, "holder": c.holder,
             "counterpart": c.counterpart, "speaker_id": ids.get(c.speaker or ""),
             "start": c.span[0], "end": c.span[1], "extractor": extraction.extractor,
             "published": published} for c in extraction.claims]
    result = conn.execute(_INSERT_CLAIMS, rows)
    return {local_id: claim_id for claim_id, local_id in result}


def _write_events(conn: Connection, article_id: int, extraction: Extraction,
                  local: dict[str, KnownEntity], published: dt.date | None) -> None:
    """Attach the article's events (see `events.attach_reports`), then write their reports
    and actors, each table in one statement."""
    if not extraction.events:
        return
    reports, actors = [], []
    for event in extraction.events:
        sources = [local[i] for i in event.source if i in local]
        targets = [local[i] for i in event.target if i in local]
        location = local.get(event.location or "")
        reports.append(Report(event, event_key(event, sources + targets, published),
                              frozenset(event_countries(sources + targets, location)),
                              location.id if location is not None else None))
        actors.append(list(dict.fromkeys([(a.id, "source") for a in sources]
                                         + [(a.id, "target") for a in targets])))
    event_ids = attach_reports(conn, reports, published, article_id)
    report_ids = conn.execute(_INSERT_REPORTS, [
            {"event_id": event_id, "article_id": article_id, "local_id": r.event.id,
             "type": r.event.type, "mode": r.event.mode, "status": r.event.status,
             "date": r.event.date, "location_id": r.location_id, "cameo": r.event.cameo,
             "goldstein": r.event.goldstein, "trigger": r.event.trigger,
             "start": r.event.span[0], "end": r.event.span[1],
             "spans": [list(s) for s in r.event.spans] or [list(r.event.span)],
             "extractor": extraction.extractor}
            for r, event_id in zip(reports, event_ids, strict=True)]).scalars().all()
    rows = [{"report_id": report_id, "event_id": event_id, "entity_id": entity_id, "role": role}
            for report_id, event_id, pairs in zip(report_ids, event_ids, actors, strict=True)
            for entity_id, role in pairs]
    if rows:
        conn.execute(_INSERT[EventActorRow], rows)
