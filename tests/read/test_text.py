"""Plain text, Markdown and the seed's `date YYYY-MM-DD` header."""
from __future__ import annotations

import pytest

from dragoman.errors import ReadError
from dragoman.read import read_text
from dragoman.read.text import parse_text

BODY = "Chile and Vietnam agreed on Monday to expand trade, the ministers said."


@pytest.mark.parametrize("text, date, body", [
    # the seed's layout: leading space, header and first sentence on one line
    (f" date 2024-02-14 {BODY}\n\nA second paragraph.", "2024-02-14",
     f"{BODY}\n\nA second paragraph."),
    (f"date 2024-02-14\n{BODY}", "2024-02-14", BODY),
    (f"\n\ndate 2024-02-14\n\n{BODY}\n", "2024-02-14", BODY),
    (f"date 2024-02-14T10:30:00Z {BODY}", "2024-02-14", BODY),
    (f"Date 2024-02-14 {BODY}", "2024-02-14", BODY),
    # prose that merely starts with the word "date" is not a header
    ("date palms grow well in Oman, the farmers said.", None,
     "date palms grow well in Oman, the farmers said."),
    (BODY, None, BODY),
])
def test_date_header_is_read_and_removed(text: str, date: str | None, body: str) -> None:
    article = read_text(text)
    assert (article.date, article.text) == (date, body)


def test_body_keeps_its_own_spacing_and_line_breaks() -> None:
    text = "date 2024-02-14 First  line,\nwrapped here.\n\n\n  Indented second paragraph.  \n"
    assert read_text(text).text == "First  line,\nwrapped here.\n\n\n  Indented second paragraph."


@pytest.mark.parametrize("text, line", [
    ("date 2023-13-45 Ministers met in Lima on Monday.", 1),
    ("date yesterday\nMinisters met in Lima on Monday.", 1),
    ("date yesterday Ministers met in Lima on Monday.", 1),
    ("\n\ndate 2024-02-30\nMinisters met in Lima on Monday.", 3),
    ("date: 11/12/2024\n\nMinisters met in Lima on Monday.", 1),
    ("title: Talks in Lima\ndate: soon\n\nMinisters met in Lima on Monday.", 2),
])
def test_malformed_date_header_names_the_file_and_line(text: str, line: int) -> None:
    with pytest.raises(ReadError) as caught:
        read_text(text, source="inbox/lima.txt")
    error = caught.value
    assert (error.source, error.line) == ("inbox/lima.txt", line)
    assert str(error).startswith(f"inbox/lima.txt:{line}: malformed date header")
    assert "YYYY-MM-DD" in error.message


@pytest.mark.parametrize("text, title, body", [
    ("Peru and Morocco plan phosphate venture\n\nOfficials met in Lima.\n\nMore talks follow.",
     "Peru and Morocco plan phosphate venture", "Officials met in Lima.\n\nMore talks follow."),
    ("Will the corridor open in time?\n\nOfficials met in Lima.",
     "Will the corridor open in time?", "Officials met in Lima."),
    ("date 2023-11-30\nNorway and Ghana sign accord\n\nThe accord was signed in Accra.",
     "Norway and Ghana sign accord", "The accord was signed in Accra."),
    # a first line ending in a period is a sentence, not a title
    ("Officials met in Lima.\n\nMore talks follow.", None,
     "Officials met in Lima.\n\nMore talks follow."),
    # too long for a headline
    (" ".join(["word"] * 16) + "\n\nMore talks follow.", None,
     " ".join(["word"] * 16) + "\n\nMore talks follow."),
    # no blank line after it: the first line of a paragraph
    ("Officials met in Lima\nto talk about phosphate.", None,
     "Officials met in Lima\nto talk about phosphate."),
    # nothing after it: the line is the whole article
    ("Officials met in Lima", None, "Officials met in Lima"),
    ("ASTANA, Kazakhstan -\n\nOfficials met.", None, "ASTANA, Kazakhstan -\n\nOfficials met."),
    ("By Amara Okafor\n\nOfficials met.", None, "By Amara Okafor\n\nOfficials met."),
])
def test_plain_title_line(text: str, title: str | None, body: str) -> None:
    article = read_text(text)
    assert (article.title, article.text) == (title, body)


@pytest.mark.parametrize("text, title, body", [
    ("# Estonia and Kenya *expand* digital ties\n\nEstonia will help **Kenya**.",
     "Estonia and Kenya expand digital ties", "Estonia will help **Kenya**."),
    ("Estonia and Kenya\n=================\nEstonia will help Kenya.",
     "Estonia and Kenya", "Estonia will help Kenya."),
    ("## A section heading is not the title\n\nEstonia will help Kenya.", None,
     "## A section heading is not the title\n\nEstonia will help Kenya."),
])
def test_markdown_heading_is_the_title(text: str, title: str | None, body: str) -> None:
    article = parse_text(text, source="x.md", id="x", markdown=True)
    assert (article.title, article.text) == (title, body)


def test_front_matter_fills_the_fields() -> None:
    text = ("title: Talks in Lima\ndate: 2024-03-02\nsource: Harbour Gazette\n"
            "url: https://example.org/lima\n\nShort first line\n\nOfficials met in Lima.")
    article = read_text(text, source="lima.txt")
    assert (article.title, article.date, article.source, article.url) == (
        "Talks in Lima", "2024-03-02", "Harbour Gazette", "https://example.org/lima")
    # with a title given, a short first line stays in the body
    assert article.text == "Short first line\n\nOfficials met in Lima."


def test_fenced_front_matter_passes_over_other_yaml() -> None:
    text = "---\ndate: 2024-03-02\ntags:\n  - trade\nid: lima-7\n---\nOfficials met in Lima."
    article = read_text(text)
    assert (article.id, article.date, article.text) == ("lima-7", "2024-03-02",
                                                         "Officials met in Lima.")


@pytest.mark.parametrize("text", [
    "Note: the figures are provisional.\n\nOfficials met in Lima.",
    "Title: a line\nthat goes on as prose.\n\nOfficials met in Lima.",
])
def test_lines_that_only_look_like_front_matter_stay_text(text: str) -> None:
    assert read_text(text).text == text


@pytest.mark.parametrize("text", ["date 2024-02-14", "date 2024-02-14\n\n  \n",
                                  "title: Talks\ndate: 2024-03-02\n"])
def test_header_without_body_is_an_error(text: str) -> None:
    with pytest.raises(ReadError, match="no article text after the header"):
        read_text(text, source="bare.txt")


@pytest.mark.parametrize("source, id, expected", [
    ("<text>", None, "text"),
    ("inbox/lima-talks.txt", None, "lima-talks"),
    ("<text>", "my-id", "my-id"),
])
def test_read_text_id(source: str, id: str | None, expected: str) -> None:
    assert read_text(BODY, source=source, id=id).id == expected


def test_read_text_strips_bom_and_windows_newlines() -> None:
    article = read_text("\ufeffdate 2024-02-14 First.\r\n\r\nSecond.\r\n")
    assert (article.date, article.text) == ("2024-02-14", "First.\n\nSecond.")
