"""The HTTP API: every list of the knowledge base, one page at a time, in three forms.

    GET  /articles  /entities  /quotes  /claims  /events  /findings  /dyads
    GET  /articles/{id}   /entities/{id}   /dyads/{a}/{b}   /status
    POST /articles        (needs the API token; see `uploads`)

Lists take the filters of their `params` model, `limit`, `cursor` and `format`
(json, csv, jsonl); see `paging` for the shapes. The pages' charts read these same
answers (`/dyads/{a}/{b}`, `/articles/{id}`, `/entities/{id}`).
"""
from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.responses import JSONResponse, Response
from sqlalchemy import Connection

from dragoman.store import KnowledgeBase
from dragoman.store.db import snapshot
from dragoman.web import queries
from dragoman.web.auth import require_read
from dragoman.web.errors import ERROR_RESPONSES, ApiError
from dragoman.web.paging import Page, choose_format, list_response, offset_page
from dragoman.web.params import (
    ArticleParams,
    ClaimParams,
    DyadParams,
    DyadReportParams,
    EntityParams,
    EventParams,
    FindingParams,
    MAX_ID,
    Params,
    QuoteParams,
    country,
    dyad,
)

LIST_RESPONSES: dict[int | str, dict[str, Any]] = {
    200: {"description": "one page: JSON `{items, count, next_cursor, next, query}`, or CSV, "
                         "or JSON Lines; the next page also in the `Link` header",
          "content": {"application/json": {}, "text/csv": {}, "application/x-ndjson": {}}},
    **ERROR_RESPONSES}

router = APIRouter(dependencies=[Depends(require_read)], responses=ERROR_RESPONSES)


def no_parameters(request: Request) -> None:
    """Dependency of endpoints that take no query parameters: refuse any (400), as the
    lists refuse the ones they do not know."""
    unknown = sorted(set(request.query_params))
    if unknown:
        raise ApiError(400, f"unknown query parameter {', '.join(map(repr, unknown))}; this "
                            f"endpoint takes none", "unknown_parameter",
                       [{"location": f"query.{name}", "message": "unknown parameter"}
                        for name in unknown])


NO_PARAMETERS = [Depends(no_parameters)]


def knowledge_base(request: Request) -> KnowledgeBase:
    return request.app.state.kb


@contextmanager
def connect(request: Request) -> Iterator[Connection]:
    """A connection that sees one state of the knowledge base (an ingest may be writing)."""
    with snapshot(knowledge_base(request).engine) as conn:
        yield conn


def _answer(request: Request, params: Params, page: Page,
            to_dict: Callable[[Any], dict[str, Any]] = lambda r: r.to_dict()) -> Response:
    page.query = params.filters()
    return list_response(request, page, choose_format(request, params.format), to_dict)


def _ids_or_none(conn: Connection, name: str | None, entity_id: int | None) -> list[int] | None:
    """Entity ids a name filter and an id filter select together (None: no filter)."""
    ids: set[int] | None = None
    if name:
        ids = set(queries.speaker_ids(conn, name))
    if entity_id is not None:
        ids = {entity_id} if ids is None else ids & {entity_id}
    return None if ids is None else sorted(ids)


@router.get("/articles", tags=["articles"], responses=LIST_RESPONSES)
def list_articles(request: Request, params: Annotated[ArticleParams, Query()]) -> Response:
    """Stored articles without their text, newest published first."""
    with connect(request) as conn:
        page = queries.articles(conn, q=params.q, dyad=dyad(params.dyad),
                                country=country(params.country), since=params.since,
                                until=params.until, limit=params.limit, cursor=params.cursor)
    return _answer(request, params, page)


@router.get("/articles/{article_id:path}", tags=["articles"], dependencies=NO_PARAMETERS)
def get_article(request: Request,
                article_id: Annotated[str, Path(description="the article's id")]) -> JSONResponse:
    """One article: its text and every fact extracted from it, each with its span(s)
    [start, end) into the text."""
    with connect(request) as conn:
        facts = queries.article_facts(conn, article_id)
    if facts is None:
        raise ApiError(404, f"no article with id {article_id!r}")
    return JSONResponse(facts.to_dict())


@router.get("/entities", tags=["entities"], responses=LIST_RESPONSES)
def list_entities(request: Request, params: Annotated[EntityParams, Query()]) -> Response:
    """People, countries, organizations and places, by name, with aliases and dated roles."""
    with connect(request) as conn:
        page = queries.entities(conn, q=params.q, kind=params.type,
                                country=country(params.country), limit=params.limit,
                                cursor=params.cursor)
    return _answer(request, params, page)


@router.get("/entities/{entity_id}", tags=["entities"], dependencies=NO_PARAMETERS)
def get_entity(request: Request,
               entity_id: Annotated[int, Path(ge=1, le=MAX_ID)]) -> JSONResponse:
    """One entity with its aliases and roles over time (first and last article giving each)."""
    with connect(request) as conn:
        record = queries.entity(conn, entity_id)
    if record is None:
        raise ApiError(404, f"no entity with id {entity_id}")
    return JSONResponse(record.to_dict())


@router.get("/quotes", tags=["quotes"], responses=LIST_RESPONSES)
def list_quotes(request: Request, params: Annotated[QuoteParams, Query()]) -> Response:
    """Quotes, newest article first, with speaker and the words' span in the article."""
    with connect(request) as conn:
        page = queries.quotes(conn, speaker_ids=_ids_or_none(conn, params.speaker,
                                                             params.speaker_id),
                              dyad=dyad(params.dyad), since=params.since, until=params.until,
                              q=params.q, kind=params.type, article=params.article,
                              limit=params.limit, cursor=params.cursor)
    return _answer(request, params, page)


@router.get("/claims", tags=["claims"], responses=LIST_RESPONSES)
def list_claims(request: Request, params: Annotated[ClaimParams, Query()]) -> Response:
    """Figures claimed (value: nominal amount in `unit`), newest article first."""
    with connect(request) as conn:
        page = queries.claims(conn, metric=params.metric, status=params.status,
                              dyad=dyad(params.dyad),
                              speaker_ids=_ids_or_none(conn, params.speaker, params.speaker_id),
                              since=params.since, until=params.until, article=params.article,
                              limit=params.limit, cursor=params.cursor)
    return _answer(request, params, page)


@router.get("/events", tags=["events"], responses=LIST_RESPONSES)
def list_events(request: Request, params: Annotated[EventParams, Query()]) -> Response:
    """Events (not reports: one meeting reported by many articles is one event with many
    sources), latest day first."""
    with connect(request) as conn:
        page = queries.events(conn, dyad=dyad(params.dyad), type=params.type,
                              status=params.status,
                              actor_ids=_ids_or_none(conn, params.actor, params.actor_id),
                              since=params.since, until=params.until, limit=params.limit,
                              cursor=params.cursor)
    return _answer(request, params, page)


@router.get("/findings", tags=["findings"], responses=LIST_RESPONSES)
def list_findings(request: Request, params: Annotated[FindingParams, Query()]) -> Response:
    """Findings across articles: discrepancies between sources and progress to targets,
    each with every claim involved and where it was made."""
    found = knowledge_base(request).findings(dyad=dyad(params.dyad), since=params.since,
                                             until=params.until)
    needle = (params.q or "").casefold()
    found = [f for f in found if (params.metric is None or f.metric == params.metric)
             and (params.type is None or f.kind == params.type)
             and needle in f.detail.casefold()]
    items, after = offset_page(found, params.limit, params.cursor)
    return _answer(request, params, Page(items, after))


@router.get("/dyads", tags=["dyads"], responses=LIST_RESPONSES)
def list_dyads(request: Request, params: Annotated[DyadParams, Query()]) -> Response:
    """Pairs of countries with events or claims between them, most active first."""
    with connect(request) as conn:
        ranked = queries.dyad_activity(conn, country(params.country))
    items, after = offset_page(ranked, params.limit, params.cursor)
    return _answer(request, params, Page(items, after))


@router.get("/dyads/{a}/{b}", tags=["dyads"])
def get_dyad(request: Request, a: str, b: str,
             params: Annotated[DyadReportParams, Query()]) -> JSONResponse:
    """Everything about a pair of countries: the events timeline, the tone by month
    (mean Goldstein value), each metric's series with targets and progress, the latest
    quotes of each speaker, and findings. What the dyad page's charts draw."""
    pair = path_dyad(a, b)
    if params.since and params.until and params.since > params.until:
        raise ApiError(422, "since is after until")
    report = knowledge_base(request).dyad(*pair, since=params.since, until=params.until,
                                          quotes_per_speaker=params.quotes_per_speaker)
    return JSONResponse(report.to_dict())


def path_dyad(a: str, b: str) -> tuple[str, str]:
    """Two countries of a path (codes or names) as alpha-3 codes; 404 when either is
    not a country or both are the same."""
    from dragoman.errors import ConfigError
    from dragoman.store import parse_dyad
    try:
        pair = parse_dyad(a, b)
    except ConfigError as exc:
        raise ApiError(404, str(exc)) from None
    if pair[0] == pair[1]:
        raise ApiError(404, "a dyad is two different countries")
    return pair


@router.get("/status", tags=["status"], dependencies=NO_PARAMETERS)
def status(request: Request) -> JSONResponse:
    """Rows per table, when an article was last stored, whether writes are on, and the
    reports of the latest uploads to this server."""
    with connect(request) as conn:
        body = queries.ingest_status(conn)
    body["writes_enabled"] = request.app.state.web.writes_enabled
    body["uploads"] = list(request.app.state.uploads)
    return JSONResponse(body)
