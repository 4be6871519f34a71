"""Values a database cannot hold: an article with a NUL character in any field fails
alone with one clear reason, on SQLite as on PostgreSQL (which refuses them), through
the library and the HTTP API; the articles around it are stored."""
from __future__ import annotations

import pytest

from dragoman.model import Article
from dragoman.store import KnowledgeBase

from .conftest import FakeExtractor

pytestmark = pytest.mark.filterwarnings("ignore:Using `httpx`")


@pytest.mark.parametrize("field", ["id", "text", "title", "source", "url", "path"])
def test_a_nul_character_fails_its_article_alone(db_url, field):
    bad = Article("bad", "Chile and Peru met.", "2024-05-14", path="in/bad.jsonl:2")
    setattr(bad, field, getattr(bad, field) + "\x00x" if getattr(bad, field) else "a\x00b")
    items = [Article("first", "Norway and Ghana met.", path="in/a.txt"), bad,
             Article("last", "Kenya and Poland met.", path="in/c.txt")]
    with KnowledgeBase(db_url) as kb:
        report = kb.ingest(items, FakeExtractor())
        assert (report.stored, len(report.failed)) == (2, 1)
        (failure,) = report.failed
        assert failure.reason == (f"the article's {field} holds a NUL character (\\x00), which "
                                  f"the knowledge base cannot store; remove it")
        assert kb.counts()["articles"] == 2


@pytest.mark.parametrize("field", ["text", "id", "title", "url"])
def test_an_upload_with_a_nul_character_is_refused_not_a_server_error(db_url, field):
    from fastapi.testclient import TestClient

    from dragoman.web import WebSettings, create_app
    app = create_app(db_url, settings=WebSettings(token="t0k"), extractor=FakeExtractor())
    body = {"text": "Chile and Peru met."} | {field: "a\u0000b"}
    with TestClient(app) as client:
        response = client.post("/articles", json=body,
                               headers={"Authorization": "Bearer t0k"})
        assert response.status_code == 422, response.text
        assert response.json()["error"]["code"] == "not_stored"
        assert client.get("/status").json()["counts"]["articles"] == 0
