"""Dyad questions: everything the knowledge base knows about a pair of countries.

`dyad_report(conn, ("TUR", "KAZ"))` answers with a `DyadReport`: the events
timeline (events, not reports, each with all its sources), the tone of the
relationship (mean Goldstein value of the events of each month), each metric's
series (`analysis.series`), the latest quotes of each speaker, and findings
across articles: the same metric and period claimed differently by different
sources or speakers beyond what their qualifiers allow, and progress to targets.

Counting and grouping happen in the database (`store.queries.claim_groups`,
`event_stats`), so a dyad with thousands of articles costs rows of figures and
events, not of reports; only the latest events are listed in full (`timeline_limit`).
"""
from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, func, select

from dragoman.analysis.findings import discrepancies as find_discrepancies
from dragoman.analysis.series import MetricSeries, Progress, as_claim, claimant, metric_series
from dragoman.model import Finding
from dragoman.store import queries
from dragoman.store.records import ClaimRecord, EventRecord, QuoteRecord
from dragoman.store.schema import COUNTRY_SCHEME, ArticleRow


@dataclass
class ToneMonth:
    """month: "YYYY-MM"; goldstein: mean Goldstein value of its events (-10 .. +10)."""

    month: str
    goldstein: float
    events: int

    def to_dict(self) -> dict[str, Any]:
        return {"month": self.month, "goldstein": round(self.goldstein, 3), "events": self.events}


@dataclass
class SpeakerQuotes:
    """A speaker's latest quotes, newest first."""

    speaker: str
    speaker_id: int
    quotes: list[QuoteRecord]

    def to_dict(self) -> dict[str, Any]:
        return {"speaker": self.speaker, "speaker_id": self.speaker_id,
                "quotes": [q.to_dict() for q in self.quotes]}


@dataclass
class CorpusFinding:
    """A finding across articles. kind: "discrepancy" (figures that cannot all hold) or
    "target_progress" (ratio: share of the target reached); claims: the claims involved,
    one record per speaker and figure (`ClaimRecord.count` claims each), with where."""

    kind: str
    metric: str
    holder: str | None
    counterpart: str | None
    unit: str
    period: str | None
    detail: str
    claims: list[ClaimRecord] = field(default_factory=list)
    ratio: float | None = None

    def to_dict(self) -> dict[str, Any]:
        d = {"kind": self.kind, "metric": self.metric, "holder": self.holder,
             "counterpart": self.counterpart, "unit": self.unit, "period": self.period,
             "detail": self.detail, "claims": [claimant(c) | {"value": c.value,
                                                             "qualifier": c.qualifier,
                                                             "period": c.period}
                                               for c in self.claims]}
        if self.ratio is not None:
            d["ratio"] = round(self.ratio, 4)
        return d


@dataclass
class DyadReport:
    """Everything about a pair of countries (alpha-3 codes) between since and until.
    events: the timeline (the latest events when it was limited); events_total and
    reports_total: how many events, and reports of them, there are in all."""

    countries: tuple[str, str]
    since: dt.date | None
    until: dt.date | None
    articles: int
    events: list[EventRecord]
    tone: list[ToneMonth]
    series: list[MetricSeries]
    quotes: list[SpeakerQuotes]
    findings: list[CorpusFinding]
    events_total: int = 0
    reports_total: int = 0

    def to_dict(self) -> dict[str, Any]:
        from dragoman.codebooks import country_name
        return {
            "dyad": list(self.countries), "country_scheme": COUNTRY_SCHEME,
            "names": [country_name(c) for c in self.countries],
            "since": self.since.isoformat() if self.since else None,
            "until": self.until.isoformat() if self.until else None,
            "counts": {"articles": self.articles, "events": self.events_total,
                       "reports": self.reports_total, "timeline": len(self.events),
                       "claims": sum(c.count for s in self.series
                                     for f in s.actual + s.targets + s.forecasts
                                     for c in f.claims),
                       "speakers": len(self.quotes)},
            "timeline": [e.to_dict() for e in self.events],
            "tone": [t.to_dict() for t in self.tone],
            "series": [s.to_dict() for s in self.series],
            "quotes": [q.to_dict() for q in self.quotes],
            "findings": [f.to_dict() for f in self.findings],
        }


def tone_by_month(stats: list[tuple[int, dt.date | None, float | None, int]]) -> list[ToneMonth]:
    """Mean Goldstein value of the events of each month, oldest month first, from
    (event id, day, goldstein, reports) rows; events without a day or value left out."""
    values: dict[str, list[float]] = defaultdict(list)
    for _id, day, goldstein, _reports in stats:
        if day is not None and goldstein is not None:
            values[day.isoformat()[:7]].append(goldstein)
    return [ToneMonth(month, sum(v) / len(v), len(v)) for month, v in sorted(values.items())]


def latest_quotes(quotes: list[QuoteRecord]) -> list[SpeakerQuotes]:
    """Quotes grouped by speaker, speakers with the newest quote first."""
    grouped: dict[int, SpeakerQuotes] = {}
    for quote in quotes:  # already newest first
        if quote.speaker_id is None:
            continue
        if quote.speaker_id not in grouped:
            grouped[quote.speaker_id] = SpeakerQuotes(quote.speaker or "?", quote.speaker_id, [])
        grouped[quote.speaker_id].quotes.append(quote)
    return list(grouped.values())


# -- findings across articles ------------------------------------------------------


def amount(value: float) -> str:
    """A figure for a sentence: 6.3e9 -> "6.3 billion", 450e6 -> "450 million"."""
    for size, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if abs(value) >= size:
            return f"{value / size:g} {word}"
    return f"{value:g}"


# Metrics `analysis.findings` compares with each other: a part and its whole, a total
# and its direct part. Claims of other families are never compared, so never paired.
_FAMILY = {"exports": "trade_volume", "imports": "trade_volume", "fdi": "investment"}


def _compared_period(claim: ClaimRecord) -> str | None:
    """The period a claim is compared in across articles: its own, else the month its
    article was published (a stock "to date" is the state then; `analysis.findings`
    decides how far apart two states may be)."""
    if claim.period:
        return claim.period
    return claim.source.published.isoformat()[:7] if claim.source.published else None


def _positions(claims: list[ClaimRecord]) -> dict[tuple, list[ClaimRecord]]:
    """Claims that say the same thing (figure, period, parties) grouped: one representative
    each is compared, so a figure repeated by many outlets and speakers costs one."""
    grouped: dict[tuple, list[ClaimRecord]] = defaultdict(list)
    for c in claims:
        grouped[(c.metric, c.value, c.qualifier, c.unit, c.status, _compared_period(c),
                 c.holder, c.counterpart)].append(c)
    return grouped


def _single_voice(members: list[ClaimRecord]) -> tuple[str, int | None] | None:
    """(article, speaker) when a position is one claim in one article, else None."""
    if len(members) == 1 and members[0].articles == 1:
        return members[0].source.article, members[0].speaker_id
    return None


def _voice(rep_id: str, members: list[ClaimRecord], names: dict[str, str]) -> str:
    """Who a position speaks for, as `analysis.findings` compares speakers: the one
    speaker, the one article stating it itself, or (several voices) a token of its own."""
    speakers = {c.speaker_id for c in members}
    if len(speakers) == 1 and members[0].speaker_id is not None:
        names[str(members[0].speaker_id)] = members[0].speaker or "?"
        return str(members[0].speaker_id)
    single = speakers == {None} and _single_voice(members) is not None
    token = f"@{members[0].source.article}" if single else f"{rep_id}*"
    names[token] = f"article {members[0].source.article}" if token.startswith("@") \
        else "several sources"
    return token


def _compare(years: dict[str, dict[str, list[ClaimRecord]]],
             names: dict[str, str]) -> list[tuple[Finding, list[ClaimRecord], list[ClaimRecord]]]:
    """Pairs of positions that disagree, compared within a year and with the next year
    only (periods further apart never overlap, and stocks are compared within a year)."""
    pairs = []
    for year in sorted(years):
        following = years.get(str(int(year) + 1), {}) if year.isdigit() else {}
        positions = {**years[year], **following}
        reps = []
        for rep_id, members in positions.items():
            rep = as_claim(members[0], rep_id, _compared_period(members[0]))
            rep.speaker = _voice(rep_id, members, names)
            reps.append(rep)
        for finding in find_discrepancies(reps, names):
            if all(i in following for i in finding.claims):
                continue  # the next year's own pairs are found with that year
            pairs.append((finding, *(positions[i] for i in finding.claims)))
    return pairs


def discrepancies(claims: list[ClaimRecord]) -> list[CorpusFinding]:
    """Figures that cannot all hold given their qualifiers (`analysis.findings.discrepancies`,
    the rule used within one article) claimed by different sources or speakers: one
    finding per pair of disagreeing positions, naming every claim of both."""
    groups: dict[tuple, dict[str, dict[str, list[ClaimRecord]]]] = defaultdict(
        lambda: defaultdict(dict))
    for members in _positions(claims).values():
        c = members[0]
        if c.metric == "other":
            continue
        key = (c.unit, c.status, frozenset((c.holder or "", c.counterpart or "")),
               _FAMILY.get(c.metric, c.metric))
        groups[key][(_compared_period(c) or "")[:4]][f"#{c.id}"] = members
    found, names = [], {}
    for years in groups.values():
        for finding, a, b in _compare(years, names):
            if _single_voice(a) is not None and _single_voice(a) == _single_voice(b):
                continue  # one voice twice is not two sources disagreeing
            first = a[0]
            found.append(CorpusFinding("discrepancy", first.metric, first.holder,
                                       first.counterpart, first.unit,
                                       _compared_period(first), finding.detail, a + b))
    return found


def progress_findings(series: list[MetricSeries]) -> list[CorpusFinding]:
    """One target_progress finding per target: its progress by the latest actual figure."""
    found = []
    for s in series:
        latest: dict[int, Progress] = {}
        for p in s.progress:
            key = id(p.target)
            if key not in latest or (p.actual.as_of or "") > (latest[key].actual.as_of or ""):
                latest[key] = p
        for p in latest.values():
            detail = (f"{s.metric} {s.holder}-{s.counterpart}: {amount(p.actual.value)} {s.unit} "
                      f"({p.actual.as_of}) is {p.ratio:.0%} of the target "
                      f"{amount(p.target.value)}")
            found.append(CorpusFinding("target_progress", s.metric, s.holder, s.counterpart,
                                       s.unit, p.target.period, detail,
                                       p.target.claims + p.actual.claims, p.ratio))
    return found


def findings_for(claims: list[ClaimRecord]) -> list[CorpusFinding]:
    """Discrepancies, then progress to targets, of a set of claims."""
    return discrepancies(claims) + progress_findings(metric_series(claims))


# -- the two questions -------------------------------------------------------------


def dyad_report(conn: Connection, dyad: tuple[str, str], *, since: dt.date | None = None,
                until: dt.date | None = None, quotes_per_speaker: int = 3,
                timeline_limit: int | None = 200) -> DyadReport:
    """Everything about `dyad` (two alpha-3 codes) between `since` and `until`
    (publication dates for quotes and claims, event days for events). timeline_limit:
    the latest events listed with their sources (None: all); tone, counts, series and
    findings always cover everything."""
    window = {"dyad": dyad, "since": since, "until": until}
    stats = queries.event_stats(conn, **window)
    latest = sorted(stats, key=lambda s: (s[1] or dt.date.min, s[0]))[-(timeline_limit or 0):]
    events = queries.events(conn, ids=[s[0] for s in latest]) if latest else []
    claims = queries.claim_groups(conn, **window)
    quotes = queries.quotes(conn, per_speaker=quotes_per_speaker, **window)
    series = metric_series(claims)
    articles = select(func.count()).select_from(queries.dyad_articles(dyad).subquery())
    if since is not None or until is not None:
        articles = select(func.count()).select_from(ArticleRow).where(
            ArticleRow.id.in_(queries.dyad_articles(dyad)),
            ArticleRow.published >= (since or dt.date.min),
            ArticleRow.published <= (until or dt.date.max))
    return DyadReport(dyad, since, until, conn.scalar(articles) or 0, events,
                      tone_by_month(stats), series, latest_quotes(quotes),
                      discrepancies(claims) + progress_findings(series),
                      len(stats), sum(s[3] for s in stats))


def corpus_findings(conn: Connection, *, dyad: tuple[str, str] | None = None,
                    since: dt.date | None = None,
                    until: dt.date | None = None) -> list[CorpusFinding]:
    """Findings across articles for one dyad, or for every pair of countries."""
    claims = queries.claim_groups(conn, dyad=dyad, since=since, until=until)
    by_pair: dict[tuple, list[ClaimRecord]] = defaultdict(list)
    for claim in claims:
        by_pair[tuple(sorted((claim.holder or "", claim.counterpart or "")))].append(claim)
    return [f for pair in sorted(by_pair) for f in findings_for(by_pair[pair])]
