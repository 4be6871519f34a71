"""Through the real extractor: the seed, the team's examples and our article sets ingested
into a knowledge base (SQLite, and PostgreSQL when available), then asked questions."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from dragoman.nlp.names import fold
from dragoman.read import read_inputs

from .conftest import PG_ENV, _reset_postgres

REPO = Path(__file__).resolve().parents[2]
SEED = REPO.parent / "shared" / "seeds" / "000_760a91fd4c32f78c.txt"
INPUTS = ([str(SEED)] if SEED.is_file() else []) + sorted(
    str(p) for p in (REPO / "examples").glob("*.txt")) + [
    str(REPO / "tests" / "data" / "kb" / "meeting"), str(REPO / "tests" / "data" / "kb" / "figures")]


@pytest.fixture(scope="module", params=["sqlite", "postgres"])
def ingested(request, extractor, tmp_path_factory):
    """A knowledge base with every input ingested twice, and the two reports and counts."""
    from dragoman.store import KnowledgeBase
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path_factory.mktemp('e2e') / 'kb.db'}"
    else:
        url = os.environ.get(PG_ENV)
        if not url:
            pytest.skip(f"{PG_ENV} is not set (.ci/run sets it)")
        _reset_postgres(url)
    kb = KnowledgeBase(url)
    first = kb.ingest(read_inputs(INPUTS), extractor)
    counts = kb.counts()
    second = kb.ingest(read_inputs(INPUTS), extractor)
    yield kb, first, second, counts
    kb.close()


def test_ingesting_everything_twice_leaves_every_row_count_unchanged(ingested):
    kb, first, second, counts = ingested
    assert first.failed == [] and first.stored == first.read
    assert (second.stored, second.updated, second.skipped) == (0, 0, first.read)
    assert kb.counts() == counts
    assert counts["articles"] == first.read and counts["claims"] > 0 and counts["events"] > 0


def test_one_person_under_three_spellings_is_one_entity(ingested):
    kb = ingested[0]
    (person,) = kb.people("Toktossunov")
    forms = {fold(x) for x in [person.name, *person.aliases]}
    assert {"zhanybek toktosunov", "janybek toktosunov", "toktossunov"} <= forms
    assert person.articles == 4  # three reports of the meeting, one of the trade figure


def test_one_meeting_reported_by_three_articles_is_one_event_with_three_sources(ingested):
    kb = ingested[0]
    meetings = [e for e in kb.events(dyad=("KGZ", "MNG")) if e.date == "2025-03-03"]
    assert len(meetings) == 1
    assert sorted(s.article for s in meetings[0].sources) == [
        "a1_kabar", "a2_montsame", "a3_eurasia"]
    assert meetings[0].location == "Ulaanbaatar"


def test_two_sources_disagreeing_on_a_figure_give_one_finding_naming_both(ingested):
    kb = ingested[0]
    (finding,) = [f for f in kb.findings(dyad=("KGZ", "MNG")) if f.kind == "discrepancy"]
    assert {c.speaker for c in finding.claims} == {"Zhanybek Toktosunov", "Battulga Enkhbold"}
    assert {c.value for c in finding.claims} == {310e6, 420e6}


@pytest.mark.skipif(not SEED.is_file(), reason="../shared is not beside this clone")
def test_the_seed_dyad_answers_the_analysts_questions(ingested):
    d = ingested[0].dyad("TUR", "KAZ").to_dict()
    trade = next(s for s in d["series"] if s["metric"] == "trade_volume" and s["unit"] == "USD")
    actual = next(f for f in trade["actual"] if f["period"] == "2022")
    assert actual["value"] == 6300000000
    assert {fold(c["speaker"]) for c in actual["claimed_by"]} & {"murat nurtleu", "murat nurtileu"}
    assert any(t["value"] == 10000000000 for t in trade["targets"])
    assert any(p["ratio"] == pytest.approx(0.63) for p in trade["progress"])
    assert any(f["kind"] == "discrepancy" and f["metric"] in ("investment", "fdi")
               for f in d["findings"])
    meeting = [e for e in d["timeline"] if e["date"] == "2023-09-11" and e["type"] == "CONSULT"]
    assert meeting and meeting[0]["location"] == "Astana" and meeting[0]["status"] == "occurred"
    summit = [e for e in d["timeline"] if e["date"] == "2023-11" and e["status"] == "planned"]
    assert summit and summit[0]["mode"] == "summit"


def test_the_cli_ingests_into_a_fresh_database_and_answers(tmp_path, kb_data):
    """`dragoman ingest` then `dragoman dyad --json` as a user runs them (one process each)."""
    from typer.testing import CliRunner

    from dragoman.cli import app
    shutil.copytree(kb_data / "figures", tmp_path / "in")
    (tmp_path / "in" / "empty.txt").write_text("")
    db = str(tmp_path / "kb.db")
    runner = CliRunner()
    result = runner.invoke(app, ["ingest", str(tmp_path / "in"), "--db", db])
    assert result.exit_code == 3, result.output
    assert "read 2, stored 2, updated 0, skipped as duplicate 0, failed 1" in result.stdout
    assert "empty.txt" in result.stdout
    again = runner.invoke(app, ["ingest", str(tmp_path / "in" / "b1_bishkek.txt"), "--db", db,
                                "--json"])
    assert again.exit_code == 0
    assert '"skipped": 1' in again.stdout
