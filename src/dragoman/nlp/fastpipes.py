"""Faster stand-ins for the model's two rule-based components, with identical output.

The statistical model ends in two rule components that cost more than they should:
the attribute ruler (about 180 one- and two-token Matcher patterns: the tag map to POS
and morphology, pronoun lemmas, auxiliaries) and the rule lemmatizer. spaCy's Matcher
tries every pattern at every token; `IndexedAttributeRuler` looks up, per token, only
the patterns whose first token can match its tag, lower-case form or dependency, then
applies the matches exactly as `AttributeRuler` does (same order, same writes).
`MemoLemmatizer` memoises the rule lemmatizer's answer per (form, POS, morphology),
the key its result depends on, and writes all lemmas of a doc at once.

`build_pipeline` swaps them in under the original component names;
`tests/nlp/test_speed_invariance.py` checks that every token attribute comes out
identical. Patterns the index cannot express (operators, extension attributes,
predicates other than equality, IN, NOT_IN and REGEX) make the ruler fall back to the
Matcher, so any model stays correct.
"""
from __future__ import annotations

import re
from collections.abc import Callable

import numpy
from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, ORTH, POS, TAG
from spacy.lang.en.lemmatizer import EnglishLemmatizer
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs

from dragoman.config import BLAS_CHOICES

# Token attributes the index can read, by pattern key: column in the doc array.
_ATTRS = {"TAG": TAG, "LOWER": LOWER, "DEP": DEP, "IS_SPACE": IS_SPACE}
_INDEXABLE = ("TAG", "LOWER", "DEP")  # keys whose values can index a pattern

Check = Callable[[list[int]], bool]


class _Unsupported(Exception):
    """A pattern the index cannot express: use the Matcher."""


def _check(vocab, key: str, cond) -> Check:
    """A test on one token's row of attribute values, as the Matcher would make it."""
    col = list(_ATTRS).index(key)
    strings = vocab.strings
    if isinstance(cond, dict):
        if len(cond) != 1:
            raise _Unsupported(cond)
        (op, arg), = cond.items()
        if op == "IN" and key != "IS_SPACE":
            allowed = frozenset(strings.add(v) if isinstance(v, str) else v for v in arg)
            return lambda row: row[col] in allowed
        if op == "NOT_IN" and key != "IS_SPACE":
            banned = frozenset(strings.add(v) if isinstance(v, str) else v for v in arg)
            return lambda row: row[col] not in banned
        if op == "REGEX" and key != "IS_SPACE":
            pattern = re.compile(arg)
            seen: dict[int, bool] = {}  # answer per string: tried at every token

            def regex_check(row: list[int]) -> bool:
                hit = seen.get(row[col])
                if hit is None:
                    hit = seen[row[col]] = bool(pattern.search(strings[row[col]]))
                return hit
            return regex_check
        raise _Unsupported(cond)
    if key == "IS_SPACE":
        if not isinstance(cond, bool):
            raise _Unsupported(cond)
        flag = int(cond)
        return lambda row: row[col] == flag
    if not isinstance(cond, str):
        raise _Unsupported(cond)
    value = strings.add(cond)
    return lambda row: row[col] == value


def _index_values(vocab, spec: dict) -> tuple[str, list[int]] | None:
    """(key, hashes) under which a pattern whose first token is `spec` is filed."""
    for key in _INDEXABLE:
        cond = spec.get(key)
        if isinstance(cond, str):
            return key, [vocab.strings.add(cond)]
        if isinstance(cond, dict) and list(cond) == ["IN"]:
            return key, [vocab.strings.add(v) for v in cond["IN"]]
    if spec.get("IS_SPACE") is True:
        return "IS_SPACE", [1]
    return None


class PatternIndex:
    """The ruler's patterns filed by what their first token requires.

    An entry is (attr id, match id, checks of the first token, checks of each later
    token); the test a pattern is filed under is left out of its first checks."""

    def __init__(self, vocab, patterns: list[dict]) -> None:
        self.by_key: dict[str, dict[int, list]] = {key: {} for key in (*_INDEXABLE, "IS_SPACE")}
        self.always: list = []
        for attr_id, entry in enumerate(patterns):
            match_id = vocab.strings[str(attr_id)]
            for pattern in entry["patterns"]:
                if not pattern or any(not isinstance(spec, dict) or any(k not in _ATTRS for k in spec)
                                      for spec in pattern):
                    raise _Unsupported(pattern)
                filed = _index_values(vocab, pattern[0])
                first = tuple(_check(vocab, k, c) for k, c in pattern[0].items()
                              if filed is None or k != filed[0])
                rest = tuple(tuple(_check(vocab, k, c) for k, c in spec.items()) for spec in pattern[1:])
                item = (attr_id, match_id, first, rest)
                if filed is None:
                    self.always.append(item)
                else:
                    for value in filed[1]:
                        self.by_key[filed[0]].setdefault(value, []).append(item)

    def matches(self, rows: list[list[int]]) -> list[tuple[int, int, int, int]]:
        """(attr id, match id, start, end) of every pattern match, sorted like
        `AttributeRuler.match`."""
        by_tag, by_lower, by_dep, by_space = (self.by_key[k] for k in (*_INDEXABLE, "IS_SPACE"))
        found = set()
        for i, row in enumerate(rows):
            for bucket in (by_tag.get(row[0]), by_lower.get(row[1]), by_dep.get(row[2]),
                           by_space.get(row[3]), self.always):
                if not bucket:
                    continue
                for attr_id, match_id, first, rest in bucket:
                    if _fits(row, first) and (not rest or _fits_rest(rows, i + 1, rest)):
                        found.add((attr_id, match_id, i, i + 1 + len(rest)))
        return sorted(found)


def _fits(row: list[int], checks: tuple[Check, ...]) -> bool:
    for check in checks:
        if not check(row):
            return False
    return True


def _fits_rest(rows: list[list[int]], start: int, steps: tuple[tuple[Check, ...], ...]) -> bool:
    if start + len(steps) > len(rows):
        return False
    for row, checks in zip(rows[start:start + len(steps)], steps):
        if not _fits(row, checks):
            return False
    return True


class IndexedAttributeRuler(AttributeRuler):
    """`AttributeRuler` whose matching looks patterns up per token instead of scanning
    all of them everywhere; same matches, same writes."""

    _index: PatternIndex | None = None
    _unsupported: bool = False

    def add(self, patterns, attrs, index: int = 0) -> None:
        self._index, self._unsupported = None, False
        super().add(patterns, attrs, index)

    def clear(self) -> None:
        self._index, self._unsupported = None, False
        super().clear()

    def match(self, doc: Doc):
        if self._index is None and not self._unsupported:
            try:
                self._index = PatternIndex(self.vocab, self.patterns)
            except _Unsupported:
                self._unsupported = True
        if self._index is None:
            return super().match(doc)
        rows = doc.to_array([_ATTRS[k] for k in _ATTRS]).tolist()
        return self._index.matches(rows)

    def set_annotations(self, doc: Doc, matches) -> None:
        """As `AttributeRuler.set_annotations`, without building a Span per match."""
        for attr_id, _match_id, start, end in matches:
            index = self.indices[attr_id]
            i = start + index if index >= 0 else end + index
            if not start <= i < end:
                return super().set_annotations(doc, [(attr_id, _match_id, start, end)])  # raises
            set_token_attrs(doc[i], self.attrs[attr_id])


class MemoLemmatizer(EnglishLemmatizer):
    """The English rule lemmatizer with its answers memoised per (form, POS, morphology)
    — the only inputs `rule_lemmatize` reads — and written to the doc in one array."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._memo: dict[tuple[int, int, int], int] = {}
        self._base_forms: dict[tuple[int, int], bool] = {}

    def is_base_form(self, token) -> bool:
        """`EnglishLemmatizer.is_base_form`, which reads only the POS and the morphology,
        answered once per (POS, morphology)."""
        key = (token.pos, token.morph.key)
        found = self._base_forms.get(key)
        if found is None:
            found = self._base_forms[key] = super().is_base_form(token)
        return found

    def __call__(self, doc: Doc) -> Doc:
        if self.mode != "rule":
            return super().__call__(doc)
        if not self._validated:
            self._validate_tables()
        rows = doc.to_array([ORTH, POS, MORPH, LEMMA]).tolist()
        lemmas = [row[3] for row in rows]
        memo, strings, overwrite = self._memo, self.vocab.strings, self.overwrite
        for i, (orth, pos, morph, lemma) in enumerate(rows):
            if lemma and not overwrite:
                continue
            value = memo.get((orth, pos, morph))
            if value is None:
                value = strings.add(self.lemmatize(doc[i])[0])
                memo[(orth, pos, morph)] = value
            lemmas[i] = value
        doc.from_array([LEMMA], numpy.array(lemmas, dtype=numpy.uint64).reshape(-1, 1))
        return doc


@Language.factory("dragoman_attribute_ruler", default_config={"validate": False})
def make_attribute_ruler(nlp: Language, name: str, validate: bool) -> IndexedAttributeRuler:
    return IndexedAttributeRuler(nlp.vocab, name, validate=validate)


@Language.factory("dragoman_lemmatizer", default_config={"overwrite": False})
def make_lemmatizer(nlp: Language, name: str, overwrite: bool) -> MemoLemmatizer:
    return MemoLemmatizer(nlp.vocab, None, name, mode="rule", overwrite=overwrite)


def speed_up_rule_components(nlp: Language) -> None:
    """Replace the model's attribute ruler and English rule lemmatizer, where present,
    by the faster equivalents above (same names, same patterns and tables)."""
    if "attribute_ruler" in nlp.pipe_names:
        old = nlp.get_pipe("attribute_ruler")
        if type(old) is AttributeRuler:
            patterns = old.patterns
            new = nlp.replace_pipe("attribute_ruler", "dragoman_attribute_ruler",
                                   config={"validate": old.validate})
            new.add_patterns(patterns)
    if "lemmatizer" in nlp.pipe_names:
        old = nlp.get_pipe("lemmatizer")
        if type(old) is EnglishLemmatizer and old.mode == "rule":
            new = nlp.replace_pipe("lemmatizer", "dragoman_lemmatizer",
                                   config={"overwrite": old.overwrite})
            new.lookups = old.lookups
            new._validate_tables()


def use_blas(nlp: Language, blas: str = "numpy") -> None:
    """Run the statistical model's matrix products on `blas`: "numpy" (numpy's own BLAS,
    OpenBLAS in the wheels, with AVX2/AVX-512 kernels) or "blis" (thinc's default).

    Same weights, same operations: on this machine's 136k-token check the tags, parses and
    entities came out identical, and the model ran ~25% faster ("numpy"). numpy's BLAS
    is held to one thread: dragoman spreads work over cores with processes (`--jobs`,
    Dask), and a second BLAS thread per process would only fight them for the cores.
    Leaves GPU ops and models that are not thinc models alone."""
    if blas not in BLAS_CHOICES:
        raise ValueError(f"blas must be one of {', '.join(BLAS_CHOICES)}, got {blas!r}")
    if blas == "blis":
        return
    from threadpoolctl import threadpool_limits
    from thinc.api import Model, NumpyOps

    threadpool_limits(limits=1, user_api="blas")  # process-wide, for as long as it runs
    ops = NumpyOps(use_blis=False)
    for _, proc in nlp.pipeline:
        model = getattr(proc, "model", None)
        if isinstance(model, Model) and type(model.ops) is NumpyOps:
            for node in model.walk():
                node.ops = ops


__all__ = ["BLAS_CHOICES", "IndexedAttributeRuler", "MemoLemmatizer", "PatternIndex",
           "speed_up_rule_components", "use_blas"]
