"""Events across articles: reports of one happening become one `events` row.

Two reports are the same event when they have the same PLOVER type, the same
actors and the same date. Actors compare by country (a minister stands for the
minister's country: "Fidan met Nurtleu" and "Türkiye and Kazakhstan held talks"
have the actors {KAZ, TUR}); an actor without a country compares by its entity.
A report without a date is dated by its article's publication date, so outlets
covering one press conference on the same day still make one event, while
undated statements on different days stay apart.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import Connection, exists, insert, select, update

from dragoman.model import Event
from dragoman.store.resolve import KnownEntity
from dragoman.store.schema import EventReportRow, EventRow


@dataclass(frozen=True)
class EventKey:
    """What identifies an event: type, actors (sorted alpha-3 codes or "#entity id")
    and date ("YYYY[-MM[-DD]]", or "~YYYY-MM-DD": the publication date of an undated report)."""

    type: str
    actors: tuple[str, ...]
    date: str

    def __str__(self) -> str:
        return f"{self.type}|{' '.join(self.actors)}|{self.date}"


def actor_key(known: KnownEntity) -> str:
    """The country an actor stands for, or the entity itself when it has none."""
    if known.kind == "country" and known.code:
        return known.code
    return known.country or f"#{known.id}"


def event_key(event: Event, actors: list[KnownEntity], published: dt.date | None) -> EventKey:
    """The key of one report. actors: its resolved source and target entities."""
    date = event.date or (f"~{published.isoformat()}" if published else "")
    return EventKey(event.type, tuple(sorted({actor_key(a) for a in actors})), date)


def first_day(date: str | None) -> dt.date | None:
    """The first day of "YYYY", "YYYY-MM" or "YYYY-MM-DD" (leading "~" ignored), or None."""
    if not date:
        return None
    text = date.lstrip("~")
    parts = text.split("-")
    try:
        return dt.date(int(parts[0]), int(parts[1]) if len(parts) > 1 else 1,
                       int(parts[2]) if len(parts) > 2 else 1)
    except (ValueError, IndexError):
        return None


def event_countries(actors: list[KnownEntity], location: KnownEntity | None) -> set[str]:
    """Alpha-3 codes of a report's actors and place."""
    codes = {a.code if a.kind == "country" else a.country for a in actors}
    if location is not None:
        codes.add(location.code if location.kind == "country" else location.country)
    return {c for c in codes if c}


@dataclass(frozen=True)
class Report:
    """One event of an article, ready to attach: its key, its actors' and place's
    country codes, and the place's entity id."""

    event: Event
    key: EventKey
    countries: frozenset[str]
    location_id: int | None


def attach_reports(conn: Connection, reports: list[Report], published: dt.date | None,
                   article_id: int) -> list[int]:
    """The event id of each report of one article, in order: an existing event of the
    same key, or a new one made from the report. Two reports of one article never share
    an event (the extractor already merged what it saw as one): the n-th report of a key
    takes the n-th oldest event of that key not yet reported by this article, and a new
    event once those run out. An existing event takes the report's country codes, a
    missing place, mode or CAMEO code, and the status of a report published on or after
    the event's day (a summit reported as planned, then as held, is occurred).
    One query finds the existing events, one insert makes the new ones."""
    same_article = exists().where(EventReportRow.event_id == EventRow.id,
                                  EventReportRow.article_id == article_id)
    free: dict[str, list] = {}
    keys = sorted({str(r.key) for r in reports})
    for row in conn.execute(select(EventRow).where(EventRow.key.in_(keys), ~same_article)
                            .order_by(EventRow.id)):
        free.setdefault(row.key, []).append(row)
    ids: list[int | None] = []
    new: list[tuple[int, dict]] = []
    for report in reports:
        waiting = free.get(str(report.key))
        if waiting:
            found = waiting.pop(0)
            _update_event(conn, found, report, published)
            ids.append(found.id)
            continue
        event = report.event
        new.append((len(ids), {
            "key": str(report.key), "type": event.type, "mode": event.mode,
            "status": event.status, "date": event.date,
            "day": first_day(report.key.date) or published, "location_id": report.location_id,
            "cameo": event.cameo, "goldstein": event.goldstein,
            "countries": " ".join(sorted(report.countries))}))
        ids.append(None)
    if new:
        made = conn.execute(insert(EventRow).returning(EventRow.id, sort_by_parameter_order=True),
                            [values for _, values in new]).scalars().all()
        for (position, _), event_id in zip(new, made, strict=True):
            ids[position] = event_id
    return [i for i in ids if i is not None]


def _update_event(conn: Connection, found, report: Report, published: dt.date | None) -> None:
    """Fold one more report into the existing event row `found` (see `attach_reports`)."""
    event, changes = report.event, {}
    merged = " ".join(sorted(set(found.countries.split()) | report.countries))
    if merged != found.countries:
        changes["countries"] = merged
    for name, value in (("location_id", report.location_id), ("mode", event.mode),
                        ("cameo", event.cameo), ("goldstein", event.goldstein)):
        if getattr(found, name) is None and value is not None:
            changes[name] = value
    if event.status != found.status and published is not None and (
            found.day is None or published >= found.day):
        changes["status"] = event.status
    if changes:
        conn.execute(update(EventRow).where(EventRow.id == found.id).values(**changes))
