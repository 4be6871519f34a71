"""Quality gate: extraction scored against gold files, with pinned F1 floors per part.

The floors live in `quality_floors.json`; they only ever go up. The seed's gold comes
from `../shared` and is skipped when that folder is absent; the team's examples are
always there.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from dragoman.evaluation import evaluate_paths
from dragoman.read import read_inputs

HERE = Path(__file__).resolve().parent
FLOORS = json.loads((HERE / "quality_floors.json").read_text(encoding="utf-8"))
GOLD_SETS = {
    "examples": [HERE.parent / "examples"],
    "seed": [HERE.parent.parent / "shared" / "gold" / "seed.gold.json"],
}


@pytest.fixture(scope="module")
def reports(extractor):
    def extract_file(path: Path) -> dict:
        (article,) = [a for a in read_inputs([str(path)])]
        return extractor.extract_article(article).to_dict()

    out = {}
    for name, paths in GOLD_SETS.items():
        if all(p.exists() for p in paths):
            out[name] = evaluate_paths(paths, extract_file)
    return out


@pytest.mark.parametrize("gold_set, part", [(s, p) for s, parts in FLOORS.items()
                                            if not s.startswith("_") for p in parts])
def test_f1_floor(reports, gold_set, part):
    if gold_set not in reports:
        pytest.skip(f"gold set {gold_set} is not available here")
    floor = FLOORS[gold_set][part]
    f1 = reports[gold_set].f1(part)
    assert f1 >= floor, f"{gold_set}: {part} F1 {f1:.3f} fell below its floor {floor}"
