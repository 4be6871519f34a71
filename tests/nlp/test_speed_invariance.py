"""The speed work changes nothing but speed.

The faster stand-ins for the model's attribute ruler and lemmatizer give every token the
same attributes as spaCy's own; the token table reads the same values as the Token
objects; the cheap tests that let components skip regular expressions never skip one
that would have matched; the fast path of `fold` gives the same keys.
"""
from __future__ import annotations

import random
import re
import unicodedata
from pathlib import Path

import pytest
from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, MORPH, POS, TAG
from spacy.lang.en.lemmatizer import EnglishLemmatizer
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc

from dragoman.nlp import money, ranks, timex
from dragoman.nlp.extensions import Mention, mention_at, mentions_between, token_table
from dragoman.nlp.fastpipes import IndexedAttributeRuler, MemoLemmatizer
from dragoman.nlp.names import _FOLD, fold
from dragoman.nlp.textscan import first_char_hint, lowered

REPO = Path(__file__).resolve().parents[2]
TEXT_SETS = {
    "examples": sorted((REPO / "examples").glob("*.txt")),
    "test data": sorted((REPO / "tests" / "data").glob("*/*.txt")),
}
ATTRS = [TAG, POS, MORPH, LEMMA, DEP, HEAD, ENT_IOB, ENT_TYPE]
# Rare forms the attribute ruler has patterns for: contractions, "gonna", "y'all", "ain't".
TRICKY = ("I ain't gonna say it, y'all. Let's go, we're gonna be fine; she'd've known. "
          "He doesn't, and it's not nothin'. Gotta run, c'mon!\n\nThat is what there is.")


def _texts(name: str) -> list[str]:
    if name == "generated":
        from dragoman.corpus import generate
        return [a.text for a in generate(12, REPO / "examples")]
    if name == "tricky":
        return [TRICKY]
    return [p.read_text(encoding="utf-8") for p in TEXT_SETS[name]]


def _stock_rules(nlp):
    """spaCy's own attribute ruler and lemmatizer with the same patterns and tables."""
    ours_ar, ours_lemma = nlp.get_pipe("attribute_ruler"), nlp.get_pipe("lemmatizer")
    stock_ar = AttributeRuler(nlp.vocab)
    stock_ar.add_patterns(ours_ar.patterns)
    stock_lemma = EnglishLemmatizer(nlp.vocab, None, mode="rule", overwrite=ours_lemma.overwrite)
    stock_lemma.lookups = ours_lemma.lookups
    return stock_ar, stock_lemma


@pytest.mark.parametrize("text_set", ["examples", "test data", "generated", "tricky"])
def test_fast_rule_components_give_identical_token_attributes(nlp, text_set):
    """Tagged and parsed docs get the same POS, morphology, lemma, tag and dependency from
    the indexed attribute ruler and memoised lemmatizer as from spaCy's own components."""
    assert isinstance(nlp.get_pipe("attribute_ruler"), IndexedAttributeRuler)
    assert isinstance(nlp.get_pipe("lemmatizer"), MemoLemmatizer)
    texts = _texts(text_set)
    assert texts, f"no texts in {text_set}"
    stock_ar, stock_lemma = _stock_rules(nlp)
    upstream = [n for n in nlp.pipe_names if n in ("tok2vec", "tagger", "parser", "dragoman_paragraphs")]
    with nlp.select_pipes(enable=upstream):
        parsed = list(nlp.pipe(texts))
    for doc in parsed:
        data = doc.to_bytes(exclude=["user_data"])
        ours, stock = Doc(nlp.vocab).from_bytes(data), Doc(nlp.vocab).from_bytes(data)
        nlp.get_pipe("lemmatizer")(nlp.get_pipe("attribute_ruler")(ours))
        stock_lemma(stock_ar(stock))
        assert (ours.to_array(ATTRS) == stock.to_array(ATTRS)).all()
        assert [str(t.morph) for t in ours] == [str(t.morph) for t in stock]


@pytest.mark.parametrize("text", [TRICKY, "The ministers met in Astana on Monday.\n\nTrade grew 12%."])
def test_token_table_reads_what_tokens_say(nlp, text):
    """Every column of the token table equals the attribute of the Token it stands for."""
    doc = nlp(text)
    table = token_table(doc)
    columns = {"text": "text", "lower": "lower_", "lemma": "lemma_", "pos": "pos_", "tag": "tag_",
               "dep": "dep_", "ent_type": "ent_type_", "idx": "idx", "is_space": "is_space",
               "is_punct": "is_punct", "is_alpha": "is_alpha", "like_num": "like_num"}
    for column, attr in columns.items():
        assert getattr(table, column) == [getattr(t, attr) for t in doc], column
    assert table.head == [t.head.i for t in doc]
    assert table.lemma_lower == [t.lemma_.lower() for t in doc]
    assert table.space_after == [bool(t.whitespace_) for t in doc]
    assert table.sent_start == [bool(t.is_sent_start) for t in doc]
    assert table.end == [t.idx + len(t.text) for t in doc]


def _slow_fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.translate(_FOLD))
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    return re.sub(r"[^a-z0-9]+", " ", text).strip()


@pytest.mark.parametrize("text", ["Fidan", "U.S.", "'s", "—", "", " ", "Kassym-Jomart", "2024",
                                  "Türkiye", "Erdoğan", "ıslak", "Straße", "A_b", "x\ty", "$6.3"])
def test_fold_fast_path_gives_the_same_key(text):
    assert fold(text) == _slow_fold(text)


def test_fold_fast_path_on_random_ascii():
    rng = random.Random(3)
    for _ in range(5000):
        text = "".join(rng.choice("aZ9 .-'_\t$%") for _ in range(rng.randint(0, 7)))
        assert fold(text) == _slow_fold(text), text


def test_lowered_refuses_letters_that_match_ascii_case_insensitively():
    """İ, ı, ſ and the Kelvin sign match ASCII letters under (?i): no lower-cased shortcut."""
    assert lowered("Trade In Percent") == "trade in percent"
    for twin in ("\u0130", "\u0131", "\u017f", "\u212a"):
        assert lowered(f"ten{twin}") is None
        assert re.search("(?i)[a-z]", twin)


# Texts where a pattern matches in an unusual way: the gates must still let it through.
GATE_TEXTS = [
    "I am here", "a bn", "AN M", "one k.", "USD 5", "Rs. 40", "KSh 200 million", "US $ 4 bn",
    "five percent", "FIVE PER  CENT", "twenty tenge", "Ten euros", "half a billion",
    "a hundred million", "İstanbul ten", "tEN dollarS", "4 pct", "LİRA 5", "ſix", "\u212aSh 5",
    "It rose 7% in Q3 2024 and FY24", "two years AGO", "in recent years", "THE SAME YEAR",
    "so far", "as of now", "due on Monday, 5-7 June 2024", "the fourth largest trading partner",
    "NOT EVEN AMONG THE TOP TEN investors", "number one investor", "ranks second among partners",
    "no. 1 partner", "between 2019 and 2022", "since 2015", "by the end of the year",
]


@pytest.mark.parametrize("text", GATE_TEXTS)
def test_money_gates_never_skip_a_matching_pattern(text):
    for pattern, maybe in zip(money._patterns(), money._may_match(text)):
        assert maybe or pattern.search(text) is None, pattern.pattern[:60]


@pytest.mark.parametrize("text", GATE_TEXTS)
def test_time_gates_never_skip_a_matching_rule(text):
    kept = timex._rules_for(text)
    for rule in timex._RULES:
        assert rule in kept or rule[0].search(text) is None, rule[0].pattern[:60]


def test_gates_on_generated_articles():
    """Over whole articles and their sentences: gated and ungated scans agree."""
    from dragoman.corpus import generate
    texts = [a.text for a in generate(20, REPO / "examples")]
    texts += [s for t in texts for s in re.split(r"(?<=[.!?])\s+|\n+", t) if s]
    for text in texts:
        for pattern, maybe in zip(money._patterns(), money._may_match(text)):
            assert maybe or pattern.search(text) is None
        kept = timex._rules_for(text)
        assert all(rule in kept or rule[0].search(text) is None for rule in timex._RULES)


@pytest.mark.parametrize("text", GATE_TEXTS)
def test_rank_gate_lets_every_rank_through(nlp, text):
    """A sentence the gate turns away has no rank by the full patterns either."""
    from dragoman.nlp.claimwords import claim_lexicon
    lex = claim_lexicon()
    nouns = tuple((" ".join(t), v) for kind in ("rank_partner", "rank_investor") for t, v in lex.terms(kind))
    lower = lowered(text)
    if lower is not None and not ranks._RANK_WORDS.search(lower):
        assert all(p.search(text) is None for p in ranks._patterns(nouns))


def test_mention_lookups_agree_with_a_scan(nlp):
    """mention_at and mentions_between (bisect over cached starts) answer as a full scan."""
    doc = nlp.make_doc("Foreign Minister Hakan Fidan met his Kazakh counterpart in Astana.")
    mentions = sorted([Mention(0, 28, "E1", "title"), Mention(17, 28, "E1"), Mention(37, 43, "E2", "demonym"),
                       Mention(58, 64, "E3", "capital"), Mention(23, 28, "E1")], key=lambda m: (m.start, -m.end))
    doc._.mentions = mentions
    for char in range(len(doc.text) + 1):
        hits = [m for m in mentions if m.start <= char < m.end]
        expected = min(hits, key=lambda m: m.end - m.start) if hits else None
        assert mention_at(doc, char) == expected
    for start in range(0, 70, 7):
        for end in range(start, 70, 9):
            expected = [m for m in mentions if start <= m.start < end and m.end <= end]
            assert mentions_between(doc, start, end) == expected


@pytest.mark.parametrize("pattern, hint", [
    (r"\b(?P<m>January|Jan\.?|May)\b", "(?=[JM])"),
    (r"(?i:\b(?:the\s+)?(?:first|1st))\s+x", "(?=(?i:[tf1]))"),
    (r"(?:\b(?i:last\s+))?\bMonday", "(?=[M]|(?i:[l]))"),
    (r"(?<![\w.])\d+%", r"(?=[\d])"),
    (r"x?", None),  # may match nothing: no hint
    (r".ab", None),  # any character: no hint
    (r"[^a]b", None),  # a negated class: no hint
])
def test_first_char_hint(pattern, hint):
    assert first_char_hint(pattern) == hint


def _matches(pattern: re.Pattern[str], texts: list[str]) -> list:
    return [[(m.span(), m.groupdict()) for m in pattern.finditer(t)] for t in texts]


def _unhinted(pattern: str) -> str:
    """The pattern `hinted` was given: the text after the hint it put in front."""
    for k in range(3, 200):
        if pattern[k - 1] != ")":
            continue
        try:
            if first_char_hint(pattern[k:]) == pattern[:k]:
                return pattern[k:]
        except re.error:
            continue
    raise AssertionError(f"no hint in front of {pattern[:60]}")


def test_hinted_patterns_find_exactly_what_the_plain_ones_find():
    """The time rules and money patterns, with their first-character hints, match the same
    spans with the same groups as the patterns without them."""
    from dragoman.corpus import generate
    texts = [a.text for a in generate(10, REPO / "examples")] + GATE_TEXTS + [TRICKY]
    for pattern in [p for p, _ in timex._RULES] + list(money._patterns()):
        plain = re.compile(_unhinted(pattern.pattern))
        assert _matches(pattern, texts) == _matches(plain, texts)


@pytest.mark.parametrize("text_set", ["test data", "generated"])
def test_token_table_tree_matches_the_parse(nlp, text_set):
    """Children and subtrees read from the table's head column are spaCy's, token for token
    and in the same order, non-projective parses included."""
    upstream = [n for n in nlp.pipe_names if n in ("tok2vec", "tagger", "parser", "dragoman_paragraphs")]
    with nlp.select_pipes(enable=upstream):
        docs = list(nlp.pipe(_texts(text_set)))
    for doc in docs:
        table = token_table(doc)
        for tok in doc:
            assert table.children[tok.i] == [c.i for c in tok.children]
            assert table.subtree(tok.i) == [t.i for t in tok.subtree]


def test_subtree_set_is_the_subtree(nlp):
    doc = nlp("The minister, who arrived on Monday, said that trade between the two countries "
              "had grown and that both sides would sign an agreement.")
    table = token_table(doc)
    for tok in doc:
        assert table.subtree_set(tok.i) == {t.i for t in tok.subtree}
        assert table._subtree_by_stack(tok.i) == table.subtree(tok.i)


def _paragraph_starts_by_tokens(doc):
    """The paragraph rule as first written, token by token (the reference)."""
    for tok in doc[1:]:
        prev = doc[tok.i - 1]
        if not tok.is_space and ((prev.is_space and "\n" in prev.text) or "\n" in prev.whitespace_):
            tok.is_sent_start = True
    return doc


@pytest.mark.parametrize("text", ["A heading\n\nFidan said.", "\n\nx", "x \n y", "x\n", "  \n\n  y\n\t\nz",
                                  "", "one line", TRICKY])
def test_paragraph_starts_read_from_arrays_are_the_same(nlp, text):
    from spacy.attrs import SENT_START
    from dragoman.nlp.paragraphs import mark_paragraph_starts
    ours, reference = mark_paragraph_starts(nlp.make_doc(text)), _paragraph_starts_by_tokens(nlp.make_doc(text))
    assert (ours.to_array([SENT_START]) == reference.to_array([SENT_START])).all()


def test_mentions_covering_agree_with_a_scan(nlp):
    """mentions_covering (bisect over cached starts) lists what a full scan lists, in order."""
    from dragoman.nlp.extensions import mentions_covering
    doc = nlp.make_doc("Foreign Minister Hakan Fidan met his Kazakh counterpart in Astana.")
    mentions = sorted([Mention(0, 28, "E1", "title"), Mention(17, 28, "E1"), Mention(37, 43, "E2", "demonym"),
                       Mention(58, 64, "E3", "capital"), Mention(23, 28, "E1")], key=lambda m: (m.start, -m.end))
    doc._.mentions = mentions
    for char in range(-1, len(doc.text) + 2):
        assert mentions_covering(doc, char) == [m for m in mentions if m.start <= char < m.end]


@pytest.mark.parametrize("text", ["Ms Amina Haddad met  Mr. Dlamini in\n\nPretoria .", TRICKY, "x", "a  b"])
def test_expand_is_char_span_expand(nlp, text):
    """The gender evidence's token ranges are those of doc.char_span(..., "expand")."""
    from dragoman.nlp.speakers import _expand
    doc = nlp(text)
    for start in range(-1, len(text) + 2):
        for end in range(start + 1, len(text) + 2):
            span = doc.char_span(start, end, alignment_mode="expand")
            ours = _expand(doc, start, end)
            assert (ours is None and span is None) or (
                ours is not None and span is not None and (ours.start, ours.end) == (span.start, span.end))


def _token_cue_class(lexicon, token):
    """The speech lexicon's cue test as first written, on Token objects (the reference)."""
    lower = token.lower_
    if lower == "according":
        nxt = token.nbor(1) if token.i + 1 < len(token.doc) else None
        return lexicon.phrasal.get(("according", nxt.lower_)) if nxt is not None else None
    if not (token.pos_ in ("VERB", "AUX") or token.tag_.startswith("VB")):
        return None
    lemma = token.lemma_.lower()
    for child in token.children:
        if child.dep_ == "prt" and (lemma, child.lower_) in lexicon.phrasal:
            return lexicon.phrasal[(lemma, child.lower_)]
    return lexicon.words.get(lemma)


@pytest.mark.parametrize("text_set", ["examples", "generated"])
def test_cue_classes_read_from_the_table_are_the_tokens(nlp, text_set):
    """cue_class (token table, memoised per doc) answers as the Token-based test, and every
    cue lies among cue_positions."""
    from dragoman.nlp.speakers import speech_lexicon
    lexicon = speech_lexicon()
    for doc in nlp.pipe(_texts(text_set)[:6] + ["He set out the plan and pointed out, according to"]):
        positions = set(lexicon.cue_positions(doc))
        for tok in doc:
            expected = _token_cue_class(lexicon, tok)
            assert lexicon.cue_class(tok) == expected
            assert expected is None or tok.i in positions
