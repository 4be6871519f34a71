"""Scale: extraction on several cores (`parallel.py`) or several machines (`cluster.py`).

Workers extract (`work.py`: the pipeline loaded once per worker process); the process
that reads the inputs plans, and alone writes, in input order: into the knowledge base
through `store.ingest.Ingest`, or into Parquet files per batch (`parquet.ParquetSink`).
So an ingest on N workers stores the same rows as one in a single process. (This package
does not import the store: worker processes start before it is loaded.)
"""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from dragoman.config import Settings
from dragoman.errors import ConfigError
from dragoman.scale.parallel import (
    DEFAULT_CHUNK,
    Backend,
    InlineBackend,
    ParallelIngest,
    ProcessBackend,
    WorkerStats,
)


@contextmanager
def open_backend(settings: Settings, *, jobs: int = 1, dask: str | None = None) -> Iterator[Backend]:
    """The backend for `--jobs N` (N local worker processes; 1: this process) or
    `--dask ADDRESS` (a scheduler address, or "local:N"). Raises ConfigError for both."""
    if dask and jobs > 1:
        raise ConfigError("give --jobs or --dask, not both (--dask local:N runs N local workers)")
    if dask:
        from dragoman.scale.cluster import DaskBackend, dask_client
        with dask_client(dask) as client:
            yield DaskBackend(client, settings)
    elif jobs > 1:
        with ProcessBackend(jobs, settings) as backend:
            yield backend
    else:
        yield InlineBackend(settings)


__all__ = ["DEFAULT_CHUNK", "Backend", "InlineBackend", "ParallelIngest", "ProcessBackend",
           "WorkerStats", "open_backend"]
