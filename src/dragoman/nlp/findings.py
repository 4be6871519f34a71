"""The findings component: within-article cross-checks of the claims.

The rules themselves are pure functions in `dragoman.analysis.findings`, shared with
the knowledge base's findings across articles; this module only runs them on a Doc.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from dragoman.analysis.findings import find_findings
from dragoman.nlp.extensions import register_extensions


class FindingsChecker:
    """spaCy component `dragoman_findings`: writes `doc._.findings` from `doc._.claims`."""

    def __init__(self, nlp: Language, name: str = "dragoman_findings") -> None:
        register_extensions()

    def __call__(self, doc: Doc) -> Doc:
        names = {e.id: e.name for e in doc._.entities or []}
        doc._.findings = find_findings(doc._.claims or [], names)
        return doc


@Language.factory("dragoman_findings")
def make_findings_checker(nlp: Language, name: str) -> FindingsChecker:
    return FindingsChecker(nlp, name)
