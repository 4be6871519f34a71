"""Metric series across articles: actual figures by period, targets, progress to target.

Input: stored claims (`store.records.ClaimRecord`), possibly from many articles.
A series is one metric between one holder and one counterpart in one unit
(`trade_volume` is two-way, so TUR-KAZ and KAZ-TUR are one series). Within a
series, claims of the same status, period, value and qualifier are one `Figure`
with everyone who claimed it. Metric `other` (counts, shares) makes no series.
Progress to target is `analysis.findings.target_progress`, the rule used within one
article, applied to the figures of a series gathered across articles.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from dragoman.analysis.findings import target_progress
from dragoman.model import Claim
from dragoman.store.records import ClaimRecord

SYMMETRIC_METRICS = frozenset({"trade_volume"})


def parties(claim: ClaimRecord) -> tuple[str | None, str | None]:
    """(holder, counterpart), sorted for two-way metrics."""
    pair = (claim.holder, claim.counterpart)
    if claim.metric in SYMMETRIC_METRICS:
        return tuple(sorted(pair, key=lambda c: c or ""))  # type: ignore[return-value]
    return pair


def claimant(claim: ClaimRecord) -> dict[str, Any]:
    """Who claimed a figure, where: the speaker (None: the article itself), how often
    (claims, articles) and the provenance of one of the claims."""
    return {"claim": claim.id, "speaker": claim.speaker, "speaker_id": claim.speaker_id,
            "metric": claim.metric, "claims": claim.count, "articles": claim.articles,
            **claim.source.to_dict()}


@dataclass
class Figure:
    """One figure for one period and everyone who claimed it. period: what the claims
    say ("2022"), None for "to date"; as_of: period, else the publication date."""

    status: str
    period: str | None
    as_of: str | None
    value: float
    qualifier: str
    unit: str
    claims: list[ClaimRecord] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        value = int(self.value) if float(self.value).is_integer() else self.value
        return {"status": self.status, "period": self.period, "as_of": self.as_of,
                "value": value, "qualifier": self.qualifier, "unit": self.unit,
                "claimed_by": [claimant(c) for c in self.claims]}


@dataclass
class Progress:
    """How far the latest actual figure has come towards a target: ratio = actual / target."""

    target: Figure
    actual: Figure
    ratio: float

    def to_dict(self) -> dict[str, Any]:
        return {"target": self.target.value, "target_period": self.target.period,
                "actual": self.actual.value, "actual_period": self.actual.as_of,
                "ratio": round(self.ratio, 4),
                "claims": [c.id for c in self.target.claims + self.actual.claims]}


@dataclass
class MetricSeries:
    """One metric between holder and counterpart in one unit (ISO 4217, "percent", "rank")."""

    metric: str
    unit: str
    holder: str | None
    counterpart: str | None
    actual: list[Figure] = field(default_factory=list)
    targets: list[Figure] = field(default_factory=list)
    forecasts: list[Figure] = field(default_factory=list)
    progress: list[Progress] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"metric": self.metric, "unit": self.unit, "holder": self.holder,
                "counterpart": self.counterpart, "two_way": self.metric in SYMMETRIC_METRICS,
                "actual": [f.to_dict() for f in self.actual],
                "targets": [f.to_dict() for f in self.targets],
                "forecasts": [f.to_dict() for f in self.forecasts],
                "progress": [p.to_dict() for p in self.progress]}


def _period_key(value: str | None) -> str:
    return value or ""


def figures(claims: list[ClaimRecord]) -> list[Figure]:
    """Claims grouped into figures (same status, period, value, qualifier; a figure
    without a period by the month it was published), by period. as_of: the period, else
    the latest publication date."""
    grouped: dict[tuple, Figure] = {}
    for claim in claims:
        month = (claim.as_of or "")[:7] if claim.period is None else None
        key = (claim.status, claim.period, month, claim.value, claim.qualifier)
        if key not in grouped:
            grouped[key] = Figure(claim.status, claim.period, claim.as_of, claim.value,
                                  claim.qualifier, claim.unit)
        figure = grouped[key]
        figure.claims.append(claim)
        if claim.period is None and _period_key(claim.as_of) > _period_key(figure.as_of):
            figure.as_of = claim.as_of
    return sorted(grouped.values(), key=lambda f: (_period_key(f.as_of), f.value))


def as_claim(claim: ClaimRecord, id: str, period: str | None = None) -> Claim:
    """`claim` as a `model.Claim` for the pure functions of `analysis.findings`:
    id as given, speaker as the entity id's text, period as given (default its own)."""
    return Claim(id, claim.metric, claim.value, claim.qualifier, claim.unit, claim.status,
                 period if period is not None else claim.period, claim.holder,
                 claim.counterpart, None if claim.speaker_id is None else str(claim.speaker_id),
                 claim.source.span or (0, 0))


def progress(series_figures: list[Figure]) -> list[Progress]:
    """Progress to each target figure by each actual figure not after its deadline
    (`analysis.findings.target_progress` over one representative claim per figure)."""
    by_id = {str(i): f for i, f in enumerate(series_figures)}
    claims = [as_claim(f.claims[0], i, f.period) for i, f in by_id.items()]
    return [Progress(by_id[found.claims[0]], by_id[found.claims[1]], found.ratio)
            for found in target_progress(claims) if found.ratio is not None]


def metric_series(claims: list[ClaimRecord]) -> list[MetricSeries]:
    """Every series in `claims` (metric `other` left out), sorted by metric and parties."""
    grouped: dict[tuple, list[ClaimRecord]] = defaultdict(list)
    for claim in claims:
        if claim.metric != "other":
            grouped[(claim.metric, claim.unit, *parties(claim))].append(claim)
    result = []
    for (metric, unit, holder, counterpart), members in sorted(
            grouped.items(), key=lambda item: tuple(x or "" for x in item[0])):
        series = MetricSeries(metric, unit, holder, counterpart)
        found = figures(members)
        for figure in found:
            {"actual": series.actual, "target": series.targets,
             "forecast": series.forecasts}.get(figure.status, series.actual).append(figure)
        series.progress = progress(found)
        result.append(series)
    return result
