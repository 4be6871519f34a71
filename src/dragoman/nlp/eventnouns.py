"""Small grammar checks on event nouns, kept apart from `eventrules` to keep it short.

- quantity idioms that reuse an event word ("a great deal to learn" is no agreement);
- a bare "conference" is a meeting of its own ("a regional fisheries conference"), unlike
  a "news conference", which counts only when held jointly (`eventrules._shared`);
- a meeting noun after "for" is the meeting itself when those gathering come to it
  ("leaders gathered in Lisbon for a summit"), or when it is a concrete one with a host
  ("for a summit hosted by X"), not a purpose ("pressed for talks").
"""
from __future__ import annotations

from spacy.tokens import Token

from dragoman.nlp.eventstatus import lemma

# Adjectives that make "deal" an amount: "a great deal", "a good deal of".
AMOUNT_ADJECTIVES = frozenset({"great", "good"})
# Verbs of coming together whose "for"-phrase names the meeting attended, not an aim.
GATHER_VERBS = frozenset({"gather", "assemble", "converge", "convene"})
# Modifiers that mark a conference as a press event of one speaker.
PRESS_WORDS = frozenset({"news", "press"})


def amount_idiom(noun: Token) -> bool:
    """"a great deal to learn", "a good deal of work": "deal" as a quantity."""
    return lemma(noun) == "deal" and any(
        c.dep_ == "amod" and c.lower_ in AMOUNT_ADJECTIVES for c in noun.children)


def plain_conference(words: tuple[str, ...], noun: Token) -> bool:
    """Is this the bare lexicon word "conference" on a conference that is no press event
    ("a regional conference on fisheries", not "his daily news conference")?"""
    return words == ("conference",) and not any(c.lower_ in PRESS_WORDS for c in noun.children)


def attended_for(noun: Token, verb: Token | None) -> bool:
    """"gathered in Lisbon for a two-day summit", "for a summit hosted by X": the "for"-phrase
    names the meeting those gathering attend."""
    if verb is not None and lemma(verb) in GATHER_VERBS:
        return True
    return any(c.dep_ == "acl" and any(k.dep_ == "agent" for k in c.children) for c in noun.children)
