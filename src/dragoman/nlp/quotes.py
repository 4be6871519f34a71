"""The quotes component: every direct and reported statement, with its speaker.

`dragoman_quotes` writes `doc._.quotes` (list of `model.Quote`, ids "Q1"... in text
order). It works in three steps, each replaceable on its own:

1. candidates — direct quotes from the quote marks (`quotemarks.py`: paragraphs, quotes
   continued over paragraphs, headings, stray marks) and reported clauses from the
   dependency parse (`reported.py`: complements of said / added / stressed ...,
   "according to");
2. cues — for a direct quote, the verb of saying in its own sentence after the closing
   mark (`"...," he said`) or before the opening one (`X said: "..."`); a quote with no
   cue continues the previous speaker;
3. speakers — `speakers.SpeakerResolver`, read in text order so that "he" is the person
   in focus at that point.

A learned attributor replaces the rules by registering another factory that writes
`doc._.quotes` and naming it in `nlp.pipeline.COMPONENTS` instead of `dragoman_quotes`;
nothing downstream reads anything but `doc._.quotes`.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Token

from dragoman.nlp.extensions import doc_text
from dragoman.model import Entity, Extraction, Quote, QuoteKind
from dragoman.nlp.extensions import TokenTable, register_extensions, token_table
from dragoman.nlp.names import fold
from dragoman.nlp.quotemarks import MarkedQuote, find_marked_quotes, paragraphs
from dragoman.nlp.reported import find_reports, source_of
from dragoman.nlp.speakers import SpeakerResolver, SpeechLexicon, speech_lexicon, subject_of

_SENTENCE_END = frozenset({".", "!", "?", ";"})
# How far after a closing mark a verb the lexicon does not know may stand and still be the
# cue, in tokens: `"...," the Kazakh Minister of Foreign Affairs Murat Nurtleu vowed` is 9.
AFTER_WINDOW_TOKENS = 12
# A comma before an opening mark belongs to a cue this many tokens before it: `he said, "`.
COMMA_CUE_TOKENS = 5


@dataclass
class Statement:
    """A candidate quote while speakers are resolved. span/text: as in `Quote`;
    cue: the verb of saying (None: continues the previous speaker); window: characters in
    which the speaker must be named (the statement's sentence and paragraph)."""

    kind: QuoteKind
    span: tuple[int, int]
    text: str
    cue: Token | None
    window: tuple[int, int]
    speaker: str | None = None
    speaker_tok: Token | None = None  # names the speaker where the cue's parse does not


class Layout:
    """Positions in one doc: tokens by character offset, and paragraphs."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.starts = token_table(doc).idx
        self.paras = paragraphs(doc_text(doc))
        self.para_starts = [p[0] for p in self.paras]

    def token_at(self, char: int) -> int:
        """Index of the token at or after character `char` (len(doc) past the end)."""
        return bisect.bisect_left(self.starts, char)

    def paragraph(self, char: int) -> tuple[int, int]:
        i = bisect.bisect_right(self.para_starts, char) - 1
        if i < 0:
            return (0, len(doc_text(self.doc)))
        return self.paras[i]

    def token_paragraphs(self, tokens: list[int] | None = None) -> dict[int, tuple[int, int]]:
        """Token index -> its paragraph's character span, for `tokens` (default: all)."""
        indices = range(len(self.starts)) if tokens is None else tokens
        return {i: self.paragraph(self.starts[i]) for i in indices}


def _after_window(d: Layout, q: MarkedQuote, opens: set[int]) -> list[Token]:
    """Tokens of the quote's sentence after its closing mark, up to the sentence end,
    the next opening mark or the paragraph end."""
    if not q.closed:
        return []
    para_end = d.paragraph(q.end)[1]
    out = []
    for i in range(d.token_at(q.end + 1), len(d.doc)):
        tok = d.doc[i]
        if tok.idx >= para_end or tok.idx in opens or tok.text in _SENTENCE_END:
            break
        out.append(tok)
    return out


def _before_window(d: Layout, q: MarkedQuote, closes: set[int]) -> list[Token]:
    """Tokens of the quote's sentence before its opening mark, back to the sentence start,
    the previous closing mark or the paragraph start. A quote that opens a paragraph after
    one ending in a colon ("Fidan said:" / "Fidan said:") has that sentence before it."""
    para_start = d.paragraph(q.open_mark)[0]
    if para_start == q.open_mark and para_start > 0:
        prev = d.paragraph(para_start - 1)
        if prev[1] <= para_start and doc_text(d.doc)[prev[0]:prev[1]].endswith(":"):
            para_start = prev[0]
    out: list[Token] = []
    for i in range(d.token_at(q.open_mark) - 1, -1, -1):
        tok = d.doc[i]
        if tok.idx < para_start or tok.text in _SENTENCE_END or tok.idx in closes:
            break
        out.append(tok)
    return out[::-1]


def _is_cue(tok: Token, lexicon: SpeechLexicon) -> bool:
    return lexicon.cue_class(tok) in ("say", "direct", "source")


def _direct_cue(d: Layout, q: MarkedQuote, lexicon: SpeechLexicon, opens: set[int],
                closes: set[int]) -> tuple[bool, Token | None, tuple[int, int]]:
    """(is a full quote, its cue, speaker window) for a marked quote. A quote inside a
    sentence of the journalist's ("called it "a new era"") is a fragment, not a quote."""
    after = [t for t in _after_window(d, q, opens) if not t.is_space]
    before = [t for t in _before_window(d, q, closes) if not t.is_space]
    lo = before[0].idx if before else q.open_mark
    hi = after[-1].idx + len(after[-1]) if after else q.end
    window = (lo, hi)
    content = [t for t in before if not t.is_punct]
    last = before[-1] if before else None
    if content and last is not None and last.text not in (":", ",") and not _is_cue(last, lexicon):
        return False, None, window  # a fragment: the journalist's sentence goes on into it
    ended = doc_text(d.doc)[q.end - 1:q.end] == "."
    for tok in after:
        if _is_cue(tok, lexicon):
            # `"We will win." Fidan said the talks...`: a finished quote, then a new sentence
            # with its own report; that cue is not this quote's.
            if not (ended and any(c.dep_ == "ccomp" and c.idx > q.end for c in tok.children)):
                return True, tok, window
            break
    if after and doc_text(d.doc)[q.end - 1:q.end] in (",", "!", "?"):
        # `"...," he vowed`: right after a quote that hands over with a comma, any verb
        # with a subject is the attribution, whether or not the lexicon knows it.
        verbs = [t for t in after[:AFTER_WINDOW_TOKENS] if t.pos_ == "VERB" and subject_of(t)]
        if verbs:
            return True, verbs[0], window
    if last is not None and (last.text == ":" or _is_cue(last, lexicon)):
        cues = [t for t in before if _is_cue(t, lexicon)]
        if not cues:  # "Fidan put it plainly:" introduces the quote all the same
            cues = [t for t in before if t.pos_ == "VERB" and subject_of(t)]
        return True, (cues[-1] if cues else None), window
    if last is not None and last.text == ",":
        near = [t for t in before[-COMMA_CUE_TOKENS:] if _is_cue(t, lexicon)]
        if near:
            return True, near[-1], window
        return (not content), None, window
    return True, None, window


def _inner_cue(d: Layout, q: MarkedQuote, lexicon: SpeechLexicon) -> tuple[Token, int] | None:
    """A cue the writer left inside the marks: `"We are ready, he said.` with the closing
    mark missing, or `"We are, she said, ready."`. Returns the cue and the end of the quoted
    words (the comma before the speaker, included)."""
    start, end = q.segments[-1]
    for i in range(d.token_at(start), d.token_at(end)):
        tok = d.doc[i]
        subj = subject_of(tok) if _is_cue(tok, lexicon) else None
        if subj is None or subj.i > tok.i:
            continue
        comma = subj.left_edge.i - 1
        if comma > 0 and d.doc[comma].text == "," and d.doc[comma].idx > q.start:
            return tok, d.doc[comma].idx + 1
    return None


def direct_statements(d: Layout, lexicon: SpeechLexicon,
                      marked: list[MarkedQuote]) -> list[Statement]:
    """Full direct quotes with their cues (fragments and headings are left out)."""
    opens = {o for q in marked for o in q.opens}
    closes = {q.end for q in marked if q.closed}
    found = []
    for q in marked:
        if q.heading:
            continue
        full, cue, window = _direct_cue(d, q, lexicon, opens, closes)
        if not full:
            continue
        span = (q.start, q.end)
        text = q.text(doc_text(d.doc))
        inner = _inner_cue(d, q, lexicon) if cue is None else None
        if inner is not None:
            cue = inner[0]
            window = (window[0], max(window[1], cue.idx + len(cue)))
            if not q.closed:  # the words end where the writer's attribution begins
                span = (q.start, inner[1])
                text = " ".join(doc_text(d.doc)[q.start:inner[1]].split())
        if not q.closed and cue is None:
            continue  # an unclosed mark with no cue: a stray mark, not speech
        if text:
            found.append((q, Statement("direct", span, text, cue, window)))
    # Single marks are speech in an article that attributes at least one single-quoted
    # passage; elsewhere they mark titles and terms.
    single_speech = any(not q.double and st.cue is not None for q, st in found)
    return [st for q, st in found if q.double or single_speech]


def indirect_statements(d: Layout, lexicon: SpeechLexicon,
                        quoted: list[tuple[int, int]]) -> list[Statement]:
    out = []
    # find_reports asks for the paragraphs of possible cues only
    paragraphs = d.token_paragraphs(lexicon.cue_positions(d.doc))
    for r in find_reports(d.doc, lexicon, quoted, paragraphs):
        cue = d.doc[r.cue]
        para = d.paragraph(cue.idx)
        sent = cue.sent
        window = (max(para[0], sent.start_char), min(para[1], sent.end_char))
        named = d.doc[r.speaker] if r.speaker is not None else None
        out.append(Statement("indirect", (r.start, r.end), doc_text(d.doc)[r.start:r.end], cue,
                             window, speaker_tok=named))
    return out


def speaker_token(cue: Token, lexicon: SpeechLexicon) -> Token | None:
    """The token that names who says what `cue` introduces: its subject, the source of
    "according to", or for a participle or coordinated verb without a subject ("...,
    adding that", "Reminding that ..., X said") the subject of the verb it depends on."""
    if lexicon.cue_class(cue) == "source":
        return source_of(cue)
    subj = subject_of(cue)
    if subj is not None and subj.tag_ in ("WP", "WDT") and cue.dep_ == "relcl":
        return cue.head  # "Al-Saadi, who said A, ...": the relative pronoun's antecedent
    if subj is not None:
        return subj
    for head in cue.ancestors:
        if lexicon.cue_class(head) in ("say", "direct"):
            subj = subject_of(head)
            if subj is not None:
                return subj
        elif head.dep_ == "ccomp":
            continue  # a reported clause: its subject is not the speaker
        else:
            subj = subject_of(head)
            if subj is not None:
                return subj
    return None


def _resolve(st: Statement, resolver: SpeakerResolver, lexicon: SpeechLexicon,
             last_speaker: str | None) -> str | None:
    """The speaker of one statement: its cue's subject, or the previous speaker."""
    if st.cue is None:
        return last_speaker
    tok = st.speaker_tok or speaker_token(st.cue, lexicon)
    lo, hi = st.window
    if tok is not None and lo <= tok.idx < hi:
        # A subject that names no one we know ("an official", "they") is no one: a person
        # named elsewhere in the sentence is not the speaker.
        return resolver.subject(tok, lo, hi)
    # The parse gave no subject in the statement's own sentence (a heading run into it,
    # a long title): the person named next to the cue, or a pronoun right before it.
    eid = resolver.nearest(lo, hi, st.cue.idx)
    if eid is not None:
        return eid
    prev = st.cue.nbor(-1) if st.cue.i > 0 else None
    return resolver.pronoun(prev) if prev is not None else None


def _focus_subjects(d: Layout, quoted: list[tuple[int, int]]) -> list[Token]:
    """Subjects of main clauses outside quotes: who the article is about at each point.
    A name opening a sentence counts too, whatever the parse made of it (the parser runs a
    paragraph into the quote that ends the one before, and takes the name for an object)."""
    out = []
    table = token_table(d.doc)
    dep, pos, idx = table.dep, table.pos, table.idx
    for i in [i for i, (dep_i, pos_i) in enumerate(zip(dep, pos)) if dep_i == "nsubj" or pos_i == "PROPN"]:
        char = idx[i]
        if any(s <= char < e for s, e in quoted):
            continue
        if dep[i] == "nsubj" and _main_clause(table, table.head[i], d.paragraph(char)):
            out.append(d.doc[i])
        elif pos[i] == "PROPN" and _opens_sentence(d, i):
            out.append(d.doc[i])
    return out


def _opens_sentence(d: Layout, i: int) -> bool:
    """Does token i begin its paragraph, or follow (over spaces) a sentence's last mark?"""
    table = token_table(d.doc)
    if d.paragraph(table.idx[i])[0] == table.idx[i]:
        return True
    prev = next((j for j in range(i - 1, max(0, i - 3) - 1, -1) if not table.is_space[j]), None)
    return prev is not None and table.text[prev] in (".", "!", "?")


def _main_clause(table: TokenTable, verb: int, para: tuple[int, int]) -> bool:
    """Is token `verb` the predicate of a main clause (or coordinated with one)? A verb the
    parser hung on a clause of another paragraph counts as main: paragraphs do not share
    sentences."""
    dep, head, idx = table.dep, table.head, table.idx
    while dep[verb] in ("conj", "parataxis") and para[0] <= idx[head[verb]] < para[1]:
        verb = head[verb]
    return dep[verb] == "ROOT" or not para[0] <= idx[head[verb]] < para[1]


def attribute_quotes(doc: Doc, lexicon: SpeechLexicon | None = None) -> list[Quote]:
    """The quotes of `doc` (which the actors component has run on), in text order."""
    lexicon = lexicon or speech_lexicon()
    d = Layout(doc)
    marked = find_marked_quotes(doc_text(doc))
    direct = direct_statements(d, lexicon, marked)
    quoted = [st.span for st in direct]
    statements = direct + indirect_statements(d, lexicon, quoted)
    resolver = SpeakerResolver.for_doc(doc, lexicon)
    items: list[tuple[int, int, Statement | Token]] = [(st.span[0], 1, st) for st in statements]
    items += [(t.idx, 0, t) for t in _focus_subjects(d, quoted)]
    last_speaker: str | None = None
    for pos, _, item in sorted(items, key=lambda x: (x[0], x[1])):
        if isinstance(item, Statement):
            speaker = _resolve(item, resolver, lexicon, last_speaker)
            if item.kind == "indirect" and not resolver.is_person(speaker):
                speaker = None  # "Caracas announced", "according to the statistics office": not quotes
            item.speaker = speaker
            if item.speaker is not None:
                last_speaker = item.speaker
                resolver.note(max(pos, item.cue.idx if item.cue is not None else pos), item.speaker)
        else:
            para = d.paragraph(item.idx)
            resolver.note(item.idx, resolver.subject(item, *para))
    return _to_quotes(statements)


def _to_quotes(statements: list[Statement]) -> list[Quote]:
    """Statements worth reporting, as `Quote`s: a reported clause needs a known speaker; a
    direct quote is kept without one only when a cue shows it is speech ("an official said")."""
    kept = [st for st in statements if st.speaker is not None
            or (st.kind == "direct" and st.cue is not None)]
    kept.sort(key=lambda st: st.span)
    return [Quote(f"Q{n}", st.speaker, st.kind, st.text, st.span, _cue_text(st.cue))
            for n, st in enumerate(kept, 1)]


def _cue_text(cue: Token | None) -> str | None:
    if cue is None:
        return None
    if cue.lower_ == "according":
        return "according to"
    parts = [cue.lower_] + [c.lower_ for c in cue.children if c.dep_ == "prt"]
    return " ".join(parts)


class QuoteAttributor:
    """spaCy component `dragoman_quotes`: writes `doc._.quotes`. Runs after `dragoman_actors`."""

    def __init__(self, nlp: Language, name: str = "dragoman_quotes") -> None:
        register_extensions()
        self.lexicon = speech_lexicon()

    def __call__(self, doc: Doc) -> Doc:
        doc._.quotes = attribute_quotes(doc, self.lexicon)
        return doc


@Language.factory("dragoman_quotes")
def make_quote_attributor(nlp: Language, name: str) -> QuoteAttributor:
    return QuoteAttributor(nlp, name)


def _names(entity: Entity) -> set[str]:
    return {fold(entity.name)} | {fold(a) for a in entity.aliases}


def quotes_by_speaker(extraction: Extraction, name: str) -> list[Quote]:
    """The quotes of `extraction` whose speaker is called `name` (the entity's name or one
    of its aliases, compared without case, accents or punctuation), in text order."""
    key = fold(name)
    ids = {e.id for e in extraction.entities if key and key in _names(e)}
    return [q for q in extraction.quotes if q.speaker in ids]

