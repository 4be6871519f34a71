"""Plain text, Markdown and the seed format: one article per string.

The seed format puts `date YYYY-MM-DD` before the first sentence, on the same
line or on a line of its own. Plain text may start with front matter lines
(`date: 2024-03-02`, `title: ...`, `source: ...`, `url: ...`, optionally fenced
by `---` as in Markdown) and with a title line. The body is kept exactly as
written, only stripped of surrounding whitespace, because every fact's
character offsets point into it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from dragoman.errors import ReadError
from dragoman.model import Article
from dragoman.read.dates import parse_date
from dragoman.read.decode import normalise_newlines

# A headline is short; 15 words was the longest title line among the team's
# synthetic examples, and the seed's first sentence (a lede, 30 words) is far over it.
MAX_TITLE_WORDS = 15
# A line ending like this continues into the text or is a sentence, not a headline.
_NOT_TITLE_END = ".,;:-\u2013\u2014\u2026"
_CLOSING_QUOTES = "\"'\u201d\u2019\u00bb)"

FRONT_KEYS = ("date", "title", "source", "url", "id")
_FRONT_LINE = re.compile(r"([A-Za-z_]+)[ \t]*:[ \t]*(.*)")
# `date` + a token at the very start of the body (after blank space): the seed's header.
_HEADER = re.compile(r"[ \t\n]*(date|Date|DATE)[ \t]+(\S+)[ \t]*")
_RELATIVE = frozenset("today yesterday tomorrow now unknown none n/a monday tuesday "
                      "wednesday thursday friday saturday sunday".split())
_ATX = re.compile(r"#[ \t]+(.+?)[ \t]*#*[ \t]*")
_SETEXT = re.compile(r"=+[ \t]*")
_BYLINE = re.compile(r"by[ \t]+\w", re.IGNORECASE)  # "By Jane Doe" names the writer
_EMPHASIS = re.compile(r"(?<!\w)[*_`]+|[*_`]+(?!\w)")


@dataclass
class _Parts:
    """What the header lines said, and the body after them. line: 1-based line of `body`'s start."""

    body: str
    line: int = 1
    fields: dict[str, str] = field(default_factory=dict)


def _front_matter(text: str, source: str) -> _Parts:
    lines = text.split("\n")
    start = 0
    while start < len(lines) and not lines[start].strip():
        start += 1
    fenced = start < len(lines) and lines[start].strip() == "---"
    first = start + 1 if fenced else start
    found: dict[str, tuple[str, int]] = {}
    end = first
    while end < len(lines):
        line = lines[end].strip()
        if fenced and line == "---":
            break
        if not fenced and not line:
            break
        match = _FRONT_LINE.fullmatch(line)
        if not fenced and (not match or match.group(1).lower() not in FRONT_KEYS):
            return _Parts(text)  # not front matter: the text starts here
        if match:  # inside `---` fences other YAML (lists, nesting) is passed over
            found.setdefault(match.group(1).lower(), (match.group(2).strip(), end + 1))
        end += 1
    if (fenced and end >= len(lines)) or (not fenced and not found):
        return _Parts(text)
    fields = {}
    for key, (value, line_no) in found.items():
        if key not in FRONT_KEYS or not value:
            continue
        value = value.strip("\"'")
        if key == "date":
            value = _checked_date(value, source, line_no, f"date: {value}")
        fields[key] = value
    body_line = end + 2 if fenced else end + 1
    return _Parts("\n".join(lines[body_line - 1:]), body_line, fields)


def _checked_date(value: str, source: str, line: int, written: str) -> str:
    try:
        return parse_date(value)
    except ValueError:
        raise ReadError(source, f"malformed date header {written!r}; write it as "
                                f"date YYYY-MM-DD", line) from None


def _is_header(keyword: str, token: str, alone: bool) -> bool:
    """Whether `keyword token` opens the text as a date header rather than as prose
    ("date palms grow ..." is prose; "date 2023-09-11", "date yesterday" are headers)."""
    if any(ch.isdigit() for ch in token):
        return True
    return keyword == "date" and (alone or token.lower() in _RELATIVE)


def _date_header(parts: _Parts, source: str) -> _Parts:
    match = _HEADER.match(parts.body)
    if not match:
        return parts
    keyword, token = match.group(1), match.group(2)
    rest = parts.body[match.end():]
    if not _is_header(keyword, token, alone=not rest or rest.startswith("\n")):
        return parts
    line = parts.line + parts.body.count("\n", 0, match.start(1))
    date = _checked_date(token, source, line, f"{keyword} {token}")
    fields = {**parts.fields, "date": date}
    return _Parts(rest, line + parts.body.count("\n", match.start(1), match.end()), fields)


def _is_title_line(line: str) -> bool:
    words = line.split()
    if not words or len(words) > MAX_TITLE_WORDS or _BYLINE.match(line):
        return False
    return line.rstrip(_CLOSING_QUOTES)[-1:] not in _NOT_TITLE_END


def _plain_heading(heading: str) -> str:
    """A Markdown heading without emphasis marks and code ticks ("*new* ties" -> "new ties")."""
    return " ".join(_EMPHASIS.sub("", heading).split())


def _split_title(body: str, markdown: bool) -> tuple[str | None, str]:
    """(title, body without it) when the body opens with a title line, else (None, body)."""
    stripped = body.lstrip()
    first, _, rest = stripped.partition("\n")
    first = first.strip()
    if markdown:
        atx = _ATX.fullmatch(first)
        if atx:
            return _plain_heading(atx.group(1)), rest
        second, _, after = rest.partition("\n")
        if first and _SETEXT.fullmatch(second.strip()):
            return _plain_heading(first), after
        if first.startswith("#"):  # a section heading (## ...) opens the body, not a title
            return None, body
    # A plain title line stands alone: a blank line follows it, and text after that.
    if rest.startswith("\n") and rest.strip() and _is_title_line(first):
        return first, rest
    return None, body


def parse_text(text: str, *, source: str, id: str, path: str | None = None,
               markdown: bool = False) -> Article:
    """The article in `text` (plain text, seed format, or Markdown when `markdown`).

    source: the name errors give (file path or "<stdin>"); id: the article id unless
    front matter gives one. Raises ReadError for a malformed date header or no body.
    """
    parts = _date_header(_front_matter(normalise_newlines(text), source), source)
    title: str | None = parts.fields.get("title")
    found_title, body = _split_title(parts.body, markdown)
    if found_title is not None and (markdown or title is None):
        title = title or found_title
        parts.body = body
    body = parts.body.strip()
    if not body:
        raise ReadError(source, "no article text after the header; add the body or leave "
                                "the file out")
    return Article(id=parts.fields.get("id") or id, text=body, date=parts.fields.get("date"),
                   source=parts.fields.get("source"), title=title,
                   url=parts.fields.get("url"), path=path)
