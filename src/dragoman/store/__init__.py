"""The knowledge base: articles and their facts, remembered across articles.

SQLAlchemy 2 tables (`schema.py`) with Alembic migrations shipped in the package
(`migrations/`), an embedded SQLite file by default or PostgreSQL by URL (`db.py`),
idempotent batched ingest (`ingest.py`, `writer.py`), cross-article resolution of
entities (`resolve.py`) and events (`events.py`), and the questions it answers
(`queries.py`, returning `records.py` dataclasses). `KnowledgeBase` (`kb.py`) is the
entry point.
"""
from __future__ import annotations

from dragoman.store.db import database_url, default_db_path
from dragoman.store.ingest import Failure, IngestReport
from dragoman.store.kb import KnowledgeBase, country_code, parse_dyad

__all__ = ["Failure", "IngestReport", "KnowledgeBase", "country_code", "database_url",
           "default_db_path", "parse_dyad"]
