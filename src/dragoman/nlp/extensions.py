"""The `Doc._` extensions through which dragoman's pipeline components talk.

Each component reads what earlier ones wrote and adds its own list:
`pub_date` (set before the pipeline runs), `entities` and `mentions` (actors),
`quotes`, `timexes`, `claims`, `events`, `sectors`, `findings`.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass
from datetime import date
from functools import cached_property

import numpy
from spacy.attrs import (DEP, ENT_TYPE, HEAD, IDX, IS_ALPHA, IS_PUNCT, IS_SPACE, LEMMA, LIKE_NUM,
                         LOWER, ORTH, POS, SPACY, TAG)
from spacy.tokens import Doc, Span

from dragoman.model import Entity

LIST_EXTENSIONS = ("entities", "mentions", "quotes", "timexes", "claims", "events",
                   "sectors", "findings")


@dataclass(frozen=True)
class Mention:
    """One place where an entity is named. start/end: characters into the doc text;
    kind: how it is named — "name" (full or partial name), "title" (a title phrase such as
    "the Turkish foreign minister"), "demonym" ("Turkish"), "capital" (a capital used for
    its government), "acronym"."""

    start: int
    end: int
    entity_id: str
    kind: str = "name"


def register_extensions() -> None:
    """Declare the extensions once per process (spaCy keeps them on the Doc class)."""
    if not Doc.has_extension("pub_date"):
        Doc.set_extension("pub_date", default=None)
    for name in LIST_EXTENSIONS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


def set_pub_date(doc: Doc, value: date | None) -> Doc:
    doc._.pub_date = value
    return doc


def entity_by_id(doc: Doc) -> dict[str, Entity]:
    return {e.id: e for e in (doc._.entities or [])}


def mentions_between(doc: Doc, start: int, end: int) -> list[Mention]:
    """The mentions that lie within characters [start, end), in text order."""
    mentions: list[Mention] = doc._.mentions or []
    starts, _ = _mention_index(doc, mentions)
    i = bisect.bisect_left(starts, start)
    out = []
    while i < len(mentions) and mentions[i].start < end:
        if mentions[i].end <= end:
            out.append(mentions[i])
        i += 1
    return out


def mention_at(doc: Doc, char: int) -> Mention | None:
    """The mention covering character `char`, if any (the shortest when nested)."""
    mentions: list[Mention] = doc._.mentions or []
    starts, longest = _mention_index(doc, mentions)
    # Only a mention starting less than `longest` characters before `char` can cover it.
    lo, hi = bisect.bisect_left(starts, char - longest + 1), bisect.bisect_right(starts, char)
    hits = [m for m in mentions[lo:hi] if m.start <= char < m.end]
    return min(hits, key=lambda m: m.end - m.start) if hits else None


def mentions_covering(doc: Doc, char: int) -> list[Mention]:
    """The mentions covering character `char`, in text order (as `doc._.mentions`)."""
    mentions: list[Mention] = doc._.mentions or []
    starts, longest = _mention_index(doc, mentions)
    lo, hi = bisect.bisect_left(starts, char - longest + 1), bisect.bisect_right(starts, char)
    return [m for m in mentions[lo:hi] if m.start <= char < m.end]


def _mention_index(doc: Doc, mentions: list[Mention]) -> tuple[list[int], int]:
    """(start of each mention, length of the longest), kept while `doc._.mentions` is the
    same list (the actors component writes it once)."""
    cached = doc.user_data.get("dragoman_mention_index")
    if cached is not None and cached[0] is mentions and cached[1] == len(mentions):
        return cached[2], cached[3]
    starts = [m.start for m in mentions]
    longest = max((m.end - m.start for m in mentions), default=0)
    doc.user_data["dragoman_mention_index"] = (mentions, len(mentions), starts, longest)
    return starts, longest


def entity_at_token(doc: Doc, i: int) -> Entity | None:
    """The entity a token is part of a mention of, if any."""
    m = mention_at(doc, doc[i].idx)
    return entity_by_id(doc).get(m.entity_id) if m else None


def doc_text(doc: Doc) -> str:
    """`doc.text`, cached: spaCy rebuilds the string from every token on each access."""
    text = doc.user_data.get("dragoman_text")
    if text is None:
        text = doc.text
        doc.user_data["dragoman_text"] = text
    return text


def span_text(span: Span) -> str:
    """`span.text` (a sentence, a phrase), cut from the cached doc text instead of rebuilt."""
    return doc_text(span.doc)[span.start_char:span.end_char]


# Hash -> string, for every vocabulary the process uses (a hash names one string for
# good); emptied when it grows past _STRINGS_MAX entries, so a long run stays bounded.
_STRINGS: dict[int, str] = {}
_STRINGS_MAX = 1_000_000


class TokenTable:
    """The token attributes of one doc as plain Python lists, indexed by token.

    Reading `doc[i].lower_` builds a Token object and looks a string up every time; the
    components' scans over whole docs read these lists instead, and build Tokens only
    for the few positions that pass. Each column is built on first use, from one
    `doc.to_array` call. Valid once the model has run (lemmas, tags and the parse are
    final); get it through `token_table(doc)`."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc

    def _ints(self, attr: int) -> list[int]:
        return self.doc.to_array(attr).tolist()

    def _strings(self, attr: int) -> list[str]:
        hashes = self._ints(attr)
        try:  # a dict look-up is faster than asking the StringStore for every token
            return list(map(_STRINGS.__getitem__, hashes))
        except KeyError:
            if len(_STRINGS) > _STRINGS_MAX:
                _STRINGS.clear()
            strings = self.doc.vocab.strings
            for h in set(hashes).difference(_STRINGS):
                _STRINGS[h] = strings[h]
            return list(map(_STRINGS.__getitem__, hashes))

    @cached_property
    def text(self) -> list[str]:
        return self._strings(ORTH)

    @cached_property
    def lower(self) -> list[str]:
        return self._strings(LOWER)

    @cached_property
    def lemma(self) -> list[str]:
        return self._strings(LEMMA)

    @cached_property
    def lemma_lower(self) -> list[str]:
        """`token.lemma_.lower()`."""
        return [lemma.lower() for lemma in self.lemma]

    @cached_property
    def pos(self) -> list[str]:
        return self._strings(POS)

    @cached_property
    def tag(self) -> list[str]:
        return self._strings(TAG)

    @cached_property
    def dep(self) -> list[str]:
        return self._strings(DEP)

    @cached_property
    def ent_type(self) -> list[str]:
        return self._strings(ENT_TYPE)

    @cached_property
    def head(self) -> list[int]:
        """Index of each token's head (itself for a root)."""
        rel = self.doc.to_array(HEAD).astype(numpy.int64)
        return (rel + numpy.arange(len(rel), dtype=numpy.int64)).tolist()

    @cached_property
    def idx(self) -> list[int]:
        """Character offset of each token."""
        return self._ints(IDX)

    @cached_property
    def end(self) -> list[int]:
        """Character offset just after each token."""
        return [i + len(t) for i, t in zip(self.idx, self.text)]

    @cached_property
    def space_after(self) -> list[bool]:
        """Whether a space follows the token (`token.whitespace_`)."""
        return [bool(v) for v in self._ints(SPACY)]

    @cached_property
    def is_space(self) -> list[bool]:
        return [bool(v) for v in self._ints(IS_SPACE)]

    @cached_property
    def is_punct(self) -> list[bool]:
        return [bool(v) for v in self._ints(IS_PUNCT)]

    @cached_property
    def is_alpha(self) -> list[bool]:
        return [bool(v) for v in self._ints(IS_ALPHA)]

    @cached_property
    def like_num(self) -> list[bool]:
        return [bool(v) for v in self._ints(LIKE_NUM)]

    @cached_property
    def children(self) -> list[list[int]]:
        """Indices of each token's children in text order (`token.children`)."""
        kids: list[list[int]] = [[] for _ in self.head]
        for i, h in enumerate(self.head):
            if h != i:
                kids[h].append(i)
        return kids

    def subtree(self, i: int) -> list[int]:
        """Indices of `doc[i].subtree`, in its order (left subtrees, the token, right
        subtrees), without building Tokens."""
        kids, out = self.children, []

        def visit(j: int) -> None:
            for c in kids[j]:
                if c < j:
                    visit(c)
            out.append(j)
            for c in kids[j]:
                if c > j:
                    visit(c)
        try:
            visit(i)
        except RecursionError:  # a chain deeper than Python's stack: walk it by hand
            return self._subtree_by_stack(i)
        finally:
            del visit  # the closure refers to itself: a cycle left for the collector
        return out

    def _subtree_by_stack(self, i: int) -> list[int]:
        kids, out = self.children, []
        stack: list[tuple[int, bool]] = [(i, False)]
        while stack:
            j, expanded = stack.pop()
            if expanded:
                out.append(j)
                continue
            stack.extend((c, False) for c in reversed(kids[j]) if c > j)
            stack.append((j, True))
            stack.extend((c, False) for c in reversed(kids[j]) if c < j)
        return out

    def subtree_set(self, i: int) -> set[int]:
        """The indices of `doc[i].subtree` as a set (when their order does not matter)."""
        kids, out, stack = self.children, {i}, [i]
        while stack:
            below = kids[stack.pop()]
            if below:
                out.update(below)
                stack.extend(below)
        return out

    @cached_property
    def sent_start(self) -> list[bool]:
        """`token.is_sent_start` as True/False (the parse sets every boundary)."""
        flags = [False] * len(self.doc)
        for sent in self.doc.sents:
            flags[sent.start] = True
        return flags


def token_table(doc: Doc) -> TokenTable:
    """The doc's `TokenTable`, built once and kept in `doc.user_data`."""
    table = doc.user_data.get("dragoman_tokens")
    if table is None:
        table = TokenTable(doc)
        doc.user_data["dragoman_tokens"] = table
    return table
