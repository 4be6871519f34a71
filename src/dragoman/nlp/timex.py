"""Time expressions: find them in an article and resolve them against its publication date.

`dragoman_time` writes `doc._.timexes`, a list of `Timex` in text order. Each has a
`value` with the precision the words give — "YYYY" ("in 2022", "last year"),
"YYYY-MM" ("in November", "next month") or "YYYY-MM-DD" ("on Monday", "11 September
2023") — and a `kind` saying how the time relates to what is reported:

- "date": a point or period ("in 2022", "on Monday", "last year", "on Tuesday, 14 May",
  "on the 14th"; a season to its year: "in the autumn", "next summer");
- "as_of": the state at publication ("to date", "so far", "currently"): value = pub date;
- "deadline": "by 2026", "by the end of the year", "until 2030"; also counted from
  publication: "within five years" (2029 in 2024), "within 18 months" (to the month),
  "by the end of the decade" (2030);
- "since": "since 2015";
- "range": "between 2019 and 2022", "from 5 to 7 June", "2021-2023", "fiscal 2024/25":
  value = the start, `until` = the end;
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

The patterns live in `timerules`, their resolution against the publication date in
`timeresolve`, the tense in `tense`; this module joins them and resolves the words that
refer back to a time named before.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date

from spacy.language import Language
from spacy.tokens import Doc

from dragoman.nlp.extensions import doc_text
from dragoman.nlp.extensions import register_extensions
from dragoman.nlp.tense import tense_at  # re-exported: callers read the tense through timex
from dragoman.nlp.timeresolve import day_in_month, relative_value, shift_month, spec_value
from dragoman.nlp.timerules import RULES, Hit, Spec, rules_for

# The rule table under its old names (tests/nlp/test_speed_invariance.py reads them here).
_RULES = RULES
_rules_for = rules_for

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


def _anchored(text: str, start: int, spec: Spec) -> bool:
    """A bare year or month name counts only after a word that introduces a time
    ("in", "since", "by", "the end of" ...); a year also at the start of a sentence."""
    before = text[max(0, start - 30):start].rstrip()
    if not before or before[-1] in ".!?\n\"“(":
        return spec.month is None
    words = re.findall(r"[A-Za-z]+", before)
    return bool(words) and words[-1].lower() in _ANCHOR_WORDS


def _scan(text: str) -> list[Hit]:
    """Candidate time expressions, longest first where they overlap."""
    found: list[Hit] = []
    for pattern, build in rules_for(text):
        for m in pattern.finditer(text):
            result = build(m)  # type: ignore[operator]
            spec, until = result if isinstance(result, tuple) else (result, None)
            if spec.needs_anchor and not _anchored(text, m.start(), spec):
                continue
            found.append(Hit(m.start(), m.end(), spec, until))
    found.sort(key=lambda h: (-(h.end - h.start), h.start))
    chosen: list[Hit] = []
    for hit in found:
        if all(hit.end <= c.start or hit.start >= c.end for c in chosen):
            chosen.append(hit)
    return _join_ranges(text, sorted(chosen, key=lambda h: h.start))


def _join_ranges(text: str, hits: list[Hit]) -> list[Hit]:
    """"between 2019 and 2022", "from March to May 2024": two dates make one range."""
    out: list[Hit] = []
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
                out.append(Hit(hit.start - len(opener[0]), nxt.end, first, nxt.spec))
                i += 2
                continue
        out.append(hit)
        i += 1
    return out


def _with_prefix(text: str, hit: Hit) -> tuple[int, str]:
    """Extend a hit over the words before it that say its kind; (new start, kind)."""
    m = _PREFIX.search(text[max(0, hit.start - 40):hit.start])
    kind = "range" if hit.until is not None else hit.spec.kind
    if not m or not m.group(0):
        return hit.start, kind
    if kind == "date" and m["word"]:
        kind = _PREFIX_KIND.get(" ".join(m["word"].lower().split()), kind)
    return hit.start - len(m.group(0)), kind


def _needs_tense(spec: Spec) -> bool:
    return spec.year is None and (spec.weekday is not None or spec.month is not None
                                  or (spec.day is not None and spec.unit is None))


def _build(text: str, hit: Hit, pub: date | None, future: bool | None) -> Timex:
    start, kind = _with_prefix(text, hit)
    until = spec_value(hit.until, pub, future) if hit.until is not None else None
    spec = hit.spec
    if until is not None and spec.year is None and spec.month is not None and hit.until is not None:
        # "January-September": the start month in the year of the end month (or the year before)
        end_year = int(until[:4])
        spec = replace(spec, year=end_year - 1 if hit.until.month and spec.month > hit.until.month else end_year)
    value = spec_value(spec, pub, future)
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
        elif hit.spec.back and hit.spec.day is not None:  # "on the 14th"
            timex = replace(timex, value=_day_after(hit.spec, _antecedent(text, out, hit.start), pub_date, future))
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


def _counted_back(spec: Spec, before: Timex | None, pub: date | None) -> str | None:
    """"a year earlier" than the time named before (its precision kept: "March 2023" gives
    "2022-03"), else than the publication date ("the previous year" = last year)."""
    if before is None:
        return relative_value(replace(spec, back=False), pub) if pub else None
    value = before.until or before.value if before.kind == "range" else before.value
    assert value is not None
    if before.kind in ("as_of", "since") and pub is not None:
        value = pub.isoformat()
    year = int(value[:4])
    if spec.unit == "year":
        return f"{year + spec.offset:04d}" + value[4:7]
    if spec.unit == "month" and len(value) >= 7:
        y, m = shift_month(year, int(value[5:7]), spec.offset)
        return f"{y:04d}-{m:02d}"
    return None


def _day_after(spec: Spec, before: Timex | None, pub: date | None, future: bool | None) -> str | None:
    """"on the 14th" after a time named to the month ("talks opened on 12 March and closed on
    the 14th"): that day of its month, of the month after when the day is before the day
    named ("on 30 March ... on the 2nd"); else counted from publication (`day_in_month`)."""
    value = (before.until or before.value if before.kind == "range" else before.value) if before else None
    if spec.day is None or value is None or len(value) < 7 or before.kind not in ("date", "range"):
        return day_in_month(replace(spec, back=False), pub, future) if pub else None
    year, month = int(value[:4]), int(value[5:7])
    if len(value) == 10 and spec.day < int(value[8:10]):
        year, month = shift_month(year, month, 1)
    try:
        return date(year, month, spec.day).isoformat()
    except ValueError:
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

