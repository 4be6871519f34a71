"""Text made to break extractors, through the real pipeline: unpaired and nested quote
marks, every Unicode quote and dash, right-to-left text, control characters, one
sentence of 100,000 characters. Whatever comes in: no exception, every span inside
the text, every reference to an entity that exists, within the time limit."""
from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dragoman.model import Article, Extraction

FUZZ_EXAMPLES = 400
# Seconds an article may take here: the fuzz texts take well under one; the long
# sentence some 5 s on one core. A text over this fails the test (it would be
# left out of a batch).
TIME_LIMIT = 60

QUOTES = ('"', "'", "\u00ab", "\u00bb", "\u2039", "\u203a", "\u201c", "\u201d", "\u201e",
          "\u201f", "\u2018", "\u2019", "\u201a", "\u201b", "\u300c", "\u300d", "\u300e",
          "\u300f", "\u301d", "\u301e", "\u301f", "\uff02", "\uff07", "\u275b", "\u275c",
          "\u275d", "\u275e", "\u2e42", "``", "''", "\u02bb", "\u02bc")
DASHES = ("-", "\u2010", "\u2011", "\u2012", "\u2013", "\u2014", "\u2015", "\u2053", "\u2e3a",
          "\u2e3b", "\ufe58", "\ufe63", "\uff0d", "\u2212", "\u2043", "--", "---")
RTL = ("\u0648\u0632\u064a\u0631 \u0627\u0644\u062e\u0627\u0631\u062c\u064a\u0629",  # Arabic
       "\u05e9\u05e8 \u05d4\u05d7\u05d5\u05e5",  # Hebrew
       "\u200f", "\u200e", "\u202b", "\u202e", "\u202c", "\u2067", "\u2069", "\u061c")
CONTROLS = tuple(chr(c) for c in [*range(0, 9), 11, 12, *range(14, 32), 127, 0x85, 0x2028,
                                  0x2029, 0x200b, 0x200d, 0xfeff, 0xfffd])
WORDS = ("Foreign Minister", "Ana Duarte", "of Portugal", "Portugal", "Ghana", "Chile",
         "President Kwame Asante", "said", "told reporters", "agreed", "signed a memorandum",
         "trade reached", "$2.5 billion", "12 percent", "in 2023", "by 2030", "on Monday",
         "the ministry said", "Accra", "Lisbon", "US", "E.U.", "1,000,000", "3.5bn euros",
         "according to", "\u2026", ".", ",", ";", ":", "?", "!", "(", ")", "[", "]")
SPACES = (" ", " ", " ", "\n", "\n\n", "\t", "\u00a0", "\u2009", "\u3000")

piece = st.one_of(st.sampled_from(WORDS), st.sampled_from(QUOTES), st.sampled_from(DASHES),
                  st.sampled_from(RTL), st.sampled_from(CONTROLS), st.sampled_from(SPACES),
                  st.text(max_size=6))
hostile_text = st.lists(piece, min_size=1, max_size=250).map(" ".join)


@pytest.fixture(scope="module")
def bounded(extractor):
    """The session's extractor with the test's time limit (put back afterwards)."""
    before = extractor.time_limit
    extractor.time_limit = TIME_LIMIT
    yield extractor
    extractor.time_limit = before


def check(extraction: Extraction) -> None:
    """Every span inside the text, every entity reference to an entity of the record,
    and the record serialisable as the contract's JSON."""
    n = len(extraction.article.text)
    spans = [m for e in extraction.entities for m in e.mentions]
    spans += [q.span for q in extraction.quotes] + [c.span for c in extraction.claims]
    spans += [s.span for s in extraction.sectors]
    for event in extraction.events:
        spans += [event.span, *event.spans]
    for start, end in spans:
        assert 0 <= start <= end <= n, ((start, end), n)
    ids = {e.id for e in extraction.entities}
    refs = [q.speaker for q in extraction.quotes] + [c.speaker for c in extraction.claims]
    for event in extraction.events:
        refs += [*event.source, *event.target, event.location]
    assert {r for r in refs if r} <= ids
    json.dumps(extraction.to_dict(), ensure_ascii=False)


def extract(extractor, text: str) -> Extraction:
    return extractor.extract_article(Article(id="hostile", text=text, date="2024-05-14"))


@settings(max_examples=FUZZ_EXAMPLES, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(text=hostile_text)
def test_generated_hostile_text_never_breaks_the_pipeline(bounded, text):
    check(extract(bounded, text))


def _nested(depth: int) -> str:
    opening = "".join(QUOTES[i % len(QUOTES)] for i in range(depth))
    return f"Ana Duarte said {opening}we agree{opening[::-1]}, the ministry said."


def _every_form() -> str:
    quoted = " ".join(f"{q}Trade will grow{q} Duarte said{d} " for q, d in zip(QUOTES, DASHES * 2))
    return quoted + " ".join(RTL) + " ".join(CONTROLS) + " Chile\u2013Ghana ties."


@pytest.mark.parametrize("name, text", [
    ("unpaired opening marks", "\u201cTrade will grow, said Ana Duarte. " * 50),
    ("unpaired closing marks", "Trade will grow,\u201d said Ana Duarte of Portugal. " * 50),
    ("200 nested quotes", _nested(200)),
    ("200 nested straight quotes", 'Duarte said ' + '"' * 200 + "yes" + '"' * 199 + "."),
    ("every quote and dash form", _every_form()),
    ("right-to-left text with marks", " ".join(RTL) + " \u201c" + RTL[0] + "\u201d said Duarte."),
    ("control characters everywhere", "\x00".join("Chile and Ghana agreed on trade.")),
    ("only punctuation", "\u201d\u201c" * 500 + "\u2014" * 500),
    ("a 100,000-character sentence",
     ("the minister of Chile and the envoy of Ghana and " * 2100)[:100_000] + "."),
])
def test_known_hard_texts(bounded, name, text):
    check(extract(bounded, text))
