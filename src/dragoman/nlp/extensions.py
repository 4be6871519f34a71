"""The `Doc._` extensions through which dragoman's pipeline components talk.

Each component reads what earlier ones wrote and adds its own list:
`pub_date` (set before the pipeline runs), `entities` and `mentions` (actors),
`quotes`, `timexes`, `claims`, `events`, `sectors`, `findings`.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass
from datetime import date

from spacy.tokens import Doc

from dragoman.model import Entity

LIST_EXTENSIONS = ("entities", "mentions", "quotes", "timexes", "claims", "events",
                   "sectors", "findings")


@dataclass(frozen=True)
class Mention:
    """One place where an entity is named. start/end: characters into the doc text;
    kind: how it is named — "name" (full or partial name), "title" (a title phrase such as
    "the Turkish foreign minister"), "demonym" ("Turkish"), "capital" (a capital used for
    its government), "acronym"."""

    start: int
    end: int
    entity_id: str
    kind: str = "name"


def register_extensions() -> None:
    """Declare the extensions once per process (spaCy keeps them on the Doc class)."""
    if not Doc.has_extension("pub_date"):
        Doc.set_extension("pub_date", default=None)
    for name in LIST_EXTENSIONS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


def set_pub_date(doc: Doc, value: date | None) -> Doc:
    doc._.pub_date = value
    return doc


def entity_by_id(doc: Doc) -> dict[str, Entity]:
    return {e.id: e for e in (doc._.entities or [])}


def mentions_between(doc: Doc, start: int, end: int) -> list[Mention]:
    """The mentions that lie within characters [start, end), in text order."""
    mentions: list[Mention] = doc._.mentions or []
    starts = [m.start for m in mentions]
    i = bisect.bisect_left(starts, start)
    out = []
    while i < len(mentions) and mentions[i].start < end:
        if mentions[i].end <= end:
            out.append(mentions[i])
        i += 1
    return out


def mention_at(doc: Doc, char: int) -> Mention | None:
    """The mention covering character `char`, if any (the shortest when nested)."""
    hits = [m for m in (doc._.mentions or []) if m.start <= char < m.end]
    return min(hits, key=lambda m: m.end - m.start) if hits else None


def entity_at_token(doc: Doc, i: int) -> Entity | None:
    """The entity a token is part of a mention of, if any."""
    m = mention_at(doc, doc[i].idx)
    return entity_by_id(doc).get(m.entity_id) if m else None


def doc_text(doc: Doc) -> str:
    """`doc.text`, cached: spaCy rebuilds the string from every token on each access."""
    text = doc.user_data.get("dragoman_text")
    if text is None:
        text = doc.text
        doc.user_data["dragoman_text"] = text
    return text
