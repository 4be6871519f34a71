"""The web application: `create_app` builds it, `serve` runs it with uvicorn.

    from dragoman.web import create_app, serve
    app = create_app("kb.db")                    # an ASGI app; tests drive it in-process
    serve("kb.db", host="127.0.0.1", port=8000)  # blocks until stopped

One FastAPI app holds the API (`api`, `uploads`), the pages (`pages`), the vendored
static files (`static/`, versioned names, cached for a year) and the error handlers
that give every failure one shape. Every response carries security headers: a
Content-Security-Policy that allows scripts and styles only from this server (no
inline script, no CDN), no framing, no MIME sniffing, no referrer to other sites.
The app keeps its state on `app.state` (knowledge base, settings, the extractor once
loaded, the latest upload reports), never in module globals.
"""
from __future__ import annotations

import threading
from collections import deque
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import Response
from fastapi.staticfiles import StaticFiles
from starlette.datastructures import MutableHeaders
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from dragoman import __version__
from dragoman.config import Settings
from dragoman.errors import ConfigError
from dragoman.store import KnowledgeBase
from dragoman.web.errors import ApiError, as_api_error, json_error, wants_html
from dragoman.web.settings import WebSettings, web_settings

STATIC = Path(__file__).parent / "static"

CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
       "form-action 'self'; frame-ancestors 'none'")
SECURITY_HEADERS = (
    ("content-security-policy", CSP),
    ("x-content-type-options", "nosniff"),
    ("x-frame-options", "DENY"),
    ("referrer-policy", "same-origin"),
    ("cross-origin-opener-policy", "same-origin"),
)
STATIC_CACHE = "public, max-age=31536000, immutable"

DESCRIPTION = """Diplomatic and economic news as a checkable record: articles, entities,
quotes, claims (figures), events and findings, across articles.

Every list takes `limit`, `cursor` (the `next_cursor` of the page before) and `format`
(`json`, `csv` or `jsonl`, or ask by the `Accept` header); unknown parameters are refused
(400). Errors have one shape: `{"error": {"status", "code", "message", "details"}}`.
Writes (`POST /articles`) need the token of `DRAGOMAN_API_TOKEN` as `Authorization: Bearer
TOKEN`; without one configured, writes are off. Country codes are ISO 3166-1 alpha-3."""


class SecurityHeaders:
    """ASGI middleware: the security headers on every HTTP response, and a long cache
    life for the versioned static files."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        static = scope.get("path", "").startswith("/static/")

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in SECURITY_HEADERS:
                    headers.setdefault(name, value)
                if static and message.get("status") == 200:
                    headers["cache-control"] = STATIC_CACHE
            await send(message)

        await self.app(scope, receive, send_with_headers)


class RejectNul:
    """ASGI middleware: a path or query with a NUL character is refused (400) before it
    reaches a database (PostgreSQL text cannot hold one; no real name or word has one)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and ("\x00" in scope.get("path", "")
                                        or b"%00" in scope.get("query_string", b"")):
            error = ApiError(400, "the URL holds a NUL character (%00)", "bad_request")
            await json_error(error)(scope, receive, send)
            return
        await self.app(scope, receive, send)


def _settings(settings: WebSettings | Settings | None) -> WebSettings:
    if isinstance(settings, WebSettings):
        web = settings
    else:
        web = web_settings(core=settings)
    if web.protect_reads and not web.token:
        raise ConfigError("DRAGOMAN_API_PROTECT_READS is set but DRAGOMAN_API_TOKEN is not: "
                          "set a token, or make reads public")
    return web


async def _handle(request: Request, exc: Exception) -> Response:
    error = as_api_error(exc)
    if wants_html(request):
        from dragoman.web.pages import error_page
        return error_page(request, error)
    return json_error(error)


def create_app(db: str | None = None, *, settings: WebSettings | Settings | None = None,
               extractor: Any = None) -> FastAPI:
    """The dashboard and API over the knowledge base `db` (file path or SQLAlchemy URL;
    None: `settings.core.db`, else the default file). settings: `WebSettings`, or the
    library `Settings` (then the web settings come from the environment). extractor:
    an `Extractor` to use for uploads (default: one is loaded on the first upload).
    Raises ConfigError when the settings contradict or the database cannot be opened."""
    web = _settings(settings)
    kb = KnowledgeBase(db if db is not None else web.core.db)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        kb.close()

    app = FastAPI(title="dragoman", version=__version__, description=DESCRIPTION,
                  docs_url=None, redoc_url=None, openapi_url="/openapi.json", lifespan=lifespan)
    app.state.kb = kb
    app.state.web = web
    app.state.extractor = extractor
    app.state.make_extractor = _extractor_factory(web)
    app.state.extractor_lock = threading.Lock()
    app.state.uploads = deque(maxlen=20)
    for kind in (ApiError, RequestValidationError, StarletteHTTPException, Exception):
        app.add_exception_handler(kind, _handle)
    app.add_middleware(RejectNul)
    app.add_middleware(SecurityHeaders)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    from dragoman.web import api, pages, uploads
    app.include_router(uploads.router)
    app.include_router(api.router)
    app.include_router(pages.router)
    return app


def _extractor_factory(web: WebSettings) -> Callable[[], Any]:
    def make() -> Any:
        from dragoman.extraction import Extractor
        return Extractor(web.core)
    return make


def server_url(host: str, port: int) -> str:
    """The URL a server on host:port answers at ("http://127.0.0.1:8000/")."""
    shown = f"[{host}]" if ":" in host else host
    return f"http://{shown}:{port}/"


def serve(db: str | None = None, host: str = "127.0.0.1", port: int = 8000, *,
          settings: WebSettings | Settings | None = None,
          on_start: Callable[[str], None] | None = None) -> str:
    """Run the app with uvicorn until stopped (Ctrl-C); returns its URL. on_start(url) is
    called once the app is built, before serving (the CLI prints the URL there).
    Prints nothing itself (uvicorn logs to stderr)."""
    import uvicorn
    app = create_app(db, settings=settings)
    url = server_url(host, port)
    if on_start is not None:
        on_start(url)
    uvicorn.run(app, host=host, port=port, log_level="info", server_header=False)
    return url
