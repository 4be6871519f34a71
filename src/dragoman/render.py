"""Human-readable rendering of an extraction for the terminal (`--format pretty`)."""
from __future__ import annotations

from rich.console import Console
from rich.table import Table

from dragoman.model import Extraction


def _names(rec: Extraction) -> dict[str, str]:
    return {e.id: e.name for e in rec.entities}


def render_pretty(rec: Extraction, console: Console) -> None:
    """Print one article's record as tables: entities, quotes, claims, events, findings."""
    a = rec.article
    console.rule(f"[bold]{a.title or a.id}[/bold]  {a.date or 'no date'}")
    names = _names(rec)
    t = Table("id", "kind", "name", "code/country", "roles", "aliases", title="Entities", title_justify="left")
    for e in rec.entities:
        t.add_row(e.id, e.kind, e.name, e.code or e.country or "", ", ".join(e.roles), ", ".join(e.aliases))
    console.print(t)
    if rec.quotes:
        t = Table("speaker", "kind", "cue", "text", title="Quotes", title_justify="left")
        for q in rec.quotes:
            t.add_row(names.get(q.speaker or "", "?"), q.kind, q.cue or "", q.text)
        console.print(t)
    if rec.claims:
        t = Table("metric", "value", "qualifier", "unit", "status", "period", "holder→counterpart",
                  "speaker", title="Claims", title_justify="left")
        for c in rec.claims:
            t.add_row(c.metric, f"{c.value:,.10g}", c.qualifier, c.unit, c.status, c.period or "",
                      f"{c.holder or '?'}→{c.counterpart or '?'}", names.get(c.speaker or "", ""))
        console.print(t)
    if rec.events:
        t = Table("type", "mode", "status", "date", "source", "target", "where", "cameo",
                  title="Events", title_justify="left")
        for v in rec.events:
            t.add_row(v.type, v.mode or "", v.status, v.date or "",
                      ", ".join(names.get(i, i) for i in v.source),
                      ", ".join(names.get(i, i) for i in v.target),
                      names.get(v.location or "", ""), v.cameo or "")
        console.print(t)
    if rec.sectors:
        console.print("Sectors: " + ", ".join(sorted({s.sector for s in rec.sectors})))
    for f in rec.findings:
        console.print(f"[bold]{f.kind}[/bold]: {f.detail}")
