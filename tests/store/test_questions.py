"""Questions to the knowledge base: dyads, claims, quotes, findings across articles."""
from __future__ import annotations

import datetime as dt

import pytest

from dragoman.errors import ConfigError

from .builders import Builder, Person

FIDAN = Person("Hakan Fidan", "TUR", ["foreign minister"], ["Fidan"])
NURTLEU = Person("Murat Nurtleu", "KAZ", ["foreign minister"], ["Nurtleu", "Nurtileu"])


def seed_like(id: str = "s1", date: str = "2023-09-11", version: str = "v1"):
    """The shape of the seed, made up again: a meeting, a planned summit, figures."""
    b = Builder(id, date)
    b.country("TUR", "Türkiye")
    kaz = b.country("KAZ", "Kazakhstan")
    fidan, nurtleu = b.person(FIDAN), b.person(NURTLEU)
    astana = b.place("Astana", "KAZ")
    ots = b.org("Organization of Turkic States", ["OTS"])
    b.sector("energy", "natural gas")
    b.quote(fidan, "Our bond is strong.")
    b.quote(nurtleu, "Distance does not divide us.")
    c1 = b.claim("investment", 5e9, qualifier="more_than", holder="TUR", counterpart="KAZ",
                 speaker=fidan)
    c2 = b.claim("trade_volume", 1e10, status="target", holder="TUR", counterpart="KAZ",
                 speaker=fidan)
    c3 = b.claim("trade_volume", 6.3e9, period="2022", holder="KAZ", counterpart="TUR",
                 speaker=nurtleu)
    c4 = b.claim("fdi", 4.7e9, holder="TUR", counterpart="KAZ", speaker=nurtleu)
    b.event("CONSULT", [fidan], [nurtleu], date=date, mode="meeting", location=astana,
            cameo="040", goldstein=1.0)
    b.event("CONSULT", [ots], [], date="2023-11", mode="summit", status="planned",
            location=kaz, cameo="043", goldstein=2.8)
    b.finding("discrepancy", [c1, c4])
    b.finding("target_progress", [c2, c3], ratio=0.63)
    return b.build(version)


def elsewhere(id: str = "x1", date: str = "2023-10-02"):
    """An article about another pair, with a Turkish minister in it."""
    b = Builder(id, date)
    b.country("TUR", "Türkiye")
    b.country("AZE", "Azerbaijan")
    fidan = b.person(FIDAN)
    minister = b.person(Person("Elnur Mammadli", "AZE", ["foreign minister"]))
    b.quote(fidan, "Baku and Ankara stand together.")
    b.claim("trade_volume", 7e9, period="2022", holder="TUR", counterpart="AZE", speaker=fidan)
    b.event("CONSULT", [fidan], [minister], date=date, goldstein=1.0)
    return b.build()


def test_the_dyad_of_the_seed_shape(kb):
    kb.store([seed_like(), elsewhere()])
    d = kb.dyad("TUR", "KAZ").to_dict()
    assert d["dyad"] == ["TUR", "KAZ"] and d["country_scheme"] == "ISO 3166-1 alpha-3"
    trade = next(s for s in d["series"] if s["metric"] == "trade_volume")
    (actual,) = trade["actual"]
    assert (actual["period"], actual["value"], actual["unit"]) == ("2022", 6300000000, "USD")
    assert [c["speaker"] for c in actual["claimed_by"]] == ["Murat Nurtleu"]
    (target,) = trade["targets"]
    assert target["value"] == 10000000000
    assert trade["progress"][0]["ratio"] == pytest.approx(0.63)
    kinds = sorted((f["kind"], f["metric"]) for f in d["findings"])
    assert kinds == [("discrepancy", "investment"), ("target_progress", "trade_volume")]
    events = {(e["date"], e["status"], e["location"]) for e in d["timeline"]}
    assert events == {("2023-09-11", "occurred", "Astana"), ("2023-11", "planned", "Kazakhstan")}
    assert [t["month"] for t in d["tone"]] == ["2023-09", "2023-11"]
    assert {q["speaker"] for q in d["quotes"]} == {"Hakan Fidan", "Murat Nurtleu"}
    assert d["counts"]["articles"] == 1


def test_a_dyad_leaves_out_other_pairs(kb):
    kb.store([seed_like(), elsewhere()])
    d = kb.dyad("KAZ", "TUR").to_dict()
    assert all("AZE" not in e["countries"] for e in d["timeline"])
    assert "Baku and Ankara stand together." not in {
        q["text"] for s in d["quotes"] for q in s["quotes"]}


def test_the_tone_is_the_mean_goldstein_value_of_each_months_events(kb):
    extra = Builder("s2", "2023-09-20")
    extra.country("TUR", "Türkiye")
    extra.country("KAZ", "Kazakhstan")
    fidan, nurtleu = extra.person(FIDAN), extra.person(NURTLEU)
    extra.event("ACCUSE", [fidan], [nurtleu], date="2023-09-19", goldstein=-2.0)
    kb.store([seed_like(), extra.build()])
    tone = {t.month: (t.goldstein, t.events) for t in kb.dyad("TUR", "KAZ").tone}
    assert tone["2023-09"] == (pytest.approx(-0.5), 2)


def test_since_and_until_narrow_the_dyad(kb):
    kb.store([seed_like("s1", "2023-09-11"), seed_like("s2", "2024-03-05")])
    d = kb.dyad("TUR", "KAZ", since=dt.date(2024, 1, 1)).to_dict()
    assert d["counts"]["articles"] == 1
    assert {e["date"] for e in d["timeline"]} >= {"2024-03-05"}
    assert "2023-09-11" not in {e["date"] for e in d["timeline"]}


def test_an_empty_dyad_is_an_empty_answer(kb):
    d = kb.dyad("TUR", "KAZ").to_dict()
    assert (d["timeline"], d["series"], d["quotes"], d["findings"]) == ([], [], [], [])


def test_a_dyad_of_something_that_is_no_country_is_an_error(kb):
    with pytest.raises(ConfigError, match="Atlantis"):
        kb.dyad("TUR", "Atlantis")


def _figure(id: str, date: str, speaker: Person, value: float, qualifier: str = "exact"):
    b = Builder(id, date)
    b.country("KGZ", "Kyrgyzstan")
    b.country("MNG", "Mongolia")
    who = b.person(speaker)
    b.claim("trade_volume", value, qualifier=qualifier, period="2024", holder="KGZ",
            counterpart="MNG", speaker=who)
    return b.build()


BISHKEK = Person("Zhanybek Toktosunov", "KGZ", ["foreign minister"])
ULAANBAATAR = Person("Battulga Enkhbold", "MNG", ["foreign minister"])


def test_two_sources_disagreeing_on_a_figure_give_one_finding_naming_both(kb):
    kb.store([_figure("b1", "2025-06-10", BISHKEK, 310e6),
              _figure("b2", "2025-06-20", ULAANBAATAR, 420e6)])
    (finding,) = kb.findings()
    assert finding.kind == "discrepancy"
    assert {c.speaker for c in finding.claims} == {"Zhanybek Toktosunov", "Battulga Enkhbold"}
    assert {c.source.article for c in finding.claims} == {"b1", "b2"}
    assert "310" in finding.detail and "420" in finding.detail


@pytest.mark.parametrize("value, qualifier", [
    (310e6, "exact"),        # the same figure
    (300e6, "about"),        # "about $300 million" allows 310
    (300e6, "more_than"),    # "more than $300 million" allows 310
])
def test_figures_their_qualifiers_allow_are_no_finding(kb, value, qualifier):
    kb.store([_figure("b1", "2025-06-10", BISHKEK, 310e6),
              _figure("b2", "2025-06-20", ULAANBAATAR, value, qualifier)])
    assert [f for f in kb.findings() if f.kind == "discrepancy"] == []


def test_one_figure_repeated_by_many_outlets_against_another_is_still_one_finding(kb):
    kb.store([_figure(f"r{i}", f"2025-06-{10 + i}", BISHKEK, 310e6) for i in range(4)]
             + [_figure("other", "2025-06-20", ULAANBAATAR, 420e6)])
    (finding,) = [f for f in kb.findings() if f.kind == "discrepancy"]
    assert sorted((c.speaker, c.count, c.articles) for c in finding.claims) == [
        ("Battulga Enkhbold", 1, 1), ("Zhanybek Toktosunov", 4, 4)]


def test_claims_by_metric_dyad_and_speaker(kb):
    kb.store([seed_like(), elsewhere()])
    assert {c.metric for c in kb.claims(dyad=("TUR", "KAZ"))} == {"investment", "trade_volume",
                                                                  "fdi"}
    assert [c.value for c in kb.claims("trade_volume", dyad=("TUR", "AZE"))] == [7e9]
    assert {c.speaker for c in kb.claims(speaker="nurtileu")} == {"Murat Nurtleu"}
    assert [c.status for c in kb.claims("trade_volume", status="target")] == ["target"]


def test_quotes_by_any_spelling_of_the_speaker_newest_first(kb):
    kb.store([seed_like(), elsewhere()])
    assert [q.text for q in kb.quotes("FIDAN")] == ["Baku and Ankara stand together.",
                                                     "Our bond is strong."]
    assert [q.source.article for q in kb.quotes("Nurtileu")] == ["s1"]


def test_every_answer_carries_its_provenance(kb):
    kb.store([seed_like()])
    for fact in [*kb.quotes(), *kb.claims()]:
        source = fact.source
        assert (source.article, str(source.published), source.extractor) == ("s1", "2023-09-11",
                                                                             "v1")
        assert source.retrieved is not None and source.span is not None


def test_a_long_timeline_lists_the_latest_events_and_counts_them_all(kb):
    kb.store([seed_like(f"s{i}", f"2023-0{i}-11") for i in range(1, 6)])
    report = kb.dyad("TUR", "KAZ", timeline_limit=2)
    d = report.to_dict()
    assert (d["counts"]["events"], d["counts"]["timeline"]) == (6, 2)
    assert [e["date"] for e in d["timeline"]] == ["2023-05-11", "2023-11"]
    assert sum(t["events"] for t in d["tone"]) == 6
