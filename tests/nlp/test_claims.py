"""Claims: the figures an article reports, with metric, qualifier, status, period and parties.

The `run` fixture extracts a body text published on 2024-05-14 (a Tuesday).
"""
from __future__ import annotations

from pathlib import Path

import pytest

from dragoman.model import Quote

CLAIMS_DATA = Path(__file__).resolve().parents[1] / "data" / "claims"


def scored(extraction):
    """The claims the scorer keeps (metric other is left out), as comparable tuples."""
    out = []
    for c in extraction.claims:
        if c.metric == "other":
            continue
        pair = tuple(sorted((c.holder, c.counterpart))) if c.metric == "trade_volume" else (c.holder, c.counterpart)
        out.append((c.metric, c.value, c.qualifier, c.unit, c.status, c.period, pair))
    return out


def claim(metric, value, qualifier, unit, status, period, holder, counterpart):
    pair = tuple(sorted((holder, counterpart))) if metric == "trade_volume" else (holder, counterpart)
    return (metric, pytest.approx(value), qualifier, unit, status, period, pair)


@pytest.mark.parametrize("text, expected", [
    # money in its common forms, with the metric named next to it
    ("Trade between Germany and Poland reached €150 billion in 2023, officials said.",
     [claim("trade_volume", 150e9, "exact", "EUR", "actual", "2023", "DEU", "POL")]),
    ("Kazakh exports to China were worth 2.5 trillion tenge last year.",
     [claim("exports", 2.5e12, "exact", "KZT", "actual", "2023", "KAZ", "CHN")]),
    ("Trade turnover between Russia and Belarus reached USD 50.1 bn in 2023.",
     [claim("trade_volume", 50.1e9, "exact", "USD", "actual", "2023", "RUS", "BLR")]),
    ("Brazil's new credit line for Angola would provide 3 billion USD over five years.",
     [claim("loan", 3e9, "exact", "USD", "target", None, "BRA", "AGO")]),
    # directions: exporter, importer, investor, lender
    ("Vietnam's exports to Cambodia rose to $4.1 billion last year.",
     [claim("exports", 4.1e9, "exact", "USD", "actual", "2023", "VNM", "KHM")]),
    ("Cambodia imported goods worth $900 million from Thailand in 2023.",
     [claim("imports", 900e6, "exact", "USD", "actual", "2023", "KHM", "THA")]),
    ("Ghana owed Chinese lenders about $1.9 billion at the end of 2023.",
     [claim("loan", 1.9e9, "about", "USD", "actual", "2023", "CHN", "GHA")]),
    ("Indian firms had invested at least $27 billion in Nigeria.",
     [claim("investment", 27e9, "at_least", "USD", "actual", None, "IND", "NGA")]),
    ("German direct investment in Serbia amounts to €2.5 billion to date.",
     [claim("fdi", 2.5e9, "exact", "EUR", "actual", "2024-05-14", "DEU", "SRB")]),
    ("Chile will provide $20 million in humanitarian aid to Peru.",
     [claim("aid", 20e6, "exact", "USD", "target", None, "CHL", "PER")]),
    # status: targets and forecasts
    ("Egypt and Sudan aim to raise bilateral trade to $5 billion by 2026.",
     [claim("trade_volume", 5e9, "exact", "USD", "target", "2026", "EGY", "SDN")]),
    ("Egypt and Sudan have set the goal of bringing their trade to $5 billion by 2027.",
     [claim("trade_volume", 5e9, "exact", "USD", "target", "2027", "EGY", "SDN")]),
    ("Trade between Egypt and Sudan is expected to reach $3 billion this year.",
     [claim("trade_volume", 3e9, "exact", "USD", "forecast", "2024", "EGY", "SDN")]),
    ("Trade between Peru and Chile could grow by 8 percent next year.",
     [claim("trade_volume", 8, "exact", "percent", "forecast", "2025", "PER", "CHL")]),
    # percentages: a change of a measure
    ("Exports from Peru to Chile grew by 12 percent in 2023.",
     [claim("exports", 12, "exact", "percent", "actual", "2023", "PER", "CHL")]),
    # ranges: two claims
    ("Japanese investment in Vietnam is expected to total between $4 billion and $5 billion this year.",
     [claim("investment", 4e9, "at_least", "USD", "forecast", "2024", "JPN", "VNM"),
      claim("investment", 5e9, "at_most", "USD", "forecast", "2024", "JPN", "VNM")]),
    # ranks
    ("Turkey is Kazakhstan's fourth largest trading partner.",
     [claim("trade_partner_rank", 4, "exact", "rank", "actual", None, "TUR", "KAZ")]),
    ("The UAE is India's third-largest trading partner.",
     [claim("trade_partner_rank", 3, "exact", "rank", "actual", None, "ARE", "IND")]),
    ("Japan was among the top 10 investors in Kenya in 2023.",
     [claim("investor_rank", 10, "at_most", "rank", "actual", "2023", "JPN", "KEN")]),
    ("China remained Mongolia's largest trading partner.",
     [claim("trade_partner_rank", 1, "exact", "rank", "actual", None, "CHN", "MNG")]),
])
def test_claims_from_one_sentence(run, text, expected):
    assert scored(run(text)) == expected


@pytest.mark.parametrize("words, qualifier", [
    ("more than", "more_than"), ("over", "more_than"), ("exceeding", "more_than"),
    ("above", "more_than"), ("at least", "at_least"), ("nearly", "about"), ("almost", "about"),
    ("about", "about"), ("around", "about"), ("roughly", "about"), ("some", "about"),
    ("up to", "at_most"), ("no more than", "at_most"), ("less than", "less_than"),
    ("under", "less_than"), ("just under", "less_than"), ("", "exact"),
])
def test_qualifiers(run, words, qualifier):
    text = f"Egyptian companies have invested {words} $2 billion in Sudan."
    (c,) = [c for c in run(text).claims if c.metric == "investment"]
    assert (c.qualifier, c.value) == (qualifier, 2e9)


@pytest.mark.parametrize("text", [
    "Leaders attended the 10th summit of the organisation in Astana.",
    "Kazakhstan congratulated Turkey on the 100th anniversary of the republic.",
    "The two countries have cooperated for 30 years.",
])
def test_ordinals_and_durations_are_not_claims(run, text):
    assert run(text).claims == []


@pytest.mark.parametrize("text, unit, value", [
    ("China accounts for 30 percent of Mongolia's foreign trade.", "percent", 30),
    ("The two sides signed 12 agreements in Ulaanbaatar.", "count", 12),
])
def test_shares_and_counts_are_kept_as_other(run, text, unit, value):
    (c,) = run(text).claims
    assert (c.metric, c.unit, c.value) == ("other", unit, value)


def test_narration_has_no_speaker_and_a_quote_has_its_speaker(run):
    text = ('Bilateral trade between Chile and Peru reached $6 billion in 2022, according to customs data.\n\n'
            '"We have invested over $3 billion in Peru," Chilean Foreign Minister Rosa Fuentes said.')
    extraction = run(text)
    names = {e.id: e.name for e in extraction.entities}
    trade, investment = extraction.claims
    assert trade.speaker is None
    assert names.get(investment.speaker) == "Rosa Fuentes"
    assert (investment.holder, investment.counterpart) == ("CHL", "PER")


def test_we_is_the_country_of_the_speaker_of_a_hand_made_quote(nlp):
    """Speaker logic with quotes given by hand: the claims component reads only doc._.quotes."""
    from datetime import date
    text = ('Kenyan Foreign Minister Grace Otieno held talks with Ugandan officials in Kampala.\n\n'
            '"We have invested $2 billion in Uganda," she said.')
    doc = nlp.make_doc(text)
    doc._.pub_date = date(2024, 5, 14)
    for name, component in nlp.pipeline:
        if name == "dragoman_claims":
            break
        doc = component(doc)
    otieno = next(e for e in doc._.entities if e.kind == "person")
    start = text.index("We have")
    end = text.index(",\" she")
    doc._.quotes = [Quote("Q1", otieno.id, "direct", text[start:end], (start, end), "said")]
    doc = nlp.get_pipe("dragoman_claims")(doc)
    (c,) = doc._.claims
    assert (c.metric, c.holder, c.counterpart, c.speaker) == ("investment", "KEN", "UGA", otieno.id)


def test_claim_spans_point_at_the_figure(run):
    text = "Trade between Germany and Poland reached €150 billion in 2023."
    (c,) = run(text).claims
    assert text[c.span[0]:c.span[1]] == "€150 billion"


def test_synthetic_articles_reach_the_floor(extractor):
    """Quality floor on tests/data/claims (articles written for this purpose): claims F1
    >= 0.9 and every required finding found."""
    from dragoman.evaluation import evaluate_paths
    from dragoman.read import read_inputs

    def extract_file(path: Path) -> dict:
        (article,) = list(read_inputs([str(path)]))
        return extractor.extract_article(article).to_dict()

    report = evaluate_paths([CLAIMS_DATA], extract_file)
    assert report.articles >= 5
    assert report.f1("claims") >= 0.9
    assert report.parts["findings"].recall == 1.0
