"""read_inputs: files, folders and stdin in, articles and errors out, never a raise."""
from __future__ import annotations

import io
import os
from pathlib import Path

import pytest

from dragoman.errors import ReadError
from dragoman.model import Article
from dragoman.read import read_inputs, sniff_format

SEED_STYLE = "date 2024-02-14 Chile and Vietnam agreed to expand trade, the ministers said.\n"


def _ids(items: list[Article | ReadError]) -> list[str]:
    return [x.id if isinstance(x, Article) else f"error:{x.source}" for x in items]


@pytest.mark.parametrize("name, date, title, start, end", [
    ("seed_style.txt", "2024-02-14", None,
     "Relations between Chile and Vietnam are entering", "according to customs figures."),
    ("header_line.txt", "2023-11-30", "Norway and Ghana sign fisheries accord",
     "Norway and Ghana signed an agreement", "a shared research vessel."),
    ("titled.txt", None, "Peru and Morocco plan phosphate venture",
     "Officials from Peru and Morocco met in Lima", "the Moroccan ambassador said."),
])
def test_text_fixtures(data_dir: Path, name: str, date: str | None, title: str | None,
                       start: str, end: str) -> None:
    path = str(data_dir / name)
    (article,) = read_inputs([path])
    assert isinstance(article, Article)
    assert (article.id, article.date, article.title, article.path) == (
        Path(name).stem, date, title, path)
    assert article.text.startswith(start) and article.text.endswith(end)


def test_markdown_fixture(data_dir: Path) -> None:
    (article,) = read_inputs([str(data_dir / "article.md")])
    assert isinstance(article, Article)
    assert (article.title, article.date, article.source, article.url) == (
        "Estonia and Kenya expand digital ties", "2024-03-02", "Harbour Gazette",
        "https://example.org/news/estonia-kenya")
    assert article.text.startswith("Estonia will help Kenya build an **e-government** platform")


def test_directory_is_read_recursively_in_order_past_a_bad_file(data_dir: Path) -> None:
    root = data_dir / "corpus"
    items = list(read_inputs([str(root)]))
    # hidden files and folders, *.gold.json and unknown extensions are left out
    assert _ids(items) == ["a_seed", "b_titled", "a_records:1", "a_records:2",
                           f"error:{root / 'nested' / 'c_empty.txt'}"]
    error = items[-1]
    assert isinstance(error, ReadError) and error.message.startswith("empty file")


def test_folder_without_article_files(tmp_path: Path) -> None:
    (tmp_path / "notes.rst").write_text("Not an article format.\n")
    (error,) = read_inputs([str(tmp_path)])
    assert isinstance(error, ReadError)
    assert error.source == str(tmp_path) and "no article files in the folder" in error.message


@pytest.mark.parametrize("name, content, message", [
    ("missing.txt", None, "no such file or directory"),
    ("empty.txt", b"", "empty file"),
    ("blank.md", b"  \n\n ", "empty file"),
    ("photo.txt", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01", "binary file, not text"),
    ("big.txt", b"Trade grew. " * 20, "file is 240 bytes, over the limit of 200 bytes"),
    ("bad-date.txt", b"date 2023-13-45 Ministers met.", "malformed date header"),
    ("nav.html", b"<html><body><nav>Home</nav></body></html>", "no article text found"),
    ("notes.xml", b"<?xml version='1.0'?><notes><n>x</n></notes>", "not an RSS or Atom feed"),
    ("table.csv", b"a,b\n1,2\n", "no 'text' column"),
])
def test_each_reading_error_is_yielded_with_the_file_name(
        tmp_path: Path, name: str, content: bytes | None, message: str) -> None:
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    good = tmp_path / "good.txt"
    good.write_text(SEED_STYLE)
    items = list(read_inputs([str(path), str(good)], max_bytes=200))
    error, article = items
    assert isinstance(error, ReadError) and isinstance(article, Article)
    assert error.source == str(path)
    assert message in error.message
    assert str(error).startswith(f"{path}")
    assert "\n" not in str(error) and "Traceback" not in str(error)


def test_unreadable_file(tmp_path: Path) -> None:
    if os.geteuid() == 0:
        pytest.skip("root reads every file")
    path = tmp_path / "locked.txt"
    path.write_text(SEED_STYLE)
    path.chmod(0)
    (error,) = read_inputs([str(path)])
    assert isinstance(error, ReadError) and "permission denied" in error.message


@pytest.mark.parametrize("data, ids", [
    (SEED_STYLE.encode(), ["stdin"]),
    (b'{"text": "Talks in Riga."}\n{"text": "Talks in Oslo."}\n', ["stdin:1", "stdin:2"]),
    (b"id,text\nr-1,Talks in Riga.\n", ["r-1"]),
])
def test_stdin_is_sniffed(data: bytes, ids: list[str]) -> None:
    items = list(read_inputs(["-"], stdin=io.BytesIO(data)))
    assert _ids(items) == ids
    assert all(isinstance(a, Article) and a.path == "<stdin>" for a in items)


def test_stdin_problems_are_errors_too() -> None:
    (error,) = read_inputs(["-"], stdin=io.BytesIO(b""))
    assert isinstance(error, ReadError) and str(error).startswith("<stdin>: empty file")
    (error,) = read_inputs(["-"], max_bytes=5, stdin=io.BytesIO(b"x" * 6))
    assert isinstance(error, ReadError) and "more than the limit of 5 bytes" in error.message


def test_unknown_extension_named_on_purpose_is_sniffed(tmp_path: Path) -> None:
    path = tmp_path / "wire.dat"
    path.write_text('{"text": "Talks in Riga.", "id": "riga"}\n')
    (article,) = read_inputs([str(path)])
    assert isinstance(article, Article) and article.id == "riga"


@pytest.mark.parametrize("text, fmt", [
    (SEED_STYLE, "text"),
    ("<?xml version='1.0'?>\n<rss version='2.0'><channel></channel></rss>", "feed"),
    ('<feed xmlns="http://www.w3.org/2005/Atom"></feed>', "feed"),
    ("<!DOCTYPE html>\n<html><body><p>Hi</p></body></html>", "html"),
    ("<p>A fragment of a page.</p>", "html"),
    ('{"text": "One record."}\n{"text": "Another."}', "jsonl"),
    ('{\n  "text": "One pretty-printed object."\n}', "json"),
    ('[{"text": "In a list."}]', "json"),
    ("id,TEXT,date\n1,Talks.,2024-01-01\n", "csv"),
    ("title\ttext\nT\tTalks.\n", "csv"),
    ("# Heading\n\nBody.", "markdown"),
    ("Text of a plain article, with a comma.\n", "text"),
])
def test_sniff_format(text: str, fmt: str) -> None:
    assert sniff_format(text) == fmt


def test_paths_may_be_path_objects(data_dir: Path) -> None:
    (article,) = read_inputs([data_dir / "titled.txt"])  # type: ignore[list-item]
    assert isinstance(article, Article) and article.title == "Peru and Morocco plan phosphate venture"


SEED = Path("/work/shared/seeds/000_760a91fd4c32f78c.txt")


@pytest.mark.skipif(not SEED.is_file(), reason="the shared seed article is not here")
def test_the_seed_article() -> None:
    (article,) = read_inputs([str(SEED)])
    assert isinstance(article, Article)
    assert (article.id, article.date, article.title) == (SEED.stem, "2023-09-11", None)
    body = SEED.read_text(encoding="utf-8").strip()
    # the body is the file after "date YYYY-MM-DD ", unchanged
    assert body.startswith("date 2023-09-11 ") and article.text == body[len("date 2023-09-11 "):]


def test_an_unexpected_failure_is_still_one_line(monkeypatch: pytest.MonkeyPatch,
                                                 tmp_path: Path) -> None:
    def broken(*args: object, **kwargs: object) -> Article:
        raise RuntimeError("boom")

    monkeypatch.setattr("dragoman.read.parse_text", broken)
    path = tmp_path / "a.txt"
    path.write_text(SEED_STYLE)
    (error,) = read_inputs([str(path)])
    assert isinstance(error, ReadError)
    assert str(error) == (f"{path}: unexpected error while reading it as text "
                          f"(RuntimeError: boom); please report this")
