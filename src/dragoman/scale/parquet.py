"""Ingest into Parquet files instead of a database: one partition per batch.

Each batch of `batch_size` extracted articles is stored in a throw-away in-memory
knowledge base and exported from it with `dragoman export --format parquet`'s columns,
one file per table:

    DIR/claims/batch=000001/part-0.parquet
    DIR/claims/batch=000002/part-0.parquet
    DIR/quotes/batch=000001/part-0.parquet ...

so `pd.read_parquet("DIR/claims")`, `duckdb.sql("from 'DIR/claims/*/*.parquet'")` and
`spark.read.parquet("DIR/claims")` read one table over all batches, with the batch
number as a `batch` column (Hive-style folder names). Every row keeps its provenance
(`article_id`, `source_url`, `published`, `retrieved`, `extractor`). Row ids
(`entity_id`, `event_id`, `quote_id`, ...) and the resolution of entities and events
across articles are local to a batch: join on (`batch`, id); resolving across the
whole corpus is what an ingest into a database is for. A later run into the same
folder numbers its batches after the ones already there. Nothing is skipped as
already stored (there is no store to ask), only duplicates within one run.
"""
from __future__ import annotations

import os
import re
import shutil
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from dragoman.errors import ConfigError, ReadError
from dragoman.model import Article
from dragoman.store.ingest import DEFAULT_BATCH_SIZE, Ingest, IngestReport, Job
from dragoman.store.kb import KnowledgeBase

BATCH_DIR = re.compile(r"^batch=(\d+)$")
PART = "part-0.parquet"


def partition_path(out_dir: Path, table: str, batch: int) -> Path:
    """Where `table`'s file of batch number `batch` goes."""
    return out_dir / table / f"batch={batch:06d}" / PART


def last_batch(out_dir: Path) -> int:
    """The highest batch number already in `out_dir` (0 when none)."""
    numbers = [int(m.group(1)) for d in out_dir.glob("*/batch=*")
               if d.is_dir() and (m := BATCH_DIR.match(d.name))]
    return max(numbers, default=0)


class ParquetSink:
    """The writer of a Parquet ingest (see the module doc); the same `plan`, `write`,
    `fail` and `report` as `store.ingest.Ingest`, for `parallel.ParallelIngest`.
    partitions: the batch folders written, as (batch number, articles in it)."""

    def __init__(self, out_dir: str | Path, *, batch_size: int = DEFAULT_BATCH_SIZE,
                 on_progress: Callable[[IngestReport], None] | None = None) -> None:
        self.out_dir = Path(out_dir)
        try:
            self.out_dir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise ConfigError(f"cannot write Parquet files into {self.out_dir}: "
                              f"{exc.strerror or exc}; give another --parquet folder") from None
        self.batch_size = max(1, batch_size)
        self.on_progress = on_progress
        self.report = IngestReport()
        self.partitions: list[tuple[int, int]] = []
        self._next = last_batch(self.out_dir) + 1
        # An empty scratch database: planning then skips only duplicates within the run.
        self._scratch = KnowledgeBase("sqlite://")
        self._planner = Ingest(self._scratch.engine, on_progress=on_progress, report=self.report)

    def plan(self, items: Iterable[Article | ReadError], version: str) -> Iterator[Job]:
        return self._planner.plan(items, version)

    def fail(self, job: Job, reason: str) -> None:
        self._planner.fail(job, reason)

    def write(self, jobs: Iterable[Job]) -> IngestReport:
        """Write the extracted jobs, `batch_size` articles per partition, in order."""
        batch: list[Job] = []
        for job in jobs:
            if job.extraction is not None:
                batch.append(job)
            if len(batch) >= self.batch_size:
                self._write_partition(batch)
                batch = []
        if batch:
            self._write_partition(batch)
        return self.report

    def _write_partition(self, batch: list[Job]) -> None:
        from dragoman.export import export_tables
        stored_before = self.report.stored
        with KnowledgeBase("sqlite://") as kb:
            Ingest(kb.engine, batch_size=len(batch), on_progress=self.on_progress,
                   report=self.report).write(batch)
            stored = self.report.stored - stored_before
            if stored == 0:
                return
            number = self._next
            staging = self.out_dir / f".staging-{number:06d}"
            written = export_tables(kb.engine, staging, "parquet")
        for table, (path, _rows) in written.items():
            target = partition_path(self.out_dir, table, number)
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(path, target)
        shutil.rmtree(staging, ignore_errors=True)
        self.partitions.append((number, stored))
        self._next += 1

    def close(self) -> None:
        self._scratch.close()

    def __enter__(self) -> ParquetSink:
        return self

    def __exit__(self, *exc) -> None:
        self.close()
