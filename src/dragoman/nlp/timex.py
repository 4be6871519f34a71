"""Time expressions: find them in an article and resolve them against its publication date.

`dragoman_time` writes `doc._.timexes`, a list of `Timex` in text order. Each has a
`value` with the precision the words give — "YYYY" ("in 2022", "last year"),
"YYYY-MM" ("in November", "next month") or "YYYY-MM-DD" ("on Monday", "11 September
2023") — and a `kind` saying how the time relates to what is reported:

- "date": a point or period ("in 2022", "on Monday", "last year");
- "as_of": the state at publication ("to date", "so far", "currently"): value = pub date;
- "deadline": "by 2026", "by the end of the year", "until 2030"; also counted from
  publication: "within five years" (2029 in 2024), "by the end of the decade" (2030);
- "since": "since 2015";
- "range": "between 2019 and 2022", "from 5 to 7 June", "2021-2023": value = the start,
  `until` = the end;
- "duration": "over the past five years", "in recent years": value None.

Some words count from the time named just before them (in the same or the previous
sentence), not from publication: "in the same period" (that time), "a year earlier" and
"the previous year" (a year before it, its precision kept); "the same period of 2022" and
"the same months last year" carry their own year. "In January-September" is a range whose
end month is read like "in September"; "in the first nine months" is the year of that end.

Relative words need the publication date and sometimes the tense: "on Monday" is the
most recent Monday on or before the publication date when the report is in the past,
the next one on or after it when the verb is future; "in November" likewise the past or
the coming November. Without tense information the past reading is taken (news reports
mostly report what happened).
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, replace
from datetime import date, timedelta

from spacy.language import Language
from spacy.tokens import Doc

from dragoman.nlp.extensions import doc_text
from dragoman.nlp.extensions import register_extensions
from dragoman.nlp.tense import tense_at  # re-exported: callers read the tense through timex
from dragoman.nlp.textscan import hinted, lowered

KINDS = ("date", "as_of", "deadline", "since", "range", "duration")


@dataclass(frozen=True)
class Timex:
    """A time expression. start/end: characters into doc.text; value: "YYYY" | "YYYY-MM" |
    "YYYY-MM-DD" resolved against the publication date (None if unresolvable); kind: one
    of KINDS; until: the end of a "range" (same format as value), else None."""

    start: int
    end: int
    text: str
    value: str | None
    kind: str
    until: str | None = None


# --- the words -----------------------------------------------------------------------

_MONTHS: dict[str, int] = {}
for _n in range(1, 13):
    _MONTHS[calendar.month_name[_n].lower()] = _n
    _MONTHS[calendar.month_abbr[_n].lower()] = _n
_MONTHS["sept"] = 9
_WEEKDAYS = {calendar.day_name[i].lower(): i for i in range(7)}
_NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
                 "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11,
                 "twelve": 12, "several": None, "few": None, "a few": None, "many": None}

# Month names are matched with a capital letter only ("May", never the modal "may").
_MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November|"
          r"December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)")
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_YEAR = r"(?:1[89]\d\d|20\d\d)"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_NUM = r"(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
_UNIT = r"(?:day|week|month|year|decade)s?"
_PART_OF_DAY = r"(?:\s+(?i:morning|afternoon|evening|night))?"
_NOT_FIGURE = r"(?![\d,.]?\d|\s*(?:%|(?:percent|per\s+cent|million|billion|trillion|bn|mn)\b))"

# Words before a date that say what kind of time it is.
_PREFIX = re.compile(
    r"(?i:\b(?P<word>by|until|till|through|no\s+later\s+than|since|as\s+of|as\s+at|in|on|"
    r"during|at|of|for|from|before|after|throughout)\s+)?"
    r"(?i:(?P<mod>(?:the\s+)?(?:very\s+)?(?:end|beginning|start|middle|close|turn|first\s+half|"
    r"second\s+half)\s+of\s+(?:the\s+)?|(?:early|late|mid|earlier|later)[\s-]+|mid-))?$")
_PREFIX_KIND = {"by": "deadline", "until": "deadline", "till": "deadline", "through": "deadline",
                "no later than": "deadline", "since": "since", "as of": "as_of", "as at": "as_of"}
# Words that may stand before a bare year or month name (so "2000 students" is no year).
_ANCHOR_WORDS = frozenset(
    "by until till through since as in on during at of for from before after throughout "
    "between and to the early late mid end beginning start middle close turn year "
    "last next this past coming".split())


@dataclass(frozen=True)
class _Spec:
    """A date as written, before resolution. rel: "last" | "next" | "this" | None for
    weekdays and month names; offset/unit for "last year", "two months ago"."""

    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    rel: str | None = None
    unit: str | None = None
    offset: int = 0
    kind: str = "date"
    needs_anchor: bool = False
    back: bool = False  # offset/unit count from the time named just before ("a year earlier")
    year_only: bool = False  # a month that only fixes the year ("the first nine months")


@dataclass(frozen=True)
class _Hit:
    start: int
    end: int
    spec: _Spec
    until: _Spec | None = None


def _year(text: str | None) -> int | None:
    return int(text) if text else None


def _month(text: str | None) -> int | None:
    return _MONTHS.get(text.lower().rstrip(".")) if text else None


def _day(text: str | None) -> int | None:
    return int(re.sub(r"\D", "", text)) if text else None


def _number(text: str) -> int | None:
    text = text.lower()
    return int(text) if text.isdigit() else _NUMBER_WORDS.get(text)


def _rel(text: str | None) -> str | None:
    if not text:
        return None
    text = text.lower()
    return {"past": "last", "previous": "last", "coming": "next", "upcoming": "next",
            "current": "this"}.get(text, text)


# --- the patterns: (regex, function(match) -> _Spec or (_Spec, _Spec) for ranges) ------

def _iso(m: re.Match) -> _Spec:
    return _Spec(int(m["y"]), int(m["m"]), int(m["d"]))


def _day_month(m: re.Match) -> _Spec:
    return _Spec(_year(m["y"]), _month(m["m"]), _day(m["d"]))


def _month_year(m: re.Match) -> _Spec:
    return _Spec(_year(m["y"]), _month(m["m"]))


def _part_of_year(m: re.Match) -> _Spec:
    groups = m.groupdict()
    if groups.get("y"):
        return _Spec(int(groups["y"]))
    return _Spec(unit="year", offset={"last": -1, "next": 1}.get(_rel(groups.get("r")) or "", 0))


def _fiscal(m: re.Match) -> _Spec:
    year = int(m["y"])
    return _Spec(year + 2000 if year < 100 else year)


def _bare_year(m: re.Match) -> _Spec:
    return _Spec(int(m["y"]), needs_anchor=True)


def _day_word(m: re.Match) -> _Spec:
    word = m[0].lower()
    offset = {"yesterday": -1, "today": 0, "tomorrow": 1}.get(word.split()[-1], 0)
    if word.startswith("the day before"):
        offset = -2
    elif word.startswith("the day after"):
        offset = 2
    return _Spec(unit="day", offset=offset)


def _relative_unit(m: re.Match) -> _Spec:
    rel = _rel(m.groupdict().get("r"))
    offset = {"last": -1, "next": 1}.get(rel or "", 0)
    return _Spec(unit=m["u"].lower(), offset=offset)


def _ago(m: re.Match) -> _Spec:
    n = _number(m["n"])
    unit = m["u"].lower().rstrip("s")
    if n is None or unit == "decade":
        return _Spec(kind="duration")
    return _Spec(unit=unit, offset=-n)


def _horizon(m: re.Match) -> _Spec:
    """"within five years", "within a decade", "in three years' time": a deadline that many
    years after publication (a figure to be reached by then). "Over the next five years" is
    a span, not a deadline, and stays a duration."""
    n = _number(m["n"] or m["n2"])
    unit = (m["u"] or m["u2"]).lower().rstrip("s")
    if n is None:
        return _Spec(kind="duration")
    return _Spec(unit="year", offset=n * (10 if unit == "decade" else 1), kind="deadline")


def _decade_end(m: re.Match) -> _Spec:
    """"by the end of the decade": the year that closes the decade as people count it, 2030
    for the 2020s (2021-2030), which is how "by the end of the decade" and "by 2030" pair."""
    return _Spec(unit="decade_end", kind="deadline")


def _weekday(m: re.Match) -> _Spec:
    return _Spec(weekday=_WEEKDAYS[m["w"].lower()], rel=_rel(m["r"]))


def _month_rel(m: re.Match) -> _Spec:
    return _Spec(month=_month(m["m"]), rel=_rel(m["r"]))


def _bare_month(m: re.Match) -> _Spec:
    return _Spec(month=_month(m["m"]), needs_anchor=True)


def _as_of(m: re.Match) -> _Spec:
    return _Spec(unit="day", kind="as_of")


def _duration(m: re.Match) -> _Spec:
    return _Spec(kind="duration")


def _same(m: re.Match) -> _Spec:
    """"the same period": the time named just before; with a year of its own ("the same
    period of 2022", "the same months last year", "a year earlier") that year."""
    groups = m.groupdict()
    if groups.get("y"):
        return _Spec(int(groups["y"]))
    if groups.get("ago"):
        return _Spec(unit="year", offset=-1)
    if groups.get("back"):
        return _Spec(unit="year", offset=-1, back=True)
    return _Spec(kind="same")


def _earlier(m: re.Match) -> _Spec:
    """"a year earlier", "the previous year", "two months before": counted back from the
    time named just before (from publication when there is none)."""
    n = _number(m.groupdict().get("n") or "one") or 1
    return _Spec(unit=m["u"].lower().rstrip("s"), offset=-n, back=True)


def _first_months(m: re.Match) -> _Spec:
    """"in the first nine months" (of no named year): the year whose first months the
    report covers, that is the year of the (past) end month."""
    n = _number(m["n"])
    return _Spec(month=n, year_only=True) if n and n < 12 else _Spec(kind="duration")


def _month_range(m: re.Match) -> tuple[_Spec, _Spec]:
    year = _year(m["y"])
    first, last = _month(m["m1"]), _month(m["m2"])
    if year is not None and first is not None and last is not None and first > last:
        return _Spec(year - 1, first), _Spec(year, last)  # "December-February 2024"
    return _Spec(year, first, needs_anchor=year is None), _Spec(year, last)


def _year_range(m: re.Match) -> tuple[_Spec, _Spec]:
    first, second = int(m["y1"]), m["y2"]
    last = int(second) if len(second) == 4 else first // 100 * 100 + int(second)
    return _Spec(first), _Spec(last)


def _day_range(m: re.Match) -> tuple[_Spec, _Spec]:
    month, year = _month(m["m"]), _year(m["y"])
    return _Spec(year, month, _day(m["d1"])), _Spec(year, month, _day(m["d2"]))


_SAME = r"(?:period|time|months?|quarter|half|weeks?|year)"
_BACK = (r"(?:a|one|the)\s+(?:year|twelve\s+months)\s+(?:earlier|before|prior)|the\s+(?:previous|preceding|prior)\s+year|"
         r"(?:of\s+)?the\s+year\s+before")
_RULES: tuple[tuple[re.Pattern[str], object], ...] = tuple((hinted(p), f) for p, f in (
    (rf"(?i:\bthe\s+same\s+{_SAME}\s+(?:(?:of|in)\s+(?P<y>{_YEAR})\b|(?P<ago>(?:of\s+|in\s+)?last\s+year|"
     rf"a\s+year\s+ago)\b|(?P<back>(?:of\s+|in\s+)?(?:{_BACK}))\b))", _same),
    (rf"\b(?P<m1>{_MONTH})\s*(?:-|–|—|/|\s(?:to|through)\s)\s*(?P<m2>{_MONTH})(?![\w-])(?:,?\s+(?P<y>{_YEAR})\b)?",
     _month_range),
    (rf"(?i:\b(?P<n>a|an|one|two|three|four|five|six|\d)\s+(?P<u>years?|months?)\s+(?:earlier|before|prior)\b)",
     _earlier),
    (r"(?i:\b(?:the\s+)?(?:previous|preceding|prior)\s+(?P<u>year|month)\b)", _earlier),
    (r"(?i:\bthe\s+(?P<u>year|month)\s+before\b)(?!\s+(?:the|last|it|that|its)\b)", _earlier),
    (rf"(?i:\b(?:the\s+)?first\s+(?P<n>{_NUM})\s+months\b)(?!\s+of\b)", _first_months),
    (rf"\b(?P<d1>{_DAY})\s*(?:-|–|to|and)\s*(?P<d2>{_DAY})\s+(?P<m>{_MONTH})(?:,?\s+(?P<y>{_YEAR}))?\b",
     _day_range),
    (rf"\b(?P<m>{_MONTH})\s+(?P<d1>{_DAY})\s*(?:-|–|to|and)\s*(?P<d2>{_DAY})\b(?:,?\s+(?P<y>{_YEAR})\b)?",
     _day_range),
    (rf"\b(?P<y1>{_YEAR})\s*(?:-|–|/)\s*(?P<y2>{_YEAR}|\d\d)\b{_NOT_FIGURE}", _year_range),
    (r"\b(?P<y>\d{4})-(?P<m>\d\d)-(?P<d>\d\d)\b", _iso),
    (rf"\b(?P<d>{_DAY})(?:\s+of)?\s+(?P<m>{_MONTH})(?:,?\s+(?P<y>{_YEAR}))?\b", _day_month),
    (rf"\b(?P<m>{_MONTH})\s+(?P<d>{_DAY})\b{_NOT_FIGURE}(?:,?\s+(?P<y>{_YEAR})\b)?", _day_month),
    (rf"\b(?P<m>{_MONTH}),?\s+(?P<y>{_YEAR})\b", _month_year),
    (rf"(?i:\b(?:the\s+)?(?:first|second|third|fourth|final|last|1st|2nd|3rd|4th)"
     rf"(?:\s+(?:\w+|\d+))?\s+(?:quarter|half|months|weeks|quarters)\s+of\s+)"
     rf"(?:(?P<y>{_YEAR})\b|(?i:(?:the\s+)?(?:(?P<r>last|next|this|current|previous)\s+)?year\b))",
     _part_of_year),
    (rf"\b(?:Q[1-4]|H[12])\s*(?P<y>{_YEAR})\b", _part_of_year),
    (r"(?i:\b(?:the\s+)?(?:first|second|third|fourth|1st|2nd|3rd|4th)\s+(?:quarter|half)\b)(?!\s+of\b)",
     _part_of_year),
    (r"\b(?:(?i:fiscal(?:\s+year)?)|FY)\s*(?P<y>\d{4}|\d\d)\b", _fiscal),
    (r"(?i:\b(?:the\s+day\s+(?:before|after)\s+)?(?:yesterday|today|tomorrow)\b)", _day_word),
    (rf"(?i:\b(?P<n>{_NUM})\s+(?P<u>{_UNIT})\s+ago\b)", _ago),
    (rf"(?i:\bwithin\s+(?:the\s+(?:next|coming)\s+)?(?P<n>{_NUM})\s+(?P<u>years?|decades?)\b"
     rf"|\bin\s+(?P<n2>{_NUM})\s+(?P<u2>years?)['’]?s?\s+time\b)", _horizon),
    (r"(?i:\b(?:the\s+)?(?:end|close)\s+of\s+(?:the|this)\s+decade\b|\bdecade['’]s\s+end\b)", _decade_end),
    (r"(?i:\b(?:(?:for|over|in|during|within|throughout)\s+)?(?:the\s+)?"
     r"(?:past|last|next|coming|previous|first(?!\s+(?:\w+\s+)?months))\s+(?:(?:\d+|few|several|two|three|four|five|six|"
     r"seven|eight|nine|ten|twelve|fifteen|twenty|thirty|fifty)\s+)?"
     r"(?:days|weeks|months|years|decades|decade))\b", _duration),
    (rf"(?i:\b(?:for|over)\s+(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|many)"
     rf"\s+(?:days?|weeks?|months?|years?|decades?)\b)", _duration),
    (r"(?i:\b(?:in|over|during)\s+recent\s+(?:days|weeks|months|years|decades)\b)", _duration),
    (r"(?i:\bthe\s+same\s+(?:period|year|month|quarter|time)\b)", _same),
    (r"(?i:\b(?:the\s+)?(?P<r>last|next|this|past|previous|coming|current)\s+(?:(?:fiscal|financial|calendar)\s+)?"
     r"(?P<u>year|month|week)\b)",
     _relative_unit),
    (r"(?i:\b(?:end|beginning|start|middle|rest|remainder|close)\s+of\s+the\s+(?P<u>year|month)\b)",
     _relative_unit),
    (rf"(?:\b(?i:(?P<r>last|next|this|coming|this\s+past)\s+))?\b(?P<w>{_WEEKDAY})(?![-\w]){_PART_OF_DAY}",
     _weekday),
    (rf"\b(?i:(?P<r>last|next|this|coming|past)\s+)(?P<m>{_MONTH})\b", _month_rel),
    (rf"\b(?P<m>{_MONTH})(?![\w-])", _bare_month),
    (rf"(?<![$€£¥\w.,])(?P<y>{_YEAR})(?!\w|-\d){_NOT_FIGURE}", _bare_year),
    (r"(?i:\b(?:to\s+date|so\s+far|thus\s+far|as\s+of\s+(?:now|today)|at\s+present|"
     r"at\s+the\s+moment|currently|presently|as\s+things\s+stand)\b)", _as_of),
))


# What each rule of _RULES needs somewhere in the lower-cased text (None: always tried):
# a month name starts with one of these three letters, a weekday ends in "day", and so on.
# Searching the lower-cased text with these plain regexes is much faster than running
# every case-insensitive rule over the whole article.
_MONTH_GATE = r"jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec"
_GATES: tuple[re.Pattern[str] | None, ...] = tuple(re.compile(g) if g else None for g in (
    r"same", _MONTH_GATE, r"earlier|before|prior", r"previous|preceding|prior", r"before", r"months",
    _MONTH_GATE, _MONTH_GATE, r"\d", r"\d", _MONTH_GATE, _MONTH_GATE, _MONTH_GATE,
    r"quarter|half|months|weeks", r"[qh][1-4]", r"quarter|half", r"fiscal|fy",
    r"yesterday|today|tomorrow", r"ago", r"within|time", r"decade", r"days|weeks|months|years|decade",
    r"day|week|month|year|decade", r"recent", r"same", r"year|month|week", r"year|month",
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday", _MONTH_GATE, _MONTH_GATE,
    r"\d", r"date|far|now|today|present|moment|currently|stand",
))


def _rules_for(text: str) -> list[tuple[re.Pattern[str], object]]:
    """The rules of _RULES that can match somewhere in `text`."""
    lower = lowered(text)
    if lower is None:
        return list(_RULES)
    return [rule for rule, gate in zip(_RULES, _GATES) if gate is None or gate.search(lower)]


def _anchored(text: str, start: int, spec: _Spec) -> bool:
    """A bare year or month name counts only after a word that introduces a time
    ("in", "since", "by", "the end of" ...); a year also at the start of a sentence."""
    before = text[max(0, start - 30):start].rstrip()
    if not before or before[-1] in ".!?\n\"“(":
        return spec.month is None
    words = re.findall(r"[A-Za-z]+", before)
    return bool(words) and words[-1].lower() in _ANCHOR_WORDS


def _scan(text: str) -> list[_Hit]:
    """Candidate time expressions, longest first where they overlap."""
    found: list[_Hit] = []
    for pattern, build in _rules_for(text):
        for m in pattern.finditer(text):
            result = build(m)  # type: ignore[operator]
            spec, until = result if isinstance(result, tuple) else (result, None)
            if spec.needs_anchor and not _anchored(text, m.start(), spec):
                continue
            found.append(_Hit(m.start(), m.end(), spec, until))
    found.sort(key=lambda h: (-(h.end - h.start), h.start))
    chosen: list[_Hit] = []
    for hit in found:
        if all(hit.end <= c.start or hit.start >= c.end for c in chosen):
            chosen.append(hit)
    return _join_ranges(text, sorted(chosen, key=lambda h: h.start))


def _join_ranges(text: str, hits: list[_Hit]) -> list[_Hit]:
    """"between 2019 and 2022", "from March to May 2024": two dates make one range."""
    out: list[_Hit] = []
    i = 0
    while i < len(hits):
        hit = hits[i]
        if i + 1 < len(hits) and hit.until is None and hits[i + 1].until is None:
            nxt = hits[i + 1]
            between = text[hit.end:nxt.start]
            before = text[max(0, hit.start - 12):hit.start]
            opener = re.search(r"(?i:\b(between|from)\s+)$", before)
            if opener and re.fullmatch(r"(?i:\s*(?:and|to|until|till|through|-|–)\s*)", between):
                first = hit.spec
                if first.year is None and nxt.spec.year is not None and first.month is not None:
                    first = replace(first, year=nxt.spec.year)
                out.append(_Hit(hit.start - len(opener[0]), nxt.end, first, nxt.spec))
                i += 2
                continue
        out.append(hit)
        i += 1
    return out


def _with_prefix(text: str, hit: _Hit) -> tuple[int, str]:
    """Extend a hit over the words before it that say its kind; (new start, kind)."""
    m = _PREFIX.search(text[max(0, hit.start - 40):hit.start])
    kind = "range" if hit.until is not None else hit.spec.kind
    if not m or not m.group(0):
        return hit.start, kind
    if kind == "date" and m["word"]:
        kind = _PREFIX_KIND.get(" ".join(m["word"].lower().split()), kind)
    return hit.start - len(m.group(0)), kind


# --- resolution ----------------------------------------------------------------------

def _shift_month(year: int, month: int, offset: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + offset
    return index // 12, index % 12 + 1


def _pick_year(month: int, day: int | None, pub: date, rel: str | None, future: bool | None) -> int:
    """The year of a month (and day) named without one: the past occurrence unless
    `future` or rel "next"; "last" is strictly before the publication month, "next"
    strictly after it, "this" the publication year."""
    here = (pub.month, day or 0) if day else (pub.month, 0)
    there = (month, day or 0) if day else (month, 0)
    if rel == "this":
        return pub.year
    if rel == "last":
        return pub.year if there < here and month != pub.month else pub.year - 1
    if rel == "next":
        return pub.year if there > here and month != pub.month else pub.year + 1
    if future:
        return pub.year if there >= here else pub.year + 1
    return pub.year if there <= here else pub.year - 1


def _pick_weekday(weekday: int, pub: date, rel: str | None, future: bool | None) -> date:
    back = (pub.weekday() - weekday) % 7
    ahead = (weekday - pub.weekday()) % 7
    if rel == "last":
        return pub - timedelta(days=back or 7)
    if rel == "next":
        return pub + timedelta(days=ahead or 7)
    if future:
        return pub + timedelta(days=ahead)
    return pub - timedelta(days=back)


def _relative_value(spec: _Spec, pub: date) -> str | None:
    if spec.unit == "day":
        return (pub + timedelta(days=spec.offset)).isoformat()
    if spec.unit == "month":
        year, month = _shift_month(pub.year, pub.month, spec.offset)
        return f"{year:04d}-{month:02d}"
    if spec.unit == "year":
        return f"{pub.year + spec.offset:04d}"
    if spec.unit == "decade_end":
        return f"{(pub.year - 1) // 10 * 10 + 10:04d}"
    return None  # weeks and decades have no value in the contract's precisions


def _value(spec: _Spec, pub: date | None, future: bool | None) -> str | None:
    if spec.kind == "duration":
        return None
    try:
        if spec.year is not None:
            if spec.month is None:
                return f"{spec.year:04d}"
            if spec.day is None:
                return f"{spec.year:04d}-{spec.month:02d}"
            return date(spec.year, spec.month, spec.day).isoformat()
        if pub is None:
            return None
        if spec.weekday is not None:
            return _pick_weekday(spec.weekday, pub, spec.rel, future).isoformat()
        if spec.month is not None:
            year = _pick_year(spec.month, spec.day, pub, spec.rel, future)
            if spec.day is None:
                return f"{year:04d}-{spec.month:02d}"
            return date(year, spec.month, spec.day).isoformat()
        return _relative_value(spec, pub)
    except ValueError:  # "31 June"
        return None


def _needs_tense(spec: _Spec) -> bool:
    return spec.year is None and (spec.weekday is not None or spec.month is not None)


def _build(text: str, hit: _Hit, pub: date | None, future: bool | None) -> Timex:
    start, kind = _with_prefix(text, hit)
    until = _value(hit.until, pub, future) if hit.until is not None else None
    spec = hit.spec
    if until is not None and spec.year is None and spec.month is not None and hit.until is not None:
        # "January-September": the start month in the year of the end month (or the year before)
        end_year = int(until[:4])
        spec = replace(spec, year=end_year - 1 if hit.until.month and spec.month > hit.until.month else end_year)
    value = _value(spec, pub, future)
    if spec.year_only and value:
        value = value[:4]
    if kind == "as_of" and hit.spec.kind == "date" and value is None:
        value = pub.isoformat() if pub else None
    return Timex(start, hit.end, text[start:hit.end], value, kind, until)


def find_timexes(text: str, pub_date: date | None,
                 future_at: object = None) -> list[Timex]:
    """Every time expression in `text`, resolved against `pub_date`.

    future_at: optional callable (start, end) -> bool | None giving the tense of the
    verb a relative expression depends on (True future, False past, None unknown).
    """
    out: list[Timex] = []
    for hit in _scan(text):
        future = future_at(hit.start, hit.end) if future_at and _needs_tense(hit.spec) else None  # type: ignore[operator]
        timex = _build(text, hit, pub_date, future)
        if hit.spec.kind == "same":  # "in the same year": the time named last before
            before = _antecedent(text, out, hit.start)
            timex = replace(timex, kind="date", value=before.until or before.value if before else None)
        elif hit.spec.back:
            timex = replace(timex, value=_counted_back(hit.spec, _antecedent(text, out, hit.start), pub_date))
        out.append(timex)
    return out


# A sentence ends: a full stop (not of an initial or "Dec.") before a capital or a quote.
_SENTENCE_END = re.compile(r"[a-z0-9%)][.!?][\"”’]?\s+[\"“‘(]?[A-Z]")


def _antecedent(text: str, found: list[Timex], start: int) -> Timex | None:
    """The time named last before `start` in the same or the previous sentence, which
    "the same period" and "a year earlier" refer to."""
    for t in reversed(found):
        if t.value is None or t.kind not in ("date", "range", "as_of", "since", "deadline"):
            continue
        return t if len(_SENTENCE_END.findall(text, t.end, start)) <= 1 else None
    return None


def _counted_back(spec: _Spec, before: Timex | None, pub: date | None) -> str | None:
    """"a year earlier" than the time named before (its precision kept: "March 2023" gives
    "2022-03"), else than the publication date ("the previous year" = last year)."""
    if before is None:
        return _relative_value(replace(spec, back=False), pub) if pub else None
    value = before.until or before.value if before.kind == "range" else before.value
    assert value is not None
    if before.kind in ("as_of", "since") and pub is not None:
        value = pub.isoformat()
    year = int(value[:4])
    if spec.unit == "year":
        return f"{year + spec.offset:04d}" + value[4:7]
    if spec.unit == "month" and len(value) >= 7:
        y, m = _shift_month(year, int(value[5:7]), spec.offset)
        return f"{y:04d}-{m:02d}"
    return None


def resolve(text: str, pub_date: date | None, *, future: bool | None = None) -> str | None:
    """The value of the (longest) time expression in `text`: "YYYY", "YYYY-MM" or
    "YYYY-MM-DD", or None. future: True when the verb is future ("will be held in
    November"), False or None for past reports."""
    hits = _scan(text)
    if not hits:
        return None
    hit = max(hits, key=lambda h: h.end - h.start)
    return _build(text, hit, pub_date, future).value


def interpret(text: str, pub_date: date | None, *, future: bool | None = None) -> Timex | None:
    """Like `resolve`, but the whole `Timex` (value and kind) of the longest expression."""
    hits = _scan(text)
    if not hits:
        return None
    return _build(text, max(hits, key=lambda h: h.end - h.start), pub_date, future)


def timexes_in(doc: Doc, start: int, end: int) -> list[Timex]:
    """The time expressions of `doc` that lie within characters [start, end)."""
    timexes = doc._.timexes
    if timexes is None:
        timexes = find_timexes(doc_text(doc), doc._.pub_date, lambda s, e: tense_at(doc, s, e))
    return [t for t in timexes if start <= t.start and t.end <= end]


class TimeTagger:
    """spaCy component `dragoman_time`: writes `doc._.timexes` (list[Timex], text order)."""

    def __init__(self, nlp: Language, name: str = "dragoman_time") -> None:
        register_extensions()

    def __call__(self, doc: Doc) -> Doc:
        doc._.timexes = find_timexes(doc_text(doc), doc._.pub_date, lambda s, e: tense_at(doc, s, e))
        return doc


@Language.factory("dragoman_time")
def make_time_tagger(nlp: Language, name: str) -> TimeTagger:
    return TimeTagger(nlp, name)
