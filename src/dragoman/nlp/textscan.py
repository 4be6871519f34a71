"""Cheap tests that let a component skip regular expressions that cannot match.

Case-insensitive alternatives (`(?i:percent|per\\s+cent)`) are slow to run over a whole
text; a plain search of the lower-cased text for a word every match must contain is
fast. The two agree for ASCII words except in a text holding one of the four non-ASCII
letters that case-insensitive matching takes for ASCII ones (İ ı ſ and the Kelvin sign
K), so `lowered` refuses such texts and the caller runs its full patterns.
"""
from __future__ import annotations

import re

try:  # the parser behind `re` (Python 3.11+); without it patterns get no hints
    from re import _constants as _c, _parser
except ImportError:  # pragma: no cover
    _c = _parser = None  # type: ignore[assignment]

# The only characters outside ASCII that (?i) matches against ASCII letters (checked over
# all of Unicode for Python's re).
CASE_TWINS = re.compile("[\u0130\u0131\u017f\u212a]")


def lowered(text: str) -> str | None:
    """`text.lower()`, or None when lower-casing could hide a case-insensitive match of an
    ASCII word (the text has one of CASE_TWINS)."""
    if not text.isascii() and CASE_TWINS.search(text):
        return None
    return text.lower()


# --- first-character hints -----------------------------------------------------------

_CATEGORIES = {_c.CATEGORY_DIGIT: r"\d", _c.CATEGORY_NOT_DIGIT: r"\D", _c.CATEGORY_WORD: r"\w",
               _c.CATEGORY_NOT_WORD: r"\W", _c.CATEGORY_SPACE: r"\s",
               _c.CATEGORY_NOT_SPACE: r"\S"} if _c else {}
_ZERO_WIDTH = (_c.AT, _c.ASSERT, _c.ASSERT_NOT) if _c else ()
_REPEATS = (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT) if _c else ()


class _Opaque(Exception):
    """A construct whose first character cannot be told: no hint."""


def _class_items(items: list, out: list[str]) -> None:
    for op, av in items:
        if op is _c.LITERAL:
            out.append(re.escape(chr(av)))
        elif op is _c.RANGE:
            out.append(f"{re.escape(chr(av[0]))}-{re.escape(chr(av[1]))}")
        elif op is _c.CATEGORY and av in _CATEGORIES:
            out.append(_CATEGORIES[av])
        else:  # NEGATE and the like
            raise _Opaque(op)


def _first(seq: list, flags: int, sensitive: list[str], insensitive: list[str]) -> bool:
    """Add to sensitive / insensitive the class items a match of `seq` may begin with;
    True when `seq` may match the empty string (then what follows it counts too)."""
    for op, av in seq:
        target = insensitive if flags & re.IGNORECASE else sensitive
        if op is _c.LITERAL:
            target.append(re.escape(chr(av)))
            return False
        if op is _c.IN:
            _class_items(av, target)
            return False
        if op in _ZERO_WIDTH:
            continue  # consumes nothing; ignoring its constraint only widens the hint
        if op is _c.BRANCH:
            empty = False
            for alternative in av[1]:
                empty |= _first(alternative, flags, sensitive, insensitive)
            if not empty:
                return False
        elif op is _c.SUBPATTERN:
            _group, add, remove, sub = av
            if not _first(sub, (flags | add) & ~remove, sensitive, insensitive):
                return False
        elif op in _REPEATS:
            low, _high, sub = av
            if not _first(sub, flags, sensitive, insensitive) and low > 0:
                return False
        elif op is _c.ATOMIC_GROUP:
            if not _first(av, flags, sensitive, insensitive):
                return False
        else:  # any character, a back-reference, ...
            raise _Opaque(op)
    return True


def first_char_hint(pattern: str, flags: int = 0) -> str | None:
    """A lookahead `(?=[...])` of every character a match of `pattern` can begin with, or
    None when that cannot be told (or a match may be empty).

    Prefixed to the pattern it changes no match: where the pattern matches, its first
    character is in the class; elsewhere the pattern fails anyway. It makes the search
    fail at most positions after one class test instead of trying every alternative."""
    if _parser is None:
        return None
    parsed = _parser.parse(pattern, flags)
    sensitive: list[str] = []
    insensitive: list[str] = []
    try:
        if _first(parsed.data, parsed.state.flags, sensitive, insensitive):
            return None
    except _Opaque:
        return None
    parts = ([f"[{''.join(dict.fromkeys(sensitive))}]"] if sensitive else []) + (
        [f"(?i:[{''.join(dict.fromkeys(insensitive))}])"] if insensitive else [])
    return f"(?={'|'.join(parts)})" if parts else None


def hinted(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """`re.compile(pattern, flags)` with its first-character hint in front (see above);
    the same matches, found faster."""
    hint = first_char_hint(pattern, flags)
    return re.compile(hint + pattern if hint else pattern, flags)
