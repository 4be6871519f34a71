"""Paragraph boundaries as sentence boundaries, set before the parser runs.

News paragraphs are units of attribution: a heading line or a quote paragraph must
not be parsed into one sentence with the next paragraph ("'Partner in Eurasia'\n\n
Nurtleu said ..." would make the heading the subject of "said"). spaCy's parser keeps
sentence starts that are already set, so this component marks the first token after
a line break as one.
"""
from __future__ import annotations

from bisect import bisect_right

from spacy.attrs import IS_SPACE
from spacy.language import Language
from spacy.tokens import Doc


@Language.component("dragoman_paragraphs")
def mark_paragraph_starts(doc: Doc) -> Doc:
    """Set `is_sent_start` on every token that begins a line."""
    # (read from arrays: this runs before the parser, for every token of every article)
    spaces = doc.to_array(IS_SPACE).tolist()
    for i in range(1, len(doc)):
        # a token's trailing whitespace is one space at most: a line break is a space token
        if not spaces[i] and spaces[i - 1] and "\n" in doc[i - 1].text:
            doc[i].is_sent_start = True
    return doc


@Language.component("dragoman_sentences")
def index_sentences(doc: Doc) -> Doc:
    """Make `token.sent`, `span.sent` and `doc.sents` constant-time look-ups.

    spaCy finds a token's sentence by walking the doc, so components that ask for it per
    token would be quadratic in the article's length; once the parser has fixed the
    boundaries, an index of sentence starts answers with a binary search."""
    sents = list(doc.sents)
    starts = [s.start for s in sents]

    def token_sent(token):
        return sents[bisect_right(starts, token.i) - 1]

    def span_sent(span):
        return sents[bisect_right(starts, span.start) - 1]

    doc.user_token_hooks["sent"] = token_sent
    doc.user_span_hooks["sent"] = span_sent
    doc.user_hooks["sents"] = lambda _doc: iter(sents)
    return doc
