"""The knowledge-base commands: exit codes and output, as a user sees them."""
from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from dragoman.cli import app

from .test_questions import elsewhere, seed_like

runner = CliRunner()


@pytest.fixture
def db(kb) -> str:
    """The URL of a knowledge base holding the seed-shaped article and one other."""
    kb.store([seed_like(), elsewhere()])
    return kb.url


def run(*args: str):
    return runner.invoke(app, list(args))


def test_dyad_json_is_the_whole_answer(db):
    result = run("dyad", "TUR", "Kazakhstan", "--db", db, "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["dyad"] == ["TUR", "KAZ"]
    assert {"timeline", "tone", "series", "quotes", "findings"} <= set(data)


def test_dyad_tables_start_with_the_pair_and_its_counts(db):
    result = run("dyad", "tur", "kaz", "--db", db)
    assert result.exit_code == 0
    assert result.stdout.startswith("Türkiye (TUR) – Kazakhstan (KAZ): 1 articles, 2 events")


@pytest.mark.parametrize("args", [
    ("dyad", "TUR", "Atlantis"),
    ("dyad", "TUR", "KAZ", "--since", "last spring"),
    ("claims", "--dyad", "TUR"),
    ("people", "--kind", "robot"),
    ("quotes",),
    ("quotes", "some/file.txt", "--db", "x.db"),
    ("codebook", "recipes"),
    ("export", "--format", "csv", "--table", "nope"),
])
def test_usage_errors_exit_2(db, args):
    result = run(*args)
    assert result.exit_code == 2, result.output


def test_a_question_without_a_knowledge_base_exits_1_and_says_what_to_do(tmp_path):
    result = run("people", "--db", str(tmp_path / "missing.db"))
    assert result.exit_code == 1
    assert "dragoman ingest" in result.stderr


def test_people_lists_aliases_and_dated_roles(db):
    result = run("people", "nurtileu", "--db", db, "--json")
    (person,) = json.loads(result.stdout)
    assert person["name"] == "Murat Nurtleu"
    assert person["roles"] == [{"role": "foreign minister", "country": "KAZ", "since": "2023-09-11",
                                "until": "2023-09-11", "articles": 1}]


def test_quotes_from_the_knowledge_base_by_speaker(db):
    result = run("quotes", "--db", db, "--speaker", "fidan", "--format", "json")
    assert result.exit_code == 0
    found = json.loads(result.stdout)
    assert [q["text"] for q in found] == ["Baku and Ankara stand together.", "Our bond is strong."]
    assert {q["speaker_name"] for q in found} == {"Hakan Fidan"}


def test_claims_by_metric_and_dyad(db):
    result = run("claims", "--metric", "trade_volume", "--dyad", "TUR,KAZ", "--db", db, "--json")
    claims = json.loads(result.stdout)
    assert sorted(c["value"] for c in claims) == [6300000000, 10000000000]
    assert all(c["source"]["article"] == "s1" for c in claims)


def test_findings_by_kind(db):
    result = run("findings", "--dyad", "TUR-KAZ", "--kind", "discrepancy", "--db", db, "--json")
    (finding,) = json.loads(result.stdout)
    assert {c["speaker"] for c in finding["claims"]} == {"Hakan Fidan", "Murat Nurtleu"}


@pytest.mark.parametrize("args, first", [
    (("codebook", "cameo", "036", "--json"),
     {"code": "036", "label": "Express intent to meet or negotiate", "plover": "AGREE",
      "goldstein": 4.0}),
    (("codebook", "countries", "Türkiye", "--json"),
     {"code (ISO 3166-1 alpha-3)": "TUR", "name": "Türkiye", "demonym": "Turkish",
      "capital": "Ankara"}),
])
def test_codebook_look_ups(args, first):
    result = run(*args)
    assert result.exit_code == 0
    assert json.loads(result.stdout)[0] == first


def test_a_codebook_look_up_that_finds_nothing_exits_1():
    result = run("codebook", "cameo", "999")
    assert result.exit_code == 1
    assert "nothing in cameo matches" in result.stderr


def test_export_writes_one_file_per_table_and_lists_them(db, tmp_path):
    result = run("export", "--format", "parquet", "--table", "claims", "--table", "events",
                 "--out", str(tmp_path / "out"), "--db", db)
    assert result.exit_code == 0
    assert result.stdout.splitlines() == [f"{tmp_path / 'out' / 'claims.parquet'}\t5",
                                          f"{tmp_path / 'out' / 'events.parquet'}\t3"]
