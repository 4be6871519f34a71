"""HTML pages (trafilatura) and HTML fragments (feed entries)."""
from __future__ import annotations

from pathlib import Path

import pytest

from dragoman.errors import ReadError
from dragoman.model import Article
from dragoman.read import read_inputs
from dragoman.read.html import fragment_text, parse_html


def test_page_body_without_menus_title_date_site(data_dir: Path) -> None:
    path = str(data_dir / "page.html")
    (article,) = read_inputs([path])
    assert isinstance(article, Article)
    assert (article.id, article.title, article.date, article.source, article.url) == (
        "page", "Uruguay and Poland discuss grain exports", "2024-05-21", "Riverside Post",
        "https://example.org/world/uruguay-poland-grain")
    paragraphs = article.text.split("\n\n")
    assert len(paragraphs) == 3
    assert paragraphs[0].startswith("The agriculture ministers of Uruguay and Poland met")
    for boilerplate in ("Home", "Privacy policy", "All rights reserved"):
        assert boilerplate not in article.text


@pytest.mark.parametrize("html", [
    "<html><body><nav><a href='/'>Home</a> <a href='/w'>World</a></nav></body></html>",
    "<html><head><title>Only a title</title></head><body></body></html>",
    "<html><body><p>Too short to be news.</p></body></html>",
])
def test_page_without_article_text_is_an_error(html: str) -> None:
    with pytest.raises(ReadError) as caught:
        parse_html(html, source="saved/page.html", id="page")
    assert str(caught.value).startswith("saved/page.html: no article text found in the HTML")


@pytest.mark.parametrize("fragment, text", [
    ("<p>First  paragraph\n continues.</p><p>Second <b>bold</b> one.</p>",
     "First paragraph continues.\n\nSecond bold one."),
    ("Line one<br>line two", "Line one\nline two"),
    ("<ul><li>seafood</li><li>shipping</li></ul>", "seafood\n\nshipping"),
    ("<p>Kept</p><script>var x = 1;</script><style>p {}</style><!-- note -->",
     "Kept"),
    ("Plain text with &amp; no tags", "Plain text with &amp; no tags"),
    ("Fish &amp; <i>chips</i>", "Fish & chips"),
    ("", ""),
])
def test_fragment_text(fragment: str, text: str) -> None:
    assert fragment_text(fragment) == text
