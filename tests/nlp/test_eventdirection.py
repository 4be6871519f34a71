"""Which way events point: the direction table of who does what to whom (dyads).

The scorer only asks that the actors be among source + target + location; the knowledge
base and the dyad charts read the direction, so it is tested here on its own. Sentences
are written for these tests. Conventions (CAMEO's): a transfer's source is the giver and
its target the receiver, whoever is the grammatical subject; a visit's source is the
visitor (042), a hosting's the host (043); an invitation's source is who invites.
"""
from __future__ import annotations

import pytest

from dragoman.codebooks._tables import read_tsv
from dragoman.nlp.eventdirection import DIRECTION_FILE, KINDS, direction_words


def _names(rec, ids):
    by_id = {e.id: e for e in rec.entities}
    return {by_id[i].code or by_id[i].name for i in ids}


# (text, type, source, target): names or ISO codes; the event of that type is checked.
DIRECTION_CASES = [
    # aid, loans and investment given
    ("Japan provided a loan of $500 million to the Philippines.", "AID", {"JPN"}, {"PHL"}),
    ("India extended a credit line to Sri Lanka.", "AID", {"IND"}, {"LKA"}),
    ("Germany donated vaccines to Namibia.", "AID", {"DEU"}, {"NAM"}),
    ("Norway sent humanitarian aid to Sudan on Monday.", "AID", {"NOR"}, {"SDN"}),
    ("China announced its loan to Laos.", "AID", {"CHN"}, {"LAO"}),
    ("Brazil will invest $1 billion in Angola.", "COOPERATE", {"BRA"}, {"AGO"}),
    # ... and received: the giver is the source
    ("Kenya secured a $300 million loan from the World Bank.", "AID", {"World Bank"}, {"KEN"}),
    ("Ghana received $50 million in humanitarian aid from Japan.", "AID", {"JPN"}, {"GHA"}),
    ("Bolivia obtained a loan from China.", "AID", {"CHN"}, {"BOL"}),
    ("Nepal got financial assistance from India on Monday.", "AID", {"IND"}, {"NPL"}),
    ("Pakistan received a $3 billion bailout from the International Monetary Fund.", "AID",
     {"International Monetary Fund"}, {"PAK"}),
    ("Vietnam accepted humanitarian assistance from Japan after the floods.", "AID", {"JPN"}, {"VNM"}),
    ("Chile received support from Argentina for its bid.", "SUPPORT", {"ARG"}, {"CHL"}),
    ("Tunisia received Italy's support for the plan.", "SUPPORT", {"ITA"}, {"TUN"}),
    ("Armenia gained support from France for its position.", "SUPPORT", {"FRA"}, {"ARM"}),
    ("\"We received a loan from China,\" Kenyan President Daniel Mwangi said.", "AID", {"CHN"},
     {"Daniel Mwangi"}),
    # the passive of giving: the one given to is the target
    ("Zambia was granted a $1 billion loan by the International Monetary Fund.", "AID",
     {"International Monetary Fund"}, {"ZMB"}),
    ("Moldova was awarded a grant by the European Union.", "AID", {"European Union"}, {"MDA"}),
    ("Haiti was offered humanitarian aid by Canada.", "AID", {"CAN"}, {"HTI"}),
    # a request for aid is the asker's act
    ("Sri Lanka's request for aid from India was approved.", "REQUEST", {"LKA"}, {"IND"}),
    ("Nigeria sought a loan from China.", "REQUEST", {"NGA"}, {"CHN"}),
    # visits: the visitor is the source; a hosting's source is the host
    ("French President Claire Martin visited Nigeria on Monday.", "CONSULT", {"Claire Martin"}, {"NGA"}),
    ("Laos received a visit from the Chinese foreign minister.", "CONSULT", {"CHN"}, {"LAO"}),
    ("Nigeria hosted French President Claire Martin on Monday.", "CONSULT", {"NGA"}, {"Claire Martin"}),
    ("The Indonesian president was received by Australian Prime Minister Mark Ellis in Canberra.",
     "CONSULT", {"Mark Ellis"}, {"IDN"}),
    ("Uganda received a phone call from Tanzania's president on Monday.", "CONSULT", {"TZA"}, {"UGA"}),
    # invitations: who invites is the source
    ("Mexico invited Peru's president to visit Mexico City.", "AGREE", {"MEX"}, {"PER"}),
    ("Peru's president was invited by Mexico to visit Lima.", "AGREE", {"MEX"}, {"PER"}),
    ("Kenya received an invitation from Ethiopia to attend the summit.", "AGREE", {"ETH"}, {"KEN"}),
    # accusations and rejections
    ("Serbia accused Croatia of interference.", "ACCUSE", {"SRB"}, {"HRV"}),
    ("Croatia was accused by Serbia of interference.", "ACCUSE", {"SRB"}, {"HRV"}),
    ("Greece rejected Turkey's accusations.", "REJECT", {"GRC"}, {"TUR"}),
    # targets a demonym carries, for events aimed at a party
    ("The United States imposed duties on Chinese steel.", "COERCE", {"USA"}, {"CHN"}),
    ("The European Union imposed sanctions on Russian banks.", "COERCE", {"European Union"}, {"RUS"}),
    ("Poland announced a ban on Ukrainian grain imports.", "COERCE", {"POL"}, {"UKR"}),
    ("The United States slapped duties on Vietnamese shrimp.", "COERCE", {"USA"}, {"VNM"}),
    ("Ukraine launched drone strikes on Russian oil refineries.", "ASSAULT", {"UKR"}, {"RUS"}),
    ("Britain expelled a Russian diplomat.", "SANCTION", {"GBR"}, {"RUS"}),
]


@pytest.mark.parametrize("text, kind, source, target", DIRECTION_CASES)
def test_direction(run, text, kind, source, target):
    rec = run(text)
    events = [e for e in rec.events if e.type == kind]
    assert len(events) == 1, [(e.type, e.trigger) for e in rec.events]
    assert (_names(rec, events[0].source), _names(rec, events[0].target)) == (source, target)


# A meeting's place the parse hangs on its topic or on an actor: (text, place or None).
VENUE_CASES = [
    ("Egypt and Ethiopia resumed negotiations on the dam in Cairo.", "Cairo"),
    ("Morocco and Spain held talks on migration in Rabat.", "Rabat"),
    ("The Indonesian president was received by Australian Prime Minister Mark Ellis in Canberra.",
     "Canberra"),
    # the hosting is in the host's country, not the guest's
    ("Egypt received a delegation from Sudan on Monday.", "Egypt"),
    # a city in no actor's country is the topic's place, not the venue
    ("Qatar and Oman held talks on the fighting in Khartoum.", None),
]


@pytest.mark.parametrize("text, place", VENUE_CASES)
def test_meeting_venue(run, text, place):
    rec = run(text)
    (event,) = [e for e in rec.events if e.type == "CONSULT"]
    by_id = {e.id: e.name for e in rec.entities}
    assert by_id.get(event.location) == place


@pytest.mark.parametrize("text", [
    "Peru received an investment of $2 billion from South Korea.",  # a thing received: no hosting
    "Qatar and Oman held talks on the fighting in Khartoum.",       # the topic is no act of theirs
])
def test_no_event_of_the_receiver(run, text):
    rec = run(text)
    assert not [e for e in rec.events if e.type != "CONSULT" or e.trigger == "received"]


def test_direction_table_names_its_source_and_is_sorted():
    from importlib.resources import files

    header = " ".join(line for line in files("dragoman.codebooks").joinpath("data", DIRECTION_FILE)
                      .read_text(encoding="utf-8").splitlines() if line.startswith("#")).lower()
    assert "source" in header and "licence" in header
    rows = list(read_tsv(DIRECTION_FILE, 2))
    assert rows == sorted(rows)
    assert set(direction_words()) == KINDS and all(direction_words().values())
