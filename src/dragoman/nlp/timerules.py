"""The patterns of time expressions (see `timex`): each rule is a regex and a function
turning its match into a `Spec`, the date as written before it is resolved against the
publication date (`timeresolve`), or a pair of them for a range."""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass

from dragoman.nlp.textscan import hinted, lowered

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


@dataclass(frozen=True)
class Spec:
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
class Hit:
    """A rule's match: characters [start, end) of the text; until: the end of a range."""

    start: int
    end: int
    spec: Spec
    until: Spec | None = None


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


# --- the patterns: (regex, function(match) -> Spec or (Spec, Spec) for ranges) ------

def _iso(m: re.Match) -> Spec:
    return Spec(int(m["y"]), int(m["m"]), int(m["d"]))


def _day_month(m: re.Match) -> Spec:
    return Spec(_year(m["y"]), _month(m["m"]), _day(m["d"]))


def _month_year(m: re.Match) -> Spec:
    return Spec(_year(m["y"]), _month(m["m"]))


def _part_of_year(m: re.Match) -> Spec:
    groups = m.groupdict()
    if groups.get("y"):
        return Spec(int(groups["y"]))
    return Spec(unit="year", offset={"last": -1, "next": 1}.get(_rel(groups.get("r")) or "", 0))


_ORDINAL_PART = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}


def _bare_part_of_year(m: re.Match) -> Spec:
    """"in the third quarter", "in Q1", "in H2" (of no named year): the year of the part's
    end month — the past one in a report of the past, like "the first nine months" — so a
    fourth quarter reported in February is last year's."""
    word = m["p"].lower()
    n = int(word[1]) if word[:1] in ("q", "h") else _ORDINAL_PART[word]
    per = 6 if word.startswith("h") or (m.groupdict().get("u") or "").lower() == "half" else 3
    return Spec(month=min(12, n * per), year_only=True)


def _fiscal(m: re.Match) -> Spec | tuple[Spec, Spec]:
    """"fiscal 2024", "FY24"; a split fiscal year ("fiscal 2024/25", "FY2024-25") is a range
    of its two calendar years, like "the 2024/25 fiscal year"."""
    year = int(m["y"])
    year = year + 2000 if year < 100 else year
    second = m["y2"]
    if second and (int(second) == year + 1 or int(second) == (year + 1) % 100):
        return Spec(year), Spec(year + 1)
    return Spec(year)


def _bare_year(m: re.Match) -> Spec:
    return Spec(int(m["y"]), needs_anchor=True)


def _day_word(m: re.Match) -> Spec:
    word = m[0].lower()
    offset = {"yesterday": -1, "today": 0, "tomorrow": 1}.get(word.split()[-1], 0)
    if word.startswith("the day before"):
        offset = -2
    elif word.startswith("the day after"):
        offset = 2
    return Spec(unit="day", offset=offset)


def _relative_unit(m: re.Match) -> Spec:
    rel = _rel(m.groupdict().get("r"))
    offset = {"last": -1, "next": 1}.get(rel or "", 0)
    return Spec(unit=m["u"].lower(), offset=offset)


def _ago(m: re.Match) -> Spec:
    n = _number(m["n"])
    unit = m["u"].lower().rstrip("s")
    if n is None or unit == "decade":
        return Spec(kind="duration")
    return Spec(unit=unit, offset=-n)


def _horizon(m: re.Match) -> Spec:
    """"within five years", "within a decade", "in three years' time", "within 18 months": a
    deadline that long after publication (a figure to be reached by then), to the year, or
    to the month when counted in months. "Over the next five years" is a span, not a
    deadline, and stays a duration."""
    n = _number(m["n"] or m["n2"])
    unit = (m["u"] or m["u2"]).lower().rstrip("s")
    if n is None:
        return Spec(kind="duration")
    if unit == "month":
        return Spec(unit="month", offset=n, kind="deadline")
    return Spec(unit="year", offset=n * (10 if unit == "decade" else 1), kind="deadline")


def _decade_end(m: re.Match) -> Spec:
    """"by the end of the decade": the year that closes the decade as people count it, 2030
    for the 2020s (2021-2030), which is how "by the end of the decade" and "by 2030" pair."""
    return Spec(unit="decade_end", kind="deadline")


def _weekday(m: re.Match) -> Spec:
    return Spec(weekday=_WEEKDAYS[m["w"].lower()], rel=_rel(m["r"]))


def _weekday_date(m: re.Match) -> Spec:
    """"Tuesday, 14 May", "Tuesday 14 May 2024", "Tuesday the 14th": one date; without a
    year (or a month) the weekday picks the one in which that day falls on it."""
    groups = m.groupdict()
    return Spec(_year(groups.get("y")), _month(groups.get("m")), _day(m["d"]),
                weekday=_WEEKDAYS[m["w"].lower()])


def _ordinal_day(m: re.Match) -> Spec:
    """"on the 14th": that day of the month named just before (`back`), else of the
    publication month or the one before or after it, as the tense says; "the 14th of next
    month" counts the month from publication."""
    rel = _rel(m["r"])
    if rel is None:
        return Spec(day=_day(m["d"]), back=True)
    return Spec(day=_day(m["d"]), unit="month", offset={"last": -1, "next": 1}.get(rel, 0))


# A season stands for its middle month, so that a season named without a year takes the
# year of the past (or, in a future report, the coming) season like a month name; only the
# year is kept. Winter is read as its January.
_SEASON_MONTHS = {"spring": 4, "summer": 7, "autumn": 10, "fall": 10, "winter": 1}


def _season(m: re.Match) -> Spec | tuple[Spec, Spec]:
    """"in the summer of 2022", "winter 2023/24", "this spring", "next autumn", "in the
    autumn": the year of the season (a range for a winter written with two years)."""
    groups = m.groupdict()
    if groups.get("y"):
        year, second = int(groups["y"]), groups.get("y2")
        if second and int(second[-2:]) == (year + 1) % 100:
            return Spec(year), Spec(year + 1)
        return Spec(year)
    return Spec(month=_SEASON_MONTHS[m["s"].lower()], rel=_rel(groups.get("r")), year_only=True)


def _month_rel(m: re.Match) -> Spec:
    return Spec(month=_month(m["m"]), rel=_rel(m["r"]))


def _bare_month(m: re.Match) -> Spec:
    return Spec(month=_month(m["m"]), needs_anchor=True)


def _as_of(m: re.Match) -> Spec:
    return Spec(unit="day", kind="as_of")


def _duration(m: re.Match) -> Spec:
    return Spec(kind="duration")


def _same(m: re.Match) -> Spec:
    """"the same period": the time named just before; with a year of its own ("the same
    period of 2022", "the same months last year", "a year earlier") that year."""
    groups = m.groupdict()
    if groups.get("y"):
        return Spec(int(groups["y"]))
    if groups.get("ago"):
        return Spec(unit="year", offset=-1)
    if groups.get("back"):
        return Spec(unit="year", offset=-1, back=True)
    return Spec(kind="same")


def _earlier(m: re.Match) -> Spec:
    """"a year earlier", "the previous year", "two months before": counted back from the
    time named just before (from publication when there is none)."""
    n = _number(m.groupdict().get("n") or "one") or 1
    return Spec(unit=m["u"].lower().rstrip("s"), offset=-n, back=True)


def _first_months(m: re.Match) -> Spec:
    """"in the first nine months" (of no named year): the year whose first months the
    report covers, that is the year of the (past) end month."""
    n = _number(m["n"])
    return Spec(month=n, year_only=True) if n and n < 12 else Spec(kind="duration")


def _month_range(m: re.Match) -> tuple[Spec, Spec]:
    year = _year(m["y"])
    first, last = _month(m["m1"]), _month(m["m2"])
    if year is not None and first is not None and last is not None and first > last:
        return Spec(year - 1, first), Spec(year, last)  # "December-February 2024"
    return Spec(year, first, needs_anchor=year is None), Spec(year, last)


def _year_range(m: re.Match) -> tuple[Spec, Spec]:
    first, second = int(m["y1"]), m["y2"]
    last = int(second) if len(second) == 4 else first // 100 * 100 + int(second)
    return Spec(first), Spec(last)


def _day_range(m: re.Match) -> tuple[Spec, Spec]:
    month, year = _month(m["m"]), _year(m["y"])
    return Spec(year, month, _day(m["d1"])), Spec(year, month, _day(m["d2"]))


def _after(*words: str) -> str:
    """A regex asserting that one of `words` (either case of its first letter) and a space
    stand right before the match: a fixed-width lookbehind for each word."""
    return "(?:" + "|".join(rf"(?<=\b[{w[0].upper()}{w[0]}]{w[1:]} )" for w in words) + ")"


# The words after which a season or an ordinal day ("the 14th") is a time.
_SEASON_LEAD = _after("in", "during", "by", "until", "till", "since", "over", "throughout", "through",
                      "before", "after", "from")
_DAY_LEAD = _after("on", "by", "until", "till", "since", "from", "before", "after")
_SEASON = r"(?:spring|summer|autumn|winter)"
_ORDINAL = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)"
# What may follow "on the 14th" (so "on the 9th session" is no date).
_DAY_END = r"(?=\s*[,.;:!?)\n]|\s*$|\s+(?:and|when|in|at|to|with|as|after|before|while|but|or|until)\b)"

_SAME = r"(?:period|time|months?|quarter|half|weeks?|year)"
_BACK = (r"(?:a|one|the)\s+(?:year|twelve\s+months)\s+(?:earlier|before|prior)|the\s+(?:previous|preceding|prior)\s+year|"
         r"(?:of\s+)?the\s+year\s+before")
# The rules, each (regex, function(match) -> Spec or (Spec, Spec) for a range, gate): the
# gate is a plain regex that the lower-cased text must contain somewhere for the rule to
# be tried (None: always tried) -- a month name starts with one of twelve three-letter
# stems, a weekday ends in "day", and so on. Searching the lower-cased text with these is
# much faster than running every case-insensitive rule over the whole article.
_MONTHS_G = r"jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec"
_TABLE: tuple[tuple[str, object, str | None], ...] = (
    (rf"(?i:\bthe\s+same\s+{_SAME}\s+(?:(?:of|in)\s+(?P<y>{_YEAR})\b|(?P<ago>(?:of\s+|in\s+)?last\s+year|"
     rf"a\s+year\s+ago)\b|(?P<back>(?:of\s+|in\s+)?(?:{_BACK}))\b))", _same, r"same"),
    (rf"\b(?P<m1>{_MONTH})\s*(?:-|–|—|/|\s(?:to|through)\s)\s*(?P<m2>{_MONTH})(?![\w-])(?:,?\s+(?P<y>{_YEAR})\b)?",
     _month_range, _MONTHS_G),
    (rf"(?i:\b(?P<n>a|an|one|two|three|four|five|six|\d)\s+(?P<u>years?|months?)\s+(?:earlier|before|prior)\b)",
     _earlier, r"earlier|before|prior"),
    (r"(?i:\b(?:the\s+)?(?:previous|preceding|prior)\s+(?P<u>year|month)\b)", _earlier,
     r"previous|preceding|prior"),
    (r"(?i:\bthe\s+(?P<u>year|month)\s+before\b)(?!\s+(?:the|last|it|that|its)\b)", _earlier, r"before"),
    (rf"(?i:\b(?:the\s+)?first\s+(?P<n>{_NUM})\s+months\b)(?!\s+of\b)", _first_months, r"months"),
    (rf"\b(?P<d1>{_DAY})\s*(?:-|–|to|and)\s*(?P<d2>{_DAY})\s+(?P<m>{_MONTH})(?:,?\s+(?P<y>{_YEAR}))?\b",
     _day_range, _MONTHS_G),
    (rf"\b(?P<m>{_MONTH})\s+(?P<d1>{_DAY})\s*(?:-|–|to|and)\s*(?P<d2>{_DAY})\b(?:,?\s+(?P<y>{_YEAR})\b)?",
     _day_range, _MONTHS_G),
    (rf"\b(?P<y1>{_YEAR})\s*(?:-|–|/)\s*(?P<y2>{_YEAR}|\d\d)\b{_NOT_FIGURE}", _year_range, r"\d"),
    (r"\b(?P<y>\d{4})-(?P<m>\d\d)-(?P<d>\d\d)\b", _iso, r"\d"),
    (rf"\b(?P<d>{_DAY})(?:\s+of)?\s+(?P<m>{_MONTH})(?:,?\s+(?P<y>{_YEAR}))?\b", _day_month, _MONTHS_G),
    (rf"\b(?P<m>{_MONTH})\s+(?P<d>{_DAY})\b{_NOT_FIGURE}(?:,?\s+(?P<y>{_YEAR})\b)?", _day_month, _MONTHS_G),
    (rf"\b(?P<m>{_MONTH}),?\s+(?P<y>{_YEAR})\b", _month_year, _MONTHS_G),
    (rf"(?i:\b(?:the\s+)?(?:first|second|third|fourth|final|last|1st|2nd|3rd|4th)"
     rf"(?:\s+(?:\w+|\d+))?\s+(?:quarter|half|months|weeks|quarters)\s+of\s+)"
     rf"(?:(?P<y>{_YEAR})\b|(?i:(?:the\s+)?(?:(?P<r>last|next|this|current|previous)\s+)?year\b))",
     _part_of_year, r"quarter|half|months|weeks"),
    (rf"\b(?:Q[1-4]|H[12])\s*(?P<y>{_YEAR})\b", _part_of_year, r"[qh][1-4]"),
    (r"(?i:\b(?:the\s+)?(?P<p>first|second|third|fourth|1st|2nd|3rd|4th)\s+(?P<u>quarter|half)\b)(?!\s+of\b)",
     _bare_part_of_year, r"quarter|half"),
    (r"\b(?P<p>Q[1-4]|H[12])\b(?!\s*[/-]?\s*\d)", _bare_part_of_year, r"\b[qh][1-4]\b"),
    (rf"\b(?:(?i:fiscal(?:\s+year)?)|FY)\s*(?P<y>\d{{4}}|\d\d)(?:[/–-](?P<y2>\d{{4}}|\d\d))?\b{_NOT_FIGURE}",
     _fiscal, r"fiscal|fy"),
    (r"(?i:\b(?:the\s+day\s+(?:before|after)\s+)?(?:yesterday|today|tomorrow)\b)", _day_word,
     r"yesterday|today|tomorrow"),
    (rf"(?i:\b(?P<n>{_NUM})\s+(?P<u>{_UNIT})\s+ago\b)", _ago, r"ago"),
    (rf"(?i:\bwithin\s+(?:the\s+(?:next|coming)\s+)?(?P<n>{_NUM})\s+(?P<u>years?|decades?|months?)\b"
     rf"|\bin\s+(?P<n2>{_NUM})\s+(?P<u2>years?|months?)['’]?s?\s+time\b)", _horizon, r"within|time"),
    (r"(?i:\b(?:the\s+)?(?:end|close)\s+of\s+(?:the|this)\s+decade\b|\bdecade['’]s\s+end\b)", _decade_end, r"decade"),
    (r"(?i:\b(?:(?:for|over|in|during|within|throughout)\s+)?(?:the\s+)?"
     r"(?:past|last|next|coming|previous|first(?!\s+(?:\w+\s+)?months))\s+(?:(?:\d+|few|several|two|three|four|five|six|"
     r"seven|eight|nine|ten|twelve|fifteen|twenty|thirty|fifty)\s+)?"
     r"(?:days|weeks|months|years|decades|decade))\b", _duration, r"days|weeks|months|years|decade"),
    (rf"(?i:\b(?:for|over)\s+(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|many)"
     rf"\s+(?:days?|weeks?|months?|years?|decades?)\b)", _duration, r"day|week|month|year|decade"),
    (r"(?i:\b(?:in|over|during)\s+recent\s+(?:days|weeks|months|years|decades)\b)", _duration, r"recent"),
    (rf"(?i:\bthe\s+same\s+(?:(?:period|year|month|quarter|time)|(?:{_NUM}\s+)?(?:months|weeks|quarters))\b)",
     _same, r"same"),
    (r"(?i:\b(?:the\s+)?(?P<r>last|next|this|past|previous|coming|current)\s+(?:(?:fiscal|financial|calendar)\s+)?"
     r"(?P<u>year|month|week)\b)",
     _relative_unit, r"year|month|week"),
    (r"(?i:\b(?:end|beginning|start|middle|rest|remainder|close)\s+of\s+the\s+(?P<u>year|month)\b)",
     _relative_unit, r"year|month"),
    (rf"(?:\b(?i:(?P<r>last|next|this|coming|this\s+past)\s+))?\b(?P<w>{_WEEKDAY})(?![-\w]){_PART_OF_DAY}",
     _weekday, r"monday|tuesday|wednesday|thursday|friday|saturday|sunday"),
    (rf"\b(?i:(?P<r>last|next|this|coming|past)\s+)(?P<m>{_MONTH})\b", _month_rel, _MONTHS_G),
    (rf"\b(?P<m>{_MONTH})(?![\w-])", _bare_month, _MONTHS_G),
    (rf"(?<![$€£¥\w.,])(?P<y>{_YEAR})(?!\w|-\d){_NOT_FIGURE}", _bare_year, r"\d"),
    (r"(?i:\b(?:to\s+date|so\s+far|thus\s+far|as\s+of\s+(?:now|today)|at\s+present|"
     r"at\s+the\s+moment|currently|presently|as\s+things\s+stand)\b)", _as_of,
     r"date|far|now|today|present|moment|currently|stand"),
    (rf"\b(?P<w>{_WEEKDAY}),?\s+(?:the\s+)?(?P<d>{_DAY})(?:\s+of)?\s+(?P<m>{_MONTH})(?:,?\s+(?P<y>{_YEAR}))?\b",
     _weekday_date, r"day"),
    (rf"\b(?P<w>{_WEEKDAY}),?\s+(?P<m>{_MONTH})\s+(?P<d>{_DAY})\b{_NOT_FIGURE}(?:,?\s+(?P<y>{_YEAR})\b)?",
     _weekday_date, r"day"),
    (rf"\b(?P<w>{_WEEKDAY}),?\s+the\s+(?P<d>{_ORDINAL})\b{_DAY_END}", _weekday_date, r"day"),
    (rf"{_DAY_LEAD}(?i:the)\s+(?P<d>{_ORDINAL})(?:\s+of\s+(?i:(?P<r>this|next|last|the)\s+month))?\b{_DAY_END}",
     _ordinal_day, r"\d(?:st|nd|rd|th)"),
    (rf"(?i:\b(?:the\s+)?(?:(?:early|late|mid)[\s-]+)?{_SEASON}(?:\s+of)?\s+)(?P<y>{_YEAR})"
     rf"(?:\s*[/–-]\s*(?P<y2>{_YEAR}|\d\d))?\b{_NOT_FIGURE}", _season, r"spring|summer|autumn|winter"),
    (rf"{_SEASON_LEAD}(?i:(?:the\s+)?fall(?:\s+of)?\s+)(?P<y>{_YEAR})\b{_NOT_FIGURE}", _season, r"fall"),
    (rf"(?i:\b(?P<r>last|next|this|coming|past|this\s+past)\s+(?P<s>{_SEASON}|fall(?!\s+(?:in|of)\b)))(?![\w-])",
     _season, r"spring|summer|autumn|winter|fall"),
    # "in the summer", not the generic "in summer" ("the river floods in summer")
    (rf"{_SEASON_LEAD}(?i:the\s+(?:(?:early|late|mid)[\s-]+)?(?P<s>{_SEASON}))(?![\w-])", _season,
     r"spring|summer|autumn|winter"),
    (rf"(?<=\b[Ii]n )(?i:the\s+(?P<s>fall))(?=\s*[,.;:!?])", _season, r"fall"),
)
RULES: tuple[tuple[re.Pattern[str], object], ...] = tuple((hinted(p), f) for p, f, _ in _TABLE)
GATES: tuple[re.Pattern[str] | None, ...] = tuple(re.compile(g) if g else None for _, _, g in _TABLE)


def rules_for(text: str) -> list[tuple[re.Pattern[str], object]]:
    """The rules of RULES that can match somewhere in `text`."""
    lower = lowered(text)
    if lower is None:
        return list(RULES)
    return [rule for rule, gate in zip(RULES, GATES) if gate is None or gate.search(lower)]
