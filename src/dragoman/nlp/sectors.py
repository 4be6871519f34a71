"""The sectors component: which sectors of a relationship an article touches.

`dragoman_sectors` writes `doc._.sectors` (list[model.SectorMention], text order): one
mention per place a sector word occurs (the lexicon `codebooks/data/sectors.tsv`,
longest term first, by lemma or as written) and one per claim whose metric belongs
to a sector (a trade-volume figure is trade, an investment figure investment).
Sector words inside the names of people and places do not count ("West Bank" is
no bank), nor words negated by a "non-" prefix ("non-oil trade" is not energy).
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from dragoman.nlp.extensions import doc_text
from dragoman import codebooks
from dragoman.model import SectorMention
from dragoman.nlp.extensions import TokenTable, register_extensions, token_table

# Our own metric vocabulary (model.METRICS) -> the sector a figure of it belongs to.
METRIC_SECTORS = {
    "trade_volume": "trade", "exports": "trade", "imports": "trade", "trade_partner_rank": "trade",
    "investment": "investment", "fdi": "investment", "investor_rank": "investment",
    "loan": "finance",
}
# Mentions of these kinds name a person or a place; sector words inside them don't count,
# nor inside what the statistical NER takes for such a name ("the West Bank").
NAME_ENTITY_KINDS = frozenset({"person", "place", "country"})
NAME_NER_LABELS = frozenset({"PERSON", "GPE", "LOC", "FAC"})


@dataclass(frozen=True)
class _Entry:
    parts: tuple[str, ...]
    sector: str
    lemma: bool
    exact_case: bool  # a term in capitals matches only capitals ("UN", never "un")


class SectorLexicon:
    """Sector terms indexed by their first word, longest first."""

    def __init__(self, terms: tuple[codebooks.SectorTerm, ...]) -> None:
        self.by_first: dict[str, list[_Entry]] = {}
        for t in terms:
            exact = not t.lemma and any(ch.isalpha() for ch in t.term) and t.term.upper() == t.term
            words = tuple(t.term.split())
            entry = _Entry(words, t.sector, t.lemma, exact)
            self.by_first.setdefault(words[0].split("-")[0].lower(), []).append(entry)
        for entries in self.by_first.values():
            entries.sort(key=lambda e: -len(e.parts))

    @classmethod
    @lru_cache(maxsize=1)
    def load(cls) -> SectorLexicon:
        return cls(codebooks.sector_terms())


def _word_matches_at(table: TokenTable, j: int, part: str, entry: _Entry) -> bool:
    """Does token j match word `part` of `entry` (its lemma or form, or its exact text)?"""
    if entry.lemma:
        return table.lemma_lower[j] == part or table.lower[j] == part
    if entry.exact_case:
        return table.text[j] == part
    return table.lower[j] == part.lower()


def _match_at(doc: Doc, i: int, entry: _Entry) -> int | None:
    """End token index if `entry` matches from token i; hyphenated parts may span tokens."""
    table = token_table(doc)
    forms = table.text if entry.exact_case else table.lower
    j = i
    for part in entry.parts:
        if j < len(doc) and _word_matches_at(table, j, part, entry):
            j += 1
            continue
        k, glued = j, ""
        target = part if entry.exact_case else part.lower()
        while k < len(doc) and len(glued) < len(target):
            glued += forms[k]
            k += 1
            if table.space_after[k - 1]:
                break
        if glued != target:
            return None
        j = k
    return j


def _inside_name(doc: Doc, start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    if all(doc[i].ent_type_ in NAME_NER_LABELS for i in range(start, end)):
        return True
    a, b = doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)
    return any(s <= a and b <= e for s, e in spans)


def _negated_prefix(doc: Doc, i: int) -> bool:
    """"non-oil": the word after a "non" prefix is excluded, not included."""
    return i >= 2 and doc[i - 1].text == "-" and doc[i - 2].lower_ == "non" or (
        i >= 1 and doc[i - 1].lower_ in ("non", "non-"))


def find_sector_words(doc: Doc, lexicon: SectorLexicon) -> list[SectorMention]:
    """Every sector word of `doc`, longest term first, outside names of people and places."""
    kinds = {e.id: e.kind for e in (doc._.entities or [])}
    names = [(m.start, m.end) for m in (doc._.mentions or [])
             if kinds.get(m.entity_id) in NAME_ENTITY_KINDS]
    out: list[SectorMention] = []
    text = doc_text(doc)  # built anew on every access
    table = token_table(doc)
    lemmas, lowers = table.lemma_lower, table.lower
    i = 0
    by_first = lexicon.by_first
    while i < len(doc):
        if lemmas[i] not in by_first and lowers[i] not in by_first:
            i += 1  # no sector term starts here
            continue
        candidates = by_first.get(lemmas[i], []) + by_first.get(lowers[i], [])
        if not candidates:
            i += 1
            continue
        tok = doc[i]
        hits = [(end, e) for e in candidates if (end := _match_at(doc, i, e))]
        if not hits:
            i += 1
            continue
        longest = max(end for end, _ in hits)
        if not _negated_prefix(doc, i) and not (
                any(e.lemma for end, e in hits if end == longest) and _inside_name(doc, i, longest, names)):
            span = (tok.idx, doc[longest - 1].idx + len(doc[longest - 1].text))
            term = text[span[0]:span[1]]
            for sector in dict.fromkeys(e.sector for end, e in hits if end == longest):
                out.append(SectorMention(sector, span, term))
        i = longest
    return out


def claim_sectors(doc: Doc) -> list[SectorMention]:
    """The sector of each claim's metric, on the claim's span ("trade volume reached ...")."""
    out = []
    for claim in doc._.claims or []:
        sector = METRIC_SECTORS.get(claim.metric)
        if sector:
            out.append(SectorMention(sector, tuple(claim.span), claim.metric))  # type: ignore[arg-type]
    return out


def extract_sectors(doc: Doc, lexicon: SectorLexicon) -> list[SectorMention]:
    """Sector words and claim sectors, one per (sector, span), in text order."""
    seen: set[tuple[str, tuple[int, int]]] = set()
    out = []
    for mention in sorted(find_sector_words(doc, lexicon) + claim_sectors(doc),
                          key=lambda m: (m.span[0], m.span[1], m.sector)):
        key = (mention.sector, tuple(mention.span))
        if key not in seen:
            seen.add(key)  # type: ignore[arg-type]
            out.append(mention)
    return out


class SectorTagger:
    """spaCy component `dragoman_sectors`: writes `doc._.sectors` (list[SectorMention])."""

    def __init__(self, nlp: Language, name: str = "dragoman_sectors") -> None:
        register_extensions()
        self.lexicon = SectorLexicon.load()

    def __call__(self, doc: Doc) -> Doc:
        doc._.sectors = extract_sectors(doc, self.lexicon)
        return doc


@Language.factory("dragoman_sectors")
def make_sector_tagger(nlp: Language, name: str) -> SectorTagger:
    return SectorTagger(nlp, name)
