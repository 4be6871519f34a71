"""The event lexicon and the CAMEO/PLOVER/Goldstein tables agree with each other and with SPEC."""
from __future__ import annotations

import pytest

from dragoman.codebooks import (
    EVENT_MODES,
    EVENT_POS,
    PLOVER_TYPES,
    POLARITIES,
    cameo,
    cameo_codes,
    event_lookup,
    event_terms,
)
from dragoman.model import EVENT_TYPES


def test_plover_types_are_the_sixteen_of_the_contract() -> None:
    assert set(PLOVER_TYPES) == set(EVENT_TYPES)


@pytest.mark.parametrize("term, pos, plover, code, mode", [
    ("meet", "verb", "CONSULT", "040", "meeting"),
    ("hold talk", "phrase", "CONSULT", "040", "meeting"),
    ("talk", "noun", "CONSULT", "040", "meeting"),
    ("visit", "noun", "CONSULT", "042", "visit"),
    ("official visit", "noun", "CONSULT", "042", "visit"),
    ("state visit", "noun", "CONSULT", "042", "visit"),
    ("host", "verb", "CONSULT", "043", "visit"),
    ("receive", "verb", "CONSULT", "043", "visit"),
    ("summit", "noun", "CONSULT", "044", "summit"),
    ("negotiate", "verb", "CONSULT", "046", None),
    ("joint news conference", "noun", "CONSULT", "040", "conference"),
    ("joint press conference", "noun", "CONSULT", "040", "conference"),
    ("phone call", "noun", "CONSULT", "041", "call"),
    ("telephone conversation", "noun", "CONSULT", "041", "call"),
    ("exchange view", "phrase", "CONSULT", "040", None),
    ("discuss", "verb", "CONSULT", "040", None),
    ("agree", "verb", "AGREE", "030", None),
    ("agreement", "noun", "AGREE", "030", "agreement"),
    ("pledge", "verb", "AGREE", "030", None),
    ("sign", "verb", "SUPPORT", "057", "agreement"),
    ("congratulate", "verb", "SUPPORT", "051", None),
    ("praise", "verb", "SUPPORT", "051", None),
    ("appreciate", "verb", "SUPPORT", "051", None),
    ("support", "verb", "SUPPORT", "051", None),
    ("cooperate", "verb", "COOPERATE", "060", None),
    ("provide aid", "phrase", "AID", "070", None),
    ("urge", "verb", "REQUEST", "020", None),
    ("call on", "phrase", "REQUEST", "020", None),
    ("accuse", "verb", "ACCUSE", "112", None),
    ("condemn", "verb", "ACCUSE", "111", None),
    ("reject", "verb", "REJECT", "120", None),
    ("veto", "verb", "REJECT", "129", None),
    ("threaten", "verb", "THREATEN", "130", None),
    ("boycott", "verb", "PROTEST", "143", None),
    ("impose sanction", "phrase", "COERCE", "163", None),
    ("expel", "verb", "SANCTION", "166", None),
    ("recall ambassador", "phrase", "SANCTION", "161", None),
    ("deploy", "verb", "MOBILIZE", "154", None),
    ("attack", "verb", "ASSAULT", "190", None),
    ("arrest", "verb", "COERCE", "173", None),
])
def test_a_term_has_its_type_code_and_mode(term, pos, plover, code, mode) -> None:
    entry = event_lookup(term, pos)
    assert entry is not None
    assert (entry.plover, entry.cameo, entry.mode) == (plover, code, mode)
    assert entry.goldstein == cameo(code).goldstein


def test_every_term_is_valid_and_carries_its_goldstein_value() -> None:
    for entry in event_terms():
        assert entry.pos in EVENT_POS and entry.plover in PLOVER_TYPES
        assert entry.mode is None or entry.mode in EVENT_MODES
        assert entry.polarity in POLARITIES
        assert cameo(entry.cameo) is not None and entry.goldstein == cameo(entry.cameo).goldstein
        assert entry.term == entry.term.lower() and "  " not in entry.term


def test_every_term_agrees_with_the_plover_table_where_the_table_has_its_code() -> None:
    disagreements = [(e.term, e.cameo, e.plover, cameo(e.cameo).plover) for e in event_terms()
                     if cameo(e.cameo).plover is not None and cameo(e.cameo).plover != e.plover]
    assert disagreements == []


def test_terms_outside_the_plover_table_are_appeals_typed_request() -> None:
    outside = {(e.cameo[:2], e.plover) for e in event_terms() if cameo(e.cameo).plover is None}
    assert outside <= {("02", "REQUEST")}


def test_the_lexicon_is_sorted_and_has_no_duplicates() -> None:
    keys = [(e.term, e.pos) for e in event_terms()]
    assert keys == sorted(keys) and len(keys) == len(set(keys))


@pytest.mark.parametrize("code, plover, goldstein, label_word", [
    ("036", "AGREE", 4.0, "meet"),
    ("040", "CONSULT", 1.0, "Consult"),
    ("042", "CONSULT", 1.9, "visit"),
    ("051", "SUPPORT", 3.4, "Praise"),
    ("057", "SUPPORT", 8.0, "agreement"),
    ("163", "COERCE", -8.0, "sanctions"),
    ("190", "ASSAULT", -10.0, "military force"),
    ("020", None, 3.0, "appeal"),
])
def test_a_cameo_code_has_its_label_plover_type_and_goldstein_value(code, plover, goldstein, label_word) -> None:
    entry = cameo(code)
    assert (entry.plover, entry.goldstein) == (plover, goldstein)
    assert label_word.lower() in entry.label.lower()


def test_cameo_codes_are_zero_padded_strings_with_labels() -> None:
    codes = cameo_codes()
    assert len(codes) >= 311
    assert all(isinstance(c.code, str) and c.code.isdigit() and len(c.code) >= 2 for c in codes)
    assert all(c.label for c in codes)
    assert cameo("36") is None and cameo("999") is None
