"""One exception hierarchy for everything dragoman reports to a user.

Every error a user can cause names the input (file and, where it helps, line)
and says what to do, so the CLI can print it on one line without a traceback.
"""
from __future__ import annotations


class DragomanError(Exception):
    """Base of all errors dragoman raises on purpose."""


class ConfigError(DragomanError):
    """A setting is missing or invalid (model name, size limit, database URL)."""


class ReadError(DragomanError):
    """An input could not be read as an article.

    source: the file path (or "<stdin>"); line: 1-based line number inside it,
    when the problem is on one line (JSON Lines, CSV); message: what is wrong
    and what to do about it.
    """

    def __init__(self, source: str, message: str, line: int | None = None) -> None:
        self.source = source
        self.line = line
        self.message = message
        super().__init__(str(self))

    def __str__(self) -> str:
        where = self.source if self.line is None else f"{self.source}:{self.line}"
        return f"{where}: {self.message}"


class ModelError(DragomanError):
    """The spaCy model named in the settings cannot be loaded."""
