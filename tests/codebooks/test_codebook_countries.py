"""Country look-ups: every kind of form, case and accents, former names, capitals, ambiguity."""
from __future__ import annotations

import pytest

from dragoman.codebooks import (
    COUNTRY_KINDS,
    capital,
    country_codes,
    country_forms,
    country_lookup,
    country_name,
    demonym,
    fold,
)

UN_MEMBERS = set("""
AFG ALB DZA AND AGO ATG ARG ARM AUS AUT AZE BHS BHR BGD BRB BLR BEL BLZ BEN BTN BOL BIH BWA BRA
BRN BGR BFA BDI CPV KHM CMR CAN CAF TCD CHL CHN COL COM COG COD CRI CIV HRV CUB CYP CZE DNK DJI
DMA DOM ECU EGY SLV GNQ ERI EST SWZ ETH FJI FIN FRA GAB GMB GEO DEU GHA GRC GRD GTM GIN GNB GUY
HTI HND HUN ISL IND IDN IRN IRQ IRL ISR ITA JAM JPN JOR KAZ KEN KIR PRK KOR KWT KGZ LAO LVA LBN
LSO LBR LBY LIE LTU LUX MDG MWI MYS MDV MLI MLT MHL MRT MUS MEX FSM MDA MCO MNG MNE MAR MOZ MMR
NAM NRU NPL NLD NZL NIC NER NGA MKD NOR OMN PAK PLW PAN PNG PRY PER PHL POL PRT QAT ROU RUS RWA
KNA LCA VCT WSM SMR STP SAU SEN SRB SYC SLE SGP SVK SVN SLB SOM ZAF SSD ESP LKA SDN SUR SWE CHE
SYR TJK TZA THA TLS TGO TON TTO TUN TUR TKM TUV UGA UKR ARE GBR USA URY UZB VUT VEN VNM YEM ZMB ZWE
""".split())
OTHERS = {"PSE", "VAT", "TWN", "XKX", "HKG"}
# Demonyms deliberately missing: "Congolese" is COD, "Dominican" is DOM (see country_extra.tsv).
NO_DEMONYM = {"COG", "DMA"}


@pytest.mark.parametrize("text, expected", [
    ("Türkiye", "TUR"),                 # preferred name
    ("Turkey", "TUR"),                  # former name
    ("turkiye", "TUR"),                 # no case, no accent
    ("TÜRKIYE", "TUR"),                 # headline capitals
    ("Republic of Türkiye", "TUR"),     # official name
    ("the Republic of Türkiye", "TUR"),  # with its article
    ("Turkish", "TUR"),                 # demonym
    ("Ankara", "TUR"),                  # capital as a metonym
    ("Kazakh", "KAZ"),
    ("Kazakhstani", "KAZ"),
    ("Kazakhstan's", "KAZ"),            # possessive
    ("Kazakhstan\u2019s", "KAZ"),       # typographic apostrophe
    ("Kazakhs", "KAZ"),                 # a people in the plural
    ("Astana", "KAZ"),
    ("Nur-Sultan", "KAZ"),              # former name of the capital
    ("Emirati", "ARE"),
    ("the UAE", "ARE"),
    ("UAE", "ARE"),
    ("United Arab Emirates", "ARE"),
    ("Abu Dhabi", "ARE"),
    ("Saudi", "SAU"),
    ("Qatari", "QAT"),
    ("Omani", "OMN"),
    ("Muscat", "OMN"),
    ("Abuja", "NGA"),
    ("New Delhi", "IND"),
    ("Beijing", "CHN"),
    ("Sino", "CHN"),                    # combining form of "Sino-Russian"
    ("Russian Federation", "RUS"),
    ("Russia", "RUS"),
    ("Moscow", "RUS"),
    ("Swaziland", "SWZ"),
    ("Eswatini", "SWZ"),
    ("Swazi", "SWZ"),
    ("Burma", "MMR"),
    ("Burmese", "MMR"),
    ("Ivory Coast", "CIV"),
    ("Côte d\u2019Ivoire", "CIV"),
    ("Cote d'Ivoire", "CIV"),
    ("Ivorian", "CIV"),
    ("Yamoussoukro", "CIV"),
    ("Czech Republic", "CZE"),
    ("Czechia", "CZE"),
    ("Macedonia", "MKD"),
    ("North Macedonia", "MKD"),
    ("Cape Verde", "CPV"),
    ("Cabo Verde", "CPV"),
    ("Zaire", "COD"),
    ("DRC", "COD"),
    ("Democratic Republic of the Congo", "COD"),
    ("Congo", "COG"),
    ("Congolese", "COD"),
    ("Holland", "NLD"),
    ("the Netherlands", "NLD"),
    ("Persia", "IRN"),
    ("Iran", "IRN"),
    ("Islamic Republic of Iran", "IRN"),
    ("Syria", "SYR"),
    ("South Korea", "KOR"),
    ("Republic of Korea", "KOR"),
    ("North Korea", "PRK"),
    ("North Korean", "PRK"),
    ("Vietnam", "VNM"),
    ("Viet Nam", "VNM"),
    ("Laos", "LAO"),
    ("Tanzania", "TZA"),
    ("Bolivia", "BOL"),
    ("Venezuela", "VEN"),
    ("Moldova", "MDA"),
    ("Taiwan", "TWN"),
    ("US", "USA"),
    ("U.S.", "USA"),
    ("the US", "USA"),
    ("USA", "USA"),
    ("America", "USA"),
    ("American", "USA"),
    ("Americans", "USA"),
    ("Washington", "USA"),
    ("UK", "GBR"),
    ("Britain", "GBR"),
    ("Great Britain", "GBR"),
    ("British", "GBR"),
    ("Georgia", "GEO"),
    ("Tbilisi", "GEO"),
    ("Niger", "NER"),
    ("Nigerien", "NER"),
    ("Nigerian", "NGA"),
    ("Guinea", "GIN"),
    ("Guinea-Bissau", "GNB"),
    ("Equatorial Guinea", "GNQ"),
    ("Papua New Guinea", "PNG"),
    ("Chad", "TCD"),
    ("Kosovo", "XKX"),
    ("Pristina", "XKX"),
    ("Palestine", "PSE"),
    ("Hong Kong", "HKG"),
    ("Holy See", "VAT"),
    ("Brasília", "BRA"),
    ("Brasilia", "BRA"),
    ("Kyrgyz", "KGZ"),
    ("Uzbek", "UZB"),
    ("Tashkent", "UZB"),
    ("Bishkek", "KGZ"),
    ("Hanoi", "VNM"),
    ("Minsk", "BLR"),
    ("Belarusian", "BLR"),
    ("Prague", "CZE"),
    ("Mbabane", "SWZ"),
    ("Naypyidaw", "MMR"),
    ("Skopje", "MKD"),
    ("Praia", "CPV"),
])
def test_a_form_of_any_kind_names_its_country(text: str, expected: str) -> None:
    assert country_lookup(text) == expected


@pytest.mark.parametrize("text", [
    "Turkic",        # a family of peoples, not Türkiye
    "turkey",        # the bird
    "china",         # porcelain
    "us",            # the pronoun
    "Us",
    "polish",        # the verb
    "",
    "   ",
    "Organization of Turkic States",
    "Istanbul",      # a city, not a capital: place_lookup knows it
    "Paris s",
])
def test_words_that_are_not_countries_resolve_to_nothing(text: str) -> None:
    assert country_lookup(text) is None


@pytest.mark.parametrize("code, name, adjective, capital_city", [
    ("TUR", "Türkiye", "Turkish", "Ankara"),
    ("KAZ", "Kazakhstan", "Kazakh", "Astana"),
    ("ARE", "United Arab Emirates", "Emirati", "Abu Dhabi"),
    ("RUS", "Russia", "Russian", "Moscow"),
    ("KOR", "South Korea", "South Korean", "Seoul"),
    ("USA", "United States", "American", "Washington"),
    ("GBR", "United Kingdom", "British", "London"),
    ("CIV", "Côte d'Ivoire", "Ivorian", "Yamoussoukro"),
    ("BOL", "Bolivia", "Bolivian", "Sucre"),
    ("UKR", "Ukraine", "Ukrainian", "Kyiv"),
])
def test_a_country_has_a_preferred_name_demonym_and_capital(code, name, adjective, capital_city) -> None:
    assert (country_name(code), demonym(code), capital(code)) == (name, adjective, capital_city)


def test_an_unknown_code_displays_as_itself() -> None:
    assert country_name("ZZZ") == "ZZZ"
    assert demonym("ZZZ") is None
    assert capital("HKG") is None


def test_the_codebook_covers_every_un_member_and_nothing_else() -> None:
    assert set(country_codes()) == UN_MEMBERS | OTHERS
    assert len(UN_MEMBERS) == 193


@pytest.mark.parametrize("code", sorted(UN_MEMBERS | OTHERS))
def test_every_country_has_one_name_a_demonym_and_a_capital(code: str) -> None:
    kinds = [form.kind for form in country_forms() if form.code == code]
    assert kinds.count("name") == 1
    if code not in NO_DEMONYM:
        assert "demonym" in kinds, f"{code} has no demonym"
    if code != "HKG":
        assert "capital" in kinds, f"{code} has no capital"


def test_one_surface_form_names_one_country() -> None:
    owner: dict[str, str] = {}
    clashes = [f"{form.form}: {owner[fold(form.form)]} and {form.code}"
               for form in country_forms()
               if owner.setdefault(fold(form.form), form.code) != form.code]
    assert clashes == []


def test_forms_are_of_known_kinds_and_immutable() -> None:
    forms = country_forms()
    assert isinstance(forms, tuple) and forms
    assert {form.kind for form in forms} <= set(COUNTRY_KINDS)
    with pytest.raises(AttributeError):
        forms[0].code = "XXX"  # type: ignore[misc]


def test_every_form_resolves_to_its_own_country() -> None:
    wrong = [(form.form, form.code, country_lookup(form.form)) for form in country_forms()
             if country_lookup(form.form) != form.code]
    assert wrong == []
