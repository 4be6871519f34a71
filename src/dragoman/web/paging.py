"""Cursor paging and the three forms of every list: JSON, CSV and JSON Lines.

A cursor is opaque to clients: URL-safe base64 of a small JSON list, the sort key
and id of the last row of the page before (keyset paging: stable while rows are
added), or an offset for lists computed in Python (findings, dyads). A list answers

    JSON:  {"items": [...], "count": 50, "next_cursor": "...", "next": "/quotes?...",
            "query": {the filters it was asked}}
    CSV:   one row per item, nested fields flattened with dots ("source.article"),
           lists joined with "; "; the next page in a `Link: <...>; rel="next"` header
    JSONL: one item per line, with the same header.
"""
from __future__ import annotations

import base64
import binascii
import csv
import io
import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Generic, Literal, TypeVar
from urllib.parse import urlencode

from fastapi import Request
from fastapi.responses import JSONResponse, Response
from sqlalchemy import ColumnElement, Select, and_, or_

from dragoman.web.errors import ApiError

T = TypeVar("T")
Format = Literal["json", "csv", "jsonl"]
MEDIA = {"json": "application/json", "csv": "text/csv; charset=utf-8",
         "jsonl": "application/x-ndjson"}
ACCEPT = {"text/csv": "csv", "application/x-ndjson": "jsonl", "application/jsonl": "jsonl",
          "application/json": "json"}


def encode_cursor(values: Sequence[Any]) -> str:
    """An opaque cursor for `values` (JSON-serialisable: strings, numbers, None)."""
    raw = json.dumps(list(values), separators=(",", ":"), ensure_ascii=True).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str | None, size: int) -> list[Any] | None:
    """The values of a cursor of `size` values; ApiError 400 for anything else."""
    if not cursor:
        return None
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        values = json.loads(raw)
    except (binascii.Error, ValueError, UnicodeDecodeError):
        values = None
    if not isinstance(values, list) or len(values) != size or not all(map(_plain, values)):
        raise ApiError(400, "cursor is not one this server gave out: use the `next_cursor` "
                            "of a previous page, or leave it out for the first page",
                       "bad_cursor")
    return values


def _plain(value: Any) -> bool:
    """A cursor value a database takes: None, a number, or text without NUL characters
    or lone surrogates (neither PostgreSQL nor UTF-8 holds them)."""
    if value is None or isinstance(value, (int, float)):
        return True
    if not isinstance(value, str) or "\x00" in value:
        return False
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


@dataclass(frozen=True)
class SortKey:
    """How a list is ordered for keyset paging: `key` (never NULL: coalesce it) then the
    row id, both descending or both ascending; load/dump convert the key for a cursor."""

    key: ColumnElement
    id: ColumnElement
    descending: bool = True
    dump: Callable[[Any], Any] = lambda v: v
    load: Callable[[Any], Any] = str.__str__

    def order(self) -> tuple:
        if self.descending:
            return self.key.desc(), self.id.desc()
        return self.key.asc(), self.id.asc()

    def after(self, query: Select, cursor: str | None) -> Select:
        """`query` ordered, starting after the row the cursor names."""
        values = decode_cursor(cursor, 2)
        query = query.order_by(*self.order())
        if values is None:
            return query
        try:
            key, last = self.load(values[0]), values[1]
        except (TypeError, ValueError):
            key, last = None, None
        if key is None or not isinstance(last, int) or not 0 <= last < 2**31:
            raise ApiError(400, "cursor does not fit this list", "bad_cursor")
        if self.descending:
            return query.where(or_(self.key < key, and_(self.key == key, self.id < last)))
        return query.where(or_(self.key > key, and_(self.key == key, self.id > last)))

    def cursor(self, key: Any, id: int) -> str:
        return encode_cursor([self.dump(key), id])


@dataclass
class Page(Generic[T]):
    """One page of a list and the cursor of the next (None: the last page)."""

    items: list[T]
    next_cursor: str | None = None
    query: dict[str, Any] = field(default_factory=dict)


def keyset_page(rows: list, limit: int, sort: SortKey, key_of: Callable[[Any], Any],
                id_of: Callable[[Any], int]) -> tuple[list, str | None]:
    """Rows fetched with limit + 1: the page and the cursor after its last row."""
    if len(rows) <= limit:
        return rows, None
    rows = rows[:limit]
    return rows, sort.cursor(key_of(rows[-1]), id_of(rows[-1]))


def offset_page(items: list[T], limit: int, cursor: str | None) -> tuple[list[T], str | None]:
    """A page of a list computed whole (findings, dyads): the cursor holds an offset."""
    values = decode_cursor(cursor, 1)
    start = 0
    if values is not None:
        if not isinstance(values[0], int) or values[0] < 0:
            raise ApiError(400, "cursor does not fit this list", "bad_cursor")
        start = values[0]
    end = start + limit
    return items[start:end], encode_cursor([end]) if end < len(items) else None


# -- the three forms --------------------------------------------------------------------


def choose_format(request: Request, asked: str | None) -> Format:
    """`format` when given, else the first known media type of the Accept header, else JSON."""
    if asked:
        return asked  # type: ignore[return-value]  # validated by the query model
    for part in request.headers.get("accept", "").split(","):
        media = part.split(";")[0].strip().lower()
        if media in ACCEPT:
            return ACCEPT[media]  # type: ignore[return-value]
    return "json"


def flatten(item: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    """Nested dicts flattened with dotted keys; lists of scalars joined with "; ",
    other lists as JSON (spans "[640, 650]")."""
    flat: dict[str, Any] = {}
    for key, value in item.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            flat.update(flatten(value, name + "."))
        elif isinstance(value, list):
            if all(isinstance(v, str) for v in value):
                flat[name] = "; ".join(value)
            else:
                flat[name] = json.dumps(value, ensure_ascii=False)
        else:
            flat[name] = value
    return flat


def to_csv(items: Iterable[dict[str, Any]]) -> str:
    rows = [flatten(i) for i in items]
    columns: dict[str, None] = {}
    for row in rows:
        columns.update(dict.fromkeys(row))
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(columns), lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def to_jsonl(items: Iterable[dict[str, Any]]) -> str:
    return "".join(json.dumps(i, ensure_ascii=False) + "\n" for i in items)


def next_url(request: Request, cursor: str | None) -> str | None:
    """The URL of the next page: this request's path and parameters with the new cursor."""
    if cursor is None:
        return None
    params = [(k, v) for k, v in request.query_params.multi_items() if k != "cursor"]
    params.append(("cursor", cursor))
    return f"{request.url.path}?{urlencode(params)}"


def list_response(request: Request, page: Page, fmt: Format,
                  to_dict: Callable[[Any], dict[str, Any]]) -> Response:
    """A page in the form asked for, with the next page's link."""
    items = [to_dict(i) for i in page.items]
    link = next_url(request, page.next_cursor)
    headers = {"Link": f'<{link}>; rel="next"'} if link else {}
    if fmt == "csv":
        return Response(to_csv(items), media_type=MEDIA["csv"], headers=headers)
    if fmt == "jsonl":
        return Response(to_jsonl(items), media_type=MEDIA["jsonl"], headers=headers)
    body = {"items": items, "count": len(items), "next_cursor": page.next_cursor,
            "next": link, "query": page.query}
    return JSONResponse(body, headers=headers)
