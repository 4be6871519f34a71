"""dragoman: diplomatic and economic news turned into a record analysts can query and check."""
from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["__version__", "extract", "Extractor"]


def __getattr__(name: str):  # lazy: importing dragoman must not load spaCy
    if name in ("extract", "Extractor"):
        from dragoman import extraction as _extraction
        return getattr(_extraction, name)
    raise AttributeError(name)
