"""Exports of the knowledge base: one file per table, as JSON Lines, CSV or Parquet.

The files are meant to be read as they are by pandas, DuckDB and Spark:
`pd.read_parquet("claims.parquet")`, `duckdb.sql("from 'claims.csv'")`,
`spark.read.json("claims.jsonl")`. Every row carries its provenance (`article_id`,
`source_url`, `published`, `retrieved`, `extractor`; for corpus-level rows, those
of the article that first gave them), country codes are ISO 3166-1 alpha-3 (named
in a `country_scheme` column), CAMEO codes are zero-padded strings ("036").
Parquet and DuckDB keep "036" a string by themselves; pandas reads CSV and JSON
Lines as is but turns it into a number unless told `dtype={"cameo": str}`.
Lists (event spans, finding claims) are lists in JSON Lines and Parquet, JSON text in CSV.
"""
from __future__ import annotations

import csv
import datetime as dt
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
from sqlalchemy import Connection, Engine, func, literal, select
from sqlalchemy.orm import aliased

from dragoman.errors import ConfigError
from dragoman.store.schema import (
    COUNTRY_SCHEME,
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
    RoleRow,
    SectorRow,
)

FORMATS = ("jsonl", "csv", "parquet")
CHUNK_ROWS = 5000

STR, INT, FLOAT = pa.string(), pa.int64(), pa.float64()
DATE, TIME = pa.date32(), pa.timestamp("us", tz="UTC")
SPANS, IDS = pa.list_(pa.list_(pa.int64())), pa.list_(pa.int64())


@dataclass(frozen=True)
class View:
    """One exported table: its query and (column, arrow type) pairs in order."""

    name: str
    query: Any
    columns: tuple[tuple[str, pa.DataType], ...]


def _provenance(extractor) -> list:
    return [ArticleRow.ext_id.label("article_id"), ArticleRow.url.label("source_url"),
            ArticleRow.published.label("published"), ArticleRow.retrieved.label("retrieved"),
            extractor.label("extractor")]


PROVENANCE = (("article_id", STR), ("source_url", STR), ("published", DATE),
              ("retrieved", TIME), ("extractor", STR))
SCHEME = literal(COUNTRY_SCHEME).label("country_scheme")


def _fact(table, name: str, columns: list, types: tuple, joins: tuple = ()) -> View:
    query = select(*columns, *_provenance(table.extractor)).join(
        ArticleRow, ArticleRow.id == table.article_id)
    for target, on in joins:
        query = query.outerjoin(target, on)
    return View(name, query.order_by(table.id), types + PROVENANCE)


def views() -> dict[str, View]:
    """Every exportable table, by name."""
    speaker, entity, location = aliased(EntityRow), aliased(EntityRow), aliased(EntityRow)
    first_report = (select(EventReportRow.event_id, func.min(EventReportRow.id).label("rid"),
                           func.count().label("reports"),
                           func.count(func.distinct(EventReportRow.article_id)).label("articles"))
                    .group_by(EventReportRow.event_id).subquery())
    report = aliased(EventReportRow)
    found = [
        View("articles", select(ArticleRow.id.label("row_id"), ArticleRow.title, ArticleRow.source,
                                ArticleRow.path, ArticleRow.content_hash, ArticleRow.text,
                                *_provenance(ArticleRow.extractor)).order_by(ArticleRow.id),
             (("row_id", INT), ("title", STR), ("source", STR), ("path", STR),
              ("content_hash", STR), ("text", STR)) + PROVENANCE),
        View("entities", select(EntityRow.id.label("entity_id"), EntityRow.kind, EntityRow.name,
                                EntityRow.code, EntityRow.country, SCHEME,
                                *_provenance(ArticleRow.extractor))
             .outerjoin(ArticleRow, ArticleRow.id == EntityRow.first_article_id)
             .order_by(EntityRow.id),
             (("entity_id", INT), ("kind", STR), ("name", STR), ("code", STR), ("country", STR),
              ("country_scheme", STR)) + PROVENANCE),
        View("aliases", select(AliasRow.entity_id, EntityRow.name.label("entity"), AliasRow.alias,
                               *_provenance(ArticleRow.extractor))
             .join(EntityRow, EntityRow.id == AliasRow.entity_id)
             .outerjoin(ArticleRow, ArticleRow.id == AliasRow.first_article_id)
             .order_by(AliasRow.id),
             (("entity_id", INT), ("entity", STR), ("alias", STR)) + PROVENANCE),
        _fact(MentionRow, "mentions",
              [MentionRow.entity_id, entity.name.label("entity"), entity.kind, MentionRow.local_id,
               MentionRow.start, MentionRow.end, MentionRow.text],
              (("entity_id", INT), ("entity", STR), ("kind", STR), ("local_id", STR),
               ("start", INT), ("end", INT), ("text", STR)),
              ((entity, entity.id == MentionRow.entity_id),)),
        _fact(RoleRow, "roles",
              [RoleRow.entity_id, entity.name.label("entity"), RoleRow.role, RoleRow.country,
               SCHEME],
              (("entity_id", INT), ("entity", STR), ("role", STR), ("country", STR),
               ("country_scheme", STR)),
              ((entity, entity.id == RoleRow.entity_id),)),
        View("article_countries",
             select(ArticleCountryRow.code, SCHEME, *_provenance(ArticleRow.extractor))
             .join(ArticleRow, ArticleRow.id == ArticleCountryRow.article_id)
             .order_by(ArticleCountryRow.article_id, ArticleCountryRow.code),
             (("code", STR), ("country_scheme", STR)) + PROVENANCE),
        _fact(QuoteRow, "quotes",
              [QuoteRow.id.label("quote_id"), QuoteRow.local_id, QuoteRow.speaker_id,
               speaker.name.label("speaker"), QuoteRow.kind, QuoteRow.text, QuoteRow.cue,
               QuoteRow.start, QuoteRow.end],
              (("quote_id", INT), ("local_id", STR), ("speaker_id", INT), ("speaker", STR),
               ("kind", STR), ("text", STR), ("cue", STR), ("start", INT), ("end", INT)),
              ((speaker, speaker.id == QuoteRow.speaker_id),)),
        _fact(ClaimRow, "claims",
              [ClaimRow.id.label("claim_id"), ClaimRow.local_id, ClaimRow.metric, ClaimRow.value,
               ClaimRow.qualifier, ClaimRow.unit, ClaimRow.status, ClaimRow.period,
               ClaimRow.holder, ClaimRow.counterpart, SCHEME, ClaimRow.speaker_id,
               speaker.name.label("speaker"), ClaimRow.start, ClaimRow.end],
              (("claim_id", INT), ("local_id", STR), ("metric", STR), ("value", FLOAT),
               ("qualifier", STR), ("unit", STR), ("status", STR), ("period", STR),
               ("holder", STR), ("counterpart", STR), ("country_scheme", STR),
               ("speaker_id", INT), ("speaker", STR), ("start", INT), ("end", INT)),
              ((speaker, speaker.id == ClaimRow.speaker_id),)),
        View("events",
             select(EventRow.id.label("event_id"), EventRow.type, EventRow.mode, EventRow.status,
                    EventRow.date, EventRow.day, EventRow.location_id,
                    location.name.label("location"), EventRow.cameo, EventRow.goldstein,
                    EventRow.countries, SCHEME, first_report.c.reports, first_report.c.articles,
                    *_provenance(report.extractor))
             .join(first_report, first_report.c.event_id == EventRow.id)
             .join(report, report.id == first_report.c.rid)
             .join(ArticleRow, ArticleRow.id == report.article_id)
             .outerjoin(location, location.id == EventRow.location_id).order_by(EventRow.id),
             (("event_id", INT), ("type", STR), ("mode", STR), ("status", STR), ("date", STR),
              ("day", DATE), ("location_id", INT), ("location", STR), ("cameo", STR),
              ("goldstein", FLOAT), ("countries", STR), ("country_scheme", STR),
              ("reports", INT), ("articles", INT)) + PROVENANCE),
        _fact(EventReportRow, "event_reports",
              [EventReportRow.id.label("report_id"), EventReportRow.event_id,
               EventReportRow.local_id, EventReportRow.type, EventReportRow.mode,
               EventReportRow.status, EventReportRow.date, EventReportRow.location_id,
               EventReportRow.cameo, EventReportRow.goldstein, EventReportRow.trigger,
               EventReportRow.start, EventReportRow.end, EventReportRow.spans],
              (("report_id", INT), ("event_id", INT), ("local_id", STR), ("type", STR),
               ("mode", STR), ("status", STR), ("date", STR), ("location_id", INT),
               ("cameo", STR), ("goldstein", FLOAT), ("trigger", STR), ("start", INT),
               ("end", INT), ("spans", SPANS))),
        View("event_actors",
             select(EventActorRow.event_id, EventActorRow.report_id, EventActorRow.role,
                    EventActorRow.entity_id, entity.name.label("entity"), entity.kind,
                    func.coalesce(entity.code, entity.country).label("country"), SCHEME,
                    *_provenance(EventReportRow.extractor))
             .join(EventReportRow, EventReportRow.id == EventActorRow.report_id)
             .join(ArticleRow, ArticleRow.id == EventReportRow.article_id)
             .join(entity, entity.id == EventActorRow.entity_id).order_by(EventActorRow.id),
             (("event_id", INT), ("report_id", INT), ("role", STR), ("entity_id", INT),
              ("entity", STR), ("kind", STR), ("country", STR), ("country_scheme", STR))
             + PROVENANCE),
        _fact(SectorRow, "sectors", [SectorRow.sector, SectorRow.term, SectorRow.start,
                                     SectorRow.end],
              (("sector", STR), ("term", STR), ("start", INT), ("end", INT))),
        _fact(FindingRow, "findings",
              [FindingRow.id.label("finding_id"), FindingRow.kind, FindingRow.claim_ids,
               FindingRow.detail, FindingRow.ratio],
              (("finding_id", INT), ("kind", STR), ("claim_ids", IDS), ("detail", STR),
               ("ratio", FLOAT))),
    ]
    return {view.name: view for view in found}


TABLE_NAMES = tuple(views())


def _utc(value: dt.datetime | None) -> dt.datetime | None:
    if value is not None and value.tzinfo is None:
        return value.replace(tzinfo=dt.timezone.utc)
    return value


def _rows(conn: Connection, view: View) -> Iterator[list[dict[str, Any]]]:
    """The view's rows as dicts, CHUNK_ROWS at a time, with Python-typed values."""
    names = [name for name, _ in view.columns]
    result = conn.execution_options(stream_results=True).execute(view.query)
    while chunk := result.fetchmany(CHUNK_ROWS):
        rows = []
        for raw in chunk:
            row = dict(zip(names, raw))
            if "retrieved" in row:
                row["retrieved"] = _utc(row["retrieved"])
            rows.append(row)
        yield rows


def _text(value: Any) -> Any:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return json.dumps(value)
    return value


def _write_parquet(conn: Connection, view: View, path: Path) -> int:
    schema = pa.schema([pa.field(n, t) for n, t in view.columns],
                       metadata={"country_scheme": COUNTRY_SCHEME, "table": view.name})
    count = 0
    with pq.ParquetWriter(path, schema) as writer:
        for rows in _rows(conn, view):
            writer.write_table(pa.Table.from_pylist(rows, schema=schema))
            count += len(rows)
        if count == 0:
            writer.write_table(schema.empty_table())
    return count


def _write_csv(conn: Connection, view: View, path: Path) -> int:
    count = 0
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow([n for n, _ in view.columns])
        for rows in _rows(conn, view):
            writer.writerows([[_text(v) for v in row.values()] for row in rows])
            count += len(rows)
    return count


def _write_jsonl(conn: Connection, view: View, path: Path) -> int:
    count = 0
    with path.open("w", encoding="utf-8") as handle:
        for rows in _rows(conn, view):
            for row in rows:
                row = {k: v.isoformat() if isinstance(v, (dt.date, dt.datetime)) else v
                       for k, v in row.items()}
                handle.write(json.dumps(row, ensure_ascii=False) + "\n")
            count += len(rows)
    return count


WRITERS = {"parquet": _write_parquet, "csv": _write_csv, "jsonl": _write_jsonl}


def export_tables(engine: Engine, out_dir: str | Path, fmt: str,
                  tables: list[str] | None = None) -> dict[str, tuple[Path, int]]:
    """Write each table (default: all) to `out_dir/<table>.<fmt>`; return
    table -> (path, rows). Raises ConfigError for an unknown format or table."""
    if fmt not in FORMATS:
        raise ConfigError(f"unknown export format {fmt!r}: use one of {', '.join(FORMATS)}")
    known = views()
    unknown = [t for t in tables or [] if t not in known]
    if unknown:
        raise ConfigError(f"unknown table(s) {', '.join(unknown)}: use {', '.join(known)}")
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    written = {}
    with engine.connect() as conn:
        for name in tables or list(known):
            path = out / f"{name}.{fmt}"
            written[name] = (path, WRITERS[fmt](conn, known[name], path))
    return written
