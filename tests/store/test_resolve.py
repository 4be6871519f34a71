"""Entities across articles: one person under several spellings is one entity; roles are dated."""
from __future__ import annotations

import pytest

from dragoman.model import Entity
from dragoman.nlp.names import fold
from dragoman.store.resolve import KnownEntity, person_score

from .builders import Builder, Person


def _article(id: str, date: str, *people: Person) -> Builder:
    b = Builder(id, date)
    for p in people:
        b.person(p)
    return b


def _store(kb, *builders: Builder) -> None:
    report = kb.store([b.build() for b in builders])
    assert report.stored == len(builders)


@pytest.mark.parametrize("spellings", [
    [Person("Recep Tayyip Erdogan", "TUR", ["president"]),
     Person("Recep Tayyip Erdoğan", "TUR", ["president"]),
     Person("Erdoğan", "TUR", ["president"])],
    [Person("Murat Nurtleu", "KAZ", ["foreign minister"]),
     Person("Murat Nurtileu", "KAZ"),
     Person("Nurtileu", "KAZ", ["foreign minister"])],
    [Person("Kassym-Jomart Tokayev", "KAZ", ["president"]),
     Person("Kasym-Zhomart Tokayev", "KAZ", ["president"]),
     Person("Tokayev", None, ["president"])],
])
def test_one_person_under_three_spellings_is_one_entity(kb, spellings):
    _store(kb, *(_article(f"a{i}", f"2024-0{i + 1}-10", p) for i, p in enumerate(spellings)))
    people = kb.people()
    assert len(people) == 1
    person = people[0]
    assert person.articles == 3
    assert {fold(p.name) for p in spellings} <= {fold(x) for x in [person.name, *person.aliases]}


def test_the_fullest_name_becomes_the_canonical_name(kb):
    _store(kb, _article("a1", "2024-01-10", Person("Erdoğan", "TUR", ["president"])),
           _article("a2", "2024-02-10", Person("Recep Tayyip Erdoğan", "TUR", ["president"])))
    person = kb.people()[0]
    assert person.name == "Recep Tayyip Erdoğan"
    assert "Erdoğan" in person.aliases


@pytest.mark.parametrize("first, second", [
    (Person("Ali Khan", "PAK"), Person("Imran Khan", "PAK")),            # other given name
    (Person("Maria Silva", "BRA"), Person("Maria Silva", "PRT")),        # other country
    (Person("Silva", "BRA", ["minister"]), Person("Silva", "AGO", ["minister"])),
    (Person("Silva", None, ["president"]), Person("Silva", None, ["minister"])),
])
def test_different_people_stay_apart(kb, first, second):
    _store(kb, _article("a1", "2024-01-10", first), _article("a2", "2024-02-10", second))
    assert len(kb.people()) == 2


def test_a_roles_dates_are_its_first_and_last_articles(kb):
    old = Person("Lina Haddad", "JOR", ["foreign minister"])
    new = Person("Omar Saleh", "JOR", ["foreign minister"])
    _store(kb, _article("a1", "2022-03-01", old), _article("a2", "2022-11-20", old),
           _article("a3", "2023-02-01", Person("Lina Haddad", "JOR", ["prime minister"])),
           _article("a4", "2023-01-15", new), _article("a5", "2024-06-30", new))
    haddad, saleh = kb.people()
    roles = {r.role: (str(r.since), str(r.until), r.articles) for r in haddad.roles}
    assert roles == {"foreign minister": ("2022-03-01", "2022-11-20", 2),
                     "prime minister": ("2023-02-01", "2023-02-01", 1)}
    assert [(r.role, str(r.since), str(r.until)) for r in saleh.roles] == [
        ("foreign minister", "2023-01-15", "2024-06-30")]


def test_people_can_be_found_by_any_spelling_and_by_country(kb):
    _store(kb, _article("a1", "2024-01-10", Person("Murat Nurtleu", "KAZ", [], ["Nurtleu"]),
                        Person("Hakan Fidan", "TUR")))
    assert [p.name for p in kb.people("nurtileu")] == ["Murat Nurtleu"]
    assert [p.name for p in kb.people(country="Türkiye")] == ["Hakan Fidan"]
    assert kb.people("Nobody Atall") == []


def test_countries_organizations_and_places_resolve_across_articles(kb):
    builders = []
    for i, (org, aliases) in enumerate([("Organization of Turkic States", ["OTS"]),
                                        ("Organisation of Turkic States", ["OTS"])]):
        b = Builder(f"a{i}", f"2024-0{i + 1}-10")
        b.country("KAZ", "Kazakhstan" if i == 0 else "the Republic of Kazakhstan")
        b.org(org, aliases)
        b.place("Astana", "KAZ")
        builders.append(b)
    _store(kb, *builders)
    kinds = {}
    for entity in kb.people(kind=None):
        kinds.setdefault(entity.kind, []).append(entity)
    assert {k: len(v) for k, v in kinds.items()} == {"country": 1, "organization": 1, "place": 1}
    assert kinds["country"][0].code == "KAZ"


@pytest.mark.parametrize("entity, known, fits", [
    (Entity("E1", "person", "Fidan", country="TUR"),
     KnownEntity(1, "person", "Hakan Fidan", country="TUR", forms={"hakan fidan", "fidan"}), True),
    (Entity("E1", "person", "Fidan"),
     KnownEntity(1, "person", "Hakan Fidan", country="TUR", forms={"hakan fidan", "fidan"}), False),
    (Entity("E1", "person", "Fidan", roles=["foreign minister"]),
     KnownEntity(1, "person", "Fidan", forms={"fidan"}, roles={"foreign minister"}), True),
    (Entity("E1", "person", "Tokayev", roles=["president"]),
     KnownEntity(1, "person", "Tokayev", country="KAZ", forms={"tokayev"}, roles={"president"}),
     True),
    (Entity("E1", "person", "Hakan Fidan", country="KAZ"),
     KnownEntity(1, "person", "Hakan Fidan", country="TUR", forms={"hakan fidan"}), False),
])
def test_a_surname_alone_must_agree_on_country_or_role(entity, known, fits):
    forms = [fold(f) for f in [entity.name, *entity.aliases]]
    assert (person_score(entity, forms, known) is not None) is fits
