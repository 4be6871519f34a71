"""Scores per part of the record, their sum over articles, and their printed table."""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from dragoman.errors import DragomanError

#: The scored parts, in the order of the reference scorer; the macro F1 averages these.
PARTS: tuple[str, ...] = (
    "persons", "person_country", "person_role", "person_merge", "countries", "organizations",
    "quotes_direct", "quotes_indirect", "claims", "events", "sectors", "findings",
)
#: `PARTS` plus "quotes", direct and indirect quotes counted together.
ALL_PARTS: tuple[str, ...] = PARTS + ("quotes",)


@dataclass
class PartScore:
    """Counts for one part: tp (gold items found), fp (output items matching no gold
    item), fn (required gold items not found); misses/extras describe the fn/fp items."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    misses: list[str] = field(default_factory=list)
    extras: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        """tp / (tp + fp); 1.0 when nothing was output."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        """tp / (tp + fn); 1.0 when nothing was expected."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall; 0.0 when both are 0."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def hit(self, count: int = 1) -> None:
        """Count `count` gold items found."""
        self.tp += count

    def miss(self, label: str) -> None:
        """Count one required gold item not found, described by `label`."""
        self.fn += 1
        self.misses.append(label)

    def extra(self, label: str) -> None:
        """Count one output item that matches no gold item, described by `label`."""
        self.fp += 1
        self.extras.append(label)

    def __add__(self, other: PartScore) -> PartScore:
        return PartScore(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn,
                         self.misses + other.misses, self.extras + other.extras)

    def to_dict(self) -> dict[str, Any]:
        """Counts, precision, recall, F1 and the lists, JSON-ready."""
        return {"precision": self.precision, "recall": self.recall, "f1": self.f1,
                "tp": self.tp, "fp": self.fp, "fn": self.fn,
                "misses": list(self.misses), "extras": list(self.extras)}


def empty_parts() -> dict[str, PartScore]:
    """A fresh zero score for every part in `ALL_PARTS`."""
    return {part: PartScore() for part in ALL_PARTS}


@dataclass
class Report:
    """Scores of one article or, after `merge`, of several (counts summed: micro average).

    parts: a PartScore for each name in `ALL_PARTS`; articles: how many articles.
    """

    parts: dict[str, PartScore] = field(default_factory=empty_parts)
    articles: int = 1

    def f1(self, part: str) -> float:
        """F1 of one part; `DragomanError` for a name not in `ALL_PARTS`."""
        return self._part(part).f1

    @property
    def macro_f1(self) -> float:
        """Unweighted mean F1 over `PARTS` (the combined "quotes" is not counted twice)."""
        return sum(self._part(p).f1 for p in PARTS) / len(PARTS)

    def to_dict(self) -> dict[str, Any]:
        """{"articles", "macro_f1", "parts": {part: PartScore.to_dict()}}, JSON-ready."""
        return {"articles": self.articles, "macro_f1": self.macro_f1,
                "parts": {p: self._part(p).to_dict() for p in ALL_PARTS}}

    def _part(self, part: str) -> PartScore:
        if part not in ALL_PARTS:
            raise DragomanError(f"unknown part {part!r}; parts are: {', '.join(ALL_PARTS)}")
        return self.parts.get(part) or PartScore()


def merge(reports: Iterable[Report]) -> Report:
    """Sum the counts (and concatenate the lists) of several reports; no report gives zeros."""
    parts, articles = empty_parts(), 0
    for report in reports:
        articles += report.articles
        for name in ALL_PARTS:
            parts[name] = parts[name] + report.parts.get(name, PartScore())
    return Report(parts=parts, articles=articles)


def parse_floor(spec: str) -> tuple[str, float]:
    """Read a `--min-f1` value "PART=X" (PART may be "all") into (part, X)."""
    part, sep, value = spec.partition("=")
    part = part.strip()
    try:
        floor = float(value)
    except ValueError:
        floor = -1.0
    if not sep or not 0.0 <= floor <= 1.0:
        raise DragomanError(f"--min-f1 {spec!r}: write PART=X with X between 0 and 1, e.g. claims=0.8")
    if part != "all" and part not in ALL_PARTS:
        raise DragomanError(f"--min-f1 {spec!r}: unknown part; parts are: all, {', '.join(ALL_PARTS)}")
    return part, floor


def below_floors(report: Report, floors: Iterable[tuple[str, float]]) -> list[str]:
    """The parts whose F1 is below their floor, as "claims F1 0.667 < 0.8"; [] when all pass.

    floors: (part, minimum F1) pairs as `parse_floor` returns; part "all" means every part.
    """
    failures = []
    for part, floor in floors:
        for name in ALL_PARTS if part == "all" else (part,):
            if report.f1(name) < floor:
                failures.append(f"{name} F1 {report.f1(name):.3f} < {floor:g}")
    return failures


def format_report(report: Report, *, show_misses: bool = True, max_listed: int = 12) -> str:
    """The report as a plain-text table: one row per part with P, R, F1, tp, fp, fn,
    then (with `show_misses`) up to `max_listed` missed and extra items under each
    part, and a last line with the macro F1 over `PARTS`."""
    lines = [f"{'part':16} {'P':>6} {'R':>6} {'F1':>6} {'tp':>4} {'fp':>3} {'fn':>3}"]
    for name in ALL_PARTS:
        score = report.parts.get(name, PartScore())
        lines.append(f"{name:16} {score.precision:6.3f} {score.recall:6.3f} {score.f1:6.3f} "
                     f"{score.tp:4} {score.fp:3} {score.fn:3}")
        if show_misses:
            lines += _listing("missed:", score.misses, max_listed)
            lines += _listing("extra: ", score.extras, max_listed)
    noun = "article" if report.articles == 1 else "articles"
    lines.append(f"macro F1 {report.macro_f1:.3f} over {report.articles} {noun}")
    return "\n".join(lines)


def _listing(tag: str, labels: list[str], limit: int) -> list[str]:
    shown = [f"    {tag} {label}" for label in labels[:limit]]
    if len(labels) > limit:
        shown.append(f"    {tag} ... and {len(labels) - limit} more")
    return shown

