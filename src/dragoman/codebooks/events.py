"""CAMEO codes, PLOVER types, Goldstein values and the event lexicon.

Data: `CAMEO2PLOVER-2021.txt` (CAMEO code -> PLOVER type, with the CAMEO label;
CC BY-SA 4.0, openeventdata/PLOVER), `CAMEO.goldsteinscale.txt` (CAMEO code ->
Goldstein value, GDELT), `cameo_labels.tsv` (labels of the CAMEO 01x/02x codes
that PLOVER dropped) and `events.tsv` (verbs and nouns that report an event,
derived from the PLOVER table, so also CC BY-SA 4.0).

CAMEO codes are strings with their leading zeros ("036"), never integers.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from types import MappingProxyType
from typing import Mapping

from dragoman.codebooks._tables import data_text, read_tsv
from dragoman.errors import DragomanError

PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)
EVENT_POS = ("verb", "noun", "phrase")
EVENT_MODES = ("meeting", "visit", "summit", "call", "conference", "agreement")
POLARITIES = ("positive", "neutral", "negative")

# "036: AGREE,  , diplomatic # Express intent to meet or negotiate"
_PLOVER_LINE = re.compile(r"^(\d{2,4}):\s*([A-Z]+)\s*(?:,([^#]*))?(?:#\s*(.*))?$")


@dataclass(frozen=True)
class Cameo:
    """One CAMEO code: code ("036"), label ("Express intent to meet or negotiate"),
    plover type (None for the 01x/02x codes PLOVER dropped), goldstein value
    (-10 most conflictual ... +10 most cooperative; None when GDELT gives none)."""

    code: str
    label: str
    plover: str | None
    goldstein: float | None


@dataclass(frozen=True)
class EventTerm:
    """A word or phrase that reports an event.

    term: lemma or space-separated lemma sequence as spaCy lemmatizes it ("meet",
    "hold talk", "joint news conference"); pos: "verb" (one verb), "noun" (a noun or
    noun compound) or "phrase" (a verb with its particle or object, "call on");
    plover: one of PLOVER_TYPES; cameo: the nearest CAMEO code; mode: one of
    EVENT_MODES or None; goldstein: the Goldstein value of `cameo`; polarity: one of
    POLARITIES, the tone the term gives the relationship.
    """

    term: str
    pos: str
    plover: str
    cameo: str
    mode: str | None
    goldstein: float
    polarity: str


def _plover_rows() -> list[tuple[str, str, str]]:
    """(code, PLOVER type, label) for each code line of CAMEO2PLOVER-2021.txt, in file order."""
    rows = []
    for line in data_text("CAMEO2PLOVER-2021.txt").splitlines():
        match = _PLOVER_LINE.match(line.strip())
        if match:
            code, plover, _fields, label = match.groups()
            rows.append((code, plover, (label or "").strip()))
    return rows


def _goldstein() -> dict[str, float]:
    values: dict[str, float] = {}
    for line in data_text("CAMEO.goldsteinscale.txt").splitlines()[1:]:
        if line.strip():
            code, value = line.split("\t")
            values[code.strip()] = float(value)
    return values


@lru_cache(maxsize=1)
def _cameo_index() -> Mapping[str, Cameo]:
    plover: dict[str, tuple[str, str]] = {}
    for code, kind, label in _plover_rows():
        plover.setdefault(code, (kind, label))  # 08 and 175 appear twice: the first wins
    labels = {code: label for code, label in read_tsv("cameo_labels.tsv", 2)}
    goldstein = _goldstein()
    index = {}
    for code in sorted(set(plover) | set(goldstein) | set(labels)):
        kind, label = plover.get(code, ("", ""))
        index[code] = Cameo(code, label or labels.get(code, ""), kind or None, goldstein.get(code))
    return MappingProxyType(index)


@lru_cache(maxsize=1)
def cameo_codes() -> tuple[Cameo, ...]:
    """Every CAMEO code known to the PLOVER or Goldstein tables, sorted as strings."""
    return tuple(_cameo_index().values())


def cameo(code: str) -> Cameo | None:
    """The CAMEO code `code` ("036"; give the leading zero), or None if unknown."""
    return _cameo_index().get(code.strip())


@lru_cache(maxsize=1)
def event_terms() -> tuple[EventTerm, ...]:
    """The event lexicon of events.tsv, in file order, with Goldstein values resolved."""
    terms = []
    for term, pos, plover, code, mode, polarity in read_tsv("events.tsv", 6):
        entry = cameo(code)
        goldstein = entry.goldstein if entry is not None else None
        problem = (f"unknown pos {pos!r}" if pos not in EVENT_POS else
                   f"unknown PLOVER type {plover!r}" if plover not in PLOVER_TYPES else
                   f"CAMEO code {code!r} has no Goldstein value" if goldstein is None else
                   f"unknown mode {mode!r}" if mode not in EVENT_MODES + ("-",) else
                   f"unknown polarity {polarity!r}" if polarity not in POLARITIES else None)
        if problem or goldstein is None:
            raise DragomanError(f"codebooks/data/events.tsv: {term!r}: {problem}")
        terms.append(EventTerm(term, pos, plover, code, None if mode == "-" else mode,
                               goldstein, polarity))
    return tuple(terms)


@lru_cache(maxsize=1)
def _terms_by_lemma() -> Mapping[str, tuple[EventTerm, ...]]:
    grouped: dict[str, list[EventTerm]] = {}
    for entry in event_terms():
        grouped.setdefault(entry.term, []).append(entry)
    return MappingProxyType({term: tuple(entries) for term, entries in grouped.items()})


def event_lookup(term: str, pos: str | None = None) -> EventTerm | None:
    """The lexicon entry for lemma sequence `term` ("hold talk"), optionally of part of speech `pos`."""
    for entry in _terms_by_lemma().get(" ".join(term.lower().split()), ()):
        if pos is None or entry.pos == pos:
            return entry
    return None
