"""The extractor keeps the garbage collector out of the way of its many short-lived objects."""
from __future__ import annotations

import gc

from dragoman.extraction import GC_YOUNG_THRESHOLD, relax_garbage_collector


def test_a_loaded_extractor_has_frozen_its_pipeline_and_raised_the_threshold(extractor):
    assert gc.get_freeze_count() > 10_000  # the model's objects, out of every scan
    assert gc.get_threshold()[0] >= GC_YOUNG_THRESHOLD


def test_relaxing_twice_changes_nothing_more(extractor):
    before = gc.get_threshold()
    relax_garbage_collector()
    assert gc.get_threshold() == before
