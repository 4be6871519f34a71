"""`python -m benchmarks.jobs`: whole `dragoman ingest --jobs N` commands, timed in turns."""
from __future__ import annotations

import json

from benchmarks import jobs


def test_jobs_benchmark_times_each_worker_count_and_reports_speedups(capsys):
    assert jobs.main(["--articles", "10", "--jobs", "1,2", "--repeat", "1", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["articles"] == 10
    assert [len(report["seconds"][k]) for k in ("1", "2")] == [1, 1]
    assert all(s > 0 for runs in report["seconds"].values() for s in runs)
    assert report["speedup"]["1"] == 1.0 and report["speedup"]["2"] > 0
