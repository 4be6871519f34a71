"""Reading articles: files, directories, URLs and stdin in, `Article`s (or `ReadError`s) out.

`read_inputs` never raises for a bad input: it yields a ReadError naming the file
(and line) and goes on, so one broken file does not stop a batch. The format
comes from the extension; stdin and files with an unknown extension named on
purpose are sniffed from their content. http(s) URLs (feeds, pages) are fetched
(`fetch.py`): their format comes from the media type the server gives, else the content.

    from dragoman.read import read_inputs, read_text
    for item in read_inputs(["articles/", "feed.xml", "-"]):
        ...  # model.Article or errors.ReadError
"""
from __future__ import annotations

import csv
import logging
import os
import re
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from dragoman.errors import ReadError
from dragoman.model import Article
from dragoman.read.decode import decode, load_path, load_stream
from dragoman.read.feeds import looks_like_feed, read_feed
from dragoman.read.fetch import Fetcher, is_url, url_stem
from dragoman.read.html import parse_html
from dragoman.read.records import parse_csv, parse_json, parse_jsonl
from dragoman.read.text import parse_text

__all__ = ["FORMATS", "Fetcher", "article_files", "read_bytes", "read_inputs", "read_text",
           "read_url", "sniff_format"]

log = logging.getLogger(__name__)

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
STDIN_NAME = "<stdin>"

# Extension (lower case) -> format. Only these are read when walking a directory.
FORMATS = {
    ".txt": "text", ".text": "text", ".md": "markdown", ".markdown": "markdown",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "json",
    ".csv": "csv", ".tsv": "tsv",
    ".xml": "feed", ".rss": "feed", ".atom": "feed",
}
_HTML_TAG = re.compile(r"<(!doctype html|html|head|body|article|div|p)\b")

Result = Article | ReadError


def read_text(text: str, *, source: str = "<text>", id: str | None = None) -> Article:
    """The article in `text`, in the plain-text / seed format (date header, front
    matter, title line). id: default the stem of `source` ("text" for "<text>").
    Raises ReadError (naming `source`) for a malformed date header or no body."""
    return parse_text(text, source=source, id=id or _stem(source))


def read_inputs(paths: Iterable[str], *, max_bytes: int = DEFAULT_MAX_BYTES,
                stdin: BinaryIO | None = None,
                fetcher: Fetcher | None = None) -> Iterator[Result]:
    """Articles from files, directories (recursively, in sorted order), http(s) URLs
    and "-" (stdin).

    max_bytes: largest input read, in bytes; stdin: where "-" reads bytes from
    (default sys.stdin.buffer); fetcher: what fetches URLs (default `Fetcher()`, its
    timeout from DRAGOMAN_FETCH_TIMEOUT). Yields a ReadError for each input or record
    that cannot be read, and carries on with the rest.
    """
    for raw in paths:
        name = os.fspath(raw)
        if name == "-":
            yield from _read_stdin(stdin, max_bytes)
        elif is_url(name):
            yield from read_url(name, max_bytes=max_bytes, fetcher=fetcher)
        elif os.path.isdir(name):
            yield from _read_directory(name, max_bytes)
        else:
            yield from _read_file(name, max_bytes, FORMATS.get(Path(name).suffix.lower()))


def read_bytes(data: bytes, *, name: str, fmt: str | None = None, stem: str | None = None,
               path: str | None = None) -> Iterator[Result]:
    """Articles in `data`, read as `fmt` (a FORMATS value; None: sniffed from the content).

    name: where the bytes came from, for messages; stem: the article id (or id prefix
    for multi-record formats), default the file name of `name` without extension.
    The seam for bytes that come from elsewhere than a file (HTTP, archives).
    """
    stem = stem or _stem(name)
    try:
        text = decode(data, name)
    except ReadError as exc:
        yield exc
        return
    fmt = fmt or sniff_format(text)
    try:
        yield from _parse(data, text, fmt, name=name, stem=stem, path=path)
    except ReadError as exc:
        yield exc
    except Exception as exc:  # a bug or a library choking: still one line, batch goes on
        log.exception("unexpected error reading %s", name)
        yield ReadError(name, f"unexpected error while reading it as {fmt} "
                              f"({type(exc).__name__}: {exc}); please report this")


def read_url(url: str, *, max_bytes: int = DEFAULT_MAX_BYTES,
             fetcher: Fetcher | None = None) -> Iterator[Result]:
    """Articles at an http(s) URL: a feed's entries, a page's article, a file's records.
    Ids come from the URL's last path part (`url_stem`); articles without a URL of
    their own get the one they were fetched from."""
    try:
        fetched = (fetcher or Fetcher()).fetch(url, max_bytes)
    except ReadError as exc:
        yield exc
        return
    for item in read_bytes(fetched.data, name=url, fmt=fetched.fmt, stem=url_stem(url),
                           path=url):
        if isinstance(item, Article) and item.url is None:
            item.url = fetched.url
        yield item


def sniff_format(text: str) -> str:
    """The format (a FORMATS value) that the content of `text` looks like."""
    head = text.lstrip()[:4096]
    lower = head.lower()
    if looks_like_feed(lower):
        return "feed"
    if _HTML_TAG.search(lower[:2048]):
        return "html"
    if lower.startswith("<?xml"):
        return "feed"
    if head.startswith("["):
        return "json"
    if head.startswith("{"):
        return "jsonl" if _is_one_line_object(head) else "json"
    if _has_text_column(head):
        return "csv"
    if re.match(r"#[ \t]+\S", head):
        return "markdown"
    return "text"


def _is_one_line_object(head: str) -> bool:
    first = head.split("\n", 1)[0].rstrip()
    return first.endswith("}")


def _has_text_column(head: str) -> bool:
    first = head.split("\n", 1)[0]
    for delimiter in (",", "\t", ";"):
        cells = next(csv.reader([first], delimiter=delimiter), [])
        if len(cells) >= 2 and "text" in (cell.strip().lower() for cell in cells):
            return True
    return False


def _parse(data: bytes, text: str, fmt: str, *, name: str, stem: str,
           path: str | None) -> Iterator[Result]:
    if fmt in ("text", "markdown"):
        yield parse_text(text, source=name, id=stem, path=path, markdown=fmt == "markdown")
    elif fmt == "html":
        yield parse_html(text, source=name, id=stem, path=path)
    elif fmt == "jsonl":
        yield from parse_jsonl(text, source=name, stem=stem, path=path)
    elif fmt == "json":
        yield from parse_json(text, source=name, stem=stem, path=path)
    elif fmt in ("csv", "tsv"):
        yield from parse_csv(text, source=name, stem=stem, path=path,
                             delimiter="\t" if fmt == "tsv" else None)
    elif fmt == "feed":
        yield from read_feed(data, name, stem=stem, path=path)
    else:
        raise ValueError(f"unknown format {fmt!r}; expected one of {sorted(set(FORMATS.values()))}")


def _stem(name: str) -> str:
    if name.startswith("<") and name.endswith(">"):
        return name[1:-1] or "text"
    return Path(name).stem or name


def _read_stdin(stdin: BinaryIO | None, max_bytes: int) -> Iterator[Result]:
    stream = stdin if stdin is not None else sys.stdin.buffer
    try:
        data = load_stream(stream, STDIN_NAME, max_bytes)
    except ReadError as exc:
        yield exc
        return
    yield from read_bytes(data, name=STDIN_NAME, stem="stdin", path=STDIN_NAME)


def _read_file(path: str, max_bytes: int, fmt: str | None) -> Iterator[Result]:
    try:
        data = load_path(path, max_bytes)
    except ReadError as exc:
        yield exc
        return
    yield from read_bytes(data, name=path, fmt=fmt, stem=_stem(path), path=path)


def _skipped(name: str) -> bool:
    """Hidden files and gold annotations (`*.gold.json`, kept beside their examples)."""
    return name.startswith(".") or name.lower().endswith(".gold.json")


def article_files(root: str) -> tuple[list[str], list[ReadError]]:
    """Files under directory `root` with a known extension, recursively, sorted by
    their path below `root`; hidden files and folders and gold files are left out.
    Also the folders that could not be listed, as ReadErrors."""
    found: list[tuple[tuple[str, ...], str]] = []
    errors: list[ReadError] = []

    def failed(exc: OSError) -> None:
        errors.append(ReadError(exc.filename or root, f"cannot list the folder "
                                                      f"({exc.strerror}); check its permissions"))

    for folder, subfolders, files in os.walk(root, onerror=failed):
        subfolders[:] = [d for d in subfolders if not d.startswith(".")]
        for name in files:
            if not _skipped(name) and Path(name).suffix.lower() in FORMATS:
                path = os.path.join(folder, name)
                found.append((Path(os.path.relpath(path, root)).parts, path))
    return [path for _, path in sorted(found)], errors


def _read_directory(root: str, max_bytes: int) -> Iterator[Result]:
    paths, errors = article_files(root)
    yield from errors
    if not paths and not errors:
        known = " ".join(sorted(FORMATS))
        yield ReadError(root, f"no article files in the folder (looked for {known}); "
                              f"check the path")
    for path in paths:
        yield from _read_file(path, max_bytes, FORMATS[Path(path).suffix.lower()])
