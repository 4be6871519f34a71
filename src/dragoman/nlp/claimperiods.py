"""The period of a claim: the time a figure is for, from the time expressions of its sentence.

The nearest usable time expression (`timex`) of the figure's clause; a deadline ("by 2027")
for a target; "since 2015" and "to date" mean as of publication. Times that say when
something was said ("said on Monday"), the base of a comparison ("up 9 percent on 2022")
and times of another clause are not the figure's.
"""
from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from dragoman.nlp.claimwords import ClaimLexicon, reports
from dragoman.nlp.extensions import doc_text
from dragoman.nlp.timex import Timex

_COMPARISON_BASE = re.compile(r"(?i)^(?:on|over|from|than|versus|vs\.?|compared\s+(?:with|to))\s")
# Right before a time that is the base of a change: "than a year ago", "over the previous year".
_BASE_BEFORE = re.compile(r"(?i)\b(?:than|compared\s+(?:with|to)|over|on|against|versus|vs\.?)\s+$")
_CLAUSE_BREAK = re.compile(r"[,;:]|\b(?:and|while|whereas|but|adding|saying)\b")
# "and" between two names joins the names, not two clauses: "trade between Ghana and Togo by 2028".
_NAMES_AND = re.compile(r"\b([A-Z][\w'’.-]*)\s+and\s+(?=(?:the\s+)?[A-Z])")
# A short aside with a figure, between commas: "S$20 billion, roughly US$15 billion, last year",
# "$3.5 billion, up from $2.9 billion, in 2023" — the time after it is the first figure's too.
_APPOSED_FIGURE = re.compile(r"^\s*,\s*(?:[a-z]+\s+){0,3}?[^\s,]*\d[\d.,]*(?:\s*[a-zA-Z]+)?\s*(?:,\s*|$)")
# Between a figure and a time that belongs to a base figure in between, not set off by a comma:
# ", up from $205 million a year earlier" (with a comma after it, the time is the first figure's).
_BASE_FIGURE_TIME = re.compile(r"\s*,?\s*(?:(?:up|down)\s+)?from\s+(?:[a-z]+\s+){0,2}?[^\s,]*\d[\d.,]*"
                               r"(?:\s*[a-zA-Z]+)?\s*$")
# A time that heads a list of labelled figures covers every item: "the breakdown for 2024:
# exports: $1.4 billion; imports: $500 million" (the text from the time to the figure).
_LIST_LEAD = re.compile(r"^[^,;:\d]*:\s*(?:[^:;\d]+:[^:;]*;\s*)*[^:;\d]+:\s*$")
_REFERS_BACK = re.compile(r"(?i)\b(?:reach|achieve|attain|meet|hit|realise|realize)\w*\s+"
                          r"(?:it|this|that|the\s+(?:target|goal|objective|figure|level))\b")


def _timex_value(t: Timex) -> str | None:
    return t.until if t.kind == "range" and t.until else t.value


def find_period(doc: Doc, sent: Span, amount_start: int, amount_end: int, status: str,
                timexes: list[Timex], lex: ClaimLexicon, strict: bool = False,
                base: bool = False) -> tuple[bool, str | None]:
    """(found, value): the time the figure is for — the nearest usable time expression of
    the sentence, a deadline for a target; "since 2015" means as of publication. base: the
    figure is the base of a change ("fell to $1 billion in 2023 from $1.3 billion"), whose
    time can only follow it."""
    best: tuple[int, Timex] | None = None
    for t in timexes:
        if t.start < sent.start_char or t.end > sent.end_char or t.kind == "duration":
            continue
        if base and t.start < amount_end:
            continue
        if t.start < amount_end and amount_start < t.end:
            continue
        if _comparison_base(doc, t) or _attached_to_report(doc, t, lex):
            continue
        if t.start >= amount_end and _BASE_FIGURE_TIME.match(doc_text(doc), amount_end, t.start):
            continue  # "rose to $240 million, up from $205 million a year earlier": the base's time
        between = _without_parenthetical(_masked_text(doc), t, amount_start, amount_end)
        if t.end <= amount_start and _LIST_LEAD.match(between):
            between = ""  # a time heading a list of "label: figure;" items
        if _CLAUSE_BREAK.search(between) and (strict or not _opens_sentence(doc, sent, t)):
            if not (status == "target" and t.kind == "deadline" and _deadline_refers_back(between)):
                continue  # a time in another clause is another clause's time
        score = abs(t.start - amount_end) if t.start >= amount_end else abs(amount_start - t.end)
        if status == "target":
            score -= 1000 if t.kind == "deadline" else 0
        if best is None or score < best[0]:
            best = (score, t)
    if best is None:
        return base, None
    t = best[1]
    if status == "target" and t.kind != "deadline":
        # "a target of $10 billion for 2026": a year still to come is the deadline; a past
        # time is when the target was set ("last year they set a target of ...")
        pub = doc._.pub_date
        future = t.kind == "date" and pub is not None and (t.value or "")[:4] >= str(pub.year)
        return True, t.value if future and t.value and len(t.value) == 4 else None
    if t.kind == "since":
        return True, doc._.pub_date.isoformat() if doc._.pub_date else None
    return True, _timex_value(t)


def _masked_text(doc: Doc) -> str:
    """The doc's text with each "and" that joins two nouns, numbers or adjectives written
    "&&&" ("bought $3 billion of wheat and cattle in 2022": one clause); cached on the doc."""
    masked = doc.user_data.get("claimperiods_masked")
    if masked is None:
        text = doc_text(doc)
        chars = list(text)
        for tok in doc:
            if tok.lower_ == "and" and tok.dep_ == "cc" and tok.head.pos_ in ("NOUN", "PROPN", "NUM", "ADJ"):
                chars[tok.idx:tok.idx + 3] = "&&&"
        masked = doc.user_data["claimperiods_masked"] = "".join(chars)
    return str(masked)


def _without_parenthetical(text: str, t: Timex, amount_start: int, amount_end: int) -> str:
    """The text between a time and the amount, without the commas that set the time off
    ("reached, in 2023, a record $5 billion") and with "X and Y" read as one name."""
    if t.end <= amount_start:
        between = text[t.end:amount_start]
        if text[max(0, t.start - 3):t.start].rstrip().endswith(",") and between.startswith(","):
            between = between[1:]
    else:
        between = text[amount_end:t.start]
        if between.rstrip().endswith(",") and text[t.end:t.end + 1] == ",":
            between = between.rstrip()[:-1]
    return _NAMES_AND.sub(r"\1 ", _APPOSED_FIGURE.sub(" ", between))


def _deadline_refers_back(between: str) -> bool:
    """"The target of $2 billion is realistic, and we will take steps to reach it by 2026":
    a later clause that names no other figure and points back at this one sets its deadline."""
    return not re.search(r"\d", between) and bool(_REFERS_BACK.search(between))


def _comparison_base(doc: Doc, t: Timex) -> bool:
    """"up 9 percent on the previous year", "from 2021": the time a change is measured
    against, not the time of the figure (a day stays: "on Monday")."""
    before = doc_text(doc)[max(0, t.start - 14):t.start]
    base = _COMPARISON_BASE.match(t.text) or _BASE_BEFORE.search(before)
    return bool(base) and t.kind == "date" and (t.value is None or len(t.value) < 10)


def _opens_sentence(doc: Doc, sent: Span, t: Timex) -> bool:
    """"In 2022, trade reached ...": a time at the head of the sentence covers all of it."""
    words = doc_text(doc)[sent.start_char:t.start].lower().split()
    return len(words) <= 1 or len(words) <= 3 and all(w in _OPENERS for w in words)


# Words that may come before a time that opens a sentence: "Over the January-July period, ...".
_OPENERS = frozenset({"in", "over", "during", "for", "throughout", "across", "the", "whole", "entire"})


def _attached_to_report(doc: Doc, t: Timex, lex: ClaimLexicon) -> bool:
    """"said on Monday": a day on which something was said is when it was said, not what
    the figure is for (years and months are kept: "put trade at $5 bn in 2023")."""
    if t.kind != "date" or t.value is None or len(t.value) != 10:
        return False
    span = doc.char_span(t.start, t.end, alignment_mode="expand")
    return span is not None and reports(span.root.head, lex)
