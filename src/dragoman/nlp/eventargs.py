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
from dragoman.nlp.eventrules import LIGHT_VERBS, Trigger, is_speech, noun_governor
from dragoman.nlp.eventrefs import (body_named_before, is_company, is_programme, named_before,
                                    office_holders, state_title, title_index)
from dragoman.nlp.eventstatus import MEETING_MODES, lemma, meeting_clauses
from dragoman.nlp.extensions import entity_by_id, mention_at

FIRST_PERSON = frozenset({"i", "we", "me", "us", "my", "our", "ours", "myself", "ourselves"})
THIRD_SINGULAR = frozenset({"he", "she", "him", "her", "his", "hers", "himself", "herself"})
THIRD_PLURAL = frozenset({"they", "them", "their", "theirs", "themselves"})
NEUTER = frozenset({"it", "its", "itself"})
# "both sides", "the two ministers", "the two countries": the two sides of the exchange.
GROUP_NOUNS = frozenset({"side", "country", "minister", "leader", "party", "nation", "government",
                         "delegation", "president", "counterpart", "state", "official"})
# Of these, the groups that are the two countries rather than their representatives.
COUNTRY_GROUP_NOUNS = frozenset({"country", "nation", "state", "government"})
GROUP_MARKERS = frozenset({"both", "two", "each", "the", "their"})
# Words before a joint body that make it the two sides': "the commission", "an
# intergovernmental commission".
JOINT_MARKERS = frozenset({"the", "their", "our", "its", "joint", "intergovernmental", "bilateral"})
# Bodies both sides sit on: "the committee would meet again", "the commission".
JOINT_BODIES = frozenset({"committee", "commission", "council", "group", "delegation", "team",
                          "panel", "session", "dialogue"})
# Subjects that are no state actor: their investments are figures (claims), not events.
NON_STATE_HEADS = frozenset({"company", "firm", "business", "investor", "exporter", "importer",
                             "corporation", "enterprise", "manufacturer", "producer", "trader",
                             "businessman", "entrepreneur", "shipment", "price", "trade", "export",
                             "import", "market", "economy"})
RELATIVE_PRONOUNS = frozenset({"who", "whom", "which", "that", "whose"})
# Verbs whose "to"-complement is done by the subject even when they have an object
# ("promised X to ..."); after others, the object does it ("invited X to visit").
SUBJECT_CONTROL_VERBS = frozenset({"promise", "pledge", "vow"})
INVITATION_NOUNS = frozenset({"invitation", "invite"})
# Children through which a noun phrase names its actor: "Türkiye's successes",
# "the Georgian government", "his Kazakh counterpart Murat Nurtleu".
ACTOR_CHILD_DEPS = frozenset({"poss", "compound", "amod", "appos", "nmod", "npadvmod", "nummod"})
TARGET_PREPS = frozenset({"with", "against"})
# Prepositions that name a target only when their object is itself a named actor:
# "sanctions on Russia", "support for Ukraine", "recalled its ambassador from Caracas".
NAMED_TARGET_PREPS = frozenset({"to", "on", "for", "toward", "towards", "upon", "from"})
LOCATION_PREPS = frozenset({"in", "at"})
VISIT_MODES = frozenset({"visit"})
# Meeting verbs whose object must be someone: "meet standards" is no meeting.
MEETING_VERBS = frozenset({"meet", "receive", "host"})
# Objects of meeting verbs that stand for people without naming them.
PEOPLE_NOUNS = frozenset({"delegation", "counterpart", "minister", "president", "leader", "official",
                          "envoy", "ambassador", "people", "representative", "guest", "visitor",
                          "premier", "chancellor", "king", "prince", "emir", "secretary"})


@dataclass
class Args:
    """Entity ids found for one trigger. first_person: the subject was "I"/"we" (the
    speaker's counterpart may be added as target); unknown: the subject names no actor
    ("a shipment would arrive"); non_state: no event between states at all — the
    subject is a company or a figure ("Indian firms had invested"), or a meeting verb's
    object is a thing ("meet standards"); tokens: the argument words, for the span."""

    source: list[str] = field(default_factory=list)
    target: list[str] = field(default_factory=list)
    location: str | None = None
    first_person: bool = False
    unknown: bool = False
    non_state: bool = False
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
        self._titles: dict[str, list[str]] | None = None  # "kingdom" -> country ids, on first use

    # --- entities of a phrase ---------------------------------------------------------

    def kind(self, eid: str) -> str:
        return self.entities[eid].kind

    def country_of(self, eid: str) -> str | None:
        e = self.entities.get(eid)
        if e is None:
            return None
        return e.code if e.kind == "country" else e.country

    def _mention_entity(self, tok: Token) -> str | None:
        """The actor `tok` names: the entity of its mention (not a programme named after a
        year, "Vision 2030"), or the country or body a definite noun stands for ("the
        kingdom", "the council")."""
        m = mention_at(self.doc, tok.idx)
        if m and m.entity_id in self.entities:
            return None if is_programme(self.entities[m.entity_id]) else m.entity_id
        return state_title(self, tok) or body_named_before(self, tok)

    def titles(self) -> dict[str, list[str]]:
        """`eventrefs.title_index` of this article's countries, built on first use."""
        if self._titles is None:
            self._titles = title_index(self.entities)
        return self._titles

    def phrase_entities(self, tok: Token, depth: int = 2) -> list[str]:
        """The actors a noun phrase headed by `tok` names, with its conjuncts: the entity the
        head is a mention of, else entities named in its modifiers (persons before
        countries: "his Kazakh counterpart Murat Nurtleu" is the person)."""
        ids: list[str] = []
        own = self._mention_entity(tok)
        if own:
            ids.append(own)
        elif tok.lower_ in RELATIVE_PRONOUNS and tok.tag_ in ("WP", "WDT", "WP$"):
            ids.extend(self.antecedent(tok, depth))
        elif tok.pos_ == "PRON" or tok.lower_ in FIRST_PERSON | THIRD_PLURAL:
            ids.extend(self.resolve_pronoun(tok))
        else:
            found = self._modifier_entities(tok, depth)
            people = [i for i in found if self.kind(i) in ("person", "organization")]
            ids.extend(people or found)
            if not ids:
                ids.extend(self.group_entities(tok))
        for child in tok.children:
            if child.dep_ == "conj" or (child.dep_ == "appos" and any(c.dep_ == "conj" for c in child.children)):
                # "the US, Russia and Switzerland": a list the parser may read as an apposition
                _add(ids, self.phrase_entities(child, depth))
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
                elif child.lower_ == "whose":
                    _add(ids, self.antecedent(child, depth - 1))
                elif child.lower_ in FIRST_PERSON | THIRD_SINGULAR | THIRD_PLURAL and child.dep_ == "poss":
                    _add(ids, self.resolve_pronoun(child))
                else:
                    _add(ids, self._modifier_entities(child, depth - 1))
            elif child.dep_ == "prep" and child.lower_ in ("of", "from"):
                for obj in child.children:
                    if obj.dep_ == "pobj":
                        _add(ids, self.phrase_entities(obj, depth - 1))
        return ids

    @staticmethod
    def _is_group(tok: Token) -> bool:
        """"the two ministers", "both sides", "the leaders", "the two countries' leaders"."""
        before = [c for c in tok.subtree if c.i < tok.i]
        if any(c.like_num and c.lower_ not in ("two", "2") for c in before):
            return False  # "the five Central Asian states" are not the two sides
        return lemma(tok) in GROUP_NOUNS and tok.tag_ in ("NNS", "NNPS") and any(
            c.lower_ in GROUP_MARKERS for c in before)

    def antecedent(self, tok: Token, depth: int) -> list[str]:
        """"Danjuma, who held talks": the noun a relative clause hangs on."""
        clause = next((a for a in tok.ancestors if a.dep_ in ("relcl", "acl")), None)
        if clause is None or clause.head.i == clause.i:
            return []
        return self.phrase_entities(clause.head, depth)

    def group_entities(self, tok: Token) -> list[str]:
        """A group or joint body with no name of its own: the two sides."""
        if self._is_group(tok):
            owners = [c for c in tok.subtree if c.i < tok.i] + [
                o for p in tok.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children]
            countries = any(lemma(c) in COUNTRY_GROUP_NOUNS for c in [tok, *owners])
            if countries:
                return self.two_sides(tok, countries=True)
            return office_holders(self, tok) or named_before(self, tok) or self.two_sides(tok)
        if lemma(tok) in JOINT_BODIES and tok.tag_ in ("NN", "NNP") and any(
                c.lower_ in JOINT_MARKERS for c in tok.lefts):
            return self.two_sides(tok)
        return []

    # --- speakers, pronouns, counterparts -----------------------------------------------

    def speaker_at(self, tok: Token) -> str | None:
        """The speaker of the quote (direct or reported) that contains `tok`, if known."""
        inside = [q for q in self.quotes if q.span[0] <= tok.idx < q.span[1]]
        if inside:
            return min(inside, key=lambda q: q.span[1] - q.span[0]).speaker
        cur = tok
        for _ in range(12):  # no quotes component: the subject of a speech verb above
            if cur.head.i == cur.i:
                break
            if cur.dep_ in ("ccomp", "parataxis") and is_speech(cur.head):
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

    def two_sides(self, tok: Token, countries: bool = False) -> list[str]:
        """"they", "both sides": the speaker and the speaker's counterpart, else the two most
        named persons of different countries, else the two most named countries
        (`countries`: straight to the countries, for "the two countries")."""
        speaker = None if countries else self.speaker_at(tok)
        if speaker:
            return [speaker, *self.counterpart(speaker)]
        ranked = [i for i, _ in self.counts.most_common() if i in self.entities]
        for kind in (("country",) if countries else ("person", "country")):
            first = next((i for i in ranked if self.kind(i) == kind and self.country_of(i)), None)
            if first:
                second = next((i for i in ranked if self.kind(i) == kind and self.country_of(i)
                               and self.country_of(i) != self.country_of(first)), None)
                if second:
                    return [first, second]
        return []

    def actor_for(self, eid: str) -> str:
        """A place named as an actor ("from Caracas") stands for its country, when named."""
        if self.kind(eid) == "place":
            return self.country_entity(self.country_of(eid)) or eid
        return eid

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


# --- the arguments of a trigger ------------------------------------------------------------

def _finite_past_conjunct(verb: Token) -> bool:
    """"X said the committee would meet again, and thanked Y": a past-tense conjunct of a
    verb in another tense belongs with the verb above ("said"), whatever the parser says."""
    head = verb.head
    return verb.dep_ == "conj" and verb.tag_ == "VBD" and (
        head.tag_ != "VBD" or any(c.dep_ == "aux" and c.tag_ == "MD" for c in head.children))


def subjects(verb: Token, finder: ArgFinder, args: Args) -> None:
    """The verb's subject as the event's source, looking up through "to"-complements,
    conjuncts and participles ("Türkiye will continue to support": Türkiye)."""
    cur = verb
    for _ in range(6):
        # above the trigger, a raising verb's passive subject: "X is scheduled to visit"
        deps = ("nsubj",) if cur is verb else ("nsubj", "nsubjpass")
        subj = [c for c in cur.children if c.dep_ in deps] or _controller(cur)
        if subj:
            for s in subj:
                _subject(s, verb, finder, args)
            args.first_person = any(s.lower_ in ("i", "we") for s in subj)
            return
        if _finite_past_conjunct(cur):
            head = cur.head
            while head.dep_ in ("xcomp", "conj", "advcl") and head.head.i != head.i:
                head = head.head
            if head.dep_ == "ccomp":
                cur = head.head
                continue
        if cur.dep_ in ("xcomp", "conj", "advcl", "pcomp", "prep", "pobj", "acomp") and cur.head.i != cur.i:
            cur = cur.head
            continue
        return


def _subject(s: Token, verb: Token, finder: ArgFinder, args: Args) -> None:
    """One subject of the event: its actors as source, or a mark that it is no state actor
    ("Emirati companies have invested", "the certainty investors say they ask for", "SOCAR
    plans to invest") or names no actor at all ("a shipment would arrive")."""
    if lemma(s) in NON_STATE_HEADS or _non_state_pronoun(s):
        args.non_state = True
        return
    ids = _dateline_person(s, finder, finder.phrase_entities(s))
    if ids and all(is_company(finder.entities[i]) for i in ids):
        args.non_state = True
        return
    _add(args.source, ids)
    _add(args.source, _home_country(s, finder, ids))
    if s.sent == verb.sent:
        args.tokens.append(s.i)
    if not ids and s.pos_ in ("NOUN", "PROPN") and lemma(s) not in JOINT_BODIES:
        args.unknown = True  # a joint body may meet with no actor named ("a commission will meet")


def _home_country(s: Token, finder: ArgFinder, ids: list[str]) -> list[str]:
    """"the German development bank KfW": the country an organisation of no known country
    acts for, named by a modifier of the subject itself."""
    if len(ids) != 1 or finder.kind(ids[0]) != "organization" or finder.country_of(ids[0]):
        return []
    found = [finder._mention_entity(c) for c in s.subtree if c.i < s.i and c.dep_ in ("amod", "compound")]
    return [i for i in found if i and finder.kind(i) == "country"][:1]


def _controller(verb: Token) -> list[Token]:
    """The doer of a verb without a subject of its own: the object of an object-control
    verb ("invited X to visit": X), the guest of an invitation ("an invitation to the
    Kenyan president to visit"), the noun a finite verb was misparsed as modifying ("The
    two ministers condemned ..." read as "ministers [who were] condemned")."""
    head = verb.head
    if head.i == verb.i:
        return []
    if verb.dep_ == "acl" and verb.tag_ == "VBD" and head.dep_ == "ROOT":
        return [head]
    if verb.dep_ == "xcomp" and lemma(head) not in SUBJECT_CONTROL_VERBS:
        return [c for c in head.children if c.dep_ == "dobj"]
    if verb.dep_ == "acl" and lemma(head) in INVITATION_NOUNS:
        guests = [o for p in head.children if p.dep_ == "prep" and p.lower_ == "to"
                  for o in p.children if o.dep_ == "pobj"]
        if not guests and head.dep_ == "dobj" and lemma(head.head) == "accept":
            # "accepted the invitation to visit Jakarta": who accepts comes
            guests = [c for c in head.head.children if c.dep_ == "nsubj"]
        return guests
    return []


def _non_state_pronoun(s: Token) -> bool:
    """"they" after a plural noun that is no state actor: "investors want the certainty
    they have been asking for"."""
    if s.lower_ not in ("they", "them"):
        return False
    before = [t for t in s.sent if t.i < s.i and t.tag_ in ("NNS", "NNPS")]
    return bool(before) and lemma(before[-1]) in NON_STATE_HEADS


def _dateline_person(s: Token, finder: ArgFinder, ids: list[str]) -> list[str]:
    """"BAGHDAD, Iraq (AA) – Iranian Foreign Minister X on Thursday accused": a dateline the
    parser takes for the subject, with the person in apposition; the person."""
    if not ids or any(finder.kind(i) not in ("place", "country") for i in ids):
        return ids
    people = [i for c in s.children if c.dep_ == "appos" for i in finder.phrase_entities(c)
              if finder.kind(i) == "person"]
    return people or ids


def passive(verb: Token) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)


def prep_targets(tok: Token, finder: ArgFinder, args: Args) -> None:
    """Targets in the prepositions of `tok`: "with X", "against X", "sanctions on X"; and
    "talks between X and Y" names both sides as the source."""
    for prep in (c for c in tok.children if c.dep_ == "prep"):
        word = prep.lower_
        for obj in (c for c in prep.children if c.dep_ == "pobj"):
            if obj.ent_type_ in ("DATE", "TIME"):
                continue
            if word in TARGET_PREPS:
                _add(args.target, finder.phrase_entities(obj))
            elif word in NAMED_TARGET_PREPS and finder._mention_entity(obj):
                _add(args.target, [finder.actor_for(i) for i in finder.phrase_entities(obj)])
            elif word == "between":  # "talks between X and Y"; but "mediate between X and Y"
                _add(args.source if tok.pos_ in ("NOUN", "PROPN") else args.target,
                     finder.phrase_entities(obj))
            else:
                continue
            args.tokens.append(obj.i)


def locate(toks: list[Token], finder: ArgFinder, args: Args, visit: bool, depth: int = 1) -> None:
    """The first place named by "in X" / "at X" (and "to X" for visits) under `toks`, or
    under a venue that is no place ("at the strategic dialogue in Kuala Lumpur")."""
    for tok in toks:
        for prep in (c for c in tok.children if c.dep_ == "prep"):
            dates = [o for o in prep.children if o.dep_ == "pobj" and o.ent_type_ in ("DATE", "TIME")]
            if depth and dates:  # "scheduled for October in Lagos": the place hangs on the date
                locate(dates, finder, args, False, depth - 1)
            if prep.lower_ in LOCATION_PREPS or (visit and prep.lower_ == "to"):
                for obj in (c for c in prep.children if c.dep_ == "pobj"):
                    place = finder.place_of(obj)
                    if place and args.location is None:
                        args.location = place
                        args.tokens.append(obj.i)
                    elif depth and prep.lower_ in LOCATION_PREPS and obj.pos_ == "NOUN":
                        locate([obj], finder, args, False, depth - 1)


def noun_owners(noun: Token, skip: tuple[int, ...], finder: ArgFinder, args: Args) -> None:
    """Who an event noun belongs to: "Russia's invasion", "US sanctions", "the summit of
    the OTS", "a visit by the Czech minister"."""
    for c in noun.children:
        if c.dep_ in ("poss", "compound", "amod", "nmod") and c.i not in skip:
            _add(args.source, finder.phrase_entities(c))  # "Israeli tank shelling"
        elif c.dep_ == "prep" and c.lower_ in ("of", "by"):
            for obj in (o for o in c.children if o.dep_ == "pobj"):
                _add(args.source, [i for i in finder.phrase_entities(obj) if finder.kind(i) != "place"])
                args.tokens.append(obj.i)


def _visit_host(finder: ArgFinder, args: Args) -> None:
    """A visit to a place is a visit to the country it lies in."""
    if args.target or args.location is None:
        return
    code = finder.country_of(args.location)
    host = finder.country_entity(code)
    if host and code not in {finder.country_of(s) for s in args.source}:
        args.target.append(host)


def _passive_args(verb: Token, trigger: Trigger, finder: ArgFinder, args: Args) -> None:
    """"Y was condemned by X": the agent is the source, the subject the target."""
    for c in verb.children:
        if c.dep_ == "agent":
            for obj in (o for o in c.children if o.dep_ == "pobj"):
                _add(args.source, finder.phrase_entities(obj))
        elif c.dep_ == "nsubjpass" and c.i not in trigger.tokens:
            _add(args.target, finder.phrase_entities(c))


def _object_args(verb: Token, trigger: Trigger, finder: ArgFinder, args: Args) -> None:
    """The direct object as target ("congratulated Peru"), or its "with X" ("endorsed an
    agreement with the EU"); a meeting verb with a thing for object is no meeting."""
    for c in verb.children:
        if c.dep_ not in ("dobj", "dative") or c.i in trigger.tokens:
            continue
        ids = finder.phrase_entities(c)
        _add(args.target, [finder.actor_for(i) for i in ids])
        args.tokens.append(c.i)
        if ids:
            continue
        if lemma(verb) in MEETING_VERBS and lemma(c) not in PEOPLE_NOUNS and c.pos_ != "PRON":
            args.non_state = True  # "meet European standards", "received weapons"
        for prep in (p for p in c.children if p.dep_ == "prep" and p.lower_ in TARGET_PREPS):
            for obj in (o for o in prep.children if o.dep_ == "pobj"):
                _add(args.target, finder.phrase_entities(obj))


def _bodies_meeting(trigger: Trigger, doc: Doc) -> list[Token]:
    """The body a meeting is of, where its place may hang: "the next meeting of the
    commission in Mendoza"."""
    if trigger.term.mode not in MEETING_MODES:
        return []
    return [o for i in trigger.tokens if doc[i].pos_ == "NOUN" for p in doc[i].children
            if p.dep_ == "prep" and p.lower_ == "of" for o in p.children if o.dep_ == "pobj"]


def verb_args(trigger: Trigger, doc: Doc, finder: ArgFinder) -> Args:
    """Source, target and place of a verb trigger ("X met Y in Z", "Y was condemned by X")."""
    verb = doc[trigger.head]
    args = Args()
    if passive(verb):
        _passive_args(verb, trigger, finder, args)
    else:
        subjects(verb, finder, args)
        _object_args(verb, trigger, finder, args)
    objects = len(args.tokens)
    for i in trigger.tokens:
        tok = doc[i]
        if tok.pos_ == "ADP" and i != verb.i:  # "called on both countries", "stand with X"
            for obj in (o for o in tok.children if o.dep_ == "pobj"):
                _add(args.target, [finder.actor_for(e) for e in finder.phrase_entities(obj)])
                args.tokens.append(obj.i)
        if tok.pos_ == "ADJ" and i != verb.i:  # a small clause: "holds Chad responsible"
            # the one held so: the adjective's subject, or the object it was parsed as modifying
            held = [s for s in tok.children if s.dep_ == "nsubj"] + (
                [tok.head] if tok.dep_ == "amod" and tok.head.dep_ == "dobj" else [])
            for subj in held:
                ids = finder.phrase_entities(subj)
                _add(args.target, [finder.actor_for(e) for e in ids])
                args.tokens.append(subj.i)
                if not ids and subj.pos_ == "NOUN":
                    args.non_state = True  # "held smuggling gangs responsible": no state accused
        prep_targets(tok, finder, args)
        if i != verb.i and tok.pos_ == "NOUN" and not args.source:
            noun_owners(tok, trigger.tokens, finder, args)
    visit = trigger.term.mode in VISIT_MODES
    # a place under the object is its topic ("discussed the situation in Myanmar"), not the
    # venue; but what a meeting verb convenes meets there ("convene the commission in Rabat")
    first = 0 if trigger.term.mode in MEETING_MODES else objects
    locate([doc[i] for i in trigger.tokens] + [doc[i] for i in args.tokens[first:]]
           + _bodies_meeting(trigger, doc), finder, args, visit)
    if visit:
        if args.location is None:  # "visit Addis Ababa": the city, though the target is Ethiopia
            places = [i for c in verb.children if c.dep_ == "dobj" for i in finder.phrase_entities(c)]
            args.location = next((i for i in places + args.target
                                  if finder.kind(i) in ("place", "country")), None)
        _visit_host(finder, args)
    return args


def noun_args(trigger: Trigger, doc: Doc, finder: ArgFinder) -> Args:
    """Source, target and place of an event noun: the doer of its verb ("held talks",
    "said at a news conference") and its own modifiers ("the summit of the OTS", "talks
    with X", "talks between X and Y")."""
    noun = doc[trigger.head]
    args = Args()
    verb, relation = noun_governor(noun)
    if verb is not None and not passive(verb) and (
            relation == "prep" or (relation == "object" and lemma(verb) in LIGHT_VERBS)):
        subjects(verb, finder, args)
        if relation == "prep" and args.non_state:  # "companies will take part in the forum"
            args.non_state, args.source = False, []
    elif verb is not None and relation in ("prep", "object"):
        # "the deal was signed by X and Y", "was signed by X and Y after talks"
        for obj in (o for c in verb.children if c.dep_ == "agent" for o in c.children if o.dep_ == "pobj"):
            _add(args.source, finder.phrase_entities(obj))
    noun_owners(noun, trigger.tokens, finder, args)
    prep_targets(noun, finder, args)
    if verb is not None and relation == "object" and lemma(verb) in LIGHT_VERBS and not args.target:
        prep_targets(verb, finder, args)  # "approved a loan to Kenya" read as "approved ... to Kenya"
    participle = [doc[trigger.verb]] if trigger.verb is not None and doc[trigger.verb].dep_ == "acl" \
        and doc[trigger.verb].head.i == noun.i else []
    for part in participle:  # "sanctions imposed on X by Y", "the deal, signed in Nairobi"
        _passive_args(part, trigger, finder, args)
        prep_targets(part, finder, args)
    visit = trigger.term.mode in VISIT_MODES
    locate([noun] + participle + ([verb] if verb is not None and relation != "prep" else [])
           + [doc[i] for i in args.tokens] + _bodies_meeting(trigger, doc) + meeting_clauses(noun),
           finder, args, visit)
    if relation == "prep" and verb is not None and args.location is None:
        locate([verb], finder, args, False)
    if visit:
        _visit_host(finder, args)
    if args.source:
        args.unknown = False
    return args


def referenced_target(noun: Token, noun_type: str | None,
                      earlier: list[tuple[str, str, list[str]]]) -> list[str]:
    """"CARICOM condemned the detention", "rejected the protest": the object names an
    earlier event (same word, or an event noun of the same type); its doers are the
    target. earlier: (trigger lemmas, type, source) of the events so far."""
    word = lemma(noun)
    for lemmas, kind, source in reversed(earlier):
        if source and (word in lemmas.split() or kind == noun_type):
            return source
    return []
