"""Sector words: the terms that put a sentence in a sector of the relationship.

Data: `sectors.tsv` (sector, term, match), hand-written. `match` says how a
term is compared: "lemma" (default) against the token lemmas ("export" matches
"exports"), "text" against the words as written ("Middle Corridor", "FDI").
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from dragoman.codebooks._tables import read_tsv
from dragoman.errors import DragomanError

SECTORS = (
    "trade", "investment", "energy", "defence", "security", "education", "culture",
    "transport", "agriculture", "health", "technology", "finance", "diplomacy",
    "multilateral", "other",
)


@dataclass(frozen=True)
class SectorTerm:
    """term: a lower-case lemma or space-separated lemma sequence ("trade volume") when
    `lemma` is True; otherwise a name or acronym as written ("Middle Corridor", "FDI"),
    to compare with the text case-insensitively, except that a term in capitals
    matches only capitals; sector: one of SECTORS."""

    term: str
    sector: str
    lemma: bool = True


@lru_cache(maxsize=1)
def sector_terms() -> tuple[SectorTerm, ...]:
    """Every sector term, in file order (grouped by sector)."""
    terms = []
    for sector, term, match in read_tsv("sectors.tsv", 2, 3):
        if sector not in SECTORS or match not in ("", "lemma", "text"):
            raise DragomanError(f"codebooks/data/sectors.tsv: {term!r}: unknown sector "
                                f"{sector!r} or match {match!r}")
        terms.append(SectorTerm(term if match == "text" else term.lower(), sector, match != "text"))
    return tuple(terms)
