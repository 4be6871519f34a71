"""Tables for people: rich renderables of knowledge-base answers (the CLI prints them).

Nothing here prints; each function returns something `rich.console.Console.print`
accepts, built from the same records the JSON output serialises.
"""
from __future__ import annotations

from collections.abc import Iterable

from rich.console import Group
from rich.table import Table
from rich.text import Text

from dragoman.store.ingest import IngestReport
from dragoman.store.records import ClaimRecord, EntityRecord, QuoteRecord

MAX_TEXT = 160


def _short(text: str, limit: int = MAX_TEXT) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _value(value: float, unit: str = "") -> str:
    """"6.3 billion USD", "rank 4", "12 percent"."""
    from dragoman.analysis.dyads import amount
    if unit == "rank":
        return f"rank {value:g}"
    return f"{amount(value)} {unit}".rstrip()


def ingest_summary(report: IngestReport) -> str:
    """One line of counts, then one line per failure with its reason."""
    lines = [f"read {report.read}, stored {report.stored}, updated {report.updated}, "
             f"skipped as duplicate {report.skipped}, failed {len(report.failed)}"]
    lines += [f"failed: {f}" for f in report.failed]
    return "\n".join(lines)


def people_table(people: Iterable[EntityRecord]) -> Table:
    table = Table("id", "name", "aliases", "country", "roles (first – last seen)", "articles",
                  title="people")
    for p in people:
        roles = "; ".join(f"{r.role}{' of ' + r.country if r.country else ''} "
                          f"({r.since or '?'} – {r.until or '?'})" for r in p.roles)
        table.add_row(str(p.id), p.name, ", ".join(p.aliases), p.country or p.code or "",
                      roles, str(p.articles))
    return table


def quotes_table(quotes: Iterable[QuoteRecord]) -> Table:
    table = Table("published", "speaker", "kind", "text", "article", title="quotes")
    for q in quotes:
        table.add_row(str(q.source.published or ""), q.speaker or "?", q.kind, _short(q.text),
                      q.source.article)
    return table


def claims_table(claims: Iterable[ClaimRecord]) -> Table:
    table = Table("metric", "status", "period", "value", "unit", "holder", "counterpart",
                  "claimed by", "article", title="claims")
    for c in claims:
        qualifier = "" if c.qualifier == "exact" else c.qualifier.replace("_", " ") + " "
        table.add_row(c.metric, c.status, c.period or f"(as of {c.as_of})",
                      qualifier + _value(c.value, c.unit), c.unit, c.holder or "",
                      c.counterpart or "",
                      c.speaker or "(the article)", c.source.article)
    return table


def findings_table(findings) -> Table:
    table = Table("kind", "metric", "period", "detail", "articles", title="findings")
    for f in findings:
        articles = sorted({c.source.article for c in f.claims})
        table.add_row(f.kind, f.metric, f.period or "", f.detail, ", ".join(articles))
    return table


def dyad_view(report) -> Group:
    """The dyad report as a heading and tables: timeline, tone, series, quotes, findings."""
    data = report.to_dict()
    counts = data["counts"]
    a, b = data["names"]
    head = Text(f"{a} ({report.countries[0]}) – {b} ({report.countries[1]}): "
                f"{counts['articles']} articles, {counts['events']} events from "
                f"{counts['reports']} reports, {counts['claims']} claims", style="bold")
    shown = "" if counts["timeline"] == counts["events"] else f", the latest {counts['timeline']}"
    timeline = Table("day", "type", "mode", "status", "source", "target", "location",
                     "goldstein", "articles", title=f"timeline (events, not reports{shown})")
    for e in report.events:
        timeline.add_row(e.date or (f"~{e.day}" if e.day else "?"), e.type, e.mode or "",
                         e.status, ", ".join(n for r, n in e.actors if r == "source"),
                         ", ".join(n for r, n in e.actors if r == "target"), e.location or "",
                         "" if e.goldstein is None else f"{e.goldstein:+.1f}", str(e.articles))
    tone = Table("month", "mean goldstein", "events", title="tone")
    for t in report.tone:
        tone.add_row(t.month, f"{t.goldstein:+.2f}", str(t.events))
    series = Table("metric", "parties", "status", "period", "value", "claimed by",
                   title="series")
    for s in report.series:
        for f in s.actual + s.targets + s.forecasts:
            qualifier = "" if f.qualifier == "exact" else f.qualifier.replace("_", " ") + " "
            who = sorted({c.speaker or f"(article {c.source.article})" for c in f.claims})
            series.add_row(s.metric, f"{s.holder}-{s.counterpart}", f.status,
                           f.period or f"(as of {f.as_of})",
                           f"{qualifier}{_value(f.value, f.unit)}", ", ".join(who))
        for p in s.progress:
            series.add_row(s.metric, f"{s.holder}-{s.counterpart}", "progress",
                           p.actual.as_of or "",
                           f"{p.ratio:.0%} of {_value(p.target.value, s.unit)}", "")
    quotes = Table("speaker", "published", "text", title="latest quotes by speaker")
    for sq in report.quotes:
        for q in sq.quotes:
            quotes.add_row(sq.speaker, str(q.source.published or ""), _short(q.text))
    return Group(head, timeline, tone, series, quotes, findings_table(report.findings))


def codebook_table(title: str, header: tuple[str, ...], rows: Iterable[tuple]) -> Table:
    table = Table(*header, title=title)
    for row in rows:
        table.add_row(*("" if v is None else str(v) for v in row))
    return table


CODEBOOKS = ("cameo", "plover", "countries", "sectors", "events")


def codebook_rows(kind: str, query: str | None = None) -> tuple[tuple[str, ...], list[tuple]]:
    """(header, rows) of a codebook look-up. kind: one of CODEBOOKS; query: a code or its
    start ("03"), a type ("CONSULT"), a name ("Türkiye") or any word of a label or term."""
    from dragoman import codebooks as cb
    q = cb.fold(query or "")

    def hit(*fields: str | None) -> bool:
        return not q or any(q in cb.fold(f or "") for f in fields)

    if kind == "cameo":
        rows = [(c.code, c.label, c.plover, c.goldstein) for c in cb.cameo_codes()
                if not q or c.code.startswith(q) or (not q.isdigit() and hit(c.label, c.plover))]
        return ("code", "label", "plover", "goldstein"), rows
    if kind == "plover":
        codes: dict[str, list[str]] = {t: [] for t in cb.PLOVER_TYPES}
        for c in cb.cameo_codes():
            if c.plover in codes:
                codes[c.plover].append(c.code)
        return ("type", "cameo codes"), [(t, " ".join(c)) for t, c in codes.items() if hit(t)]
    if kind == "countries":
        found = cb.country_lookup(query) if query else None
        rows = [(code, cb.country_name(code), cb.demonym(code), cb.capital(code))
                for code in cb.country_codes()
                if code == found or (query and code == query.upper()) or hit(cb.country_name(code))]
        return ("code (ISO 3166-1 alpha-3)", "name", "demonym", "capital"), rows
    if kind == "sectors":
        terms: dict[str, list[str]] = {s: [] for s in cb.SECTORS}
        for t in cb.sector_terms():
            terms[t.sector].append(t.term)
        return ("sector", "terms"), [(s, ", ".join(t)) for s, t in terms.items()
                                     if hit(s, *t)]
    if kind == "events":
        rows = [(t.term, t.pos, t.plover, t.cameo, t.mode, t.goldstein, t.polarity)
                for t in cb.event_terms() if hit(t.term, t.plover, t.cameo)]
        return ("term", "pos", "plover", "cameo", "mode", "goldstein", "polarity"), rows
    raise ValueError(f"unknown codebook {kind!r}: use one of {', '.join(CODEBOOKS)}")
