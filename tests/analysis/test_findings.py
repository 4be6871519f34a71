"""Findings within an article: discrepancies between claims, progress towards a target."""
from __future__ import annotations

import math

import pytest

from dragoman.analysis.findings import (discrepancies, find_findings, interval, periods_overlap,
                                        target_progress)
from dragoman.model import Claim


def claim(id, metric, value, qualifier="exact", *, unit="USD", status="actual", period=None,
          holder="TUR", counterpart="KAZ", speaker=None):
    return Claim(id, metric, value, qualifier, unit, status, period, holder, counterpart, speaker, (0, 1))


# An exact figure is rounded (100 may be 100.4), so "more than 100" and "100" can both hold.
@pytest.mark.parametrize("qualifier, value, inside, outside", [
    ("exact", 100.0, [100.0, 100.4], [98.0, 102.0]),
    ("about", 100.0, [91.0, 109.0], [85.0, 115.0]),
    ("more_than", 100.0, [100.0, 101.0, 1e12], [99.0, 90.0]),
    ("at_least", 100.0, [100.0, 1e12], [99.0]),
    ("less_than", 100.0, [100.0, 99.0, -5.0], [101.0, 110.0]),
    ("at_most", 100.0, [100.0, 0.0], [101.0]),
])
def test_intervals(qualifier, value, inside, outside):
    span = interval(claim("C1", "investment", value, qualifier))
    for v in inside:
        assert span.overlaps(interval(claim("C2", "investment", v))), v
    for v in outside:
        assert not span.overlaps(interval(claim("C2", "investment", v))), v


def test_among_the_top_ten_is_positions_one_to_ten():
    span = interval(claim("C1", "investor_rank", 10, "at_most", unit="rank"))
    assert (span.low, span.high) == (1.0, 10.0)
    assert interval(claim("C1", "investor_rank", 10, "more_than", unit="rank")).high == math.inf


@pytest.mark.parametrize("a, b, disagree", [
    # the seed's case: total investment above 5 bn from one minister, direct investment 4.7 bn from the other
    (claim("C1", "investment", 5e9, "more_than", speaker="E3"),
     claim("C2", "fdi", 4.7e9, period="2023-09-11", speaker="E4"), True),
    # the same speaker giving a total and its direct part is no contradiction
    (claim("C1", "investment", 5e9, "more_than", speaker="E3"),
     claim("C2", "fdi", 4.7e9, speaker="E3"), False),
    (claim("C1", "trade_volume", 11.8e9, period="2023", speaker="E1"),
     claim("C2", "trade_volume", 13.6e9, period="2023"), True),
    (claim("C1", "trade_volume", 1.6e9, "about", period="2022", speaker="E1"),
     claim("C2", "trade_volume", 1.1e9, period="2022"), True),
    (claim("C1", "trade_volume", 50.1e9, period="2023", speaker="E1"),
     claim("C2", "trade_volume", 52e9, "more_than", period="2023", speaker="E2"), True),
    # overlapping ranges agree
    (claim("C1", "trade_volume", 6e9, "about", period="2023", speaker="E1"),
     claim("C2", "trade_volume", 6.3e9, period="2023", speaker="E2"), False),
    # different years, different pairs, statuses or units are not compared
    (claim("C1", "trade_volume", 6e9, period="2022"), claim("C2", "trade_volume", 9e9, period="2023"), False),
    (claim("C1", "exports", 6e9, period="2022"),
     claim("C2", "exports", 9e9, period="2022", holder="KAZ", counterpart="TUR"), False),
    (claim("C1", "trade_volume", 6e9, period="2022"),
     claim("C2", "trade_volume", 9e9, status="target", period="2022"), False),
    (claim("C1", "trade_volume", 6e9, period="2022"),
     claim("C2", "trade_volume", 9e9, unit="EUR", period="2022"), False),
    # two-way trade is symmetric
    (claim("C1", "trade_volume", 6e9, period="2022", speaker="E1"),
     claim("C2", "trade_volume", 9e9, period="2022", holder="KAZ", counterpart="TUR", speaker="E2"), True),
    # ranks: fourth and third cannot both be true; fourth and "among the top 10" can
    (claim("C1", "trade_partner_rank", 4, unit="rank", speaker="E1"),
     claim("C2", "trade_partner_rank", 3, unit="rank", speaker="E2"), True),
    (claim("C1", "trade_partner_rank", 4, unit="rank", speaker="E1"),
     claim("C2", "trade_partner_rank", 10, "at_most", unit="rank", speaker="E2"), False),
    # a stock stated at the end of last year and "to date" is one state
    (claim("C1", "investment", 24e9, "more_than", period="2024-04-17", speaker="E1"),
     claim("C2", "fdi", 2.1e9, period="2023"), True),
    (claim("C1", "investment", 24e9, "more_than", period="2024-04-17", speaker="E1"),
     claim("C2", "fdi", 2.1e9, period="2019"), False),
    # a part larger than its whole
    (claim("C1", "exports", 9e9, period="2023"), claim("C2", "trade_volume", 6e9, period="2023"), True),
    (claim("C1", "exports", 3e9, period="2023"), claim("C2", "trade_volume", 6e9, period="2023"), False),
])
def test_discrepancies(a, b, disagree):
    found = discrepancies([a, b])
    assert bool(found) == disagree
    if found:
        assert found[0].kind == "discrepancy" and found[0].claims == ["C1", "C2"]


def test_the_detail_says_why():
    a = claim("C1", "investment", 5e9, "more_than", speaker="E3")
    b = claim("C2", "fdi", 4.7e9, speaker="E4")
    (finding,) = discrepancies([a, b], {"E3": "Hakan Fidan", "E4": "Murat Nurtleu"})
    assert "more than 5 bn USD (Hakan Fidan, C1)" in finding.detail
    assert "4.7 bn USD (Murat Nurtleu, C2)" in finding.detail
    assert "non-direct investment exceeds 300 m USD" in finding.detail


def test_target_progress_gives_the_share_reached():
    target = claim("C1", "trade_volume", 10e9, status="target", speaker="E3")
    actual = claim("C2", "trade_volume", 6.3e9, period="2022", holder="KAZ", counterpart="TUR")
    (finding,) = target_progress([target, actual])
    assert finding.kind == "target_progress" and finding.claims == ["C1", "C2"]
    assert finding.ratio == pytest.approx(0.63)
    assert finding.detail.startswith("trade_volume 2022 reached 63% of the 10 bn USD target")


@pytest.mark.parametrize("actual", [
    claim("C2", "trade_volume", 6e9, unit="EUR", period="2022"),
    claim("C2", "exports", 6e9, period="2022"),
    claim("C2", "trade_volume", 6e9, period="2022", holder="TUR", counterpart="AZE"),
    claim("C2", "trade_volume", 6e9, period="2031"),
    claim("C2", "trade_volume", 6e9, status="forecast", period="2024"),
])
def test_no_progress_against_another_measure_pair_or_a_later_year(actual):
    target = claim("C1", "trade_volume", 10e9, status="target", period="2030")
    assert target_progress([target, actual]) == []


def test_ranks_have_no_progress():
    target = claim("C1", "investor_rank", 10, "at_most", unit="rank", status="target")
    actual = claim("C2", "investor_rank", 15, unit="rank")
    assert target_progress([target, actual]) == []


def test_find_findings_lists_discrepancies_then_progress():
    claims = [claim("C1", "trade_volume", 10e9, status="target", period="2030"),
              claim("C2", "trade_volume", 6e9, period="2023", speaker="E1"),
              claim("C3", "trade_volume", 8e9, period="2023", speaker="E2")]
    assert [f.kind for f in find_findings(claims)] == ["discrepancy", "target_progress", "target_progress"]


@pytest.mark.parametrize("a, b, expected", [
    ("2023", "2023-09", True), ("2023-09-11", "2023", True), ("2023", "2022", False),
    ("2023-09", "2023-10", False), (None, "2023", False),
])
def test_periods_overlap(a, b, expected):
    assert periods_overlap(a, b) == expected


def test_an_articles_findings_compare_one_metric_family_only():
    """The gold's definition: a discrepancy is within one metric family (investment and fdi
    are one); exports above the two-way trade is a knowledge-base cross-check only."""
    part = claim("C1", "exports", 9e9, period="2023", speaker="E1")
    whole = claim("C2", "trade_volume", 6e9, period="2023", speaker="E2")
    assert find_findings([part, whole]) == []
    assert [f.claims for f in discrepancies([part, whole])] == [["C1", "C2"]]
    total = claim("C1", "investment", 2e9, "more_than", speaker="E1")
    direct = claim("C2", "fdi", 1.5e9, speaker="E2")
    assert [f.kind for f in find_findings([total, direct])] == ["discrepancy"]
