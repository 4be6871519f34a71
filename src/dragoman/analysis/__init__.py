"""Analysis over extracted facts: findings (discrepancies, progress to target) within an
article now, and over a country pair's series across articles later."""
from __future__ import annotations

from dragoman.analysis.findings import discrepancies, find_findings, interval, target_progress

__all__ = ["discrepancies", "find_findings", "interval", "target_progress"]
