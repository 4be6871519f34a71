"""The dashboard's pages: server-rendered Jinja2 templates (autoescaped).

    /                    dyads ranked by activity, search, ingest status
    /search?q=           entities, dyads, quotes and articles that match
    /dyad/{a}/{b}        timeline and tone, metric charts with targets, quotes, findings
    /person/{id}         roles over time, quotes, claims, events (any entity)
    /article/{id}        the text with its facts highlighted; ?span=S-E marks evidence
    /docs                the API reference, read from /openapi.json
    /login               a form that sets the token cookie when reads are protected

Charts are drawn in the browser by the vendored script from the same JSON the API
serves; every table a chart draws is also in the page, and every fact links to
the article page at its words.
"""
from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import jinja2
from fastapi import APIRouter, Form, Request
from fastapi import Path as PathParam
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates

from dragoman import __version__
from dragoman.web import display, queries
from dragoman.web.api import path_dyad, connect, knowledge_base
from dragoman.web.auth import COOKIE, may_read, same_token
from dragoman.web.errors import ApiError
from dragoman.web.highlight import marks_of, parse_span, render, segments
from dragoman.web.params import MAX_ID

TEMPLATES = Path(__file__).parent / "templates"
ASSETS = {"css": "/static/dragoman-1.0.0.css", "charts": "/static/dragoman-charts-1.0.0.js",
          "article": "/static/dragoman-article-1.0.0.js"}
PAGE_SIZE = 50
DYAD_QUOTES = 5  # latest quotes shown per speaker on a dyad page
DYAD_SPEAKERS = 12  # speakers shown with their quotes; the others by name only


def _environment() -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True,
                             trim_blocks=True, lstrip_blocks=True,
                             undefined=jinja2.StrictUndefined)
    env.globals.update(assets=ASSETS, version=__version__, evidence_url=display.evidence_url,
                       source_url=display.source_url, country_name=display.country_name,
                       progress_words=display.progress_words, sides=display.sides,
                       with_params=display.with_params, web_url=display.web_url)
    env.filters.update(amount=display.short_amount, figure=display.figure, day=display.day, when=display.when)
    return env


templates = Jinja2Templates(env=_environment())
router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)


def page(request: Request, name: str, status_code: int = 200, **context: Any) -> Response:
    context.setdefault("title", "dragoman")
    context.setdefault("q", "")
    return templates.TemplateResponse(request, name, context, status_code=status_code)


def error_page(request: Request, error: ApiError) -> Response:
    """An error as a page, with the fields of the API's error shape."""
    return page(request, "error.html", status_code=error.status, title=f"{error.status} {error.code}",
                error=error.body()["error"])


def _guard(request: Request) -> Response | None:
    """A redirect to /login when reads are protected and the browser has no token."""
    if may_read(request):
        return None
    return RedirectResponse(f"/login?next={request.url.path}", status_code=303)


@router.get("/")
def home(request: Request, cursor: str | None = None) -> Response:
    if (redirect := _guard(request)) is not None:
        return redirect
    from dragoman.web.paging import offset_page
    with connect(request) as conn:
        ranked = queries.dyad_activity(conn)
        status = queries.ingest_status(conn)
    dyads, after = offset_page(ranked, PAGE_SIZE, cursor)
    return page(request, "home.html", dyads=dyads, next_cursor=after, status=status,
                total_dyads=len(ranked), writes=request.app.state.web.writes_enabled,
                uploads=list(request.app.state.uploads)[:5])


@router.get("/search")
def search(request: Request, q: str = "") -> Response:
    if (redirect := _guard(request)) is not None:
        return redirect
    q = q.strip()[:200]
    found: dict[str, Any] = {"entities": [], "dyads": [], "quotes": [], "articles": []}
    if q:
        with connect(request) as conn:
            found["entities"] = queries.entities(conn, q=q, limit=20).items
            found["quotes"] = queries.quotes(conn, q=q, limit=20).items
            found["articles"] = queries.articles(conn, q=q, limit=20).items
            folded = q.casefold()
            found["dyads"] = [d for d in queries.dyad_activity(conn) if any(
                folded in text.casefold() for text in
                (d.a, d.b, display.country_name(d.a), display.country_name(d.b)))][:20]
    return page(request, "search.html", title=f"search: {q}" if q else "search", q=q, **found)


@router.get("/dyad/{a}/{b}")
def dyad(request: Request, a: str, b: str, events: str | None = None) -> Response:
    if (redirect := _guard(request)) is not None:
        return redirect
    pair = path_dyad(a, b)
    report = knowledge_base(request).dyad(*pair, quotes_per_speaker=DYAD_QUOTES).to_dict()
    with connect(request) as conn:
        timeline = queries.events(conn, dyad=pair, limit=PAGE_SIZE, cursor=events)
    names = " – ".join(report["names"])
    return page(request, "dyad.html", title=names, report=report, pair=pair,
                api=f"/dyads/{pair[0]}/{pair[1]}", events=timeline.items,
                next_events=timeline.next_cursor, speakers=report["quotes"][:DYAD_SPEAKERS],
                more_speakers=report["quotes"][DYAD_SPEAKERS:])


@router.get("/person/{entity_id}")
def person(request: Request, entity_id: Annotated[int, PathParam(ge=1, le=MAX_ID)],
           dyad: str | None = None,
           quotes: str | None = None, events: str | None = None) -> Response:
    if (redirect := _guard(request)) is not None:
        return redirect
    from dragoman.web.params import dyad as parse_dyad
    pair = parse_dyad(dyad) if dyad else None
    with connect(request) as conn:
        record = queries.entity(conn, entity_id)
        if record is None:
            raise ApiError(404, f"no entity with id {entity_id}")
        said = queries.quotes(conn, speaker_ids=[entity_id], dyad=pair, limit=PAGE_SIZE,
                              cursor=quotes)
        did = queries.events(conn, actor_ids=[entity_id], dyad=pair, limit=PAGE_SIZE,
                             cursor=events)
        claimed = queries.claims(conn, speaker_ids=[entity_id], dyad=pair, limit=PAGE_SIZE)
    return page(request, "person.html", title=record.name, person=record.to_dict(),
                api=f"/entities/{entity_id}", dyad=pair, quotes=said.items,
                next_quotes=said.next_cursor, events=did.items, next_events=did.next_cursor,
                claims=claimed.items, more_claims=claimed.next_cursor is not None)


@router.get("/article/{article_id:path}")
def article(request: Request, article_id: str, span: str | None = None) -> Response:
    if (redirect := _guard(request)) is not None:
        return redirect
    with connect(request) as conn:
        facts = queries.article_facts(conn, article_id)
    if facts is None:
        raise ApiError(404, f"no article with id {article_id!r}")
    data = facts.to_dict()
    evidence = parse_span(span)
    body = render(data["text"], segments(data["text"], marks_of(data), evidence))
    return page(request, "article.html", title=data["title"] or data["id"], article=data,
                body=body, evidence=evidence, api=f"/articles/{display.quote_id(data['id'])}")


@router.get("/docs")
def docs(request: Request) -> Response:
    schema = request.app.openapi()
    return page(request, "docs.html", title="API", schema=schema, operations=_operations(schema))


def _operations(schema: dict[str, Any]) -> list[dict[str, Any]]:
    """Each path and method of the OpenAPI document, with its parameters and bodies."""
    found = []
    for path, methods in schema.get("paths", {}).items():
        for method, op in methods.items():
            params = []
            for p in op.get("parameters", []):
                sub = p.get("schema", {})
                options = sub.get("anyOf", [sub])
                enum = [v for o in options for v in o.get("enum", [])]
                kinds = [o.get("type") for o in options if o.get("type") not in (None, "null")]
                params.append({"name": p["name"], "in": p["in"], "required": p.get("required"),
                               "type": " or ".join(kinds) or "any", "enum": enum,
                               "description": p.get("description") or sub.get("description")
                               or ""})
            found.append({"path": path, "method": method.upper(), "summary": op.get("summary"),
                          "description": op.get("description", ""), "params": params,
                          "bodies": list(op.get("requestBody", {}).get("content", {})),
                          "responses": sorted(op.get("responses", {}))})
    return found


@router.get("/login")
def login_form(request: Request, next: str = "/") -> Response:
    return page(request, "login.html", title="sign in", next=_local(next), failed=False)


@router.post("/login")
def login(request: Request, token: Annotated[str, Form()],
          next: Annotated[str, Form()] = "/") -> Response:
    settings = request.app.state.web
    if not same_token(token, settings.token):
        return page(request, "login.html", status_code=401, title="sign in", next=_local(next), failed=True)
    response = RedirectResponse(_local(next), status_code=303)
    response.set_cookie(COOKIE, token, httponly=True, samesite="strict",
                        secure=request.url.scheme == "https")
    return response


def _local(target: str) -> str:
    """Only a path on this site to go back to (never another site): browsers read
    "//host", "/\\host" and "/<tab>/host" as another site, so backslashes and control
    characters are refused too."""
    if not target.startswith("/") or target.startswith("//"):
        return "/"
    if "\\" in target or any(ord(ch) < 32 or ord(ch) == 127 for ch in target):
        return "/"
    return target
