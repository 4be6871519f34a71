"""The actors component: countries, people, organisations and places of one article.

`dragoman_actors` runs after the statistical NER and corrects it with rules and
the codebooks, then resolves every mention to one entity per real-world actor:
surnames join full names, spelling variants join when nothing contradicts them,
title phrases ("the Turkish foreign minister") join the person they describe, and
"his Kazakh counterpart X" gives X the role of the person it refers to.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from dragoman import codebooks
from dragoman.model import Entity
from dragoman.nlp.extensions import Mention, register_extensions, token_table
from dragoman.nlp.geo import GeoHit, GeoLexicon, capital_is_place
from dragoman.nlp.names import fold, is_spelling_variant, name_keys, same_person_name
from dragoman.nlp.orgs import (COMPANY_SUFFIXES, ORG_HEADS, OrgHit, find_acronym_definitions, find_named_orgs,
                               find_orgs, org_key)
from dragoman.nlp.persons import (NameHit, OfficeLexicon, TitleHit, _is_name_token,
                                  find_people, particle_start)


@dataclass
class PersonDraft:
    """A person being assembled from name hits, titles and counterpart links."""

    hits: list[NameHit] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    country: str | None = None
    titles: list[TitleHit] = field(default_factory=list)
    literal_titles: list[str] = field(default_factory=list)  # "minister of investment", as written

    @property
    def name(self) -> str:
        return max(self.hits, key=lambda h: (h.end - h.start, len(h.text))).text

    @property
    def surname(self) -> str:
        return fold(self.name).split()[-1]

    def add_role(self, role: str | None) -> None:
        if role and role not in self.roles:
            self.roles.append(role)

    def first(self) -> int:
        return min([h.start for h in self.hits] + [t.start for t in self.titles])


def cluster_people(hits: list[NameHit]) -> list[PersonDraft]:
    """Group name hits into people: full names first, then shorter forms join the
    nearest earlier person whose name they can be a form of."""
    people: list[PersonDraft] = []
    for hit in sorted(hits, key=lambda h: (-(h.end - h.start), h.start)):
        fits = [p for p in people if same_person_name(p.name, hit.text)
                and not (hit.country and p.country and hit.country != p.country)]
        if fits:
            exact = [p for p in fits if fold(hit.text).split()[-1] == p.surname]
            fits = exact or fits
            before = [p for p in fits if p.first() < hit.start]
            person = max(before, key=lambda p: p.first()) if before else fits[0]
        else:
            person = PersonDraft()
            people.append(person)
        person.hits.append(hit)
        person.add_role(hit.role)
        if hit.title and hit.role and hit.title != hit.role and not _role_fits(hit.title, [hit.role]):
            person.literal_titles.append(hit.title)
        person.country = person.country or hit.country
    return people


def add_surname_mentions(doc: Doc, people: list[PersonDraft], used: set[int]) -> None:
    """Bare surnames and their misspellings the NER did not tag as persons ("Fidan" as GPE,
    "Nurtileu" untagged) become mentions of the person they name."""
    text = token_table(doc).text
    for i in range(len(doc)):
        if i in used or not text[i][:1].isupper():  # a name token is capitalised
            continue
        tok = doc[i]
        if not _is_name_token(tok) or (tok.i + 1 < len(doc) and _is_name_token(doc[tok.i + 1])):
            continue
        key = fold(tok.text).replace(" ", "")
        exact = [p for p in people if p.surname == key or key in name_keys(p.name)]
        fuzzy = exact or [p for p in people if tok.pos_ == "PROPN" and any(
            is_spelling_variant(key, k) for k in name_keys(p.name))]
        if len(fuzzy) >= 1:
            before = [p for p in fuzzy if p.first() < tok.i] or fuzzy
            person = max(before, key=lambda p: p.first())
            start = particle_start(doc, tok.i, used)  # "van der Meer", not "Meer"
            person.hits.append(NameHit(start, tok.i + 1, doc[start:tok.i + 1].text))
            used.update(range(start, tok.i + 1))


def _role_fits(general: str, roles: list[str]) -> bool:
    """Does a title's role describe someone holding `roles`? "minister" fits "foreign minister"."""
    return any(r == general or r.endswith(" " + general) for r in roles)


def _compatible(person: PersonDraft, title: TitleHit) -> bool:
    if title.country and person.country and title.country != person.country:
        return False
    if _leader(title.role):
        # "the Serbian president" in a report on ministers is the (unnamed) president:
        # a head of state or government is linked only to someone named as one.
        return _role_fits(title.role, person.roles)
    return not person.roles or _role_fits(title.role, person.roles)


@lru_cache(maxsize=512)
def _leader(role: str) -> bool:
    """A head of state or government (from the codebook's ranks; asked once per role)."""
    rank = codebooks.role_rank(role)
    return rank is not None and rank <= 2


def _pending(person: PersonDraft) -> bool:
    """Named as someone's counterpart, with that someone's role not known yet."""
    return not person.roles and any(h.counterpart for h in person.hits)


def link_titles(people: list[PersonDraft], titles: list[TitleHit], *, final: bool = False) -> None:
    """Join each title phrase to the one person it can describe: compatible country and
    role, the person named last before the phrase, else the first named after it.
    Counterparts still waiting for their role are left out until the final pass."""
    for title in titles:
        if title.person is not None:
            continue
        fits = [i for i, p in enumerate(people) if _compatible(p, title)
                and (final or not _pending(p))]
        if not title.country:  # "the foreign minister": only someone known to hold the office
            fits = [i for i in fits if _role_fits(title.role, people[i].roles)]
        if not fits:
            continue
        known = [i for i in fits if title.country and people[i].country == title.country]
        fits = known or fits  # "the Dutch minister": a known Dutch minister before anyone unplaced
        before = [i for i in fits if people[i].first() < title.start]
        chosen = (max(before, key=lambda i: max(h.start for h in people[i].hits if h.start < title.start)
                      if any(h.start < title.start for h in people[i].hits) else -1)
                  if before else min(fits, key=lambda i: people[i].first()))
        person = people[chosen]
        title.person = chosen
        person.titles.append(title)
        if not _role_fits(title.role, person.roles):
            person.add_role(title.role)
        person.country = person.country or title.country


def resolve_counterparts(doc: Doc, people: list[PersonDraft]) -> None:
    """"his Kazakh counterpart Murat Nurtleu": the role of the person "his" refers to
    (the nearest person named before, in the same sentence if possible)."""
    mentions = sorted({(h.start, i) for i, p in enumerate(people) for h in p.hits}
                      | {(t.start, i) for i, p in enumerate(people) for t in p.titles})
    for i, person in enumerate(people):
        for hit in person.hits:
            if not hit.counterpart or person.roles:
                continue
            sent_start = doc[hit.start].sent.start
            earlier = [(s, j) for s, j in mentions if s < hit.start and j != i]
            same_sent = [m for m in earlier if m[0] >= sent_start]
            ref = (same_sent or earlier or [(None, None)])[-1][1]
            if ref is not None and people[ref].roles:
                person.add_role(people[ref].roles[0])


def resolve_possessors(doc: Doc, people: list[PersonDraft]) -> None:
    """"Delgado said her economy minister, X, would ...": X serves the country of the person
    "her" refers to (the nearest person named before in the same sentence)."""
    for i, person in enumerate(people):
        hit = next((h for h in person.hits if h.possessed), None)
        if person.country or hit is None:
            continue
        sent_start = doc[hit.start].sent.start
        earlier = sorted((h.start, j) for j, p in enumerate(people) if j != i
                         for h in p.hits if sent_start <= h.start < hit.start)
        if earlier and people[earlier[-1][1]].country:
            person.country = people[earlier[-1][1]].country


LOCATIVE = frozenset({"in", "at", "near", "from", "to", "into", "the", "across", "around"})


def _credible(doc: Doc, person: PersonDraft) -> bool:
    """Keep a person only with some evidence beyond the NER's word: a title, a role, a
    country, or a name of two words not used as a location ("the Sahel", "in Hai Phong")."""
    if person.roles or person.country or person.titles or any(h.counterpart for h in person.hits):
        return True
    from dragoman.nlp.persons import _speech_context
    if any(_speech_context(doc, h.start, h.end) for h in person.hits):
        return True
    located = all(h.start > 0 and doc[h.start - 1].lower_ in LOCATIVE for h in person.hits)
    return not located and any(h.end - h.start > 1 for h in person.hits)


def infer_countries(people: list[PersonDraft], geo_hits: list[GeoHit]) -> None:
    """Bilateral news: a person with no country of their own, facing someone of one side of
    the article's country pair as their counterpart or in the same office, is of the other
    side ("Foreign Minister A held talks with her Uzbek counterpart B" -> A is German when
    the article is about Germany and Uzbekistan)."""
    top = country_pair(geo_hits)
    if top is None:
        return  # no clear pair of countries
    for person in people:
        if person.country or not person.roles:
            continue
        others = [p for p in people if p is not person and p.country in top
                  and (set(p.roles) & set(person.roles) or any(h.counterpart for h in p.hits))]
        if not others:  # no counterpart or peer: every placed official of the pair is of one side
            others = [p for p in people if p is not person and p.country in top and p.roles]
        sides = {p.country for p in others}
        if len(sides) == 1:
            person.country = next(c for c in top if c not in sides)


def country_pair(geo_hits: list[GeoHit]) -> list[str] | None:
    """The article's two countries: the two named most, clear of a third; else None."""
    counts: dict[str, int] = {}
    for h in geo_hits:
        if h.kind != "place":
            counts[h.code] = counts.get(h.code, 0) + 1
    top = sorted(counts, key=lambda c: -counts[c])[:2]
    if len(top) < 2 or (len(counts) > 2 and counts[top[1]] <= sorted(counts.values())[-3]):
        return None
    return top


# Posts at the head of a body, kept as the role of "X, chairman of the Y Chamber of Commerce".
ORG_POSTS = frozenset({"chairman", "chairwoman", "chair", "president", "head", "director",
                       "director general", "director-general", "chief executive", "managing director",
                       "executive director", "secretary general", "secretary-general", "governor",
                       "founder", "spokesman", "spokeswoman", "spokesperson", "ceo"})


def _org_country(org: OrgHit, orgs: list[OrgHit], geo_at: dict[int, GeoHit]) -> str | None:
    """The country an organisation's name opens with ("Amman Chamber of Commerce" -> JOR,
    "Argentine Chamber of ..." -> ARG); an acronym use takes its definition's."""
    if org.end - org.start == 1 and org.acronym:
        org = next((o for o in orgs if o.acronym == org.acronym and o.end - o.start > 1), org)
    first = geo_at.get(org.start)
    return first.code if first else None


def _post_of_org(doc: Doc, end: int, org_at: dict[int, OrgHit]) -> tuple[str, OrgHit] | None:
    """", chairman of the Amman Chamber of Commerce" after a name ending at `end`:
    (the post, the organisation)."""
    if end >= len(doc) or doc[end].text != ",":
        return None
    j = end + 1 + (end + 1 < len(doc) and doc[end + 1].lower_ in ("the", "a"))
    k = j
    while k < len(doc) and k - j < 2 and doc[k].text[:1].islower() and doc[k].lower_ != "of":
        k += 1
    post = " ".join(t.lower_ for t in doc[j:k])
    if post not in ORG_POSTS or k + 1 >= len(doc) or doc[k].lower_ != "of":
        return None
    k += 1 + (doc[k + 1].lower_ == "the")
    return (post, org_at[k]) if k in org_at else None


def affiliate_with_orgs(doc: Doc, people: list[PersonDraft], orgs: list[OrgHit],
                        geo_at: dict[int, GeoHit]) -> None:
    """People placed by the body they lead: "X, chairman of the Amman Chamber of Commerce"
    and "ACCI president Y" are of the country the body's name gives, and "chairman" is X's
    role when no office was found."""
    org_at = {o.start: o for o in orgs}
    org_end = {o.end: o for o in orgs}
    leaders: dict[str, list[PersonDraft]] = {}  # head noun of the body -> who leads one
    for person in people:
        for h in person.hits:
            found = _post_of_org(doc, h.end, org_at)
            if found:
                person.add_role(found[0] if not person.roles else None)
                org = found[1]
            elif h.title_start is not None and h.title_start in org_end:
                org = org_end[h.title_start]
            else:
                continue
            person.country = person.country or _org_country(org, orgs, geo_at)
            head = _org_head(doc, org, orgs)
            if head and person not in leaders.setdefault(head, []):
                leaders[head].append(person)
    _link_leader_phrases(doc, leaders)


def _org_head(doc: Doc, org: OrgHit, orgs: list[OrgHit]) -> str | None:
    """The head noun of an organisation's name ("chamber" of "Amman Chamber of Commerce")."""
    if org.end - org.start == 1 and org.acronym:
        org = next((o for o in orgs if o.acronym == org.acronym and o.end - o.start > 1), org)
    return next((t.lower_ for t in doc[org.start:org.end] if t.lower_ in ORG_HEADS), None)


LEADER_WORDS = frozenset({"head", "chief", "chairman", "chairwoman", "president", "boss"})


def _link_leader_phrases(doc: Doc, leaders: dict[str, list[PersonDraft]]) -> None:
    """"the chamber head", "the bank's chief": a later mention of the one person named as
    leading a body with that head noun."""
    for i in range(1, len(doc) - 1):
        people = leaders.get(doc[i].lower_)
        if not people or len(people) != 1 or doc[i - 1].lower_ != "the":
            continue
        j = i + 1 + (doc[i + 1].text in ("'s", "’s"))
        if j < len(doc) and doc[j].lower_ in LEADER_WORDS:
            person = people[0]
            person.titles.append(TitleHit(i - 1, j + 1, doc[j].lower_, person.country))


HOST_LEMMAS = frozenset({"receive", "host", "welcome"})


def host_country(doc: Doc, geo_hits: list[GeoHit], pair: list[str]) -> str | None:
    """The side of the pair where the story takes place: the only one whose cities are
    used as locations ("arrived in Hanoi", a dateline "NAIROBI, Kenya -"), or the side
    facing a "visiting Ghanaian" guest. None when the text points both ways."""
    lead_end = doc.text.find("\n\n")
    lead_end = len(doc.text) if lead_end < 0 else lead_end
    located, lead, visitors = set(), set(), set()
    for h in geo_hits:
        if h.code not in pair:
            continue
        dateline = h.start == 0 and doc[0].text.isupper()
        if h.kind == "place" or h.kind == "capital" and (dateline or capital_is_place(doc, h)):
            located.add(h.code)
            if doc[h.start].idx < lead_end:
                lead.add(h.code)
        if h.kind != "place" and h.start > 0 and doc[h.start - 1].lower_ == "visiting":
            visitors.add(h.code)
    # the lead sets the scene; later paragraphs also name where the next meeting will be
    located = lead if len(lead) == 1 else located
    hosts = located | {c for c in pair if visitors and c not in visitors}
    return next(iter(hosts)) if len(hosts) == 1 and hosts.isdisjoint(visitors) else None


def _hosting(doc: Doc, person: PersonDraft) -> bool:
    """Is the person named as the one who received or hosted someone ("X received the
    visiting minister", "was received by X")?"""
    for h in person.hits:
        tok = doc[h.end - 1]
        if tok.dep_ == "nsubj" and tok.head.lemma_ in HOST_LEMMAS:
            return True
        by = tok.head
        if (tok.dep_ == "pobj" and by.lower_ == "by" and by.dep_ == "agent"
                and by.head.lemma_ in HOST_LEMMAS):
            return True
    return False


TRAVEL_LEMMAS = frozenset({"visit", "travel", "fly", "arrive", "come"})


def _visited(doc: Doc, person: PersonDraft, geo_at: dict[int, GeoHit]) -> str | None:
    """The country a person is said to go to: "X, who will visit Athens", "X visited Amman"
    (a country or its places, as object of the verb or of its "to" / "in")."""
    for h in person.hits:
        tok = doc[h.end - 1]
        verbs = [c for c in tok.children if c.dep_ == "relcl"]
        if tok.dep_ == "nsubj":
            verbs.append(tok.head)
        for verb in verbs:
            if verb.lemma_ not in TRAVEL_LEMMAS:
                continue
            objs = [c for c in verb.children if c.dep_ in ("dobj", "npadvmod")]
            objs += [g for c in verb.children if c.dep_ == "prep" and c.lower_ in ("to", "in")
                     for g in c.children if g.dep_ == "pobj"]
            codes = {geo_at[o.i].code for o in objs if o.i in geo_at}
            if len(codes) == 1:
                return codes.pop()
    return None


def _government_office(roles: list[str]) -> bool:
    """A minister or cabinet secretary: an office of a national government (not the head of
    an international organisation, nor an envoy who may serve either side)."""
    return any("minister" in r or r.endswith("cabinet secretary") for r in roles)


def infer_host_side(doc: Doc, people: list[PersonDraft], geo_hits: list[GeoHit]) -> None:
    """A visit story: who received the guest, and the ministers named with no country while
    the guest's side is placed, are of the host country (the writer names the guest's
    country; the hosts' titles go bare)."""
    pair = country_pair(geo_hits)
    host = host_country(doc, geo_hits, pair) if pair else None
    if host is None:
        return
    guests = [p for p in people if p.country in pair and p.country != host]
    geo_at = {t: g for g in geo_hits for t in range(g.start, g.end)}
    for person in people:
        if person.country or any(h.counterpart or h.possessed for h in person.hits):
            continue
        visited = _visited(doc, person, geo_at)
        if visited in pair:  # "Prime Minister X, who will visit Athens": a guest of that side
            person.country = next(c for c in pair if c != visited)
        elif _hosting(doc, person) or (guests and _government_office(person.roles)):
            person.country = host


@dataclass
class _Group:
    """Mentions of one entity while the entity list is assembled."""

    kind: str
    name: str
    forms: list[str] = field(default_factory=list)
    code: str | None = None
    country: str | None = None
    roles: list[str] = field(default_factory=list)
    spans: list[tuple[int, int, str]] = field(default_factory=list)  # chars, mention kind


def _char_span(doc: Doc, start: int, end: int) -> tuple[int, int]:
    return doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)


def _yield_to_people(doc: Doc, hits: list[GeoHit]) -> list[GeoHit]:
    """A city or region inside a longer person name is part of the name: "Gao" in
    "Premier Gao Mingyuan", "Sofia" in "Sofia Rojas" (the NER's PERSON span says so)."""
    people = [(e.start, e.end) for e in doc.ents if e.label_ == "PERSON" and len(e) > 1]
    if not people:
        return hits
    inside = {t for s, e in people for t in range(s, e)}  # only a hit starting here can yield
    return [h for h in hits if h.kind not in ("place", "capital") or h.start not in inside or not any(
        s <= h.start and h.end <= e and (e - s) > (h.end - h.start) for s, e in people)]


class ActorRecognizer:
    """spaCy component `dragoman_actors`: writes `doc._.entities` and `doc._.mentions`."""

    def __init__(self, nlp: Language, name: str = "dragoman_actors") -> None:
        register_extensions()
        self.geo = GeoLexicon()
        self.offices = OfficeLexicon.load()

    def __call__(self, doc: Doc) -> Doc:
        geo_hits = _yield_to_people(doc, self.geo.find(doc))
        defs = find_acronym_definitions(doc)
        country_defs = {d.acronym: h for d in defs for h in geo_hits
                        if h.kind != "place" and h.start <= d.start and d.end <= h.end}
        blocked = {t for d in defs if d.acronym not in country_defs for t in range(d.start, d.end)}
        blocked |= {t for o in find_named_orgs(doc) if doc[o.end - 1].lower_ in COMPANY_SUFFIXES
                    for t in range(o.start, o.end)}
        names, titles = find_people(doc, geo_hits, self.offices, blocked)
        people = cluster_people(names)
        used = {t for h in names for t in range(h.start, h.end)}
        used |= {t for h in geo_hits for t in range(h.start, h.end)} | blocked
        add_surname_mentions(doc, people, used)
        people = [p for p in people if _credible(doc, p)]
        for final in (False, False, True):  # titles give roles that counterparts copy, and back
            resolve_counterparts(doc, people)
            link_titles(people, titles, final=final)
        resolve_possessors(doc, people)
        infer_countries(people, geo_hits)
        infer_host_side(doc, people, geo_hits)
        person_tokens = {t for p in people for h in p.hits for t in range(h.start, h.end)}
        geo_hits = [h for h in geo_hits if not any(t in person_tokens for t in range(h.start, h.end))]
        geo_at = {t: h for h in geo_hits for t in range(h.start, h.end)}
        orgs = [o for o in find_orgs(doc, geo_at, person_tokens) if o.acronym not in country_defs]
        affiliate_with_orgs(doc, people, orgs, geo_at)
        groups = self._person_groups(doc, people)
        groups += self._geo_groups(doc, geo_hits, country_defs)
        groups += self._org_groups(doc, orgs, geo_at)
        self._write(doc, groups)
        return doc

    def _person_groups(self, doc: Doc, people: list[PersonDraft]) -> list[_Group]:
        groups = []
        for p in people:
            roles = list(p.roles) + [t for t in dict.fromkeys(p.literal_titles) if t not in p.roles]
            g = _Group("person", p.name, country=p.country, roles=roles)
            for h in p.hits:
                g.forms.append(h.text)
                g.spans.append((*_char_span(doc, h.start, h.end), "name"))
            for t in p.titles:
                g.spans.append((*_char_span(doc, t.start, t.end), "title"))
            groups.append(g)
        return groups

    def _geo_groups(self, doc: Doc, hits: list[GeoHit], country_defs: dict[str, GeoHit]) -> list[_Group]:
        by_key: dict[tuple[str, str], _Group] = {}
        # acronyms defined for countries: "United Arab Emirates (UAE)"
        for i, text in enumerate(token_table(doc).text if country_defs else []):
            if text in country_defs:
                hits = [*hits, GeoHit(i, i + 1, country_defs[text].code, "acronym", text)]
        for h in sorted(hits, key=lambda h: h.start):
            text = doc[h.start:h.end].text
            place = h.kind == "place" or (h.kind == "capital" and capital_is_place(doc, h))
            if place:
                key = ("place", fold(h.form))
                g = by_key.setdefault(key, _Group("place", h.form, country=h.code))
            else:
                key = ("country", h.code)
                g = by_key.setdefault(key, _Group("country", codebooks.country_name(h.code), code=h.code))
            g.forms.append(text)
            g.spans.append((*_char_span(doc, h.start, h.end), h.kind if not place else "name"))
        return list(by_key.values())

    def _org_groups(self, doc: Doc, orgs: list[OrgHit], geo_at: dict[int, GeoHit]) -> list[_Group]:
        groups: list[_Group] = []
        index: dict[str, _Group] = {}
        for o in sorted(orgs, key=lambda o: (o.acronym is None or o.end - o.start == 1, o.start)):
            keys = [org_key(o.name)] + ([o.acronym] if o.acronym else [])
            g = next((index[k] for k in keys if k in index), None)
            if g is None:
                name = o.name[4:] if o.name.lower().startswith("the ") else o.name
                first = geo_at.get(o.start)
                g = _Group("organization", name, country=first.code if first and first.kind != "place" else None)
                groups.append(g)
            for k in keys:
                index.setdefault(k, g)
            g.forms.append(o.name)
            if o.acronym and o.end - o.start > 1:
                g.forms.append(o.acronym)
            kind = "acronym" if o.end - o.start == 1 and o.acronym else "name"
            g.spans.append((*_char_span(doc, o.start, o.end), kind))
        return groups

    @staticmethod
    def _write(doc: Doc, groups: list[_Group]) -> None:
        groups = [g for g in groups if g.spans]
        groups.sort(key=lambda g: min(s[0] for s in g.spans))
        entities, mentions = [], []
        for n, g in enumerate(groups, 1):
            eid = f"E{n}"
            aliases = []
            for form in g.forms:
                if form != g.name and form not in aliases:
                    aliases.append(form)
            entities.append(Entity(eid, g.kind, g.name, aliases, g.code, g.country, g.roles,
                                   sorted({(s, e) for s, e, _ in g.spans})))
            mentions += [Mention(s, e, eid, k) for s, e, k in g.spans]
        doc._.entities = entities
        doc._.mentions = sorted(set(mentions), key=lambda m: (m.start, -m.end))


@Language.factory("dragoman_actors")
def make_actor_recognizer(nlp: Language, name: str) -> ActorRecognizer:
    return ActorRecognizer(nlp, name)
