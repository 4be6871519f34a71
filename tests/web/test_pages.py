"""The pages, rendered on the server: what each shows, escaping, paging, evidence links."""
from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from .synthetic import LONG_NAME


class Links(HTMLParser):
    """The hrefs and the text of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []
        self.scripts: list[dict] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "a" and attrs.get("href"):
            self.hrefs.append(attrs["href"])
        if tag == "script":
            self.scripts.append(attrs)


def parse(html: str) -> Links:
    links = Links()
    links.feed(html)
    return links


def person_id(client, name: str) -> int:
    return client.get("/entities", params={"q": name}).json()["items"][0]["id"]


@pytest.mark.parametrize("url, words", [
    ("/", ["Dyads by activity", "Chile – Morocco", "Ingest status", "3</strong> articles"]),
    ("/dyad/CHL/MAR", ["Timeline and tone", "trade volume",
                       "2.4 bn USD (2023) is 48% of the 5 bn USD target for 2030; 2.6 bn USD to go.",
                       "Quotes by speaker", "Findings", "Ignacia Valdivieso"]),
    ("/dyad/Morocco/Chile", ["Chile", "Morocco"]),
    ("/search?q=valdivieso", ["Ignacia Valdivieso"]),
    ("/search?q=morocco", ["Chile – Morocco"]),
    ("/docs", ["POST", "/articles"]),
    ("/login", ["API token"]),
])
def test_pages_show_what_they_are_for(synthetic, url, words):
    response = synthetic.get(url)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    for w in words:
        assert w in response.text, w


def test_pages_load_only_vendored_versioned_scripts(synthetic):
    for url in ("/dyad/CHL/MAR", "/article/trade"):
        scripts = parse(synthetic.get(url).text).scripts
        assert scripts and all(re.fullmatch(r"/static/dragoman-[a-z]+-\d+\.\d+\.\d+\.js", s["src"])
                               for s in scripts)


def test_an_article_that_looks_like_markup_renders_as_text(synthetic):
    html = synthetic.get("/article/hostile").text
    assert "<script>alert" not in html and "<img src=x" not in html and "<b>bold" not in html
    assert "&lt;script&gt;alert(&#39;owned&#39;)&lt;/script&gt;" in html
    assert "&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt;" in html
    assert "javascript:" not in html


def test_the_article_highlights_every_kind_of_fact(synthetic):
    html = synthetic.get("/article/trade").text
    for kind in ("entity", "claim", "event"):
        assert f"hl-{kind}" in html
    assert re.search(r'<span class="hl hl-claim" data-facts="claim-\d+"[^>]*>\$2\.4 billion</span>',
                     html)


def test_an_evidence_link_marks_the_words(synthetic):
    claim = synthetic.get("/claims?status=target").json()["items"][0]
    start, end = claim["source"]["span"]
    html = synthetic.get(f"/article/trade?span={start}-{end}").text
    marked = re.search(r'<span class="[^"]*evidence"[^>]*id="evidence">([^<]*)</span>', html)
    assert marked and marked.group(1) == "$5 billion"


@pytest.mark.parametrize("span", ["10", "b-a", "9-3", "100000-100010"])
def test_a_bad_evidence_span_still_shows_the_article(synthetic, span):
    assert synthetic.get(f"/article/trade?span={span}").status_code == 200


def test_every_fact_on_the_dyad_page_links_to_its_evidence(synthetic):
    hrefs = parse(synthetic.get("/dyad/CHL/MAR").text).hrefs
    evidence = [h for h in hrefs if h.startswith("/article/")]
    assert evidence and all(re.fullmatch(r"/article/[\w%-]+\?span=\d+-\d+#evidence", h)
                            for h in evidence)
    for href in set(evidence):
        assert synthetic.get(href).status_code == 200


def test_the_person_page_pages_500_quotes(synthetic):
    pid = person_id(synthetic, "Ignacia Valdivieso")
    first = synthetic.get(f"/person/{pid}")
    assert first.text.count('<li class="quote">') == 50
    assert "trade minister" in first.text
    next_page = next(h for h in parse(first.text).hrefs if "quotes=" in h)
    second = synthetic.get(next_page)
    assert second.text.count('<li class="quote">') == 50
    assert "Statement number 500 " in first.text and "Statement number 450 " in second.text


def test_the_person_page_keeps_its_dyad_filter_across_pages(synthetic):
    pid = person_id(synthetic, "Ignacia Valdivieso")
    first = synthetic.get(f"/person/{pid}?dyad=CHL-MAR")
    next_page = next(h for h in parse(first.text).hrefs if "quotes=" in h)
    assert "dyad=CHL-MAR" in next_page
    assert "Showing only what concerns Chile and Morocco" in synthetic.get(next_page).text


def test_a_long_name_is_on_its_pages(synthetic):
    pid = person_id(synthetic, LONG_NAME)
    assert LONG_NAME in synthetic.get(f"/person/{pid}").text


@pytest.mark.parametrize("url, status", [("/dyad/CHL/Atlantis", 404), ("/person/999999", 404),
                                         ("/article/nothing-here", 404),
                                         ("/person/1?dyad=nowhere", 422)])
def test_page_errors_are_pages(synthetic, url, status):
    response = synthetic.get(url)
    assert response.status_code == status
    assert response.headers["content-type"].startswith("text/html")
    assert f"<h1>{status}:" in response.text


def test_an_empty_knowledge_base_has_a_home_page(make_client, tmp_path):
    client = make_client(str(tmp_path / "empty.db"))
    home = client.get("/")
    assert home.status_code == 200
    assert "Nothing yet" in home.text
