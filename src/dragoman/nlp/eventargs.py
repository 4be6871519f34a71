"""Who did what to whom, where: the arguments of an event trigger, from the parse.

Source is the subject ("Türkiye will continue to support ..."), the agent of a
passive, or the owner of an event noun ("Russia's invasion", "the summit of the
OTS"); target the object ("congratulate Türkiye"), "with X", "against X"; location
"in X" / "to X". Pronouns are resolved with the article's context: "I" and "we"
inside a quote are its speaker (and, for "we", the speaker's counterpart is the
other side), "he"/"she" the person named last before, "they" and "both sides"
the two sides of the reported exchange.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from dragoman.model import Entity
from dragoman.nlp.eventrules import SPEECH_VERBS, lemma
from dragoman.nlp.extensions import entity_by_id, mention_at

FIRST_PERSON = frozenset({"i", "we", "me", "us", "my", "our", "ours", "myself", "ourselves"})
THIRD_SINGULAR = frozenset({"he", "she", "him", "her", "his", "hers", "himself", "herself"})
THIRD_PLURAL = frozenset({"they", "them", "their", "theirs", "themselves"})
NEUTER = frozenset({"it", "its", "itself"})
# "both sides", "the two ministers", "the two countries": the two sides of the exchange.
GROUP_NOUNS = frozenset({"side", "country", "minister", "leader", "party", "nation", "government",
                         "delegation", "president", "counterpart", "state", "official"})
GROUP_MARKERS = frozenset({"both", "two", "each"})
# Children through which a noun phrase names its actor: "Türkiye's successes",
# "the Georgian government", "his Kazakh counterpart Murat Nurtleu".
ACTOR_CHILD_DEPS = frozenset({"poss", "compound", "amod", "appos", "nmod", "npadvmod", "nummod"})
TARGET_PREPS = frozenset({"with", "against"})
# Prepositions that name a target only when their object is itself a named actor.
NAMED_TARGET_PREPS = frozenset({"to", "on", "for", "toward", "towards", "upon"})
LOCATION_PREPS = frozenset({"in", "at"})


@dataclass
class Args:
    """Entity ids found for one trigger. first_person: the subject was "I"/"we" (the
    speaker's counterpart may be added as target); explicit_target: the text names one."""

    source: list[str] = field(default_factory=list)
    target: list[str] = field(default_factory=list)
    location: str | None = None
    first_person: bool = False
    tokens: list[int] = field(default_factory=list)


def _add(ids: list[str], new: list[str]) -> None:
    for i in new:
        if i not in ids:
            ids.append(i)


class ArgFinder:
    """Finds entities for parse nodes of one doc; built once per doc."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.entities: dict[str, Entity] = entity_by_id(doc)
        self.mentions = list(doc._.mentions or [])
        self.counts = Counter(m.entity_id for m in self.mentions)
        self.quotes = [q for q in (doc._.quotes or []) if q.speaker]
        self.partners: dict[str, list[str]] = {}

    # --- entities of a phrase ---------------------------------------------------------

    def kind(self, eid: str) -> str:
        return self.entities[eid].kind

    def country_of(self, eid: str) -> str | None:
        e = self.entities.get(eid)
        if e is None:
            return None
        return e.code if e.kind == "country" else e.country

    def _mention_entity(self, tok: Token) -> str | None:
        m = mention_at(self.doc, tok.idx)
        return m.entity_id if m and m.entity_id in self.entities else None

    def phrase_entities(self, tok: Token, depth: int = 2) -> list[str]:
        """The actors a noun phrase headed by `tok` names, with its conjuncts: the entity the
        head is a mention of, else entities named in its modifiers (persons before
        countries: "his Kazakh counterpart Murat Nurtleu" is the person)."""
        ids: list[str] = []
        own = self._mention_entity(tok)
        if own:
            ids.append(own)
        elif tok.pos_ == "PRON" or tok.lower_ in FIRST_PERSON | THIRD_PLURAL:
            ids.extend(self.resolve_pronoun(tok))
        else:
            found = self._modifier_entities(tok, depth)
            people = [i for i in found if self.kind(i) in ("person", "organization")]
            ids.extend(people or found)
            if not ids and self._is_group(tok):
                ids.extend(self.two_sides(tok))
        for child in tok.children:
            if child.dep_ == "conj":
                _add(ids, self.phrase_entities(child, depth))
        # a badly attached second subject: "X and his counterpart Y conducted ..."
        return ids

    def _modifier_entities(self, tok: Token, depth: int) -> list[str]:
        ids: list[str] = []
        if depth <= 0:
            return ids
        for child in tok.children:
            if child.dep_ in ACTOR_CHILD_DEPS:
                own = self._mention_entity(child)
                if own:
                    _add(ids, [own])
                elif child.lower_ in FIRST_PERSON | THIRD_SINGULAR | THIRD_PLURAL and child.dep_ == "poss":
                    _add(ids, self.resolve_pronoun(child))
                else:
                    _add(ids, self._modifier_entities(child, depth - 1))
            elif child.dep_ == "prep" and child.lower_ == "of":
                for obj in child.children:
                    if obj.dep_ == "pobj":
                        _add(ids, self.phrase_entities(obj, depth - 1))
        return ids

    @staticmethod
    def _is_group(tok: Token) -> bool:
        return lemma(tok) in GROUP_NOUNS and tok.tag_ in ("NNS", "NNPS") and any(
            c.lower_ in GROUP_MARKERS or c.lower_ == "their" for c in tok.children)

    # --- speakers, pronouns, counterparts -----------------------------------------------

    def speaker_at(self, tok: Token) -> str | None:
        """The speaker of the quote (direct or reported) that contains `tok`, if known."""
        inside = [q for q in self.quotes if q.span[0] <= tok.idx < q.span[1]]
        if inside:
            return min(inside, key=lambda q: q.span[1] - q.span[0]).speaker
        cur = tok
        for _ in range(12):  # no quotes component: the subject of a speech verb above
            if cur.head is cur:
                break
            if cur.dep_ in ("ccomp", "parataxis") and lemma(cur.head) in SPEECH_VERBS:
                subj = [c for c in cur.head.children if c.dep_ == "nsubj"]
                ids = [self._mention_entity(s) for s in subj]
                ids = [i for i in ids if i] or [i for s in subj for i in self._third_person(s)]
                return ids[0] if ids else None
            cur = cur.head
        return None

    def resolve_pronoun(self, tok: Token) -> list[str]:
        word = tok.lower_
        if word in FIRST_PERSON:
            speaker = self.speaker_at(tok)
            return [speaker] if speaker else []
        if word in THIRD_PLURAL:
            return self.two_sides(tok)
        return self._third_person(tok)

    def _third_person(self, tok: Token) -> list[str]:
        word = tok.lower_
        if word in THIRD_SINGULAR:
            kinds = ("person",)
        elif word in NEUTER:
            kinds = ("country", "organization")
        else:
            return []
        sent_start = tok.sent.start_char
        before = [m for m in self.mentions if m.end <= tok.idx and self.kind(m.entity_id) in kinds]
        if word in NEUTER:
            before = [m for m in before if m.start >= sent_start]
        return [before[-1].entity_id] if before else []

    def counterpart(self, eid: str) -> list[str]:
        """The other side of `eid`'s exchange: who it met in this article, else the most
        named person of another country, else the most named other country."""
        if self.partners.get(eid):
            return self.partners[eid][:1]
        own = self.country_of(eid)
        kind = self.kind(eid)
        ranked = [i for i, _ in self.counts.most_common() if i in self.entities and i != eid]
        for want in ((kind,), ("person",), ("country",)):
            for other in ranked:
                country = self.country_of(other)
                if self.kind(other) in want and country and country != own:
                    return [other]
        return []

    def two_sides(self, tok: Token) -> list[str]:
        """"they", "both sides": the speaker and the speaker's counterpart, else the two most
        named persons of different countries, else the two most named countries."""
        speaker = self.speaker_at(tok)
        if speaker:
            return [speaker, *self.counterpart(speaker)]
        ranked = [i for i, _ in self.counts.most_common() if i in self.entities]
        for kind in ("person", "country"):
            first = next((i for i in ranked if self.kind(i) == kind and self.country_of(i)), None)
            if first:
                second = next((i for i in ranked if self.kind(i) == kind and self.country_of(i)
                               and self.country_of(i) != self.country_of(first)), None)
                if second:
                    return [first, second]
        return []

    def country_entity(self, code: str | None) -> str | None:
        return next((e.id for e in self.entities.values() if e.kind == "country" and e.code == code),
                    None) if code else None

    # --- places -------------------------------------------------------------------------

    def place_of(self, tok: Token) -> str | None:
        """The place or country a locative phrase names: "in Kazakhstan's capital Astana" is
        Astana (a place beats a country), "in Kazakhstan" is the country."""
        if tok.ent_type_ in ("DATE", "TIME"):
            return None
        ids = [i for i in self.phrase_entities(tok) if self.kind(i) in ("place", "country")]
        if not ids:
            ids = [i for i in self._modifier_entities(tok, 2) if self.kind(i) in ("place", "country")]
        places = [i for i in ids if self.kind(i) == "place"]
        return (places or ids or [None])[0]
