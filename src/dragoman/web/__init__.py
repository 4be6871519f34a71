"""HTTP API and web dashboard over the knowledge base (`dragoman serve`).

`create_app(db)` builds the FastAPI app (API, pages, vendored static files);
`serve(db, host, port)` runs it with uvicorn. See `app.py` for the layout and
`api.py` for the endpoints; the OpenAPI document is served at /openapi.json and
read as a page at /docs.
"""
from __future__ import annotations

from dragoman.web.app import create_app, serve, server_url
from dragoman.web.settings import WebSettings, web_settings

__all__ = ["WebSettings", "create_app", "serve", "server_url", "web_settings"]
