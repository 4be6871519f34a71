"""Ingest on a Dask cluster: a LocalCluster of two worker processes on this machine
stores the same rows as a single-process ingest, into SQLite, PostgreSQL or Parquet."""
from __future__ import annotations

import socket

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from dragoman.cli import app
from dragoman.config import load_settings
from dragoman.errors import ConfigError
from dragoman.read import read_inputs
from dragoman.scale import ParallelIngest
from dragoman.scale.cluster import DaskBackend, dask_client, local_workers
from dragoman.scale.parquet import partition_path
from dragoman.store import KnowledgeBase
from dragoman.store.ingest import Ingest

from .rows import facts

# Tables with rows of one article each: their totals over Parquet batches are the
# knowledge base's (entities and events are resolved within a batch, so they may differ).
PER_ARTICLE = ("articles", "mentions", "quotes", "claims", "event_reports", "sectors",
               "findings", "article_countries")


@pytest.fixture(scope="module")
def client():
    """A client of a LocalCluster: 2 worker processes of one thread each."""
    with dask_client("local:2") as dask:
        yield dask


@pytest.mark.parametrize("address, workers", [
    ("local:2", 2), ("local:16", 16), ("tcp://10.0.0.5:8786", None), ("10.0.0.5:8786", None),
])
def test_local_n_names_a_cluster_on_this_machine(address, workers):
    assert local_workers(address) == workers


@pytest.mark.parametrize("address", ["local:", "local:0", "local:two", "local:-1"])
def test_local_without_a_positive_number_is_a_configuration_error(address):
    with pytest.raises(ConfigError, match="local:N with N >= 1"):
        local_workers(address)


def test_an_unreachable_scheduler_is_a_configuration_error():
    with socket.socket() as probe:  # a port that nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(ConfigError, match="cannot reach the Dask scheduler"):
        with dask_client(f"tcp://127.0.0.1:{port}", timeout="1s"):
            pass


@pytest.mark.parametrize("args", [
    ["--jobs", "2", "--dask", "local:2"],
    ["--parquet", "out", "--db", "kb.db"],
])
def test_conflicting_options_are_a_usage_error(args, corpus):
    result = CliRunner().invoke(app, ["ingest", str(corpus[0]), *args])
    assert result.exit_code == 2
    assert "not both" in result.output


def test_two_workers_store_the_same_rows_as_one_process(client, corpus, reference, kb_url):
    items = [str(p) for p in corpus]
    with KnowledgeBase(kb_url) as kb:
        backend = DaskBackend(client, load_settings())
        report = ParallelIngest(backend).run(Ingest(kb.engine), read_inputs(items))
        assert (report.stored, report.failed) == (len(corpus), [])
        assert (kb.counts(), facts(kb.engine)) == reference

        again = ParallelIngest(backend)
        report = again.run(Ingest(kb.engine), read_inputs(items))
    assert (report.skipped, report.stored) == (len(corpus), 0)
    assert again.stats.sent == 0


def test_parquet_partitions_have_the_export_columns_and_every_row(client, corpus, reference,
                                                                  tmp_path):
    """`dragoman ingest --dask ADDRESS --parquet DIR`: one file per table and batch, with
    the columns of `dragoman export --format parquet`."""
    from dragoman.export import views
    out = tmp_path / "parquet"
    result = CliRunner().invoke(app, ["ingest", *map(str, corpus), "--parquet", str(out),
                                      "--dask", client.scheduler.address, "--batch-size", "4"])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(f"read {len(corpus)}, stored {len(corpus)}, ")
    batches = range(1, (len(corpus) + 3) // 4 + 1)
    counts, _ = reference
    for name, view in views().items():
        files = [partition_path(out, name, b) for b in batches]
        schemas = [pq.read_schema(f) for f in files]
        assert all(s.names == [c for c, _ in view.columns] for s in schemas), name
        if name in PER_ARTICLE:
            assert sum(pq.read_metadata(f).num_rows for f in files) == counts[name], name
