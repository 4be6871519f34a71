"""Run the speed and memory benchmark: `python benchmarks/bench.py [N]` (same as `dragoman bench`)."""
from __future__ import annotations

import json
import sys
from pathlib import Path

from dragoman.bench import run_bench
from dragoman.config import load_settings

if __name__ == "__main__":
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    examples = Path(__file__).resolve().parents[1] / "examples"
    result = run_bench(load_settings(), n, examples)
    print(json.dumps(result.to_dict(), indent=1))
