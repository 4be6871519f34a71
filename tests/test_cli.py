"""CLI: exit codes, stdout data, stderr errors (typer's in-process runner)."""
from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from dragoman.cli import app

SEED_LIKE = " date 2024-03-04 Foreign Minister Jane Okafor of Nigeria said trade was growing."


@pytest.fixture(scope="module")
def runner(extractor):  # the extractor fixture warms the model cache once
    return CliRunner()


def test_extract_prints_the_contract(runner, tmp_path):
    f = tmp_path / "a.txt"
    f.write_text(SEED_LIKE, encoding="utf-8")
    result = runner.invoke(app, ["extract", str(f), "--format", "json"])
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout)
    assert record["schema"] == "dragoman/1"
    assert record["article"] == {"id": "a", "date": "2024-03-04", "source": None, "title": None,
                                 "text": SEED_LIKE.strip()[len("date 2024-03-04 "):]}
    for key in ("entities", "quotes", "claims", "events", "sectors", "findings"):
        assert isinstance(record[key], list)


def test_jsonl_has_one_line_per_article(runner, tmp_path):
    for name in ("a", "b"):
        (tmp_path / f"{name}.txt").write_text(SEED_LIKE, encoding="utf-8")
    result = runner.invoke(app, ["extract", str(tmp_path), "--format", "jsonl"])
    assert result.exit_code == 0
    assert [json.loads(line)["article"]["id"] for line in result.stdout.splitlines()] == ["a", "b"]


def test_bad_input_is_one_line_and_exit_3_while_the_rest_goes_on(runner, tmp_path):
    (tmp_path / "good.txt").write_text(SEED_LIKE, encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    result = runner.invoke(app, ["extract", str(tmp_path), "--format", "jsonl"])
    assert result.exit_code == 3
    assert [json.loads(line)["article"]["id"] for line in result.stdout.splitlines()] == ["good"]
    assert "empty.txt" in result.stderr and "Traceback" not in result.stderr


def test_missing_model_is_a_clear_error(runner, tmp_path):
    f = tmp_path / "a.txt"
    f.write_text(SEED_LIKE, encoding="utf-8")
    result = runner.invoke(app, ["extract", str(f), "--model", "no_such_model_pkg"])
    assert result.exit_code == 1
    assert "cannot load the spaCy model 'no_such_model_pkg'" in result.stderr


def test_usage_error_exits_2(runner):
    assert runner.invoke(app, ["extract", "--format", "yaml", "x"]).exit_code == 2


def test_eval_scores_gold_files(runner):
    from pathlib import Path
    gold = Path(__file__).resolve().parents[1] / "examples" / "010_uae_saudi_trade.gold.json"
    result = runner.invoke(app, ["eval", str(gold), "--json", "--min-f1", "persons=0.9"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["parts"]["persons"]["f1"] == 1.0
