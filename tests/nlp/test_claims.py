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
    # a debt is the lender's loan: the possessor is the debtor
    ("Zambia's debt to China stood at about $6 billion last year.",
     [claim("loan", 6e9, "about", "USD", "actual", "2023", "CHN", "ZMB")]),
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
    ("as much as", "at_most"), ("closer to", "about"), ("in the region of", "about"),
    ("just shy of", "less_than"),
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


@pytest.mark.parametrize("text, expected", [
    # a target noun beside the figure, outside its noun phrase
    ("Reaching two-way trade of $3 billion, the goal set by both governments, is now within sight "
     "for Ghana and Togo.",
     [claim("trade_volume", 3e9, "exact", "USD", "target", None, "GHA", "TGO")]),
    ("With bilateral trade of $1 billion as their common target, Ghana and Togo will reopen the border.",
     [claim("trade_volume", 1e9, "exact", "USD", "target", None, "GHA", "TGO")]),
    # the deadline in a later clause that points back at the figure
    ("The target of $2 billion in trade between Ghana and Togo is ambitious, and both sides will "
     "work hard to achieve it by 2027.",
     [claim("trade_volume", 2e9, "exact", "USD", "target", "2027", "GHA", "TGO")]),
    # "and" between two names does not cut the deadline off
    ("The two presidents set a target of $5 billion in trade between Ghana and Togo by 2029.",
     [claim("trade_volume", 5e9, "exact", "USD", "target", "2029", "GHA", "TGO")]),
    ("Ghana aims to lift trade with Togo to $4 billion.",
     [claim("trade_volume", 4e9, "exact", "USD", "target", None, "GHA", "TGO")]),
    ("Ghana and Togo renewed the goal of $4 billion in two-way trade.",
     [claim("trade_volume", 4e9, "exact", "USD", "target", None, "GHA", "TGO")]),
    ('"We want to bring mutual trade to $6 billion within three years," Ghanaian President '
     'Kwame Asante told his Togolese counterpart.',
     [claim("trade_volume", 6e9, "exact", "USD", "target", "2027", "GHA", "TGO")]),
    ("Ghana hopes to attract $2 billion in Togolese investment by 2028.",
     [claim("investment", 2e9, "exact", "USD", "target", "2028", "TGO", "GHA")]),
    # money made available is a target by the team's convention; money already given is not
    ("Morocco announced €20 million in grants for Mauritanian schools.",
     [claim("aid", 20e6, "exact", "EUR", "target", None, "MAR", "MRT")]),
    ("Morocco announced that it had disbursed €20 million in grants to Mauritania.",
     [claim("aid", 20e6, "exact", "EUR", "actual", None, "MAR", "MRT")]),
    ("Ghana pledged $10 million in aid to Togo.",
     [claim("aid", 10e6, "exact", "USD", "target", None, "GHA", "TGO")]),
    # raising something to a level, as an infinitive or a gerund, sets a goal
    ("The presidents told their ministers to bring trade between Ghana and Togo up to $1 billion.",
     [claim("trade_volume", 1e9, "exact", "USD", "target", None, "GHA", "TGO")]),
    ("The roadmap envisages increasing trade between Ghana and Togo to $3 billion.",
     [claim("trade_volume", 3e9, "exact", "USD", "target", None, "GHA", "TGO")]),
    ("Ghana and Togo have a trade target of $8 billion for 2027.",
     [claim("trade_volume", 8e9, "exact", "USD", "target", "2027", "GHA", "TGO")]),
    ("Trade between Ghana and Togo rose to $3 billion in 2023.",
     [claim("trade_volume", 3e9, "exact", "USD", "actual", "2023", "GHA", "TGO")]),
    ("Ghanaian firms signed new deals in Togo, bringing their investment there to $900 million.",
     [claim("investment", 900e6, "exact", "USD", "actual", None, "GHA", "TGO")]),
    # forecasts
    ("Trade between Ghana and Togo is set to exceed $4 billion this year.",
     [claim("trade_volume", 4e9, "more_than", "USD", "forecast", "2024", "GHA", "TGO")]),
    ("Official projections show trade between Ghana and Togo reaching $2 billion this year.",
     [claim("trade_volume", 2e9, "exact", "USD", "forecast", "2024", "GHA", "TGO")]),
    ("Official estimates show that trade between Ghana and Togo reached $2 billion last year.",
     [claim("trade_volume", 2e9, "exact", "USD", "actual", "2023", "GHA", "TGO")]),
    ("Trade between Ghana and Togo should reach $3 billion by the end of next year.",
     [claim("trade_volume", 3e9, "exact", "USD", "forecast", "2025", "GHA", "TGO")]),
    ("Togo's exports to Ghana are projected to rise to $900 million in 2025.",
     [claim("exports", 900e6, "exact", "USD", "forecast", "2025", "TGO", "GHA")]),
])
def test_target_and_forecast_status(run, text, expected):
    assert scored(run(text)) == expected


@pytest.mark.parametrize("text, expected", [
    ("Brazil ranks second among Turkmenistan's trading partners.",
     [claim("trade_partner_rank", 2, "exact", "rank", "actual", None, "BRA", "TKM")]),
    ("Brazil ranked third among foreign investors in Angola last year.",
     [claim("investor_rank", 3, "exact", "rank", "actual", "2023", "BRA", "AGO")]),
    ("Mexico occupies fourth place among Colombia's trading partners.",
     [claim("trade_partner_rank", 4, "exact", "rank", "actual", None, "MEX", "COL")]),
    ("Among Ecuador's trading partners, Peru ranks sixth.",
     [claim("trade_partner_rank", 6, "exact", "rank", "actual", None, "PER", "ECU")]),
    ("Germany is among the top three trading partners of Vietnam.",
     [claim("trade_partner_rank", 3, "at_most", "rank", "actual", None, "DEU", "VNM")]),
    ("China is Laos's second-largest trading partner.",
     [claim("trade_partner_rank", 2, "exact", "rank", "actual", None, "CHN", "LAO")]),
    ("Japan is the largest investor in Cambodia.",
     [claim("investor_rank", 1, "exact", "rank", "actual", None, "JPN", "KHM")]),
    # "making X Y's ...": X is ranked, Y ranks
    ("Exports from Oman to Yemen reached $1 billion last year, making Yemen Oman's fifth-largest "
     "trading partner.",
     [claim("exports", 1e9, "exact", "USD", "actual", "2023", "OMN", "YEM"),
      claim("trade_partner_rank", 5, "exact", "rank", "actual", None, "YEM", "OMN")]),
    # "the kingdom" is not the country whose partners are ranked
    ("Jordanian ministers met Saudi officials in Amman. The minister said the kingdom was "
     "Jordan's largest trading partner.",
     [claim("trade_partner_rank", 1, "exact", "rank", "actual", None, "SAU", "JOR")]),
])
def test_ranks(run, text, expected):
    assert scored(run(text)) == expected


@pytest.mark.parametrize("text, expected", [
    ("Exports from Vietnam to Japan reached $20 billion in the first nine months of 2023.",
     [claim("exports", 20e9, "exact", "USD", "actual", "2023", "VNM", "JPN")]),
    ("Last year Peru bought Chilean goods worth $3 billion.",
     [claim("imports", 3e9, "exact", "USD", "actual", "2023", "PER", "CHL")]),
    ("Trade between Chile and Peru reached, in 2022, a record $5 billion.",
     [claim("trade_volume", 5e9, "exact", "USD", "actual", "2022", "CHL", "PER")]),
    # the base of a change has the time after it, or none
    ("Peru's exports to Chile fell to $1 billion in 2023 from $1.3 billion.",
     [claim("exports", 1e9, "exact", "USD", "actual", "2023", "PER", "CHL"),
      claim("exports", 1.3e9, "exact", "USD", "actual", None, "PER", "CHL")]),
    # a time in another clause is not the figure's
    ("The two ministers first met in 2019, and trade between Chile and Peru is now $5 billion.",
     [claim("trade_volume", 5e9, "exact", "USD", "actual", None, "CHL", "PER")]),
    # a percentage change after the figure shares its period
    ("Peruvian direct investment in Chile rose to $2.5 billion in the first half of this year, "
     "up 14 percent from a year earlier.",
     [claim("fdi", 2.5e9, "exact", "USD", "actual", "2024", "PER", "CHL"),
      claim("fdi", 14, "exact", "percent", "actual", "2024", "PER", "CHL")]),
])
def test_periods(run, text, expected):
    assert scored(run(text)) == expected


@pytest.mark.parametrize("text, expected", [
    # the same figure restated in another currency is the same claim
    ("Ecuador's trade with Colombia stood at 3.2 billion dollars in 2023, or roughly 12.8 trillion "
     "Colombian pesos.",
     [claim("trade_volume", 3.2e9, "exact", "USD", "actual", "2023", "ECU", "COL"),
      claim("trade_volume", 12.8e12, "about", "COP", "actual", "2023", "ECU", "COL")]),
    ("Chilean direct investment in Bolivia reached 9 billion bolivianos (about $1.3 billion) in 2023.",
     [claim("fdi", 9e9, "exact", "BOB", "actual", "2023", "CHL", "BOL"),
      claim("fdi", 1.3e9, "about", "USD", "actual", "2023", "CHL", "BOL")]),
    # exports: the seller holds; imports: the buyer; "we": the speaker's country
    ('"We exported $700 million worth of fish to Nigeria last year," Senegalese Trade Minister '
     'Aminata Ba said.',
     [claim("exports", 700e6, "exact", "USD", "actual", "2023", "SEN", "NGA")]),
    ('"Our imports from Senegal reached $300 million last year," Nigerian Trade Minister Chidi Okafor said.',
     [claim("imports", 300e6, "exact", "USD", "actual", "2023", "NGA", "SEN")]),
    ("Chile paid Bolivia $450 million for natural gas in 2023.",
     [claim("imports", 450e6, "exact", "USD", "actual", "2023", "CHL", "BOL")]),
    # the name of a ministry or agency names no metric
    ("Data from Ghana's Ministry of Trade and Investment show Togolese direct investment in the "
     "country at $75 million to date.",
     [claim("fdi", 75e6, "exact", "USD", "actual", "2024-05-14", "TGO", "GHA")]),
])
def test_conversions_holders_and_organisation_names(run, text, expected):
    assert scored(run(text)) == expected


@pytest.mark.parametrize("text, expected", [
    # what a project costs is not a loan, even after a loan figure
    ("Kenya's debt to China reached $9 billion last year. The railway extension is expected to cost "
     "$3.6 billion.",
     [claim("loan", 9e9, "exact", "USD", "actual", "2023", "CHN", "KEN")]),
    ("Chinese loans to Kenya total $9 billion. The new highway could cost up to $2 billion, officials said.",
     [claim("loan", 9e9, "exact", "USD", "actual", None, "CHN", "KEN")]),
    # spending by visitors and arrears are not a contract metric
    ("Tourists from Norway spent about 2 billion kroner in Iceland last year.", []),
    ("Arrears of about $400 million owed by Zambia to Angola are under discussion.", []),
])
def test_figures_without_a_metric_of_their_own_are_not_scored(run, text, expected):
    assert scored(run(text)) == expected


@pytest.mark.parametrize("text, expected", [
    ("China has lent Kenya $9 billion since 2006. A further $1 billion could be disbursed next year.",
     ("loan", 1e9, "forecast")),
    ("Trade between Kenya and China reached $8 billion last year. It could grow by 10 percent this year.",
     ("trade_volume", 10, "forecast")),
])
def test_a_figure_that_points_back_takes_the_metric_before(run, text, expected):
    last = run(text).claims[-1]
    assert (last.metric, last.value, last.status) == expected


@pytest.mark.parametrize("text, expected", [
    # "the same period of YEAR", "a year earlier", "the previous year": the base's own time
    ("Bolivian exports to Paraguay fell to $600 million in the first nine months of this year from "
     "$750 million in the same period of 2023.",
     [claim("exports", 600e6, "exact", "USD", "actual", "2024", "BOL", "PRY"),
      claim("exports", 750e6, "exact", "USD", "actual", "2023", "BOL", "PRY")]),
    ("Trade between Latvia and Estonia reached 3.1 billion euros in 2022, up from 2.7 billion euros "
     "the previous year.",
     [claim("trade_volume", 3.1e9, "exact", "EUR", "actual", "2022", "LVA", "EST"),
      claim("trade_volume", 2.7e9, "exact", "EUR", "actual", "2021", "LVA", "EST")]),
    ("Uruguay's imports from Argentina rose to $1.6 billion in 2021 from $1.2 billion a year earlier.",
     [claim("imports", 1.6e9, "exact", "USD", "actual", "2021", "URY", "ARG"),
      claim("imports", 1.2e9, "exact", "USD", "actual", "2020", "URY", "ARG")]),
    # a month range, at the head of the sentence too
    ("Over the January-March period, Tunisian exports to Libya were worth $310 million.",
     [claim("exports", 310e6, "exact", "USD", "actual", "2024-03", "TUN", "LBY")]),
    ("Trade between Oman and Yemen totalled $900 million in January–April 2023.",
     [claim("trade_volume", 900e6, "exact", "USD", "actual", "2023-04", "OMN", "YEM")]),
    # "a 12 percent increase over the previous year": that year is the base, not the period
    ("Trade between Qatar and Oman reached $2 billion in 2023, a 12 percent increase over the previous year.",
     [claim("trade_volume", 2e9, "exact", "USD", "actual", "2023", "QAT", "OMN"),
      claim("trade_volume", 12, "exact", "percent", "actual", "2023", "QAT", "OMN")]),
    # a short aside with a figure, or nouns joined by "and", do not cut the time off
    ("Danish investment in Ghana totalled 2 billion kroner, roughly $290 million, last year.",
     [claim("investment", 2e9, "exact", "DKK", "actual", "2023", "DNK", "GHA"),
      claim("investment", 290e6, "about", "USD", "actual", "2023", "DNK", "GHA")]),
    ("Egypt bought $700 million of Sudanese sesame and cattle in 2023.",
     [claim("imports", 700e6, "exact", "USD", "actual", "2023", "EGY", "SDN")]),
    ("Namibia's exports to Angola were $400 million in the last fiscal year.",
     [claim("exports", 400e6, "exact", "USD", "actual", "2023", "NAM", "AGO")]),
])
def test_base_periods_month_ranges_and_asides(run, text, expected):
    assert scored(run(text)) == expected


@pytest.mark.parametrize("text, expected", [
    # a rank whose noun is left out after one that names it
    ("Brazil is Chile's largest trading partner, while Chile is Brazil's sixth-largest.",
     [claim("trade_partner_rank", 1, "exact", "rank", "actual", None, "BRA", "CHL"),
      claim("trade_partner_rank", 6, "exact", "rank", "actual", None, "CHL", "BRA")]),
    # without a rank before, a bare superlative is no rank
    ("Chile is Brazil's largest.", []),
    # "the kingdom" is not the country named on the other side of the figure
    ("Morocco and Spain signed two accords. The kingdom's investments in Spain reached $3 billion, "
     "officials said.",
     [claim("investment", 3e9, "exact", "USD", "actual", None, "MAR", "ESP")]),
    # "pass" a figure is more than it
    ("Ghana and Togo want their trade to pass $1 billion by 2027.",
     [claim("trade_volume", 1e9, "more_than", "USD", "target", "2027", "GHA", "TGO")]),
])
def test_elliptical_ranks_holders_and_verbs_of_passing(run, text, expected):
    assert scored(run(text)) == expected


def test_the_figure_restated_by_another_speaker_keeps_its_parties(run):
    text = ("Fiji and Tonga held talks in Suva. Fijian Trade Minister Sela Vuki said Tongan firms had "
            "invested about $40 million in Fiji. Tongan Finance Minister Pita Lolo said the figure was "
            "closer to $55 million.")
    got = [(c.metric, c.value, c.qualifier, c.holder, c.counterpart) for c in run(text).claims]
    assert got == [("investment", pytest.approx(40e6), "about", "TON", "FJI"),
                   ("investment", pytest.approx(55e6), "about", "TON", "FJI")]


@pytest.mark.parametrize("text, expected", [
    # a deadline counted from publication (2024-05-14); a span ("over the next N years") is none
    ("Ghana and Togo aim to double bilateral trade to $2 billion within five years.",
     [claim("trade_volume", 2e9, "exact", "USD", "target", "2029", "GHA", "TGO")]),
    ("Trade between Ghana and Togo is expected to reach $2 billion within a decade.",
     [claim("trade_volume", 2e9, "exact", "USD", "forecast", "2034", "GHA", "TGO")]),
    ("Ghana and Togo want to raise trade to $3 billion by the end of the decade.",
     [claim("trade_volume", 3e9, "exact", "USD", "target", "2030", "GHA", "TGO")]),
    ("Ghana will provide $50 million in loans to Togo over the next three years.",
     [claim("loan", 50e6, "exact", "USD", "target", None, "GHA", "TGO")]),
])
def test_deadlines_counted_from_publication(run, text, expected):
    assert scored(run(text)) == expected


@pytest.mark.parametrize("text, expected", [
    # other nouns for a trading partner
    ("Chile is Peru's third largest export market.",
     [claim("trade_partner_rank", 3, "exact", "rank", "actual", None, "CHL", "PER")]),
    ("China is Laos's largest source of imports.",
     [claim("trade_partner_rank", 1, "exact", "rank", "actual", None, "CHN", "LAO")]),
    # "the largest ... after X" is second; a measure ranked against another country's
    ("Brazil is the largest investor in Angola after Portugal.",
     [claim("investor_rank", 2, "exact", "rank", "actual", None, "BRA", "AGO")]),
    ("China is Kenya's biggest trading partner, behind only the European Union.",
     [claim("trade_partner_rank", 2, "exact", "rank", "actual", None, "CHN", "KEN")]),
    ("Japanese investment in Vietnam was the second highest after South Korea.",
     [claim("investor_rank", 2, "exact", "rank", "actual", None, "JPN", "VNM")]),
    ("Kenyan exports to Uganda are the third largest, behind China and India.",
     [claim("trade_partner_rank", 3, "exact", "rank", "actual", None, "KEN", "UGA")]),
    # "after" something that is not a rival does not move the rank
    ("China became Kenya's largest trading partner after overtaking India.",
     [claim("trade_partner_rank", 1, "exact", "rank", "actual", None, "CHN", "KEN")]),
    # ranks within a subset are left out, but still name the noun of a bare rank after them
    ("Brazil is Chile's largest trading partner in Latin America.", []),
    ("Ghana is Togo's largest African trading partner.", []),
    ("Egypt is the largest investor in Sudan among Arab countries.", []),
    ("Spain is among the top five European investors in Morocco.", []),
    ("Thailand is Norway's largest trading partner in Southeast Asia, while Norway is Thailand's "
     "ninth-largest.",
     [claim("trade_partner_rank", 9, "exact", "rank", "actual", None, "NOR", "THA")]),
])
def test_more_rank_forms_and_subsets(run, text, expected):
    assert scored(run(text)) == expected


@pytest.mark.parametrize("text, expected", [
    ("Trade between Chile and Peru was up by around 15 percent in 2023, officials said.",
     [claim("trade_volume", 15, "about", "percent", "actual", "2023", "CHL", "PER")]),
    ("Peruvian exports to Chile fell by a fifth last year.",
     [claim("exports", 20, "exact", "percent", "actual", "2023", "PER", "CHL")]),
    ("Trade between Malaysia and Thailand grew by almost a third in 2023 to $9 billion.",
     [claim("trade_volume", 33.3, "about", "percent", "actual", "2023", "MYS", "THA"),
      claim("trade_volume", 9e9, "exact", "USD", "actual", "2023", "MYS", "THA")]),
    ("Trade between Nigeria and Ghana reached N1.2 trillion last year.",
     [claim("trade_volume", 1.2e12, "exact", "NGN", "actual", "2023", "NGA", "GHA")]),
    ("Pakistani exports to Sri Lanka reached Rs 90 billion last year, officials in Islamabad said.",
     [claim("exports", 90e9, "exact", "PKR", "actual", "2023", "PAK", "LKA")]),
])
def test_changes_and_currencies(run, text, expected):
    assert scored(run(text)) == expected


@pytest.mark.parametrize("text, expected", [
    # both sides' sales to each other are their trade (a two-way measure, "trade_volume")
    ("Mutual exports between Latvia and Estonia reached €4 billion in 2023.",
     [claim("trade_volume", 4e9, "exact", "EUR", "actual", "2023", "LVA", "EST")]),
    ("Reciprocal exports of Ghana and Togo came to $700 million last year.",
     [claim("trade_volume", 700e6, "exact", "USD", "actual", "2023", "GHA", "TGO")]),
    ("Exports from Latvia and Estonia to each other reached €4 billion in 2023.",
     [claim("trade_volume", 4e9, "exact", "EUR", "actual", "2023", "LVA", "EST")]),
    ("Ghana and Togo exported goods worth $700 million to one another last year.",
     [claim("trade_volume", 700e6, "exact", "USD", "actual", "2023", "GHA", "TGO")]),
    ("Exports between Latvia and Estonia reached €4 billion in 2023.",
     [claim("trade_volume", 4e9, "exact", "EUR", "actual", "2023", "LVA", "EST")]),
    # one side's sales stay exports
    ("Latvian exports to Estonia reached €2 billion in 2023.",
     [claim("exports", 2e9, "exact", "EUR", "actual", "2023", "LVA", "EST")]),
    # declines: the magnitude of the change, on the measure that changed (the gold
    # conventions do not give changes a sign; a fall is told by its verb, kept in the span's text)
    ("Trade between Latvia and Estonia fell 5 percent in 2023.",
     [claim("trade_volume", 5, "exact", "percent", "actual", "2023", "LVA", "EST")]),
    ("Ghana's exports to Togo were down 8.5% last year.",
     [claim("exports", 8.5, "exact", "percent", "actual", "2023", "GHA", "TGO")]),
    ("Trade between Ghana and Togo saw a drop of 12 percent in 2023.",
     [claim("trade_volume", 12, "exact", "percent", "actual", "2023", "GHA", "TGO")]),
])
def test_two_way_flows_and_declines(run, text, expected):
    assert scored(run(text)) == expected


@pytest.mark.parametrize("text, expected", [
    # a rival named between the position and the list does not change the position
    ("Norway ranks second after Germany among foreign investors in Lithuania.",
     [claim("investor_rank", 2, "exact", "rank", "actual", None, "NOR", "LTU")]),
    ("Among foreign investors in Lithuania, Norway ranks second after Germany.",
     [claim("investor_rank", 2, "exact", "rank", "actual", None, "NOR", "LTU")]),
    ("Ghana ranks third, behind Nigeria and Togo, among Benin's trading partners.",
     [claim("trade_partner_rank", 3, "exact", "rank", "actual", None, "GHA", "BEN")]),
    ("Poland is second only to Germany among Latvia's trading partners.",
     [claim("trade_partner_rank", 2, "exact", "rank", "actual", None, "POL", "LVA")]),
    ("Norway is the third-biggest investor in Lithuania.",
     [claim("investor_rank", 3, "exact", "rank", "actual", None, "NOR", "LTU")]),
    # "one of the top N" bounds the position, like the seed's "among the top 10 investors"
    ("Estonia is one of Finland's top five trading partners.",
     [claim("trade_partner_rank", 5, "at_most", "rank", "actual", None, "EST", "FIN")]),
    # a rank among a subset of investors is left out
    ("Qatar ranks second among Arab investors in Jordan.", []),
])
def test_ranks_with_rivals_and_bounds(run, text, expected):
    assert scored(run(text)) == expected


@pytest.mark.parametrize("text, expected", [
    # a modal on a verb of aiming keeps the figure a goal
    ("Ghana and Togo should strive to lift their trade to $2 billion in the coming years.",
     [claim("trade_volume", 2e9, "exact", "USD", "target", None, "GHA", "TGO")]),
    # "projects" are ventures, not projections
    ("Norway is the third-largest investor in Lithuania, with 150 projects worth $1.4 billion.",
     [claim("investor_rank", 3, "exact", "rank", "actual", None, "NOR", "LTU"),
      claim("investment", 1.4e9, "exact", "USD", "actual", None, "NOR", "LTU")]),
])
def test_status_of_aims_and_projects(run, text, expected):
    assert scored(run(text)) == expected


def test_the_kingdom_invests_and_the_speaker_is_not_a_party(run):
    """A measure parsed under a noun ("amount") is still read from its own phrase, and the
    subject of the verb of saying above it is the speaker, not the investor."""
    text = ("Jordan and Saudi Arabia signed five agreements on Sunday. The kingdom's investments in "
            "Jordan amount to $13 billion, Jordanian Prime Minister Omar Haddad said.")
    extraction = run(text)
    names = {e.id: e.name for e in extraction.entities}
    (c,) = [c for c in extraction.claims if c.metric != "other"]
    assert (c.metric, c.holder, c.counterpart, names.get(c.speaker)) == ("investment", "SAU", "JOR", "Omar Haddad")


@pytest.mark.parametrize("text, speaker", [
    # an organisation or a document states the figure: the article's own claim (speaker null,
    # which the gold accepts beside the organisation's name)
    ("Trade between Latvia and Estonia reached €4 billion in 2023, according to Latvia's customs service.", None),
    ("The statistics office's data show that Latvian exports to Estonia reached €2 billion in 2023.", None),
    ("According to the central bank, Norwegian direct investment in Lithuania stood at €900 million.", None),
    # a person named after "according to" states it
    ("According to Lithuanian Economy Minister Rasa Petraitiene, Norwegian investment in Lithuania "
     "exceeds €1 billion.", "Rasa Petraitiene"),
])
def test_figures_attributed_to_organisations_and_persons(run, text, speaker):
    extraction = run(text)
    names = {e.id: e.name for e in extraction.entities}
    (c,) = [c for c in extraction.claims if c.metric != "other"]
    assert names.get(c.speaker) == speaker


@pytest.mark.parametrize("text, expected", [
    # a place's name is no measure ("Capital" is not capital invested)
    ("Oman has so far invested over $3 billion in Jordan's Aqaba Special Economic Zone.",
     [claim("investment", 3e9, "more_than", "USD", "actual", "2024-05-14", "OMN", "JOR")]),
    ("Qatar has invested $1 billion in Egypt's New Administrative Capital.",
     [claim("investment", 1e9, "exact", "USD", "actual", None, "QAT", "EGY")]),
    ("Poland will receive a $2.4-billion loan from South Korea.",
     [claim("loan", 2.4e9, "exact", "USD", "target", None, "KOR", "POL")]),
])
def test_place_names_and_hyphenated_amounts(run, text, expected):
    assert scored(run(text)) == expected


@pytest.mark.parametrize("text, expected", [
    # "one of the five biggest investors": a top five
    ("Finland is one of the five biggest investors in Estonia.",
     [claim("investor_rank", 5, "at_most", "rank", "actual", None, "FIN", "EST")]),
    # "imports from X" names the counterpart, even when the parser hangs it under another subject
    ("Polish exports to Hungary were worth €5 billion in 2023, while imports from Hungary, mostly cars "
     "and machinery, amounted to €4 billion.",
     [claim("exports", 5e9, "exact", "EUR", "actual", "2023", "POL", "HUN"),
      claim("imports", 4e9, "exact", "EUR", "actual", "2023", "POL", "HUN")]),
    # a time right after a base figure ("up from X a year earlier") is the base's, not the first's
    ("In the first half of this year, trade between Greece and Cyprus rose to €1.1 billion, up from "
     "€950 million a year earlier.",
     [claim("trade_volume", 1.1e9, "exact", "EUR", "actual", "2024", "GRC", "CYP"),
      claim("trade_volume", 950e6, "exact", "EUR", "actual", "2023", "GRC", "CYP")]),
    # "put it at": the measure the sentence before names, with its parties
    ("The ministers disagreed on the size of Austrian investment in Slovenia. Huber put it at about "
     "€3 billion.",
     [claim("investment", 3e9, "about", "EUR", "actual", None, "AUT", "SVN")]),
    # a development agency's money is aid
    ("Japan's development agency will provide up to $40 million for water projects in Laos.",
     [claim("aid", 40e6, "at_most", "USD", "target", None, "JPN", "LAO")]),
])
def test_top_n_superlatives_base_times_and_pointing_back(run, text, expected):
    assert scored(run(text)) == expected


@pytest.mark.parametrize("text", [
    # "it" after a sentence naming two measures, or none: which one is unclear, so not scored
    "Officials discussed trade and investment between Chile and Peru. One minister put it at $2 billion.",
    "The talks between Chile and Peru went well. He put it at $2 billion.",
])
def test_pointing_back_needs_one_measure_named_before(run, text):
    assert scored(run(text)) == []


@pytest.mark.parametrize("text, expected", [
    # a time heading a list of "label: figure;" items is the period of every item
    ("Customs data give the figures for 2022: Peruvian exports to Ghana: $90 million; "
     "Peruvian imports from Ghana: $45 million.",
     [claim("exports", 90e6, "exact", "USD", "actual", "2022", "PER", "GHA"),
      claim("imports", 45e6, "exact", "USD", "actual", "2022", "PER", "GHA")]),
    # a bare quarter or half (no year named) is the year of its end month, past in a past report
    ("Danish exports to Chile reached $70 million in the third quarter.",
     [claim("exports", 70e6, "exact", "USD", "actual", "2023", "DNK", "CHL")]),
    ("Danish exports to Chile reached $70 million in Q1.",
     [claim("exports", 70e6, "exact", "USD", "actual", "2024", "DNK", "CHL")]),
])
def test_list_leads_and_bare_quarters(run, text, expected):
    assert scored(run(text)) == expected
