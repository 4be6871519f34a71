"""Building and serving the app: `create_app`, `serve`, `server_url`."""
from __future__ import annotations

import pytest


@pytest.mark.parametrize("host, port, url", [("127.0.0.1", 8000, "http://127.0.0.1:8000/"),
                                             ("localhost", 9999, "http://localhost:9999/"),
                                             ("::1", 8080, "http://[::1]:8080/")])
def test_server_url(host, port, url):
    from dragoman.web import server_url
    assert server_url(host, port) == url


def test_serve_runs_uvicorn_on_the_address_and_prints_nothing(monkeypatch, synthetic_db, capsys):
    import uvicorn

    from dragoman.web import WebSettings, serve
    ran, started = {}, []
    monkeypatch.setattr(uvicorn, "run", lambda app, **kwargs: ran.update(kwargs, app=app))
    url = serve(synthetic_db, host="127.0.0.1", port=8765, settings=WebSettings(),
                on_start=started.append)
    assert url == started[0] == "http://127.0.0.1:8765/"
    assert (ran["host"], ran["port"]) == ("127.0.0.1", 8765)
    assert ran["app"].title == "dragoman"
    assert capsys.readouterr() == ("", "")


def test_create_app_opens_a_new_database_empty(tmp_path):
    from fastapi.testclient import TestClient

    from dragoman.web import WebSettings, create_app
    with TestClient(create_app(str(tmp_path / "new.db"), settings=WebSettings())) as client:
        assert client.get("/status").json()["counts"]["articles"] == 0
    assert (tmp_path / "new.db").exists()


def test_a_dyad_page_names_the_speakers_beyond_the_first_few(synthetic, monkeypatch):
    from dragoman.web import pages
    monkeypatch.setattr(pages, "DYAD_SPEAKERS", 1)
    html = synthetic.get("/dyad/CHL/MAR").text
    assert "Also quoted:" in html
    assert html.count('<article class="speaker">') == 1
