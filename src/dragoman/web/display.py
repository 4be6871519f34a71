"""Words and links for the pages: figures in short form, progress in a sentence, links
to a fact's evidence. The charts' JavaScript (`static/dragoman-charts-*.js`) formats
figures by the same rules, so a table and its chart agree."""
from __future__ import annotations

import datetime as dt
from typing import Any
from urllib.parse import quote, urlencode

SCALES = ((1e12, "tn"), (1e9, "bn"), (1e6, "m"))


def short_amount(value: float | None) -> str:
    """6.3e9 -> "6.3 bn", 1e10 -> "10 bn", 450e6 -> "450 m", 12500 -> "12,500"."""
    if value is None:
        return "?"
    for size, word in SCALES:
        if abs(value) >= size:
            return f"{round(value / size, 2):g} {word}"
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def figure(value: float | None, unit: str | None, qualifier: str | None = None) -> str:
    """A figure with its unit and qualifier: "more than 5 bn USD", "12%", "#4"."""
    words = {"more_than": "more than ", "at_least": "at least ", "less_than": "less than ",
             "at_most": "at most ", "about": "about "}.get(qualifier or "", "")
    if unit == "percent":
        return f"{words}{short_amount(value)}%"
    if unit == "rank":
        return f"{words}#{short_amount(value)}"
    if unit == "count":
        return f"{words}{short_amount(value)}"
    return f"{words}{short_amount(value)} {unit or ''}".rstrip()


def progress_words(series: dict[str, Any], progress: dict[str, Any]) -> str:
    """Progress to a target in a sentence: "6.3 bn USD (2022) is 63% of the 10 bn USD
    target for 2030; 3.7 bn USD to go." Inputs: `MetricSeries.to_dict()` and one of its
    `progress` items."""
    unit = series["unit"]
    actual, target = progress["actual"], progress["target"]
    when = f" ({progress['actual_period']})" if progress.get("actual_period") else ""
    deadline = f" for {progress['target_period']}" if progress.get("target_period") else ""
    sentence = (f"{figure(actual, unit)}{when} is {progress['ratio']:.0%} of the "
                f"{figure(target, unit)} target{deadline}")
    if unit not in ("rank",) and target > actual:
        sentence += f"; {figure(target - actual, unit)} to go"
    elif target <= actual:
        sentence += "; the target is reached"
    return sentence + "."


def evidence_url(article: str, span: list[int] | tuple[int, int] | None = None) -> str:
    """The article page showing the words of a fact: /article/ID?span=START-END#evidence."""
    path = f"/article/{quote(article, safe='')}"
    if not span:
        return path
    return f"{path}?{urlencode({'span': f'{span[0]}-{span[1]}'})}#evidence"


def source_url(source: Any) -> str:
    """`evidence_url` of a `records.Source` or its dict."""
    if isinstance(source, dict):
        return evidence_url(source["article"], source.get("span"))
    return evidence_url(source.article, source.span)


def day(value: dt.date | str | None) -> str:
    if value is None:
        return "undated"
    return value.isoformat() if isinstance(value, dt.date) else str(value)


def when(value: str | None) -> str:
    """An ISO 8601 time as "2024-05-14 09:30 UTC" (the text as given when it is not one)."""
    if not value:
        return "never"
    try:
        moment = dt.datetime.fromisoformat(value)
    except ValueError:
        return value
    if moment.tzinfo is not None:
        moment = moment.astimezone(dt.timezone.utc)
    return moment.strftime("%Y-%m-%d %H:%M UTC")


def country_name(code: str | None) -> str:
    """The short name of an alpha-3 code ("TUR" -> "Türkiye"); the code when unknown."""
    if not code:
        return "?"
    from dragoman.codebooks import country_name as name
    return name(code)


def quote_id(article: str) -> str:
    """An article id as one URL path segment."""
    return quote(article, safe="")


def sides(claims: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """The claims of a finding grouped by what they say (metric, value, qualifier,
    period): the two sides of a discrepancy, or the target and the actual figure."""
    grouped: dict[tuple, list[dict[str, Any]]] = {}
    for claim in claims:
        key = (claim.get("metric"), claim.get("value"), claim.get("qualifier"),
               claim.get("period"))
        grouped.setdefault(key, []).append(claim)
    return list(grouped.values())


def with_params(request: Any, **changes: str | None) -> str:
    """This page's URL with some query parameters changed (None removes one): pagers
    keep the filters of the page they page."""
    params = dict(request.query_params)
    for name, value in changes.items():
        if value is None:
            params.pop(name, None)
        else:
            params[name] = value
    return f"{request.url.path}?{urlencode(params)}" if params else request.url.path


def web_url(value: str | None) -> str | None:
    """`value` when it is an http(s) URL, else None: a link never runs a script
    (`javascript:`) or opens a local file, whatever a feed or an upload said."""
    if value and value.strip().lower().startswith(("http://", "https://")):
        return value.strip()
    return None
