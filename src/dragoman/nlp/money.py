"""Numbers, money and percentages as news text writes them.

`find_amounts(text)` returns every amount in a text with its full value and unit:
"$6.3 billion" -> 6.3e9 USD, "USD 10 bn" -> 1e10 USD, "3 billion USD", "€450 million",
"2.5 trillion tenge" -> 2.5e12 KZT, "12 percent" / "12%" -> 12 percent, "500 students"
-> 500 "number". Currency symbols and words come from `codebooks/data/currencies.tsv`;
three-letter ISO 4217 codes are recognised from pycountry. A range written as one
amount ("$2-3 billion", "between $4 billion and $5 billion") is one `Amount` with
`value` the low end and `high` the high end. A change by a fraction ("grew by a third")
is a percentage (33.3).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

import pycountry

from dragoman.codebooks._tables import read_tsv
from dragoman.nlp.textscan import hinted, lowered

PERCENT = "percent"
# The code of a currencies.tsv row that is money only when the article names one of its
# alternatives' words: "N1.2 trillion" is naira in an article about Nigeria, nothing elsewhere.
NO_CODE = "-"
NUMBER = "number"  # a bare quantity: a count, or a number whose unit the words after it give

_SCALES = {"thousand": 1e3, "k": 1e3, "million": 1e6, "mn": 1e6, "mln": 1e6, "m": 1e6,
           "billion": 1e9, "bn": 1e9, "bln": 1e9, "b": 1e9, "trillion": 1e12, "tn": 1e12,
           "trn": 1e12, "crore": 1e7, "lakh": 1e5}
_WORD_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
                 "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
                 "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
                 "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
                 "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
                 "hundred": 100, "a hundred": 100, "dozen": 12, "a dozen": 12, "half a": 0.5,
                 "several": None}

_DIGITS = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
# Word numbers that need a scale after them ("a billion") and those that stand alone ("five").
_WORDS_SCALED = r"(?:a|an|one|half\s+a|a\s+hundred)"
_WORDS_ALONE = (r"(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
                r"fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|"
                r"seventy|eighty|ninety|hundred|dozen|a\s+dozen)")
_SCALE = (r"(?:(?:\s*|-)(?i:thousand|million|billion|trillion|crore|lakh)s?\b"  # "a $1.5-billion loan"
          r"|\s?(?i:bn|mn|mln|bln|tn|trn)\b|(?:[mbkMBK])\b)")
_CORE = (rf"(?P<num>{_DIGITS}|(?i:{_WORDS_ALONE})|(?i:{_WORDS_SCALED})(?={_SCALE}))"
         rf"(?:\s*(?:-|–|to)\s*(?P<num2>{_DIGITS}))?(?P<scale>{_SCALE})?")
_PERCENT_WORDS = r"(?:\s*%|\s*(?i:percent|per\s+cent|pct|percentage\s+points?)\b)"


@dataclass(frozen=True)
class Amount:
    """A number in the text. start/end: characters into the text; value: the full number
    (6.3e9 for "6.3 billion"); unit: ISO 4217 code, "percent" or "number"; high: the upper
    end of a range ("$2-3 billion": value 2e9, high 3e9), else None; scale: the multiplier
    the words gave (1e9 for "billion", 1.0 when none)."""

    start: int
    end: int
    text: str
    value: float
    unit: str
    high: float | None = None
    scale: float = 1.0


@dataclass(frozen=True)
class CurrencyForm:
    """One way to write a currency: form as written; kind "symbol" or "word"; code ISO 4217;
    alternatives: (code, words) pairs — use code when the article contains one of the words."""

    form: str
    kind: str
    code: str
    alternatives: tuple[tuple[str, tuple[str, ...]], ...] = ()


@lru_cache(maxsize=1)
def currency_forms() -> tuple[CurrencyForm, ...]:
    """The rows of currencies.tsv, in file order."""
    forms = []
    for form, kind, code, alt in read_tsv("currencies.tsv", 3, 4):
        alternatives = tuple((a.split(":")[0], tuple(a.split(":")[1].split("|")))
                             for a in alt.split(";") if ":" in a)
        forms.append(CurrencyForm(form, kind, code, alternatives))
    return tuple(forms)


@lru_cache(maxsize=1)
def iso_codes() -> frozenset[str]:
    """Every ISO 4217 alpha-3 code pycountry knows."""
    return frozenset(c.alpha_3 for c in pycountry.currencies)


def _symbol_pattern(form: str) -> str:
    escaped = re.escape(form)
    if form.endswith("$") and len(form) > 2:  # "US$" is also written "US $" ("A $2 bn deal" is not A$)
        escaped = escaped[:-2] + r"\s?\$"
    if form[0].isalpha():
        return rf"(?<![A-Za-z]){escaped}" + (r"\.?" if form[-1].isalpha() else "")
    return escaped


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], ...]:
    forms = currency_forms()
    symbols = sorted((f.form for f in forms if f.kind == "symbol"), key=len, reverse=True)
    words = sorted((f.form for f in forms if f.kind == "word"), key=len, reverse=True)
    sym = "|".join(_symbol_pattern(s) for s in symbols)
    word = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)
    word_re = rf"(?i:(?:{word})(?:e?s)?)\b"
    core2 = _CORE.replace("?P<num>", "?P<n_b>").replace("?P<num2>", "?P<n2_b>").replace("?P<scale>", "?P<s_b>")
    return (
        hinted(rf"(?P<sym>{sym})\s?{_CORE}(?:\s+(?P<word>{word_re}))?"),
        hinted(rf"\b(?P<code>[A-Z]{{3}})\s?{_CORE}"),
        # the word first: "172 billion CFA francs" is a currency word, not the code "CFA"
        hinted(rf"\b{_CORE}(?:\s+|(?<=[a-z])-)(?:(?P<word>{word_re})|(?P<code>[A-Z]{{3}})\b)"),
        hinted(rf"\b{_CORE}(?P<pct>{_PERCENT_WORDS})"),
        hinted(rf"(?<![\w.,$€£¥]){core2}(?![\w%])"),
    )


@dataclass(frozen=True)
class _Gates:
    """Cheap tests of what each pattern of `_patterns()` needs somewhere in the text: a
    number (digits, or a number word on the lower-cased text), and a currency symbol, a
    three-capital code, a currency word or a percent word. Plain regexes over lower-cased
    text stand in for the patterns' slow case-insensitive alternatives."""

    digit: re.Pattern[str]
    number_word: re.Pattern[str]  # on lower-cased text
    symbol: re.Pattern[str]
    caps: re.Pattern[str]
    currency_word: re.Pattern[str]  # on lower-cased text
    percent: re.Pattern[str]  # on lower-cased text


@lru_cache(maxsize=1)
def _gates() -> _Gates:
    forms = currency_forms()
    # A symbol ending in "$" may be written with a space before it ("US $"): "$" is its anchor.
    symbols = {"$" if f.form.endswith("$") else f.form for f in forms if f.kind == "symbol"}
    words = {f.form.split()[-1].lower() for f in forms if f.kind == "word"}
    def alternation(items: set[str]) -> re.Pattern[str]:
        return re.compile("|".join(re.escape(i) for i in sorted(items, key=len, reverse=True)))
    # A number word: one that stands alone, or a scale after "a", "an", "one" ("a billion",
    # "one bn", "a m"): the scale word, or a, n or e followed by the short scale.
    number_word = (rf"{_WORDS_ALONE}|thousand|million|billion|trillion|crore|lakh"
                   r"|[ane]\s?(?:bn|mn|mln|bln|tn|trn)\b|[ane][mbk]\b")
    return _Gates(re.compile(r"\d"), re.compile(number_word),
                  alternation(symbols), re.compile(r"[A-Z]{3}"), alternation(words),
                  re.compile(r"%|pct|percent|per\s+cent"))


def _may_match(text: str) -> tuple[bool, bool, bool, bool, bool]:
    """For each pattern of `_patterns()`, could it match anywhere in `text`? (False only
    when it surely cannot.) Lower-casing keeps every match of a case-insensitive ASCII
    word unless the text has one of `textscan.CASE_TWINS`; then every pattern is tried."""
    lower = lowered(text)
    if lower is None:
        return (True, True, True, True, True)
    gates = _gates()
    if not gates.digit.search(text) and not gates.number_word.search(lower):
        return (False, False, False, False, False)
    caps = gates.caps.search(text) is not None
    return (gates.symbol.search(text) is not None, caps,
            caps or gates.currency_word.search(lower) is not None,
            "%" in text or gates.percent.search(lower) is not None, True)


def _number(text: str) -> float | None:
    text = " ".join(text.lower().split())
    if text in _WORD_NUMBERS:
        return _WORD_NUMBERS[text]
    try:
        return float(text.replace(",", ""))
    except ValueError:
        return None


def _scale(text: str | None) -> float:
    if not text:
        return 1.0
    word = text.strip().lstrip("-").lower()  # "-billion" in "a $1.5-billion loan"
    return _SCALES.get(word if word in ("bn", "mn", "tn") else word.rstrip("s"), 1.0)


def parse_number(text: str) -> float | None:
    """The value of a number as written: "6.3" -> 6.3, "6,300" -> 6300.0, "two" -> 2.0,
    "6.3 billion" / "6.3bn" -> 6.3e9, "a million" -> 1e6; None when it is not a number."""
    m = re.fullmatch(_CORE, text.strip())
    if not m:
        return None
    value = _number(m["num"])
    return None if value is None else value * _scale(m["scale"])


def _currency_of(form: str, kind: str, context: str) -> str | None:
    folded = " ".join(form.split()).lower()
    index = _written_forms(kind)
    found = [n for n in (index.get(folded), index.get(folded.replace(" ", ""))) if n is not None]
    code = _by_context(currency_forms()[min(found)], context) if found else None
    return None if code == NO_CODE else code


@lru_cache(maxsize=2)
def _written_forms(kind: str) -> dict[str, int]:
    """How a currency of `kind` may be written (lower case) -> position of its first row in
    `currency_forms()`: a word also with "s" / "es", a symbol also with " $" or ".". """
    index: dict[str, int] = {}
    for n, item in enumerate(currency_forms()):
        if item.kind != kind:
            continue
        form = item.form.lower()
        variants = (form, form.replace("$", " $"), form + ".") if kind == "symbol" else (
            form, form + "s", form + "es")
        for variant in variants:
            index.setdefault(variant, n)
    return index


@lru_cache(maxsize=64)
def _by_context(item: CurrencyForm, context: str) -> str:
    """The alternative code whose words `context` uses most, else the row's own code."""
    best, best_count = item.code, 0
    for code, words in item.alternatives:
        count = sum(len(re.findall(rf"(?<!\w){re.escape(w)}(?!\w)", context)) for w in words)
        if count > best_count:
            best, best_count = code, count
    return best


def _unit(m: re.Match[str], context: str) -> str | None:
    groups = m.groupdict()
    if groups.get("pct"):
        return PERCENT
    if groups.get("sym"):
        return _currency_of(groups["sym"], "symbol", context)
    if groups.get("code"):
        return groups["code"] if groups["code"] in iso_codes() else None
    if groups.get("word"):
        return _currency_of(groups["word"], "word", context)
    return NUMBER


def _amount(m: re.Match[str], context: str) -> Amount | None:
    groups = m.groupdict()
    unit = _unit(m, context)
    num, num2, scale = (groups.get("num") or groups.get("n_b"), groups.get("num2") or groups.get("n2_b"),
                        groups.get("scale") or groups.get("s_b"))
    value = _number(num) if num else None
    if unit is None or value is None:
        return None
    if unit == NUMBER and re.fullmatch(r"\d{4}", num) and not scale and not num2:
        return None  # a bare four-digit number is a year far more often than a count
    sym = groups.get("sym") or ""
    if len(sym) == 1 and sym.isalpha() and not scale and "," not in num:
        return None  # "N1.2 trillion" and "N5,000" are naira; "N95" or "R2" name a thing
    factor = _scale(scale)
    high = _number(num2) * factor if num2 and _number(num2) is not None else None  # type: ignore[operator]
    return Amount(m.start(), m.end(), m[0], value * factor, unit, high, factor)


def _join_between(text: str, amounts: list[Amount]) -> list[Amount]:
    """"between $4 billion and $5 billion", "between $2 and $3 billion": one range; the low
    end takes the scale and unit of the high end when it has none."""
    out: list[Amount] = []
    i = 0
    while i < len(amounts):
        a = amounts[i]
        if i + 1 < len(amounts):
            b = amounts[i + 1]
            opener = re.search(r"(?i:\bbetween\s+)$", text[max(0, a.start - 10):a.start])
            if opener and re.fullmatch(r"\s+(?:and|to)\s+", text[a.end:b.start]):
                low = a.value * (b.scale if a.scale == 1.0 else 1.0)
                if a.unit in (NUMBER, b.unit):
                    out.append(Amount(a.start, b.end, text[a.start:b.end], low, b.unit, b.value, b.scale))
                    i += 2
                    continue
        out.append(a)
        i += 1
    return out


# As news rounds them (the scorer allows 1 %): "a third" is 33.3 percent.
_FRACTIONS = {"half": 50.0, "third": 33.3, "quarter": 25.0, "fifth": 20.0, "tenth": 10.0,
              "two-thirds": 66.7, "three-quarters": 75.0}
# A change by a fraction: "grew by a third", "fell by almost a fifth", "up by half", "down a
# quarter" — a percentage (33.3 for "a third"); "a third of the trucks" is no change.
_FRACTION = re.compile(
    r"(?i)\b(?:by|up|down)\s+(?:(?:almost|nearly|about|around|roughly|some|more\s+than|over|"
    r"(?:just\s+)?(?:over|under)|less\s+than)\s+)?"
    r"(?P<frac>(?:a|one)\s+(?:half|third|quarter|fifth|tenth)|half|two[\s-]thirds|three[\s-]quarters)"
    r"\b(?!\s+(?:of|a|an|the|its|their)\b|-)")
_FRACTION_GATE = re.compile(r"half|third|quarter|fifth|tenth")


def _fractions(text: str) -> list[Amount]:
    """Changes by a fraction (see `_FRACTION`), as percentages."""
    lower = lowered(text)
    if lower is not None and not _FRACTION_GATE.search(lower):
        return []
    out = []
    for m in _FRACTION.finditer(text):
        words = m["frac"].lower().replace(" ", "-").split("-")
        key = words[-1] if words[0] in ("a", "one") or len(words) == 1 else "-".join(words)
        out.append(Amount(m.start("frac"), m.end("frac"), m["frac"], _FRACTIONS[key], PERCENT))
    return out


def find_amounts(text: str, context: str | None = None) -> list[Amount]:
    """Every amount in `text`, in text order, longest form first where forms overlap.

    context: the whole article, consulted for ambiguous symbols ("¥" is CNY in an
    article that speaks of yuan); defaults to `text`.
    """
    context = text if context is None else context
    found: list[Amount] = []
    for pattern, maybe in zip(_patterns(), _may_match(text)):
        if not maybe:
            continue
        for m in pattern.finditer(text):
            amount = _amount(m, context)
            if amount is not None:
                found.append(amount)
    found += _fractions(text)
    found.sort(key=lambda a: (a.unit == NUMBER, -(a.end - a.start), a.start))
    chosen: list[Amount] = []
    for a in found:
        if all(a.end <= c.start or a.start >= c.end for c in chosen):
            chosen.append(a)
    chosen.sort(key=lambda a: a.start)
    return _join_between(text, [_strip(a) for a in chosen])


def _strip(amount: Amount) -> Amount:
    """Trailing spaces a pattern took before a word it did not keep."""
    text = amount.text.rstrip()
    return replace(amount, end=amount.start + len(text), text=text) if text != amount.text else amount
