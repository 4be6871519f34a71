"""Files of many articles: JSON Lines, JSON, CSV and TSV.

Each record has a `text` field (the body) and may have `date`, `title`, `url`,
`source` and `id` (field names compared case-insensitively). A bad record is
yielded as a ReadError with its line and the file goes on. Article ids are the
record's `id` when it has one, else `stem:LINE` (JSON Lines, CSV: the line the
record starts on) or `stem:N` (the N-th object of a JSON array).
"""
from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator, Mapping
from typing import Any

from dragoman.errors import ReadError
from dragoman.model import Article
from dragoman.read.dates import date_or_none
from dragoman.read.decode import normalise_newlines

FIELDS = ("text", "date", "title", "url", "source", "id")
_CSV_DELIMITERS = ",;\t|"

Result = Article | ReadError


def _lower_keys(record: Mapping[str, Any]) -> dict[str, Any]:
    lowered: dict[str, Any] = {}
    for key, value in record.items():
        lowered.setdefault(str(key).strip().lower(), value)
    return lowered


def _scalar(record: dict[str, Any], name: str, fail: Any) -> str | None:
    value = record.get(name)
    if value is None or isinstance(value, bool):
        return None
    if not isinstance(value, (str, int, float)):
        raise fail(f"field '{name}' must be text, not {type(value).__name__}")
    return str(value).strip() or None


def record_article(record: Mapping[str, Any], *, source: str, id: str, path: str | None,
                   line: int | None = None, label: str = "") -> Article:
    """The article in one record; ReadError (with `line`, message led by `label`) when
    its text is missing or empty, or a field has the wrong type or a bad date."""
    def fail(message: str) -> ReadError:
        return ReadError(source, f"{label}{message}", line)

    fields = _lower_keys(record)
    text = fields.get("text")
    if text is None or (isinstance(text, str) and not text.strip()):
        raise fail("no article text: the 'text' field is missing or empty; fill it in "
                   "or drop the record")
    if not isinstance(text, str):
        raise fail(f"field 'text' must be a string, not {type(text).__name__}")
    raw_date = fields.get("date")
    try:
        date = date_or_none(raw_date)
    except ValueError:
        raise fail(f"date {str(raw_date)!r} is not a date; write it as YYYY-MM-DD") from None
    return Article(id=_scalar(fields, "id", fail) or id, text=normalise_newlines(text).strip(),
                   date=date, source=_scalar(fields, "source", fail),
                   title=_scalar(fields, "title", fail), url=_scalar(fields, "url", fail),
                   path=path)


def _kind(value: Any) -> str:
    return {list: "a list", str: "a string", dict: "an object"}.get(type(value), "a value")


def parse_jsonl(text: str, *, source: str, stem: str, path: str | None) -> Iterator[Result]:
    """One article per line of JSON Lines `text`; blank lines are passed over."""
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield ReadError(source, f"not valid JSON ({exc.msg}, column {exc.colno}); "
                                    f"fix the line or remove it", number)
            continue
        if not isinstance(record, dict):
            yield ReadError(source, f"expected a JSON object with a 'text' field, got "
                                    f"{_kind(record)}; put one object on each line", number)
            continue
        try:
            yield record_article(record, source=source, id=f"{stem}:{number}", path=path,
                                 line=number)
        except ReadError as exc:
            yield exc


def parse_json(text: str, *, source: str, stem: str, path: str | None) -> Iterator[Result]:
    """The article of a JSON object, or one article per object of a JSON array."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        yield ReadError(source, f"not valid JSON ({exc.msg}); fix it, or write one object "
                                f"per line as JSON Lines (.jsonl)", exc.lineno)
        return
    if isinstance(data, dict):
        try:
            yield record_article(data, source=source, id=stem, path=path)
        except ReadError as exc:
            yield exc
        return
    if not isinstance(data, list):
        yield ReadError(source, f"expected a JSON object or a list of objects, got "
                                f"{_kind(data)}; give objects with a 'text' field")
        return
    if not data:
        yield ReadError(source, "the JSON list is empty; add objects with a 'text' field")
    for number, record in enumerate(data, start=1):
        label = f"record {number}: "
        if not isinstance(record, dict):
            yield ReadError(source, f"{label}expected an object with a 'text' field, got "
                                    f"{_kind(record)}")
            continue
        try:
            yield record_article(record, source=source, id=f"{stem}:{number}", path=path,
                                 label=label)
        except ReadError as exc:
            yield exc


def _delimiter(text: str) -> str:
    header = text.lstrip("\n").split("\n", 1)[0]
    try:
        return csv.Sniffer().sniff(header, delimiters=_CSV_DELIMITERS).delimiter
    except csv.Error:
        return ","


def _rows(text: str, delimiter: str, source: str) -> Iterator[tuple[int, list[str]] | ReadError]:
    """(line the row starts on, cells) for each non-blank row; ReadError for a row the
    csv module cannot split."""
    # strict: a quoted field followed by junk is an error to report, not text to guess at
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    while True:
        start = reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield ReadError(source, f"cannot split the row ({exc}); check its quote marks",
                            start)
            continue
        if any(cell.strip() for cell in row):
            yield start, row


def parse_csv(text: str, *, source: str, stem: str, path: str | None,
              delimiter: str | None = None) -> Iterator[Result]:
    """One article per row of CSV/TSV `text` under a header row that names a `text`
    column; the delimiter is sniffed from the header when not given."""
    rows = _rows(text, delimiter or _delimiter(text), source)
    header: list[str] | None = None
    seen_rows = False
    for item in rows:
        if isinstance(item, ReadError):
            yield item
            continue
        number, row = item
        if header is None:
            header = [cell.strip().lower() for cell in row]
            if "text" not in header:
                found = ", ".join(repr(cell) for cell in row) or "none"
                yield ReadError(source, f"no 'text' column in the header row (columns: "
                                        f"{found}); name the column that holds the article "
                                        f"text 'text'", number)
                return
            continue
        seen_rows = True
        if len(row) > len(header):
            yield ReadError(source, f"row has {len(row)} fields but the header has "
                                    f"{len(header)}; quote fields that contain the "
                                    f"delimiter", number)
            continue
        record: dict[str, str] = {}
        for name, cell in zip(header, row + [""] * (len(header) - len(row))):
            record.setdefault(name, cell)  # of two columns named alike, the first counts
        try:
            yield record_article(record, source=source, id=f"{stem}:{number}", path=path,
                                 line=number)
        except ReadError as exc:
            yield exc
    if header is not None and not seen_rows:
        yield ReadError(source, "no rows under the header row; add one article per row")
