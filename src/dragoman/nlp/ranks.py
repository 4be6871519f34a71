"""Ranks: "fourth largest trading partner", "the largest investor", "among the top 10 investors",
"ranks second among Peru's trading partners", "ranks second after Japan among investors",
"one of the five biggest investors",
"(Japanese investment in Vietnam is) the second highest after South Korea's".

A rank is a claim with unit "rank": value the position (1 for "largest"), qualifier
"exact", or "at_most" for "among / one of the top N" (position N or better), or
"more_than" for "not (even) among the top N". The ranked nouns come from metrics.tsv
(kinds rank_partner and rank_investor). Ordinals anywhere else ("10th summit", "100th
anniversary") are not ranks. "One of the largest investors" gives no number and no rank.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Span

from dragoman.nlp.extensions import doc_text, span_text
from dragoman.nlp.claimwords import ClaimLexicon
from dragoman.nlp.textscan import lowered

_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
             "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12,
             "thirteenth": 13, "fourteenth": 14, "fifteenth": 15, "sixteenth": 16,
             "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20}
_CARDINALS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
              "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
              "twenty-five": 25, "thirty": 30, "fifty": 50, "hundred": 100}
_ORDINAL = r"(?:" + "|".join(sorted(_ORDINALS, key=len, reverse=True)) + r"|\d{1,3}(?:st|nd|rd|th))"
_CARDINAL = r"(?:" + "|".join(sorted(_CARDINALS, key=len, reverse=True)) + r"|\d{1,3})"
# Up to three words between the rank and the ranked noun: "largest Arab trading partner".
_GAP = r"(?:[\w-]+\s+){0,3}?"


@dataclass(frozen=True)
class RankHit:
    """A rank in the text. start/end: characters into doc_text(doc) (the whole phrase); value:
    the position; qualifier: exact | at_most | more_than; metric: trade_partner_rank |
    investor_rank, or None when the noun is left out ("not even among the top ten");
    noun_start: where the ranked noun (or the rank words, if none) begins."""

    start: int
    end: int
    value: int
    qualifier: str
    metric: str | None
    noun_start: int
    by_measure: bool = False  # "investment ... was the second highest after X": the measure ranks


@lru_cache(maxsize=4)
def _patterns(nouns: tuple[tuple[str, str], ...]) -> tuple[re.Pattern[str], ...]:
    alternatives = "|".join(
        re.escape(term).replace(r"\ ", r"\s+") + r"s?" if not term.startswith("source")
        else re.escape(term).replace(r"\ ", r"\s+").replace("source", "sources?")
        for term, _ in sorted(nouns, key=lambda tv: -len(tv[0])))
    noun = rf"(?P<noun>{alternatives})\b"
    top = re.compile(
        rf"(?i:(?P<neg>\bnot\s+(?:even\s+)?)?\b(?:among|one\s+of|in)\s+(?:the\s+|our\s+|its\s+|their\s+|"
        rf"[\w-]+'s\s+|[\w-]+’s\s+)?(?:top[\s-]+(?P<n>{_CARDINAL})\b|"
        # "one of the ten largest investors": a number of superlatives is a top N
        rf"(?P<n2>{_CARDINAL})\s+(?:largest|biggest|leading|most\s+important)\b)(?:\s+{_GAP}{noun})?)")
    nth = re.compile(
        rf"(?i:\b(?:(?P<ord>{_ORDINAL})[\s-]+(?:largest|biggest|most\s+important|leading|top)|"
        rf"(?P<sup>largest|biggest|leading|top|number\s+one|no\.\s*1))\s+{_GAP}{noun})")
    # "ranks second among Turkmenistan's trading partners", "is in fifth place among investors in X",
    # and the other way round: "among Peru's trading partners, Chile ranks third"
    verb = (r"(?:rank(?:s|ed|ing)?|plac(?:e|es|ed|ing)|occup(?:y|ies|ied|ying)|tak(?:e|es|ing)|took|comes?|"
            r"came|stands?|stood|is|was|are|were|remains?|remained)")
    place = rf"(?:in\s+)?(?:the\s+)?(?P<ord>{_ORDINAL})(?:\s+(?:place|position|spot))?"
    owner = r"(?:the\s+|our\s+|its\s+|their\s+|[\w-]+'s\s+|[\w-]+’s\s+)?"
    # a rival named between the place and the list: "ranks second, after Japan, among investors"
    name = r"(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2}"
    rival = (rf"(?:\s*,?\s+(?:after|behind(?:\s+only)?|(?:only\s+)?to)\s+{name}(?:\s*(?:,|,?\s+and)\s+{name}){{0,2}},?)?")
    among = re.compile(rf"(?i:\b{verb}\s+{place}(?-i:{rival})\s+(?:among|on\s+the\s+list\s+of)\s+{owner}{_GAP}{noun})")
    among_first = re.compile(rf"(?i:\bamong\s+{owner}{_GAP}{noun}(?-i:{_IN_COUNTRY})\s*,\s*(?:[\w-]+\s+){{1,4}}?"
                             rf"{verb}\s+{place}\b)")
    # the ranked noun left out after a rank that named it: "..., while Vietnam is China's fourth-largest."
    bare = re.compile(
        rf"(?i:\b(?:[\w-]+'s|[\w-]+’s|its|their|our)\s+(?:(?P<ord>{_ORDINAL})[\s-]+)?(?P<sup>largest|biggest))"
        r"(?=\s*(?:[.,;:)]|$))")
    # a measure ranked against another country's: "Japanese investment in Vietnam is the second
    # highest after South Korea's" (the rank of the measure's holder)
    after = re.compile(rf"(?i:\b(?P<ord>{_ORDINAL})[\s-]+(?:largest|biggest|highest)\b)"
                       r"(?=\s*,?\s*(?:after|behind|(?:only\s+|second\s+)?to)\s)")
    return top, nth, among, among_first, bare, after


def _number(word: str, table: dict[str, int]) -> int | None:
    word = word.lower()
    if word in table:
        return table[word]
    digits = re.match(r"\d+", word)
    return int(digits.group()) if digits else None


# Every rank names "top", a superlative, "number one" / "no. 1", or an ordinal "among" / "on the
# list of" (checked on lower case).
_RANK_WORDS = re.compile(r"top|largest|biggest|leading|important|number|no\.|among|list|highest")


def find_ranks(sent: Span, lex: ClaimLexicon) -> list[RankHit]:
    """The ranks in one sentence, in text order."""
    text, base = span_text(sent), sent.start_char
    lower = lowered(text)
    if lower is not None and not _RANK_WORDS.search(lower):
        return []
    nouns = tuple((" ".join(t), v) for kind in ("rank_partner", "rank_investor") for t, v in lex.terms(kind))
    metric_of = {term: value for term, value in nouns}
    top, nth, among, among_first, bare, after = _patterns(nouns)
    hits: list[RankHit] = []
    for m in top.finditer(text):
        value = _number(m["n"] or m["n2"], _CARDINALS)
        if value is None or (m["n2"] and not m["noun"]):
            continue
        qualifier = "more_than" if m["neg"] else "at_most"
        start = m.start("neg") if m["neg"] else m.start()
        hits.append(RankHit(base + start, base + m.end(), value, qualifier, _metric(m, metric_of),
                            base + (m.start("noun") if m["noun"] else m.start())))
    for m in nth.finditer(text):
        if any(h.start <= base + m.start() < h.end for h in hits):
            continue
        if m["sup"] and re.search(r"(?i)\bone\s+of\s+(?:the\s+|our\s+|its\s+|[\w-]+'s\s+)?$", text[:m.start()]):
            continue  # "one of the largest investors": no position
        value = _number(m["ord"], _ORDINALS) if m["ord"] else (2 if _AFTER_OTHER.match(text, m.end()) else 1)
        if value is None:
            continue
        hits.append(RankHit(base + m.start(), base + m.end(), value, "exact", _metric(m, metric_of),
                            base + m.start("noun")))
    for m in [*among.finditer(text), *among_first.finditer(text)]:
        value = _number(m["ord"], _ORDINALS)
        start = base + (m.start("ord") if m.start("ord") < m.start("noun") else m.start())  # "among ..." first
        if value is None or any(h.start <= start < h.end or start <= h.start < base + m.end() for h in hits):
            continue
        hits.append(RankHit(start, base + m.end(), value, "exact", _metric(m, metric_of), base + m.start("noun")))
    for m in after.finditer(text):
        value = _number(m["ord"], _ORDINALS)
        if value is not None and not any(h.start <= base + m.start() < h.end for h in hits):
            hits.append(RankHit(base + m.start(), base + m.end(), value, "exact", None, base + m.start(),
                                by_measure=True))
    if hits:  # only after a rank that names what is ranked (`_add_rank` takes its metric)
        for m in bare.finditer(text):
            value = _number(m["ord"], _ORDINALS) if m["ord"] else 1
            start = base + m.start("ord" if m["ord"] else "sup")
            named = [h for h in hits if h.start < start and h.metric]
            if value is not None and not any(h.start <= start < h.end for h in hits):
                # the noun of the rank named before: "X is our largest partner in Asia, while Y
                # is X's fifth-largest" (that rank may be a subset one, left out below)
                hits.append(RankHit(start, base + m.end(), value, "exact",
                                    max(named, key=lambda h: h.start).metric if named else None, start))
    hits = [h for h in hits if not _subset(text, h.start - base, h.end - base, h.noun_start - base)]
    return sorted(hits, key=lambda h: h.start)


# A rank within a subset of partners, which the country's overall rank is not: "largest trading
# partner in Africa", "among EU members", "largest Arab trading partner" (optional in the gold;
# left out so that it is never set against the overall rank as a discrepancy).
_REGION = (r"(?:(?:sub-Saharan|South|North|East|West|Southeast|South-East|Central|Eastern|Western|Northern|"
           r"Southern|Latin|Arab|Persian)\s+)?(?:Africa|Asia|Europe|America|Americas|Middle\s+East|Gulf|"
           r"Caucasus|Balkans|Caribbean|Pacific|Arab\s+world|EU|European\s+Union|Scandinavia|Nordics?|"
           r"Oceania|Maghreb|Sahel|Mercosur|ASEAN|region|continent|bloc)\b")
# "in Angola" between a ranked noun and what follows it: "the largest investor in Angola after ..."
_IN_COUNTRY = r"(?:\s+(?:in|of)\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2})?"
# "the largest investor after Portugal": second, after the one named.
_AFTER_OTHER = re.compile(rf"{_IN_COUNTRY}\s*,?\s+(?:after|behind(?:\s+only)?|(?:second\s+)?only\s+to)\s+"
                          r"(?:the\s+)?[A-Z]")
_SUBSET_AFTER = re.compile(
    rf"{_IN_COUNTRY}\s+(?:in|outside|from|within)\s+(?:the\s+)?{_REGION}"
    rf"|{_IN_COUNTRY}\s+among\s+(?:the\s+)?(?:[A-Z][\w-]*|non-[\w-]+|other)\s+(?:countries|states|nations|members|economies)\b")
_SUBSET_GAP = re.compile(r"(?:largest|biggest|leading|top|important|one|1|\d+|among|"
                         + "|".join(_CARDINALS) + r")\s+(?P<gap>(?:[\w-]+\s+)*)$", re.IGNORECASE)


def _subset(text: str, start: int, end: int, noun_start: int) -> bool:
    """Whether a rank phrase (characters start..end of `text`, its noun at noun_start) ranks
    within a subset: a region after it, or a capitalised word between the rank and the noun."""
    if _SUBSET_AFTER.match(text, end):
        return True
    gap = _SUBSET_GAP.search(text[start:noun_start])
    # a possessor names whose partners are ranked ("second among Peru's partners"), not a subset
    return gap is not None and re.search(r"\b[A-Z][a-z]+\b(?!['’]s\b)", gap["gap"]) is not None


def _metric(m: re.Match[str], metric_of: dict[str, str]) -> str | None:
    if not m["noun"]:
        return None
    words = " ".join(m["noun"].lower().split())
    for term in sorted(metric_of, key=len, reverse=True):
        if re.fullmatch(re.escape(term).replace("source", "sources?") + "s?", words):
            return metric_of[term]
    return None
