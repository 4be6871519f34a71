"""Bad inputs through the `dragoman` command, as a user runs it: each gives one line
naming the file (and line) and what to do, never a traceback; the good inputs are
stored all the same; the command exits 3 and sums up."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from dragoman.store import KnowledgeBase

from .conftest import Route, article_text, run_dragoman

MB = 1024 * 1024
FETCH_TIMEOUT = "0.5"  # seconds, for the slow server

# file name -> (content, line of the problem, the message its line must hold);
# content None: written separately.
BAD_FILES: dict[str, tuple[bytes | None, int | None, str]] = {
    "empty.txt": (b"", None, "empty file, nothing to read; add the article text"),
    "photo.txt": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4, None,
                  "binary file, not text"),
    "noise.txt": (bytes([0x81, 0x8d, 0x8f, 0x90, 0x9d, 0xc3, 0x28, 0xff, 0xfe]) * 30, None,
                  "cannot decode the text: not UTF-8 and no other encoding fits"),
    "huge.txt": (None, None, "file is 50 MB, over the limit of 20 MB (raise it with "
                             "--max-bytes or DRAGOMAN_MAX_BYTES)"),
    "bad-date.txt": (b"date 2024-02-30 Chile and Peru signed a fisheries accord.", 1,
                     "malformed date header 'date 2024-02-30'; write it as date YYYY-MM-DD"),
    "front-date.md": (b"---\ndate: last Tuesday\n---\n# Talks\n\nChile and Peru met.", 2,
                      "malformed date header 'date: last Tuesday'"),
    "table.csv": (b"headline,body\nTalks,Chile and Peru met.\n", 1,
                  "no 'text' column in the header row (columns: 'headline', 'body')"),
    "nobody.html": (b"<html><head><title>Only a title</title></head></html>", None,
                    "no article text found in the HTML page"),
    "notafeed.xml": (b"<?xml version='1.0'?><inventory><item>cocoa</item></inventory>", None,
                     "not an RSS or Atom feed"),
}
# JSON Lines with two good records among broken lines: line -> message.
JSONL = "\n".join([
    json.dumps({"text": "Norway and Ghana agreed to expand trade in fish, the ministers said.",
                "date": "2024-03-01"}),
    '{"text": "Kenya and Poland met", "date": ',
    json.dumps({"title": "No body here"}),
    json.dumps({"text": "Estonia and Peru signed a digital accord.", "date": "1 March 2024"}),
    json.dumps({"text": "Morocco and Chile met.", "date": "03/04/2024"}),
    "[1, 2, 3]",
]) + "\n"
JSONL_ERRORS = {
    2: "not valid JSON (Expecting value, column 42); fix the line or remove it",
    3: "no article text: the 'text' field is missing or empty",
    5: "date '03/04/2024' is not a date; write it as YYYY-MM-DD",
    6: "expected a JSON object with a 'text' field, got a list",
}
# URL path -> (route, the message its line must hold)
BAD_URLS = {
    "/down/feed.xml": (Route(b"Internal Server Error", status=500),
                       "server answered 500; try again later"),
    "/slow/feed.xml": (Route(b"", delay=10), "timed out after 0.5 s; try again later"),
    "/odd/feed.xml": (Route(b"<html><body>Moved</body></html>", type="application/xml"),
                      "not an RSS or Atom feed"),
}
GOOD_FILES = 2  # made-up articles beside the bad ones
GOOD_ARTICLES = GOOD_FILES + 1 + 2  # + the cp1252 file + the good JSON Lines records


@pytest.fixture(scope="module")
def inputs(tmp_path_factory, site) -> tuple[Path, list[str]]:
    """A folder of bad and good files, and the URLs of a failing server."""
    folder = tmp_path_factory.mktemp("bad-inputs")
    for name, (content, _, _) in BAD_FILES.items():
        if content is not None:
            (folder / name).write_bytes(content)
    with open(folder / "huge.txt", "wb") as huge:  # real text, 50 MB of it
        huge.write(b"Trade between the two countries grew again. " * (50 * MB // 44))
    (folder / "records.jsonl").write_text(JSONL, encoding="utf-8")
    (folder / "legacy.txt").write_bytes(  # Windows-1252, not UTF-8: detected, not refused
        "date 2024-04-02 Türkiye and Côte d’Ivoire signed a cocoa accord in Abidjan, "
        "the ministers said on Tuesday.".encode("cp1252"))
    for n in range(GOOD_FILES):
        (folder / f"good{n}.txt").write_text(article_text(n), encoding="utf-8")
    for path, (route, _) in BAD_URLS.items():
        site.routes[path] = route
    return folder, [site.url(path) for path in BAD_URLS]


def expected_lines(folder: Path, urls: list[str]) -> dict[str, str]:
    """Where each failure is (file, file:line or URL) -> what its line must say."""
    where = {str(folder / name) + (f":{line}" if line else ""): message
             for name, (_, line, message) in BAD_FILES.items()}
    where.update({f"{folder / 'records.jsonl'}:{line}": message
                  for line, message in JSONL_ERRORS.items()})
    where.update({url: message for url, (_, (_, message)) in zip(urls, BAD_URLS.items())})
    return where


def failure_lines(stderr: str, prefix: str) -> dict[str, str]:
    """The failure lines of stderr ("PREFIX WHERE: MESSAGE"), by WHERE."""
    found = {}
    for line in stderr.splitlines():
        if line.startswith(prefix):
            where, _, message = line[len(prefix):].partition(": ")
            assert where not in found, f"{where} reported twice"
            found[where] = message
    return found


def check_failures(stderr: str, prefix: str, expected: dict[str, str]) -> None:
    assert "Traceback" not in stderr and "Error:" not in stderr.replace("error:", "")
    found = failure_lines(stderr, prefix)
    assert set(found) == set(expected)
    for where, message in expected.items():
        assert message in found[where], (where, found[where])


def test_ingest_stores_the_good_inputs_reports_each_bad_one_and_exits_3(inputs, tmp_path):
    folder, urls = inputs
    db = tmp_path / "kb.db"
    result = run_dragoman("ingest", str(folder), *urls, "--db", str(db),
                          DRAGOMAN_FETCH_TIMEOUT=FETCH_TIMEOUT)
    assert result.returncode == 3, result.stderr
    expected = expected_lines(folder, urls)
    check_failures(result.stderr, "failed: ", expected)
    summary = result.stdout.splitlines()[0]
    assert summary == (f"read {GOOD_ARTICLES}, stored {GOOD_ARTICLES}, updated 0, "
                       f"skipped as duplicate 0, failed {len(expected)}")
    texts = _stored_texts(db)
    assert len(texts) == GOOD_ARTICLES
    assert any(t.startswith("Türkiye and Côte d’Ivoire") for t in texts)  # read as cp1252


def _stored_texts(db: Path) -> list[str]:
    from sqlalchemy import select

    from dragoman.store.schema import ArticleRow
    with KnowledgeBase(db) as kb, kb.engine.connect() as conn:
        return list(conn.scalars(select(ArticleRow.text)))


def test_extract_prints_the_good_records_and_one_error_line_per_bad_input(inputs):
    folder, urls = inputs
    result = run_dragoman("extract", str(folder), *urls, "--format", "jsonl",
                          DRAGOMAN_FETCH_TIMEOUT=FETCH_TIMEOUT)
    assert result.returncode == 3, result.stderr
    expected = expected_lines(folder, urls)
    check_failures(result.stderr, "error: ", expected)
    ids = [json.loads(line)["article"]["id"] for line in result.stdout.splitlines()]
    assert ids == ["good0", "good1", "legacy", "records:1", "records:4"]
    assert result.stderr.splitlines()[-1] == (f"{len(expected)} input(s) failed; the others "
                                              f"were extracted.")


def test_the_size_limit_from_the_environment_and_the_models_length_limit(tmp_path):
    big = tmp_path / "big.txt"
    big.write_text("Trade grew. " * 250_000, encoding="utf-8")  # 3 MB: over the limit
    long = tmp_path / "long.txt"
    long.write_text("Trade grew. " * 100_000, encoding="utf-8")  # 1.2 million characters
    (tmp_path / "short.txt").write_text(article_text(2), encoding="utf-8")
    result = run_dragoman("extract", str(tmp_path), "--format", "jsonl",
                          DRAGOMAN_MAX_BYTES=str(2 * MB))
    assert result.returncode == 3, result.stderr
    assert result.stderr.splitlines() == [
        f"error: {big}: file is 2.9 MB, over the limit of 2 MB (raise it with --max-bytes or "
        f"DRAGOMAN_MAX_BYTES)",
        f"error: {long}: the text is 1,199,999 characters, over the 1,000,000 the model takes; "
        f"split the article",
        "2 input(s) failed; the others were extracted."]
    assert [json.loads(line)["article"]["id"] for line in result.stdout.splitlines()] == ["short"]


def test_the_size_limit_flag(tmp_path, monkeypatch):
    import spacy
    from typer.testing import CliRunner

    import dragoman.extraction
    from dragoman.cli import app
    monkeypatch.setattr(dragoman.extraction, "build_pipeline", lambda model, **kw: spacy.blank("en"))
    article = tmp_path / "a.txt"
    article.write_text(article_text(1), encoding="utf-8")
    result = CliRunner().invoke(app, ["extract", str(article), "--max-bytes", "300"])
    assert result.exit_code == 3
    assert result.stderr.splitlines()[0] == (
        f"error: {article}: file is {article.stat().st_size} bytes, over the limit of 300 bytes "
        f"(raise it with --max-bytes or DRAGOMAN_MAX_BYTES)")


@pytest.mark.parametrize("command, prefix", [("extract", "error: "), ("ingest", "failed: ")])
def test_names_that_look_like_markup_are_printed_as_they_are(tmp_path, command, prefix):
    odd = tmp_path / "[red]notes[bold].txt"
    odd.write_bytes(b"")
    extra = ["--db", str(tmp_path / "kb.db")] if command == "ingest" else []
    result = run_dragoman(command, str(odd), "http://127.0.0.1:9/[/x]", *extra,
                          DRAGOMAN_FETCH_TIMEOUT=FETCH_TIMEOUT)
    assert result.returncode == 3, result.stderr
    assert "Traceback" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if line.startswith(prefix)]
    assert lines[0].startswith(f"{prefix}{odd}: empty file")
    assert re.match(rf"{prefix}http://127\.0\.0\.1:9/\[/x\]: cannot reach the server", lines[1])
