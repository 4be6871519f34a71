"""Who a figure is about and who states it: the holder, the counterpart and the speaker.

`Parties` reads what the actors and quotes components wrote on the doc and answers, for
any token, which country it points at: a country's name, capital or demonym; "we" /
"our", "his/her country" (the speaker's country); "its" / "their" (the last country named before, other than
the one already on the other side of the claim); "the country" / "the kingdom" (likewise);
"bilateral" / "mutual" / "our two countries" (the article's pair of countries, its *dyad*).
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from dragoman.model import Entity, Quote
from dragoman.nlp.claimwords import ClaimLexicon, may_have_terms, range_forms, terms_in
from dragoman.nlp.extensions import entity_by_id, token_table

SPEAKER_WORDS = frozenset({"we", "our", "us", "ours", "ourselves"})
PRONOUN_WORDS = frozenset({"its", "their", "it", "they", "them"})


@dataclass(frozen=True)
class Ref:
    """A word that points at a country. kind: "country" (code known), "place" (a city or
    region: code is its country), "speaker" ("we"), "pronoun" ("its"), "ref" ("the
    country"), "dyad" ("bilateral"); char: where it stands."""

    kind: str
    char: int
    code: str | None = None


class Parties:
    """Country references of one doc, its dyad, and the speakers of its quotes."""

    def __init__(self, doc: Doc, lex: ClaimLexicon) -> None:
        self.doc = doc
        self.entities: dict[str, Entity] = entity_by_id(doc)
        self.quotes: list[Quote] = sorted(doc._.quotes or [], key=lambda q: q.span[0])
        self.refs: dict[int, Ref] = {}
        self.countries: list[tuple[int, str]] = []  # (char, code) of every country named
        # tokens inside an organization's or a place's name, which name no measure ("Board of
        # Investment", "the New Administrative Capital")
        self.org_tokens: frozenset[int] = frozenset()
        self._index_mentions()
        self._index_words(lex)
        self.ranking = self._ranking()

    def _index_mentions(self) -> None:
        persons = [(m.start, m.end) for m in self.doc._.mentions or []
                   if self.entities.get(m.entity_id, None) is not None
                   and self.entities[m.entity_id].kind == "person"]
        for m in self.doc._.mentions or []:
            entity = self.entities.get(m.entity_id)
            if entity is None or entity.kind not in ("country", "place"):
                continue
            if any(s <= m.start and m.end <= e for s, e in persons):
                continue  # "the Turkish foreign minister" names a person, not a party
            code = entity.code if entity.kind == "country" else entity.country
            if not code:
                continue
            kind = "country" if entity.kind == "country" else "place"
            span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
            for tok in span or []:
                self.refs.setdefault(tok.i, Ref(kind, m.start, code))
            if kind == "country":
                self.countries.append((m.start, code))
        self.countries.sort()
        self.org_tokens = frozenset(
            tok.i for m in self.doc._.mentions or []
            if (entity := self.entities.get(m.entity_id)) is not None and entity.kind in ("organization", "place")
            for tok in self.doc.char_span(m.start, m.end, alignment_mode="expand") or [])

    def _index_words(self, lex: ClaimLexicon) -> None:
        doc = self.doc
        table = token_table(doc)
        for i, lower in enumerate(table.lower):
            if i in self.refs:
                continue
            if lower in SPEAKER_WORDS:
                self.refs[i] = Ref("speaker", table.idx[i])
            elif lower in PRONOUN_WORDS:
                self.refs[i] = Ref("pronoun", table.idx[i])
        country_nouns = lex.words("country_ref")
        for i, (lemma, pos) in enumerate(zip(table.lemma_lower, table.pos)):
            if i in self.refs or lemma not in country_nouns or pos != "NOUN":
                continue
            tok = doc[i]
            det = [c for c in tok.children if c.dep_ == "det" and c.lower_ == "the"]
            mods = [c for c in tok.children if c.dep_ in ("poss", "compound", "amod") and c.i in self.refs]
            if det and not mods:
                self.refs[tok.i] = Ref("ref", tok.idx)
            elif any(c.dep_ == "poss" and c.lower_ in ("his", "her") for c in tok.children):
                self.refs[tok.i] = Ref("speaker", tok.idx)  # "investor in his country": the speaker's
        for sent in doc.sents:
            if not may_have_terms(doc, sent.start, sent.end, lex.terms("dyad")):
                continue
            words = range_forms(doc, sent.start, sent.end)
            for first, last, _, _ in terms_in(words, lex.terms("dyad")):
                start = words[first][2]
                end = words[last + 1][2] if last + 1 < len(words) else sent.end
                for i in range(start, end):
                    if self.refs.get(i) is None or self.refs[i].kind in ("speaker", "pronoun"):
                        self.refs[i] = Ref("dyad", doc[start].idx)

    def _ranking(self) -> list[str]:
        """Countries by how often the article names them (persons' countries count too)."""
        counts: Counter[str] = Counter(code for _, code in self.countries)
        for m in self.doc._.mentions or []:
            entity = self.entities.get(m.entity_id)
            if entity is not None and entity.kind == "person" and entity.country:
                counts[entity.country] += 0.5
        first = {code: char for char, code in reversed(self.countries)}
        return [c for c, _ in sorted(counts.items(), key=lambda kv: (-kv[1], first.get(kv[0], 0)))]

    # --- questions ---------------------------------------------------------------

    def dyad(self, speaker_country: str | None = None) -> tuple[str | None, str | None]:
        """The article's pair: the speaker's country and the main other one, or the two
        most named countries."""
        if speaker_country:
            return speaker_country, self.other(speaker_country)
        top = self.ranking[:2] + [None, None]
        return top[0], top[1]

    def other(self, code: str | None) -> str | None:
        """The most named country that is not `code`."""
        return next((c for c in self.ranking if c != code), None)

    def quote_at(self, char: int) -> Quote | None:
        """The quote whose words contain character `char` (the innermost)."""
        hits = [q for q in self.quotes if q.span[0] <= char < q.span[1]]
        return min(hits, key=lambda q: q.span[1] - q.span[0]) if hits else None

    def country_of(self, entity_id: str | None) -> str | None:
        entity = self.entities.get(entity_id or "")
        if entity is None:
            return None
        return entity.code if entity.kind == "country" else entity.country

    def last_country_before(self, char: int, exclude: set[str | None]) -> str | None:
        """The country named last before `char` that is not in `exclude`."""
        for start, code in reversed(self.countries):
            if start < char and code not in exclude:
                return code
        return None

    def refs_in(self, tokens: list[Token], keep_order: bool = False) -> list[Ref]:
        """The references among `tokens`, one per mention, in text order (or in the order
        of `tokens` when `keep_order`: callers list the likeliest words first)."""
        seen: set[int] = set()
        out = []
        for tok in (tokens if keep_order else sorted(tokens, key=lambda t: t.i)):
            ref = self.refs.get(tok.i)
            if ref is not None and ref.char not in seen:
                seen.add(ref.char)
                out.append(ref)
        return out

    def resolve(self, ref: Ref, speaker_country: str | None, exclude: set[str | None]) -> list[str]:
        """The country codes `ref` stands for (two for a dyad; none when unknown)."""
        if ref.kind in ("country", "place"):
            return [ref.code] if ref.code else []
        if ref.kind == "speaker":
            return [speaker_country] if speaker_country else []
        if ref.kind == "dyad":
            return [c for c in self.dyad(speaker_country) if c]
        found = self.last_country_before(ref.char, exclude | {None})
        return [found] if found else []
