"""Sector words belong to SPEC's sectors."""
from __future__ import annotations

import pytest

from dragoman.codebooks import SECTORS, sector_terms
from dragoman.model import SECTORS as CONTRACT_SECTORS


def test_sectors_are_the_contract_sectors() -> None:
    assert SECTORS == CONTRACT_SECTORS
    assert {term.sector for term in sector_terms()} <= set(SECTORS)


@pytest.mark.parametrize("term, sector", [
    ("trade volume", "trade"), ("export", "trade"), ("investment", "investment"), ("FDI", "investment"),
    ("oil", "energy"), ("LNG", "energy"), ("defence industry", "defence"), ("terrorism", "security"),
    ("terrorist organisation", "security"), ("university", "education"), ("cultural", "culture"),
    ("railway", "transport"), ("Middle Corridor", "transport"), ("agriculture", "agriculture"),
    ("health", "health"), ("technology", "technology"), ("bank", "finance"), ("embassy", "diplomacy"),
    ("international organisation", "multilateral"), ("United Nations", "multilateral"),
])
def test_a_term_belongs_to_its_sector(term: str, sector: str) -> None:
    assert any(t.term == term and t.sector == sector for t in sector_terms())


def test_lemma_terms_are_lower_case_and_text_terms_are_names() -> None:
    for term in sector_terms():
        if term.lemma:
            assert term.term == term.term.lower()
        else:
            assert term.term != term.term.lower() or not term.term.isalpha()
    assert len({(t.sector, t.term) for t in sector_terms()}) == len(sector_terms())
