"""Status and qualifier of a claim: is a figure achieved, a goal or a prediction, and how exact.

- status: target ("the goal of ...", "aim to raise ... to", "$3 billion, the target set by
  ..."), forecast ("expected to", "could reach", "is set to exceed"), target also for money
  promised in the future tense ("will provide $12 million in aid") or made available
  ("announced €15 million in grants"), else actual;
- qualifier: the words right before (or after) the amount ("exceeding", "nearly", "up to");
- percent_kind: whether a percentage is a change of a measure or a share of something.

The words come from `codebooks/data/metrics.tsv` (kinds target, forecast, pledge, announce,
raise, qualifier, change, share).
"""
from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Token

from dragoman.nlp.claimwords import ClaimLexicon, has_term, reports
from dragoman.nlp.money import Amount

_CLAUSE_DEPS = frozenset({"acl", "relcl", "advcl", "conj"})
_FUTURE_AUX = frozenset({"will", "would", "shall", "'ll"})


def _chain(anchor: Token, lex: ClaimLexicon) -> list[Token]:
    """The amount and the words above it within its clause: up to a verb of saying, and
    no further than a clause joined by "and", a relative clause or an adverbial clause."""
    chain = [anchor]
    tok = anchor
    while tok.head != tok and not reports(tok.head, lex) and len(chain) < 9:
        if tok.pos_ in ("VERB", "AUX") and tok.dep_ in _CLAUSE_DEPS:
            break
        tok = tok.head
        chain.append(tok)
    return chain


def _cue_words(chain: list[Token]) -> list[Token]:
    words = []
    for tok in chain:
        words.append(tok)
        words += [c for c in tok.children if c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass", "acomp",
                                                      "advmod", "prt", "neg")]
    return words


def _clause_cue(chain: list[Token], lex: ClaimLexicon) -> str | None:
    """target | forecast from the cue words on the chain; inner to outer, the outermost
    wins ("expected to commit $500 million" is a forecast, "aim to raise ... to" a target)."""
    targets, forecasts = lex.words("target"), lex.words("forecast") - {"may"}
    decided = None
    for tok in chain:
        near = [tok] + [c for c in tok.children if c.dep_ in ("aux", "auxpass", "acomp", "advmod", "prt")]
        if any((w.lemma_.lower() in targets or w.lower_ in targets) and w.pos_ in ("VERB", "NOUN") for w in near):
            decided = "target"
            if tok.pos_ == "VERB":
                continue  # a modal on a verb of aiming keeps it a goal: "should strive to lift it to"
        if any(_forecasts(w, forecasts) for w in near) or any(w.tag_ == "MD" and w.lower_ == "may" for w in near):
            decided = "forecast"  # "may" only as a modal, never the month
    return decided


def _forecasts(word: Token, forecasts: frozenset[str]) -> bool:
    """Whether a word of the chain predicts: a forecast word that is not a plain auxiliary, and
    "project" only as a verb ("projected to reach"), the noun being a venture ("200 projects")."""
    lemma = word.lemma_.lower()
    if lemma not in forecasts and word.lower_ not in forecasts:
        return False
    if word.pos_ == "AUX" and word.tag_ != "MD":
        return False
    return not (lemma == "project" and word.pos_ in ("NOUN", "PROPN"))


def _tense_status(chain: list[Token], lex: ClaimLexicon, deadline: bool, to_before: bool) -> str:
    """Without cue words: money promised in the future tense is a target ("will provide $12
    million in aid"), so is "to double trade to $20 billion by 2028" and "increasing trade
    to $3 billion" (see `raise_goal`); another future figure is a forecast; the rest is actual."""
    verbs = [t for t in chain if t.pos_ in ("VERB", "AUX")]
    future = any(c.lower_ in _FUTURE_AUX for v in verbs for c in v.children if c.dep_ in ("aux", "auxpass"))
    if future and any(v.lemma_.lower() in lex.words("pledge") for v in verbs):
        return "target"
    if (to_before and verbs and verbs[0].tag_ in ("VB", "VBG") and not _result_clause(verbs[0])
            and (deadline or raise_goal(verbs[0], lex))):
        return "target"
    return "forecast" if future else "actual"


def raise_goal(verb: Token, lex: ClaimLexicon) -> bool:
    """An infinitive or gerund that raises something to a level ("to bring trade to", "increasing
    trade to"): a verb of the lexicon kind "raise" with an object; "rising to" has none."""
    return (verb.tag_ in ("VB", "VBG") and verb.lemma_.lower() in lex.words("raise")
            and any(c.dep_ == "dobj" for c in verb.children) and not _result_clause(verb))


def _result_clause(verb: Token) -> bool:
    """"Japan signed deals worth $1 billion, bringing its total to $5 billion": a participle
    that tells what a finite verb achieved, not a goal."""
    return verb.tag_ == "VBG" and verb.dep_ == "advcl" and verb.head.tag_ in ("VBD", "VBZ", "VBP", "VBN")


def find_status(anchor: Token, lex: ClaimLexicon, deadline: bool, to_before: bool = False) -> str:
    """actual | target | forecast for the figure at `anchor` (see the module docstring);
    deadline: the sentence has a "by 2027"; to_before: "to" (or "up to") stands right
    before the figure."""
    chain = _chain(anchor, lex)
    words = _cue_words(chain)
    if any(w.lemma_.lower() in lex.words("target") for w in words if w.pos_ == "NOUN"):
        return "target"  # "the goal of", "our target is"
    if _forecast_subject(chain, words, lex):
        return "forecast"
    decided = _clause_cue(chain, lex)
    phrases = [t for t in lex.terms("forecast") if len(t[0]) > 1]
    if decided is None and (has_term(words, phrases) or has_term(_clause_words(chain, anchor), phrases)):
        decided = "forecast"  # "is set to exceed", "on track to reach"
    return decided or _tense_status(chain, lex, deadline, to_before)


def _forecast_subject(chain: list[Token], words: list[Token], lex: ClaimLexicon) -> bool:
    """"Government estimates show trade reaching $44 billion this year": a forecast noun as a
    subject, with the figure's own verb not finite ("estimates show trade reached" is past)."""
    verb = next((t for t in chain if t.pos_ in ("VERB", "AUX")), None)
    nouns = lex.words("forecast") - {"project"}  # "projects show" names ventures
    return (verb is not None and verb.tag_ in ("VB", "VBG") and any(
        w.pos_ == "NOUN" and w.dep_ in ("nsubj", "nsubjpass") and w.lemma_.lower() in nouns for w in words))


def raises_to(anchor: Token, lex: ClaimLexicon) -> bool:
    """The verb that governs the amount raises something to it (`raise_goal`)."""
    tok = anchor
    for _ in range(6):
        if tok.pos_ == "VERB":
            return raise_goal(tok, lex)
        if tok.head == tok:
            return False
        tok = tok.head
    return False


def _clause_words(chain: list[Token], anchor: Token) -> list[Token]:
    """The words from the highest word of the chain that comes before the amount up to it."""
    first = min((t.i for t in chain), default=anchor.i)
    return list(anchor.doc[first:anchor.i])


def apposed_target(text: str, amount_end: int, sent_end: int, anchor: Token, lex: ClaimLexicon) -> bool:
    """A figure a target noun stands beside, outside its own phrase: "(achieving) trade of $3
    billion, the target set by our presidents", "with $1 billion in trade as our shared goal".
    Not after a finite verb: "trade reached $5 billion, the target set in 2019" is an actual."""
    if _apposed_target_pattern(lex.words("target")).match(text[amount_end:min(sent_end, amount_end + 80)]) is None:
        return False
    tok = anchor
    for _ in range(8):
        if tok.pos_ in ("VERB", "AUX"):
            return tok.tag_ not in ("VBD", "VBZ", "VBP")
        if tok.head == tok:
            break
        tok = tok.head
    return True


@lru_cache(maxsize=4)
def _apposed_target_pattern(nouns: frozenset[str]) -> re.Pattern[str]:
    """After a figure (and the rest of its phrase, "in bilateral trade"): ", the target ..." or
    "as our shared target"; not "..., our target is $10 billion" (that names another figure)."""
    noun = "|".join(sorted(nouns, key=len, reverse=True))
    return re.compile(
        r"(?i)(?:\s+(?:in|of|worth)\s+(?:[\w-]+\s+){0,3}?[\w-]+)?\s*(?:,\s*|\s+as\s+)"
        rf"(?:the|our|a|an|its|their|this|that)\s+(?:[\w-]+\s+){{0,2}}?(?:{noun})s?\b"
        r"(?!\s+(?:is|was|were|are|of|remains|stands|will|would|has|had|for)\b)")


def announced(anchor: Token, lex: ClaimLexicon) -> bool:
    """The amount is (in) the object of a verb that makes money available ("announced €15
    million in grants", "pledged $2 billion"): a target by the team's convention."""
    tok = anchor
    for _ in range(4):
        if tok.head == tok:
            return False
        if tok.dep_ == "dobj" and tok.head.pos_ == "VERB":
            return tok.head.lemma_.lower() in lex.words("announce")
        if tok.pos_ in ("VERB", "AUX"):
            return False
        tok = tok.head
    return False


def find_qualifier(text: str, amount: Amount, lex: ClaimLexicon) -> str:
    """The qualifier the words right before (or after) the amount give."""
    before = " ".join(text[max(0, amount.start - 40):amount.start].lower().split())
    for phrase, pattern, value in _qualifier_patterns(lex.terms("qualifier")):
        if before.endswith(phrase) and pattern.search(before):
            return value
    after = text[amount.end:amount.end + 20].lower()
    if re.match(r"\s*(?:or\s+more|or\s+above|plus\b|\+)", after):
        return "at_least"
    if re.match(r"\s*or\s+(?:less|fewer|below)", after):
        return "at_most"
    return "exact"


@lru_cache(maxsize=4)
def _qualifier_patterns(terms: tuple[tuple[tuple[str, ...], str], ...]
                        ) -> tuple[tuple[str, re.Pattern[str], str], ...]:
    """(phrase, "phrase at the end of the text" pattern, qualifier), longest phrase first."""
    out = []
    for term, value in sorted(terms, key=lambda tv: -len(" ".join(tv[0]))):
        phrase = " ".join(term)
        out.append((phrase, re.compile(rf"(?:^|\W){re.escape(phrase)}$"), value))
    return tuple(out)


def percent_kind(anchor: Token, text: str, amount: Amount, lex: ClaimLexicon) -> str | None:
    """"change" ("grew by 12 percent"), "share" ("60 percent of its trade") or None."""
    after = text[amount.end:amount.end + 6].lower()
    chain = _chain(anchor, lex)
    lemmas = {t.lemma_.lower() for t in chain[:4]} | {t.lower_ for t in chain[:4]}
    if re.match(r"\s+of\b", after) or lemmas & (lex.words("share") - {"of"}):
        return "share"
    near = {t.lemma_.lower() for t in anchor.children} | {t.lower_ for t in anchor.children}
    # "was up by 15 percent": the change word hangs off the verb the figure's "by" depends on
    near |= {c.lower_ for t in chain[:4] if t.pos_ in ("VERB", "AUX")
             for c in t.children if c.dep_ in ("advmod", "prt", "acomp") and c.i < anchor.i}
    if lemmas & lex.words("change") or near & lex.words("change"):
        return "change"
    return None
