"""Dyad analysis over stored facts, without a database: series, progress, tone, findings."""
from __future__ import annotations

import datetime as dt

import pytest

from dragoman.analysis.dyads import (
    amount,
    discrepancies,
    latest_quotes,
    progress_findings,
    tone_by_month,
)
from dragoman.analysis.series import metric_series, parties
from dragoman.store.records import ClaimRecord, QuoteRecord, Source


def claim(id: int, metric: str, value: float, *, qualifier: str = "exact", status: str = "actual",
          period: str | None = "2024", holder: str = "KGZ", counterpart: str = "MNG",
          speaker: str | None = "Zhanybek Toktosunov", speaker_id: int | None = 1,
          article: str = "a1", published: str = "2025-06-10", unit: str = "USD") -> ClaimRecord:
    source = Source(article, None, dt.date.fromisoformat(published), None, "v1", (0, 5))
    return ClaimRecord(id, metric, value, qualifier, unit, status, period, holder, counterpart,
                       speaker, speaker_id, source)


def test_two_way_trade_is_one_series_whichever_side_holds_it():
    series = metric_series([claim(1, "trade_volume", 3e8, holder="KGZ", counterpart="MNG"),
                            claim(2, "trade_volume", 3e8, holder="MNG", counterpart="KGZ",
                                  article="a2")])
    (only,) = series
    (figure,) = only.actual
    assert [c.id for c in figure.claims] == [1, 2]
    assert parties(claim(3, "exports", 1.0, holder="MNG", counterpart="KGZ")) == ("MNG", "KGZ")


def test_a_series_has_actuals_by_period_targets_and_progress():
    (series,) = metric_series([
        claim(1, "trade_volume", 2.1e8, period="2022"),
        claim(2, "trade_volume", 3.1e8, period="2024"),
        claim(3, "trade_volume", 1e9, status="target", period="2030"),
        claim(4, "trade_volume", 5e8, status="forecast", period="2026"),
    ])
    assert [(f.period, f.value) for f in series.actual] == [("2022", 2.1e8), ("2024", 3.1e8)]
    assert [f.value for f in series.targets] == [1e9]
    assert [f.value for f in series.forecasts] == [5e8]
    assert [(p.actual.period, p.ratio) for p in series.progress] == [
        ("2022", pytest.approx(0.21)), ("2024", pytest.approx(0.31))]
    (finding,) = progress_findings([series])
    assert finding.ratio == pytest.approx(0.31)


def test_an_actual_after_the_deadline_does_not_measure_the_target():
    (series,) = metric_series([claim(1, "trade_volume", 9e8, period="2031"),
                               claim(2, "trade_volume", 1e9, status="target", period="2030")])
    assert series.progress == []


def test_metric_other_makes_no_series():
    assert metric_series([claim(1, "other", 12.0, unit="count")]) == []


@pytest.mark.parametrize("a, b, disagree", [
    (claim(1, "trade_volume", 3.1e8), claim(2, "trade_volume", 4.2e8, speaker_id=2,
                                            article="a2"), True),
    (claim(1, "trade_volume", 3.1e8), claim(2, "trade_volume", 3.1e8, speaker_id=2,
                                            article="a2"), False),
    (claim(1, "trade_volume", 3.1e8), claim(2, "trade_volume", 4.2e8, period="2023",
                                            speaker_id=2, article="a2"), False),
    (claim(1, "investment", 5e9, qualifier="more_than", period=None),
     claim(2, "fdi", 4.7e9, period=None, speaker_id=2), True),
    # one voice saying two things in one article is not two sources disagreeing
    (claim(1, "trade_volume", 3.1e8), claim(2, "trade_volume", 4.2e8), False),
])
def test_discrepancies_across_sources(a, b, disagree):
    assert bool(discrepancies([a, b])) is disagree


def test_a_stock_to_date_is_the_state_at_its_articles_publication():
    a = claim(1, "investment", 5e9, period=None, published="2023-09-11")
    later = claim(2, "investment", 4e9, period=None, published="2025-01-15", speaker_id=2,
                  article="a2")
    same_year = claim(3, "investment", 4e9, period=None, published="2023-12-01", speaker_id=2,
                      article="a3")
    assert discrepancies([a, later]) == []
    assert len(discrepancies([a, same_year])) == 1


def test_tone_is_the_mean_goldstein_value_of_each_month():
    day = dt.date.fromisoformat
    tone = tone_by_month([(1, day("2025-03-03"), 1.0, 1), (2, day("2025-03-20"), 4.0, 3),
                          (3, day("2025-05-01"), -2.0, 1), (4, None, 3.0, 1),
                          (5, day("2025-05-02"), None, 2)])
    assert [(t.month, t.goldstein, t.events) for t in tone] == [("2025-03", 2.5, 2),
                                                                ("2025-05", -2.0, 1)]


def test_latest_quotes_group_by_speaker_newest_speaker_first():
    def quote(id, speaker_id, speaker):
        return QuoteRecord(id, speaker, speaker_id, "direct", f"q{id}", "said",
                           Source("a", None, None, None, None, (0, 1)))
    grouped = latest_quotes([quote(3, 2, "B"), quote(2, 1, "A"), quote(1, 2, "B"),
                             quote(0, None, None)])
    assert [(g.speaker, [q.id for q in g.quotes]) for g in grouped] == [("B", [3, 1]),
                                                                        ("A", [2])]


@pytest.mark.parametrize("value, words", [(6.3e9, "6.3 billion"), (4.5e8, "450 million"),
                                          (12.0, "12")])
def test_amounts_in_words(value, words):
    assert amount(value) == words
