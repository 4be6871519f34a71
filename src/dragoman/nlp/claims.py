"""The claims component: the figures an article reports, what they measure and who claims them.

`dragoman_claims` writes `doc._.claims` (list of `model.Claim`, ids "C1"... in text order).
For every amount (`money.find_amounts`) and every rank ("fourth largest trading partner",
"among the top 10 investors") in a sentence it decides, from the parse and the lexicon
in `codebooks/data/metrics.tsv`:

- metric: the nearest noun or verb that names a measure, walking up from the amount
  ("trade volume reached $6.3 billion", "$4.7 billion in direct investments"); both sides'
  sales to each other ("mutual exports", "exports between X and Y") are their trade volume;
- qualifier and status (`claimstatus`): the words right before the amount ("exceeding",
  "nearly", "up to"); a range ("between $4 billion and $5 billion") gives two claims,
  at_least the low end and at_most the high end; target ("the goal of ...", "aim to raise
  ... to"), forecast ("expected to", "could reach"), target also for money promised
  ("will provide $12 million in aid"), else actual;
- period (`claimperiods`): the nearest time expression of the figure's clause (`timex`), a
  deadline for a target; "to date" gives the publication date;
- a figure restated in another currency ("C$53.9 billion, or about US$40 billion") is the
  same claim in the other unit;
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
from dragoman.nlp.claimperiods import find_period
from dragoman.nlp.claimstatus import (announced, apposed_target, find_qualifier, find_status, percent_kind,
                                      raises_to)
from dragoman.nlp.claimwords import ClaimLexicon, best_term, claim_lexicon, reports
from dragoman.nlp.extensions import mentions_between, register_extensions, span_text
from dragoman.nlp.money import NUMBER, PERCENT, Amount, find_amounts
from dragoman.nlp.ranks import RankHit, find_ranks
from dragoman.nlp.timex import Timex, find_timexes, tense_at

FLOWS = frozenset({"trade_volume", "exports", "imports"})
_ARG_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "attr", "pobj", "appos", "dative", "oprd",
                       "npadvmod", "compound", "nmod", "poss", "conj"})
# Left dependents of a word that belong to its clause, not to its noun phrase.
_CLAUSE_LEFT = frozenset({"nsubj", "nsubjpass", "csubj", "expl", "aux", "auxpass", "neg", "mark", "punct", "cc",
                          "advcl", "ccomp"})
# What a ranked measure ranks: the holder of investment is an investor, an exporter a partner.
_MEASURE_RANKS = {"investment": "investor_rank", "fdi": "investor_rank", "exports": "trade_partner_rank"}
# The base of a change, after the figure it changed to: "fell to $1 billion from $1.3 billion".
_FROM_BEFORE = re.compile(r"(?i)\bfrom\s+(?:about\s+|around\s+|nearly\s+|roughly\s+|some\s+)?$")
# "to" right before a figure, its qualifier aside: "raise trade to (about) $5 billion", "up to".
_TO_BEFORE = re.compile(r"(?i)\bto\s+(?:about\s+|around\s+|nearly\s+|roughly\s+|some\s+|over\s+|"
                        r"more\s+than\s+|at\s+least\s+)?$")
# Subjects that stand for a figure named before: "that figure could double", "the total rose".
_FIGURE_WORDS = frozenset({"figure", "amount", "total", "sum", "number", "value", "volume", "level"})
# Between a figure and the same figure in another currency: "C$53.9 billion for 2023, or about
# US$40 billion", "4.5 trillion rupiah (about $280 million)", "€2bn ($2.2bn)".
_CONVERSION = re.compile(r"(?i)(?:\s+(?:in|for)\s+[\w ]{1,30}?)?\s*(?:(?:,\s*or|\(|\bor)\s*(?:[a-z]+\s+){0,2}?|"
                         r",\s*(?:about|around|roughly|some|approximately|nearly|almost|(?:equivalent|equal)\s+to|"
                         r"worth(?:\s+about|\s+around|\s+roughly|\s+some)?)\s+)")


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
    after it ("line of credit", "source of investment"). A noun the parser made the head of a
    clause ("investments in Egypt amount to ...", "amount" a noun) keeps its subject out."""
    left = [c for c in tok.lefts if c.dep_ not in _CLAUSE_LEFT]
    words = list(tok.doc[min((c.left_edge.i for c in left), default=tok.i):tok.i + 1])
    for child in tok.rights:
        if child.dep_ == "prep" and child.lower_ == "of":
            for obj in child.children:
                if obj.dep_ == "pobj":
                    words += [child, *tok.doc[obj.left_edge.i:obj.i + 1]]
    return words


def noun_metric(tok: Token, lex: ClaimLexicon, orgs: frozenset[int] = frozenset()) -> str | None:
    """The metric a noun names, itself or through a verb it governs ("goods sold to").
    orgs: tokens inside an organization's name, which name no metric ("Board of Investment",
    "Ministry of Trade") unless it is a lender's ("the Exim Bank")."""
    if tok.pos_ not in ("NOUN", "PROPN"):
        return None
    words = [w for w in noun_phrase(tok) if w.i not in orgs]
    hit = best_term(words, lex.terms("metric"), head=tok) if words else None
    if hit and (tok.i not in orgs or hit[0] == "loan"):
        return hit[0]
    lender = best_term([w for w in noun_phrase(tok) if w.i in orgs], lex.terms("metric"))
    if lender and lender[0] == "loan":
        return "loan"
    for child in tok.children:
        if child.dep_ in ("acl", "relcl") and lex.value("verb", child.lemma_.lower()):
            return lex.value("verb", child.lemma_.lower())
    return None


def _phrasal_value(verb: Token, terms: tuple[tuple[tuple[str, ...], str], ...]) -> str | None:
    """The value of a two-word verb term whose second word is a preposition or particle the
    verb (or its object) takes: "pay for" ("Kenya paid Ethiopia $118 million for electricity")."""
    lemma = verb.lemma_.lower()
    near = [*verb.children, *(c for o in verb.children if o.dep_ == "dobj" for c in o.children)]
    for term, value in terms:
        if len(term) == 2 and term[0] == lemma and any(
                c.lower_ == term[1] and c.dep_ in ("prep", "prt") for c in near):
            return value
    return None


def two_way(cue: Token) -> bool:
    """Whether a flow word names the sales of both sides to each other, which is their trade:
    "exports from the two countries to each other", "they exported $5 billion to one another",
    "exports between Peru and Chile"."""
    words = [t.lower_ for t in cue.doc[cue.left_edge.i:cue.right_edge.i + 1]]  # as words: the parse
    for i in range(len(words) - 2):  # of "to one another" varies
        if words[i] in ("to", "from", "with") and words[i + 1] in ("each", "one") and words[i + 2] in (
                "other", "another"):
            return True
    return cue.pos_ == "NOUN" and any(c.dep_ == "prep" and c.lower_ == "between" for c in cue.children)


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


def find_metric(anchor: Token, lex: ClaimLexicon,
                orgs: frozenset[int] = frozenset()) -> tuple[str, Token] | None:
    """(metric, the word that names it), walking up the parse from the amount and looking
    at each step's own noun phrase, verb and arguments; stops at a verb of saying.
    orgs: see `noun_metric`."""
    came_from: Token | None = None
    tok = anchor
    for _ in range(7):
        metric = noun_metric(tok, lex, orgs)
        if metric:
            return metric, tok
        if tok.pos_ in ("VERB", "AUX"):
            for kind in ("verb", "owe"):
                value = lex.value(kind, tok.lemma_.lower()) or _phrasal_value(tok, lex.terms(kind))
                if value:
                    return value, tok
        children = sorted((c for c in tok.children if c != came_from),
                          key=lambda c: abs(c.i - anchor.i))
        for child in children:
            objs = [o for o in child.children if o.dep_ == "pobj"] if child.dep_ == "prep" else (
                [child] if child.dep_ in _ARG_DEPS else [])
            for obj in objs:
                metric = noun_metric(obj, lex, orgs)
                if metric:
                    return metric, obj
        if reports(tok, lex) or tok.head == tok:
            return None
        came_from, tok = tok, tok.head
    return None


def _subject_refers_back(anchor: Token, lex: ClaimLexicon) -> bool:
    """Whether a figure with no measure of its own may take the measure of the figure before:
    its clause has no subject but the figure ("a further $1 billion could be disbursed"), or
    a pronoun, a name, a word for a figure or a goal ("it could grow by 15%", "that figure",
    "our goal is to raise it to ..."), or a pronoun object ("raise it to"); not a thing of its
    own ("the new railway is expected to cost $3.6 billion")."""
    tok = anchor
    for _ in range(8):
        if tok.pos_ in ("VERB", "AUX"):
            if any(c.dep_ == "dobj" and c.pos_ == "PRON" for c in tok.children):
                return True
            subject = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass", "expl")), None)
            if subject is None and tok.dep_ in ("xcomp", "conj", "advcl") and tok.head != tok:
                tok = tok.head
                continue
            # a forecast noun refers back ("the estimate"), "the project" is a thing of its own
            refers = _FIGURE_WORDS | lex.words("target") | (lex.words("forecast") - {"project"})
            return (subject is None or anchor in subject.subtree or subject.pos_ != "NOUN"
                    or subject.lemma_.lower() in refers)
        if tok.head == tok:
            break
        tok = tok.head
    return True


def _points_back(anchor: Token) -> bool:
    """Whether the clause of a figure names what it measures only by a pronoun or a word for a
    figure, as subject or object: "put it at $5 billion", "the figure was $5 billion"."""
    tok = anchor
    for _ in range(8):
        if tok.pos_ in ("VERB", "AUX"):
            return any(c.dep_ in ("dobj", "nsubj", "nsubjpass") and (
                c.lower_ in ("it", "this", "that") or c.lemma_.lower() in _FIGURE_WORDS)
                for c in tok.children)
        if tok.head == tok:
            break
        tok = tok.head
    return False


# --- speaker -----------------------------------------------------------------------

def find_speaker(parties: Parties, anchor: Token, lex: ClaimLexicon) -> str | None:
    """The entity id of who states the figure: the speaker of the quote it stands in, else
    the person subject of a verb of saying above it, or "according to" a person."""
    quote = parties.quote_at(anchor.idx)
    if quote is not None:
        return quote.speaker
    tok = anchor
    for _ in range(10):
        if reports(tok, lex):
            # not a subject the figure stands in: the parser may make the figure's measure a
            # second subject of "said" ("investments ... amount to $13 billion, X said")
            subjects = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")
                        and not c.left_edge.i <= anchor.i <= c.right_edge.i]
            if subjects:
                return _person(parties, subjects[0])
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
        if tok.i <= anchor.i or not reports(tok, lex) or tok.tag_ not in ("VBD", "VBZ", "VBP"):
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
            for amount in find_amounts(span_text(sent), context=doc_text(self.doc)):
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
        converted = self._converted(n, amount)
        if converted is not None:
            self.drafts.append(converted)
            return
        kind = percent_kind(anchor, doc_text(self.doc), amount, self.lex) if amount.unit == PERCENT else None
        if amount.unit == PERCENT and kind is None:
            return  # a percentage that is neither a change nor a share: a rate, a tariff
        metric, cue, source = self._metric(n, anchor, amount, kind)
        deadline = any(t.kind == "deadline" and sent.start_char <= t.start < sent.end_char for t in self.timexes)
        before = doc_text(self.doc)[max(0, amount.start - 30):amount.start]
        status = find_status(anchor, self.lex, deadline, bool(_TO_BEFORE.search(before)))
        if status == "actual" and metric in ("aid", "loan", "investment", "fdi") and announced(anchor, self.lex):
            status = "target"
        if status != "target" and apposed_target(doc_text(self.doc), amount.end, sent.end_char, anchor, self.lex):
            status = "target"
        base = bool(_FROM_BEFORE.search(before)) and any(d.sent == n for d in self.drafts)
        found, period = find_period(self.doc, sent, amount.start, amount.end, status, self.timexes, self.lex,
                                    base=base)
        if not found and status == "actual" and (metric in FLOWS or amount.unit == PERCENT):
            period = self._inherited_period(n, metric)
        speaker = find_speaker(self.parties, anchor, self.lex)
        country = self._speaker_country(speaker)
        if metric in ("trade_volume", "other"):
            holder, counterpart = pair_parties(self.parties, cue or anchor, country, self.lex)
        else:
            holder, counterpart = directed_parties(self.parties, cue or anchor, anchor, metric, country, self.lex)
        if source is not None and not self._names_country(sent):
            # "The figure was closer to $120 million": the figure before, restated
            holder, counterpart = source.holder, source.counterpart
            period = period if found or source.status != status else source.period
        qualifier = find_qualifier(doc_text(self.doc), amount, self.lex)
        if qualifier == "at_most" and re.search(r"(?i)\bup\s+to\s+$", before) and raises_to(anchor, self.lex):
            qualifier = "exact"  # "to bring trade up to $1 billion" is "to $1 billion"
        base = Draft(amount.start, amount.end, amount.value, amount.unit, qualifier,
                     metric, status, period, holder, counterpart, speaker, n)
        if amount.high is None:
            self.drafts.append(base)
        else:  # a range: at least the low end, at most the high end
            self.drafts.append(replace(base, qualifier="at_least"))
            self.drafts.append(replace(base, value=amount.high, qualifier="at_most"))

    def _converted(self, n: int, amount: Amount) -> Draft | None:
        """The figure just before restated in another currency ("C$53.9 billion, or about
        US$40 billion", "4.5 trillion rupiah (about $280 million)"): the same claim in the
        new unit, with the qualifier its own words give."""
        last = self.drafts[-1] if self.drafts else None
        if (last is None or last.sent != n or amount.high is not None or amount.unit == PERCENT
                or last.unit in (PERCENT, "count", "rank") or last.unit == amount.unit):
            return None
        if not _CONVERSION.fullmatch(doc_text(self.doc)[last.end:amount.start]):
            return None
        return replace(last, start=amount.start, end=amount.end, value=amount.value, unit=amount.unit,
                       qualifier=find_qualifier(doc_text(self.doc), amount, self.lex))

    def _metric(self, n: int, anchor: Token, amount: Amount,
                percent: str | None) -> tuple[str, Token | None, Draft | None]:
        """(metric, the word naming it, the figure before whose measure it takes) — "other"
        for a share, or the value of a deal or project ("projects worth over $20 billion")."""
        if percent == "share":
            return "other", None, None
        hit = find_metric(anchor, self.lex, self.parties.org_tokens)
        if hit is not None:
            if hit[0] in ("exports", "imports") and two_way(hit[1]):
                return "trade_volume", hit[1], None  # both sides' sales: the trade between them
            return hit[0], hit[1], None
        owner = owner_noun(anchor)
        if owner is not None and owner.lemma_.lower() in self.lex.words("count"):
            return "other", owner, None
        return self._inherited_metric(n, amount)

    def _names_country(self, sent: Span) -> bool:
        """Whether the sentence names a country or a place of one."""
        return any(sent.start <= i < sent.end and ref.kind in ("country", "place")
                   for i, ref in self.parties.refs.items())

    def _add_count(self, n: int, anchor: Token, amount: Amount) -> None:
        noun = anchor if anchor.pos_ == "NOUN" else (anchor.head if anchor.dep_ == "nummod" else None)
        if noun is None or noun.lemma_.lower() not in self.lex.words("count"):
            return
        speaker = find_speaker(self.parties, anchor, self.lex)
        qualifier = find_qualifier(doc_text(self.doc), amount, self.lex)
        self.drafts.append(Draft(amount.start, amount.end, amount.value, "count", qualifier, "other", "actual",
                                 None, None, None, speaker, n))

    def _inherited_metric(self, n: int, amount: Amount) -> tuple[str, Token | None, Draft | None]:
        """A figure with no measure named near it in the parse ("it could grow by 15%", "our
        goal is to reach $20 bn") measures what its sentence names nearest to it, else what
        the previous figure of this or the sentence before measured."""
        sent = self.doc[self._anchor(amount.start, amount.end).i].sent
        ranks = find_ranks(sent, self.lex)
        named = [(abs(tok.idx - amount.start) + (0 if tok.idx < amount.start else 1000), tok.i, metric)
                 for tok in sent if not any(r.start <= tok.idx < r.end for r in ranks)
                 and (metric := noun_metric(tok, self.lex, self.parties.org_tokens))]
        if named:
            _, i, metric = min(named)
            return metric, self.doc[i], None
        if not _subject_refers_back(self._anchor(amount.start, amount.end), self.lex):
            return "other", None, None  # "the new railway is expected to cost $3.6 billion"
        for d in reversed(self.drafts):
            if d.sent < n - 1:
                break
            if d.metric not in ("other", "trade_partner_rank", "investor_rank"):
                return d.metric, None, d
        return self._measure_named_before(n, self._anchor(amount.start, amount.end))

    def _measure_named_before(self, n: int, anchor: Token) -> tuple[str, Token | None, Draft | None]:
        """"They disagreed on the size of Spanish investment in Peru. Ruiz put it at $2 billion":
        a figure that points back with "it" / "the figure" and follows a sentence with no figure
        measures what that sentence names (its noun, whose modifiers name the parties)."""
        if n == 0 or not _points_back(anchor) or any(d.sent == n - 1 for d in self.drafts):
            return "other", None, None
        before = list(self.doc.sents)[n - 1]
        named = [(tok, metric) for tok in before
                 if (metric := noun_metric(tok, self.lex, self.parties.org_tokens))]
        if len({metric for _, metric in named}) != 1 or named[0][1] in ("other", "trade_partner_rank",
                                                                        "investor_rank"):
            return "other", None, None  # none, or several measures: which one is unclear
        return named[-1][1], named[-1][0], None

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
        anchor = self._anchor(rank.start, rank.end)
        measured = self._measure_rank(anchor) if rank.by_measure else None
        metric = rank.metric or (measured[0] if measured else None) or next(
            (d.metric for d in reversed(self.drafts) if d.unit == "rank" and d.sent >= n - 1), None)
        if metric is None:
            return
        speaker = find_speaker(self.parties, anchor, self.lex)
        if measured is not None:
            # the holder of the measure is the one ranked: "Japanese investment in Vietnam"
            holder, counterpart = directed_parties(self.parties, measured[1], anchor, measured[2],
                                                   self._speaker_country(speaker), self.lex)
        else:
            holder, counterpart = rank_parties(self.parties, sent, rank, self._speaker_country(speaker))
        status = find_status(anchor, self.lex, deadline=False)
        _, period = find_period(self.doc, sent, rank.start, rank.end, status, self.timexes, self.lex,
                                strict=True)
        self.drafts.append(Draft(rank.start, rank.end, float(rank.value), "rank", rank.qualifier, metric,
                                 status, period, holder, counterpart, speaker, n))

    def _measure_rank(self, anchor: Token) -> tuple[str, Token, str] | None:
        """(rank metric, the noun naming the measure, the measure) for a superlative that ranks
        the measure its clause names ("Japanese investment ... is the second highest after
        ..."): investment ranks investors, exports rank trading partners; None otherwise."""
        hit = find_metric(anchor, self.lex, self.parties.org_tokens)
        if hit is None or hit[0] not in _MEASURE_RANKS:
            return None
        return _MEASURE_RANKS[hit[0]], hit[1], hit[0]


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
