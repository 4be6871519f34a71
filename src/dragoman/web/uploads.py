"""POST /articles: ingest an article sent as JSON, as plain text or as a file upload.

    curl -H "Authorization: Bearer $DRAGOMAN_API_TOKEN" -H "Content-Type: application/json" \
         -d '{"text": "...", "date": "2024-05-14", "title": "..."}' http://127.0.0.1:8000/articles
    curl -H "Authorization: Bearer $DRAGOMAN_API_TOKEN" -F file=@article.txt \
         http://127.0.0.1:8000/articles

Plain text is read like a `.txt` file (date header, title line); an uploaded file by
its name and content like `dragoman ingest` reads it (text, Markdown, HTML, JSON
Lines, CSV, feeds). The body is read up to `max_upload` bytes, then refused (413).
Writes need the token (`auth.require_write`). The extractor (the spaCy pipeline) is
loaded on the first upload and kept by the app.
"""
from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable
from typing import Any
from urllib.parse import quote

from fastapi import APIRouter, Depends, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field, ValidationError
from starlette.datastructures import UploadFile
from starlette.requests import Request as StarletteRequest

from dragoman.errors import ReadError
from dragoman.model import Article
from dragoman.web.auth import require_write
from dragoman.web.errors import ERROR_RESPONSES, ApiError

router = APIRouter()


class ArticleIn(BaseModel):
    """An article sent as JSON. text: the body; date: publication date, which relative
    dates in the text are resolved against; id: default `upload-` and a hash of the text."""

    model_config = ConfigDict(extra="forbid")

    text: str = Field(min_length=1)
    date: dt.date | None = None
    id: str | None = Field(None, max_length=200)
    title: str | None = None
    source: str | None = None
    url: str | None = None


_BODY = {
    "required": True,
    "content": {
        "application/json": {"schema": ArticleIn.model_json_schema()},
        "text/plain": {"schema": {"type": "string"}},
        "multipart/form-data": {"schema": {
            "type": "object", "required": ["file"],
            "properties": {"file": {"type": "string", "format": "binary"}}}},
    },
}


async def read_body(request: Request, limit: int) -> bytes:
    """The request body, refused with 413 as soon as it passes `limit` bytes."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise _too_large(limit)
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise _too_large(limit)
        chunks.append(chunk)
    return b"".join(chunks)


def _too_large(limit: int) -> ApiError:
    return ApiError(413, f"the upload is larger than this server accepts ({limit} bytes; "
                         f"DRAGOMAN_API_MAX_UPLOAD sets it)")


def _upload_id(text: str) -> str:
    return "upload-" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


async def articles_in(request: Request, body: bytes) -> list[Article | ReadError]:
    """The articles a POST body holds, by its content type."""
    media = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if media == "application/json":
        try:
            sent = ArticleIn.model_validate_json(body)
        except ValidationError as exc:
            details = [{"location": ".".join(["body", *map(str, e["loc"])]), "message": e["msg"]}
                       for e in exc.errors()]
            raise ApiError(422, "the JSON body is not an article: " + "; ".join(
                f"{d['location']}: {d['message']}" for d in details), "invalid", details) from None
        return [Article(id=sent.id or _upload_id(sent.text), text=sent.text,
                        date=sent.date.isoformat() if sent.date else None, title=sent.title,
                        source=sent.source, url=sent.url)]
    if media == "text/plain":
        from dragoman.read import read_bytes
        text = body.decode("utf-8", errors="replace")
        return list(read_bytes(body, name="<upload>", fmt="text", stem=_upload_id(text)))
    if media == "multipart/form-data":
        return await _form_articles(request, body)
    raise ApiError(415, "send the article as application/json, text/plain, or a file in "
                        "multipart/form-data (field `file`)")


async def _form_articles(request: Request, body: bytes) -> list[Article | ReadError]:
    from dragoman.read import read_bytes

    async def replay() -> dict[str, Any]:
        return {"type": "http.request", "body": body, "more_body": False}

    form = await StarletteRequest(request.scope, replay).form(max_files=1, max_fields=4)
    upload = form.get("file")
    if not isinstance(upload, UploadFile):
        raise ApiError(422, "the form has no file in the field `file`", "invalid",
                       [{"location": "body.file", "message": "field required"}])
    data = await upload.read()
    name = upload.filename or "upload"
    return list(read_bytes(data, name=name, path=None))


def _ingest(request: Request, items: Iterable[Article | ReadError]) -> dict[str, Any]:
    """Extract and store (in a worker thread; one upload extracts at a time)."""
    state = request.app.state
    with state.extractor_lock:
        if state.extractor is None:
            state.extractor = state.make_extractor()
        report = state.kb.ingest(items, state.extractor)
    return report.to_dict()


@router.post("/articles", tags=["articles"], status_code=201,
             dependencies=[Depends(require_write)], openapi_extra={"requestBody": _BODY},
             responses={**ERROR_RESPONSES, 413: ERROR_RESPONSES[400] | {"description": "too large"},
                        200: {"description": "already stored: nothing new"}})
async def post_article(request: Request) -> JSONResponse:
    """Ingest one article (or the records of one uploaded file). Needs the API token.
    Answers the ingest report and links to what was stored: 201 when something was
    stored or updated, 200 when everything was already there, 422 when nothing could
    be read."""
    body = await read_body(request, request.app.state.web.max_upload)
    items = await articles_in(request, body)
    if items and all(isinstance(i, ReadError) for i in items):
        message = "; ".join(str(i) for i in items)
        raise ApiError(422, f"nothing could be read: {message}", "unreadable")
    report = await run_in_threadpool(_ingest, request, items)
    report["articles"] = [{"id": i.id, "api": f"/articles/{quote(i.id)}",
                           "page": f"/article/{quote(i.id)}"}
                          for i in items if isinstance(i, Article)]
    request.app.state.uploads.appendleft(
        {"at": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"), **report})
    if report["stored"] or report["updated"]:
        return JSONResponse(report, status_code=201)
    if report["failed"] and not report["skipped"]:
        details = [{"location": f["source"], "message": f["reason"]} for f in report["failures"]]
        raise ApiError(422, "nothing could be stored: " + "; ".join(
            f"{d['location']}: {d['message']}" for d in details), "not_stored", details)
    return JSONResponse(report, status_code=200)
