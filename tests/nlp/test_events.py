"""Table-driven tests of the events component: triggers, actors, status, dates, merging.

Sentences are written for these tests (no article text is copied); the default
publication date of the `run` fixture is Tuesday 2024-05-14, so "on Monday" is
2024-05-13 and "in July" (future) is 2024-07.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from dragoman import codebooks
from dragoman.nlp.eventrules import TriggerLexicon, raw_triggers

DATA = Path(__file__).resolve().parents[1] / "data" / "events"


def _names(rec, ids):
    by_id = {e.id: e for e in rec.entities}
    return {by_id[i].code or by_id[i].name for i in ids}


def _only_event(rec):
    assert len(rec.events) == 1, [(e.type, e.trigger) for e in rec.events]
    return rec.events[0]


# One sentence per event word of the issue and the conflictual ones: (text, type, CAMEO code,
# status, source names or codes, target names or codes).
VERB_CASES = [
    ("Chilean Foreign Minister Rosa Molina met Argentine Foreign Minister Tomas Vidal in Santiago on Monday.",
     "CONSULT", "040", "occurred", {"Rosa Molina"}, {"Tomas Vidal"}),
    ("The foreign ministers of Chile and Argentina held talks in Santiago on Monday.",
     "CONSULT", "040", "occurred", {"CHL", "ARG"}, set()),
    ("Egyptian President Omar Farouk visited Kenya on Monday.",
     "CONSULT", "042", "occurred", {"Omar Farouk"}, {"KEN"}),
    ("Ghana hosted a delegation from Togo on Monday.",
     "CONSULT", "043", "occurred", {"GHA"}, {"TGO"}),
    ("Swedish Foreign Minister Anna Berg spoke at a joint news conference with her Finnish counterpart "
     "Mikko Laine in Helsinki on Monday.", "CONSULT", "040", "occurred", {"Anna Berg"}, {"Mikko Laine"}),
    ("Leaders of the African Union will hold a summit in Addis Ababa in July.",
     "CONSULT", "044", "planned", {"African Union"}, set()),
    ("Brazil and Argentina signed a trade agreement on Monday.",
     "SUPPORT", "057", "occurred", {"BRA", "ARG"}, set()),
    ("Spain and Morocco agreed to reopen their border crossings.",
     "AGREE", "030", "occurred", {"ESP", "MAR"}, set()),
    ("Norwegian Foreign Minister Lars Dahl and his Danish counterpart Mette Holm exchanged views on "
     "Arctic security.", "CONSULT", "040", "occurred", {"Lars Dahl", "Mette Holm"}, set()),
    ("Egypt and Sudan discussed water sharing in Cairo on Monday.",
     "CONSULT", "040", "occurred", {"EGY", "SDN"}, set()),
    ("Chilean President Jorge Pizarro congratulated Peru on its bicentennial.",
     "SUPPORT", "051", "occurred", {"Jorge Pizarro"}, {"PER"}),
    ("Canada praised Mexico's efforts to curb smuggling.",
     "SUPPORT", "051", "occurred", {"CAN"}, {"MEX"}),
    ("\"We appreciate Vietnam's help,\" Thai Prime Minister Somchai Wongsa said.",
     "SUPPORT", "051", "occurred", {"Somchai Wongsa"}, {"VNM"}),
    ("Japan will continue to support Ukraine's reconstruction.",
     "SUPPORT", "051", "intended", {"JPN"}, {"UKR"}),
    ("Norway pledged $50 million to Sudan.",
     "AGREE", "030", "occurred", {"NOR"}, {"SDN"}),
    ("France condemned Iran's missile test.",
     "ACCUSE", "111", "occurred", {"FRA"}, {"IRN"}),
    ("Serbia accused Kosovo of violating the agreement.",
     "ACCUSE", "112", "occurred", {"SRB"}, {"XKX"}),
    ("The United States imposed sanctions on Russia's central bank.",
     "COERCE", "163", "occurred", {"USA"}, {"RUS"}),
    ("Turkey threatened to impose sanctions on Sweden.",
     "THREATEN", "1312", "occurred", {"TUR"}, {"SWE"}),
    ("China warned Lithuania against opening a trade office.",
     "THREATEN", "130", "occurred", {"CHN"}, {"LTU"}),
    ("Bolivia lodged a protest with Chile over the border incident.",
     "ACCUSE", "114", "occurred", {"BOL"}, {"CHL"}),
    ("Poland expelled three Russian diplomats.",
     "SANCTION", "166", "occurred", {"POL"}, {"RUS"}),
    ("Colombia recalled its ambassador from Venezuela.",
     "SANCTION", "161", "occurred", {"COL"}, {"VEN"}),
    ("Argentina rejected Britain's claim to the islands.",
     "REJECT", "120", "occurred", {"ARG"}, {"GBR"}),
    ("The European Union called on Serbia to recognise Kosovo.",
     "REQUEST", "020", "occurred", {"European Union"}, {"SRB"}),
    ("German Chancellor Klaus Weber and French President Claire Martin spoke by phone on Monday.",
     "CONSULT", "041", "occurred", {"Klaus Weber", "Claire Martin"}, set()),
    ("Oman is ready to mediate between Iran and Saudi Arabia.",
     "CONSULT", "045", "intended", {"OMN"}, {"IRN", "SAU"}),
    ("Indonesia denied the accusations made by Malaysia.",
     "REJECT", "120", "occurred", {"IDN"}, {"MYS"}),
]


@pytest.mark.parametrize("text, kind, cameo, status, source, target", VERB_CASES)
def test_event_words(run, text, kind, cameo, status, source, target):
    rec = run(text)
    event = _only_event(rec)
    assert (event.type, event.cameo, event.status) == (kind, cameo, status)
    assert _names(rec, event.source) == source
    assert _names(rec, event.target) == target
    assert event.goldstein == codebooks.cameo(cameo).goldstein


@pytest.mark.parametrize("text, status, date, place", [
    ("Vietnam and the Philippines will hold talks in Hanoi in June.", "planned", "2024-06", "Hanoi"),
    ("The Indian prime minister will visit Nepal next month.", "planned", "2024-06", "Nepal"),
    ("Pakistan's prime minister is scheduled to visit China in July.", "planned", "2024-07", "China"),
    ("Egyptian President Omar Farouk visited Kenya on Monday.", "occurred", "2024-05-13", "Kenya"),
    ("The committee of Peru and Chile met in Lima on 3 May.", "occurred", "2024-05-03", "Lima"),
])
def test_meeting_status_date_and_place(run, text, status, date, place):
    rec = run(text)
    event = _only_event(rec)
    by_id = {e.id: e.name for e in rec.entities}
    assert (event.status, event.date, by_id.get(event.location)) == (status, date, place)


@pytest.mark.parametrize("text", [
    "Egypt said trade with Sudan grew by 10 percent.",             # speech verbs are no events
    "Serbia did not agree to the plan.",                            # negated
    "The importance of cooperation between Chile and Peru is growing.",  # a topic, not a happening
    "Brazil and India seek to deepen their ties.",                  # an aim, not a request
    "Exporters in Kenya must meet European standards.",             # "meet" a thing
    "Chinese firms have invested $2 billion in Zambia.",            # a company's figure: a claim
    "If Austria and Hungary meet, they will discuss migration.",    # a condition
])
def test_no_event(run, text):
    assert run(text).events == []


def test_one_happening_reported_twice_is_one_event(run):
    rec = run("Chilean Foreign Minister Rosa Molina held talks with her Argentine counterpart Tomas Vidal "
              "in Santiago on Monday.\n\nMolina expressed her pleasure at hosting Vidal in Chile.")
    (event,) = [e for e in rec.events if e.type == "CONSULT"]
    assert event.date == "2024-05-13"
    assert len(event.spans) == 2
    assert {"Rosa Molina", "Tomas Vidal"} <= _names(rec, event.source + event.target)


def test_planned_summit_stays_apart_from_past_meeting(run):
    rec = run("Peruvian President Ana Flores met Ecuadorian President Luis Vega in Lima on Monday.\n\n"
              "Flores and Vega will meet again at a summit in Quito in August.")
    statuses = sorted((e.status, e.date) for e in rec.events if e.type == "CONSULT")
    assert statuses == [("occurred", "2024-05-13"), ("planned", "2024-08")]


def test_we_in_a_quote_is_the_speaker_and_the_counterpart(run):
    rec = run("Kenyan Foreign Minister Alice Wanjiru held talks with Ugandan Foreign Minister Peter Mugisha "
              "in Nairobi on Monday.\n\n\"We have agreed to open two new border posts,\" Wanjiru said.")
    (agree,) = [e for e in rec.events if e.type == "AGREE"]
    assert _names(rec, agree.source) == {"Alice Wanjiru"}
    assert _names(rec, agree.target) == {"Peter Mugisha"}


def test_condemning_an_event_targets_its_doer(run):
    rec = run("Venezuela detained a Guyanese fishing boat on Sunday.\n\n"
              "The Caribbean Community condemned the detention.")
    (accuse,) = [e for e in rec.events if e.type == "ACCUSE"]
    assert _names(rec, accuse.target) == {"VEN"}


def test_events_carry_codes_spans_and_ids_in_text_order(run):
    text = "Poland expelled three Russian diplomats. Russia condemned the expulsion."
    rec = run(text)
    assert [e.id for e in rec.events] == ["V1", "V2"]
    for event in rec.events:
        assert event.cameo.isdigit() and len(event.cameo) >= 3  # zero-padded string
        start, end = event.span
        assert event.trigger.split()[0] in text[start:end]
    assert _names(rec, rec.events[1].target) == {"POL"}


# --- the lexicon: every verb, phrase and noun of events.tsv is found --------------------

# Plural forms for phrase objects as news writes them ("hold talks", "impose sanctions").
_PLURAL = {"talk": "talks", "relation": "relations", "tie": "ties", "sanction": "sanctions",
           "troop": "troops", "view": "views", "opinion": "opinions"}


def _phrase_sentence(term: str) -> str:
    words = [_PLURAL.get(w, w) for w in term.split()]
    tail = "" if words[-1] in ("on", "upon", "with", "for", "by") else " with"
    return f"Germany will {' '.join(words)}{tail} France."


@pytest.fixture(scope="module")
def lexicon_docs(nlp):
    terms = codebooks.event_terms()
    texts = []
    for t in terms:
        if t.pos == "verb":
            texts.append(f"Germany will {t.term} France on Monday.")
        elif t.pos == "phrase":
            texts.append(_phrase_sentence(t.term))
        else:
            texts.append(f"The {t.term} took place in Paris.")
    return list(zip(terms, nlp.pipe(texts)))


@pytest.mark.parametrize("pos", ["verb", "phrase", "noun"])
def test_every_lexicon_term_is_a_trigger(lexicon_docs, pos):
    lexicon = TriggerLexicon.load()
    missing = [t.term for t, doc in lexicon_docs if t.pos == pos
               and not any(x.term.term == t.term for x in raw_triggers(doc, lexicon))]
    assert missing == []


# --- quality floor on our own synthetic articles ----------------------------------------

def test_quality_floor_on_synthetic_articles(extractor):
    from dragoman.evaluation import evaluate_paths
    from dragoman.read import read_inputs

    def extract(path: Path) -> dict:
        (article,) = list(read_inputs([str(path)]))
        return extractor.extract_article(article).to_dict()

    report = evaluate_paths([DATA], extract)
    floors = json.loads((DATA / "floors.json").read_text(encoding="utf-8"))
    assert report.f1("events") >= floors["events"]
    assert report.f1("sectors") >= floors["sectors"]
