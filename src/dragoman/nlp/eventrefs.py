"""How an event's phrase refers to an actor named elsewhere in the article.

"the kingdom" is the one country of the article whose official name says so; "the
council" the organisation named just before whose name ends in that word; "the two
foreign ministers" the persons holding that office; "the two leaders" the two persons
of two countries named just before in the sentence; a joint body's name joins the
countries it names ("the Türkiye-Azerbaijan Joint Economic Commission"). Some names
are no state actor: a company ("State Oil Company of ..."), a programme named after a
year ("Vision 2030"). "The ban" with no doer named is the ban of an event told before
(lifting it) or of the subject of the sentence before.

Used by `eventargs.ArgFinder`, whose entities, mentions and counts these read.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from spacy.tokens import Token

from dragoman import codebooks
from dragoman.model import Entity

if TYPE_CHECKING:
    from dragoman.nlp.eventargs import ArgFinder

# Head nouns that stand for a country named before by its style: "the kingdom".
STATE_TITLES = frozenset({"kingdom", "emirate", "sultanate", "principality", "republic", "federation",
                          "confederation", "commonwealth"})
# An "organisation" named after a year is a programme or an event, no actor: "Vision 2030".
PROGRAMME_NAME = re.compile(r"\b(?:19|20)\d\d$")
# Words in an organisation's name that make it a company (its investments are claims).
# ("Corporation" is left out: "International Finance Corporation" is a lender of aid.)
COMPANY_WORDS = frozenset({"company", "firm", "inc", "ltd", "plc", "holding", "holdings"})
# Group nouns whose members the article names with their roles ("the two foreign ministers"
# are the persons with the role "foreign minister").
OFFICE_NOUNS = frozenset({"minister", "president", "premier", "chancellor", "ambassador", "envoy", "leader"})
# Roles that make a person one of "the two leaders": heads of state or government.
LEADER_ROLES = ("president", "prime minister", "premier", "chancellor", "king", "emir", "sultan", "monarch")
# Nouns that name an act told before without saying which: "condemned the move".
ACT_NOUNS = frozenset({"measure", "move", "decision", "step", "action"})
# Types of the acts such a noun may stand for (not meetings or agreements of both sides).
ONE_SIDED_TYPES = frozenset({"COERCE", "SANCTION", "ASSAULT", "THREATEN", "REJECT", "RETREAT", "ACCUSE",
                             "REQUEST", "AID", "SUPPORT", "MOBILIZE", "PROTEST", "CONCEDE"})
# Words before a group noun that are not part of the office: "the two", "both".
NOT_OFFICE = frozenset({"both", "two", "each", "the", "their"})


def is_programme(entity: Entity) -> bool:
    """"Vision 2030", "Expo 2027": a name ending in a year."""
    return bool(PROGRAMME_NAME.search(entity.name))


def is_company(entity: Entity) -> bool:
    """An organisation whose name says it is a company ("State Oil Company of X")."""
    words = {w.strip(".,").lower() for w in entity.name.split()}
    return entity.kind == "organization" and bool(words & COMPANY_WORDS)


def title_index(entities: dict[str, Entity]) -> dict[str, list[str]]:
    """Each word of the names and official names of the article's countries (without a
    final "s"), with the ids of the countries it is in: "kingdom" -> [Saudi Arabia]."""
    codes = {e.code: e.id for e in entities.values() if e.kind == "country" and e.code}
    index: dict[str, list[str]] = {}
    for form in codebooks.country_forms():
        if form.code in codes and form.kind in ("name", "official"):
            for word in form.form.lower().split():
                ids = index.setdefault(word.rstrip("s"), [])
                if codes[form.code] not in ids:
                    ids.append(codes[form.code])
    return index


def state_title(finder: ArgFinder, tok: Token) -> str | None:
    """"the kingdom", "the emirate": the one country of the article whose name or official
    name has that word ("Kingdom of Saudi Arabia"), else None."""
    word = tok.lemma_.lower()
    if word not in STATE_TITLES or not any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
        return None
    found = finder.titles().get(word.rstrip("s"), [])
    return found[0] if len(found) == 1 else None


def body_named_before(finder: ArgFinder, tok: Token) -> str | None:
    """"the council" after "the United Nations Security Council": the organisation named
    last before whose name ends in the word, for a bare definite noun."""
    if tok.pos_ != "NOUN" or tok.tag_ != "NN":
        return None
    if [c.lower_ for c in tok.children if c.dep_ != "punct"] != ["the"]:
        return None
    word = tok.lower_
    for m in reversed([m for m in finder.mentions if m.end <= tok.idx]):
        e = finder.entities.get(m.entity_id)
        if e is not None and e.kind == "organization" and e.name.lower().split()[-1] == word:
            return e.id
    return None


def named_sides(finder: ArgFinder, eid: str) -> list[str]:
    """The countries a joint body's name joins ("Türkiye-Azerbaijan Joint Economic
    Commission", "Kazakh-Kyrgyz Intergovernmental Council"): two or more, else []."""
    e = finder.entities[eid]
    if e.kind != "organization":
        return []
    codes = [c for c in (codebooks.country_lookup(w) for w in re.split(r"[\s\-\u2013/]+", e.name)) if c]
    ids = [finder.country_entity(c) for c in dict.fromkeys(codes)]
    return [i for i in ids if i] if len(set(codes)) >= 2 else []


def office_holders(finder: ArgFinder, tok: Token) -> list[str]:
    """"the two foreign ministers", "the two presidents": the most named holders of that
    office from two countries; with one named, the other side's country; else []."""
    if tok.lemma_.lower() not in OFFICE_NOUNS:
        return []
    words = [c.lower_ for c in tok.children if c.dep_ in ("amod", "compound") and not c.like_num
             and c.lower_ not in NOT_OFFICE]
    office = " ".join([*words, tok.lemma_.lower()])
    holders: dict[str, str] = {}
    wanted = LEADER_ROLES if tok.lemma_.lower() == "leader" and not words else (office,)
    for eid in _by_recency(finder, tok):
        e = finder.entities.get(eid)
        if e is not None and e.kind == "person" and e.country and any(
                w in r for w in wanted for r in e.roles):
            holders.setdefault(e.country, eid)
    if len(holders) >= 2:
        return list(holders.values())[:2]
    if len(holders) == 1:
        (code, eid), = holders.items()
        others = [c for c in finder.two_sides(tok, countries=True) if finder.country_of(c) != code]
        return [eid, *others[:1]] if others else []
    return []


def _by_recency(finder: ArgFinder, tok: Token) -> list[str]:
    """Entity ids, the last named before `tok` first ("the two ministers" are the ministers
    of the sentences just before, not the leaders named most), then the rest by counts."""
    before = [m.entity_id for m in sorted(finder.mentions, key=lambda m: m.start, reverse=True)
              if m.end <= tok.idx]
    ranked = list(dict.fromkeys(before))
    return ranked + [i for i, _ in finder.counts.most_common() if i not in set(ranked)]


def named_before(finder: ArgFinder, tok: Token) -> list[str]:
    """"a call between X and Y, in which the two leaders agreed": two persons of two
    countries named earlier in the same sentence."""
    start = tok.sent.start_char
    found: dict[str | None, str] = {}
    for m in finder.mentions:
        if start <= m.start and m.end <= tok.idx and m.entity_id in finder.entities \
                and finder.kind(m.entity_id) == "person" and finder.country_of(m.entity_id):
            found.setdefault(finder.country_of(m.entity_id), m.entity_id)
    return list(found.values()) if len(found) == 2 else []


def earlier_doers(noun: Token, plover: str,
                  earlier: list[tuple[str, str, list[str]]]) -> tuple[list[str], bool]:
    """"The ban, imposed in April" after "Warsaw lifted its import ban": the doers of the
    last earlier event whose trigger has the noun's word, and whether that event is the
    noun's own (same type: "the deal" after "signed a deal" tells it again) rather than
    one about it (lifting the ban). earlier: (trigger lemmas, type, source) so far."""
    word = noun.lemma_.lower()
    for lemmas, kind, source in reversed(earlier):
        if source and word in lemmas.split():
            return list(source), kind == plover
    return [], False


def previous_subject(finder: ArgFinder, tok: Token) -> list[str]:
    """The states or persons that the main clause of the sentence before `tok`'s has for
    subject: "Slovakia kept its restrictions in place. The ban, introduced in January,
    ..." (Slovakia); [] when that subject names no state actor."""
    doc = tok.doc
    start = tok.sent.start
    while start > 0 and not doc[start - 1].sent.text.strip():
        start = doc[start - 1].sent.start  # a paragraph break may be a "sentence" of its own
    if start == 0:
        return []
    root = doc[start - 1].sent.root
    found = [i for c in root.children if c.dep_ == "nsubj" for i in finder.phrase_entities(c)]
    return [i for i in found if finder.kind(i) in ("country", "person")]


def act_doers(noun: Token, earlier: list[tuple[str, str, list[str]]], own: list[str]) -> list[str]:
    """"Ghana banned poultry from Togo. Lome condemned the measure": the doers of the last
    one-sided event told before by others, for a definite act noun that names nobody
    ("the move", "this decision"; not "Ghana's decision"). earlier: (trigger lemmas, type,
    source) of the events so far; own: the doers of the event whose object it is."""
    if noun.lemma_.lower() not in ACT_NOUNS or not any(
            c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in noun.children):
        return []
    for _, kind, source in reversed(earlier):
        if source and kind in ONE_SIDED_TYPES and not set(source) & set(own):
            return list(source)
    return []
