"""One error shape for every failure the API reports.

    {"error": {"status": 400, "code": "unknown_parameter",
               "message": "unknown query parameter 'colour'",
               "details": [{"location": "query.colour", "message": "..."}]}}

`status` repeats the HTTP status; `code` is a stable word a client can branch on;
`message` is a sentence for people; `details` lists each problem of a request that
failed validation. Pages render the same fields as HTML (`templates/error.html`).
"""
from __future__ import annotations

import logging
from typing import Any

from fastapi import Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel
from starlette.exceptions import HTTPException as StarletteHTTPException

from dragoman.errors import DragomanError

log = logging.getLogger(__name__)

CODES = {400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found",
         405: "method_not_allowed", 406: "not_acceptable", 413: "too_large",
         415: "unsupported_media_type", 422: "invalid", 500: "internal_error"}


class ApiError(Exception):
    """An error to report to the client: HTTP status, a stable code, a sentence."""

    def __init__(self, status: int, message: str, code: str | None = None,
                 details: list[dict[str, str]] | None = None,
                 headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.code = code or CODES.get(status, "error")
        self.message = message
        self.details = details or []
        self.headers = headers or {}

    def body(self) -> dict[str, Any]:
        return {"error": {"status": self.status, "code": self.code, "message": self.message,
                          "details": self.details}}


class ErrorDetail(BaseModel):
    location: str
    message: str


class ErrorBody(BaseModel):
    """The error object: see the module docstring."""

    status: int
    code: str
    message: str
    details: list[ErrorDetail] = []


class ErrorResponse(BaseModel):
    """What every failed API request answers."""

    error: ErrorBody


ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    status: {"model": ErrorResponse, "description": CODES[status].replace("_", " ")}
    for status in (400, 401, 403, 404, 422)}


def _location(loc: tuple | list) -> str:
    return ".".join(str(part) for part in loc)


def validation_error(exc: RequestValidationError) -> ApiError:
    """A validation failure as an ApiError: 400 for unknown parameters, else 422."""
    details, unknown = [], []
    for err in exc.errors():
        loc = _location(err.get("loc", ()))
        if err.get("type") == "extra_forbidden":
            unknown.append(str(err["loc"][-1]))
            details.append({"location": loc, "message": "unknown parameter"})
        else:
            details.append({"location": loc, "message": str(err.get("msg", "invalid"))})
    if unknown:
        names = ", ".join(repr(u) for u in unknown)
        return ApiError(400, f"unknown query parameter {names}; see /docs for the parameters "
                             f"of this endpoint", "unknown_parameter", details)
    return ApiError(422, "the request is not valid: " + "; ".join(
        f"{d['location']}: {d['message']}" for d in details), "invalid", details)


def http_error(exc: StarletteHTTPException) -> ApiError:
    messages = {404: "no such resource", 405: "method not allowed here"}
    detail = exc.detail if isinstance(exc.detail, str) and exc.detail not in (
        "Not Found", "Method Not Allowed") else messages.get(exc.status_code, str(exc.detail))
    return ApiError(exc.status_code, detail, headers=dict(exc.headers or {}))


def as_api_error(exc: Exception) -> ApiError:
    """Any exception as the ApiError to answer with (unexpected ones as a 500)."""
    if isinstance(exc, ApiError):
        return exc
    if isinstance(exc, RequestValidationError):
        return validation_error(exc)
    if isinstance(exc, StarletteHTTPException):
        return http_error(exc)
    if isinstance(exc, DragomanError):
        return ApiError(400, str(exc))
    log.exception("unexpected error", exc_info=exc)
    return ApiError(500, "internal error; the server log has the details")


def json_error(error: ApiError) -> Response:
    return JSONResponse(error.body(), status_code=error.status, headers=error.headers)


def wants_html(request: Request) -> bool:
    """Is the request a page's (answered with an HTML error page) rather than the API's?"""
    route = request.scope.get("route")
    if route is not None:
        return bool(getattr(route, "include_in_schema", True) is False
                    and request.url.path not in ("/openapi.json",))
    accept = request.headers.get("accept", "")
    return "text/html" in accept
