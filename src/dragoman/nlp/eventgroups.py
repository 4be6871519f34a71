"""Numbered groups of more than two sides: "the four leaders adopted a joint declaration".

"the two leaders" are the two sides of the exchange (`eventargs.ArgFinder.group_entities`);
"the four leaders" are the sides of the last meeting told with exactly four participants
("leaders from A, B, C and D gathered for a summit"), whose actors the group stands for.
"""
from __future__ import annotations

from spacy.tokens import Doc, Token

from dragoman.nlp.eventargs import GROUP_NOUNS, Args
from dragoman.nlp.eventstatus import lemma

# Number words of a group larger than two ("the three ministers", "the five states").
GROUP_SIZES = {"three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
               "ten": 10}


def group_size(tok: Token) -> int | None:
    """The size of a definite numbered group of sides ("the four leaders" -> 4), else None."""
    if lemma(tok) not in GROUP_NOUNS or tok.tag_ not in ("NNS", "NNPS"):
        return None
    if not any(c.dep_ in ("det", "poss") and c.lower_ in ("the", "their", "all") for c in tok.children):
        return None
    for c in tok.children:
        if c.dep_ == "nummod":
            size = GROUP_SIZES.get(c.lower_) or (int(c.text) if c.text.isdigit() else None)
            return size if size and size > 2 else None
    return None


def numbered_sides(verb: Token | None, earlier: list[tuple[str, str, list[str]]]) -> list[str]:
    """The actors a numbered group subject of `verb` stands for: those of the latest earlier
    meeting (CONSULT) with as many actors as the group counts; [] when there is none."""
    if verb is None:
        return []
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    sizes = [s for s in (group_size(t) for t in subjects) if s]
    if not sizes:
        return []
    for _, plover, source in reversed(earlier):
        if plover == "CONSULT" and len(source) == sizes[0]:
            return list(source)
    return []


def fill_numbered_sides(verb: int | None, doc: Doc, args: Args,
                        earlier: list[tuple[str, str, list[str]]]) -> None:
    """Give an event with no actor yet the sides its numbered group subject stands for
    (args: the event's `eventargs.Args`; verb: index of its governing verb, or None)."""
    if not args.source and not args.target and verb is not None:
        args.source = numbered_sides(doc[verb], earlier)
