"""The writer of a parallel ingest leaves the language model to its workers: importing
what it runs must not import spaCy (a second or more of a core the workers need)."""
from __future__ import annotations

import subprocess
import sys


def test_the_writer_side_imports_no_spacy():
    code = ("import sys, dragoman.scale.parallel, dragoman.store.ingest, dragoman.store.kb, "
            "dragoman.read, dragoman.scale.parquet; "
            "print(sorted(m for m in ('spacy', 'thinc') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
