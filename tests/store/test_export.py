"""Exports: every table, in every format, read back as is by pandas and DuckDB."""
from __future__ import annotations

import duckdb
import pandas as pd
import pytest

from dragoman.errors import ConfigError
from dragoman.export import FORMATS, TABLE_NAMES, export_tables

from .test_questions import elsewhere, seed_like

PROVENANCE = ["article_id", "source_url", "published", "retrieved", "extractor"]
READERS = {
    "parquet": lambda p: pd.read_parquet(p),
    "csv": lambda p: pd.read_csv(p, dtype={"cameo": str}),
    "jsonl": lambda p: pd.read_json(p, lines=True, dtype={"cameo": str}),
}


def _duck(query: str) -> list[tuple]:
    return duckdb.sql(query).fetchall()


@pytest.fixture
def filled(kb):
    kb.store([seed_like(), elsewhere()])
    return kb


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_table_is_written_and_read_back_by_pandas_and_duckdb(filled, tmp_path, fmt):
    counts = filled.counts()
    written = export_tables(filled.engine, tmp_path, fmt)
    assert set(written) == set(TABLE_NAMES)
    for name, (path, rows) in written.items():
        frame = READERS[fmt](path)
        assert len(frame) == rows, name
        assert _duck(f"select count(*) from '{path}'") == [(rows,)], name
        if name in counts:
            assert rows == counts[name], name
        assert rows > 0, name
        assert set(PROVENANCE) <= set(frame.columns), name


@pytest.mark.parametrize("fmt", FORMATS)
def test_provenance_is_on_every_row_of_every_fact(filled, tmp_path, fmt):
    written = export_tables(filled.engine, tmp_path, fmt)
    for name in ("mentions", "quotes", "claims", "events", "event_reports", "findings"):
        frame = READERS[fmt](written[name][0])
        for column in ("article_id", "published", "retrieved", "extractor"):
            assert frame[column].notna().all(), (name, column)


@pytest.mark.parametrize("fmt", FORMATS)
def test_cameo_codes_stay_zero_padded_strings(filled, tmp_path, fmt):
    written = export_tables(filled.engine, tmp_path, fmt, ["events"])
    path = written["events"][0]
    assert sorted(READERS[fmt](path)["cameo"]) == ["040", "040", "043"]
    assert sorted(r[0] for r in _duck(f"select cameo from '{path}'")) == ["040", "040", "043"]


def test_the_country_scheme_is_named_where_codes_are(filled, tmp_path):
    written = export_tables(filled.engine, tmp_path, "parquet", ["claims", "entities"])
    claims = pd.read_parquet(written["claims"][0])
    assert set(claims["country_scheme"]) == {"ISO 3166-1 alpha-3"}
    assert {"TUR", "KAZ", "AZE"} >= set(claims["holder"])
    entities = pd.read_parquet(written["entities"][0])
    assert set(entities.loc[entities["kind"] == "country", "code"]) == {"TUR", "KAZ", "AZE"}


def test_parquet_types_are_dates_timestamps_and_lists(filled, tmp_path):
    written = export_tables(filled.engine, tmp_path, "parquet", ["event_reports", "findings"])
    row = _duck(f"select published, retrieved, spans from '{written['event_reports'][0]}'")[0]
    assert str(row[0]) == "2023-09-11"
    assert row[1].tzinfo is not None
    assert isinstance(row[2], list) and len(row[2][0]) == 2
    claims = _duck(f"select claim_ids from '{written['findings'][0]}'")
    assert all(len(ids) == 2 for (ids,) in claims)


def test_an_empty_knowledge_base_exports_empty_files_with_their_columns(kb, tmp_path):
    written = export_tables(kb.engine, tmp_path, "parquet", ["claims"])
    frame = pd.read_parquet(written["claims"][0])
    assert len(frame) == 0 and "metric" in frame.columns


@pytest.mark.parametrize("fmt, tables, message", [
    ("xlsx", None, "unknown export format"),
    ("csv", ["nope"], "unknown table"),
])
def test_unknown_formats_and_tables_are_config_errors(kb, tmp_path, fmt, tables, message):
    with pytest.raises(ConfigError, match=message):
        export_tables(kb.engine, tmp_path, fmt, tables)
