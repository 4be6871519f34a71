"""Hostile requests to the HTTP API and pages, on SQLite and PostgreSQL: injection
strings through every parameter, markup in every field a page shows, oversized and
unauthorised writes, and property-based requests from the OpenAPI document
(schemathesis, with the write endpoint open to the token): never a server error,
never markup from the data, never a write without the token, never a changed table."""
from __future__ import annotations

import json
import time
from html.parser import HTMLParser
from urllib.parse import quote

import pytest

from .conftest import PG_ENV, FakeExtractor, pg_url, reset_postgres
from .hostile import ARTICLE_ID, all_extractions

pytestmark = pytest.mark.filterwarnings("ignore:Using `httpx`")

TOKEN = "fault-test-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
MAX_UPLOAD = 4096
SCHEMATHESIS_EXAMPLES = 30  # per operation and database
INJECTIONS = [
    "' OR '1'='1", "' OR 1=1 --", "1; DROP TABLE articles; --", '"; DROP TABLE entities; --',
    "') UNION SELECT name, name FROM sqlite_master --", "' UNION SELECT version(), 1 --",
    "' AND pg_sleep(3) IS NULL --", "1' AND randomblob(500000000) --", "' || (SELECT 1) || '",
    "%", "_", "%%", "\\", "\\%", "%' OR ''='", "[a-z]%", "$1", "?", ":name", "admin'--",
    "\u02bc OR 1=1", "\uff07 OR 1=1 --",
]


@pytest.fixture(scope="module", params=["sqlite", "postgres"])
def hostile_db(request, tmp_path_factory) -> str:
    """The hostile knowledge base, built once per database for the module."""
    from dragoman.store import KnowledgeBase
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path_factory.mktemp('hostile') / 'kb.db'}"
    else:
        url = pg_url()
        if not url:
            pytest.skip(f"{PG_ENV} is not set (.ci/run sets it)")
        reset_postgres(url)
    with KnowledgeBase(url) as kb:
        report = kb.store(all_extractions())
    assert report.stored == 2, report.failed
    return url


@pytest.fixture(scope="module")
def client(hostile_db):
    from fastapi.testclient import TestClient

    from dragoman.web import WebSettings, create_app
    app = create_app(hostile_db, settings=WebSettings(token=TOKEN, max_upload=MAX_UPLOAD),
                     extractor=FakeExtractor())
    with TestClient(app) as client:
        yield client


def counts(client) -> dict[str, int]:
    return client.get("/status").json()["counts"]


# -- markup in the data never becomes markup in a page --------------------------------------


class Elements(HTMLParser):
    """Every start tag of a page with its attributes, and the text of <script> elements."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def dangers(html: str) -> list[str]:
    """What in `html` could run: inline scripts, event-handler attributes, javascript:
    URLs, frames, elements the templates never use."""
    found = []
    parser = Elements()
    parser.feed(html)
    for tag, attrs in parser.tags:
        if tag == "script" and not attrs.get("src"):
            found.append("inline <script>")
        if tag in ("img", "iframe", "object", "embed", "svg", "base"):
            found.append(f"<{tag}>")
        for name, value in attrs.items():
            if name.startswith("on"):
                found.append(f"{tag} {name}=")
            if (value or "").strip().lower().startswith(("javascript:", "data:text/html")):
                found.append(f"{tag} {name}={value}")
    return found


def page_urls(client) -> list[str]:
    people = client.get("/entities?type=person").json()["items"]
    others = [e for kind in ("organization", "place", "country")
              for e in client.get(f"/entities?type={kind}").json()["items"]]
    return ["/", "/dyad/CHL/MAR", f"/article/{quote(ARTICLE_ID, safe='')}", "/article/plain",
            "/search?q=" + quote("<script>alert('search')</script>"), "/search?q=Duarte",
            "/search?q=Council", "/login?next=" + quote("javascript:alert(1)"),
            *(f"/person/{e['id']}" for e in people + others)]


def test_no_field_of_the_data_becomes_markup_on_any_page(client):
    shown = ""
    for url in page_urls(client):
        response = client.get(url)
        assert response.status_code == 200, url
        assert dangers(response.text) == [], url
        assert "<script>alert(" not in response.text, url
        shown += response.text
    # every field the pages show (cues, triggers and stored findings are not shown)
    for where in ("text", "quote", "person", "org", "place", "role", "title", "alias", "source",
                  "mode", "event"):
        assert f"alert(&#39;{where}&#39;)" in shown, f"the {where} is never shown"
    assert "{{7*7}}quote" in shown and "49quote" not in shown  # no template evaluated


@pytest.mark.parametrize("url", [
    "/article/" + quote("<script>alert('missing')</script>", safe=""),
    "/dyad/" + quote("<img src=x onerror=alert(1)>", safe="") + "/MAR",
    "/person/" + quote("<b>", safe=""),
    "/nowhere/" + quote("\"><script>alert('path')</script>", safe=""),
    "/login?next=" + quote("\"><script>alert('next')</script>"),
])
def test_error_pages_echo_what_was_asked_as_text(client, url):
    response = client.get(url, headers={"accept": "text/html"})
    assert response.status_code in (200, 404, 422), url
    assert dangers(response.text) == []
    assert "<script>alert(" not in response.text and "<img src=x" not in response.text


@pytest.mark.parametrize("target, location", [
    ("/dyad/CHL/MAR", "/dyad/CHL/MAR"), ("//evil.example/", "/"), ("/\\evil.example/", "/"),
    ("\\\\evil.example", "/"), ("https://evil.example/", "/"), ("/\t/evil.example", "/"),
    ("javascript:alert(1)", "/"),
])
def test_signing_in_only_ever_returns_to_this_site(make_private, target, location):
    response = make_private.post("/login", data={"token": TOKEN, "next": target},
                                 follow_redirects=False)
    assert (response.status_code, response.headers["location"]) == (303, location)


@pytest.fixture
def make_private(hostile_db):
    from fastapi.testclient import TestClient

    from dragoman.web import WebSettings, create_app
    app = create_app(hostile_db, settings=WebSettings(token=TOKEN, protect_reads=True))
    with TestClient(app) as client:
        yield client


SECURITY_HEADERS = {"x-content-type-options": "nosniff", "x-frame-options": "DENY",
                    "referrer-policy": "same-origin"}


@pytest.mark.parametrize("method, url, status", [
    ("GET", "/", 200), ("GET", "/login", 200), ("GET", "/docs", 200),
    ("GET", "/static/dragoman-1.0.0.css", 200), ("GET", "/articles?format=csv", 200),
    ("GET", "/articles?format=jsonl", 200), ("GET", "/nowhere", 404),
    ("GET", "/article/missing", 404), ("GET", "/quotes?limit=0", 422),
    ("DELETE", "/articles", 405), ("POST", "/articles", 401), ("GET", "/quotes?q=%00", 400),
])
def test_every_kind_of_response_carries_the_security_headers(client, method, url, status):
    response = client.request(method, url)
    assert response.status_code == status
    csp = response.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp and "object-src 'none'" in csp
    for name, value in SECURITY_HEADERS.items():
        assert response.headers[name] == value, (url, name)


# -- injection strings through every parameter ----------------------------------------------


def list_parameters(client) -> list[tuple[str, str, bool]]:
    """(path, parameter, free text?) of every query parameter of every GET list in the
    OpenAPI document; free text: a string without a set of values or a format."""
    schema = client.get("/openapi.json").json()
    found = []
    for path, ops in schema["paths"].items():
        for p in ops.get("get", {}).get("parameters", []) if "{" not in path else []:
            options = p.get("schema", {}).get("anyOf", [p.get("schema", {})])
            free = any(o.get("type") == "string" and "enum" not in o and "format" not in o
                       for o in options)
            found.append((path, p["name"], free))
    return found


def test_injection_strings_through_every_filter_change_and_reveal_nothing(client):
    before = counts(client)
    everything = {}
    for path, _, _ in list_parameters(client):
        whole = client.get(f"{path}?limit=500").json()
        everything[path] = (whole["count"], json.dumps(whole["items"]).casefold())
    tried = 0
    started = time.monotonic()
    for path, name, free in list_parameters(client):
        for payload in INJECTIONS if free else INJECTIONS[:4]:
            response = client.get(path, params={name: payload})
            tried += 1
            assert response.status_code in (200, 400, 422), (path, name, payload, response.text)
            total, shown = everything[path]
            if response.status_code == 200 and payload.casefold() not in shown:
                # a filter that matched everything would mean the string became SQL
                found = response.json()["count"]
                assert found == 0 or found < total, (path, name, payload)
    assert time.monotonic() - started < tried * 0.5  # no pg_sleep, no huge randomblob
    assert counts(client) == before
    print(f"injection requests: {tried}")


@pytest.mark.parametrize("payload", INJECTIONS[:8])
def test_injection_strings_in_paths_name_nothing(client, payload):
    before = counts(client)
    item = quote(payload, safe="")
    assert client.get(f"/articles/{item}").status_code == 404
    assert client.get(f"/entities/{item}").status_code == 422
    assert client.get(f"/dyads/{item}/MAR").status_code == 404
    assert client.get(f"/article/{item}", headers={"accept": "text/html"}).status_code == 404
    assert counts(client) == before


@pytest.mark.parametrize("name, payload", [("q", "%"), ("q", "_"), ("q", "\\"), ("q", "%_%")])
def test_like_wildcards_are_matched_as_characters(client, name, payload):
    assert client.get("/articles", params={name: payload}).json()["count"] == 0
    assert client.get("/quotes", params={name: payload}).json()["count"] == 0
    assert client.get("/entities", params={name: payload}).json()["count"] == 0


# -- writes: the token, sizes ---------------------------------------------------------------


@pytest.mark.parametrize("headers, cookies, params", [
    ({}, {}, {}),
    ({"Authorization": f"Bearer {TOKEN}x"}, {}, {}),
    ({"Authorization": f"Bearer {TOKEN[:-1]}"}, {}, {}),
    ({"Authorization": f"bearer{TOKEN}"}, {}, {}),
    ({"Authorization": "Bearer t\u00f6ken".encode()}, {}, {}),
    ({}, {"dragoman_token": TOKEN}, {}),
    ({}, {}, {"token": TOKEN}),
    ({"X-Api-Token": TOKEN}, {}, {}),
])
def test_no_write_without_the_token_in_the_header(client, headers, cookies, params):
    before = counts(client)
    client.cookies.clear()
    for name, value in cookies.items():
        client.cookies.set(name, value)
    response = client.post("/articles", json={"text": "Chile and Peru met."}, headers=headers,
                           params=params)
    client.cookies.clear()
    assert response.status_code in (400, 401), response.text
    assert counts(client) == before


def test_tokens_are_compared_in_constant_time(client, make_private, monkeypatch):
    import hmac

    from dragoman.web import auth
    compared: list[tuple[bytes, bytes]] = []
    compare = hmac.compare_digest

    def spy(a, b):
        compared.append((a, b))
        return compare(a, b)

    monkeypatch.setattr(auth.hmac, "compare_digest", spy)
    client.post("/articles", json={"text": "x"}, headers={"Authorization": "Bearer guess"})
    make_private.cookies.set("dragoman_token", "guess")
    make_private.get("/quotes")
    make_private.post("/login", data={"token": "guess", "next": "/"})
    assert [b for a, b in compared] == [TOKEN.encode()] * 3
    assert all(a == b"guess" for a, _ in compared)


def big_chunks(size: int):
    for _ in range(size // 1024):
        yield b'{"text": "' + b"x" * 1000 + b'"}'[:0] + b"y" * 24


@pytest.mark.parametrize("kind", ["declared", "streamed", "file", "text"])
def test_oversized_bodies_are_refused_before_anything_is_stored(client, kind):
    before = counts(client)
    body = b"Chile and Peru met. " * (MAX_UPLOAD // 10)
    if kind == "declared":
        response = client.post("/articles", content=body, headers=AUTH | {
            "content-type": "application/json"})
    elif kind == "streamed":  # no length given: counted as it comes
        response = client.post("/articles", content=big_chunks(MAX_UPLOAD * 4),
                               headers=AUTH | {"content-type": "application/json"})
    elif kind == "file":
        response = client.post("/articles", files={"file": ("big.txt", body)}, headers=AUTH)
    else:
        response = client.post("/articles", content=body, headers=AUTH | {
            "content-type": "text/plain"})
    assert response.status_code == 413, response.text
    assert response.json()["error"]["code"] == "too_large"
    assert counts(client) == before


def test_a_write_with_the_token_is_stored(client):
    before = counts(client)["articles"]
    response = client.post("/articles", json={"text": "Chile and Peru met.", "id": "ok"},
                           headers=AUTH)
    assert response.status_code == 201, response.text
    assert counts(client)["articles"] == before + 1


# -- property-based requests from the OpenAPI document --------------------------------------


def test_no_request_the_schema_allows_gets_a_server_error(hostile_db):
    schemathesis = pytest.importorskip("schemathesis")
    from hypothesis import HealthCheck, given, settings

    from dragoman.web import WebSettings, create_app
    app = create_app(hostile_db, settings=WebSettings(token=TOKEN, max_upload=MAX_UPLOAD),
                     extractor=FakeExtractor())
    schema = schemathesis.openapi.from_asgi("/openapi.json", app)
    cases = 0
    for result in schema.get_all_operations():
        operation = result.ok()

        @given(case=operation.as_strategy())
        @settings(max_examples=SCHEMATHESIS_EXAMPLES, deadline=None, database=None,
                  suppress_health_check=list(HealthCheck))
        def check(case):
            nonlocal cases
            cases += 1
            response = case.call(headers=AUTH)
            assert response.status_code < 500, (operation.label, case.as_curl_command(),
                                                response.text)
            if response.status_code >= 400:
                error = response.json()["error"]
                assert error["status"] == response.status_code and error["message"]

        check()
    print(f"schemathesis cases: {cases}")
    assert cases >= 12 * SCHEMATHESIS_EXAMPLES // 2
