"""Shared fixtures: the pipeline is loaded once per test session (it takes seconds)."""
from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
EXAMPLES = REPO / "examples"


@pytest.fixture(scope="session")
def extractor():
    """The full dragoman pipeline over the configured spaCy model."""
    from dragoman.extraction import Extractor
    return Extractor()


@pytest.fixture(scope="session")
def nlp(extractor):
    """The spaCy `Language` with dragoman's components."""
    return extractor.nlp


@pytest.fixture(scope="session")
def run(extractor):
    """run(text, date="2024-05-14") -> Extraction: extract one body text."""
    from dragoman.model import Article

    def _run(text: str, date: str | None = "2024-05-14"):
        return extractor.extract_article(Article(id="t", text=text, date=date))
    return _run


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """`../shared` beside the clone; tests that need it skip when it is absent."""
    if not (SHARED / "score" / "score.py").is_file():
        pytest.skip("../shared is not beside this clone")
    return SHARED
