"""The claims lexicon: `codebooks/data/metrics.tsv` loaded once, and word matching on tokens.

A term is matched against consecutive tokens, each word against the token's lemma or
its lower-case text; spaCy splits "two-way" into three tokens, so hyphens are joined
back before comparing.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Doc, Token

from dragoman.codebooks._tables import read_tsv
from dragoman.errors import DragomanError
from dragoman.model import METRICS
from dragoman.nlp.extensions import token_table

KINDS = ("metric", "verb", "owe", "qualifier", "target", "forecast", "pledge", "announce", "raise", "change", "share",
         "rank_partner", "rank_investor", "superlative", "count", "report", "dyad", "country_ref")
QUALIFIERS = ("exact", "more_than", "at_least", "less_than", "at_most", "about")

Term = tuple[str, ...]


@dataclass(frozen=True)
class ClaimLexicon:
    """The rows of metrics.tsv by kind: kind -> ((term words, value), ...), file order."""

    rows: dict[str, tuple[tuple[Term, str], ...]]
    # words() and value() tables per kind, built on first use (derived from rows only)
    _derived: dict[tuple[str, str], object] = field(default_factory=dict, compare=False, repr=False)

    def terms(self, kind: str) -> tuple[tuple[Term, str], ...]:
        return self.rows.get(kind, ())

    def words(self, kind: str) -> frozenset[str]:
        """The one-word terms of `kind`."""
        found = self._derived.get(("words", kind))
        if found is None:
            found = frozenset(t[0] for t, _ in self.terms(kind) if len(t) == 1)
            self._derived[("words", kind)] = found
        return found  # type: ignore[return-value]

    def value(self, kind: str, word: str) -> str | None:
        """The value of the first one-word term `word` of `kind`."""
        table = self._derived.get(("value", kind))
        if table is None:
            table = {}
            for term, value in self.terms(kind):
                if len(term) == 1:
                    table.setdefault(term[0], value)
            self._derived[("value", kind)] = table
        return table.get(word)  # type: ignore[union-attr]


@lru_cache(maxsize=1)
def claim_lexicon() -> ClaimLexicon:
    """metrics.tsv, checked: known kinds, known metrics and qualifiers."""
    rows: dict[str, list[tuple[Term, str]]] = {}
    for kind, term, value in read_tsv("metrics.tsv", 3):
        if kind not in KINDS:
            raise DragomanError(f"codebooks/data/metrics.tsv: unknown kind {kind!r} for {term!r}")
        if kind in ("metric", "verb", "owe") and value not in METRICS:
            raise DragomanError(f"codebooks/data/metrics.tsv: unknown metric {value!r} for {term!r}")
        if kind == "qualifier" and value not in QUALIFIERS:
            raise DragomanError(f"codebooks/data/metrics.tsv: unknown qualifier {value!r}")
        rows.setdefault(kind, []).append((tuple(term.lower().split()), value))
    return ClaimLexicon({k: TermRows(v) for k, v in rows.items()})


def token_forms(tokens: Sequence[Token]) -> list[tuple[str, str, int]]:
    """(lemma, lower text, index of the first token) per word, hyphenated words joined:
    "two - way" becomes one word "two-way"."""
    words: list[tuple[str, str, int]] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if (tok.text == "-" and words and i + 1 < len(tokens) and not tok.whitespace_
                and tokens[i - 1].idx + len(tokens[i - 1].text) == tok.idx):
            lemma, lower, first = words.pop()
            nxt = tokens[i + 1]
            words.append((f"{lower}-{nxt.lower_}", f"{lower}-{nxt.lower_}", first))
            i += 2
            continue
        words.append((tok.lemma_.lower(), tok.lower_, tok.i))
        i += 1
    return words


def range_forms(doc: Doc, start: int, end: int) -> list[tuple[str, str, int]]:
    """`token_forms(doc[start:end])`, read from the doc's token table."""
    table = token_table(doc)
    text, lower, lemma = table.text, table.lower, table.lemma_lower
    space_after, idx = table.space_after, table.idx
    words: list[tuple[str, str, int]] = []
    j = start
    while j < end:
        if (text[j] == "-" and words and j + 1 < end and not space_after[j]
                and idx[j - 1] + len(text[j - 1]) == idx[j]):
            _, glued, first = words.pop()
            glued = f"{glued}-{lower[j + 1]}"
            words.append((glued, glued, first))
            j += 2
            continue
        words.append((lemma[j], lower[j], j))
        j += 1
    return words


def may_have_terms(doc: Doc, start: int, end: int, terms: Sequence[tuple[Term, str]]) -> bool:
    """False only when `terms_in(range_forms(doc, start, end), terms)` is surely empty: no
    term has all its words among the tokens' lemmas and forms, and no hyphen could glue
    two tokens into a word of a term."""
    table = token_table(doc)
    if "-" in table.text[start:end]:
        return True
    forms = set(table.lemma_lower[start:end]) | set(table.lower[start:end])
    return any(all(w == "*" or w in forms for w in term) for term, _ in terms)


def find_terms(tokens: Sequence[Token], terms: Sequence[tuple[Term, str]]) -> list[tuple[int, int, str, Term]]:
    """Every match of `terms` in `tokens`: (first word index, last word index, value, term),
    as indices into `token_forms(tokens)`."""
    return terms_in(token_forms(tokens), terms)


def terms_in(words: list[tuple[str, str, int]],
             terms: Sequence[tuple[Term, str]]) -> list[tuple[int, int, str, Term]]:
    """`find_terms` over words already formed (`token_forms`, `range_forms`)."""
    by_first, wild = _by_first_word(_key(terms))
    hits = []
    for i, (lemma, lower, _) in enumerate(words):
        for term, value in (*by_first.get(lemma, ()), *(by_first.get(lower, ()) if lower != lemma else ()), *wild):
            n = len(term)
            if i + n <= len(words) and all(
                    w == "*" or w in (words[i + k][0], words[i + k][1]) for k, w in enumerate(term)):
                hits.append((i, i + n - 1, value, term))
    if hits:
        order = _term_order(_key(terms))
        hits.sort(key=lambda h: (order.get(h[3], 0), h[0]))
    return hits


class TermRows(tuple):
    """The (term, value) rows of one kind: a tuple that computes its hash once, since it
    keys the indexes below on every match."""

    def __hash__(self) -> int:
        cached = self.__dict__.get("hash")
        if cached is None:
            cached = self.__dict__["hash"] = tuple.__hash__(self)
        return cached


def _key(terms: Sequence[tuple[Term, str]]) -> tuple[tuple[Term, str], ...]:
    return terms if isinstance(terms, tuple) else tuple(terms)


@lru_cache(maxsize=64)
def _by_first_word(terms: tuple[tuple[Term, str], ...]):
    """Terms indexed by their first word (wildcard-first terms apart), so matching tries
    only the terms that can start at a word instead of every term everywhere."""
    index: dict[str, list[tuple[Term, str]]] = {}
    wild = []
    for term, value in terms:
        if term and term[0] != "*":
            index.setdefault(term[0], []).append((term, value))
        else:
            wild.append((term, value))
    return index, tuple(wild)


def order_of(terms: Sequence[tuple[Term, str]], term: Term) -> int:
    return _term_order(_key(terms)).get(term, 0)


@lru_cache(maxsize=64)
def _term_order(terms: tuple[tuple[Term, str], ...]) -> dict[Term, int]:
    order: dict[Term, int] = {}
    for n, (t, _) in enumerate(terms):
        order.setdefault(t, n)
    return order


@lru_cache(maxsize=64)
def _last_order(terms: tuple[tuple[Term, str], ...]) -> dict[Term, int]:
    """Term -> its last position in `terms`."""
    return {t: n for n, (t, _) in enumerate(terms)}


def best_term(tokens: Sequence[Token], terms: Sequence[tuple[Term, str]],
              head: Token | None = None) -> tuple[str, Term] | None:
    """The value of the term that best names `tokens`: one ending on `head` (the head noun)
    first, then the longest, then the first in file order."""
    words = token_forms(tokens)
    hits = terms_in(words, terms)
    if not hits:
        return None
    order = _last_order(_key(terms))

    def rank(hit: tuple[int, int, str, Term]) -> tuple[int, int, int]:
        ends_on_head = head is not None and words[hit[1]][2] == head.i
        return (0 if ends_on_head else 1, -len(hit[3]), order.get(hit[3], 0))

    best = min(hits, key=rank)
    return best[2], best[3]


def has_term(tokens: Sequence[Token], terms: Sequence[tuple[Term, str]]) -> bool:
    return bool(find_terms(tokens, terms))


def reports(tok: Token, lex: ClaimLexicon) -> bool:
    """Whether `tok` is a verb that reports speech or a figure ("said", "put ... at")."""
    return tok.pos_ == "VERB" and tok.lemma_.lower() in lex.words("report")
