"""The PETR-2 peer benchmark (benchmarks/petrarch.py): reading the file, pairing actors, scoring."""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

_PATH = Path(__file__).resolve().parents[1] / "benchmarks" / "petrarch.py"
_spec = importlib.util.spec_from_file_location("petrarch_benchmark", _PATH)
petrarch = importlib.util.module_from_spec(_spec)
sys.modules[_spec.name] = petrarch  # dataclasses look their module up there
_spec.loader.exec_module(petrarch)

ENTITIES = {
    "E1": {"id": "E1", "kind": "country", "code": "USA"},
    "E2": {"id": "E2", "kind": "country", "code": "RUS"},
    "E3": {"id": "E3", "kind": "place", "country": "CHE"},
    "E4": {"id": "E4", "kind": "person", "country": "IRN"},
    "E5": {"id": "E5", "kind": "organization", "country": None},
}


@pytest.mark.parametrize("event, pairs", [
    ({"source": ["E1"], "target": ["E2"]}, {("USA", "RUS")}),
    ({"source": ["E1"], "target": [], "location": "E3"}, {("USA", "CHE")}),        # place as target
    ({"source": ["E1", "E2"], "target": []}, {("USA", "RUS"), ("RUS", "USA")}),  # "X and Y met"
    ({"source": ["E5"], "target": ["E4"]}, {("IGO", "IRN")}),                    # an organisation
    ({"source": [], "target": ["E4"]}, {("---", "IRN")}),                        # unknown source
])
def test_event_pairs(event, pairs):
    assert petrarch.event_pairs(event, ENTITIES) == pairs


def test_score_record_counts_reproduced_root_only_and_extra():
    record = petrarch.Record("X", "2015-06-09", "text", [
        petrarch.Coding("040", "04", "USA", "RUS"), petrarch.Coding("190", "19", "---", "IRN")])
    extraction = {"entities": list(ENTITIES.values()), "events": [
        {"cameo": "042", "source": ["E1"], "target": ["E2"]},   # reproduces 040 USA>RUS (root 04)
        {"cameo": "190", "source": ["E2"], "target": ["E1"]},   # root 19 but not against Iran
        {"cameo": "051", "source": ["E1"], "target": ["E4"]},   # matches nothing: extra
    ]}
    outcome = petrarch.score_record(record, extraction)
    assert outcome.reproduced == [True, False]
    assert outcome.root_only == [True, True]
    assert outcome.extra == 2


def test_reads_the_validation_file(shared_dir):
    records = petrarch.read_records(shared_dir / "peers" / "PETR2_GSR_validation.xml")
    assert len(records) == 78
    assert sum(len(r.codings) for r in records) == 80
    by_id = {r.id: r for r in records}
    assert [(c.root, c.source, c.target) for c in by_id["TEST_11"].codings] == [
        ("04", "USA", "CHE"), ("04", "RUS", "CHE")]
    assert by_id["TEST_11"].date == "2015-06-09"
    assert any(not r.codings for r in records)  # sentences PETRARCH leaves uncoded


def test_missing_file_skips_cleanly(tmp_path, capsys):
    assert petrarch.main(["--xml", str(tmp_path / "absent.xml")]) == 0
    assert "skipped" in capsys.readouterr().err
