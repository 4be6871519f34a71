"""Publication dates as written in inputs, made "YYYY-MM-DD".

Only unambiguous forms are accepted: "2024-03-02", "2024/03/02", ISO date-times
("2024-03-02T09:00:00+02:00", the date as written, not moved to UTC), RFC 2822
("Sat, 02 Mar 2024 09:00:00 +0200", as in RSS) and month names
("2 March 2024", "March 2, 2024"). "03/02/2024" is refused: day or month first?
"""
from __future__ import annotations

import re
from datetime import date, datetime
from email.utils import parsedate_tz

_ISO = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ][0-9:.,]+(?:Z|[+-][0-9:]+)?)?")
_NAMED = ("%d %B %Y", "%d %b %Y", "%B %d, %Y", "%b %d, %Y", "%B %d %Y", "%b %d %Y",
          "%d %B, %Y", "%A, %d %B %Y", "%A, %B %d, %Y")


def parse_date(value: str) -> str:
    """`value` as "YYYY-MM-DD"; ValueError when it is not a date in a form above."""
    value = value.strip()
    match = _ISO.fullmatch(value)
    if match:
        year, month, day = (int(g) for g in match.groups())
        return date(year, month, day).isoformat()
    cleaned = re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", value)
    for pattern in _NAMED:
        try:
            return datetime.strptime(cleaned, pattern).date().isoformat()
        except ValueError:
            continue
    parts = parsedate_tz(value) if re.search(r"\d{4}", value) else None
    if parts is not None:
        return date(parts[0], parts[1], parts[2]).isoformat()
    raise ValueError(f"not a date: {value!r}")


def date_or_none(value: object) -> str | None:
    """`parse_date` of a field value; None for a missing or empty one."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    return parse_date(str(value))
