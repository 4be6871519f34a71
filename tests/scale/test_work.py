"""What a worker runs: one batch extracted, an article that cannot be extracted costing
only itself, and what the worker says about itself."""
from __future__ import annotations

import os
import socket

import pytest

from dragoman.config import load_settings
from dragoman.model import Article, Extraction
from dragoman.scale import work


@pytest.fixture
def worker(monkeypatch, extractor):
    """`work` with the session's extractor as the worker's (no second model load)."""
    monkeypatch.setattr(work, "worker_extractor", lambda settings: extractor)
    return work


def article(id: str, text: str) -> Article:
    return Article(id=id, text=text, date="2024-05-14", path=f"{id}.txt")


def test_a_batch_comes_back_in_order_with_a_reason_for_the_article_that_failed(worker):
    too_long = "Peru and Chile signed a trade accord. " * 30_000  # over nlp.max_length
    batch = [article("a1", "Chile and Peru signed a trade accord on Monday."),
             article("a2", too_long),
             article("a3", "Norway pledged $2 billion in aid to Ghana.")]
    result = worker.extract_batch(batch, load_settings())
    assert [type(r) for r in result.results] == [Extraction, str, Extraction]
    assert [r.article.id for r in result.results if isinstance(r, Extraction)] == ["a1", "a3"]
    assert "a2.txt" not in result.results[1]  # the writer names the source once


def test_a_worker_names_itself_and_its_peak_memory(worker):
    result = worker.extract_batch([article("a1", "Chile and Peru met.")], load_settings())
    assert result.worker == f"{socket.gethostname()}:{os.getpid()}"
    assert 10 < result.peak_rss_mb < 10_000
