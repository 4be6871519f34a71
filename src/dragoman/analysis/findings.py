"""Findings: where claimed figures disagree, and how far an actual figure is from its target.

Pure functions over `model.Claim` lists, so the same rules check the claims of one
article (the `dragoman_findings` component) and, later, claims gathered across articles.

**Discrepancy.** Each claim is read as an interval of possible values: "exact" is the
value give or take rounding (`EXACT_TOLERANCE`), "about" the value give or take
`ABOUT_TOLERANCE`, "more_than" / "at_least" open upwards, "less_than" / "at_most"
downwards (for ranks, positions: "among the top 10" is 1..10). Two claims disagree
when they are about the same thing and their intervals do not overlap. The same thing
means: same status, same unit, the same holder and counterpart (as a set for two-way
trade), periods that overlap ("2023" and "2023-09" do; an open period is the state at
publication for stocks — investment, ranks — and unknown for flows, which then must come
from different speakers), and comparable metrics: the same metric, or investment and
fdi. Direct investment is the part of total investment, so "investment > $5 bn" and
"fdi = $4.7 bn" could both hold only if the non-direct part exceeded $0.3 bn; figures for
a country pair's investment from two speakers are however two summaries of the same
stock, and an analyst wants to see that they cannot be the same number — so investment
and fdi claims from different speakers are compared as one measure, and the detail says
how much non-direct investment would reconcile them. A part larger than its whole
(exports or imports above the two-way trade of the same pair and period) disagrees too, in
the knowledge base's cross-checks; an article's findings follow the gold's definition
(`../shared/gold/README` via examples/README.md: "two figures on the same metric family ...,
the same holder and counterpart, and compatible periods, which cannot both hold given their
qualifiers") and leave that check out.

**Target progress.** A target and each actual of the same metric, unit and pair (not
after the target's deadline): ratio = actual / target.
"""
from __future__ import annotations

import calendar
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from itertools import combinations

from dragoman.model import Claim, Finding

# "exact" figures are rounded: "$6.3 billion" is 6.25..6.35 bn; 1 % covers one decimal on
# the figures the genre uses (the scorer matches values within 1 % for the same reason).
EXACT_TOLERANCE = 0.01
# "about" / "nearly" / "some": 10 % either side (tuned on "about $1.6 bn" vs "$1.1 bn", which
# disagree, and "nearly $5 million" vs "$4.8 million", which do not).
ABOUT_TOLERANCE = 0.10
STOCKS = frozenset({"investment", "fdi", "trade_partner_rank", "investor_rank"})
# Two statements of a stock (an investment total, a rank) describe the same state when their
# dates are within a year: "to date" in April and "at the end of last year" do.
STOCK_WINDOW_DAYS = 366
COMPARABLE = {frozenset({"investment", "fdi"})}
PARTS = {"exports": "trade_volume", "imports": "trade_volume"}


@dataclass(frozen=True)
class Interval:
    """Possible values of a claim: low..high, each end open (excluded) or closed."""

    low: float
    high: float
    low_open: bool = False
    high_open: bool = False

    def overlaps(self, other: Interval) -> bool:
        if self.high < other.low or other.high < self.low:
            return False
        if self.high == other.low and (self.high_open or other.low_open):
            return False
        if other.high == self.low and (other.high_open or self.low_open):
            return False
        return True


def interval(claim: Claim) -> Interval:
    """The values `claim` allows, given its qualifier."""
    v = float(claim.value)
    q = claim.qualifier
    if q == "exact":
        tol = 0.0 if claim.unit == "rank" else abs(v) * EXACT_TOLERANCE / 2
        return Interval(v - tol, v + tol)
    if q == "about":
        tol = 0.0 if claim.unit == "rank" else abs(v) * ABOUT_TOLERANCE
        return Interval(v - tol, v + tol)
    if q in ("more_than", "at_least"):
        return Interval(v, math.inf, low_open=q == "more_than")
    low = 1.0 if claim.unit == "rank" else -math.inf  # a rank is 1 at best
    return Interval(low, v, high_open=q == "less_than")


def same_pair(a: Claim, b: Claim) -> bool:
    """Same holder and counterpart; as a set when both are two-way trade."""
    if None in (a.holder, a.counterpart, b.holder, b.counterpart):
        return False
    if a.metric == b.metric == "trade_volume" or {a.metric, b.metric} <= {"trade_volume", "other"}:
        return {a.holder, a.counterpart} == {b.holder, b.counterpart}
    return (a.holder, a.counterpart) == (b.holder, b.counterpart)


def periods_overlap(a: str | None, b: str | None) -> bool:
    """"2023" overlaps "2023-09" and "2023-09-11"; None overlaps nothing here."""
    if a is None or b is None:
        return False
    return a.startswith(b) or b.startswith(a)


def _as_of(period: str) -> date:
    """The last day a period covers: "2023" -> 2023-12-31, "2023-09" -> 2023-09-30."""
    parts = [int(p) for p in period.split("-")]
    if len(parts) == 3:
        return date(*parts)
    if len(parts) == 2:
        return date(parts[0], parts[1], calendar.monthrange(parts[0], parts[1])[1])
    return date(parts[0], 12, 31)


def _same_time(a: Claim, b: Claim) -> bool:
    """Flows: overlapping periods (or none given, from different speakers). Stocks: states
    at most `STOCK_WINDOW_DAYS` apart; an open period is the state at publication."""
    if a.metric in STOCKS and b.metric in STOCKS:
        if a.period is None or b.period is None:
            return True
        try:
            return abs((_as_of(a.period) - _as_of(b.period)).days) <= STOCK_WINDOW_DAYS
        except ValueError:
            return periods_overlap(a.period, b.period)
    if a.period is not None and b.period is not None:
        return periods_overlap(a.period, b.period)
    return a.period is None and b.period is None and a.speaker != b.speaker


def comparable(a: Claim, b: Claim) -> bool:
    """Whether two claims measure the same thing (see the module docstring)."""
    if a.status != b.status or a.unit != b.unit or a.metric == "other" or b.metric == "other":
        return False
    if a.metric != b.metric:
        if frozenset({a.metric, b.metric}) not in COMPARABLE or a.speaker == b.speaker:
            return False
    return same_pair(a, b) and _same_time(a, b)


def _amount(c: Claim) -> str:
    v = float(c.value)
    if c.unit == "rank":
        return f"rank {v:g}"
    if c.unit == "percent":
        return f"{v:g} %"
    for scale, word in ((1e12, "tn"), (1e9, "bn"), (1e6, "m")):
        if abs(v) >= scale:
            return f"{v / scale:g} {word} {c.unit}"
    return f"{v:g} {c.unit}"


_QUALIFIER_WORDS = {"exact": "", "more_than": "more than ", "at_least": "at least ", "about": "about ",
                    "less_than": "less than ", "at_most": "at most "}


def describe(c: Claim, names: Mapping[str, str] | None = None) -> str:
    """"investment more than 5 bn USD (Hakan Fidan, C1)"."""
    who = (names or {}).get(c.speaker or "", c.speaker) if c.speaker else "the article"
    return f"{c.metric} {_QUALIFIER_WORDS.get(c.qualifier, '')}{_amount(c)} ({who}, {c.id})"


def _discrepancy(a: Claim, b: Claim, names: Mapping[str, str] | None) -> Finding | None:
    if not comparable(a, b) or interval(a).overlaps(interval(b)):
        return None
    detail = f"{describe(a, names)} and {describe(b, names)} cannot both hold: their ranges do not overlap"
    if {a.metric, b.metric} == {"investment", "fdi"}:
        total, direct = (a, b) if a.metric == "investment" else (b, a)
        gap = float(total.value) - float(direct.value)
        if gap > 0:
            detail += (f"; fdi is the direct part of total investment, so both hold only if non-direct "
                       f"investment exceeds {_amount_value(gap, total.unit)}")
        else:
            detail += "; direct investment cannot exceed total investment"
    return Finding("discrepancy", [a.id, b.id], detail)


def _amount_value(v: float, unit: str) -> str:
    return _amount(Claim("", "other", v, "exact", unit, "actual", None, None, None, None, (0, 0)))


def _part_exceeds_whole(a: Claim, b: Claim, names: Mapping[str, str] | None) -> Finding | None:
    part, whole = (a, b) if PARTS.get(a.metric) == b.metric else (b, a)
    if PARTS.get(part.metric) != whole.metric or part.unit != whole.unit or part.status != whole.status:
        return None
    if part.unit == "percent" or not periods_overlap(part.period, whole.period):
        return None
    if {part.holder, part.counterpart} != {whole.holder, whole.counterpart} or None in (part.holder, whole.holder):
        return None
    if interval(part).low <= interval(whole).high:
        return None
    return Finding("discrepancy", [a.id, b.id],
                   f"{describe(part, names)} exceeds {describe(whole, names)}: "
                   f"{part.metric} are part of the two-way trade")


def discrepancies(claims: Sequence[Claim], names: Mapping[str, str] | None = None,
                  parts: bool = True) -> list[Finding]:
    """Every pair of claims that cannot both hold, in claim order. parts: also a part above
    its whole (exports above the two-way trade), a cross-check for the knowledge base that
    the gold's definition of a discrepancy (one metric family) leaves out."""
    out = []
    for a, b in combinations(claims, 2):
        finding = _discrepancy(a, b, names) or (_part_exceeds_whole(a, b, names) if parts else None)
        if finding is not None:
            out.append(finding)
    return out


def _progress_pair(target: Claim, actual: Claim) -> bool:
    if actual.status != "actual" or actual.metric != target.metric or actual.unit != target.unit:
        return False
    if target.unit == "rank":
        return False  # a share of a rank means nothing
    if not same_pair(target, actual) or float(target.value) == 0:
        return False
    return not (target.period and actual.period and actual.period[:4] > target.period[:4])


def target_progress(claims: Sequence[Claim]) -> list[Finding]:
    """For each target, every actual of the same metric, unit and pair not after its
    deadline, with the share of the target reached (`Finding.ratio`, 0.63 for 63 %): a
    series, since the latest period may be a part-year ("in the first quarter")."""
    out = []
    for target in (c for c in claims if c.status == "target" and c.metric != "other"):
        for actual in (c for c in claims if _progress_pair(target, c)):
            ratio = float(actual.value) / float(target.value)
            deadline = f" for {target.period}" if target.period else ""
            period = f" {actual.period}" if actual.period else ""
            detail = (f"{actual.metric}{period} reached {ratio:.0%} of the {_amount(target)} "
                      f"target{deadline} ({actual.id} of {target.id})")
            out.append(Finding("target_progress", [target.id, actual.id], detail, ratio))
    return out


def find_findings(claims: Sequence[Claim], names: Mapping[str, str] | None = None) -> list[Finding]:
    """An article's findings as the contract defines them: discrepancies within one metric
    family (no part-above-whole check), then target progress. names: entity id -> name,
    for the details."""
    return discrepancies(claims, names, parts=False) + target_progress(claims)
