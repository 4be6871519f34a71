"""The HTTP API through an in-process client: every endpoint, filters, paging across
pages, the CSV and JSON Lines forms, one error shape, headers."""
from __future__ import annotations

import csv
import io
import json

import pytest

from .synthetic import LONG_NAME, QUOTES

LISTS = ("/articles", "/entities", "/quotes", "/claims", "/events", "/findings", "/dyads")


def items(client, url: str) -> list[dict]:
    response = client.get(url)
    assert response.status_code == 200, response.text
    return response.json()["items"]


def walk(client, url: str) -> list[dict]:
    """Every item of a list, following `next` page after page."""
    found, pages = [], 0
    while url:
        body = client.get(url).json()
        found += body["items"]
        url, pages = body["next"], pages + 1
        assert pages < 100, "paging does not end"
    return found


@pytest.mark.parametrize("url", LISTS)
def test_every_list_answers_a_page_with_its_query(synthetic, url):
    body = synthetic.get(url).json()
    assert set(body) == {"items", "count", "next_cursor", "next", "query"}
    assert body["count"] == len(body["items"]) > 0


@pytest.mark.parametrize("url, count", [
    ("/articles", 3),
    ("/articles?q=memorandum", 1),
    ("/articles?since=2024-03-02", 2),
    ("/articles?since=2024-03-02&until=2024-03-31", 1),
    ("/articles?dyad=CHL-MAR", 3),
    ("/articles?country=Morocco", 3),
    ("/articles?country=JPN", 0),
    ("/entities?type=country", 2),
    ("/entities?q=valdivieso", 1),
    ("/entities?q=Konstantinopoulos", 1),
    ("/entities?country=CHL&type=person", 2),
    ("/quotes?limit=500", 500),
    ("/quotes?speaker=Ignacia%20Valdivieso&limit=500", 500),
    ("/quotes?q=number%20499", 1),
    ("/quotes?article=hostile", 1),
    ("/quotes?type=indirect", 0),
    ("/quotes?since=2024-04-01", 1),
    ("/claims", 2),
    ("/claims?status=target", 1),
    ("/claims?metric=trade_volume&dyad=MAR,CHL", 2),
    ("/claims?metric=investment", 0),
    ("/claims?speaker=Valdivieso", 2),
    ("/events", 2),
    ("/events?type=AGREE", 1),
    ("/events?dyad=Chile,Morocco", 2),
    ("/events?until=2024-03-31", 1),
    ("/findings?type=target_progress", 1),
    ("/findings?type=discrepancy", 0),
    ("/findings?q=target", 1),
    ("/dyads", 1),
    ("/dyads?country=MAR", 1),
    ("/dyads?country=JPN", 0),
])
def test_filters_select_what_they_say(synthetic, url, count):
    assert len(items(synthetic, url)) == count


def test_a_speaker_filter_matches_another_spelling(synthetic):
    quotes = items(synthetic, "/quotes?speaker=ignacia%20valdivieso&limit=3")
    assert {q["speaker"] for q in quotes} == {"Ignacia Valdivieso"}


def test_paging_walks_every_quote_once_in_order(synthetic):
    walked = walk(synthetic, "/quotes?limit=120")
    assert len(walked) == QUOTES + 1
    assert len({q["id"] for q in walked}) == len(walked)
    keys = [(q["source"]["published"], q["id"]) for q in walked]
    assert keys == sorted(keys, reverse=True)


def test_the_next_link_keeps_the_filters(synthetic):
    first = synthetic.get("/quotes?speaker=Valdivieso&limit=10").json()
    assert "speaker=Valdivieso" in first["next"]
    second = synthetic.get(first["next"]).json()
    assert {q["speaker"] for q in second["items"]} == {"Ignacia Valdivieso"}
    assert not {q["id"] for q in first["items"]} & {q["id"] for q in second["items"]}


@pytest.mark.parametrize("url", ["/dyads?limit=1", "/findings?limit=1", "/entities?limit=1",
                                 "/articles?limit=1", "/events?limit=1", "/claims?limit=1"])
def test_every_list_pages_to_its_end(synthetic, url):
    whole = items(synthetic, url.replace("limit=1", "limit=500"))
    walked = walk(synthetic, url)
    assert walked == whole


def test_csv_has_a_row_per_item_with_flattened_provenance(synthetic):
    response = synthetic.get("/quotes?limit=7&format=csv")
    assert response.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert len(rows) == 7
    assert {"speaker", "text", "source.article", "source.span"} <= set(rows[0])
    assert response.headers["link"].endswith('rel="next"')


def test_csv_pages_follow_the_link_header(synthetic):
    url, seen = "/claims?limit=1&format=csv", []
    while url:
        response = synthetic.get(url)
        seen += list(csv.DictReader(io.StringIO(response.text)))
        link = response.headers.get("link")
        url = link[1:link.index(">")] if link else None
    assert [row["metric"] for row in seen] == ["trade_volume", "trade_volume"]


def test_json_lines_has_one_object_per_line(synthetic):
    response = synthetic.get("/entities?format=jsonl")
    assert response.headers["content-type"].startswith("application/x-ndjson")
    lines = response.text.splitlines()
    assert [json.loads(line)["name"] for line in lines] == [
        e["name"] for e in items(synthetic, "/entities")]


@pytest.mark.parametrize("accept, media", [("text/csv", "text/csv"),
                                           ("application/x-ndjson", "application/x-ndjson"),
                                           ("text/html, */*", "application/json")])
def test_the_accept_header_chooses_the_form(synthetic, accept, media):
    response = synthetic.get("/events", headers={"Accept": accept})
    assert response.headers["content-type"].startswith(media)


def test_an_article_comes_with_its_facts_and_their_spans(synthetic):
    article = synthetic.get("/articles/trade").json()
    text = article["text"]
    assert [text[slice(*c["span"])] for c in article["claims"]] == ["$2.4 billion", "$5 billion"]
    assert {e["name"] for e in article["entities"]} == {"Chile", "Morocco", "Ignacia Valdivieso"}
    assert article["events"][0]["source"] == ["Chile"]


def test_quote_spans_point_at_the_quoted_words(synthetic):
    quote = items(synthetic, "/quotes?article=hostile")[0]
    article = synthetic.get(f"/articles/{quote['source']['article']}").json()
    assert article["text"][slice(*quote["source"]["span"])] == quote["text"]


def test_an_entity_has_its_roles(synthetic):
    person = items(synthetic, "/entities?q=Konstantinopoulos")[0]
    entity = synthetic.get(f"/entities/{person['id']}").json()
    assert entity["name"] == LONG_NAME
    assert [r["role"] for r in entity["roles"]] == ["foreign minister"]


def test_the_dyad_report_has_the_series_the_target_and_the_progress(synthetic):
    report = synthetic.get("/dyads/MAR/CHL").json()
    assert report["dyad"] == ["CHL", "MAR"] or report["dyad"] == ["MAR", "CHL"]
    trade = next(s for s in report["series"] if s["metric"] == "trade_volume")
    assert [(f["period"], f["value"]) for f in trade["actual"]] == [("2023", 2400000000)]
    assert [f["value"] for f in trade["targets"]] == [5000000000]
    assert trade["progress"][0]["ratio"] == pytest.approx(0.48)


def test_status_counts_the_knowledge_base(synthetic):
    status = synthetic.get("/status").json()
    assert status["counts"]["articles"] == 3
    assert status["writes_enabled"] is False


# -- one error shape ---------------------------------------------------------------------------


@pytest.mark.parametrize("method, url, status, code", [
    ("GET", "/quotes?colour=red", 400, "unknown_parameter"),
    ("GET", "/dyads/CHL/MAR?colour=red", 400, "unknown_parameter"),
    ("GET", "/articles/trade?colour=red", 400, "unknown_parameter"),
    ("GET", "/status?verbose=1", 400, "unknown_parameter"),
    ("GET", "/quotes?limit=0", 422, "invalid"),
    ("GET", "/quotes?limit=501", 422, "invalid"),
    ("GET", "/quotes?format=xml", 422, "invalid"),
    ("GET", "/quotes?since=2024-13-01", 422, "invalid"),
    ("GET", "/quotes?since=2024-05-01&until=2024-01-01", 422, "invalid"),
    ("GET", "/claims?metric=happiness", 422, "invalid"),
    ("GET", "/quotes?dyad=CHL", 422, "invalid"),
    ("GET", "/quotes?dyad=CHL,Atlantis", 422, "invalid"),
    ("GET", "/quotes?cursor=not-a-cursor", 400, "bad_cursor"),
    ("GET", "/events?cursor=WzUwXQ", 400, "bad_cursor"),
    ("GET", "/dyads?cursor=WyJ4IiwxXQ", 400, "bad_cursor"),
    ("GET", "/dyads/CHL/Atlantis", 404, "not_found"),
    ("GET", "/dyads/CHL/CHL", 404, "not_found"),
    ("GET", "/articles/no-such-article", 404, "not_found"),
    ("GET", "/entities/999999", 404, "not_found"),
    ("GET", "/entities/abc", 422, "invalid"),
    ("GET", "/no/such/endpoint", 404, "not_found"),
    ("DELETE", "/quotes", 405, "method_not_allowed"),
    ("POST", "/articles", 403, "writes_disabled"),
    ("GET", "/quotes?q=a%00b", 400, "bad_request"),
    ("GET", "/articles/a%00b", 400, "bad_request"),
    ("GET", "/entities?cursor=WyJcdTAwMDAiLDFd", 400, "bad_cursor"),
])
def test_every_error_has_one_shape(synthetic, method, url, status, code):
    response = synthetic.request(method, url)
    assert response.status_code == status
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"error"}
    assert set(body["error"]) == {"status", "code", "message", "details"}
    assert (body["error"]["status"], body["error"]["code"]) == (status, code)
    assert body["error"]["message"]


def test_an_unknown_parameter_is_named(synthetic):
    error = synthetic.get("/events?typ=AGREE").json()["error"]
    assert "'typ'" in error["message"]
    assert error["details"] == [{"location": "query.typ", "message": "unknown parameter"}]


# -- documentation and headers -------------------------------------------------------------------


def test_openapi_documents_every_endpoint_and_its_parameters(synthetic):
    schema = synthetic.get("/openapi.json").json()
    paths = schema["paths"]
    for url in LISTS:
        names = {p["name"] for p in paths[url]["get"]["parameters"]}
        assert {"limit", "cursor", "format"} <= names, url
    assert "post" in paths["/articles"]
    assert {"/articles/{article_id}", "/entities/{entity_id}", "/dyads/{a}/{b}", "/status"} <= set(paths)
    assert not [p for p in paths if p.startswith(("/dyad/", "/person/", "/article/"))]


def test_the_docs_page_lists_the_endpoints_without_a_cdn(synthetic):
    page = synthetic.get("/docs")
    assert page.status_code == 200
    assert "/quotes" in page.text and "/dyads/{a}/{b}" in page.text
    assert "cdn" not in page.text.lower()


@pytest.mark.parametrize("url", ["/", "/quotes", "/article/trade", "/openapi.json"])
def test_responses_carry_security_headers(synthetic, url):
    headers = synthetic.get(url).headers
    csp = headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert "frame-ancestors 'none'" in csp
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["x-frame-options"] == "DENY"
    assert headers["referrer-policy"] == "same-origin"


@pytest.mark.parametrize("name, media", [("dragoman-charts-1.0.0.js", "javascript"),
                                         ("dragoman-article-1.0.0.js", "javascript"),
                                         ("dragoman-1.0.0.css", "text/css")])
def test_vendored_static_files_are_served_and_cached(synthetic, name, media):
    response = synthetic.get(f"/static/{name}")
    assert response.status_code == 200
    assert media in response.headers["content-type"]
    assert "immutable" in response.headers["cache-control"]
    assert "innerHTML" not in response.text and "http://" not in response.text.replace(
        "http://www.w3.org/2000/svg", "")
