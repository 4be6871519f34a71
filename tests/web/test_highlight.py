"""Cutting an article's text into highlighted segments, and rendering them safely."""
from __future__ import annotations

import pytest

from dragoman.web.highlight import Mark, parse_span, render, segments


def mark(start: int, end: int, kind: str = "entity", key: str | None = None) -> Mark:
    return Mark(start, end, kind, key or f"{kind}-{start}", kind)


def pieces(text: str, marks: list[Mark], evidence=None) -> list[tuple[str, list[str]]]:
    return [(text[s.start:s.end], [m.key for m in s.marks])
            for s in segments(text, marks, evidence)]


@pytest.mark.parametrize("text, marks, expected", [
    ("Ana met Bo.", [], [("Ana met Bo.", [])]),
    ("Ana met Bo.", [mark(0, 3)], [("Ana", ["entity-0"]), (" met Bo.", [])]),
    # a name inside a quote: the inner (shorter) fact first
    ('"Ana is here"', [mark(1, 12, "quote", "q"), mark(1, 4, "entity", "e")],
     [('"', []), ("Ana", ["e", "q"]), (" is here", ["q"]), ('"', [])]),
    # crossing spans are cut where each begins and ends
    ("abcdef", [mark(0, 4, "quote", "q"), mark(2, 6, "event", "v")],
     [("ab", ["q"]), ("cd", ["q", "v"]), ("ef", ["v"])]),
    # spans past the end are clipped, empty and negative ones dropped
    ("abc", [mark(1, 99, "claim", "c"), mark(2, 2, "entity", "z"), mark(-1, 2, "entity", "n")],
     [("a", []), ("bc", ["c"])]),
])
def test_segments_carry_every_fact_that_covers_them(text, marks, expected):
    assert pieces(text, marks) == expected


def test_evidence_cuts_and_marks_its_words():
    found = segments("one two three", [], (4, 7))
    assert [(s.start, s.end, s.evidence) for s in found] == [(0, 4, False), (4, 7, True),
                                                             (7, 13, False)]


def test_a_segment_where_a_fact_begins_is_a_tab_stop():
    text = '"Ana is here"'
    html = render(text, segments(text, [mark(1, 12, "quote", "q"), mark(1, 4, "entity", "e")]))
    assert html.count('tabindex="0"') == 1


@pytest.mark.parametrize("text", ["<script>alert(1)</script>", "a & b < c", '" onmouseover="x'])
def test_rendering_escapes_the_text(text):
    html = str(render(text, segments(text, [mark(0, len(text), "quote", 'q" x="1')])))
    assert "<script>" not in html and 'x="1"' not in html
    assert "&lt;" in html or "&amp;" in html or "&#34;" in html


@pytest.mark.parametrize("value, expected", [("640-650", (640, 650)), ("5-5", None),
                                             ("9-3", None), ("a-b", None), ("", None),
                                             (None, None), ("12", None)])
def test_span_parameters(value, expected):
    assert parse_span(value) == expected
