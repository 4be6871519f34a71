"""Feeds and pages over HTTP, from a real server on 127.0.0.1: what reads, and the one
line that each failure gives (server errors, time-outs, size, not a feed)."""
from __future__ import annotations

import socket
import time

import pytest

from dragoman.errors import ConfigError, ReadError
from dragoman.model import Article
from dragoman.read import read_inputs
from dragoman.read.fetch import Fetcher, is_url, timeout_setting, url_stem

from .conftest import Route

FEED = b"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Harbour Desk</title>
<item><title>Chile and Ghana sign a cocoa accord</title><link>https://example.org/cocoa</link>
<pubDate>Tue, 07 May 2024 09:30:00 +0000</pubDate>
<description>Chile and Ghana signed an accord on cocoa research in Accra on Tuesday.</description>
</item>
<item><title>Norway and Peru review fisheries</title>
<description>Norway and Peru reviewed their fisheries agreement, the ministers said.</description>
</item></channel></rss>"""
PAGE = b"""<!DOCTYPE html><html><head><title>Kenya and Poland expand grain trade</title>
<meta name="date" content="2024-05-08"></head><body><nav>Home | World</nav><article>
<h1>Kenya and Poland expand grain trade</h1>
<p>Kenya and Poland agreed on Wednesday to expand their grain trade over the next three
years, the two foreign ministers said after talks in Nairobi.</p>
<p>Foreign Minister Wanjiru Kamau said the deal would open Polish markets to Kenyan tea.</p>
</article><footer>Copyright</footer></body></html>"""
TIMEOUT = 0.5  # seconds: small, so the slow routes cost little


@pytest.fixture(scope="module")
def served(site):
    site.routes.update({
        "/feed.xml": Route(FEED, type="application/rss+xml"),
        "/feed-as-text": Route(FEED, type="text/plain"),
        "/news/kenya-poland.html": Route(PAGE, type="text/html; charset=utf-8"),
        "/broken/feed.xml": Route(b"<html><body><p>Moved.</p></body></html>", type="text/xml"),
        "/down/feed.xml": Route(b"Internal Server Error", status=500),
        "/busy/feed.xml": Route(b"Service Unavailable", status=503),
        "/gone/feed.xml": Route(b"Not Found", status=404),
        "/private/feed.xml": Route(b"Forbidden", status=403),
        "/slow/feed.xml": Route(FEED, type="application/rss+xml", delay=5),
        "/trickle/feed.xml": Route(FEED, type="application/rss+xml", trickle=0.05),
        "/big/feed.xml": Route(FEED * 20, type="application/rss+xml"),
        "/empty/feed.xml": Route(b"", type="application/rss+xml"),
        "/blank.html": Route(b"<html><head><title>x</title></head></html>", type="text/html"),
    })
    return site


def read(url: str, max_bytes: int = 100_000):
    return list(read_inputs([url], max_bytes=max_bytes, fetcher=Fetcher(timeout=TIMEOUT)))


def test_a_feed_over_http_gives_one_article_per_entry(served):
    url = served.url("/feed.xml")
    first, second = read(url)
    assert isinstance(first, Article) and isinstance(second, Article)
    assert (first.id, first.date, first.source, first.url, first.path) == (
        "feed:1", "2024-05-07", "Harbour Desk", "https://example.org/cocoa", url)
    assert second.url == url  # no link of its own: the feed it came from
    assert first.text.startswith("Chile and Ghana signed an accord")


def test_a_feed_served_as_plain_text_is_still_read_as_a_feed(served):
    assert [a.id for a in read(served.url("/feed-as-text"))] == ["feed-as-text:1",
                                                                   "feed-as-text:2"]


def test_a_page_over_http_gives_its_article(served):
    url = served.url("/news/kenya-poland.html")
    (article,) = read(url)
    assert isinstance(article, Article)
    assert (article.id, article.title, article.url) == (
        "kenya-poland", "Kenya and Poland expand grain trade", url)
    assert article.text.startswith("Kenya and Poland agreed on Wednesday")
    assert "Copyright" not in article.text and "Home | World" not in article.text


@pytest.mark.parametrize("path, message", [
    ("/down/feed.xml", "server answered 500; try again later"),
    ("/busy/feed.xml", "server answered 503; try again later"),
    ("/gone/feed.xml", "server answered 404 (no such page); check the URL"),
    ("/private/feed.xml", "server answered 403; check the URL and whether the page needs a login"),
    ("/broken/feed.xml", "not an RSS or Atom feed"),
    ("/slow/feed.xml", f"timed out after {TIMEOUT:g} s; try again later"),
    ("/trickle/feed.xml", f"timed out after {TIMEOUT:g} s"),
    ("/big/feed.xml", "over the limit of 10000 bytes (raise it with --max-bytes"),
    ("/empty/feed.xml", "empty file, nothing to read"),
    ("/blank.html", "no article text found in the HTML page"),
])
def test_each_failure_is_one_line_naming_the_url(served, path, message):
    url = served.url(path)
    good = served.url("/feed.xml")
    started = time.monotonic()
    items = list(read_inputs([url, good], max_bytes=10_000, fetcher=Fetcher(timeout=TIMEOUT)))
    error, *articles = items
    assert isinstance(error, ReadError), error
    assert str(error).startswith(f"{url}: ") and message in str(error)
    assert "\n" not in str(error) and "Traceback" not in str(error)
    assert [a.id for a in articles] == ["feed:1", "feed:2"]  # the batch goes on
    assert time.monotonic() - started < TIMEOUT * 4 + 2


def test_a_server_that_is_not_there(unused_port):
    url = f"http://127.0.0.1:{unused_port}/feed.xml"
    (error,) = read(url)
    assert isinstance(error, ReadError)
    assert str(error).startswith(f"{url}: cannot reach the server (")
    assert "check the URL and the network" in str(error)


@pytest.fixture
def unused_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.parametrize("name, url", [
    ("https://example.org/news/talks.html", True), ("HTTP://example.org/", True),
    ("example.org/feed.xml", False), ("ftp://example.org/feed.xml", False),
    ("notes/http://x.txt", False),
])
def test_what_counts_as_a_url(name, url):
    assert is_url(name) is url


@pytest.mark.parametrize("url, stem", [
    ("https://example.org/news/talks.html", "talks"),
    ("https://example.org/feeds/world/", "world"),
    ("https://example.org/", "example.org"),
    ("http://127.0.0.1:8080/a%20b.xml?x=1", "a b"),
])
def test_url_stems_make_article_ids(url, stem):
    assert url_stem(url) == stem


@pytest.mark.parametrize("env, seconds", [({}, 10.0), ({"DRAGOMAN_FETCH_TIMEOUT": "2.5"}, 2.5)])
def test_the_timeout_comes_from_the_environment(env, seconds):
    assert timeout_setting(env) == seconds


@pytest.mark.parametrize("raw", ["soon", "0", "-1", "inf"])
def test_a_bad_timeout_is_a_configuration_error_naming_the_variable(raw):
    with pytest.raises(ConfigError, match="DRAGOMAN_FETCH_TIMEOUT"):
        timeout_setting({"DRAGOMAN_FETCH_TIMEOUT": raw})
