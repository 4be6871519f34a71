"""Place look-ups: capitals, cities, regions, and the former names of places."""
from __future__ import annotations

import pytest

from dragoman.codebooks import (
    AREA_KINDS,
    PLACE_KINDS,
    Place,
    area_lookup,
    areas,
    country_codes,
    country_lookup,
    place_forms,
    place_lookup,
    places,
)


@pytest.mark.parametrize("text, expected", [
    ("Astana", Place("Astana", "KAZ", "capital")),
    ("Nur-Sultan", Place("Astana", "KAZ", "capital")),     # former name, today's place
    ("astana", Place("Astana", "KAZ", "capital")),
    ("Ankara", Place("Ankara", "TUR", "capital")),
    ("Almaty", Place("Almaty", "KAZ", "city")),
    ("Alma-Ata", Place("Almaty", "KAZ", "city")),
    ("Istanbul", Place("Istanbul", "TUR", "city")),
    ("Davos", Place("Davos", "CHE", "city")),
    ("Geneva", Place("Geneva", "CHE", "city")),
    ("Jeddah", Place("Jeddah", "SAU", "city")),
    ("Dubai", Place("Dubai", "ARE", "city")),
    ("Lagos", Place("Lagos", "NGA", "city")),
    ("Mumbai", Place("Mumbai", "IND", "city")),
    ("Bombay", Place("Mumbai", "IND", "city")),
    ("Shanghai", Place("Shanghai", "CHN", "city")),
    ("Osaka", Place("Osaka", "JPN", "city")),
    ("Kiev", Place("Kyiv", "UKR", "capital")),
    ("Peking", Place("Beijing", "CHN", "capital")),
    ("Brasilia", Place("Brasília", "BRA", "capital")),
    ("Washington, D.C.", Place("Washington", "USA", "capital")),
    ("Cape Town", Place("Cape Town", "ZAF", "capital")),   # a second capital is its own place
    ("Crimea", Place("Crimea", "UKR", "region")),
    ("Xinjiang", Place("Xinjiang", "CHN", "region")),
    ("Malé", Place("Malé", "MDV", "capital")),
])
def test_a_place_name_resolves_to_the_place_under_its_preferred_name(text: str, expected: Place) -> None:
    assert place_lookup(text) == expected


@pytest.mark.parametrize("text", ["male", "nice", "split", "Kazakhstan", "Turkish", "", "Atlantis"])
def test_words_that_are_not_places_resolve_to_nothing(text: str) -> None:
    assert place_lookup(text) is None


def test_there_are_enough_places_and_every_country_has_its_capital_among_them() -> None:
    everything = places()
    assert len(everything) >= 500
    capitals = {place.country for place in everything if place.kind == "capital"}
    assert capitals == set(country_codes()) - {"HKG"}


def test_places_are_of_known_kinds_and_countries() -> None:
    codes = set(country_codes())
    assert {place.kind for place in places()} <= set(PLACE_KINDS)
    assert {place.country for place in places()} <= codes


def test_every_surface_form_resolves_to_the_place_it_is_listed_with() -> None:
    wrong = [(form, place, place_lookup(form)) for form, place in place_forms()
             if place_lookup(form) != place]
    assert wrong == []


@pytest.mark.parametrize("text, kind", [
    ("Latin America", "continent"),
    ("the Middle East", "region"),
    ("Central Asia", "region"),
    ("Gulf of Guinea", "water"),
    ("Indian Ocean", "water"),
    ("Korean Peninsula", "region"),
    ("South Caucasus", "region"),
])
def test_an_area_that_contains_a_country_word_is_no_country(text: str, kind: str) -> None:
    area = area_lookup(text)
    assert area is not None and area.kind == kind


def test_areas_are_neither_countries_nor_places() -> None:
    overlapping = [area.name for area in areas()
                   if country_lookup(area.name) is not None or place_lookup(area.name) is not None]
    assert overlapping == []
    assert {area.kind for area in areas()} <= set(AREA_KINDS)
    assert area_lookup("Kazakhstan") is None and area_lookup("middle east") is None
