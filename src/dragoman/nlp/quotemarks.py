"""Quote marks in plain text: which marks open and close which quotation.

Pure text, no parser: `find_marked_quotes(text)` pairs the quote marks of each
paragraph and returns the quoted stretches. It knows the conventions of news copy:

- straight (") and typographic (“ ” „ « ») double quotes; a straight mark opens when it
  stands before a word and closes when it stands after one;
- a quote whose paragraph ends without a closing mark continues into the next paragraph
  when that paragraph opens with a quote mark (the journalist's convention for a long
  quote): one quotation in several segments;
- single quotes (' ‘ ’) only pair when they cannot be apostrophes, and a paragraph that is
  nothing but a quoted phrase without end punctuation ('Türkiye reliable partner in
  Eurasia') is a heading, not a quotation;
- a stray or unpaired mark never swallows the rest of the article: an unclosed quote
  ends at its paragraph.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

DOUBLE_OPEN = frozenset("“„«")
DOUBLE_CLOSE = frozenset("”»")
SINGLE_OPEN = frozenset("‘‹")
SINGLE_CLOSE = frozenset("’›")
STRAIGHT_DOUBLE = '"'
STRAIGHT_SINGLE = "'"
_BEFORE_OPEN = set(" \t\n\r([{—–-/:") | {"\u00a0"}
# Any double mark; any single mark (the straight one may also be an apostrophe).
_DOUBLE_MARK = re.compile("[" + re.escape("".join(sorted(DOUBLE_OPEN | DOUBLE_CLOSE | {STRAIGHT_DOUBLE}))) + "]")
_SINGLE_MARK = re.compile("[" + re.escape("".join(sorted(SINGLE_OPEN | SINGLE_CLOSE | {STRAIGHT_SINGLE}))) + "]")
_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\u00a0]*\n")
# A heading is a short phrase: tuned on news sub-headings of 3-10 words; a quoted paragraph of
# more than 14 words, or one that ends in sentence punctuation, is speech.
HEADING_MAX_WORDS = 14


@dataclass(frozen=True)
class MarkedQuote:
    """A stretch of text between quote marks.

    segments: the quoted text of each paragraph, as character spans [start, end) inside the
    marks (a quote continued over paragraphs has several); opens: the character offset of
    each segment's opening mark; closed: whether the last segment has its closing mark
    (an unclosed quote ends at its paragraph); double: double marks (else single);
    heading: a paragraph that is only a quoted phrase, i.e. a heading, not speech.
    """

    segments: tuple[tuple[int, int], ...]
    opens: tuple[int, ...]
    closed: bool
    double: bool = True
    heading: bool = False

    @property
    def start(self) -> int:
        """First character inside the first opening mark."""
        return self.segments[0][0]

    @property
    def end(self) -> int:
        """End of the quoted text: the offset of the last closing mark (or paragraph end)."""
        return self.segments[-1][1]

    @property
    def open_mark(self) -> int:
        return self.opens[0]

    def text(self, source: str) -> str:
        """The quoted words, segments joined by one space, without the marks."""
        parts = [" ".join(source[s:e].split()) for s, e in self.segments]
        return " ".join(p for p in parts if p)


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Paragraph spans [start, end) of `text`, without surrounding whitespace.

    Paragraphs are separated by blank lines; a text without any blank line but with line
    breaks has one paragraph per line.
    """
    breaks = _PARAGRAPH_BREAK if _PARAGRAPH_BREAK.search(text) else re.compile(r"\n")
    spans, pos = [], 0
    for m in breaks.finditer(text):
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, len(text)))
    out = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            out.append((s, e))
    return out


def _double_role(text: str, i: int) -> str:
    """"open", "close" or "either" for the double mark at offset i."""
    ch = text[i]
    if ch in DOUBLE_OPEN:
        return "open"
    if ch in DOUBLE_CLOSE:
        return "close"
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    opens = before in _BEFORE_OPEN and not after.isspace()
    closes = not before.isspace() and (after.isspace() or not after.isalnum())
    if opens and not closes:
        return "open"
    if closes and not opens:
        return "close"
    return "either"


def _single_role(text: str, i: int) -> str | None:
    """"open", "close" or None (an apostrophe, or undecidable) for a single mark at i."""
    ch = text[i]
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if ch in SINGLE_OPEN or ch == STRAIGHT_SINGLE or ch == "’":
        if before in _BEFORE_OPEN and (after.isalnum() or after == "$"):
            return "open"
    if ch in SINGLE_CLOSE or ch == STRAIGHT_SINGLE:
        if before.isalnum() or before in ".,!?;:)":
            if not after.isalnum():
                return "close"
    return None


@dataclass
class _Open:
    """A quote being read: where it opened, and the segments it has so far."""

    mark: int
    segments: list[tuple[int, int]]
    opens: list[int]


def _pair_doubles(text: str, start: int, end: int,
                  carried: _Open | None) -> tuple[list[MarkedQuote], _Open | None]:
    """Pair the double marks of one paragraph [start, end). `carried` is a quote left open
    by the previous paragraph, re-opened by this paragraph's first character; returns the
    quotes closed here and the one left open at the paragraph's end."""
    quotes: list[MarkedQuote] = []
    depth = 0  # quotes nested inside the outermost open one
    current = carried
    seg_start = start + 1 if carried else start
    for mark in _DOUBLE_MARK.finditer(text, seg_start, end):
        i = mark.start()
        role = _double_role(text, i)
        if current is None:
            if role == "open":  # a mark that cannot open (stray, or inches: 5") is skipped
                current = _Open(i, [], [i])
                seg_start = i + 1
        elif role == "open":
            depth += 1
        elif depth:
            depth -= 1
        else:
            current.segments.append((seg_start, i))
            quotes.append(MarkedQuote(tuple(current.segments), tuple(current.opens), True))
            current = None
    if current is not None:
        current.segments.append((seg_start, end))
    return quotes, current


def _continues(text: str, para: tuple[int, int]) -> bool:
    """Does the paragraph open with a quote mark (continuing a quote left open)?"""
    ch = text[para[0]]
    return ch in DOUBLE_OPEN or (ch == STRAIGHT_DOUBLE and _double_role(text, para[0]) != "close")


def _double_quotes(text: str, paras: list[tuple[int, int]]) -> list[MarkedQuote]:
    quotes: list[MarkedQuote] = []
    carried: _Open | None = None
    for n, (start, end) in enumerate(paras):
        found, left_open = _pair_doubles(text, start, end, carried)
        quotes += found
        carried = None
        if left_open is None:
            continue
        nxt = paras[n + 1] if n + 1 < len(paras) else None
        if nxt is not None and _continues(text, nxt):
            carried = _Open(nxt[0], left_open.segments, left_open.opens + [nxt[0]])
        else:  # unclosed: the quote ends with its paragraph
            segs = [(s, e) for s, e in left_open.segments if e > s]
            if segs:
                quotes.append(MarkedQuote(tuple(segs), tuple(left_open.opens[:len(segs)]), False))
    return [q for q in quotes if q.segments]


def _single_quotes(text: str, paras: list[tuple[int, int]],
                   taken: list[tuple[int, int]]) -> list[MarkedQuote]:
    """Single-quoted stretches outside double quotes, within one paragraph each."""
    quotes = []
    for start, end in paras:
        opened: int | None = None
        for mark in _SINGLE_MARK.finditer(text, start, end):
            i = mark.start()
            if any(s - 1 <= i <= e for s, e in taken):
                continue
            role = _single_role(text, i)
            if role == "open" and opened is None:
                opened = i
            elif role == "close" and opened is not None and i > opened + 1:
                quotes.append(MarkedQuote(((opened + 1, i),), (opened,), True, double=False))
                opened = None
    return quotes


def _is_heading(text: str, quote: MarkedQuote, paras: list[tuple[int, int]]) -> bool:
    """A paragraph that is only a short quoted phrase without end punctuation."""
    if len(quote.segments) != 1 or not quote.closed:
        return False
    para = next((p for p in paras if p[0] <= quote.open_mark < p[1]), None)
    if para is None or para[0] != quote.open_mark or para[1] != quote.end + 1:
        return False
    inner = text[quote.start:quote.end].rstrip()
    return bool(inner) and inner[-1] not in ".,!?;:" and len(inner.split()) <= HEADING_MAX_WORDS


def find_marked_quotes(text: str) -> list[MarkedQuote]:
    """Every quoted stretch of `text`, in text order (see the module docstring)."""
    paras = paragraphs(text)
    doubles = _double_quotes(text, paras)
    spans = [(q.open_mark, q.end) for q in doubles]
    singles = _single_quotes(text, paras, spans)
    out = []
    for q in sorted(doubles + singles, key=lambda q: q.open_mark):
        if _is_heading(text, q, paras):
            q = MarkedQuote(q.segments, q.opens, q.closed, q.double, heading=True)
        out.append(q)
    return out

