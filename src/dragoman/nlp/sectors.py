"""The sectors component: which sectors of a relationship an article touches.

`dragoman_sectors` writes `doc._.sectors` (list[model.SectorMention], text order): one
mention per place a sector word occurs (the lexicon `codebooks/data/sectors.tsv`,
longest term first, by lemma or as written) and one per claim whose metric belongs
to a sector (a trade-volume figure is trade, an investment figure investment).
Sector words inside the names of people and places do not count ("West Bank" is
no bank), nor words negated by a "non-" prefix ("non-oil trade" is not energy).

A mention names a topic of the article, not any use of the word, so these do not count
either (`_word_counts`): a word inside an office title ("Trade Minister", "Ministry of
Culture": the office speaks, the topic is elsewhere), a word inside an idiom ("a road map",
"state-of-the-art", "with open arms"), a verb use of a noun term ("credited", "banking
on"), a summit between two leaders ("held a summit with his counterpart" is no
multilateral forum) and "infrastructure" of another kind than transport ("water
infrastructure"). A generic "technology" standing for know-how ("we need German
technology") is weak: it counts only when another mention puts the article in technology.
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
# Nouns of an office: a sector word right before one ("Energy Minister", "agriculture
# ministry", "Trade Cabinet Secretary") or after one and "of"/"for" ("Minister for Foreign
# Trade") is part of a title.
OFFICE_NOUNS = frozenset({"minister", "ministry", "secretary", "commissioner", "department"})
# Fixed phrases in which a sector word is no sector (lower case, matched as whole words).
IDIOMS = (
    "road map", "roadmap", "road ahead", "long road", "on the road to", "road to recovery",
    "state-of-the-art", "state of the art", "with open arms", "open arms", "arm's length",
    "food for thought", "trade-off", "trade-offs", "culture of", "corridors of power",
    "bridge between", "school of thought",
)
# Lemma terms that are sector words only as nouns or adjectives: "credited the reforms",
# "banking on growth" and "schooled in" name no sector.
NOUN_ONLY = frozenset({"credit", "bank", "school", "crop", "film"})
# Modifiers that make a summit a forum of several, whatever it is held "with".
MULTI_MODIFIERS = frozenset({"trilateral", "multilateral", "quadrilateral", "regional"})
# "Infrastructure" is transport unless a modifier names another kind ("water", "digital").
TRANSPORT_MODIFIERS = frozenset({
    "transport", "transportation", "road", "rail", "railway", "port", "airport", "logistics",
    "highway", "motorway", "aviation", "maritime", "shipping", "bridge", "corridor", "transit"})
# Generic lemmas that alone do not put an article in their sector when used for know-how
# ("German technology", "the technology"), only next to another mention of that sector.
WEAK_GENERIC = {"technology": "technology"}


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


def _in_office_title(doc: Doc, start: int, end: int) -> bool:
    """"Energy Minister", "Trade Cabinet Secretary", "Ministry of Culture", "Minister for
    Foreign Trade", "Department of Foreign Affairs and Trade": the words name an office."""
    after = [t.lemma_.lower() for t in doc[end:end + 2]]
    if after[:1] and (after[0] in OFFICE_NOUNS or after[0] == "cabinet" and after[1:] == ["secretary"]):
        return True
    j, skipped = start - 1, 0
    # Step back over the other capitalised words of the office's name ("Foreign",
    # "Affairs and"); a comma ends the name ("the Ministry of Planning, Iraqi imports").
    while j >= 0 and skipped < 3 and doc[start].is_title and (doc[j].is_title or doc[j].lower_ in ("and", "&")) \
            and doc[j].lemma_.lower() not in OFFICE_NOUNS:
        j, skipped = j - 1, skipped + 1
    return j >= 1 and doc[j].lower_ in ("of", "for") and doc[j - 1].lemma_.lower() in OFFICE_NOUNS


def _in_idiom(text: str, a: int, b: int) -> bool:
    """Do characters a..b of `text` lie inside one of IDIOMS (whole words, any case)?"""
    window = text[max(0, a - 24):b + 24].lower()
    offset = max(0, a - 24)
    for idiom in IDIOMS:
        k = window.find(idiom)
        while k >= 0:
            s, e = offset + k, offset + k + len(idiom)
            whole = (s == 0 or not text[s - 1].isalnum()) and (e >= len(text) or not text[e].isalnum())
            if whole and s <= a and b <= e:
                return True
            k = window.find(idiom, k + 1)
    return False


def _word_counts(doc: Doc, start: int, end: int, text: str, by_lemma: bool) -> bool:
    """Is the lexicon word at tokens start..end a topic (not a title, idiom or verb)?
    Names (`by_lemma` False) stay in titles: "the ASEAN Secretary-General" is ASEAN."""
    if by_lemma and _in_office_title(doc, start, end):
        return False
    a, b = doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)
    if _in_idiom(text, a, b):
        return False
    tok = doc[end - 1]
    return not (end - start == 1 and tok.lemma_.lower() in NOUN_ONLY and tok.pos_ in ("VERB", "AUX"))


def _bilateral_summit(doc: Doc, i: int) -> bool:
    """"a bilateral summit", "held a summit with his counterpart", "summit talks with X":
    a meeting of two leaders, not a multilateral forum."""
    tok = doc[i]
    if i > 0 and doc[i - 1].lower_ in ("bilateral", "two-way"):
        return True
    if any(c.lower_ in MULTI_MODIFIERS for c in tok.children):
        return False  # "a trilateral summit with Türkiye"
    holders = [tok, tok.head] + ([tok.head.head] if tok.dep_ == "compound" else [])
    for holder in holders:
        for prep in holder.children:
            if prep.lower_ != "with":
                continue
            for obj in prep.children:
                if obj.dep_ == "pobj" and not any(c.dep_ == "conj" for c in obj.children) and (
                        obj.lemma_.lower() == "counterpart" or obj.ent_type_ in ("PERSON", "GPE")):
                    return True
    return False


def _counts_for(doc: Doc, start: int, end: int, sector: str) -> bool:
    """Sector-specific checks of a one-word term: a bilateral summit is no multilateral,
    "water infrastructure" no transport, the "investment arm" of a fund no defence."""
    if end - start != 1:
        return True
    lemma = doc[start].lemma_.lower()
    if sector == "multilateral" and lemma == "summit":
        return not _bilateral_summit(doc, start)
    if sector == "defence" and lemma == "arm":
        return doc[start].lower_ == "arms"  # "arms sales"; an "arm" of a fund is no weapon
    if sector == "transport" and lemma == "infrastructure":
        mods = [c for c in doc[start].children if c.dep_ in ("compound", "amod", "nmod")]
        return all(c.lemma_.lower() in TRANSPORT_MODIFIERS for c in mods)
    return True


def _weak(doc: Doc, mention: SectorMention) -> bool:
    """A generic word standing for know-how: "technology" bare or with only a determiner,
    a possessive or a nationality ("German technology", "Korea's technology"); not
    "technology transfer", "information technology" or "new technologies"."""
    toks = doc.char_span(mention.span[0], mention.span[1], alignment_mode="expand")
    if toks is None or len(toks) != 1 or WEAK_GENERIC.get(toks[0].lemma_.lower()) != mention.sector:
        return False
    tok = toks[0]
    if tok.dep_ in ("compound", "conj") or any(c.dep_ in ("conj", "compound") for c in tok.children):
        return False  # "technology transfer", "science and technology"
    if tok.dep_ == "pobj" and tok.head.lower_ in ("in", "on"):
        return False  # "cooperation in technology": a field of the talks
    return all(c.dep_ in ("det", "poss", "punct", "case") or c.ent_type_ == "NORP"
               for c in tok.children if c.i < tok.i)


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
        best = [e for end, e in hits if end == longest]
        by_lemma = any(e.lemma for e in best)
        if not _negated_prefix(doc, i) and not (by_lemma and _inside_name(doc, i, longest, names)) and \
                _word_counts(doc, i, longest, text, by_lemma):
            span = (tok.idx, doc[longest - 1].idx + len(doc[longest - 1].text))
            term = text[span[0]:span[1]]
            for sector in dict.fromkeys(e.sector for e in best):
                if _counts_for(doc, i, longest, sector):
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
    mentions = find_sector_words(doc, lexicon) + claim_sectors(doc)
    weak = [m for m in mentions if _weak(doc, m)]
    strong_sectors = {m.sector for m in mentions if m not in weak}
    mentions = [m for m in mentions if m not in weak or m.sector in strong_sectors]
    for mention in sorted(mentions, key=lambda m: (m.span[0], m.span[1], m.sector)):
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
