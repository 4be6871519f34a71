"""Settings of the HTTP API and dashboard, from the environment.

DRAGOMAN_API_TOKEN: the token that allows writes (POST /articles); with none set,
writes are off. DRAGOMAN_API_PROTECT_READS ("1", "true", "yes", "on"): reads need the
token too (the API by `Authorization: Bearer`, pages by the cookie `/login` sets).
DRAGOMAN_API_MAX_UPLOAD: largest request body POST /articles accepts, in bytes.
"""
from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from dragoman.config import Settings, load_settings
from dragoman.errors import ConfigError

DEFAULT_MAX_UPLOAD = 2 * 1024 * 1024
TRUE = frozenset({"1", "true", "yes", "on"})
FALSE = frozenset({"", "0", "false", "no", "off"})


@dataclass(frozen=True)
class WebSettings:
    """token: the API token (None: writes off); protect_reads: reads need the token too;
    max_upload: largest POST body in bytes; core: the library settings (model, database)."""

    token: str | None = None
    protect_reads: bool = False
    max_upload: int = DEFAULT_MAX_UPLOAD
    core: Settings = field(default_factory=load_settings)

    @property
    def writes_enabled(self) -> bool:
        return bool(self.token)

    def with_overrides(self, **values: Any) -> WebSettings:
        return replace(self, **{k: v for k, v in values.items() if v is not None})


def _flag(name: str, raw: str) -> bool:
    value = raw.strip().lower()
    if value in TRUE:
        return True
    if value in FALSE:
        return False
    raise ConfigError(f"{name} must be one of 1/0, true/false, yes/no, on/off; got {raw!r}")


def _bytes(name: str, raw: str) -> int:
    try:
        value = int(raw)
    except ValueError:
        raise ConfigError(f"{name} must be a whole number of bytes, got {raw!r}") from None
    if value <= 0:
        raise ConfigError(f"{name} must be positive, got {value}")
    return value


def web_settings(env: Mapping[str, str] | None = None, core: Settings | None = None) -> WebSettings:
    """The web settings from `env` (default the process environment) over `core`
    (default `load_settings()`)."""
    env = os.environ if env is None else env
    token = env.get("DRAGOMAN_API_TOKEN") or None
    protect = _flag("DRAGOMAN_API_PROTECT_READS", env.get("DRAGOMAN_API_PROTECT_READS", ""))
    upload = env.get("DRAGOMAN_API_MAX_UPLOAD")
    return WebSettings(token=token.strip() if token else None, protect_reads=protect,
                       max_upload=_bytes("DRAGOMAN_API_MAX_UPLOAD", upload) if upload
                       else DEFAULT_MAX_UPLOAD,
                       core=core or load_settings())
