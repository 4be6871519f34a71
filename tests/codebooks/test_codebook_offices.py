"""Titles of office resolve to canonical roles."""
from __future__ import annotations

import pytest

from dragoman.codebooks import office_lookup, offices, role_rank, roles


@pytest.mark.parametrize("text, expected", [
    ("Foreign Minister", "foreign minister"),
    ("foreign minister", "foreign minister"),
    ("FM", "foreign minister"),
    ("Minister of Foreign Affairs", "foreign minister"),
    ("minister for foreign affairs", "foreign minister"),
    ("Foreign Affairs Minister", "foreign minister"),
    ("top diplomat", "foreign minister"),
    ("Secretary of State", "foreign minister"),
    ("External Affairs Minister", "foreign minister"),
    ("the Turkish foreign minister", "foreign minister"),       # a title inside a phrase
    ("Kazakh Foreign Minister", "foreign minister"),
    ("Deputy Foreign Minister", "deputy foreign minister"),     # the longest title wins
    ("Premier", "prime minister"),
    ("PM", "prime minister"),
    ("Prime Minister", "prime minister"),
    ("Deputy Prime Minister", "deputy prime minister"),
    ("Chancellor", "chancellor"),
    ("President", "president"),
    ("Kazakh President", "president"),
    ("Vice President", "vice president"),
    ("head of state", "head of state"),
    ("King", "king"),
    ("Emir", "emir"),
    ("Crown Prince", "crown prince"),
    ("Sultan", "sultan"),
    ("Minister of Trade", "trade minister"),
    ("Trade Minister", "trade minister"),
    ("Minister of Economy", "economy minister"),
    ("Finance Minister", "finance minister"),
    ("Defense Minister", "defence minister"),
    ("Minister of National Defence", "defence minister"),
    ("Energy Minister", "energy minister"),
    ("Minister of Energy and Natural Resources", "energy minister"),
    ("Interior Minister", "interior minister"),
    ("Agriculture Minister", "agriculture minister"),
    ("Health Minister", "health minister"),
    ("Minister of Education", "education minister"),
    ("Culture and Tourism Minister", "culture minister"),
    ("Transport Minister", "transport minister"),
    ("Industry Minister", "industry minister"),
    ("Investment Minister", "investment minister"),
    ("Commerce Minister", "commerce minister"),
    ("Ambassador", "ambassador"),
    ("special envoy", "envoy"),
    ("spokeswoman", "spokesperson"),
    ("Foreign Ministry spokesman", "spokesperson"),
    ("Speaker of Parliament", "speaker"),
    ("Secretary-General", "secretary-general"),
    ("Central Bank Governor", "central bank governor"),
    ("State Secretary", "state secretary"),
])
def test_a_title_resolves_to_its_canonical_role(text: str, expected: str) -> None:
    assert office_lookup(text) == expected


@pytest.mark.parametrize("text", ["fm", "pm", "counterpart", "his Kazakh counterpart", "said", ""])
def test_words_that_are_not_titles_resolve_to_nothing(text: str) -> None:
    assert office_lookup(text) is None


def test_offices_are_lower_case_longest_first_and_ranked() -> None:
    forms = offices()
    assert all(office.form == office.form.lower() and office.role == office.role.lower() for office in forms)
    assert [len(office.form) for office in forms] == sorted((len(o.form) for o in forms), reverse=True)
    assert {office.rank for office in forms} <= set(range(1, 10))


@pytest.mark.parametrize("higher, lower", [
    ("president", "prime minister"),
    ("prime minister", "foreign minister"),
    ("foreign minister", "trade minister"),
    ("trade minister", "deputy foreign minister"),
    ("deputy foreign minister", "ambassador"),
    ("ambassador", "spokesperson"),
])
def test_ranks_order_roles_by_importance(higher: str, lower: str) -> None:
    assert role_rank(higher) < role_rank(lower)
    assert roles().index(higher) < roles().index(lower)
