"""Who is speaking: cue verbs, their subjects, and the person a pronoun stands for.

The speech lexicon (`codebooks/data/speech_verbs.tsv`) says which verbs attribute
words to someone. `SpeakerResolver` maps the subject of such a verb to an entity id
through the mentions the actors component wrote (`doc._.mentions`): a name, a surname,
a misspelling or a title phrase ("the Turkish foreign minister") all lead to the same
person. A pronoun ("he said") goes to the person most recently in focus — the speaker
of the previous statement or the last person who was the subject of a main clause —
skipping people whose gender the article shows to differ ("Ms", "for her part",
"X ... her counterpart").
"""
from __future__ import annotations

import bisect
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from types import MappingProxyType
from typing import NamedTuple

from spacy.tokens import Doc, Token

from dragoman.nlp.extensions import doc_text
from dragoman.codebooks import office_lookup
from dragoman.codebooks._tables import read_tsv
from dragoman.errors import DragomanError
from dragoman.model import Entity
from dragoman.nlp.extensions import (Mention, TokenTable, entity_by_id, mentions_between,
                                     mentions_covering, token_table)

CUE_CLASSES = ("say", "direct", "source", "act")
LEXICON_CLASSES = CUE_CLASSES + ("official",)
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"})
PERSON_PRONOUNS = {"he": "m", "she": "f"}
_POSSESSIVE_GENDER = {"his": "m", "himself": "m", "her": "f", "hers": "f", "herself": "f"}
_HONORIFIC_GENDER = {"mr": "m", "mr.": "m", "sir": "m", "ms": "f", "ms.": "f", "mrs": "f",
                     "mrs.": "f", "madam": "f", "dame": "f", "miss": "f"}
# Mention kinds that name the actor itself; a demonym ("Turkish") only describes something.
# Nouns for an official of the other side, who stand for a person with a country given.
COUNTERPART_NOUNS = frozenset({"counterpart"})
_NAMING_KINDS = frozenset({"name", "title", "acronym", "capital"})


@dataclass(frozen=True)
class SpeechLexicon:
    """Lemmas of the speech lexicon by class (see speech_verbs.tsv): single-word lemmas,
    and phrasal ones as (verb, particle) pairs."""

    words: Mapping[str, str]
    phrasal: Mapping[tuple[str, str], str]
    officials: frozenset[str] = frozenset()

    def cue_class(self, token: Token) -> str | None:
        """The class of `token` as a speech cue ("say", "direct", "source", "act"), or None."""
        return self.cue_class_at(token.doc, token.i)

    def cue_class_at(self, doc: Doc, i: int) -> str | None:
        """`cue_class` of token i, read from the token table and asked once per token."""
        memo = doc.user_data.get("dragoman_cue_classes")
        if memo is None or memo[0] is not self:
            memo = doc.user_data["dragoman_cue_classes"] = (self, {})
        found = memo[1]
        if i not in found:
            found[i] = self._cue_class(token_table(doc), i)
        return found[i]

    def _cue_class(self, table: TokenTable, i: int) -> str | None:
        lower = table.lower[i]
        if lower == "according":
            return self.phrasal.get(("according", table.lower[i + 1])) if i + 1 < len(table.lower) else None
        if not (table.pos[i] in ("VERB", "AUX") or table.tag[i].startswith("VB")):
            return None
        lemma = table.lemma_lower[i]
        for child in table.children[i]:
            if table.dep[child] == "prt" and (lemma, table.lower[child]) in self.phrasal:
                return self.phrasal[(lemma, table.lower[child])]
        return self.words.get(lemma)

    def cue_positions(self, doc: Doc) -> list[int]:
        """Indices of the tokens of `doc` that `cue_class` may find a cue in (a superset:
        "according", and the lemmas of the lexicon), in text order. Computed once per doc."""
        cached = doc.user_data.get("dragoman_cue_positions")
        if cached is not None and cached[0] is self:
            return list(cached[1])
        table = token_table(doc)
        verbs = {verb for verb, _ in self.phrasal}
        found = [i for i, (lower, lemma) in enumerate(zip(table.lower, table.lemma_lower))
                 if lemma in self.words or lemma in verbs or lower == "according"]
        doc.user_data["dragoman_cue_positions"] = (self, found)
        return list(found)


@lru_cache(maxsize=1)
def speech_lexicon() -> SpeechLexicon:
    """The speech lexicon from `codebooks/data/speech_verbs.tsv`, read once."""
    words: dict[str, str] = {}
    phrasal: dict[tuple[str, str], str] = {}
    officials: set[str] = set()
    for lemma, cls in read_tsv("speech_verbs.tsv", 2):
        if cls not in LEXICON_CLASSES:
            raise DragomanError(f"codebooks/data/speech_verbs.tsv: {lemma!r}: class must be one of "
                                f"{', '.join(LEXICON_CLASSES)}, not {cls!r}")
        parts = lemma.lower().split()
        if cls == "official":
            officials.add(lemma.lower())
        elif len(parts) == 2:
            phrasal[(parts[0], parts[1])] = cls
        else:
            words[parts[0]] = cls
    return SpeechLexicon(MappingProxyType(words), MappingProxyType(phrasal), frozenset(officials))


@lru_cache(maxsize=1024)
def _office(lemma: str) -> str | None:
    """`office_lookup` of a lemma, asked once per lemma (the codebook does not change)."""
    return office_lookup(lemma)


def _specific_role(head: Token) -> str | None:
    """The office its compound modifiers make of a title noun: "investment minister" for
    "the kingdom's investment minister"; None when they add nothing to the bare noun."""
    words = [c for c in head.lefts if c.dep_ in ("compound", "amod") and c.i == head.i - 1]
    if not words:
        return None
    phrase = f"{words[0].lower_} {head.lower_}"
    role = _office(phrase)
    if role is not None and role != _office(head.lemma_):
        return role
    # not an office of the codebook: the title as written ("fisheries minister"), which the
    # actors keep among the roles of whoever holds it
    return phrase if words[0].pos_ in ("NOUN", "PROPN") else None


def subject_of(token: Token) -> Token | None:
    """The nominal subject of verb `token`, if the parse gives one; of two (a parse error:
    "A, many of them B, he said"), the one nearer the verb."""
    subjects = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")]
    return min(subjects, key=lambda c: abs(c.i - token.i)) if subjects else None


def has_subject(token: Token) -> bool:
    return any(c.dep_ in SUBJECT_DEPS for c in token.children)


def gender_evidence(doc: Doc, persons: set[str]) -> dict[str, str]:
    """What the article shows of each person's gender: entity id -> "m" or "f".

    Evidence: an honorific before a name ("Ms Mutua"), "X, for her part,", and the first
    his/her in the clause a person is the subject of ("Hoffmann held talks with her Uzbek
    counterpart"), unless another person is named before it. Conflicting evidence leaves
    the person without a gender.
    """
    spans = []
    for m in doc._.mentions or []:
        if m.entity_id in persons:
            span = _expand(doc, m.start, m.end)
            if span is not None:
                spans.append((m, span))
    votes: dict[str, set[str]] = {}
    others_of: dict[str, set[int]] = {}  # entity id -> tokens of the other people's mentions
    for m, span in spans:
        if m.kind != "name":
            continue
        others = others_of.get(m.entity_id)
        if others is None:
            others = others_of[m.entity_id] = {t for m2, s2 in spans if m2.entity_id != m.entity_id
                                               for t in range(s2.start, s2.end)}
        vote = _name_gender(doc, span.start, span.end, others)
        if vote:
            votes.setdefault(m.entity_id, set()).add(vote)
    return {eid: next(iter(vs)) for eid, vs in votes.items() if len(vs) == 1}


class _Tokens(NamedTuple):
    """Tokens [start, end) of a doc."""

    start: int
    end: int


def _expand(doc: Doc, start: int, end: int) -> _Tokens | None:
    """`doc.char_span(start, end, alignment_mode="expand")` as its token range, found by
    bisection over the token table (a Span only where the table cannot tell)."""
    table = token_table(doc)
    first, last = _token_by_char(table, start), _token_by_char(table, end - 1)
    if first < 0 or last < 0:
        return None
    if start == table.end[first]:  # the trailing space is not part of the token
        first += 1
    if first > last:  # an empty range: let spaCy decide
        span = doc.char_span(start, end, alignment_mode="expand")
        return None if span is None else _Tokens(span.start, span.end)
    return _Tokens(first, last + 1)


def _token_by_char(table: TokenTable, char: int) -> int:
    """The token whose text or trailing space holds character `char`, or -1 (spaCy's
    `token_by_char`)."""
    i = bisect.bisect_right(table.idx, char) - 1
    if i < 0 or char >= table.end[i] + table.space_after[i]:
        return -1
    return i


def _name_gender(doc: Doc, start: int, end: int, others: set[int]) -> str | None:
    """Gender shown around one name at tokens [start, end); `others`: tokens of other people."""
    table = token_table(doc)
    if start > 0 and table.lower[start - 1] in _HONORIFIC_GENDER:
        return _HONORIFIC_GENDER[table.lower[start - 1]]
    window = table.lower[end:end + 4]
    if len(window) == 4 and window[0] == "," and window[1] == "for" and window[3] == "part":
        return _POSSESSIVE_GENDER.get(window[2])
    if table.dep[end - 1] != "nsubj":
        return None
    verb = table.head[end - 1]
    embedded = {j for c in table.children[verb] if table.dep[c] in ("ccomp", "parataxis")
                for j in table.subtree_set(c)}
    for j in table.subtree(verb):
        if j < end or j in embedded:
            continue
        if j in others:
            return None
        lower = table.lower[j]
        if lower in _POSSESSIVE_GENDER and (table.tag[j] == "PRP$" or lower.endswith("self")):
            return _POSSESSIVE_GENDER[lower]
    return None


@dataclass
class SpeakerResolver:
    """Resolves subjects to entity ids, keeping the focus of the article as it is read.

    Call `note(char, entity_id)` in text order for every person who becomes the focus
    (a statement's speaker, a main clause's subject); `pronoun(token)` then picks the most
    recent one of a compatible gender.
    """

    doc: Doc
    officials: frozenset[str] = frozenset()
    entities: dict[str, Entity] = field(default_factory=dict)
    gender: dict[str, str] = field(default_factory=dict)
    focus: list[tuple[int, str]] = field(default_factory=list)
    _memo: dict[int, str | None] = field(default_factory=dict)

    @classmethod
    def for_doc(cls, doc: Doc, lexicon: SpeechLexicon | None = None) -> SpeakerResolver:
        """A resolver for `doc` (actors already run); lexicon: gives the nouns that stand
        for an official ("the Kazakh diplomat")."""
        entities = entity_by_id(doc)
        persons = {e.id for e in entities.values() if e.kind == "person"}
        officials = (lexicon or speech_lexicon()).officials
        return cls(doc, officials, entities, gender_evidence(doc, persons))

    def is_person(self, eid: str | None) -> bool:
        return eid is not None and eid in self.entities and self.entities[eid].kind == "person"

    def note(self, char: int, eid: str | None) -> None:
        """`eid` is in focus from character `char` on (people only)."""
        if self.is_person(eid):
            self.focus.append((char, eid))  # type: ignore[arg-type]

    def pronoun(self, token: Token) -> str | None:
        """The person a he/she pronoun at `token` stands for, or None."""
        want = PERSON_PRONOUNS.get(token.lower_)
        if want is None:
            return None
        for char, eid in reversed(self.focus):
            if char >= token.idx:
                continue
            if self.gender.get(eid, want) == want:
                self.gender.setdefault(eid, want)
                return eid
        return None

    def subject(self, token: Token, lo: int = 0, hi: int | None = None) -> str | None:
        """The entity the subject phrase headed by `token` names, once per token.
        lo/hi: characters the subject must lie within (the statement's paragraph)."""
        if token.i not in self._memo:
            hi = len(doc_text(self.doc)) if hi is None else hi
            self._memo[token.i] = (self._resolve(token) if lo <= token.idx < hi else None)
        return self._memo[token.i]

    def _resolve(self, token: Token) -> str | None:
        if token.lower_ in PERSON_PRONOUNS:
            return self.pronoun(token)
        if token.pos_ == "PRON":
            return None
        covering = self.mentions_at(token)
        if covering and covering[0].kind == "title" and self._ambiguous_title(token):
            return self.office_holder(token) or covering[0].entity_id
        if covering:
            return covering[0].entity_id
        return self.phrase_entity(token) or self.office_holder(token)

    def _ambiguous_title(self, head: Token) -> bool:
        """"the minister" with no country, when several people hold such an office: the
        person in focus is meant, not the one the title happens to follow."""
        role = _office(head.lemma_) if head.tag_ == "NN" else None
        if role is None or self._countries_in(head):
            return False
        holders = [e for e in self.entities.values() if e.kind == "person"
                   and any(role in r.split() or role == r for r in e.roles)]
        return len(holders) > 1

    def office_holder(self, head: Token) -> str | None:
        """"the Emirati minister added", "the Kazakh diplomat said" when the actors left the
        phrase unlinked: the person in focus most recently whose roles and country fit it.
        A noun that names no office ("diplomat", "official") needs the country."""
        if head.tag_ != "NN":  # "the ministers": no one
            return None
        role = _office(head.lemma_)
        if role is None and head.lemma_.lower() not in self.officials | COUNTERPART_NOUNS:
            return None  # ("his Jordanian counterpart said": the Jordanian named before)
        countries = self._countries_in(head)
        specific = _specific_role(head)  # "the kingdom's investment minister"
        if role is None and not countries:
            return None
        def fits(ent: Entity) -> bool:
            return (not countries or ent.country in countries) and (
                role is None or any(role in r.split() or role == r for r in ent.roles))

        for _, eid in reversed(self.focus):
            if fits(self.entities[eid]):
                return eid
        # Nobody in focus fits: the only person of that country the article names, or the
        # only one holding that particular office (named later: a lead's "..., the
        # investment minister said" before "Investment Minister X" in the next paragraph).
        only = [e.id for e in self.entities.values() if e.kind == "person" and fits(e)]
        if countries:
            return only[0] if len(only) == 1 else None
        holders = [e.id for e in self.entities.values() if e.kind == "person"
                   and specific is not None and specific in e.roles]
        return holders[0] if len(holders) == 1 else None

    def _countries_in(self, head: Token) -> set[str]:
        """Country codes named in the phrase of `head` ("the Kazakh diplomat": KAZ)."""
        return {self.entities[m.entity_id].code for t in head.subtree  # type: ignore[misc]
                for m in self.mentions_at(t, naming=False)
                if self._kind(m.entity_id) == "country" and self.entities[m.entity_id].code}

    def mentions_at(self, token: Token, naming: bool = True) -> list[Mention]:
        """Mentions covering `token`, people first, then organisations, then the rest;
        naming: only those that name the actor (not a demonym describing something)."""
        char = token.idx
        # (the mentions covering `char` that lie within 200 characters of it either side)
        hits = [m for m in mentions_covering(self.doc, char)
                if m.start >= char - 200 and m.end <= char + 200
                and (m.kind in _NAMING_KINDS or not naming)]
        order = {"person": 0, "organization": 1, "country": 2, "place": 3}
        return sorted(hits, key=lambda m: (order.get(self._kind(m.entity_id), 9), m.end - m.start))

    def _kind(self, eid: str) -> str:
        ent = self.entities.get(eid)
        return ent.kind if ent else ""

    def phrase_entity(self, head: Token) -> str | None:
        """A person named in the subject phrase of `head` ("Venezuela's foreign minister, Rafael
        Quintero,"), or else an organisation ("a statement from the Foreign Ministry"). Not a
        person of a relative clause, a prepositional phrase or a possessive: "a spokesman for
        Fidan" and "Fidan's aide" are not Fidan."""
        skip = {t.i for c in head.children if c.dep_ in ("relcl", "acl", "conj") for t in c.subtree}
        # A capitalised title before a name ("Minister for Foreign Trade Pieter van Dijk") is
        # that person's, even where the parser took the name for the object of "for".
        formal = head.text[:1].isupper() and _office(head.lemma_) is not None
        aside: set[int] = set()
        for tok in head.subtree:
            for child in tok.children:
                if child.dep_ == "poss" or child.dep_ == "prep" and not formal:
                    aside.update(t.i for t in child.subtree)
        for kind, excluded in (("person", skip | aside), ("organization", skip)):
            for t in head.subtree:
                if t.i in excluded:
                    continue
                for m in self.mentions_at(t):
                    if self._kind(m.entity_id) == kind:
                        return m.entity_id
        return None

    def nearest(self, lo: int, hi: int, before: int) -> str | None:
        """Fallback when the parse gives no usable subject: the last person named in
        characters [lo, before), else the first in [before, hi) ("said Fidan")."""
        people = [m for m in mentions_between(self.doc, lo, hi)
                  if self.is_person(m.entity_id) and m.kind in _NAMING_KINDS]
        earlier = [m for m in people if m.end <= before]
        if earlier:
            return earlier[-1].entity_id
        later = [m for m in people if m.start >= before]
        return later[0].entity_id if later else None
