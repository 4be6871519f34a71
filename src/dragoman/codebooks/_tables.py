"""Reading the codebook data files, and the one text normalisation all look-ups share.

Every data file under `codebooks/data/` is UTF-8, tab-separated, one record a
line; lines starting with `#` are comments (the header names source and licence)
and blank lines are ignored. Nothing here caches: the public loaders do.
"""
from __future__ import annotations

import re
import unicodedata
from importlib.resources import files

from dragoman.errors import DragomanError

DATA_PACKAGE = "dragoman.codebooks"

# Typographic variants that news text uses interchangeably with the ASCII ones.
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'", "\u00b4": "'"})
_DASHES = re.compile(r"[\u2010\u2011\u2012\u2013\u2014\u2212]")
_SPACES = re.compile(r"\s+")
_EDGE_PUNCT = " \t\n,;:!?\"()[]{}"
_ARTICLE = re.compile(r"^the\s+", re.IGNORECASE)


def data_text(name: str) -> str:
    """The text of data file `name` (e.g. "countries.tsv") shipped in the package."""
    resource = files(DATA_PACKAGE).joinpath("data", name)
    try:
        return resource.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise DragomanError(f"codebook data file {name} is missing from the installed package; "
                            "reinstall dragoman") from exc


def read_tsv(name: str, min_columns: int, max_columns: int | None = None) -> tuple[tuple[str, ...], ...]:
    """Records of TSV data file `name`, each a tuple of stripped cells.

    Missing trailing cells (up to `max_columns`) come back as "". A record with
    fewer than `min_columns` or more than `max_columns` cells is an error naming
    the file and line.
    """
    max_columns = max_columns or min_columns
    rows: list[tuple[str, ...]] = []
    for number, line in enumerate(data_text(name).splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = [cell.strip() for cell in line.split("\t")]
        while len(cells) > min_columns and cells[-1] == "":
            cells.pop()
        if not min_columns <= len(cells) <= max_columns:
            raise DragomanError(f"codebooks/data/{name}:{number}: expected {min_columns}"
                                f"-{max_columns} tab-separated columns, found {len(cells)}")
        cells += [""] * (max_columns - len(cells))
        rows.append(tuple(cells))
    return tuple(rows)


def fold(text: str) -> str:
    """`text` folded for comparison: case, accents, apostrophes, dashes and spacing removed.

    "Türkiye", "TURKIYE" and " turkiye " fold alike; "Côte d’Ivoire" folds like
    "Cote d'Ivoire". A leading "the" is dropped ("the Republic of Türkiye").
    """
    text = unicodedata.normalize("NFKD", text.translate(_APOSTROPHES))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = _DASHES.sub("-", text)
    text = _SPACES.sub(" ", text).strip(_EDGE_PUNCT)
    text = _ARTICLE.sub("", text)
    # Letters without a decomposition that news spells with ASCII letters.
    text = text.replace("ı", "i").replace("ø", "o").replace("đ", "d").replace("ł", "l")
    return text.casefold()


def is_acronym(form: str) -> bool:
    """True for forms written in capitals, such as "US", "U.S.", "UAE", "DRC".

    Such forms match only text in capitals, so "us" is never the United States.
    """
    letters = [ch for ch in form if ch.isalpha()]
    return bool(letters) and len(letters) <= 6 and all(ch.isupper() for ch in letters) \
        and all(ch.isalpha() or ch in ". " for ch in form)
