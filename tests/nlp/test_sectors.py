"""Table-driven tests of the sectors component: sector words, claims, names and prefixes."""
from __future__ import annotations

import pytest

from dragoman import codebooks


def _sectors(rec):
    return {s.sector for s in rec.sectors}


@pytest.mark.parametrize("text, expected", [
    ("The two sides discussed cooperation in the defence industry.", {"defence"}),
    ("Kazakhstan wants to export more natural gas to Europe.", {"energy", "trade"}),
    ("Turkish universities will open branches for Kazakh students.", {"education"}),
    ("The ministers agreed to strengthen cultural and humanitarian relations.", {"culture"}),
    ("They called for joint action against terrorism and extremism.", {"security"}),
    ("Both countries are members of the Organization of Turkic States.", {"multilateral"}),
    ("The bank will extend a loan for the new railway line.", {"finance", "transport"}),
    ("Japan will help Vietnam build hospitals and train doctors.", {"health"}),
    ("Chile and Peru signed a deal on wheat and fertiliser exports.", {"agriculture", "trade"}),
    ("Foreign investors poured money into the country's digital economy.", {"investment", "technology"}),
    ("The UN Security Council met on Monday.", {"multilateral", "security"}),
    ("Fishermen from Senegal were detained near the coast.", {"agriculture"}),
    ("The weather was fine and the ministers had lunch.", set()),
])
def test_sector_words(run, text, expected):
    assert _sectors(run(text)) == expected


@pytest.mark.parametrize("text, absent", [
    ("Non-oil trade between the two countries grew quickly.", "energy"),        # "non-" prefix
    ("Israel and the Palestinians discussed the West Bank.", "finance"),        # a place name
    ("Maria Banks, the envoy, arrived in Accra.", "finance"),                   # a person's name
])
def test_sector_words_inside_names_and_after_non_do_not_count(run, text, absent):
    assert absent not in _sectors(run(text))


def test_un_in_lower_case_is_no_organisation(run):
    assert "multilateral" not in _sectors(run("The plan was un-workable, he said."))


def test_mentions_carry_the_words_that_name_the_sector(run):
    text = "Trade volume between the two countries reached a record."
    rec = run(text)
    (mention,) = [s for s in rec.sectors if s.sector == "trade"]
    start, end = mention.span
    assert text[start:end] == mention.term == "Trade volume"


@pytest.mark.parametrize("metric, sector", [
    ("trade_volume", "trade"), ("exports", "trade"), ("trade_partner_rank", "trade"),
    ("fdi", "investment"), ("investor_rank", "investment"), ("loan", "finance"), ("other", None),
])
def test_claims_add_the_sector_of_their_metric(nlp, metric, sector):
    from dragoman.model import Claim
    from dragoman.nlp.sectors import claim_sectors

    doc = nlp.make_doc("Two-way figures reached $6.3 billion in 2022.")
    doc._.claims = [Claim("C1", metric, 6.3e9, "exact", "USD", "actual", "2022", "TUR", "KAZ", None, (0, 44))]
    assert [(m.sector, m.span) for m in claim_sectors(doc)] == ([(sector, (0, 44))] if sector else [])


def test_every_sector_of_the_lexicon_is_a_contract_sector():
    from dragoman.model import SECTORS
    assert {t.sector for t in codebooks.sector_terms()} <= set(SECTORS)


@pytest.mark.parametrize("text, absent", [
    # A word inside an office title names who speaks, not what was discussed.
    ("Chilean Energy Minister Rosa Fuentes arrived in Lima on Monday.", "energy"),
    ("The talks were led by Peru's Minister of Culture, Ana Quispe.", "culture"),
    ("Ghana's Minister for Foreign Trade, Kofi Mensah, landed in Accra.", "trade"),
    ("The Bolivian transport ministry said the delegation had arrived.", "transport"),
    ("Health Cabinet Secretary Amina Odhiambo welcomed the visitors.", "health"),
    # Idioms and metaphors.
    ("The two ministers agreed on a road map for closer ties.", "transport"),
    ("Lisbon welcomed the delegation from Maputo with open arms.", "defence"),
    ("The plant uses state-of-the-art machinery.", "culture"),
    # A verb use of a noun term.
    ("The minister credited the reforms for the recovery.", "finance"),
    # A summit of two leaders is no multilateral forum.
    ("President Ruto held a summit in Nairobi with his Tanzanian counterpart.", "multilateral"),
    ("Both leaders attended a bilateral summit in Hanoi.", "multilateral"),
    # Infrastructure of another kind than transport.
    ("Finland will help modernise Namibia's water infrastructure.", "transport"),
    # Technology as know-how, with no other mention of the sector.
    ("We need Swiss technology in our mines, the minister said.", "technology"),
    # Tourism is outside the contract's culture sector.
    ("Tourism from Oman to Jordan doubled last year.", "culture"),
    # Longer phrases of another sector win.
    ("Malaysia exports palm oil to Pakistan.", "energy"),
    ("The fund's investment arm bought a stake in a Kenyan bank.", "defence"),
])
def test_titles_idioms_and_non_topic_uses_do_not_count(run, text, absent):
    assert absent not in _sectors(run(text))


@pytest.mark.parametrize("text, present", [
    # The same words as topics still count.
    ("The ministers discussed energy cooperation and new gas pipelines.", "energy"),
    ("Ghana and Togo want to expand trade across their border.", "trade"),
    ("The leaders will meet at the summit of the Pacific Islands Forum.", "multilateral"),
    ("The presidents agreed to hold a trilateral summit with Chile in May.", "multilateral"),
    ("Leaders gathered in Brasilia for the regional summit.", "multilateral"),
    ("The bank will finance roads and other infrastructure.", "transport"),
    ("They signed a memorandum on technology transfer.", "technology"),
    ("Estonia offered its technology and digital know-how to Moldova.", "technology"),
    ("The ministers agreed to cooperate in science and technology.", "technology"),
    # Multilateral bodies.
    ("Chile supports Peru's bid to join the OECD.", "multilateral"),
    ("Tunisia raised the issue with the European Commission.", "multilateral"),
    ("The EU imposed new duties on steel.", "multilateral"),
    ("Uganda will chair IGAD next year.", "multilateral"),
    ("Ecuador filed a complaint at the World Trade Organization.", "multilateral"),
    ("Tourism from Oman to Jordan doubled last year.", "other"),
    ("Malaysia exports palm oil to Pakistan.", "agriculture"),
    ("Arms sales to Morocco rose last year.", "defence"),
])
def test_topic_uses_count(run, text, present):
    assert present in _sectors(run(text))
