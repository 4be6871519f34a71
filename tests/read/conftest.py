"""Fixtures for the reader tests: the folder of small synthetic input files."""
from __future__ import annotations

from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parent.parent / "data" / "read"


@pytest.fixture
def data_dir() -> Path:
    """tests/data/read: one small synthetic file per format."""
    return DATA
