"""Quotes: quote marks, direct and reported speech, and who said it."""
from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dragoman.model import Article, Entity, Extraction, Quote
from dragoman.nlp.quotemarks import find_marked_quotes, paragraphs
from dragoman.nlp.quotes import quotes_by_speaker
from dragoman.nlp.speakers import speech_lexicon

# Two ministers introduced the way news copy does; each case below continues this text.
INTRO = ("Turkish Foreign Minister Hakan Fidan held talks with his Azerbaijani counterpart "
         "Jeyhun Bayramov in Baku on Monday.\n\n")
FIDAN, BAYRAMOV = "Hakan Fidan", "Jeyhun Bayramov"


def run_quotes(nlp, text: str):
    """The doc after the pipeline up to and including the quotes component."""
    doc = nlp.make_doc(text)
    for name, proc in nlp.pipeline:
        doc = proc(doc)
        if name == "dragoman_quotes":
            break
    return doc


def quotes_in(nlp, text: str) -> list[tuple[str | None, str, str]]:
    """(speaker name, kind, text) of each quote of `text`."""
    doc = run_quotes(nlp, text)
    names = {e.id: e.name for e in doc._.entities}
    return [(names.get(q.speaker), q.kind, q.text) for q in doc._.quotes]


# --- quote marks (no model) ------------------------------------------------------------


@pytest.mark.parametrize("text, expected", [
    ('"We are ready," he said.', [("We are ready,", True, False)]),
    ("“We are ready,” he said.", [("We are ready,", True, False)]),
    ('"A," she said, "B."', [("A,", True, False), ("B.", True, False)]),
    ('He called it a "common enemy."', [("common enemy.", True, False)]),
    ('"One.\n\n"Two.\n\n"Three," he said.', [("One. Two. Three,", True, False)]),
    ('"One.\n\nHe left.', [("One.", False, False)]),
    ("'Türkiye reliable partner in Eurasia'\n\nHe said so.",
     [("Türkiye reliable partner in Eurasia", True, True)]),
    ('"A model for Gulf integration"\n\nText.', [("A model for Gulf integration", True, True)]),
    ('The screen measured 27" across.', []),
    ("The ministers' talks and Kazakhstan's role.", []),
    ("‘We are ready,’ she said. Ghana’s cocoa.", [("We are ready,", True, False)]),
    ('"We call it "the corridor" now," he said.', [('We call it "the corridor" now,', True, False)]),
])
def test_quote_marks_pair_as_news_copy_uses_them(text, expected):
    found = [(q.text(text), q.closed, q.heading) for q in find_marked_quotes(text)]
    assert found == expected


def test_a_continued_quote_keeps_every_paragraph_as_a_segment():
    text = '"First part.\n\n"Second part," he said.'
    (quote,) = find_marked_quotes(text)
    assert [text[s:e] for s, e in quote.segments] == ["First part.", "Second part,"]
    assert text[quote.start:quote.end].startswith("First") and text[quote.end] == '"'


def test_paragraphs_are_split_on_blank_lines_or_else_on_lines():
    assert paragraphs("a b\n\n c\n") == [(0, 3), (6, 7)]
    assert paragraphs("one\ntwo") == [(0, 3), (4, 7)]


_MARKY = st.text(alphabet=st.sampled_from(list("ab ,.\n\"'“”‘’«»:")), max_size=120)


@settings(max_examples=300, deadline=None)
@given(_MARKY)
def test_quote_marks_never_fail_and_stay_inside_the_text(text):
    for q in find_marked_quotes(text):
        assert 0 <= q.start <= q.end <= len(text)
        assert all(s <= e for s, e in q.segments)
        assert set(re.findall(r"\w+", q.text(text))) <= set(re.findall(r"\w+", text[q.start:q.end]))


# --- the speech lexicon ----------------------------------------------------------------


@pytest.mark.parametrize("lemma", ["say", "add", "stress", "note", "highlight", "emphasise",
                                   "emphasize", "underline", "tell", "remind"])
def test_the_lexicon_knows_the_verbs_of_saying(lemma):
    assert speech_lexicon().words[lemma] == "say"


@pytest.mark.parametrize("phrase, cls", [(("point", "out"), "say"), (("according", "to"), "source")])
def test_the_lexicon_knows_phrasal_cues(phrase, cls):
    assert speech_lexicon().phrasal[phrase] == cls


# --- direct quotes and their speakers --------------------------------------------------


@pytest.mark.parametrize("text, expected", [
    ('"We are ready to help," Fidan said.', [(FIDAN, "direct", "We are ready to help,")]),
    ('"We are ready to help," said Bayramov.', [(BAYRAMOV, "direct", "We are ready to help,")]),
    ('Bayramov said: "Our ties are unbreakable."', [(BAYRAMOV, "direct", "Our ties are unbreakable.")]),
    ('"Our relations are at their peak," the Azerbaijani foreign minister added.',
     [(BAYRAMOV, "direct", "Our relations are at their peak,")]),
    ('"We will respond to any provocation," he warned.',
     [(FIDAN, "direct", "We will respond to any provocation,")]),  # the intro's subject
    ('"Our peoples are brothers," Fidan said, "and our states are allies."',
     [(FIDAN, "direct", "Our peoples are brothers,"), (FIDAN, "direct", "and our states are allies.")]),
    ('"We are ready to help," according to Fidan.', [(FIDAN, "direct", "We are ready to help,")]),
])
def test_a_direct_quote_goes_to_the_speaker_its_cue_names(nlp, text, expected):
    assert quotes_in(nlp, INTRO + text) == expected


def test_a_quote_over_three_paragraphs_is_one_quote_of_one_speaker(nlp):
    text = ('"Today we opened a new page.\n\n"Tomorrow we will write it together.\n\n'
            '"The future belongs to our youth," Bayramov said.')
    assert quotes_in(nlp, INTRO + text) == [
        (BAYRAMOV, "direct", "Today we opened a new page. Tomorrow we will write it together. "
                             "The future belongs to our youth,")]


def test_a_quote_paragraph_without_attribution_continues_the_previous_speaker(nlp):
    text = ('"We have signed five agreements," Bayramov said.\n\n'
            '"More will follow before the end of the year."')
    assert quotes_in(nlp, INTRO + text) == [
        (BAYRAMOV, "direct", "We have signed five agreements,"),
        (BAYRAMOV, "direct", "More will follow before the end of the year.")]


def test_a_quote_after_a_paragraph_ending_in_a_colon_belongs_to_its_speaker(nlp):
    text = ('"We are ready," Fidan said.\n\nBayramov said:\n\n'
            '"Azerbaijan will never forget this support."')
    assert quotes_in(nlp, INTRO + text) == [
        (FIDAN, "direct", "We are ready,"),
        (BAYRAMOV, "direct", "Azerbaijan will never forget this support.")]


def test_a_name_opening_a_paragraph_is_in_focus_even_when_the_parse_runs_paragraphs_together(nlp):
    # The parser takes "Mutua" for part of the quote before; "she" must still be Mutua.
    text = ("Turkish Trade Minister Ayse Kaya met Kenyan Trade Minister Grace Mutua in Nairobi.\n\n"
            "Kaya said: “Our trade reached $7 billion last year. That is the highest ever, but "
            "between two neighbours it remains modest.”\n\n"
            "Mutua, for her part, put the figure higher. “By our count, trade came to $8 billion,” "
            "she told reporters.")
    assert quotes_in(nlp, text)[-1] == ("Grace Mutua", "direct", "By our count, trade came to $8 billion,")


def test_he_goes_to_the_person_in_focus_and_she_skips_a_man(nlp):
    text = ("Trade Minister Ayse Kaya met Azerbaijani Economy Minister Mikayil Jabbarov in Baku.\n\n"
            "Kaya said her country wanted more Azerbaijani gas.\n\n"
            "Jabbarov, for his part, said Azerbaijan could deliver it.\n\n"
            '"We will keep our promises," he said.\n\n'
            "She noted that Turkish contractors were building roads in Karabakh.")
    assert quotes_in(nlp, text) == [
        ("Ayse Kaya", "indirect", "her country wanted more Azerbaijani gas"),
        ("Mikayil Jabbarov", "indirect", "Azerbaijan could deliver it"),
        ("Mikayil Jabbarov", "direct", "We will keep our promises,"),
        ("Ayse Kaya", "indirect", "Turkish contractors were building roads in Karabakh")]


@pytest.mark.parametrize("text", [
    "'Brotherly nations'\n\nThe talks ended.",
    '"Brotherly nations"\n\nThe talks ended.',
    'Bayramov described the talks as "sincere and productive".',
    '"We are ready.\n\nThe talks ended.',
    'The screen measured 27" across.',
    '""\n\n"\n\n"',
])
def test_headings_fragments_and_stray_marks_are_not_quotes(nlp, text):
    assert quotes_in(nlp, INTRO + text) == []


def test_a_missing_closing_mark_ends_the_quote_where_the_attribution_starts(nlp):
    text = '"We will not accept new tariffs, Fidan told journalists.\n\nThe talks ended.'
    assert quotes_in(nlp, INTRO + text) == [(FIDAN, "direct", "We will not accept new tariffs,")]


def test_a_quote_by_someone_unnamed_keeps_no_speaker(nlp):
    assert quotes_in(nlp, INTRO + '"The talks were useful," an official said.') == [
        (None, "direct", "The talks were useful,")]


# --- reported speech -------------------------------------------------------------------


@pytest.mark.parametrize("text, expected", [
    ("Fidan said the two sides would sign an energy agreement.",
     [(FIDAN, "the two sides would sign an energy agreement")]),
    ("Bayramov stressed that the pipeline would be finished in 2026.",
     [(BAYRAMOV, "the pipeline would be finished in 2026")]),
    ("Fidan pointed out that Turkish firms had invested $15 billion in Azerbaijan.",
     [(FIDAN, "Turkish firms had invested $15 billion in Azerbaijan")]),
    ("Bayramov told reporters that the railway would open in May.",
     [(BAYRAMOV, "the railway would open in May")]),
    ("Fidan emphasized that the region needed peace.", [(FIDAN, "the region needed peace")]),
    ("Bayramov underlined that the two states were allies.", [(BAYRAMOV, "the two states were allies")]),
    ("Fidan reminded that Türkiye was the first to recognise Azerbaijan.",
     [(FIDAN, "Türkiye was the first to recognise Azerbaijan")]),
    ("Bilateral trade reached $7 billion last year, according to Bayramov.",
     [(BAYRAMOV, "Bilateral trade reached $7 billion last year")]),
    ("Fidan said trade had doubled, adding that investment would follow.",
     [(FIDAN, "trade had doubled"), (FIDAN, "investment would follow")]),
    ("Reminding that the summit will be held in Baku, Fidan said Türkiye would attend.",
     [(FIDAN, "the summit will be held in Baku"), (FIDAN, "Türkiye would attend")]),
    ("Bayramov said cooperation is a shared goal, and expressed his thanks to Fidan.",
     [(BAYRAMOV, "cooperation is a shared goal")]),
    ("Fidan, for his part, said the talks had been productive.",
     [(FIDAN, "the talks had been productive")]),
    ('Fidan said they discussed the fight against this "common enemy."',
     [(FIDAN, 'they discussed the fight against this "common enemy."')]),
    ("Bayramov highlighted that Azerbaijan is the largest investor in Georgia.",
     [(BAYRAMOV, "Azerbaijan is the largest investor in Georgia")]),
    ("Fidan said that the talks were useful and that the sides would meet again in June.",
     [(FIDAN, "the talks were useful"), (FIDAN, "the sides would meet again in June")]),
    ("Bayramov said the two states had agreed to cut tariffs on fruit by 2027 and to open a "
     "second border crossing.",
     [(BAYRAMOV, "the two states had agreed to cut tariffs on fruit by 2027 and to open a second "
                 "border crossing")]),
    ("Bayramov, who said Baku had asked Ankara to extend the gas contract, acknowledged that "
     "payments were late.",
     [(BAYRAMOV, "Baku had asked Ankara to extend the gas contract"),
      (BAYRAMOV, "payments were late")]),
    ("Bayramov said the vessel had been fishing illegally and demanded its release.",
     [(BAYRAMOV, "the vessel had been fishing illegally")]),
    ("Trade between the two countries grew by 20 percent last year, said Bayramov.",
     [(BAYRAMOV, "Trade between the two countries grew by 20 percent last year")]),
    ("Azerbaijani farmers now sell 30,000 tonnes of fruit to Türkiye a year, most of it through "
     "the Sarp crossing, Bayramov said.",
     [(BAYRAMOV, "Azerbaijani farmers now sell 30,000 tonnes of fruit to Türkiye a year, most of "
                 "it through the Sarp crossing")]),
    ("Fidan told reporters that trade was expected to reach about $900 million this year, helped "
     "by higher transit fees.",
     [(FIDAN, "trade was expected to reach about $900 million this year, helped by higher transit fees")]),
    ("Bayramov said the talks were useful, speaking at a joint news conference.",
     [(BAYRAMOV, "the talks were useful")]),
    ("The Azerbaijani diplomat said Türkiye remained the largest investor in Azerbaijan.",
     [(BAYRAMOV, "Türkiye remained the largest investor in Azerbaijan")]),
    # a quantity word the parser takes for an adverb is the reported clause's subject
    ("Fidan said more was coming.", [(FIDAN, "more was coming")]),
    ("Bayramov told journalists little had changed since March.",
     [(BAYRAMOV, "little had changed since March")]),
    # the listener after "told" is not part of what was said
    ("Fidan told reporters exports of cement would grow.", [(FIDAN, "exports of cement would grow")]),
    # the that-clause hung on the noun of "in a statement" / "at a news conference"
    ("Bayramov said in a statement that the gas price would be reviewed in July.",
     [(BAYRAMOV, "the gas price would be reviewed in July")]),
    # the day of the saying, which the parser put at the head of the clause
    ("Fidan said on Monday rice exports to Azerbaijan would rise this year.",
     [(FIDAN, "rice exports to Azerbaijan would rise this year")]),
    # "his Azerbaijani counterpart" is the Azerbaijani named before
    ("Fidan said Ankara backed the corridor. His Azerbaijani counterpart said Baku agreed.",
     [(FIDAN, "Ankara backed the corridor"), (BAYRAMOV, "Baku agreed")]),
    # "A, while B said C": two statements by two speakers
    ("Fidan said Ankara wanted a new crossing, while Bayramov said Baku would pay for the road.",
     [(FIDAN, "Ankara wanted a new crossing"), (BAYRAMOV, "Baku would pay for the road")]),
])
def test_reported_speech_is_the_clause_the_cue_reports(nlp, text, expected):
    found = [(speaker, quote) for speaker, kind, quote in quotes_in(nlp, INTRO + text)]
    assert found == expected


def test_the_lead_reports_what_a_title_phrase_said(nlp):
    text = ("Energy cooperation between Türkiye and Azerbaijan is growing, the Turkish foreign "
            "minister has said.\n\n"
            '"We are ready to help," Turkish Foreign Minister Hakan Fidan said in Baku.')
    assert quotes_in(nlp, text)[0] == (
        FIDAN, "indirect", "Energy cooperation between Türkiye and Azerbaijan is growing")


@pytest.mark.parametrize("lead, speaker, report", [
    # a wire dateline, and a parse that hangs "said" on the reported verb
    ("LIMA, Peru (Andina) — Peru and Chile have agreed to double the flow of gas through the "
     "pipeline linking their ports and to speed up the coastal highway, Energy Minister Rosa "
     "Quispe Huamán said on Tuesday.\n\nQuispe Huamán spoke in Lima.",
     "Rosa Quispe Huamán",
     "Peru and Chile have agreed to double the flow of gas through the pipeline linking their "
     "ports and to speed up the coastal highway"),
    # the speaker is a title phrase whose office only one person named later holds
    ("OSLO (NTB) — Norway and Iceland on Friday signed a treaty on fishing quotas that will "
     "open the way for more joint research, the kingdom's fisheries minister said.\n\n"
     '"This is a good day," Fisheries Minister Ingrid Solberg Haug said after meeting Icelandic '
     "Foreign Minister Einar Gunnarsson.",
     "Ingrid Solberg Haug",
     "Norway and Iceland on Friday signed a treaty on fishing quotas that will open the way for "
     "more joint research"),
])
def test_a_lead_report_goes_to_its_speaker_without_the_dateline(nlp, lead, speaker, report):
    found = [(who, text) for who, kind, text in quotes_in(nlp, lead) if kind == "indirect"]
    assert found[0] == (speaker, report)


@pytest.mark.parametrize("text", [
    "Bayramov stressed the importance of the pipeline.",  # a noun object, not a report
    "An official said the meeting would take place in May.",  # no known speaker
    "Analysts believe that the pipeline will be finished late.",  # belief, not speech
    "Both sides want a new border crossing, a source close to Bayramov said.",  # not Bayramov
])
def test_no_reported_speech_without_a_clause_and_a_known_speaker(nlp, text):
    assert quotes_in(nlp, INTRO + text) == []


# --- the component's output ------------------------------------------------------------


def test_quotes_carry_ids_spans_and_cues_in_text_order(nlp):
    text = INTRO + '"We are ready," Fidan said.\n\nBayramov added that the talks were useful.'
    quotes = run_quotes(nlp, text)._.quotes
    assert [q.id for q in quotes] == ["Q1", "Q2"]
    assert [q.cue for q in quotes] == ["said", "added"]
    assert [text[q.span[0]:q.span[1]] for q in quotes] == ["We are ready,", "the talks were useful"]


_WORDS = st.sampled_from(["Fidan", "said", "he", "she", "added", "that", "the", "talks", "were",
                          "useful", "Bayramov", "according", "to", "told", "reporters", "We",
                          "are", "ready", ",", ".", ":", '"', "“", "”", "'", "‘", "’", "\n\n",
                          "emphasising", "and", "expressed", "hope", "Minister", "Ankara"])


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_WORDS, max_size=40))
def test_any_text_gives_quotes_whose_span_holds_their_words(nlp, words):
    text = INTRO + " ".join(words)
    for q in run_quotes(nlp, text)._.quotes:
        start, end = q.span
        assert 0 <= start <= end <= len(text)
        inside = re.findall(r"\w+", text[start:end])
        assert all(w in inside for w in re.findall(r"\w+", q.text))


# --- looking quotes up by speaker ------------------------------------------------------


def _extraction() -> Extraction:
    people = [Entity("E1", "person", "Hakan Fidan", ["Fidan"]),
              Entity("E2", "person", "Recep Tayyip Erdoğan", ["Erdogan"])]
    quotes = [Quote("Q1", "E1", "direct", "We are ready,", (0, 13), "said"),
              Quote("Q2", "E2", "indirect", "trade grew", (20, 30), "said"),
              Quote("Q3", None, "direct", "No comment,", (40, 51), "said")]
    return Extraction(Article("a", "x" * 60), entities=people, quotes=quotes)


@pytest.mark.parametrize("name, ids", [
    ("Hakan Fidan", ["Q1"]), ("fidan", ["Q1"]), ("ERDOGAN", ["Q2"]), ("Recep Tayyip Erdogan", ["Q2"]),
    ("erdoğan", ["Q2"]), ("Bayramov", []), ("", []),
])
def test_quotes_by_speaker_matches_names_and_aliases_loosely(name, ids):
    assert [q.id for q in quotes_by_speaker(_extraction(), name)] == ids


# --- speakers named in hard ways -------------------------------------------------------


def test_a_name_with_a_particle_is_one_speaker(nlp):
    text = ("Dutch Trade Minister Pieter van Dijk visited Accra.\n\n"
            "Van Dijk said Dutch firms would invest more.")
    assert quotes_in(nlp, text) == [("Pieter van Dijk", "indirect", "Dutch firms would invest more")]


def test_a_title_phrase_with_a_country_goes_to_the_minister_of_that_country(nlp):
    text = ("South Korean Industry Minister Kang Min-jun met Vietnamese Planning and Investment "
            "Minister Nguyen Thi Lan in Hanoi.\n\n"
            "The Korean minister said Korean firms would build more factories.")
    assert quotes_in(nlp, text)[-1][0] in ("Kang Min-jun", "Kang Min")


def test_a_bare_title_shared_by_two_people_goes_to_the_one_in_focus(nlp):
    assert quotes_in(nlp, INTRO + "The minister said the two countries would sign a visa deal.") == [
        (FIDAN, "indirect", "the two countries would sign a visa deal")]


@pytest.mark.parametrize("text", [
    "A spokesman for Fidan said the visit would go ahead.",
    "Fidan's aide said the visit would go ahead.",
    "The two ministers said they had agreed to hold annual consultations.",
])
def test_someone_near_a_minister_is_not_the_minister(nlp, text):
    assert quotes_in(nlp, INTRO + text) == []


@pytest.mark.parametrize("text, speaker, said", [
    # "the chamber head": the person named as leading the chamber
    (INTRO + "Selin Aydin, chairwoman of the Izmir Chamber of Commerce, said exports grew. "
     "Bayramov welcomed the news.\n\nThe chamber head added that members would open an office in Baku.",
     "Selin Aydin", "members would open an office in Baku"),
    (INTRO + "Orhan Kaya, president of the Anatolian Export Bank (AEB), spoke in Baku.\n\n"
     "The bank's president said that loans to Azerbaijani firms had doubled.",
     "Orhan Kaya", "loans to Azerbaijani firms had doubled"),
])
def test_the_leader_of_a_named_body_is_the_speaker(nlp, text, speaker, said):
    assert any(s == speaker and kind == "indirect" and said in t
               for s, kind, t in quotes_in(nlp, text))
