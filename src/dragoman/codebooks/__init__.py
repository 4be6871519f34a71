"""Codebooks: the project's knowledge as data files, with loaders that return immutable data.

Countries, places and areas that belong to no country (`countries.py`), titles of office (`offices.py`), CAMEO
codes, PLOVER types, Goldstein values and the event lexicon (`events.py`), and
sector words (`sectors.py`). The data files live in `codebooks/data/`, each with
a header naming its source and licence (see `data/README.md`). Every loader is
cached and returns tuples of frozen dataclasses, so callers can share them.
"""
from __future__ import annotations

from dragoman.codebooks._tables import fold
from dragoman.codebooks.countries import (
    AREA_KINDS,
    COUNTRY_KINDS,
    PLACE_KINDS,
    Area,
    CountryForm,
    Place,
    area_lookup,
    areas,
    capital,
    country_codes,
    country_forms,
    country_lookup,
    country_name,
    demonym,
    place_forms,
    place_lookup,
    places,
)
from dragoman.codebooks.events import (
    EVENT_MODES,
    EVENT_POS,
    PLOVER_TYPES,
    POLARITIES,
    Cameo,
    EventTerm,
    cameo,
    cameo_codes,
    event_lookup,
    event_terms,
)
from dragoman.codebooks.offices import Office, office_lookup, offices, role_rank, roles
from dragoman.codebooks.sectors import SECTORS, SectorTerm, sector_terms

__all__ = [
    "AREA_KINDS", "COUNTRY_KINDS", "EVENT_MODES", "EVENT_POS", "PLACE_KINDS", "PLOVER_TYPES", "POLARITIES",
    "SECTORS", "Area", "Cameo", "CountryForm", "EventTerm", "Office", "Place", "SectorTerm",
    "area_lookup", "areas", "cameo", "cameo_codes", "capital", "country_codes", "country_forms", "country_lookup",
    "country_name", "demonym", "event_lookup", "event_terms", "fold", "office_lookup",
    "offices", "place_forms", "place_lookup", "places", "role_rank", "roles", "sector_terms",
]
