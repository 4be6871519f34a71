"""Feeds and pages over HTTP: a URL in, the bytes and what they are out (httpx).

Every failure is a one-line `ReadError` naming the URL and what to do: a server
that answers an error ("server answered 503; try again later"), does not answer in
time ("timed out after 10 s"), cannot be reached, or sends more than the size limit
(the body is read in chunks and dropped as soon as it passes `max_bytes`).

    from dragoman.read.fetch import Fetcher
    fetched = Fetcher(timeout=10).fetch("https://example.org/feed.xml", max_bytes=2**20)

The transport is a seam: tests serve real HTTP from 127.0.0.1, or pass an httpx
transport. The timeout is seconds for the whole exchange (connecting, waiting,
reading), DRAGOMAN_FETCH_TIMEOUT by default.
"""
from __future__ import annotations

import math
import os
import time
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import PurePosixPath
from urllib.parse import unquote, urlsplit

import httpx

from dragoman import __version__
from dragoman.errors import ConfigError, ReadError
from dragoman.read.decode import size_text

DEFAULT_TIMEOUT = 10.0
TIMEOUT_ENV = "DRAGOMAN_FETCH_TIMEOUT"
MAX_REDIRECTS = 5
_SCHEMES = ("http://", "https://")

# Media type -> reader format; others are sniffed from the content.
_MEDIA_FORMATS = {
    "application/rss+xml": "feed", "application/atom+xml": "feed", "application/rdf+xml": "feed",
    "application/xml": "feed", "text/xml": "feed",
    "text/html": "html", "application/xhtml+xml": "html",
    "text/markdown": "markdown", "application/x-ndjson": "jsonl", "application/jsonl": "jsonl",
    "text/csv": "csv", "text/tab-separated-values": "tsv",
}


def is_url(name: str) -> bool:
    """Whether an input name is an http(s) URL rather than a file path."""
    return name[:8].lower().startswith(_SCHEMES)


def url_stem(url: str) -> str:
    """An article id (or id prefix) for a URL: its last path part without extension
    ("https://h/news/talks.html" -> "talks"), else its host."""
    parts = urlsplit(url)
    name = PurePosixPath(unquote(parts.path).rstrip("/")).stem
    return name or parts.hostname or "url"


def timeout_setting(env: Mapping[str, str] | None = None) -> float:
    """Seconds to wait for a server: DRAGOMAN_FETCH_TIMEOUT, else DEFAULT_TIMEOUT."""
    raw = (os.environ if env is None else env).get(TIMEOUT_ENV)
    if not raw:
        return DEFAULT_TIMEOUT
    try:
        seconds = float(raw)
    except ValueError:
        raise ConfigError(f"{TIMEOUT_ENV} must be a number of seconds, got {raw!r}") from None
    if not seconds > 0 or math.isinf(seconds):
        raise ConfigError(f"{TIMEOUT_ENV} must be a positive number of seconds, got {raw!r}")
    return seconds


@dataclass(frozen=True)
class Fetched:
    """What a server sent. url: where it came from after redirects; fmt: the reader
    format its media type says (None: sniff the content)."""

    url: str
    data: bytes
    fmt: str | None


@dataclass(frozen=True)
class Fetcher:
    """Fetches URLs. timeout: seconds for the whole exchange (None: `timeout_setting`);
    transport: an httpx transport to use instead of the network (tests)."""

    timeout: float | None = None
    transport: httpx.BaseTransport | None = None

    def seconds(self) -> float:
        return self.timeout if self.timeout is not None else timeout_setting()

    def fetch(self, url: str, max_bytes: int) -> Fetched:
        """The body at `url`, at most `max_bytes` long; ReadError naming the URL otherwise."""
        seconds = self.seconds()
        try:
            with httpx.Client(timeout=seconds, transport=self.transport, follow_redirects=True,
                              max_redirects=MAX_REDIRECTS,
                              headers={"user-agent": f"dragoman/{__version__}"}) as client:
                with client.stream("GET", url) as response:
                    _check_status(url, response)
                    data = _read_body(url, response, max_bytes, time.monotonic() + seconds)
                    return Fetched(str(response.url), data, _format(response))
        except httpx.TimeoutException:
            raise _timed_out(url, seconds) from None
        except httpx.TooManyRedirects:
            raise ReadError(url, f"more than {MAX_REDIRECTS} redirects; check the URL") from None
        except (httpx.InvalidURL, httpx.UnsupportedProtocol) as exc:
            raise ReadError(url, f"not a URL that can be fetched ({exc}); check it") from None
        except httpx.HTTPError as exc:
            raise ReadError(url, f"cannot reach the server ({_why(exc)}); check the URL and "
                                 f"the network, or try again later") from None


def _check_status(url: str, response: httpx.Response) -> None:
    status = response.status_code
    if status < 400:
        return
    if status >= 500:
        raise ReadError(url, f"server answered {status}; try again later")
    if status == 404 or status == 410:
        raise ReadError(url, f"server answered {status} (no such page); check the URL")
    if status == 429:
        raise ReadError(url, f"server answered {status} (too many requests); try again later")
    raise ReadError(url, f"server answered {status}; check the URL and whether the page "
                         f"needs a login")


def _read_body(url: str, response: httpx.Response, max_bytes: int, deadline: float) -> bytes:
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise _too_big(url, int(declared), max_bytes)
    chunks, size = [], 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > max_bytes:
            raise _too_big(url, None, max_bytes)
        if time.monotonic() > deadline:  # a server that trickles bytes forever
            raise httpx.ReadTimeout("the whole response took too long")
        chunks.append(chunk)
    return b"".join(chunks)


def _too_big(url: str, size: int | None, max_bytes: int) -> ReadError:
    what = f"response is {size_text(size)}, over" if size is not None else "response is over"
    return ReadError(url, f"{what} the limit of {size_text(max_bytes)} (raise it with "
                          f"--max-bytes or DRAGOMAN_MAX_BYTES)")


def _timed_out(url: str, seconds: float) -> ReadError:
    return ReadError(url, f"timed out after {seconds:g} s; try again later, or give the "
                          f"server longer with {TIMEOUT_ENV}")


def _why(exc: httpx.HTTPError) -> str:
    text = str(exc).strip().splitlines()
    return text[-1] if text and text[-1] else type(exc).__name__


def _format(response: httpx.Response) -> str | None:
    media = response.headers.get("content-type", "").split(";")[0].strip().lower()
    return _MEDIA_FORMATS.get(media)
