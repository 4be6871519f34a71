"""Name normalisation and spelling-variant tests for people's names.

Articles spell the same person several ways: accents dropped (Erdoğan / Erdogan),
transliteration variants (Kassym-Jomart / Kasym-Zhomart), or a plain typo
(Nurtleu / Nurtileu). These helpers decide when two forms can be the same name.
"""
from __future__ import annotations

import re
import unicodedata

from rapidfuzz.distance import Levenshtein
from rapidfuzz import fuzz

# Letters NFKD does not decompose to ASCII but which writers routinely drop.
_FOLD = str.maketrans({"ı": "i", "ł": "l", "ø": "o", "đ": "d", "ß": "ss", "æ": "ae", "œ": "oe",
                       "’": "'", "‘": "'"})


def fold(text: str) -> str:
    """Lower case, accents removed, punctuation to single spaces: the comparison key."""
    text = unicodedata.normalize("NFKD", text.translate(_FOLD))
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    return re.sub(r"[^a-z0-9]+", " ", text).strip()


def max_typo_distance(length: int) -> int:
    """Edit distance allowed between two spellings of a surname of `length` letters.

    Tuned on transliterated Central Asian, Turkish, Arabic and African surnames:
    one edit up to 7 letters, two from 8; short names (under 5) must match exactly,
    since "Ali" / "Alp" are different people.
    """
    if length < 5:
        return 0
    return 1 if length < 8 else 2


def is_spelling_variant(a: str, b: str) -> bool:
    """Could the single words `a` and `b` be spellings of one surname?"""
    fa, fb = fold(a), fold(b)
    if fa == fb:
        return True
    if not fa or not fb or fa[0] != fb[0]:
        return False
    return Levenshtein.distance(fa, fb) <= max_typo_distance(min(len(fa), len(fb)))


def same_person_name(full_a: str, full_b: str) -> bool:
    """Could two multi-word names be one person? Surnames must be variants of each other
    and the given names similar (transliterations: Kassym-Jomart / Kasym-Zhomart)."""
    ta, tb = fold(full_a).split(), fold(full_b).split()
    if not ta or not tb:
        return False
    short, long_ = sorted((ta, tb), key=len)
    n = len(short)
    if any(long_[i:i + n] == short for i in range(len(long_) - n + 1)):
        return True  # "Al-Harbi" in "Faisal Al-Harbi"; "Tang" in "Tang Wenbo" (surname first)
    if not is_spelling_variant(ta[-1], tb[-1]):
        return False
    if len(ta) == 1 or len(tb) == 1:
        return True
    given_a, given_b = " ".join(ta[:-1]), " ".join(tb[:-1])
    # 70: "kassym jomart" / "kasym zhomart" score 85; "ilham" / "heydar" score 36.
    return fuzz.ratio(given_a, given_b) >= 70 or given_a.split()[0] == given_b.split()[0]
