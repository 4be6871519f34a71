"""Build `src/dragoman/codebooks/data/countries.tsv` from pycountry and `country_extra.tsv`.

The output is deterministic (same pycountry version and same extra table, same
bytes) and committed; the library reads only the generated file. Run it after
editing `country_extra.tsv` or upgrading pycountry:

    .venv/bin/python scripts/build_countries.py            # rewrite countries.tsv
    .venv/bin/python scripts/build_countries.py -o /tmp/countries.tsv

Rules: the countries are exactly the codes of `country_extra.tsv`. For each, the
pycountry name is kind "name" (or "common" when the extra table gives a preferred
"name"), the official name "official", the common name "common". ISO's inverted
names ("Korea, Republic of") are turned round ("Republic of Korea") and a
parenthesis splits a name in two ("Holy See (Vatican City State)"). A leading
"the" is dropped. One surface form must name one country: a clash stops the build.
"""
from __future__ import annotations

import argparse
import sys
from importlib.metadata import version
from pathlib import Path

import pycountry

from dragoman.codebooks._tables import fold, is_acronym

DATA = Path(__file__).resolve().parent.parent / "src" / "dragoman" / "codebooks" / "data"
KINDS = ("name", "official", "common", "former", "demonym", "adjective_compound", "capital")
# Kinds whose forms are alternative names of the country itself: a form listed under two
# of them for one code is kept once, under the first. Demonyms and capitals may repeat a
# name ("Singapore" is both the country and its capital).
NAME_KINDS = ("name", "official", "common", "former")

Row = tuple[str, str, str]  # (code, kind, form)


def read_extra(path: Path) -> list[Row]:
    """Rows of the hand-written table, in file order; kinds checked."""
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if len(cells) != 3 or cells[1] not in KINDS + ("drop",) or len(cells[0]) != 3:
            raise SystemExit(f"{path}:{number}: expected code<TAB>kind<TAB>form, got {line!r}")
        code, kind, form = (cell.strip() for cell in cells)
        rows.append((code, kind, form))
    return rows


def clean(form: str) -> list[str]:
    """ISO forms as news writes them: inverted names turned round, parentheses split, no leading "the"."""
    forms = []
    if "(" in form and form.endswith(")"):
        head, tail = form[:-1].split("(", 1)
        forms = [head.strip(), tail.strip()]
    elif ", " in form:
        head, tail = form.split(", ", 1)
        forms = [f"{tail} {head}"]
    else:
        forms = [form]
    return [f[4:] if f.lower().startswith("the ") else f for f in forms]


def pycountry_rows(code: str, has_preferred_name: bool, dropped: set[str]) -> list[Row]:
    """The forms pycountry gives for `code`, less the `dropped` ISO values (none for XKX)."""
    record = pycountry.countries.get(alpha_3=code)
    if record is None:
        return []
    rows: list[Row] = []
    if record.name not in dropped:
        inverted = ", " in record.name
        for i, form in enumerate(clean(record.name)):
            kind = "official" if inverted else "common" if has_preferred_name or i else "name"
            rows.append((code, kind, form))
    for attribute, kind in (("official_name", "official"), ("common_name", "common")):
        value = getattr(record, attribute, None)
        if value and value not in dropped:
            rows.extend((code, kind, form) for form in clean(value))
    return rows


def merge(extra: list[Row]) -> list[Row]:
    """pycountry rows and extra rows per code, deduplicated, ordered by code then kind.

    Within a kind the order is: an extra "name" (the preferred display name), then
    pycountry's forms, then the other extra rows in file order.
    """
    merged: list[Row] = []
    for code in sorted({row[0] for row in extra}):
        own = [row for row in extra if row[0] == code]
        dropped = {form for _code, kind, form in own if kind == "drop"}
        own = [row for row in own if row[1] != "drop"]
        preferred = [row for row in own if row[1] == "name"]
        iso = pycountry_rows(code, bool(preferred), dropped)
        seen: set[tuple[str, str]] = set()
        kept: list[Row] = []
        for row in preferred + iso + [row for row in own if row[1] != "name"]:
            key = ("name" if row[1] in NAME_KINDS else row[1], fold(row[2]))
            if key not in seen:
                seen.add(key)
                kept.append(row)
        kept.sort(key=lambda row: KINDS.index(row[1]))  # stable: the order within a kind is kept
        merged.extend(kept)
    return merged


def check(rows: list[Row]) -> list[str]:
    """Problems: a form naming two countries, a country without exactly one name."""
    problems = []
    owner: dict[str, str] = {}
    for code, _kind, form in rows:
        key = form.replace(" ", "") if is_acronym(form) else fold(form)
        if owner.setdefault(key, code) != code:
            problems.append(f"{form!r} names both {owner[key]} and {code}")
    for code in sorted({row[0] for row in rows}):
        names = [form for c, kind, form in rows if c == code and kind == "name"]
        if len(names) != 1:
            problems.append(f"{code} has {len(names)} preferred names: {names}")
    return problems


HEADER = """\
# countries.tsv: every surface form of every country -> ISO 3166-1 alpha-3 code ("XKX" for Kosovo).
# GENERATED by scripts/build_countries.py: do not edit; edit country_extra.tsv and rerun the script.
# Source: pycountry {version} (ISO 3166-1 names) and country_extra.tsv (hand-written by the dragoman authors).
# Licence: the ISO names are facts taken through pycountry (LGPL-2.1, not shipped); our additions MIT.
# Columns: code<TAB>kind<TAB>form; kind in {kinds}.
# Order: by code, then kind; within a code and kind the preferred form comes first.
"""


def render(rows: list[Row]) -> str:
    head = HEADER.format(version=version("pycountry"), kinds=", ".join(KINDS))
    return head + "".join(f"{code}\t{kind}\t{form}\n" for code, kind, form in rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-o", "--output", type=Path, default=DATA / "countries.tsv")
    parser.add_argument("--extra", type=Path, default=DATA / "country_extra.tsv")
    args = parser.parse_args(argv)
    rows = merge(read_extra(args.extra))
    problems = check(rows)
    if problems:
        print("\n".join(problems), file=sys.stderr)
        return 1
    args.output.write_text(render(rows), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
