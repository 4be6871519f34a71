"""The data files themselves: headers that name source and licence, sorted records, tidy lists."""
from __future__ import annotations

from importlib.resources import files

import pytest

from dragoman.codebooks import country_lookup, fold, place_lookup
from dragoman.codebooks._tables import read_tsv

DATA = files("dragoman.codebooks").joinpath("data")
TSV_FILES = ["countries.tsv", "country_extra.tsv", "places.tsv", "areas.tsv", "homographs.tsv",
             "offices.tsv", "events.tsv", "sectors.tsv", "cameo_labels.tsv", "events_labels.tsv", "events_direction.tsv",
             "speech_verbs.tsv", "metrics.tsv", "currencies.tsv"]


@pytest.mark.parametrize("name", TSV_FILES)
def test_every_table_names_its_source_and_licence_in_its_header(name: str) -> None:
    header = [line for line in DATA.joinpath(name).read_text(encoding="utf-8").splitlines()
              if line.startswith("#")][:12]
    text = " ".join(header).lower()
    assert "source" in text and "licence" in text


@pytest.mark.parametrize("name, columns, key", [
    ("places.tsv", (3, 4), lambda row: (fold(row[0]), row[1])),
    ("areas.tsv", (2, 2), lambda row: row[0].casefold()),
    ("offices.tsv", (3, 3), lambda row: row[0]),
    ("events.tsv", (6, 6), lambda row: (row[0], row[1])),
    ("sectors.tsv", (3, 3), lambda row: (row[0], row[1].lower(), row[1])),
    ("cameo_labels.tsv", (2, 2), lambda row: row[0]),
    ("country_extra.tsv", (3, 3), lambda row: row[0]),
    ("countries.tsv", (3, 3), lambda row: row[0]),
])
def test_records_are_sorted_by_their_key(name, columns, key) -> None:
    rows = read_tsv(name, *columns)
    keys = [key(row) for row in rows]
    assert keys == sorted(keys)


def test_the_upstream_tables_are_shipped_unchanged_when_shared_is_beside(shared_dir) -> None:
    for name in ("CAMEO2PLOVER-2021.txt", "CAMEO.goldsteinscale.txt"):
        assert DATA.joinpath(name).read_bytes() == (shared_dir / "codebooks" / name).read_bytes()


def test_every_homograph_is_a_known_country_or_place_form() -> None:
    unknown = [form for form, *_ in read_tsv("homographs.tsv", 1, 2)
               if country_lookup(form) is None and place_lookup(form) is None]
    assert unknown == []
