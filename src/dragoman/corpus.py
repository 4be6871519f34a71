"""Synthetic corpora for benchmarks: the bundled examples varied in names, countries,
figures and dates, so a benchmark runs on thousands of distinct articles in the genre.

Each generated article is one example article with its two main countries swapped for
another pair (names, demonyms and capitals replaced), its people renamed, its figures
scaled and its publication date moved. The gold file beside each example says which
names and countries to replace.
"""
from __future__ import annotations

import datetime as dt
import json
import random
import re
from collections.abc import Iterator
from pathlib import Path

from dragoman import codebooks
from dragoman.model import Article

GIVEN = ("Amina", "Bekzod", "Carla", "Dmitri", "Elif", "Farid", "Greta", "Hiroshi", "Ines",
         "Jonas", "Kamila", "Luis", "Mariam", "Nikolai", "Olga", "Pedro", "Quang", "Rania",
         "Sven", "Tamar", "Umar", "Vera", "Wanjiru", "Xavier", "Yusuf", "Zeynep")
FAMILY = ("Abenov", "Bauer", "Castillo", "Dlamini", "Eriksen", "Farouk", "Gonzaga", "Haddad",
          "Ivanova", "Jaramillo", "Kowalski", "Lindqvist", "Mensah", "Nakamura", "Okafor",
          "Petrov", "Quispe", "Rahimov", "Santos", "Tanaka", "Usmonov", "Vargas", "Wolde",
          "Yilmaz", "Zhakenov")
NUMBER = re.compile(r"(?<![\w.])(\d+(?:\.\d+)?)(?=\s?(?:billion|million|bn|trillion|percent|%))")


def _example_pairs(folder: Path) -> list[tuple[str, dict]]:
    pairs = []
    for gold_path in sorted(folder.glob("*.gold.json")):
        text_path = gold_path.with_name(gold_path.name.replace(".gold.json", ".txt"))
        if text_path.is_file():
            gold = json.loads(gold_path.read_text(encoding="utf-8"))
            pairs.append((text_path.read_text(encoding="utf-8"), gold))
    return pairs


def _country_forms(code: str) -> dict[str, str]:
    """Name, demonym and capital of a country, by kind."""
    forms = {"name": codebooks.country_name(code), "demonym": codebooks.demonym(code),
             "capital": codebooks.capital(code)}
    return {k: v for k, v in forms.items() if v}


def _vary(text: str, gold: dict, rng: random.Random, codes: list[str]) -> tuple[str, str]:
    body = text.strip()
    header = re.match(r"date (\d{4}-\d{2}-\d{2}) ", body)
    if header:
        body = body[header.end():]
    old = [c for c in gold.get("countries", [])][:2]
    new = rng.sample([c for c in codes if c not in old], len(old))
    for a, b in zip(old, new):
        src, dst = _country_forms(a), _country_forms(b)
        for kind in sorted(src, key=lambda k: -len(src[k])):
            if kind in dst:
                body = re.sub(rf"\b{re.escape(src[kind])}\b", dst[kind], body)
    for person in gold.get("persons", []):
        given, family = rng.choice(GIVEN), rng.choice(FAMILY)
        for alias in sorted(person.get("aliases", []), key=len, reverse=True):
            body = body.replace(alias, family if " " not in alias else f"{given} {family}")
        body = body.replace(person["name"], f"{given} {family}")
    scale = rng.uniform(0.5, 2.0)
    body = NUMBER.sub(lambda m: f"{float(m.group(1)) * scale:.1f}", body)
    day = dt.date(2020, 1, 1) + dt.timedelta(days=rng.randrange(5 * 365))
    return body, day.isoformat()


def generate(n: int, examples: Path, *, seed: int = 7) -> Iterator[Article]:
    """`n` distinct synthetic articles made from the example articles in `examples`."""
    pairs = _example_pairs(examples)
    if not pairs:
        raise FileNotFoundError(f"{examples}: no example articles with gold files to vary")
    rng = random.Random(seed)
    codes = [c for c in codebooks.country_codes() if codebooks.demonym(c)]
    for i in range(n):
        text, gold = pairs[i % len(pairs)]
        body, date = _vary(text, gold, rng, codes)
        yield Article(id=f"bench-{i:06d}", text=body, date=date, source="dragoman-bench")
