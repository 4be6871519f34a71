"""The claims component: the figures an article reports, what they measure and who claims them.

`dragoman_claims` writes `doc._.claims` (list of `model.Claim`, ids "C1"... in text order).
For every amount (`money.find_amounts`) and every rank ("fourth largest trading partner",
"among the top 10 investors") in a sentence it decides, from the parse and the lexicon
in `codebooks/data/metrics.tsv`:

- metric: the nearest noun or verb that names a measure, walking up from the amount
  ("trade volume reached $6.3 billion", "$4.7 billion in direct investments");
- qualifier: the words right before the amount ("exceeding", "nearly", "up to"); a range
  ("between $4 billion and $5 billion") gives two claims, at_least the low end and
  at_most the high end;
- status: target ("the goal of ...", "aim to raise ... to"), forecast ("expected to",
  "could reach"), target also for money promised in the future tense ("will provide
  $12 million in aid"), else actual;
- period: the nearest time expression of the sentence (`timex`), a deadline for a
  target; "to date" gives the publication date;
- holder / counterpart (`claimparties`), speaker: the quote the figure stands in, or
  the subject of the verb of saying that governs it.

Percentages count when they are changes of a measure ("grew by 12 percent"); a share
("60 percent of its foreign trade") is kept with metric "other". Counts ("14 agreements")
are kept with metric "other" when the counted noun is in the lexicon. Ordinals that name
events ("10th summit") are never claims: only the rank pattern reads ordinals.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from dragoman.nlp.extensions import doc_text
from dragoman.model import Claim
from dragoman.nlp.claimparties import Parties
from dragoman.nlp.claimroles import directed_parties, pair_parties, rank_parties
from dragoman.nlp.claimwords import ClaimLexicon, best_term, claim_lexicon, has_term
from dragoman.nlp.extensions import mentions_between, register_extensions
from dragoman.nlp.money import NUMBER, PERCENT, Amount, find_amounts
from dragoman.nlp.ranks import RankHit, find_ranks
from dragoman.nlp.timex import Timex, find_timexes, tense_at

FLOWS = frozenset({"trade_volume", "exports", "imports"})
_ARG_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "attr", "pobj", "appos", "dative", "oprd",
                       "npadvmod", "compound", "nmod", "poss", "conj"})
_CLAUSE_DEPS = frozenset({"acl", "relcl", "advcl", "conj"})
_FUTURE_AUX = frozenset({"will", "would", "shall", "'ll"})
_COMPARISON_BASE = re.compile(r"(?i)^(?:on|over|from|than|versus|vs\.?|compared\s+(?:with|to))\s")
_CLAUSE_BREAK = re.compile(r"[,;:]|\b(?:and|while|whereas|but|adding|saying)\b")


@dataclass
class Draft:
    """A claim while it is assembled (see `model.Claim` for the fields)."""

    start: int
    end: int
    value: float
    unit: str
    qualifier: str
    metric: str
    status: str
    period: str | None
    holder: str | None
    counterpart: str | None
    speaker: str | None
    sent: int  # index of the sentence

    def to_claim(self, n: int) -> Claim:
        return Claim(f"C{n}", self.metric, self.value, self.qualifier, self.unit,  # type: ignore[arg-type]
                     self.status, self.period, self.holder, self.counterpart,  # type: ignore[arg-type]
                     self.speaker, (self.start, self.end))


# --- metric ------------------------------------------------------------------------

def noun_phrase(tok: Token) -> list[Token]:
    """The words of the noun phrase `tok` heads: its left modifiers, and an "of" phrase
    after it ("line of credit", "source of investment")."""
    words = list(tok.doc[tok.left_edge.i:tok.i + 1])
    for child in tok.rights:
        if child.dep_ == "prep" and child.lower_ == "of":
            for obj in child.children:
                if obj.dep_ == "pobj":
                    words += [child, *tok.doc[obj.left_edge.i:obj.i + 1]]
    return words


def noun_metric(tok: Token, lex: ClaimLexicon) -> str | None:
    """The metric a noun names, itself or through a verb it governs ("goods sold to")."""
    if tok.pos_ not in ("NOUN", "PROPN"):
        return None
    hit = best_term(noun_phrase(tok), lex.terms("metric"), head=tok)
    if hit:
        return hit[0]
    for child in tok.children:
        if child.dep_ in ("acl", "relcl") and lex.value("verb", child.lemma_.lower()):
            return lex.value("verb", child.lemma_.lower())
    return None


def owner_noun(anchor: Token) -> Token | None:
    """The noun an amount is the value of: "projects worth $20 billion", "a deal of $2 billion"."""
    tok = anchor
    for _ in range(3):
        if tok.head == tok:
            return None
        tok = tok.head
        if tok.pos_ in ("NOUN", "PROPN"):
            return tok
        if tok.lower_ not in ("worth", "of", "valued", "at", "totalling", "totaling", "amounting", "to"):
            return None
    return None


def _reports(tok: Token, lex: ClaimLexicon) -> bool:
    return tok.pos_ == "VERB" and tok.lemma_.lower() in lex.words("report")


def find_metric(anchor: Token, lex: ClaimLexicon) -> tuple[str, Token] | None:
    """(metric, the word that names it), walking up the parse from the amount and looking
    at each step's own noun phrase, verb and arguments; stops at a verb of saying."""
    came_from: Token | None = None
    tok = anchor
    for _ in range(7):
        metric = noun_metric(tok, lex)
        if metric:
            return metric, tok
        if tok.pos_ in ("VERB", "AUX"):
            for kind in ("verb", "owe"):
                value = lex.value(kind, tok.lemma_.lower())
                if value:
                    return value, tok
        children = sorted((c for c in tok.children if c != came_from),
                          key=lambda c: abs(c.i - anchor.i))
        for child in children:
            objs = [o for o in child.children if o.dep_ == "pobj"] if child.dep_ == "prep" else (
                [child] if child.dep_ in _ARG_DEPS else [])
            for obj in objs:
                metric = noun_metric(obj, lex)
                if metric:
                    return metric, obj
        if _reports(tok, lex) or tok.head == tok:
            return None
        came_from, tok = tok, tok.head
    return None


# --- status and qualifier ----------------------------------------------------------

def _chain(anchor: Token, lex: ClaimLexicon) -> list[Token]:
    """The amount and the words above it within its clause: up to a verb of saying, and
    no further than a clause joined by "and", a relative clause or an adverbial clause."""
    chain = [anchor]
    tok = anchor
    while tok.head != tok and not _reports(tok.head, lex) and len(chain) < 9:
        if tok.pos_ in ("VERB", "AUX") and tok.dep_ in _CLAUSE_DEPS:
            break
        tok = tok.head
        chain.append(tok)
    return chain


def _cue_words(chain: list[Token]) -> list[Token]:
    words = []
    for tok in chain:
        words.append(tok)
        words += [c for c in tok.children if c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass", "acomp",
                                                      "advmod", "prt", "neg")]
    return words


def _clause_cue(chain: list[Token], lex: ClaimLexicon) -> str | None:
    """target | forecast from the cue words on the chain; inner to outer, the outermost
    wins ("expected to commit $500 million" is a forecast, "aim to raise ... to" a target)."""
    targets, forecasts = lex.words("target"), lex.words("forecast") - {"may"}
    decided = None
    for tok in chain:
        near = [tok] + [c for c in tok.children if c.dep_ in ("aux", "auxpass", "acomp", "advmod", "prt")]
        if any(w.lemma_.lower() in targets and w.pos_ in ("VERB", "NOUN") for w in near):
            decided = "target"
        if any((w.lemma_.lower() in forecasts or w.lower_ in forecasts) and (w.pos_ != "AUX" or w.tag_ == "MD")
               for w in near) or any(w.tag_ == "MD" and w.lower_ == "may" for w in near):
            decided = "forecast"  # "may" only as a modal, never the month
    return decided


def _tense_status(anchor: Token, chain: list[Token], lex: ClaimLexicon, deadline: bool) -> str:
    """Without cue words: money promised in the future tense is a target ("will provide $12
    million in aid"), so is "to double trade to $20 billion by 2028"; another future figure
    is a forecast; the rest is actual."""
    verbs = [t for t in chain if t.pos_ in ("VERB", "AUX")]
    future = any(c.lower_ in _FUTURE_AUX for v in verbs for c in v.children if c.dep_ in ("aux", "auxpass"))
    if future and any(v.lemma_.lower() in lex.words("pledge") for v in verbs):
        return "target"
    before = anchor.doc[anchor.i - 1].lower_ if anchor.i > 0 else ""
    if deadline and verbs and verbs[0].tag_ in ("VB", "VBG") and before in ("to", "$", "€", "£"):
        return "target"
    return "forecast" if future else "actual"


def find_status(anchor: Token, lex: ClaimLexicon, deadline: bool) -> str:
    """actual | target | forecast for the figure at `anchor` (see the module docstring);
    deadline: the sentence has a "by 2027"."""
    chain = _chain(anchor, lex)
    words = _cue_words(chain)
    if any(w.lemma_.lower() in lex.words("target") for w in words if w.pos_ == "NOUN"):
        return "target"  # "the goal of", "our target is"
    decided = _clause_cue(chain, lex)
    if decided is None and has_term(words, [t for t in lex.terms("forecast") if len(t[0]) > 1]):
        decided = "forecast"
    return decided or _tense_status(anchor, chain, lex, deadline)


def find_qualifier(text: str, amount: Amount, lex: ClaimLexicon) -> str:
    """The qualifier the words right before (or after) the amount give."""
    before = " ".join(text[max(0, amount.start - 40):amount.start].lower().split())
    for term, value in sorted(lex.terms("qualifier"), key=lambda tv: -len(" ".join(tv[0]))):
        phrase = " ".join(term)
        if re.search(rf"(?:^|\W){re.escape(phrase)}$", before):
            return value
    after = text[amount.end:amount.end + 20].lower()
    if re.match(r"\s*(?:or\s+more|or\s+above|plus\b|\+)", after):
        return "at_least"
    if re.match(r"\s*or\s+(?:less|fewer|below)", after):
        return "at_most"
    return "exact"


def percent_kind(anchor: Token, text: str, amount: Amount, lex: ClaimLexicon) -> str | None:
    """"change" ("grew by 12 percent"), "share" ("60 percent of its trade") or None."""
    after = text[amount.end:amount.end + 6].lower()
    chain = _chain(anchor, lex)
    lemmas = {t.lemma_.lower() for t in chain[:4]} | {t.lower_ for t in chain[:4]}
    if re.match(r"\s+of\b", after) or lemmas & (lex.words("share") - {"of"}):
        return "share"
    near = {t.lemma_.lower() for t in anchor.children} | {t.lower_ for t in anchor.children}
    if lemmas & lex.words("change") or near & lex.words("change"):
        return "change"
    return None


# --- period --------------------------------------------------------------------------

def _timex_value(t: Timex) -> str | None:
    return t.until if t.kind == "range" and t.until else t.value


def find_period(doc: Doc, sent: Span, amount_start: int, amount_end: int, status: str,
                timexes: list[Timex], lex: ClaimLexicon, strict: bool = False) -> tuple[bool, str | None]:
    """(found, value): the time the figure is for — the nearest usable time expression of
    the sentence, a deadline for a target; "since 2015" means as of publication."""
    best: tuple[int, Timex] | None = None
    for t in timexes:
        if t.start < sent.start_char or t.end > sent.end_char or t.kind == "duration":
            continue
        if t.start < amount_end and amount_start < t.end:
            continue
        if _comparison_base(doc, t) or _attached_to_report(doc, t, lex):
            continue
        between = doc_text(doc)[min(t.end, amount_end):max(t.start, amount_start)]
        if _CLAUSE_BREAK.search(between) and (strict or not _opens_sentence(doc, sent, t)):
            continue  # a time in another clause is another clause's time
        score = abs(t.start - amount_end) if t.start >= amount_end else abs(amount_start - t.end)
        if status == "target":
            score -= 1000 if t.kind == "deadline" else 0
        if best is None or score < best[0]:
            best = (score, t)
    if best is None:
        return False, None
    t = best[1]
    if status == "target" and t.kind != "deadline":
        return True, None
    if t.kind == "since":
        return True, doc._.pub_date.isoformat() if doc._.pub_date else None
    return True, _timex_value(t)


def _comparison_base(doc: Doc, t: Timex) -> bool:
    """"up 9 percent on the previous year", "from 2021": the time a change is measured
    against, not the time of the figure (a day stays: "on Monday")."""
    before = doc_text(doc)[max(0, t.start - 14):t.start]
    base = _COMPARISON_BASE.match(t.text) or re.search(r"(?i)\b(?:than|compared\s+(?:with|to))\s+$", before)
    return bool(base) and t.kind == "date" and (t.value is None or len(t.value) < 10)


def _opens_sentence(doc: Doc, sent: Span, t: Timex) -> bool:
    """"In 2022, trade reached ...": a time at the head of the sentence covers all of it."""
    return len(doc_text(doc)[sent.start_char:t.start].split()) <= 1


def _attached_to_report(doc: Doc, t: Timex, lex: ClaimLexicon) -> bool:
    """"said on Monday": a day on which something was said is when it was said, not what
    the figure is for (years and months are kept: "put trade at $5 bn in 2023")."""
    if t.kind != "date" or t.value is None or len(t.value) != 10:
        return False
    span = doc.char_span(t.start, t.end, alignment_mode="expand")
    return span is not None and _reports(span.root.head, lex)


# --- speaker -----------------------------------------------------------------------

def find_speaker(parties: Parties, anchor: Token, lex: ClaimLexicon) -> str | None:
    """The entity id of who states the figure: the speaker of the quote it stands in, else
    the person subject of a verb of saying above it, or "according to" a person."""
    quote = parties.quote_at(anchor.idx)
    if quote is not None:
        return quote.speaker
    tok = anchor
    for _ in range(10):
        if _reports(tok, lex):
            for child in tok.children:
                if child.dep_ in ("nsubj", "nsubjpass"):
                    return _person(parties, child)
        if tok.head == tok:
            break
        tok = tok.head
    sent = anchor.sent
    for tok in sent:
        if tok.lower_ == "according" and tok.i + 1 < len(anchor.doc) and anchor.doc[tok.i + 1].lower_ == "to":
            for obj in anchor.doc[tok.i + 1].children:
                if obj.dep_ == "pobj":
                    return _person(parties, obj)
    return _closing_reporter(parties, anchor, lex)


def _closing_reporter(parties: Parties, anchor: Token, lex: ClaimLexicon) -> str | None:
    """"..., Prime Minister X announced on Friday": a verb of saying after the figure, with a
    person named right before it, when the parse did not put the figure under the verb."""
    doc = anchor.doc
    for tok in anchor.sent:
        if tok.i <= anchor.i or not _reports(tok, lex) or tok.tag_ not in ("VBD", "VBZ", "VBP"):
            continue
        if any(c.dep_ in ("ccomp", "xcomp", "dobj") for c in tok.children):
            continue  # it reports words of its own: "and X said a shipment would arrive"
        if doc[tok.i - 1].pos_ in ("PROPN", "NOUN", "PRON"):
            return _person(parties, doc[tok.i - 1])
    return None


def _person(parties: Parties, tok: Token) -> str | None:
    """The person a subject names: a mention of a person, or "he"/"she" as the speaker of
    the latest quote before it."""
    for m in mentions_between(parties.doc, tok.left_edge.idx, tok.right_edge.idx + len(tok.right_edge.text)):
        entity = parties.entities.get(m.entity_id)
        if entity is not None and entity.kind == "person":
            return entity.id
    if tok.lower_ in ("he", "she"):
        before = [q for q in parties.quotes if q.span[0] < tok.idx and q.speaker]
        return before[-1].speaker if before else None
    return None


# --- assembling --------------------------------------------------------------------

class ClaimFinder:
    """Claims of one doc (see the module docstring)."""

    def __init__(self, doc: Doc, lex: ClaimLexicon) -> None:
        self.doc = doc
        self.lex = lex
        self.parties = Parties(doc, lex)
        self.timexes: list[Timex] = doc._.timexes if doc._.timexes is not None else find_timexes(
            doc_text(doc), doc._.pub_date, lambda s, e: tense_at(doc, s, e))
        self.drafts: list[Draft] = []

    def run(self) -> list[Claim]:
        for n, sent in enumerate(self.doc.sents):
            ranks = find_ranks(sent, self.lex)
            for rank in ranks:
                self._add_rank(n, sent, rank)
            for amount in find_amounts(sent.text, context=doc_text(self.doc)):
                amount = replace(amount, start=amount.start + sent.start_char, end=amount.end + sent.start_char)
                if any(r.start <= amount.start < r.end for r in ranks) or self._in_timex(amount):
                    continue
                self._add_amount(n, sent, amount)
        self.drafts.sort(key=lambda d: (d.start, d.qualifier != "at_least"))
        return [d.to_claim(i) for i, d in enumerate(self.drafts, 1)]

    def _in_timex(self, amount: Amount) -> bool:
        return any(t.start <= amount.start and amount.end <= t.end for t in self.timexes)

    def _anchor(self, start: int, end: int) -> Token:
        span = self.doc.char_span(start, end, alignment_mode="expand")
        assert span is not None
        return span.root

    def _speaker_country(self, speaker: str | None) -> str | None:
        return self.parties.country_of(speaker)

    def _add_amount(self, n: int, sent: Span, amount: Amount) -> None:
        anchor = self._anchor(amount.start, amount.end)
        if amount.unit == NUMBER:
            self._add_count(n, anchor, amount)
            return
        kind = percent_kind(anchor, doc_text(self.doc), amount, self.lex) if amount.unit == PERCENT else None
        if amount.unit == PERCENT and kind is None:
            return  # a percentage that is neither a change nor a share: a rate, a tariff
        metric, cue = self._metric(n, anchor, amount, kind)
        deadline = any(t.kind == "deadline" and sent.start_char <= t.start < sent.end_char for t in self.timexes)
        status = find_status(anchor, self.lex, deadline)
        found, period = find_period(self.doc, sent, amount.start, amount.end, status, self.timexes, self.lex)
        if not found and status == "actual" and metric in FLOWS:
            period = self._inherited_period(n, metric)
        speaker = find_speaker(self.parties, anchor, self.lex)
        country = self._speaker_country(speaker)
        if metric in ("trade_volume", "other"):
            holder, counterpart = pair_parties(self.parties, cue or anchor, country, self.lex)
        else:
            holder, counterpart = directed_parties(self.parties, cue or anchor, anchor, metric, country, self.lex)
        base = Draft(amount.start, amount.end, amount.value, amount.unit, find_qualifier(doc_text(self.doc), amount, self.lex),
                     metric, status, period, holder, counterpart, speaker, n)
        if amount.high is None:
            self.drafts.append(base)
        else:  # a range: at least the low end, at most the high end
            self.drafts.append(replace(base, qualifier="at_least"))
            self.drafts.append(replace(base, value=amount.high, qualifier="at_most"))

    def _metric(self, n: int, anchor: Token, amount: Amount, percent: str | None) -> tuple[str, Token | None]:
        """(metric, the word naming it) — "other" for a share, or the value of a deal or
        project ("projects worth over $20 billion")."""
        if percent == "share":
            return "other", None
        hit = find_metric(anchor, self.lex)
        if hit is not None:
            return hit
        owner = owner_noun(anchor)
        if owner is not None and owner.lemma_.lower() in self.lex.words("count"):
            return "other", owner
        return self._inherited_metric(n, amount)

    def _add_count(self, n: int, anchor: Token, amount: Amount) -> None:
        noun = anchor if anchor.pos_ == "NOUN" else (anchor.head if anchor.dep_ == "nummod" else None)
        if noun is None or noun.lemma_.lower() not in self.lex.words("count"):
            return
        speaker = find_speaker(self.parties, anchor, self.lex)
        qualifier = find_qualifier(doc_text(self.doc), amount, self.lex)
        self.drafts.append(Draft(amount.start, amount.end, amount.value, "count", qualifier, "other", "actual",
                                 None, None, None, speaker, n))

    def _inherited_metric(self, n: int, amount: Amount) -> tuple[str, Token | None]:
        """A figure with no measure named near it in the parse ("it could grow by 15%", "our
        goal is to reach $20 bn") measures what its sentence names nearest to it, else what
        the previous figure of this or the sentence before measured."""
        sent = self.doc[self._anchor(amount.start, amount.end).i].sent
        ranks = find_ranks(sent, self.lex)
        named = [(abs(tok.idx - amount.start) + (0 if tok.idx < amount.start else 1000), tok.i, metric)
                 for tok in sent if not any(r.start <= tok.idx < r.end for r in ranks)
                 and (metric := noun_metric(tok, self.lex))]
        if named:
            _, i, metric = min(named)
            return metric, self.doc[i]
        for d in reversed(self.drafts):
            if d.sent < n - 1:
                break
            if d.metric not in ("other", "trade_partner_rank", "investor_rank"):
                return d.metric, None
        return "other", None

    def _inherited_period(self, n: int, metric: str) -> str | None:
        """A flow with no time of its own is for the period of the flow figure just before it:
        in the same sentence ("imported $3.9 bn last year, while its exports were worth ..."),
        or of the same measure in the sentence before ("Our trade grew by 7.8 percent")."""
        for d in reversed(self.drafts):
            if d.sent < n - 1:
                break
            same_sentence = d.sent == n and d.metric in FLOWS
            if (same_sentence or d.metric == metric) and d.status == "actual" and d.period:
                return d.period
        return None

    def _add_rank(self, n: int, sent: Span, rank: RankHit) -> None:
        metric = rank.metric or next((d.metric for d in reversed(self.drafts)
                                      if d.unit == "rank" and d.sent >= n - 1), None)
        if metric is None:
            return
        anchor = self._anchor(rank.start, rank.end)
        speaker = find_speaker(self.parties, anchor, self.lex)
        holder, counterpart = rank_parties(self.parties, sent, rank, self._speaker_country(speaker))
        status = find_status(anchor, self.lex, deadline=False)
        _, period = find_period(self.doc, sent, rank.start, rank.end, status, self.timexes, self.lex,
                                strict=True)
        self.drafts.append(Draft(rank.start, rank.end, float(rank.value), "rank", rank.qualifier, metric,
                                 status, period, holder, counterpart, speaker, n))


def extract_claims(doc: Doc, lex: ClaimLexicon | None = None) -> list[Claim]:
    """The claims of a processed doc (actors, quotes and time already run)."""
    return ClaimFinder(doc, lex or claim_lexicon()).run()


class ClaimExtractor:
    """spaCy component `dragoman_claims`: writes `doc._.claims`."""

    def __init__(self, nlp: Language, name: str = "dragoman_claims") -> None:
        register_extensions()
        self.lex = claim_lexicon()

    def __call__(self, doc: Doc) -> Doc:
        doc._.claims = extract_claims(doc, self.lex)
        return doc


@Language.factory("dragoman_claims")
def make_claim_extractor(nlp: Language, name: str) -> ClaimExtractor:
    return ClaimExtractor(nlp, name)
