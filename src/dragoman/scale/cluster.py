"""Extraction on a Dask distributed cluster; storing stays in the client process.

    with dask_client("tcp://10.0.0.5:8786") as client:      # or "local:4"
        backend = DaskBackend(client, settings)
        report = ParallelIngest(backend).run(Ingest(kb.engine), read_inputs(paths))

The client reads the inputs and plans (skipping stored articles), sends batches of
articles to the workers as tasks (`work.extract_batch`), and writes the results in
input order into the knowledge base (SQLite or PostgreSQL) or Parquet files. Workers
need dragoman and the spaCy model installed, never the input files or the database.
Each worker process loads the pipeline once (`work.worker_extractor`); run workers
with one thread each (`dask worker ADDRESS --nthreads 1 --nworkers N`): the pipeline
uses one core and is not meant to be shared by threads.
"""
from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from dragoman.config import Settings
from dragoman.errors import ConfigError
from dragoman.model import Article
from dragoman.scale.work import extract_batch, load_extractor

if TYPE_CHECKING:
    from distributed import Client, Future

LOCAL = "local:"
CONNECT_TIMEOUT = "20s"


def local_workers(address: str) -> int | None:
    """N of "local:N" (a LocalCluster of N worker processes on this machine), None for
    a scheduler address. Raises ConfigError for "local:" without a positive number."""
    if not address.startswith(LOCAL):
        return None
    count = address[len(LOCAL):]
    if not count.isdigit() or int(count) < 1:
        raise ConfigError(f"--dask {address!r}: write local:N with N >= 1 worker processes, "
                          f"or a scheduler address such as tcp://10.0.0.5:8786")
    return int(count)


@contextmanager
def dask_client(address: str, *, timeout: str = CONNECT_TIMEOUT) -> Iterator[Client]:
    """A client of the scheduler at `address`, or of a LocalCluster for "local:N"
    (N worker processes of one thread each, closed on exit). Raises ConfigError when
    the scheduler cannot be reached within `timeout` (a Dask duration: "20s")."""
    from distributed import Client, LocalCluster
    count = local_workers(address)
    if count is not None:
        # ":0": the scheduler's HTTP server on a free port, not 8787 (another cluster's).
        with LocalCluster(n_workers=count, threads_per_worker=1, processes=True,
                          dashboard_address=":0", silence_logs=logging.ERROR) as cluster, \
                Client(cluster) as client:
            yield client
        return
    try:
        client = Client(address, timeout=timeout)
    except (OSError, TimeoutError, ValueError) as exc:
        raise ConfigError(f"cannot reach the Dask scheduler at {address!r} ({exc}); start one "
                          f"with `dask scheduler` and workers with `dask worker ADDRESS`") from None
    with client:
        yield client


class DaskBackend:
    """Batches extracted as Dask tasks on the client's workers (see `parallel.Backend`)."""

    def __init__(self, client: Client, settings: Settings) -> None:
        self.client = client
        self.settings = settings
        # Warm-up tasks sent now: the workers load their pipelines while the client
        # opens the knowledge base.
        self._warm_up: dict[str, Future] = {}
        self._load_on(list(client.nthreads()))

    @property
    def workers(self) -> int:
        """Tasks the cluster runs at once: its worker threads (at least 1)."""
        return max(1, sum(self.client.nthreads().values()))

    def _load_on(self, workers: list[str]) -> None:
        # allow_other_workers: a worker that leaves must not leave its warm-up hanging.
        for worker in workers:
            if worker not in self._warm_up:
                self._warm_up[worker] = self.client.submit(
                    load_extractor, self.settings, workers=[worker], allow_other_workers=True,
                    pure=False)

    def version(self) -> str:
        """The workers' extractor version, once their pipelines are loaded. Raises
        ConfigError when the cluster has no workers or they run different extractors."""
        try:  # workers started with the scheduler may still be registering
            self.client.wait_for_workers(1, timeout=CONNECT_TIMEOUT)
        except TimeoutError:
            pass
        self._load_on(list(self.client.nthreads()))
        if not self._warm_up:
            raise ConfigError("the Dask cluster has no workers: start some with "
                              "`dask worker SCHEDULER_ADDRESS --nthreads 1`")
        versions = set(self.client.gather(list(self._warm_up.values())))
        if len(versions) > 1:
            raise ConfigError(f"the Dask workers run different extractors "
                              f"({'; '.join(sorted(versions))}): install the same dragoman "
                              f"and model on every worker")
        return versions.pop()

    def submit(self, articles: list[Article]) -> Future:
        return self.client.submit(extract_batch, articles, self.settings, pure=False)
