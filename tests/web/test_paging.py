"""Cursors, and the CSV form of nested items."""
from __future__ import annotations

import pytest

from dragoman.web.errors import ApiError
from dragoman.web.paging import decode_cursor, encode_cursor, flatten, offset_page, to_csv


@pytest.mark.parametrize("values", [["2024-05-14", 12], [None, 3], [0]])
def test_a_cursor_gives_back_its_values(values):
    cursor = encode_cursor(values)
    assert cursor.isascii() and "=" not in cursor
    assert decode_cursor(cursor, len(values)) == values


@pytest.mark.parametrize("cursor", ["%%%", "bm90IGpzb24", encode_cursor([1, 2, 3]),
                                    encode_cursor([{"a": 1}, 2]), encode_cursor(["a\x00", 2]),
                                    encode_cursor(["a\ud800", 2])])
def test_a_foreign_cursor_is_refused(cursor):
    with pytest.raises(ApiError) as caught:
        decode_cursor(cursor, 2)
    assert (caught.value.status, caught.value.code) == (400, "bad_cursor")


def test_offset_pages_cover_a_list_once():
    items, cursor, seen = list(range(7)), None, []
    while True:
        page, cursor = offset_page(items, 3, cursor)
        seen += page
        if cursor is None:
            break
    assert seen == items


@pytest.mark.parametrize("item, flat", [
    ({"a": 1, "b": {"c": "x", "d": [1, 2]}}, {"a": 1, "b.c": "x", "b.d": "[1, 2]"}),
    ({"names": ["Ana", "Bo"], "none": None}, {"names": "Ana; Bo", "none": None}),
])
def test_nested_items_are_flattened_for_csv(item, flat):
    assert flatten(item) == flat


def test_csv_has_the_union_of_columns():
    text = to_csv([{"a": 1}, {"b": 2}])
    assert text.splitlines() == ["a,b", "1,", ",2"]
