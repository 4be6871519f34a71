"""The tense a time expression is read in: future ("will meet on Friday", "arrives on
Sunday", "is due to meet in December") or past ("met on Monday", "the deal signed in
March"), from the verbs above it in the parse (see `timex`)."""
from __future__ import annotations

from spacy.tokens import Doc, Token

_FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo", "would"})
# Verbs and adjectives that put what they govern in the future ("is scheduled to meet").
_FUTURE_WORDS = frozenset({"plan", "schedule", "expect", "intend", "aim", "due", "set", "slate",
                           "prepare", "hope", "upcoming", "forthcoming", "coming", "next",
                           "planned", "scheduled", "expected", "future", "propose"})


# Words after which "to VERB" looks ahead: "due to meet", "set to sign", "scheduled to visit".
_SCHEDULE_WORDS = frozenset({"due", "set", "scheduled", "slated", "poised", "planned", "expected"})


def _verb_tense(verb: Token) -> bool | None:
    """True if `verb` is future, False if past, None if it cannot say (present, infinitive)."""
    children = list(verb.children)
    if any(c.dep_ in ("aux", "auxpass") and c.lower_ in _FUTURE_AUX for c in children):
        return True
    if any(c.dep_ == "aux" and c.lower_ == "going" for c in children):
        return True
    if verb.lemma_.lower() in _FUTURE_WORDS:
        return True
    if verb.dep_ == "xcomp" and verb.head.lower_ in _SCHEDULE_WORDS:
        return True  # "leaders are due to meet in December": the coming December
    if any(c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBD",) for c in children):
        return False
    if any(c.dep_ == "aux" and c.lemma_ == "have" for c in children):
        return False
    if verb.tag_ == "VBD":
        return False
    if any(c.dep_ == "amod" and c.lower_ in _FUTURE_WORDS for c in children):
        return True
    if verb.tag_ == "VBN" and verb.dep_ in ("acl", "amod") and not _has_aux(children):
        return False  # "the deal signed on Monday", "data released in March"
    if _scheduled_present(verb, children):
        return True  # "the delegation arrives on Sunday", "she is visiting Lima on Friday"
    return None


def _has_aux(children: list[Token]) -> bool:
    """Whether one of `children` is an auxiliary ("has", "was", "will")."""
    return any(c.dep_ in ("aux", "auxpass") for c in children)


def _scheduled_present(verb: Token, children: list[Token]) -> bool:
    """A present-tense verb (simple or progressive) of an action with a day or month of
    its own is a schedule: "arrives on Sunday", "is meeting in June"; not a verb of
    saying or a state ("says", "is", "has")."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() in _STATIVE:
        return False
    if verb.tag_ in ("VBZ", "VBP"):
        return not _has_aux(children)
    return verb.tag_ == "VBG" and any(c.dep_ == "aux" and c.tag_ in ("VBZ", "VBP") for c in children)


# Present-tense verbs that report or describe a state rather than a scheduled action.
_STATIVE = frozenset({"be", "have", "say", "tell", "show", "remain", "stand", "account", "continue",
                      "note", "add", "believe", "think", "know", "want", "expect", "hope", "see",
                      "mean", "include", "represent", "exceed", "amount", "total", "reach", "grow",
                      "rise", "fall", "make", "lead", "rank", "stay", "hold", "own", "owe", "seem",
                      "appear", "depend", "need", "consider", "describe", "insist", "argue", "claim",
                      "report", "estimate", "suggest", "indicate", "cover", "contain", "mark"})


def tense_at(doc: Doc, start: int, end: int) -> bool | None:
    """The tense governing the words at chars [start, end): walk up the parse from them
    to the verbs above, the first that shows a tense decides."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    token: Token | None = span.root
    for _ in range(8):
        if token is None:
            break
        if token.pos_ in ("VERB", "AUX") or token.tag_.startswith("VB") or token.pos_ == "NOUN":
            tense = _verb_tense(token)
            if tense is not None:
                return tense
        if token.head == token:
            break
        token = token.head
    return None
