"""Reported speech: the clause a verb of saying reports, from the dependency parse.

"Fidan said (that) bilateral relations are deepening" reports the complement clause
(spaCy `ccomp`) of "said". The clause is cut where the speaker's own sentence resumes:
at ", adding that ..." / ", emphasising that ..." (their own reports) and at
", and expressed his happiness ..." (the speaker's act). "According to X, A" reports A.
The lead's "A, the foreign minister has said." is the same `ccomp`, before the verb.
Partial quotes inside the clause ("this "common enemy"") stay inside it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from dragoman.nlp.extensions import doc_text, token_table
from dragoman.nlp.speakers import SUBJECT_DEPS, SpeechLexicon, has_subject, subject_of

_TRIM = frozenset({",", ";", ":", ".", "-", "—", "–", "and", "but", "or"})
_QUOTE_CHARS = "\"“”„«»‘’'"
# A report covered this much by a direct quote is that quote's cue, not a report of its own.
MAX_QUOTED_SHARE = 0.5


@dataclass(frozen=True)
class Report:
    """A reported clause at characters [start, end), reported by the cue at token `cue`."""

    cue: int
    start: int
    end: int
    speaker: int | None = None  # token naming the speaker, when the parse gives none


def _inside(char: int, spans: list[tuple[int, int]]) -> bool:
    return any(s <= char < e for s, e in spans)


def _cut_points(comp: Token, lexicon: SpeechLexicon) -> list[int]:
    """Tokens where the reported clause ends: a participle of saying after a comma
    (", adding that"), or a verb of saying or acting coordinated without its own
    subject (", and expressed ...")."""
    cuts = [c.left_edge.i for c in _that_conjuncts(comp)]
    table = token_table(comp.doc)
    for i in table.subtree_set(comp.i):  # (the order of the cuts does not matter)
        if i <= comp.i or table.pos[i] not in ("VERB", "AUX"):
            continue
        tok = comp.doc[i]
        cls = lexicon.cue_class(tok)
        left = tok.left_edge.i
        before = table.lower[max(comp.left_edge.i, left - 2):left]
        after_comma = "," in before or (before[-1:] == ["and"] and tok.dep_ == "conj")
        if not after_comma:
            continue
        if cls in ("say", "act") and tok.tag_ == "VBG" and tok.dep_ in ("advcl", "conj", "xcomp", "acl"):
            cuts.append(left)
        elif cls == "say" and tok.dep_ in ("advcl", "conj") and has_subject(tok):
            cuts.append(left)  # "said A, while B said C": B's statement is B's own
        elif tok.dep_ == "conj" and not has_subject(tok) and not _infinitive(tok) and (
                cls in ("say", "act", "direct") or tok.head.i == comp.i and _tense_breaks(comp, tok)):
            cuts.append(left)
    return cuts


def _infinitive(verb: Token) -> bool:
    """"agreed to raise A and to extend B": an infinitive carries on the reported plan; the
    speaker's own next act is a finite verb ("and extended an invitation")."""
    return verb.tag_ == "VB" and any(c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children)


def _tense_breaks(comp: Token, verb: Token) -> bool:
    """Is `verb`, coordinated with the reported clause's head, in the narrative past while
    the clause is not ("said A is a shared goal and expressed ...", "said the vessel had
    been fishing ... and demanded ...")? Then it is the speaker's next act, not reported."""
    if verb.tag_ != "VBD" or any(c.dep_ in ("aux", "auxpass") for c in verb.children):
        return False
    return comp.tag_ in ("VBZ", "VBP") or any(c.dep_ in ("aux", "auxpass") for c in comp.children)


def _extend(comp: Token, cue: Token, last: int, lexicon: SpeechLexicon) -> int:
    """The clause's last token once material the parser hung on the cue is given back:
    "A, many of them B, he said" (all before the speaker), "said A but would not B" (a
    modal shows B is reported), "said A, helped by B" (a past participle describes A)."""
    if comp.i < cue.i:
        subj = subject_of(cue)
        if subj is not None and last < subj.i < cue.i:
            return max(last, subj.left_edge.i - 1)
        return last
    tail = _modal_tail(cue, last)
    if tail is not None:
        return tail
    for child in cue.children:
        if (child.dep_ in ("advcl", "xcomp") and child.tag_ == "VBN" and child.i > last
                and all(t.is_punct for t in cue.doc[last + 1:child.left_edge.i])
                and lexicon.cue_class(child) is None):
            return child.right_edge.i
    return last


def _modal_tail(cue: Token, end_token: int) -> int | None:
    """"told TV that V was ready for talks but would not accept mediation": the parser hangs
    "would not accept" on the cue, yet its modal shows it is reported too. Returns the last
    token of such a verb phrase right after the clause ending at `end_token`."""
    for conj in cue.children:
        if conj.dep_ != "conj" or conj.i <= end_token or has_subject(conj):
            continue
        between = cue.doc[end_token + 1:conj.left_edge.i]
        if any(not (t.is_punct or t.is_space or t.dep_ == "cc") for t in between):
            continue
        if any(c.dep_ == "aux" and c.tag_ == "MD" for c in conj.children) and cue.tag_ == "VBD":
            return conj.right_edge.i
    return None


def _trim(doc: Doc, first: int, last: int) -> tuple[int, int] | None:
    """Token range [first, last] without the complementiser "that" and without punctuation
    or conjunctions at its edges."""
    def edge(tok: Token) -> bool:
        return tok.is_space or tok.dep_ == "cc" or tok.lower_ in _TRIM or (
            tok.is_punct and tok.text not in _QUOTE_CHARS + ")")

    while first <= last and (edge(doc[first]) or doc[first].dep_ == "mark"
                             and doc[first].lower_ == "that"):
        first += 1
    while last >= first and edge(doc[last]):
        last -= 1
    return (first, last) if first <= last else None


def clause_span(comp: Token, lexicon: SpeechLexicon, skip: set[int] | None = None,
                bounds: tuple[int, int] | None = None,
                cue: Token | None = None) -> tuple[int, int] | None:
    """Character span of the clause headed by `comp`, cut at the speaker's own clauses.
    skip: tokens to leave out (the cue's own phrase); bounds: characters to stay within."""
    doc = comp.doc
    skip = skip or set()
    toks = token_table(doc).subtree_set(comp.i) - skip
    first = last = comp.i  # the contiguous run around the head, without the skipped phrase
    while first - 1 in toks:
        first -= 1
    while last + 1 in toks:
        last += 1
    if cue is not None and comp.head.i == cue.i:
        last = _extend(comp, cue, last, lexicon)
    cuts = [c for c in _cut_points(comp, lexicon) if first < c <= last]
    if cuts:
        last = min(cuts) - 1
    if bounds is not None:
        while first <= last and doc[first].idx < bounds[0]:
            first += 1
        while last >= first and doc[last].idx + len(doc[last]) > bounds[1]:
            last -= 1
    trimmed = _trim(doc, first, last)
    if trimmed is None:
        return None
    first, last = trimmed
    first = _skip_cue_date(doc, first, last)
    start, end = doc[first].idx, doc[last].idx + len(doc[last])
    return _balance_marks(doc_text(doc), _skip_dateline(doc_text(doc), start, end), end)


def _skip_cue_date(doc: Doc, first: int, last: int) -> int:
    """"said on Monday rice exports would rise": the parser may start the clause with the
    day of the cue's own "on Monday"; the day is the saying's date, not what was said."""
    if first == 0 or doc[first - 1].lower_ not in ("on", "in") or doc[first].ent_type_ != "DATE":
        return first
    k = first + 1
    while k <= last and doc[k].ent_type_ == "DATE" and doc[k].ent_iob_ == "I":
        k += 1  # the rest of the same date ("Monday morning")
    return k if k <= last else first


# A wire dateline before the lead: "ANKARA (AA) -", "NAIROBI, Kenya (KNA) —",
# "BUDAPEST, Sept. 5 (Xinhua) --". The city is in capitals; the agency tag is optional.
_DATELINE = re.compile(r"[A-Z][A-Z'.\- ]{2,}[A-Z](?:, [A-Z][\w.]*(?: [\w.]+){0,2})?"
                       r"(?: \([A-Za-z .&-]{1,24}\))?\s*(?:--|—|–|-)\s+")


def _skip_dateline(text: str, start: int, end: int) -> int:
    """The start of a span once a wire dateline at its head is left out (it is the
    agency's, not the speaker's); `start` itself when there is none."""
    found = _DATELINE.match(text, start, end)
    return found.end() if found and found.end() < end else start


def _balance_marks(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop a lone quote mark at either edge of a span (the partial quote's mark stays
    with its words: 'this "common enemy."' keeps both marks)."""
    inner = text[start:end]
    doubles = sum(inner.count(c) for c in "\"“”")
    if doubles % 2 == 1:
        closing = re.match(r"[.,!?]?[\"”]", text[end:end + 2])
        if inner[:1] in "\"“”":
            start += 1
        elif inner[-1:] in "\"“”":
            end -= 1
        elif closing:  # 'this "common enemy."': the partial quote closes after the clause
            end += closing.end()
    while start < end and text[start].isspace():
        start += 1
    return start, end


_TRAILING_MAX_TOKENS = 16  # longest speaker phrase between the comma and the verb
_NOT_AFTER = frozenset({"that", ":", "\"", "“", "”", "'", "‘", "’"})


def trailing_attribution(cue: Token, bounds: tuple[int, int] | None) -> tuple[int, int, int] | None:
    """"A, Trade Cabinet Secretary X said on Wednesday." where the parse tore the sentence
    apart (the verb of saying coordinated with A's verb): the clause before the comma that
    opens the speaker's phrase. Returns (start, end, token naming the speaker) or None.
    Only a speaker phrase without a verb, and nothing after the cue but adjuncts."""
    if cue.tag_ not in ("VBD", "VBZ") or cue.dep_ == "ccomp" or has_subject(cue) and any(
            c.dep_ == "ccomp" for c in cue.children):
        return None
    doc, sent = cue.doc, cue.sent
    lo = max(sent.start, 0)
    if bounds is not None:
        while lo < cue.i and doc[lo].idx < bounds[0]:
            lo += 1
    after = doc[cue.i + 1:sent.end]
    if any(t.lower_ in _NOT_AFTER or t.text in _QUOTE_CHARS
           or t.pos_ in ("VERB", "AUX") and has_subject(t) for t in after):
        return None  # "..., X said on Monday the deal would ...": a clause of its own follows
    comma = next((j for j in range(cue.i - 1, max(lo, cue.i - _TRAILING_MAX_TOKENS) - 1, -1)
                  if doc[j].text in (",", "—", "–")), None)
    if comma is None or comma >= cue.i - 1:
        return None
    phrase = doc[comma + 1:cue.i]
    if any(t.pos_ in ("VERB", "AUX") or t.text in _QUOTE_CHARS for t in phrase):
        return None
    if phrase[-1].pos_ not in ("PROPN", "NOUN", "PRON"):
        return None
    clause = doc[lo:comma]
    if len(clause) < 4 or not any(t.pos_ in ("VERB", "AUX") for t in clause):
        return None
    trimmed = _trim(doc, lo, comma - 1)
    if trimmed is None:
        return None
    first, last = trimmed
    text = doc_text(doc)
    start, end = doc[first].idx, doc[last].idx + len(doc[last])
    start, end = _balance_marks(text, _skip_dateline(text, start, end), end)
    # the phrase's head (the token whose head lies outside it): "source" in "a source close
    # to X", not X
    heads = [t for t in phrase if not comma < t.head.i < cue.i or t.head.i == t.i]
    return start, end, (heads[0] if heads else phrase[-1]).i


def _complements(cue: Token, bounds: tuple[int, int] | None) -> list[Token | None]:
    """Heads of the clauses `cue` may report, within its paragraph (the parser sometimes
    hangs a quote of the previous paragraph on the cue too); [None] when it has none."""
    comps = [c for c in cue.children if c.dep_ == "ccomp"
             and (bounds is None or bounds[0] <= c.idx < bounds[1])]
    return comps or _framed_that_clauses(cue, bounds) or [None]


def _framed_that_clauses(cue: Token, bounds: tuple[int, int] | None) -> list[Token]:
    """"said in a statement that A", "told a news conference that A": the parser hangs the
    that-clause on the noun of the cue's phrase. Clauses with "that" and a subject of their
    own, right after the phrase."""
    out = []
    for child in cue.children:
        if child.dep_ not in ("prep", "dobj", "npadvmod") or child.i < cue.i:
            continue
        for tok in child.subtree:
            if (tok.dep_ in ("acl", "relcl", "ccomp") and has_subject(tok)
                    and any(m.dep_ == "mark" and m.lower_ == "that" and m.i == tok.left_edge.i
                            for m in tok.children)
                    and (bounds is None or bounds[0] <= tok.idx < bounds[1])):
                out.append(tok)
    return out[:1]


def find_reports(doc: Doc, lexicon: SpeechLexicon, quoted: list[tuple[int, int]],
                 paragraph: dict[int, tuple[int, int]]) -> list[Report]:
    """Every reported clause of `doc`, in text order.

    quoted: character spans of direct quotes (a cue whose clause is mostly a direct quote
    reports that quote, not a clause of its own); paragraph: token index -> the character
    span of its paragraph (a clause never crosses one).
    """
    reports = []
    for i in lexicon.cue_positions(doc):
        tok = doc[i]
        cls = lexicon.cue_class(tok)
        if cls not in ("say", "source") or _inside(tok.idx, quoted):
            continue
        bounds = paragraph.get(tok.i)
        if cls == "source":
            spans = [_source_clause(tok, lexicon, bounds)]
        else:
            spans = [_said_clause(tok, comp, lexicon, bounds) for comp in _complements(tok, bounds)]
        found = next((s for s in spans if s is not None
                      and _quoted_share(s, quoted) <= MAX_QUOTED_SHARE), None)
        if found is not None and cls == "say" and found[1] <= tok.idx and subject_of(tok) is None:
            # "A, a source close to X said": the parse took the speaker for part of A
            trailing = trailing_attribution(tok, bounds)
            if trailing is not None and found[0] <= trailing[0] < found[1]:
                reports.append(Report(tok.i, *trailing))
                continue
        if found is not None:
            reports.append(Report(tok.i, *found))
        elif cls == "say":
            trailing = trailing_attribution(tok, bounds)
            if trailing is not None and _quoted_share(trailing[:2], quoted) <= MAX_QUOTED_SHARE:
                reports.append(Report(tok.i, *trailing))
        if cls == "say":  # "said that A and that B": B is a report of its own
            extras = []
            for comp in _complements(tok, bounds):
                for extra in _that_conjuncts(comp):
                    span = clause_span(extra, lexicon, bounds=bounds)
                    if span is not None and _quoted_share(span, quoted) <= MAX_QUOTED_SHARE:
                        extras.append(Report(tok.i, *span))
            reports += extras  # (never also A and B joined: one statement, one quote)
    return _drop_nested(reports, doc)


def _that_conjuncts(comp: Token | None) -> list[Token]:
    """Clauses coordinated with `comp` that open with their own "that" and subject."""
    if comp is None:
        return []
    return [c for c in comp.children if c.dep_ == "conj" and has_subject(c)
            and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)]


def _said_clause(cue: Token, comp: Token | None, lexicon: SpeechLexicon,
                 bounds: tuple[int, int] | None) -> tuple[int, int] | None:
    """The clause `comp` that `cue` reports, or for comp None the clause the cue hangs on."""
    skip: set[int] = set()
    if comp is None:
        # "A is growing, the minister said": the parser may hang the verb of saying on the
        # clause it reports; the clause is then everything before the cue's own phrase.
        head = cue.head
        if (cue.dep_ not in ("parataxis", "ccomp") or head.i >= cue.i
                or not any(c.dep_ == "nsubj" for c in cue.children)):
            return None
        comp = head
        skip = token_table(cue.doc).subtree_set(cue.i)
    swallowed = None
    if not any(c.dep_ in SUBJECT_DEPS for c in comp.children) and not _quantity_subject(cue, comp):
        swallowed = _subject_after_date(cue, comp)
        if swallowed is None:
            return None  # "which he said had set the direction": no clause of its own
    span = clause_span(comp, lexicon, skip, bounds, cue)
    if span is not None and swallowed is not None and swallowed.idx < span[0]:
        span = (swallowed.idx, span[1])
    audience = _audience(cue, comp)
    if span is not None and audience is not None and span[0] == audience.idx:
        # "told reporters exports would grow": the parse made the audience part of the clause
        rest = audience.nbor(1)
        span = (rest.idx, span[1]) if rest.idx < span[1] else None
    return span


# Quantity words the parser takes for adverbs when they are a reported clause's subject
# ("said more was coming", "said little had changed").
QUANTITY_SUBJECTS = frozenset({"more", "less", "much", "little", "enough", "plenty", "most"})
# Listeners named right after "told" ("told reporters", "told lawmakers").
AUDIENCE_NOUNS = frozenset({"reporters", "journalists", "lawmakers", "legislators", "delegates",
                            "parliament", "senators", "deputies", "investors", "students",
                            "participants", "diplomats", "correspondents", "media"})


def _quantity_subject(cue: Token, comp: Token) -> bool:
    """"said more was coming": a quantity word right after the cue (or its listener), before
    a finite verb."""
    first = comp.left_edge
    listener = first.i == cue.i + 2 and cue.nbor(1).dep_ in ("dobj", "dative")  # "told reporters"
    return ((first.i == cue.i + 1 or listener) and first.lower_ in QUANTITY_SUBJECTS and first.head.i == comp.i
            and comp.i > first.i and (comp.tag_ in ("VBD", "VBZ", "VBP", "MD") or any(
                c.dep_ in ("aux", "auxpass") and c.i < comp.i for c in comp.children)))


def _subject_after_date(cue: Token, comp: Token) -> Token | None:
    """"said on Monday rice exports would rise": the parser made "rice exports" the object
    of "on"; the subject is the noun phrase after the day, right before the clause's verb."""
    doc = cue.doc
    for prep in cue.children:
        if prep.dep_ != "prep" or prep.lower_ not in ("on", "in") or not cue.i < prep.i < comp.i:
            continue
        obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
        nxt = prep.i + 1
        if (obj is None or obj.ent_type_ == "DATE" or doc[nxt].ent_type_ != "DATE"
                or obj.right_edge.i + 1 != comp.left_edge.i):
            continue
        k = nxt + 1
        while k < obj.i and doc[k].ent_type_ == "DATE" and doc[k].ent_iob_ == "I":
            k += 1
        return doc[k] if k <= obj.i else None
    return None


def _audience(cue: Token, comp: Token) -> Token | None:
    """The listener of "told" that the parser put at the head of the reported clause."""
    if cue.lemma_ != "tell" or cue.i + 1 >= len(cue.doc):
        return None
    nxt = cue.nbor(1)
    if nxt.lower_ in AUDIENCE_NOUNS and nxt.dep_ == "compound" and nxt.i == comp.left_edge.i:
        return nxt
    return None


def _source_clause(according: Token, lexicon: SpeechLexicon,
                   bounds: tuple[int, int] | None) -> tuple[int, int] | None:
    """"According to X, A" / "A, according to X": the clause the phrase attaches to."""
    head = according.head
    if head.i == according.i or head.pos_ not in ("VERB", "AUX"):
        return None
    skip = token_table(according.doc).subtree_set(according.i)
    return clause_span(head, lexicon, skip, bounds)


def source_of(according: Token) -> Token | None:
    """The noun naming the source in "according to X"."""
    for tok in according.subtree:
        if tok.dep_ == "pobj":
            return tok
    return None


def _quoted_share(span: tuple[int, int], quoted: list[tuple[int, int]]) -> float:
    length = max(1, span[1] - span[0])
    covered = sum(max(0, min(span[1], e) - max(span[0], s)) for s, e in quoted)
    return covered / length


def _drop_nested(reports: list[Report], doc: Doc) -> list[Report]:
    """A cue inside another report's clause is part of what was reported ("X said Y told
    him that ..."): only the outer report is kept."""
    out = []
    for r in reports:
        cue_char = doc[r.cue].idx
        if any(o is not r and o.start <= cue_char < o.end for o in reports):
            continue
        out.append(r)
    return sorted(out, key=lambda r: r.start)
