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
    "heldout": [HERE / "data" / "heldout"],
    "blind2": [HERE / "data" / "blind2"],
    "blind3": [HERE / "data" / "blind3"],
    "blind4": [HERE / "data" / "blind4"],
    "blind5": [HERE / "data" / "blind5"],
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


def test_eval_agrees_with_the_reference_scorer_on_the_seed(extractor, shared_dir, tmp_path):
    """`dragoman eval` and `shared/score/score.py` give the same scores on real output."""
    import subprocess
    import sys

    from dragoman.evaluation import score_article

    gold_path = shared_dir / "gold" / "seed.gold.json"
    (article,) = list(read_inputs([str(shared_dir / "seeds" / "000_760a91fd4c32f78c.txt")]))
    output = extractor.extract_article(article).to_dict()
    out_path = tmp_path / "seed.json"
    out_path.write_text(json.dumps(output), encoding="utf-8")
    stdout = subprocess.run(
        [sys.executable, str(shared_dir / "score" / "score.py"), str(out_path), str(gold_path), "--json"],
        check=True, capture_output=True, text=True).stdout
    ref = json.loads(stdout[:stdout.rindex("}") + 1])  # a "macro F1" line follows the JSON
    ours = score_article(output, json.loads(gold_path.read_text(encoding="utf-8")))
    for part, values in ref.items():
        assert ours.f1(part) == pytest.approx(values["f1"]), part
