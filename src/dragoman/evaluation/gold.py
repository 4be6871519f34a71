"""Read gold annotation files (format: `shared/gold/README.md`) and check their shape.

Only what the scorer relies on is checked, so that a typo in a hand-written
gold file is reported with the file and the item, not as a KeyError halfway
through an evaluation.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from dragoman.errors import DragomanError

_FORMAT_HINT = "fix the file (gold annotation format: gold/README.md of the dragoman spec)"

#: Keys every item of a gold list must have (values may be null where the format allows).
_REQUIRED_KEYS: dict[str, tuple[str, ...]] = {
    "persons": ("name", "country", "role"),
    "organizations": ("name",),
    "quotes": ("speaker", "kind", "text"),
    "claims": ("metric", "value", "qualifier", "unit", "status", "holder", "counterpart",
               "period", "speaker"),
    "events": ("type", "actors"),
    "findings": ("kind", "claims"),
    "places": ("name",),
}


class GoldError(DragomanError):
    """A gold file cannot be read or is not in the gold format.

    source: the file path; message: what is wrong and where in the file.
    """

    def __init__(self, source: Path | str, message: str) -> None:
        self.source = str(source)
        self.message = message
        super().__init__(f"{self.source}: {message}")


def load_gold(path: Path) -> dict[str, Any]:
    """Read and check one gold file; `GoldError` naming the file when it is unreadable,
    not JSON, or lacks what the scorer needs."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise GoldError(path, f"cannot read the gold file ({exc})") from exc
    try:
        gold = json.loads(text)
    except json.JSONDecodeError as exc:
        raise GoldError(path, f"line {exc.lineno}, column {exc.colno}: not valid JSON ({exc.msg})") from exc
    problem = gold_problem(gold)
    if problem:
        raise GoldError(path, f"{problem}; {_FORMAT_HINT}")
    checked: dict[str, Any] = gold
    return checked


def gold_problem(gold: Any) -> str | None:
    """What is wrong with a parsed gold annotation, or None when the scorer can use it."""
    if not isinstance(gold, dict):
        return "a gold file must hold one JSON object"
    for check in (_article_problem, _lists_problem, _names_problem, _claims_problem,
                  _events_problem, _sectors_problem, _findings_problem):
        problem = check(gold)
        if problem:
            return problem
    return None


def _article_problem(gold: dict[str, Any]) -> str | None:
    article = gold.get("article")
    if article is None:
        return None
    if not isinstance(article, dict):
        return '"article" must be an object like {"file": "article.txt", "date": "2024-01-31"}'
    if not isinstance(article.get("file", ""), str):
        return '"article.file" must be a path (a string)'
    return None


def _lists_problem(gold: dict[str, Any]) -> str | None:
    for section, keys in _REQUIRED_KEYS.items():
        value = gold.get(section, [])
        if not isinstance(value, list):
            return f'"{section}" must be a list'
        for index, item in enumerate(value):
            if not isinstance(item, dict):
                return f"{section}[{index}] must be an object"
            missing = [key for key in keys if key not in item]
            if missing:
                return f"{section}[{index}] lacks {', '.join(repr(k) for k in missing)}"
    countries = gold.get("countries", [])
    if not isinstance(countries, list) or not all(isinstance(c, str) for c in countries):
        return '"countries" must be a list of alpha-3 codes like ["TUR", "KAZ"]'
    return None


def _names_problem(gold: dict[str, Any]) -> str | None:
    for section in ("persons", "organizations"):
        for index, item in enumerate(gold.get(section, [])):
            if not isinstance(item["name"], str) or not item["name"].strip():
                return f"{section}[{index}].name must be a non-empty string"
            aliases = item.get("aliases", [])
            if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
                return f"{section}[{index}].aliases must be a list of strings"
    for index, quote in enumerate(gold.get("quotes", [])):
        if not isinstance(quote["text"], str):
            return f"quotes[{index}].text must be a string"
    return None


def _claims_problem(gold: dict[str, Any]) -> str | None:
    for index, claim in enumerate(gold.get("claims", [])):
        value = claim["value"]
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            return f"claims[{index}].value must be a number, e.g. 6300000000 for $6.3 billion"
        if not isinstance(claim["period"], list):
            return f'claims[{index}].period must be a list of allowed values, e.g. ["2022"] or [null]'
        speaker = claim["speaker"]
        if isinstance(speaker, list) and not all(s is None or isinstance(s, str) for s in speaker):
            return f"claims[{index}].speaker alternatives must be names, \"*\" or null"
    return None


def _events_problem(gold: dict[str, Any]) -> str | None:
    for index, event in enumerate(gold.get("events", [])):
        actors = event["actors"]
        if not isinstance(actors, list) or not all(isinstance(a, str) for a in actors):
            return f"events[{index}].actors must be a list of names or alpha-3 codes"
    return None


def _sectors_problem(gold: dict[str, Any]) -> str | None:
    sectors = gold.get("sectors", {})
    if not isinstance(sectors, dict):
        return '"sectors" must be an object {"required": [...], "allowed": [...]}'
    for key in ("required", "allowed"):
        labels = sectors.get(key, [])
        if not isinstance(labels, list) or not all(isinstance(s, str) for s in labels):
            return f'"sectors.{key}" must be a list of sector names'
    return None


def _findings_problem(gold: dict[str, Any]) -> str | None:
    claim_count = len(gold.get("claims", []))
    for index, finding in enumerate(gold.get("findings", [])):
        refs = finding["claims"]
        if not isinstance(refs, list) or not all(
                isinstance(r, int) and not isinstance(r, bool) and 0 <= r < claim_count for r in refs):
            return (f"findings[{index}].claims must list indexes into \"claims\" "
                    f"(0 to {claim_count - 1})")
    return None
