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
    # reported intent, with capitals standing for their countries
    ("Kazakh Foreign Minister Aidar Nurov said Astana would continue to support Bishkek.",
     "SUPPORT", "051", "intended", {"KAZ"}, {"KGZ"}),
    ("Indonesian Foreign Minister Dewi Sari said Jakarta would continue to stand by Manila in "
     "international forums.", "SUPPORT", "052", "intended", {"IDN"}, {"PHL"}),
    # "the kingdom": the one country of the article whose official name says so
    ("\"The kingdom stands with Egypt in preserving its water security,\" Saudi Investment Minister "
     "Faisal Omar said.", "SUPPORT", "052", "occurred", {"SAU"}, {"EGY"}),
    # a programme named after a year is no actor; praise and thanks in one sentence are one event
    ("Egyptian Foreign Minister Karim Adel thanked Saudi Arabia for its support and praised the "
     "kingdom's Vision 2030 reform programme.", "SUPPORT", "051", "occurred", {"Karim Adel"}, {"SAU"}),
    ("Poland lifted its import ban on Ukrainian grain.", "RETREAT", "085", "occurred", {"POL"}, {"UKR"}),
    # a dateline the parser takes for the subject
    ("ANKARA, Turkey (AA) – Iranian Foreign Minister Ali Rezaei on Thursday accused Washington of "
     "economic terrorism.", "ACCUSE", "112", "occurred", {"Ali Rezaei"}, {"USA"}),
    # praise of a country's role, in the words of the speaker
    ("\"We highly value the constructive role of Hanoi in the region,\" Thai Prime Minister Somchai "
     "Wongsa said.", "SUPPORT", "051", "occurred", {"Somchai Wongsa"}, {"Hanoi"}),
    ("Chilean President Jorge Pizarro spoke highly of Uruguay's mediation.",
     "SUPPORT", "051", "occurred", {"Jorge Pizarro"}, {"URY"}),
    ("Kenya noted with appreciation the contribution of Rwanda to regional peace.",
     "SUPPORT", "051", "occurred", {"KEN"}, {"RWA"}),
    # a small clause names the accused; a joint body set up by two sides is an agreement
    ("Sudan holds Chad responsible for the attacks.", "ACCUSE", "112", "occurred", {"SDN"}, {"TCD"}),
    ("Colombia and Ecuador will set up a joint working group on border security.",
     "AGREE", "030", "intended", {"COL", "ECU"}, set()),
    ("Venezuela will defend every inch of its territory against Guyana.",
     "THREATEN", "130", "intended", {"VEN"}, {"GUY"}),
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
    ("Pakistani Foreign Minister Imran Qazi held talks in Islamabad on Wednesday with his Turkmen "
     "counterpart Batyr Orazov.", "occurred", "2024-05-08", "Islamabad"),
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
    "Saudi investors want the legal certainty they have been asking for, Saudi Investment Minister "
    "Faisal Omar said.",                                            # "they" are the investors
    "Azerbaijani Economy Minister Mikayil Jabbarov said the State Oil Company of Azerbaijan Republic "
    "(SOCAR) planned to invest a further $850 million in Turkey.",  # a company's plan: a claim
    "Ghana's cocoa exports to Nigeria were valued at $300 million last year.",  # a figure, not praise
    "Peru established a commission of inquiry into the border incident.",  # a body of its own
    "The Andean Business Council supports the plan to double trade.",  # an organisation, no target
    "Bolivia held armed smuggling gangs responsible for the attacks.",  # no state accused
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


# --- planned meetings: date (the coming month), place, sides -----------------------------

# (text, date, place, names or codes that must be among the actors)
PLANNED_MEETING_CASES = [
    ("Georgian Foreign Minister Nino Beridze met Armenian Foreign Minister Aram Petrosyan in Tbilisi on "
     "Monday.\n\nThe intergovernmental commission will hold its next meeting in Yerevan in October.",
     "2024-10", "Yerevan", set()),
    ("The Supreme Eurasian Council will convene in Minsk in August.", "2024-08", "Minsk", set()),
    ("The business forum to be held in Lima in June will bring together 300 companies from Chile and Peru.",
     "2024-06", "Lima", set()),
    ("Turkish and Iraqi officials are preparing for the JETCO meeting in Baghdad in October.",
     "2024-10", "Baghdad", set()),
    ("Malaysia and Thailand will review the border agreement at the strategic dialogue in Kuala Lumpur "
     "in December.", "2024-12", "Kuala Lumpur", {"MYS", "THA"}),
    ("Norway and Iceland said an intergovernmental commission on fisheries will meet in Oslo in June.",
     "2024-06", "Oslo", {"NOR", "ISL"}),
    ("Moroccan Foreign Minister Driss Alami met Senegalese Foreign Minister Awa Ndiaye in Dakar on Monday."
     "\n\nThe two ministers agreed to convene the joint commission in Rabat in September.",
     "2024-09", "Rabat", {"Driss Alami", "Awa Ndiaye"}),
    ("Peruvian President Luis Vega and Bolivian President Ana Quispe agreed to hold the next trilateral "
     "summit with Chile in Lima in July.", "2024-07", "Lima", {"Luis Vega", "Ana Quispe"}),
    ("Mongolian President Batbayar Tsend invited Japanese Prime Minister Kenji Mori to visit Mongolia "
     "next year.", "2025", "Mongolia", {"Kenji Mori", "MNG"}),
    ("Ukrainian Deputy Prime Minister Olena Kovalenko invited Polish Agriculture Minister Jan Nowak to "
     "Kyiv in July for the first meeting of a new joint committee.", "2024-07", "Kyiv", {"Jan Nowak"}),
    ("Ethiopian Foreign Minister Abebe Tesfaye extended an invitation from the Ethiopian prime minister "
     "to the Kenyan president to visit Addis Ababa early next year.", "2025", "Addis Ababa", {"KEN", "ETH"}),
    ("Egyptian Foreign Minister Hisham Adel is expected to raise the dispute at a meeting of Arab League "
     "foreign ministers in Cairo next week.", None, "Cairo", set()),
    ("The next session of the Kazakh-Kyrgyz Intergovernmental Council will be held in Bishkek in 2025.",
     "2025", "Bishkek", {"KAZ", "KGZ"}),
    ("Japanese Prime Minister Kenji Mori said he looked forward to meeting Vietnamese Prime Minister "
     "Pham Hung again at the APEC summit in Lima next month.", "2024-06", "Lima", {"Kenji Mori", "Pham Hung"}),
    # the date and place in a relative clause of the meeting noun, or of the body it is a meeting of
    ("Ghanaian Foreign Minister Kofi Mensah and his Nigerian counterpart Bola Adeyemi discussed preparations "
     "for the next session of the joint commission, which will take place in Abuja in September.",
     "2024-09", "Abuja", {"Kofi Mensah", "Bola Adeyemi"}),
    ("Ghanaian Foreign Minister Kofi Mensah and his Nigerian counterpart Bola Adeyemi reviewed plans for "
     "the business forum, which is scheduled for October in Lagos.", "2024-10", "Lagos", set()),
    ("Nigerian Foreign Minister Bola Adeyemi invited Ghanaian Foreign Minister Kofi Mensah to attend the "
     "trade fair forum, which will be held in Lagos in July.", "2024-07", "Lagos", {"Kofi Mensah"}),
    # "the next round of" a meeting noun, arranged by "agreed to hold"
    ("Laotian Foreign Minister Somsak Vong and Cambodian Foreign Minister Sok Dara agreed to hold the next "
     "round of their strategic dialogue in Vientiane early next year.", "2025", "Vientiane",
     {"Somsak Vong", "Sok Dara"}),
    ("Kenya and Tanzania agreed to expand flights and to hold the next business forum in Mombasa in "
     "October.", "2024-10", "Mombasa", {"KEN", "TZA"}),
]


@pytest.mark.parametrize("text, date, place, actors", PLANNED_MEETING_CASES)
def test_planned_meeting_has_date_place_and_sides(run, text, date, place, actors):
    rec = run(text)
    (event,) = [e for e in rec.events if e.type == "CONSULT" and e.status == "planned"]
    by_id = {e.id: e.name for e in rec.entities}
    assert (event.date, by_id.get(event.location)) == (date, place)
    assert actors <= _names(rec, event.source + event.target)


@pytest.mark.parametrize("text", [
    "The two presidents agreed to hold annual consultations between their foreign ministries.",
    "Indonesia said it would defend the agreement in international forums.",
])
def test_no_planned_meeting(run, text):
    assert [e for e in run(text).events if e.type == "CONSULT"] == []


# (text, how many meetings, their (status, date) in text order)
MEETING_COUNT_CASES = [
    # one happening told twice is one event
    ("The Serbian and Emirati presidents discussed the deal in a phone call last month.",
     [("occurred", "2024-04")]),
    ("Qatari Trade Minister Sultan Al-Kuwari arrived in Jakarta on Wednesday.\n\n"
     "The Qatar Investment Authority signed an agreement with Indonesia during the visit.",
     [("occurred", "2024-05-08")]),
    # two meetings with different people of the host side are two events
    ("Dutch Trade Minister Eva de Vries held talks with Kazakh Deputy Foreign Minister Nurlan Sadykov in "
     "Astana on Wednesday and was later received by Prime Minister Arman Bekov.",
     [("occurred", "2024-05-08"), ("occurred", "2024-05-08")]),
    # the date of another meeting named in the clause is not this one's
    ("Chilean Foreign Minister Rosa Molina and Peruvian Foreign Minister Luis Vega held talks in Lima on "
     "Tuesday.\n\nThe talks followed a telephone call on Friday between Chilean President Ana Flores and "
     "Peruvian President Jorge Rios.", [("occurred", "2024-05-14"), ("occurred", "2024-05-10")]),
    # a weekday on a verb in the past: the visit took place, whatever the main verb's tense
    ("Azerbaijan will invest $2 billion in Pakistan under agreements signed in Baku on Wednesday during a "
     "visit by Pakistani Prime Minister Imran Qazi.", [("occurred", "2024-05-08")]),
    ("The deal was signed in Lima by Chilean Minister Rosa Molina and Peruvian Minister Luis Vega after "
     "two days of talks.", [("occurred", None)]),
]


@pytest.mark.parametrize("text, meetings", MEETING_COUNT_CASES)
def test_meetings_counted_once_and_dated(run, text, meetings):
    rec = run(text)
    assert [(e.status, e.date) for e in rec.events if e.type == "CONSULT"] == meetings


def test_two_days_of_talks_name_the_signatories(run):
    rec = run("The deal was signed in Lima by Chilean Minister Rosa Molina and Peruvian Minister Luis Vega "
              "after two days of talks.")
    (talks,) = [e for e in rec.events if e.type == "CONSULT"]
    assert _names(rec, talks.source + talks.target) == {"Rosa Molina", "Luis Vega"}


# (text, event type, names or codes of its source and target together)
ACTOR_CASES = [
    # a verb with no target shares that of the verb it is coordinated with
    ("The European Union condemned the incursion and called on Belarus to respect the airspace of its "
     "neighbours.", "ACCUSE", {"European Union", "BLR"}),
    # "the two foreign ministers" are the persons with that role, or their countries
    ("Mongolian President Batbayar Tsend and South Korean President Han Min-su held a summit in Seoul on "
     "Monday.\n\nMongolian Foreign Minister Nomin Erdene said the two foreign ministers would meet again "
     "in Ulaanbaatar in March.", "CONSULT planned", {"Nomin Erdene", "KOR"}),
    # "the two leaders" named just before in the sentence
    ("Mexican Economy Minister Ana Ruiz held talks with Canadian Trade Minister John Smith in Ottawa on "
     "Monday.\n\nThe talks followed a telephone call on Friday between Mexican President Lucia Benavides "
     "and Canadian Prime Minister Martin Lacroix, in which the two leaders agreed to coordinate their "
     "positions.", "AGREE", {"Lucia Benavides", "Martin Lacroix"}),
    # "the council": the organisation named just before
    ("Egyptian Foreign Minister Hisham Adel wrote to the United Nations Security Council on Tuesday.\n\n"
     "In the letter, Adel called on the council to assume its responsibilities.", "REQUEST",
     {"Hisham Adel", "United Nations Security Council"}),
    # a finite verb the parser reads as a participle ("the two ministers [who were] condemned")
    ("Kenyan Trade Secretary Njeri Wambugu hosted Ethiopian State Minister Mesfin Tadesse in Nairobi.\n\n"
     "The two ministers condemned Monday's attack on a passenger bus in Mandera County, which police blamed "
     "on the al-Shabaab militant group, and agreed to step up intelligence sharing.", "ACCUSE",
     {"Njeri Wambugu", "Mesfin Tadesse"}),
]


@pytest.mark.parametrize("text, kind, actors", ACTOR_CASES)
def test_event_actors_from_context(run, text, kind, actors):
    rec = run(text)
    kind, _, status = kind.partition(" ")
    (event,) = [e for e in rec.events if e.type == kind and (not status or e.status == status)]
    assert _names(rec, event.source + event.target) == actors


def test_past_meeting_dated_by_its_relative_clause(run):
    rec = run("The summit, which was held in Accra in March, adopted a declaration on maritime security "
              "proposed by Ghana and Togo.")
    (event,) = [e for e in rec.events if e.type == "CONSULT"]
    assert (event.status, event.date) == ("occurred", "2024-03")


def test_aid_with_no_recipient_named_goes_where_the_other_aid_goes(run):
    rec = run("South Korea will provide $20 million in humanitarian aid to Bangladesh, Korean Foreign Minister "
              "Park Jin-woo said in Seoul on Monday.\n\nPark held talks with Japanese Foreign Minister Kenji "
              "Mori on Tuesday.\n\nIndia also offered assistance.")
    (india,) = [e for e in rec.events if e.type == "AID" and _names(rec, e.source) == {"IND"}]
    assert _names(rec, india.target) == {"BGD"}


def test_one_signing_reported_twice_is_one_event(run):
    rec = run("Chile and Peru on Monday signed a free trade agreement in Lima.\n\n"
              "The agreement was signed at the presidential palace by Chilean Foreign Minister Rosa Molina "
              "and Peruvian Foreign Minister Luis Vega.")
    signings = [e for e in rec.events if e.cameo == "057"]
    assert len(signings) == 1
    assert len(signings[0].spans) == 2


def test_national_organisation_acts_for_its_country(run):
    rec = run("French Foreign Minister Claire Martin met Moroccan Foreign Minister Driss Alami in Rabat on "
              "Monday.\n\nMartin said the French development agency AFD would provide loans for water "
              "projects.")
    (aid,) = [e for e in rec.events if e.type == "AID"]
    assert {"FRA", "MAR"} <= {c for c in _names(rec, aid.source + aid.target)} | {
        e.country for e in rec.entities if e.id in aid.source + aid.target}


def test_invitation_leaves_its_date_to_the_visit(run):
    rec = run("Mongolian President Batbayar Tsend invited Japanese Prime Minister Kenji Mori to visit "
              "Mongolia next year.")
    (invite,) = [e for e in rec.events if e.type == "AGREE"]
    assert (invite.cameo, invite.date) == ("036", None)
    assert _names(rec, invite.target) == {"Kenji Mori"}


# Words of the genre: visits, calls, memoranda, condolences, invitations, bans, loans, exercises:
# (text, type, CAMEO code, status, actors as source + target).
GENRE_CASES = [
    ("Chile and Peru initialled a free trade agreement on Monday.",
     "AGREE", "030", "occurred", {"CHL", "PER"}),
    ("Japan and the Philippines exchanged notes on the loan package on Monday.",
     "SUPPORT", "057", "occurred", {"JPN", "PHL"}),
    ("Chinese President Xi Ping sent a congratulatory message to Kazakh President Kassym Tokayev.",
     "SUPPORT", "051", "occurred", {"Xi Ping", "Kassym Tokayev"}),
    ("King Abdullah sent a message of condolence to Turkish President Recep Erdal after the earthquake.",
     "SUPPORT", "051", "occurred", {"Abdullah", "Recep Erdal"}),
    ("The navies of India and France will hold a joint drill next month.",
     "COOPERATE", "062", "intended", {"IND", "FRA"}),
    ("The World Bank approved a $200 million loan to Kenya.",
     "AID", "071", "occurred", {"World Bank", "KEN"}),
    ("Slovak Foreign Minister Peter Horak wrapped up a two-day visit to Hungary on Monday.",
     "CONSULT", "042", "occurred", {"Peter Horak", "HUN"}),
    ("Malaysian Prime Minister Anwar Ismail held a telephone conversation with his Thai counterpart "
     "Srettha Chai on Monday.", "CONSULT", "041", "occurred", {"Anwar Ismail", "Srettha Chai"}),
]


@pytest.mark.parametrize("text, kind, cameo, status, actors", GENRE_CASES)
def test_genre_words(run, text, kind, cameo, status, actors):
    event = _only_event(run(text))
    assert (event.type, event.cameo, event.status) == (kind, cameo, status)
    assert _names(run(text), event.source + event.target) == actors


def test_accepted_invitation_plans_the_visit_of_who_accepts(run):
    rec = run("Vietnamese President Vo Van Lam accepted the invitation to visit Indonesia.")
    (visit,) = [e for e in rec.events if e.type == "CONSULT"]
    assert visit.status == "planned"
    assert _names(rec, visit.source) == {"Vo Van Lam"}


# An event noun told by a participle ("the ban, imposed in March") whose doer is named
# before: by the event told with it ("lifting its import ban") or as the subject of the
# sentence before. (text, type, date, actors)
ANAPHORA_CASES = [
    ("Hungary and Serbia agreed on Friday to end their dispute over Serbian pork, with Budapest lifting "
     "its import ban in exchange for new veterinary checks.\n\nThe ban, imposed in March on fresh and "
     "frozen pork, had strained relations between the two neighbours.", "COERCE", "2024-03", {"HUN", "SRB"}),
    ("Slovakia said on Monday it would keep its restrictions on Polish poultry.\n\nThe ban, introduced "
     "in January, has cost Polish farmers millions.", "COERCE", "2024-01", {"SVK", "POL"}),
    ("The sanctions imposed on Iran by Canada in February remain in force.", "COERCE", "2024-02",
     {"CAN", "IRN"}),
]


@pytest.mark.parametrize("text, kind, date, actors", ANAPHORA_CASES)
def test_event_noun_with_its_doer_named_before(run, text, kind, date, actors):
    rec = run(text)
    (event,) = [e for e in rec.events if e.type == kind]
    assert (event.status, event.date) == ("occurred", date)
    assert _names(rec, event.source + event.target) == actors


@pytest.mark.parametrize("text", [
    # "the deal" told again is the deal signed before, not a second one
    "Kenya and Uganda signed a trade deal on Monday. The deal, signed in Nairobi, cuts tariffs on sugar.",
    # a deal has two sides: the one subject of the sentence before is not its doer
    "Ghana signed a trade deal with Togo on Monday.\n\n\"We are ready,\" Ghanaian minister Kofi Mensah "
    "said.\n\nThe deal was finalised after months of talks.",
])
def test_deal_told_again_is_one_event(run, text):
    rec = run(text)
    assert len([e for e in rec.events if e.mode == "agreement" or e.type == "AGREE"]) == 1, \
        [(e.type, e.trigger) for e in rec.events]


# Labels that accuse (codebooks/data/events_labels.tsv): calling a state a puppet, a tool
# of someone, a threat to someone, in a speaker's words; the speaker accuses, the one so
# called is accused. (text, CAMEO code, source, target)
LABEL_CASES = [
    ("Bolivian Foreign Minister Diego Arce said: \"Paraguay is acting as a tool of foreign mining "
     "companies.\"", "112", {"Diego Arce"}, {"PRY"}),
    ("\"Azerbaijan is a threat to the whole region,\" Armenian Foreign Minister Vahe Sarkisyan said.",
     "112", {"Vahe Sarkisyan"}, {"AZE"}),
    ("\"Kosovo serves as a proxy of foreign powers,\" Serbian President Milan Petrovic said.",
     "112", {"Milan Petrovic"}, {"XKX"}),
    ("Estonian Foreign Minister Kaja Tamm said Russia posed a threat to the Baltic region.",
     "112", {"Kaja Tamm"}, {"RUS"}),
    ("Moldovan President Ion Rusu called Ukraine a puppet of Moscow on Monday.", "112", {"Ion Rusu"},
     {"UKR"}),
    ("The Sudanese army described Chad as a proxy of foreign powers.", "112", {"SDN"}, {"TCD"}),
    ("Iran's foreign ministry branded Israel a terrorist state on Sunday.", "1121", {"IRN"}, {"ISR"}),
    ("\"The Venezuelan government is an occupier,\" Guyanese President Irfaan Khan said.",
     "1123", {"Irfaan Khan"}, {"VEN"}),
]


@pytest.mark.parametrize("text, cameo, source, target", LABEL_CASES)
def test_labels_that_accuse(run, text, cameo, source, target):
    rec = run(text)
    (event,) = [e for e in rec.events if e.type == "ACCUSE"]
    assert event.cameo == cameo
    assert (_names(rec, event.source), _names(rec, event.target)) == (source, target)


@pytest.mark.parametrize("text", [
    "\"Germany is an agent of change in Europe,\" Polish Foreign Minister Adam Nowicki said.",
    "\"Brazil is a key instrument of our export strategy,\" Angolan Trade Minister Rui Santos said.",
    "Estonian Foreign Minister Kaja Tamm said Russia posed no threat to Estonia.",
    "\"If Chad becomes a proxy of foreign powers, we will act,\" Nigerien Foreign Minister Ali Moussa "
    "said.",
    "\"We are not an instrument of anyone,\" Malian Prime Minister Oumar Traore said.",
    "Chinese Foreign Minister Li Wen said: \"The Philippines is a partner of ours.\"",
    "\"Kenya's rising debt is a danger to its economy,\" Ugandan Finance Minister Grace Akello said.",
    "Nigerian President Bola Adeyemi said Ghana remained a partner and a tool for regional growth.",
])
def test_no_accusing_label(run, text):
    assert not [e for e in run(text).events if e.type == "ACCUSE"]


def test_label_table_names_its_source_and_is_sorted():
    from importlib.resources import files

    from dragoman.codebooks._tables import read_tsv
    from dragoman.nlp.eventlabels import LABEL_FILE, labels

    header = " ".join(line for line in files("dragoman.codebooks").joinpath("data", LABEL_FILE)
                      .read_text(encoding="utf-8").splitlines() if line.startswith("#")).lower()
    assert "source" in header and "licence" in header
    terms = [row[0] for row in read_tsv(LABEL_FILE, 4)]
    assert terms == sorted(terms)
    assert all(lb.term.plover == "ACCUSE" for found in labels().values() for lb in found)


def test_label_repeating_an_accusation_is_one_event(run):
    rec = run("Azerbaijan accused Armenia of provocations on Monday. \"Armenia is acting as a proxy of "
              "foreign powers,\" Azerbaijani Foreign Minister Elnur Aliyev said.")
    assert len([e for e in rec.events if e.type == "ACCUSE"]) == 1


# "the measure", "the move", "the decision": an act told before by another side is the
# target of what is said of it. (text, type, source, target)
ACT_NOUN_CASES = [
    ("Ghana imposed a ban on poultry imports from Togo on Monday. Nigerian officials met in Abuja. "
     "Togo condemned the measure.", "ACCUSE", {"TGO"}, {"GHA"}),
    ("Ukraine banned grain imports from Hungary on Monday. Hungary rejected the move.", "REJECT",
     {"HUN"}, {"UKR"}),
    ("Japan lifted its ban on Philippine bananas. The Philippines welcomed the decision.", "SUPPORT",
     {"PHL"}, {"JPN"}),
]


@pytest.mark.parametrize("text, kind, source, target", ACT_NOUN_CASES)
def test_act_noun_targets_the_doer_of_the_act_before(run, text, kind, source, target):
    rec = run(text)
    (event,) = [e for e in rec.events if e.type == kind]
    assert (_names(rec, event.source), _names(rec, event.target)) == (source, target)


# Money received and coercive duties. (text, type, actors)
MONEY_AND_DUTY_CASES = [
    ("Pakistan obtained a $1 billion credit line from Saudi Arabia.", "AID", {"PAK", "SAU"}),
    ("Kenya secured a $500 million loan from Japan on Monday.", "AID", {"KEN", "JPN"}),
    ("Moldova will get budget support from Romania, after Romania approved the budget support on "
     "Monday.", "AID", {"MDA", "ROU"}),
    ("China announced retaliatory tariffs on Australian wine.", "COERCE", {"CHN", "AUS"}),
    ("Washington slapped punitive tariffs on Brazilian beef.", "COERCE", {"USA", "BRA"}),
]


@pytest.mark.parametrize("text, kind, actors", MONEY_AND_DUTY_CASES)
def test_money_received_and_coercive_duties(run, text, kind, actors):
    rec = run(text)
    assert any(e.type == kind and _names(rec, e.source + e.target) == actors for e in rec.events), \
        [(e.type, e.trigger, _names(rec, e.source + e.target)) for e in rec.events]


def test_invitation_told_in_the_past_leaves_the_month_to_the_visit(run):
    rec = run("The Chilean foreign minister invited Peruvian Foreign Minister Ana Ruiz to Santiago in "
              "March for the first meeting of a joint committee.", date="2024-11-20")
    (meeting,) = [e for e in rec.events if e.type == "CONSULT"]
    assert (meeting.status, meeting.date) == ("planned", "2025-03")
    assert all(e.date is None for e in rec.events if e.type == "AGREE")


# --- the lexicon: every verb, phrase and noun of events.tsv is found --------------------

# Plural forms for phrase objects as news writes them ("hold talks", "impose sanctions").
_PLURAL = {"talk": "talks", "relation": "relations", "tie": "ties", "sanction": "sanctions",
           "troop": "troops", "view": "views", "opinion": "opinions"}


def _phrase_sentence(term: str) -> str:
    words = [_PLURAL.get(w, w) for w in term.split()]
    tail = "" if words[-1] in ("on", "upon", "with", "for", "by", "of") else " with"
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


@pytest.mark.parametrize("text, kind, actors", [
    # "spoke by telephone" is a call, like "spoke by phone"
    ("Chilean President Ana Rojas and Kenyan President Paul Mwangi spoke by telephone on Monday.",
     "CONSULT", {"Ana Rojas", "Paul Mwangi"}),
    # "the two ministers" are the ministers named just before, not the leaders named most
    ("Chilean President Ana Rojas met Kenyan President Paul Mwangi. Rojas thanked Mwangi. "
     "Rojas praised Kenya. Chilean Foreign Minister Luis Vera met Kenyan Foreign Minister "
     "Grace Otieno on Tuesday. The two ministers signed an agreement on visas.",
     "SUPPORT", {"Luis Vera", "Grace Otieno"}),
])
def test_fresh_text_event_actors(run, text, kind, actors):
    rec = run(text)
    found = [set(_names(rec, e.source + e.target)) for e in rec.events if e.type == kind]
    assert any(actors <= f for f in found), found


def test_invited_visit_and_later_committee_meeting_stay_apart(run):
    rec = run("Chilean President Ana Rojas met Kenyan President Paul Mwangi in Nairobi on Monday. "
              "Rojas invited Mwangi to pay a state visit to Chile later this year. "
              "The two governments also agreed to convene a joint trade committee in Santiago in June.",
              date="2025-03-12")
    planned = sorted(e.date or "" for e in rec.events if e.type == "CONSULT" and e.status == "planned")
    assert planned == ["2025", "2025-06"]


# Fresh-text cases of the summit and dispute articles (09, 10), in other words and countries:
# (text, type, status or None, actors that must be among source + target + location).
SUMMIT_AND_DISPUTE_CASES = [
    # a protest note handed over (light verb "hand") is a diplomatic protest, CAMEO 114
    ("Latvia handed a protest note to Georgia on Monday over the arrest of a Latvian journalist.",
     "ACCUSE", "occurred", {"LVA", "GEO"}),
    ("Estonia submitted a protest note to Armenia on Monday.", "ACCUSE", "occurred", {"EST", "ARM"}),
    # those who gather "for a summit" attend it: the summit is a meeting of its own
    ("Leaders from Nepal, Finland and Ghana gathered in Helsinki on Monday for a one-day summit on "
     "water security.", "CONSULT", "occurred", {"NPL", "FIN", "GHA"}),
    ("Chilean ministers were in Oslo on Monday for a conference hosted by Norwegian Prime Minister "
     "Kari Berg.", "CONSULT", "occurred", {"CHL", "NOR"}),
    # a bare "conference" is a meeting (an invitation arranges it), unlike a leader's news conference
    ("Thai Prime Minister Anan Chai invited Peruvian President Rosa Quispe to attend a regional "
     "trade conference in Bangkok in June.", "CONSULT", "planned", {"Rosa Quispe", "Bangkok"}),
    # "the three leaders" are the sides of the meeting with three participants told before
    ("Leaders from Nepal, Finland and Ghana gathered in Helsinki on Monday for a summit. On Tuesday, "
     "the three leaders adopted a joint statement on water security.", "AGREE", None,
     {"NPL", "FIN", "GHA"}),
]


@pytest.mark.parametrize("text, kind, status, actors", SUMMIT_AND_DISPUTE_CASES)
def test_summit_and_dispute_events(run, text, kind, status, actors):
    rec = run(text)
    found = [(e.type, e.status, _names(rec, e.source + e.target + ([e.location] if e.location else [])))
             for e in rec.events]
    assert any(k == kind and (status is None or s == status) and actors <= names
               for k, s, names in found), found


@pytest.mark.parametrize("text", [
    # "a great deal" is an amount, not an agreement
    "Nepal and Finland are mountain nations, and we have a great deal to learn from each other, "
    "Nepalese Prime Minister Hari Thapa said.",
    "Finland has a good deal of experience in forestry, Finnish President Aino Lahti said.",
    # a leader's own news conference is the venue of a statement, not a meeting
    "Finnish President Aino Lahti told a news conference in Helsinki that prices were rising.",
])
def test_no_event_in_amounts_and_own_news_conferences(run, text):
    rec = run(text)
    assert not [e for e in rec.events if e.type in ("AGREE", "CONSULT")], \
        [(e.type, e.trigger) for e in rec.events]
