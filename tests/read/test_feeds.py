"""RSS and Atom feeds: one article per entry."""
from __future__ import annotations

from pathlib import Path

import pytest

from dragoman.errors import ReadError
from dragoman.model import Article
from dragoman.read import read_inputs
from dragoman.read.feeds import read_feed


def test_rss_entries_become_articles_and_an_empty_entry_an_error(data_dir: Path) -> None:
    path = str(data_dir / "feed.rss")
    items = list(read_inputs([path]))
    assert [type(x).__name__ for x in items] == ["Article", "ReadError", "Article"]
    first, error, third = items
    assert isinstance(first, Article) and isinstance(third, Article)
    assert (first.id, first.title, first.url, first.source, first.path) == (
        "feed:1", "Zambia and India sign mining memorandum", "https://example.org/zambia-india",
        "Continental Desk", path)
    # the date as the feed wrote it (23:30 at +03:00), not moved to UTC
    assert first.date == "2024-05-07"
    assert first.text == ("Zambia and India signed a memorandum on copper and cobalt mining "
                          "in Lusaka on Tuesday.\n\nThe deal foresees joint training centres.")
    assert (third.id, third.date) == ("feed:3", "2024-05-08")
    assert str(error) == (f"{path}: entry 2 has no text (neither content nor summary); "
                          f"it is left out")


def test_atom_entry_uses_content_and_published_date(data_dir: Path) -> None:
    (article,) = read_inputs([str(data_dir / "feed.atom")])
    assert isinstance(article, Article)
    assert (article.id, article.date, article.source, article.url) == (
        "feed:1", "2024-06-02", "Island Monitor", "https://example.org/iceland-singapore")
    assert article.text.endswith("on Sunday.\n\nseafood\n\nshipping")


@pytest.mark.parametrize("data, message", [
    (b"Just a sentence about trade, not a feed.", "not an RSS or Atom feed"),
    (b"<?xml version='1.0'?><catalog><book>Atlas</book></catalog>", "not an RSS or Atom feed"),
    (b"<rss version='2.0'><channel><title>Quiet</title></channel></rss>",
     "the feed has no entries"),
])
def test_not_a_feed(data: bytes, message: str) -> None:
    (error,) = read_feed(data, "downloads/news.xml")
    assert isinstance(error, ReadError)
    assert str(error).startswith(f"downloads/news.xml: {message}")


def test_feed_seam_takes_bytes_and_a_name_such_as_a_url() -> None:
    data = (b"<rss version='2.0'><channel><title>Wire</title><item><title>T</title>"
            b"<description>Latvia and Japan held talks.</description></item></channel></rss>")
    (article,) = read_feed(data, "https://example.org/feeds/world.rss")
    assert isinstance(article, Article)
    assert (article.id, article.source, article.text) == (
        "world:1", "Wire", "Latvia and Japan held talks.")
