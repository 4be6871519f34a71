"""Name normalisation and spelling-variant tests for people's names.

Articles spell the same person several ways: accents dropped (Erdoğan / Erdogan),
transliteration variants (Kassym-Jomart / Kasym-Zhomart), or a plain typo
(Nurtleu / Nurtileu). These helpers decide when two forms can be the same name.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from rapidfuzz.distance import Levenshtein
from rapidfuzz import fuzz

# Letters NFKD does not decompose to ASCII but which writers routinely drop.
_FOLD = str.maketrans({"ı": "i", "ł": "l", "ø": "o", "đ": "d", "ß": "ss", "æ": "ae", "œ": "oe",
                       "’": "'", "‘": "'"})


_NON_ALNUM = re.compile(r"[^a-z0-9]+")


def fold(text: str) -> str:
    """Lower case, accents removed, punctuation to single spaces: the comparison key."""
    if text.isascii():  # nothing to translate, decompose or strip: the same key, faster
        return text.lower() if text.isalnum() else _NON_ALNUM.sub(" ", text.lower()).strip()
    return _fold_unicode(text)


@lru_cache(maxsize=8192)
def _fold_unicode(text: str) -> str:
    """`fold` of a text with letters outside ASCII (asked again and again for the same names)."""
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


# Initials that transliterations of one name write differently: Turkish "C" is English "J"
# (Cabbarov / Jabbarov), Russian "Zh" / "Dzh" is "J", "Kh" is "H", "Q" is "K", "Ye" is "E".
_INITIAL_SPELLINGS = (("dzh", "j"), ("zh", "j"), ("dj", "j"), ("kh", "h"), ("ch", "c"),
                      ("q", "k"), ("ye", "e"), ("yu", "u"), ("c", "j"))


def _initial_forms(word: str) -> tuple[str, ...]:
    """`word` and, when its initial has a common other spelling, the word respelled."""
    for src, dst in _INITIAL_SPELLINGS:
        if word.startswith(src):
            return (word, dst + word[len(src):])
    return (word,)


def is_spelling_variant(a: str, b: str) -> bool:
    """Could the single words `a` and `b` be spellings of one surname?"""
    fa, fb = fold(a), fold(b)
    if fa == fb:
        return True
    if not fa or not fb:
        return False
    limit = max_typo_distance(min(len(fa), len(fb)))
    return any(x[0] == y[0] and Levenshtein.distance(x, y) <= limit
               for x in _initial_forms(fa) for y in _initial_forms(fb))


@lru_cache(maxsize=4096)
def name_keys(name: str) -> frozenset[str]:
    """Surname keys of a full name: the last word, and the last two and three words written
    together, since particles and hyphens come and go ("al-Saadi", "Gebre-Egziabher")."""
    words = fold(name).split()
    return frozenset("".join(words[-k:]) for k in range(1, min(3, len(words)) + 1))


def _joined_variant(short: list[str], long_: list[str]) -> bool:
    joined = "".join(short)
    if len(joined) < 6:
        return False
    return any(is_spelling_variant(joined, "".join(long_[-k:]))
               for k in range(2, min(3, len(long_)) + 1) if k <= len(long_))


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
    if _joined_variant(short, long_):
        return True  # "Al-Sa'adi" / "al-Saadi"; "Gebregziabher" / "Gebre-Egziabher"
    if not is_spelling_variant(ta[-1], tb[-1]):
        return False
    if len(ta) == 1 or len(tb) == 1:
        return True
    given_a, given_b = " ".join(ta[:-1]), " ".join(tb[:-1])
    # 70: "kassym jomart" / "kasym zhomart" score 85; "ilham" / "heydar" score 36.
    return fuzz.ratio(given_a, given_b) >= 70 or given_a.split()[0] == given_b.split()[0]


def token_folds(doc) -> list[str]:
    """`fold` of every token of a spaCy Doc, computed once per doc and kept in user_data."""
    # (imported here: the rest of this module is plain string work, which the knowledge
    # base's writer uses without loading spaCy)
    from dragoman.nlp.extensions import token_table
    folds = doc.user_data.get("dragoman_folds")
    if folds is None or len(folds) != len(doc):
        memo: dict[str, str] = {}
        folds = []
        for text in token_table(doc).text:
            key = memo.get(text)
            if key is None:
                key = memo[text] = fold(text)
            folds.append(key)
        doc.user_data["dragoman_folds"] = folds
    return folds


class PhraseIndex:
    """Which folded multi-word keys can start at a token: the look-up behind the country,
    place and office matchers. Joining token folds equals folding the span's text, so a
    key is built per candidate n-gram without re-folding, and only n-grams whose first
    word begins some key are tried."""

    def __init__(self, keys) -> None:
        self.longest: dict[str, int] = {}
        for key in keys:
            words = key.split()
            if words:
                self.longest[words[0]] = max(self.longest.get(words[0], 0), len(words))

    def candidates(self, folds: list[str], i: int, max_tokens: int) -> list[tuple[int, str]]:
        """(end token, folded key) of the n-grams from token i, longest first."""
        first = folds[i]
        if not first:
            return []
        budget = self.longest.get(first.split()[0], 0)
        out: list[tuple[int, str]] = []
        words: list[str] = []
        for j in range(i, min(len(folds), i + max_tokens)):
            if folds[j]:
                words.extend(folds[j].split())
                if len(words) > budget:
                    break
                out.append((j + 1, " ".join(words)))
            elif j > i:
                out.append((j + 1, " ".join(words)))
        return out[::-1]
