"""An article's text with its facts highlighted: entities, quotes, claims and events.

Facts overlap (a claim inside a quote, a name inside an event's words) and may
cross, so the text is cut at every span boundary into segments; each segment
carries every fact that covers it, innermost first. The page draws each kind in
its own visual channel (entity underline, quote tint, claim tint, event border), so
overlaps stay visible; clicking a segment shows the facts it belongs to. The text
and every attribute are escaped (`markupsafe`): article text is never markup.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from markupsafe import Markup, escape

KINDS = ("entity", "quote", "claim", "event")


@dataclass(frozen=True)
class Mark:
    """One highlighted fact: [start, end) in the text, kind (one of KINDS), key
    ("quote-12": kind and id in the article's JSON) and a label for screen readers."""

    start: int
    end: int
    kind: str
    key: str
    label: str


@dataclass(frozen=True)
class Segment:
    """A run of text [start, end) covered by the same facts (innermost first)."""

    start: int
    end: int
    marks: tuple[Mark, ...]
    opens: bool
    evidence: bool


def marks_of(facts: dict[str, Any]) -> list[Mark]:
    """The marks of an article's facts (`queries.ArticleFacts.to_dict()`)."""
    marks: list[Mark] = []
    for e in facts["entities"]:
        for start, end in e["mentions"]:
            marks.append(Mark(start, end, "entity", f"entity-{e['id']}", f"{e['kind']} {e['name']}"))
    for q in facts["quotes"]:
        marks.append(Mark(*q["span"], "quote", f"quote-{q['id']}",
                          f"quote by {q['speaker'] or 'unknown speaker'}"))
    for c in facts["claims"]:
        marks.append(Mark(*c["span"], "claim", f"claim-{c['id']}", f"claim: {c['metric']}"))
    for v in facts["events"]:
        for start, end in v["spans"]:
            marks.append(Mark(start, end, "event", f"event-{v['id']}", f"event: {v['type']}"))
    return marks


def segments(text: str, marks: list[Mark],
             evidence: tuple[int, int] | None = None) -> list[Segment]:
    """`text` cut at every boundary of `marks` and of `evidence` (the span a link asked
    to show). Marks outside the text are clipped; empty ones dropped."""
    size = len(text)
    kept = [m for m in marks if 0 <= m.start < m.end and m.start < size]
    cuts = {0, size}
    for m in kept:
        cuts.update((m.start, min(m.end, size)))
    if evidence is not None:
        cuts.update(max(0, min(x, size)) for x in evidence)
    bounds = sorted(cuts)
    opened: set[Mark] = set()
    found = []
    for start, end in zip(bounds, bounds[1:]):
        covering = sorted((m for m in kept if m.start <= start and m.end >= end),
                          key=lambda m: (m.end - m.start, KINDS.index(m.kind)))
        new = any(m not in opened for m in covering)
        opened.update(covering)
        inside = evidence is not None and evidence[0] <= start and end <= evidence[1]
        found.append(Segment(start, end, tuple(covering), new, inside))
    return found


def render(text: str, parts: list[Segment]) -> Markup:
    """The segments as HTML: plain text, or a `<span class="hl ...">` naming its facts.
    A segment where a fact begins is a tab stop (role=button) for the keyboard."""
    html = []
    first_evidence = True
    for part in parts:
        words = escape(text[part.start:part.end])
        if not part.marks and not part.evidence:
            html.append(words)
            continue
        classes = ["hl"] if part.marks else []
        classes += sorted({f"hl-{m.kind}" for m in part.marks})
        attrs = Markup(' class="{}"').format(" ".join(classes + (["evidence"] if part.evidence
                                                                    else [])))
        if part.marks:
            attrs += Markup(' data-facts="{}"').format(" ".join(m.key for m in part.marks))
            attrs += Markup(' title="{}"').format("; ".join(m.label for m in part.marks))
        if part.opens:
            attrs += Markup(' tabindex="0" role="button"')
        if part.evidence and first_evidence:
            attrs += Markup(' id="evidence"')
            first_evidence = False
        html.append(Markup("<span{}>{}</span>").format(attrs, words))
    return Markup("").join(html)


def parse_span(value: str | None) -> tuple[int, int] | None:
    """A `span` query parameter "640-650" as (640, 650); None when absent or malformed."""
    if not value:
        return None
    start, _, end = value.partition("-")
    if not (start.isdigit() and end.isdigit()) or int(start) >= int(end):
        return None
    return int(start), int(end)
