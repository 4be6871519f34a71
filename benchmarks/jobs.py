"""How `dragoman ingest --jobs N` scales: wall time of whole commands, measured in one run.

    python -m benchmarks.jobs [--articles 1000] [--jobs 1,2] [--repeat 2] [--json]

Writes a generated corpus (the same generator as `dragoman bench`) to one JSON Lines
file, then runs `dragoman ingest FILE --jobs N --db NEW.sqlite` for each N, taking turns
(1, 2, 2, 1, ... with --repeat 2) so that whatever else the machine does weighs on every
N alike. Times are whole commands: starting Python, loading the model in every worker,
reading, extracting and writing. Prints seconds per run, articles/s (best run per N) and
the speed-up of each N over the first.
"""
from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from dragoman.corpus import generate

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def write_corpus(n: int, path: Path) -> None:
    with path.open("w", encoding="utf-8") as out:
        for article in generate(n, EXAMPLES):
            out.write(json.dumps({"id": article.id, "text": article.text,
                                  "date": article.date}) + "\n")


def ingest_seconds(corpus: Path, jobs: int, workdir: Path) -> float:
    """Wall time of one `dragoman ingest` into a new SQLite file; raises when it fails."""
    db = workdir / f"jobs{jobs}-{time.monotonic_ns()}.sqlite"
    # the console script beside this interpreter (a venv's bin/), else the one on PATH
    beside = Path(sys.executable).with_name("dragoman")
    command = [str(beside) if beside.exists() else shutil.which("dragoman") or "dragoman",
               "ingest", str(corpus), "--db", str(db), "--jobs", str(jobs)]
    t0 = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True)
    seconds = time.perf_counter() - t0
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} exited {done.returncode}: {done.stderr[-500:]}")
    db.unlink()
    return seconds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--jobs", default="1,2", help="comma-separated worker counts")
    parser.add_argument("--repeat", type=int, default=2, help="runs per worker count")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    counts = [int(j) for j in args.jobs.split(",")]
    runs: dict[int, list[float]] = {j: [] for j in counts}
    with tempfile.TemporaryDirectory(prefix="dragoman-jobs-") as tmp:
        workdir = Path(tmp)
        corpus = workdir / "corpus.jsonl"
        write_corpus(args.articles, corpus)
        for r in range(args.repeat):  # 1, 2, then 2, 1: neither always first
            for jobs in (counts if r % 2 == 0 else counts[::-1]):
                runs[jobs].append(ingest_seconds(corpus, jobs, workdir))
                print(f"jobs {jobs}: {runs[jobs][-1]:.1f} s", file=sys.stderr)
    best = {j: min(t) for j, t in runs.items()}
    report = {"articles": args.articles, "seconds": runs,
              "articles_per_s": {j: round(args.articles / t, 2) for j, t in best.items()},
              "speedup": {j: round(best[counts[0]] / t, 3) for j, t in best.items()}}
    if args.json:
        print(json.dumps(report, indent=1))
    else:
        for j in counts:
            print(f"--jobs {j}: best {best[j]:.1f} s of {len(runs[j])} "
                  f"({report['articles_per_s'][j]} articles/s), "
                  f"speed-up over --jobs {counts[0]}: {report['speedup'][j]:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
