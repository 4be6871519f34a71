"""HTML: a news page's body without menus and footers (trafilatura), and the
text of HTML fragments such as feed entries (lxml).
"""
from __future__ import annotations

import logging
import re

import lxml.html
import trafilatura
from lxml import etree

from dragoman.errors import ReadError
from dragoman.model import Article
from dragoman.read.dates import date_or_none

log = logging.getLogger(__name__)

# Fewer words than this is a menu or a cookie notice trafilatura fell back to, not
# an article. Set by hand, not tuned: a two-sentence news brief has some 30 words.
MIN_ARTICLE_WORDS = 10

_BLOCKS = frozenset("""address article aside blockquote dd div dl dt figcaption figure
footer h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section table tr ul""".split())
_DROP = ("script", "style", "noscript", "template")


def parse_html(html: str, *, source: str, id: str, path: str | None = None) -> Article:
    """The article in the HTML page `html`: body text (paragraphs separated by a blank
    line), title, publication date, site name and canonical URL where the page gives
    them. Raises ReadError when the page holds no article text."""
    try:
        doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False,
                                          include_images=False, include_links=False)
    except Exception as exc:  # trafilatura/lxml raise many kinds on broken markup
        log.debug("trafilatura failed on %s", source, exc_info=True)
        raise ReadError(source, f"cannot parse the HTML page ({type(exc).__name__}); "
                                f"save the article text as .txt") from None
    title = getattr(doc, "title", None) or None
    text = _paragraphs(getattr(doc, "text", None) or "", title)
    if len(text.split()) < MIN_ARTICLE_WORDS:
        raise ReadError(source, "no article text found in the HTML page; save the article "
                                "text as .txt and read that")
    try:
        date = date_or_none(getattr(doc, "date", None))
    except ValueError:
        date = None  # htmldate's guess in an odd form is no reason to drop the article
    return Article(id=id, text=text, date=date, source=getattr(doc, "sitename", None) or None,
                   title=title,
                   url=getattr(doc, "url", None) or None, path=path)


def _paragraphs(text: str, title: str | None) -> str:
    """trafilatura's one-paragraph-per-line text with a blank line between paragraphs,
    as in the seed format, without a first line that repeats the title (the <h1>)."""
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    if lines and title and _same(lines[0], title):
        lines = lines[1:]
    return "\n\n".join(lines)


def _same(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def fragment_text(fragment: str) -> str:
    """Plain text of an HTML fragment: whitespace runs made one space, a blank line
    between block elements (paragraphs, list items, headings), a line break for <br>."""
    if "<" not in fragment:
        return _tidy(re.sub(r"[ \t]+", " ", fragment))
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (etree.ParserError, ValueError):
        return _tidy(re.sub(r"<[^>]*>", " ", fragment))
    for bad in root.xpath("|".join(f".//{tag}" for tag in _DROP)):
        bad.drop_tree()
    for el in root.iter():
        if el.tail:
            el.tail = re.sub(r"\s+", " ", el.tail)
        if not isinstance(el.tag, str):  # comments, processing instructions
            continue
        if el.text and el.tag != "pre":
            el.text = re.sub(r"\s+", " ", el.text)
        if el.tag == "br":
            el.tail = "\n" + (el.tail or "")
        elif el.tag in _BLOCKS and el is not root:
            el.text = "\n\n" + (el.text or "")
            el.tail = "\n\n" + (el.tail or "")
    return _tidy(root.text_content())


def _tidy(text: str) -> str:
    lines = [line.strip() for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
