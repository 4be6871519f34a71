"""RSS and Atom feeds: one article per entry (feedparser).

`read_feed(data, name)` is the seam for fetching: whatever gets the bytes (a
file here, HTTP later) hands them over with a name for ids and messages.
"""
from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import PurePosixPath
from typing import Any

import feedparser

from dragoman.errors import ReadError
from dragoman.model import Article
from dragoman.read.dates import parse_date
from dragoman.read.html import fragment_text

Result = Article | ReadError


def looks_like_feed(text: str) -> bool:
    """Whether the start of `text` is an RSS, RDF or Atom document."""
    head = text[:2048].lower()
    return any(tag in head for tag in ("<rss", "<feed", "<rdf:rdf"))


def _entry_text(entry: Any) -> str:
    """The longest of the entry's content parts, else its summary, as plain text."""
    parts = [(c.get("value") or "", c.get("type") or "") for c in entry.get("content") or []]
    if not any(value.strip() for value, _ in parts):
        parts = [(entry.get("summary") or "",
                  (entry.get("summary_detail") or {}).get("type") or "text/html")]
    value, kind = max(parts, key=lambda part: len(part[0]))
    return fragment_text(value) if "html" in kind or "<" in value else value.strip()


def _entry_date(entry: Any) -> str | None:
    """The entry's publication (else update) date as written, not moved to UTC."""
    for key in ("published", "updated", "created"):
        raw = entry.get(key)
        if raw:
            try:
                return parse_date(raw)
            except ValueError:
                parsed = entry.get(f"{key}_parsed")
                if parsed:
                    return time.strftime("%Y-%m-%d", parsed)
    return None


def _feed_stem(name: str) -> str:
    if name.startswith("<") and name.endswith(">"):
        return name.strip("<>")
    return PurePosixPath(name.rstrip("/").replace("\\", "/")).stem or name


def read_feed(data: bytes, name: str, *, stem: str | None = None,
              path: str | None = None) -> Iterator[Result]:
    """One article per entry of the RSS/Atom feed in `data`.

    name: the file path or URL the bytes came from, used in messages; stem: the id
    prefix (default: the file name of `name` without extension), ids are `stem:N` for
    the N-th entry. Yields a ReadError for an entry without text, and a single
    ReadError when `data` is not a feed.
    """
    stem = stem or _feed_stem(name)
    try:
        parsed = feedparser.parse(data)
    except Exception as exc:  # feedparser is lenient; anything it raises is unexpected input
        yield ReadError(name, f"cannot parse the feed ({type(exc).__name__}); check that it "
                              f"is RSS or Atom")
        return
    # No version: feedparser found no <rss>, <feed> or <rdf:RDF> root, even when it
    # picked up <item> elements of some other XML (an inventory, a sitemap).
    if not parsed.get("version"):
        yield ReadError(name, "not an RSS or Atom feed; check the file, or give it an "
                              "extension that says what it is (.html, .txt)")
        return
    if not parsed.entries:
        yield ReadError(name, "the feed has no entries; nothing to read")
        return
    feed_title = (parsed.feed.get("title") or "").strip() or None
    for number, entry in enumerate(parsed.entries, start=1):
        text = _entry_text(entry)
        if not text:
            yield ReadError(name, f"entry {number} has no text (neither content nor summary); "
                                  f"it is left out")
            continue
        yield Article(id=f"{stem}:{number}", text=text, date=_entry_date(entry),
                      source=feed_title, title=fragment_text(entry.get("title") or "") or None,
                      url=entry.get("link") or None, path=path)
