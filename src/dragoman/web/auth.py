"""Who may read and who may write.

Writes (POST /articles) need the token of DRAGOMAN_API_TOKEN in an
`Authorization: Bearer TOKEN` header; with no token configured, writes are off
(403). Reads are public unless `protect_reads` is set; then the API needs the same
header and pages the `dragoman_token` cookie that `/login` sets (HttpOnly,
SameSite=Strict). Tokens are compared in constant time (`hmac.compare_digest`).
A cookie never allows a write, so a page on another site cannot make one.
"""
from __future__ import annotations

import hmac

from fastapi import Request

from dragoman.web.errors import ApiError
from dragoman.web.settings import WebSettings

COOKIE = "dragoman_token"
CHALLENGE = {"WWW-Authenticate": 'Bearer realm="dragoman"'}


def same_token(given: str | None, expected: str | None) -> bool:
    """Does `given` equal the configured token? False when either is missing."""
    if not given or not expected:
        return False
    return hmac.compare_digest(given.encode("utf-8"), expected.encode("utf-8"))


def bearer(request: Request) -> str | None:
    """The token of an `Authorization: Bearer TOKEN` header, if any."""
    scheme, _, value = request.headers.get("authorization", "").partition(" ")
    return value.strip() if scheme.lower() == "bearer" and value.strip() else None


def settings_of(request: Request) -> WebSettings:
    return request.app.state.web


def require_write(request: Request) -> None:
    """Dependency of write endpoints: 403 when writes are off, 401 without the token."""
    settings = settings_of(request)
    if not settings.writes_enabled:
        raise ApiError(403, "writes are off: the server has no DRAGOMAN_API_TOKEN set",
                       "writes_disabled")
    if not same_token(bearer(request), settings.token):
        raise ApiError(401, "this endpoint needs the API token in an "
                            "'Authorization: Bearer TOKEN' header", headers=CHALLENGE)


def may_read(request: Request) -> bool:
    """May this request read? Always, unless reads are protected; then only with the
    token in the header or the login cookie."""
    settings = settings_of(request)
    if not settings.protect_reads:
        return True
    return same_token(bearer(request), settings.token) or same_token(
        request.cookies.get(COOKIE), settings.token)


def require_read(request: Request) -> None:
    """Dependency of read endpoints: 401 when reads are protected and no token is given."""
    if not may_read(request):
        raise ApiError(401, "reads are protected on this server: send the API token in an "
                            "'Authorization: Bearer TOKEN' header", headers=CHALLENGE)
