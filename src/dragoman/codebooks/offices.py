"""Titles of office: the words around a name that say what a person is.

Data: `offices.tsv` (form, canonical role, rank), hand-written. Roles are lower
case ("foreign minister"); rank orders importance, 1 (head of state) to 9
(spokesperson), so a person with several titles can be shown by the highest.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from types import MappingProxyType
from typing import Mapping

from dragoman.codebooks._tables import fold, read_tsv
from dragoman.errors import DragomanError

# Forms this short ("fm", "pm", "vp") are acronyms: they match only text in capitals.
_ACRONYM_MAX = 3


@dataclass(frozen=True)
class Office:
    """One title form: form (lower case, "minister of foreign affairs"), role (the
    canonical lower-case role, "foreign minister"), rank (1 head of state ... 9 spokesperson)."""

    form: str
    role: str
    rank: int

    @property
    def acronym(self) -> bool:
        """True for forms of at most three letters ("fm", "pm", "vp"): match them only in capitals."""
        return _is_acronym(self.form)


@lru_cache(maxsize=1)
def offices() -> tuple[Office, ...]:
    """Every title form, longest first (so a matcher prefers "deputy foreign minister")."""
    entries = []
    for form, role, rank in read_tsv("offices.tsv", 3):
        if not rank.isdigit() or not 1 <= int(rank) <= 9:
            raise DragomanError(f"codebooks/data/offices.tsv: {form!r}: rank must be 1-9, not {rank!r}")
        entries.append(Office(form.lower(), role.lower(), int(rank)))
    return tuple(sorted(entries, key=lambda office: (-len(office.form), office.form)))


def _is_acronym(form: str) -> bool:
    return len(form) <= _ACRONYM_MAX and " " not in form


@lru_cache(maxsize=1)
def _office_index() -> Mapping[str, Office]:
    return MappingProxyType({fold(office.form): office for office in reversed(offices())})


@lru_cache(maxsize=1)
def _office_pattern() -> re.Pattern[str]:
    words = [re.escape(fold(office.form)) for office in offices() if not office.acronym]
    return re.compile(r"(?<![\w-])(" + "|".join(words) + r")(?![\w-])")


@lru_cache(maxsize=1)
def roles() -> tuple[str, ...]:
    """Every canonical role, by rank then name."""
    best: dict[str, int] = {}
    for office in offices():
        best[office.role] = min(office.rank, best.get(office.role, 9))
    return tuple(sorted(best, key=lambda role: (best[role], role)))


def role_rank(role: str) -> int | None:
    """The rank (1 highest ... 9) of canonical role `role`, or None if unknown."""
    ranks = [office.rank for office in offices() if office.role == role]
    return min(ranks) if ranks else None


def office_lookup(text: str) -> str | None:
    """The canonical role of title phrase `text`, or None.

    An exact form first ("Minister of Foreign Affairs", "FM" -> "foreign minister");
    otherwise the longest form inside the phrase as whole words ("Kazakh Foreign
    Minister" -> "foreign minister", "Deputy Prime Minister" -> "deputy prime minister").
    """
    stripped = text.strip().rstrip(".,;:")
    key = fold(stripped)
    office = _office_index().get(key)
    if office is not None:
        if office.acronym and not stripped.isupper():
            return None
        return office.role
    matches = _office_pattern().findall(key)
    if not matches:
        return None
    return _office_index()[max(matches, key=len)].role
