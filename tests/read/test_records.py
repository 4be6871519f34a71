"""JSON Lines, JSON and CSV/TSV: one article per record, bad records reported by line."""
from __future__ import annotations

from pathlib import Path

import pytest

from dragoman.errors import ReadError
from dragoman.model import Article
from dragoman.read import read_inputs
from dragoman.read.records import parse_csv, parse_json, parse_jsonl


def _split(items: list[Article | ReadError]) -> tuple[list[Article], list[ReadError]]:
    return ([x for x in items if isinstance(x, Article)],
            [x for x in items if isinstance(x, ReadError)])


def test_jsonl_fixture_keeps_good_lines_and_reports_bad_ones(data_dir: Path) -> None:
    path = str(data_dir / "records.jsonl")
    articles, errors = _split(list(read_inputs([path])))
    assert [a.id for a in articles] == ["wire-17", "records:2", "records:7"]
    first = articles[0]
    assert (first.date, first.title, first.source, first.url, first.path) == (
        "2024-01-09", "Mongolia and Japan talk copper", "North Wire", "https://example.org/a",
        path)
    assert [(e.source, e.line) for e in errors] == [(path, 3), (path, 4), (path, 5)]
    assert "not valid JSON" in errors[0].message
    assert "'text' field is missing or empty" in errors[1].message
    assert "date 'last week' is not a date" in errors[2].message


@pytest.mark.parametrize("line, message", [
    ('{"text": ""}', "'text' field is missing or empty"),
    ('{"text": "   "}', "'text' field is missing or empty"),
    ('{"title": "Only a title"}', "'text' field is missing or empty"),
    ('{"text": ["a", "list"]}', "field 'text' must be a string, not list"),
    ('{"text": "Ok.", "date": "2024-02-30"}', "date '2024-02-30' is not a date"),
    ('{"text": "Ok.", "title": {"nested": 1}}', "field 'title' must be text, not dict"),
    ('["text", "in a list"]', "expected a JSON object with a 'text' field, got a list"),
    ('{"text": "unterminated', "not valid JSON"),
])
def test_jsonl_line_errors(line: str, message: str) -> None:
    good = '{"text": "Ghana and Norway signed a fisheries accord."}'
    items = list(parse_jsonl(f"{good}\n{line}\n", source="in.jsonl", stem="in", path=None))
    articles, errors = _split(items)
    assert [a.id for a in articles] == ["in:1"]
    assert len(errors) == 1 and errors[0].line == 2
    assert message in str(errors[0]) and str(errors[0]).startswith("in.jsonl:2: ")


@pytest.mark.parametrize("record, expected", [
    ('{"TEXT": "Body.", "Date": "2024-03-02T09:00:00+02:00"}', ("in:1", "2024-03-02", "Body.")),
    ('{"text": "Body.", "date": "2 March 2024", "id": 17}', ("17", "2024-03-02", "Body.")),
    ('{"text": "Body.", "date": "Sat, 02 Mar 2024 09:00:00 +0200"}',
     ("in:1", "2024-03-02", "Body.")),
    ('{"text": "  Line one.\\r\\nLine two.  ", "date": null}',
     ("in:1", None, "Line one.\nLine two.")),
])
def test_jsonl_fields(record: str, expected: tuple[str, str | None, str]) -> None:
    (article,) = parse_jsonl(record, source="in.jsonl", stem="in", path=None)
    assert isinstance(article, Article)
    assert (article.id, article.date, article.text) == expected


@pytest.mark.parametrize("text, ids, messages", [
    ('{"text": "One article in one object."}', ["in"], []),
    ('[{"text": "First."}, {"text": "Second.", "id": "b"}]', ["in:1", "b"], []),
    ('[{"text": "First."}, {"body": "no text"}, 7]', ["in:1"],
     ["record 2: no article text", "record 3: expected an object"]),
    ("[]", [], ["the JSON list is empty"]),
    ('"just a string"', [], ["expected a JSON object or a list of objects, got a string"]),
    ('{"text": "First.",\n  oops}', [], ["not valid JSON"]),
])
def test_json_files(text: str, ids: list[str], messages: list[str]) -> None:
    articles, errors = _split(list(parse_json(text, source="in.json", stem="in", path=None)))
    assert [a.id for a in articles] == ids
    assert len(errors) == len(messages)
    for error, message in zip(errors, messages):
        assert message in error.message


def test_csv_fixture_keeps_good_rows_and_reports_bad_ones(data_dir: Path) -> None:
    path = str(data_dir / "records.csv")
    articles, errors = _split(list(read_inputs([path])))
    assert [(a.id, a.date, a.title) for a in articles] == [
        ("records:2", "2024-04-02", "Fiji and New Zealand"),
        ("nz-2", "2024-04-03", "Two lines")]
    # a quoted field keeps its line breaks; the next row's line number counts them
    assert articles[1].text == ("The first paragraph of a longer report.\n\n"
                                "A second paragraph, after a blank line inside the quoted field.")
    assert [e.line for e in errors] == [6, 7, 8]
    assert "'text' field is missing or empty" in errors[0].message
    assert "date '04/05/2024' is not a date" in errors[1].message
    assert "row has 5 fields but the header has 4" in errors[2].message


def test_tsv_fixture(data_dir: Path) -> None:
    (article,) = read_inputs([str(data_dir / "records.tsv")])
    assert isinstance(article, Article)
    assert (article.id, article.title, article.url) == (
        "records:2", "Malta and Cyprus", "https://example.org/m")


@pytest.mark.parametrize("text, delimiter, texts", [
    ("text;date\nAccord signed in Riga.;2024-01-02\n", None, ["Accord signed in Riga."]),
    ("Text\nAccord signed in Riga.\n\n\nTalks held in Oslo.\n", None,
     ["Accord signed in Riga.", "Talks held in Oslo."]),
    ("id,text\nr1,Accord signed in Riga.\n", None, ["Accord signed in Riga."]),
    ("date\ttext\n2024-01-02\tAccord, signed in Riga.\n", "\t", ["Accord, signed in Riga."]),
    # a row shorter than the header: the missing fields are empty
    ("text,date,title\nAccord signed in Riga.\n", None, ["Accord signed in Riga."]),
])
def test_csv_rows(text: str, delimiter: str | None, texts: list[str]) -> None:
    items = list(parse_csv(text, source="in.csv", stem="in", path=None, delimiter=delimiter))
    assert [a.text for a in items if isinstance(a, Article)] == texts
    assert not [e for e in items if isinstance(e, ReadError)]


def test_csv_without_text_column_is_one_error_naming_the_columns() -> None:
    text = "headline,body\nRiga accord,Accord signed in Riga.\nOslo talks,Talks held.\n"
    (error,) = parse_csv(text, source="in.csv", stem="in", path=None)
    assert isinstance(error, ReadError)
    assert str(error) == ("in.csv:1: no 'text' column in the header row (columns: 'headline', "
                          "'body'); name the column that holds the article text 'text'")


def test_csv_with_header_only() -> None:
    (error,) = parse_csv("id,text\n", source="in.csv", stem="in", path=None)
    assert isinstance(error, ReadError) and "no rows under the header row" in error.message


def test_csv_row_with_broken_quotes_is_reported_and_reading_goes_on() -> None:
    text = 'id,text\n1,"Fine row."\n2,"quote then junk" junk\n3,He said "yes" on Monday.\n'
    articles, errors = _split(list(parse_csv(text, source="in.csv", stem="in", path=None)))
    assert [a.text for a in articles] == ["Fine row.", 'He said "yes" on Monday.']
    assert [(e.line, e.message) for e in errors] == [
        (3, "cannot split the row (',' expected after '\"'); check its quote marks")]
