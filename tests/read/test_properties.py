"""Whatever the bytes, reading yields articles or one-line errors and never raises."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from dragoman.errors import ReadError
from dragoman.model import Article
from dragoman.read import FORMATS, read_bytes, read_text

FORMAT_NAMES = sorted(set(FORMATS.values()))


@settings(max_examples=150, deadline=None)
@given(data=st.binary(max_size=300), fmt=st.sampled_from([None, *FORMAT_NAMES]))
def test_any_bytes_give_articles_or_errors(data: bytes, fmt: str | None) -> None:
    for item in read_bytes(data, name="in.bin", fmt=fmt):
        assert isinstance(item, (Article, ReadError))
        if isinstance(item, ReadError):
            assert "\n" not in str(item)
            assert "unexpected error while" not in str(item)
        else:
            assert item.text and item.text == item.text.strip()


@settings(max_examples=150, deadline=None)
@given(text=st.text(max_size=200))
def test_any_text_gives_an_article_or_a_read_error(text: str) -> None:
    try:
        article = read_text(text)
    except ReadError as exc:
        assert "\n" not in str(exc)
    else:
        assert article.text and article.text == article.text.strip()
