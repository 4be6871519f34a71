"""Paragraph boundaries as sentence boundaries, set before the parser runs.

News paragraphs are units of attribution: a heading line or a quote paragraph must
not be parsed into one sentence with the next paragraph ("'Partner in Eurasia'\n\n
Nurtleu said ..." would make the heading the subject of "said"). spaCy's parser keeps
sentence starts that are already set, so this component marks the first token after
a line break as one.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.component("dragoman_paragraphs")
def mark_paragraph_starts(doc: Doc) -> Doc:
    """Set `is_sent_start` on every token that begins a line."""
    for tok in doc[1:]:
        prev = doc[tok.i - 1]
        if not tok.is_space and ((prev.is_space and "\n" in prev.text) or "\n" in prev.whitespace_):
            tok.is_sent_start = True
    return doc
