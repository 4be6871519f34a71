"""Which way an event points: the giver as source, the receiver as target, and targets and
venues the parse hangs one word too low.

The argument finder (`eventargs`) reads the subject as the source, which is right for "Japan
lent Kenya ..." but backwards for "Kenya secured a loan from Japan" and "Kenya was granted a
loan by Japan"; charts of who does what to whom need the lender as source. `orient` turns
such arguments round, using the word lists of `codebooks/data/events_direction.tsv`:

- receive verbs: "X received/obtained/secured a loan, a visit, an invitation from Y" is Y's
  act towards X (CAMEO's convention: a transfer's source is the giver);
- bestow verbs in the passive: "X was granted/awarded/offered a loan by Y";
- aimed types: "duties on Chinese steel", "sanctions on Russian banks" are aimed at the
  country the modifier names;
- topic prepositions: "talks on migration in Rabat" were held in Rabat, when the place is a
  city of the place codebook in the country of one of the event's actors.
"""
from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Doc, Token

from dragoman import codebooks
from dragoman.codebooks._tables import read_tsv
from dragoman.errors import DragomanError
from dragoman.nlp.eventargs import LOCATION_PREPS, PEOPLE_NOUNS, Args, ArgFinder, _add, passive
from dragoman.nlp.eventrules import Trigger, noun_governor
from dragoman.nlp.eventstatus import lemma

DIRECTION_FILE = "events_direction.tsv"
KINDS = frozenset({"receive", "bestow", "aimed", "aimed_prep", "topic_prep"})
# The CAMEO code of hosting a visit: its source is the host, so the place is the host's.
HOST_CAMEO = "043"
# Dependencies by which a phrase names who is concerned: "Chinese steel", "Russia's banks".
MODIFIER_DEPS = frozenset({"amod", "compound", "poss", "nmod"})


@lru_cache(maxsize=1)
def direction_words() -> dict[str, frozenset[str]]:
    """The words of events_direction.tsv by kind (see the file's header)."""
    out: dict[str, set[str]] = {kind: set() for kind in KINDS}
    for kind, word in read_tsv(DIRECTION_FILE, 2):
        if kind not in KINDS:
            raise DragomanError(f"codebooks/data/{DIRECTION_FILE}: unknown kind {kind!r} "
                                f"(expected one of {', '.join(sorted(KINDS))})")
        out[kind].add(word)
    return {kind: frozenset(words) for kind, words in out.items()}


def orient(trigger: Trigger, doc: Doc, finder: ArgFinder, args: Args) -> None:
    """Turn the arguments of one trigger the way the event points (see the module's doc)."""
    if trigger.is_noun:
        _received(trigger, doc, finder, args)
    _aimed_modifiers(trigger, doc, finder, args)
    home = _host_place(trigger, finder, args)
    if args.location is None:
        _topic_venue(trigger, doc, finder, args)
    if args.location is None:
        args.location = home


# --- giver and receiver ------------------------------------------------------------------

def _governor(trigger: Trigger, doc: Doc) -> Token | None:
    """The verb whose object the event noun is ("secured a loan", "$50 million in aid")."""
    verb, relation = noun_governor(doc[trigger.head])
    if verb is not None and relation == "object":
        return verb
    return doc[trigger.verb] if trigger.verb is not None and trigger.relation == "object" else None


def _from_objects(toks: list[Token]) -> list[Token]:
    """The objects of "from" under `toks` (and under a sum they govern: "$5 million ... from")."""
    out: list[Token] = []
    for tok in toks:
        for prep in (c for c in tok.children if c.dep_ == "prep" and c.lower_ == "from"):
            out.extend(o for o in prep.children if o.dep_ == "pobj")
    return out


def _received(trigger: Trigger, doc: Doc, finder: ArgFinder, args: Args) -> None:
    """"X secured a loan from Y" and "X was granted a loan by Y": Y is the source, X the target."""
    verb = _governor(trigger, doc)
    if verb is None:
        return
    words = direction_words()
    noun = doc[trigger.head]
    if passive(verb) and lemma(verb) in words["bestow"]:
        receivers = [i for c in verb.children if c.dep_ == "nsubjpass" and c.i not in trigger.tokens
                     for i in finder.phrase_entities(c)]
        _add(args.target, [finder.actor_for(i) for i in receivers if i not in args.source])
        return
    if passive(verb) or lemma(verb) not in words["receive"]:
        return
    sums = [c for c in verb.children if c.dep_ == "dobj" and c.i != noun.i]
    # the giver: "from Y", "by Y", "Y's loan", "Chinese aid"; a place named as the giver
    # stands for its country ("a loan from Beijing")
    named = [c for c in noun.children if c.dep_ in MODIFIER_DEPS and c.i not in trigger.tokens]
    named += [o for p in noun.children if p.dep_ == "prep" and p.lower_ == "by"
              for o in p.children if o.dep_ == "pobj"]
    givers = [g for g in (finder.actor_for(i) for o in _from_objects([noun, verb, *sums]) + named
                          for i in finder.phrase_entities(o)) if finder.kind(g) != "place"]
    receivers = [s for s in args.source if s not in givers]
    if not receivers:
        return
    others = [t for t in args.target if t not in givers and t not in receivers]
    args.source = givers
    args.target = receivers + others
    args.first_person = False  # "we received": the speaker is the target, not the doer


# --- targets carried by a modifier ------------------------------------------------------

def _aimed_modifiers(trigger: Trigger, doc: Doc, finder: ArgFinder, args: Args) -> None:
    """"imposed duties on Chinese steel": an event aimed at a party whose "on"-phrase names
    a thing of a country's; the country is the target."""
    words = direction_words()
    if trigger.term.plover not in words["aimed"]:
        return
    for tok in (doc[i] for i in trigger.tokens):
        for prep in (c for c in tok.children if c.dep_ == "prep" and c.lower_ in words["aimed_prep"]):
            for obj in (o for o in prep.children if o.dep_ == "pobj" and o.pos_ == "NOUN"):
                owners = [finder.actor_for(i) for i in _modifier_actors(obj, finder)]
                new = [i for i in owners if i not in args.source and i not in args.target]
                if new:
                    _add(args.target, new)
                    args.tokens.append(obj.i)


def _modifier_actors(tok: Token, finder: ArgFinder, depth: int = 2) -> list[str]:
    """Actors named by the modifiers of a common noun, through compounds ("Ukrainian grain
    imports"): countries, and organisations or people named as owners."""
    found: list[str] = []
    for child in tok.children:
        if child.dep_ not in MODIFIER_DEPS:
            continue
        own = finder._mention_entity(child)
        if own and finder.kind(own) != "place":
            _add(found, [own])
        elif own is None and depth > 1 and child.pos_ == "NOUN":
            _add(found, _modifier_actors(child, finder, depth - 1))
    return found


# --- places -----------------------------------------------------------------------------

def _host_place(trigger: Trigger, finder: ArgFinder, args: Args) -> str | None:
    """"X received Y": a hosted visit takes place in the host's country, not the guest's (the
    argument finder falls back on the target for visits). Clears such a place and returns
    the host's country, for want of a city named."""
    loc = args.location
    if trigger.term.cameo != HOST_CAMEO or loc is None or finder.kind(loc) != "country":
        return None
    hosts = {finder.country_of(s) for s in args.source}
    if loc not in args.target or finder.country_of(loc) in hosts:
        return None
    args.location = None
    return next((h for h in (finder.country_entity(c) for c in hosts if c) if h), None)


def receives_thing(trigger: Trigger, doc: Doc, finder: ArgFinder) -> bool:
    """"Peru received an investment of $2 billion from Korea", "received weapons from Iran":
    a hosting verb whose object is a thing, with no one in it, hosts no visit."""
    if trigger.is_noun or trigger.term.cameo != HOST_CAMEO:
        return False
    verb = doc[trigger.head]
    if passive(verb):
        return False
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    return bool(objects) and all(o.pos_ == "NOUN" and finder._mention_entity(o) is None
                                 and not any(_someone(t, finder) for t in o.subtree) for o in objects)


def _someone(tok: Token, finder: ArgFinder) -> bool:
    """A word for people ("the ambassador") or a person's name."""
    eid = finder._mention_entity(tok)
    return lemma(tok) in PEOPLE_NOUNS or (eid is not None and finder.kind(eid) == "person")


def _topic_venue(trigger: Trigger, doc: Doc, finder: ArgFinder, args: Args) -> None:
    """"resumed talks on the dam in Cairo", "was received by X in Canberra": a city the parse
    hangs on the topic or on an actor, in the country of one of the event's actors."""
    if trigger.term.plover != "CONSULT":
        return
    words = direction_words()
    heads = [doc[i] for i in trigger.tokens]
    if trigger.verb is not None:
        heads.append(doc[trigger.verb])
    hosts = [doc[i] for i in args.tokens] + [
        o for h in heads for c in h.children if c.dep_ == "agent" for o in c.children if o.dep_ == "pobj"]
    topics = [o for h in heads for p in h.children if p.dep_ == "prep" and p.lower_ in words["topic_prep"]
              for o in p.children if o.dep_ == "pobj" and o.pos_ == "NOUN"]
    countries = {finder.country_of(i) for i in args.source + args.target}
    for tok in hosts + topics:
        for prep in (c for c in tok.children if c.dep_ == "prep" and c.lower_ in LOCATION_PREPS):
            for obj in (o for o in prep.children if o.dep_ == "pobj"):
                place = finder.place_of(obj)
                if (place and finder.kind(place) == "place" and finder.country_of(place) in countries
                        and codebooks.place_lookup(finder.entities[place].name) is not None):
                    args.location = place
                    args.tokens.append(obj.i)
                    return
