"""countries.tsv is generated: rebuilding it from pycountry and country_extra.tsv changes nothing."""
from __future__ import annotations

import runpy
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "build_countries.py"
DATA = ROOT / "src" / "dragoman" / "codebooks" / "data"


@pytest.fixture(scope="module")
def builder() -> dict:
    if not SCRIPT.exists():
        pytest.skip("scripts/build_countries.py is not in this checkout")
    return runpy.run_path(str(SCRIPT))


def test_the_committed_countries_file_is_up_to_date(builder: dict, tmp_path: Path) -> None:
    output = tmp_path / "countries.tsv"
    assert builder["main"](["--output", str(output)]) == 0
    assert output.read_text(encoding="utf-8") == (DATA / "countries.tsv").read_text(encoding="utf-8"), \
        "countries.tsv is stale: run `.venv/bin/python scripts/build_countries.py`"


def test_the_builder_refuses_a_form_that_names_two_countries(builder: dict, tmp_path: Path, capsys) -> None:
    extra = tmp_path / "extra.tsv"
    extra.write_text("KAZ\tdemonym\tKazakh\nTUR\tdemonym\tKazakh\nKAZ\tcapital\tAstana\n", encoding="utf-8")
    assert builder["main"](["--extra", str(extra), "--output", str(tmp_path / "out.tsv")]) == 1
    assert "'Kazakh' names both KAZ and TUR" in capsys.readouterr().err


def test_the_builder_is_deterministic(builder: dict, tmp_path: Path) -> None:
    first, second = tmp_path / "a.tsv", tmp_path / "b.tsv"
    builder["main"](["--output", str(first)])
    builder["main"](["--output", str(second)])
    assert first.read_bytes() == second.read_bytes()
    assert sys.modules.get("pycountry") is not None
