"""Accusations made by calling someone names: "Guyana is acting as an instrument of foreign
oil companies", "Azerbaijan poses a threat to the region", "Caracas branded Georgetown a
puppet of Washington".

The labelling nouns are data (`codebooks/data/events_labels.tsv`). A label is an accusation
(PLOVER ACCUSE) when it is predicated of a state actor:

- by a copula or "act/serve as" ("X is a puppet", "X is acting as a tool of ..."), or by
  "pose/represent/constitute" ("X poses a threat to ..."): the one so called is the clause
  subject, the accuser the speaker of the quote (or reported statement) it stands in;
- by a verb of naming ("called X a puppet", "described X as a proxy"): the one so called
  is its object, the accuser its subject.

Negated, conditional and questioned labels are none ("X is not a threat", "if X became a
proxy"). The verb lists below are English grammar, not domain knowledge.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Token

from dragoman import codebooks
from dragoman.codebooks import EventTerm
from dragoman.codebooks._tables import read_tsv
from dragoman.errors import DragomanError
from dragoman.nlp.eventargs import Args, ArgFinder, subjects
from dragoman.nlp.eventrules import Trigger
from dragoman.nlp.eventstatus import lemma

if TYPE_CHECKING:
    from dragoman.nlp.events import Draft

LABEL_FILE = "events_labels.tsv"
# Verbs that say the subject is what the noun names: "is", "has become", "remains".
COPULAS = frozenset({"be", "become", "remain"})
# Verbs whose "as"-phrase says what the subject is: "is acting as an instrument of".
AS_VERBS = frozenset({"act", "serve", "function", "behave", "operate"})
# Verbs whose object is what the subject is: "poses a threat to the region".
POSE_VERBS = frozenset({"pose", "represent", "constitute"})
# Verbs that give their object a name: "called X a puppet", "described X as a proxy".
NAMING_VERBS = frozenset({"call", "brand", "label", "dub", "term", "describe", "portray", "depict",
                          "characterise", "characterize"})
# Clause marks of a condition or a question: "if X becomes a proxy".
CONDITION_MARKS = frozenset({"if", "unless", "whether"})
NEGATORS = frozenset({"not", "n't", "never", "no"})
# Heads of a phrase that stand for the state its modifier names ("the Venezuelan government"),
# unlike its policies or its debt ("Kenya's debt is a danger to its economy").
STATE_HEADS = frozenset({"government", "regime", "authority", "leadership", "administration", "army",
                         "military", "navy", "state", "country", "side", "junta", "cabinet"})
# Relation name of a label trigger (see `Trigger.relation`).
LABEL_RELATION = "label"


@dataclass(frozen=True)
class Label:
    """One labelling noun: head lemma, the lemmas of the modifiers it needs ("terrorist"
    in "terrorist state"), the prepositions of which it needs one (empty: none), whether
    the preposition's object must name a party ("agent of foreign powers", not "agent of
    change"), and its lexicon entry (ACCUSE with the row's CAMEO code)."""

    head: str
    modifiers: tuple[str, ...]
    preps: frozenset[str]
    party: bool
    term: EventTerm


@lru_cache(maxsize=1)
def labels() -> dict[str, tuple[Label, ...]]:
    """The labelling nouns of events_labels.tsv by head lemma, longest term first."""
    out: dict[str, list[Label]] = {}
    for term, preps, code, wanted in read_tsv(LABEL_FILE, 4):
        entry = codebooks.cameo(code)
        if entry is None or entry.goldstein is None:
            raise DragomanError(f"codebooks/data/{LABEL_FILE}: {term!r}: CAMEO code {code!r} "
                                "has no Goldstein value")
        words = term.split()
        event = EventTerm(term, "noun", "ACCUSE", code, None, entry.goldstein, "negative")
        out.setdefault(words[-1], []).append(
            Label(words[-1], tuple(words[:-1]), _cells(preps), wanted == "party", event))
    return {head: tuple(sorted(found, key=lambda lb: -len(lb.modifiers))) for head, found in out.items()}


def _cells(cell: str) -> frozenset[str]:
    """The "|"-separated words of a cell ("-": none)."""
    return frozenset() if cell == "-" else frozenset(cell.split("|"))


def _matching_label(noun: Token) -> Label | None:
    """The label `noun` is, with its modifiers and preposition, or None."""
    if noun.pos_ not in ("NOUN", "PROPN"):
        return None
    mods = {w for c in noun.children if c.dep_ in ("amod", "compound") for w in (lemma(c), c.lower_)}
    preps = {c.lower_ for c in noun.children if c.dep_ == "prep"}
    objects = [(p.lower_, o) for p in noun.children if p.dep_ == "prep"
               for o in p.children if o.dep_ == "pobj"]
    for label in labels().get(lemma(noun), ()):
        if set(label.modifiers) <= mods and (not label.preps or label.preps & preps) and (
                not label.party or any(_names_party(o) for p, o in objects if p in label.preps)):
            return label
    return None


def _names_party(tok: Token) -> bool:
    """Does a prepositional object name a party, not a cause: a name ("Moscow"), a plural
    ("foreign powers", "oil companies") or something foreign ("foreign capital")?"""
    return tok.pos_ == "PROPN" or tok.tag_ in ("NNS", "NNPS") or any(
        c.lower_ == "foreign" for c in tok.children if c.dep_ in ("amod", "compound"))


def _predicate(noun: Token) -> tuple[Token, str] | None:
    """The verb that predicates the label and how: ("is", "subject") when the subject is
    so called, ("called", "object") when the object is; None otherwise."""
    head = noun.head
    if noun.dep_ in ("attr", "acomp") and lemma(head) in COPULAS:
        return head, "subject"
    if noun.dep_ == "dobj" and lemma(head) in POSE_VERBS:
        return head, "subject"
    if noun.dep_ in ("oprd", "dobj") and lemma(head) in NAMING_VERBS and any(
            c.dep_ == "dobj" and c.i < noun.i for c in head.children):
        return head, "object"  # "called X a puppet", "branded X a terrorist state" (two objects)
    if noun.dep_ == "pobj" and head.lower_ == "as" and head.head.i != head.i:
        verb = head.head
        if lemma(verb) in AS_VERBS:
            return verb, "subject"
        if lemma(verb) in NAMING_VERBS:
            return verb, "object"
    return None


def _denied(noun: Token, verb: Token) -> bool:
    """"is not a threat", "poses no threat", "if X becomes a proxy", "is X a puppet?"."""
    if any(c.dep_ == "det" and c.lower_ == "no" for c in noun.children):
        return True
    if any(c.dep_ == "neg" or (c.lower_ in NEGATORS and c.dep_ == "advmod") for c in verb.children):
        return True
    for clause in [verb, *verb.ancestors][:3]:
        if any(c.dep_ == "mark" and c.lower_ in CONDITION_MARKS for c in clause.children):
            return True
    return noun.sent.text.rstrip().endswith("?")


def label_triggers(doc: Doc, taken: set[int]) -> list[Trigger]:
    """Label triggers of `doc` (relation "label", verb: the predicating verb), leaving out
    words already in another trigger (`taken`)."""
    found = []
    for noun in doc:
        if noun.i in taken or lemma(noun) not in labels():
            continue
        label = _matching_label(noun)
        predicate = _predicate(noun) if label is not None else None
        if label is None or predicate is None or _denied(noun, predicate[0]):
            continue
        words = sorted({noun.i} | {c.i for c in noun.children if c.dep_ in ("amod", "compound")
                                   and {lemma(c), c.lower_} & set(label.modifiers)})
        found.append(Trigger(noun.i, tuple(words), label.term, predicate[0].i, LABEL_RELATION))
    return found


def _names_actor(tok: Token, finder: ArgFinder) -> bool:
    """Is the one so called an actor itself (a name, a pronoun, "the Venezuelan government"),
    not something of it ("Kenya's debt")?"""
    return bool(finder._mention_entity(tok)) or tok.pos_ == "PRON" or lemma(tok) in STATE_HEADS


def label_args(trigger: Trigger, doc: Doc, finder: ArgFinder) -> Args:
    """Accuser (source) and the one so called (target) of a label trigger; the args are
    marked unknown when either is missing or both are one side."""
    noun = doc[trigger.head]
    predicate = _predicate(noun)
    args = Args(unknown=True)
    if predicate is None:
        return args
    verb, role = predicate
    dep = "nsubj" if role == "subject" else "dobj"
    called = [c for c in verb.children if c.dep_ == dep and c.i != noun.i]
    targets = [finder.actor_for(i) for c in called if _names_actor(c, finder)
               for i in finder.phrase_entities(c)]
    targets = [t for t in targets if finder.kind(t) in ("country", "person", "organization")]
    if role == "object":
        subjects(verb, finder, args)
    else:
        speaker = finder.speaker_at(noun)
        # a commentator of no country ("an analyst at ...") accuses nobody on a state's behalf
        args.source = [speaker] if speaker and finder.country_of(speaker) else []
    sides = ({finder.country_of(s) for s in args.source} | set(args.source)) - {None}
    args.target = [t for t in targets if t not in sides and finder.country_of(t) not in sides]
    args.tokens = [c.i for c in called]
    if not (args.source and args.target):  # no accuser, or nobody else accused: no event
        args.source, args.target, args.unknown = [], [], True
    return args


def told_accusations(drafts: list[Draft], finder: ArgFinder) -> list[Draft]:
    """`drafts` without the labels that repeat an accusation told otherwise: "X accused Y of
    ... 'Y is a puppet of ...'" is one accusation, between the same two countries."""
    def sides(d: Draft) -> tuple[frozenset[str | None], frozenset[str | None]]:
        return (frozenset(finder.country_of(i) for i in d.args.source),
                frozenset(finder.country_of(i) for i in d.args.target))

    told = {sides(d) for d in drafts if d.type == "ACCUSE" and d.trigger.relation != LABEL_RELATION}
    return [d for d in drafts if d.trigger.relation != LABEL_RELATION or sides(d) not in told]
