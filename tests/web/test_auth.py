"""Who may write and read: the API token, writes off without one, protected reads,
and the ingest endpoint's forms and limits."""
from __future__ import annotations

import pytest

from dragoman.errors import ConfigError

TOKEN = "s3cret-token-for-tests"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
BODY = ("Foreign Minister Ilse Marquardt of Austria met her Chilean counterpart Tomás Irarrázaval "
        "in Vienna on Tuesday. \"Our trade can double,\" Marquardt said.")


@pytest.fixture
def writable(make_client, tmp_path, extractor):
    """A client over an empty knowledge base that accepts writes with TOKEN."""
    return make_client(str(tmp_path / "kb.db"), token=TOKEN, extractor=extractor)


@pytest.mark.parametrize("headers, status, code", [
    ({}, 401, "unauthorized"),
    ({"Authorization": "Bearer wrong"}, 401, "unauthorized"),
    ({"Authorization": TOKEN}, 401, "unauthorized"),
    ({"Authorization": f"Basic {TOKEN}"}, 401, "unauthorized"),
])
def test_writes_need_the_token(writable, headers, status, code):
    response = writable.post("/articles", json={"text": BODY}, headers=headers)
    assert response.status_code == status
    assert response.json()["error"]["code"] == code
    assert response.headers["www-authenticate"].startswith("Bearer")


def test_with_no_token_configured_writes_are_off_whatever_is_sent(make_client, tmp_path):
    client = make_client(str(tmp_path / "kb.db"))
    response = client.post("/articles", json={"text": BODY}, headers=AUTH)
    assert response.status_code == 403
    assert response.json()["error"]["code"] == "writes_disabled"


def test_a_json_article_is_stored_once_and_linked(writable):
    first = writable.post("/articles", json={"text": BODY, "date": "2024-06-04", "id": "vienna",
                                             "title": "Vienna talks"}, headers=AUTH)
    assert first.status_code == 201, first.text
    assert (first.json()["stored"], first.json()["articles"][0]["page"]) == (1, "/article/vienna")
    stored = writable.get("/articles/vienna").json()
    assert (stored["title"], stored["published"]) == ("Vienna talks", "2024-06-04")
    assert any(q["speaker"] and "Marquardt" in q["speaker"] for q in stored["quotes"])
    again = writable.post("/articles", json={"text": BODY, "date": "2024-06-04", "id": "vienna",
                                             "title": "Vienna talks"}, headers=AUTH)
    assert (again.status_code, again.json()["skipped"]) == (200, 1)
    assert writable.get("/status").json()["uploads"][0]["skipped"] == 1


def test_plain_text_is_read_like_a_text_file(writable):
    response = writable.post("/articles", content=f"date 2024-06-04 {BODY}".encode(),
                             headers=AUTH | {"Content-Type": "text/plain; charset=utf-8"})
    assert response.status_code == 201, response.text
    article_id = response.json()["articles"][0]["id"]
    assert article_id.startswith("upload-")
    assert writable.get(f"/articles/{article_id}").json()["published"] == "2024-06-04"


def test_a_file_upload_is_read_by_its_name(writable):
    response = writable.post("/articles", files={"file": ("talks.md", f"# Vienna talks\n\n{BODY}")},
                             headers=AUTH)
    assert response.status_code == 201, response.text
    assert writable.get("/articles/talks").json()["title"] == "Vienna talks"


@pytest.mark.parametrize("kwargs, status, code", [
    ({"json": {"text": ""}}, 422, "invalid"),
    ({"json": {"body": BODY}}, 422, "invalid"),
    ({"json": {"text": BODY, "date": "someday"}}, 422, "invalid"),
    ({"content": b"<xml/>", "headers": {"Content-Type": "application/xml"}}, 415,
     "unsupported_media_type"),
    ({"files": {"other": ("a.txt", BODY)}}, 422, "invalid"),
    ({"content": b"date 2024-99-99 text", "headers": {"Content-Type": "text/plain"}}, 422,
     "unreadable"),
])
def test_bad_uploads_are_refused_with_the_error_shape(writable, kwargs, status, code):
    headers = AUTH | kwargs.pop("headers", {})
    response = writable.post("/articles", headers=headers, **kwargs)
    assert response.status_code == status, response.text
    assert response.json()["error"]["code"] == code


def test_an_upload_over_the_size_limit_is_refused(make_client, tmp_path, extractor):
    client = make_client(str(tmp_path / "kb.db"), token=TOKEN, max_upload=1000,
                         extractor=extractor)
    response = client.post("/articles", json={"text": "x" * 2000}, headers=AUTH)
    assert response.status_code == 413
    assert response.json()["error"]["code"] == "too_large"
    assert client.get("/status").json()["counts"]["articles"] == 0


# -- protected reads ----------------------------------------------------------------------


@pytest.fixture
def private(make_client, synthetic_db):
    return make_client(synthetic_db, token=TOKEN, protect_reads=True)


@pytest.mark.parametrize("url", ["/quotes", "/articles/trade", "/dyads/CHL/MAR", "/status"])
def test_protected_reads_need_the_token(private, url):
    refused = private.get(url)
    assert refused.status_code == 401
    assert refused.json()["error"]["code"] == "unauthorized"
    assert private.get(url, headers=AUTH).status_code == 200


def test_reads_are_public_by_default(synthetic):
    assert synthetic.get("/quotes").status_code == 200


def test_protected_pages_send_the_browser_to_sign_in(private):
    response = private.get("/dyad/CHL/MAR", follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"].startswith("/login")


def test_signing_in_sets_a_cookie_that_reads_but_never_writes(private):
    wrong = private.post("/login", data={"token": "nope", "next": "/"}, follow_redirects=False)
    assert wrong.status_code == 401
    right = private.post("/login", data={"token": TOKEN, "next": "/dyad/CHL/MAR"},
                         follow_redirects=False)
    assert (right.status_code, right.headers["location"]) == (303, "/dyad/CHL/MAR")
    assert "httponly" in right.headers["set-cookie"].lower()
    assert private.get("/dyad/CHL/MAR").status_code == 200
    assert private.get("/quotes").status_code == 200
    assert private.post("/articles", json={"text": BODY}).status_code == 401


def test_sign_in_never_sends_the_browser_to_another_site(private):
    response = private.post("/login", data={"token": TOKEN, "next": "//evil.example/"},
                            follow_redirects=False)
    assert response.headers["location"] == "/"


def test_protected_reads_without_a_token_is_a_configuration_error(synthetic_db):
    from dragoman.web import WebSettings, create_app
    with pytest.raises(ConfigError, match="DRAGOMAN_API_TOKEN"):
        create_app(synthetic_db, settings=WebSettings(protect_reads=True))


@pytest.mark.parametrize("env, token, protect, upload", [
    ({}, None, False, 2 * 1024 * 1024),
    ({"DRAGOMAN_API_TOKEN": " abc "}, "abc", False, 2 * 1024 * 1024),
    ({"DRAGOMAN_API_TOKEN": "abc", "DRAGOMAN_API_PROTECT_READS": "yes",
      "DRAGOMAN_API_MAX_UPLOAD": "4096"}, "abc", True, 4096),
])
def test_settings_come_from_the_environment(env, token, protect, upload):
    from dragoman.config import Settings
    from dragoman.web import web_settings
    settings = web_settings(env, core=Settings(model="x"))
    assert (settings.token, settings.protect_reads, settings.max_upload) == (token, protect, upload)


@pytest.mark.parametrize("env", [{"DRAGOMAN_API_PROTECT_READS": "maybe"},
                                 {"DRAGOMAN_API_MAX_UPLOAD": "lots"},
                                 {"DRAGOMAN_API_MAX_UPLOAD": "-1"}])
def test_bad_settings_are_named(env):
    from dragoman.config import Settings
    from dragoman.web import web_settings
    with pytest.raises(ConfigError, match=next(iter(env))):
        web_settings(env, core=Settings(model="x"))
