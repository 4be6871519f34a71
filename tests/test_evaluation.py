"""The evaluation scorer: matching rules per part, reports, gold files, and agreement
with the reference scorer `shared/score/score.py` (skipped when `shared/` is absent)."""
from __future__ import annotations

import copy
import importlib.util
import json
import random
import subprocess
import sys
from collections import defaultdict
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from dragoman.errors import DragomanError
from dragoman.evaluation import (
    ALL_PARTS,
    PARTS,
    GoldError,
    PartScore,
    Report,
    below_floors,
    evaluate_paths,
    find_gold_pairs,
    format_report,
    load_gold,
    merge,
    normalise_name,
    parse_floor,
    score_article,
    token_f1,
)

DATA = Path(__file__).parent / "data" / "eval"
SHARED = Path(__file__).resolve().parents[1].parent / "shared"

# --- builders -----------------------------------------------------------------------------


def entity(eid: str, kind: str, name: str, *aliases: str, code: str | None = None,
           country: str | None = None, roles: tuple[str, ...] = ()) -> dict[str, Any]:
    return {"id": eid, "kind": kind, "name": name, "aliases": list(aliases), "code": code,
            "country": country, "roles": list(roles), "mentions": []}


def record(**sections: Any) -> dict[str, Any]:
    """A dragoman/1 output with empty sections unless given."""
    out: dict[str, Any] = {"schema": "dragoman/1", "article": {"id": "a", "date": None, "source": None,
                                                            "title": None, "text": ""}}
    for name in ("entities", "quotes", "claims", "events", "sectors", "findings"):
        out[name] = sections.get(name, [])
    return out


MARQUEZ = {"name": "Elena Marquéz", "aliases": ["Marquez"], "country": "CHL", "role": "foreign minister"}
TRAN = {"name": "Tran Van Long", "aliases": ["Tran"], "country": "VNM", "role": "foreign minister"}
APEC = {"name": "Asia-Pacific Economic Cooperation", "aliases": ["APEC"]}

#: Output entities for the two gold persons, their countries, an organisation and a place.
CAST = [
    entity("E1", "person", "Elena Marquez", country="CHL", roles=("foreign minister",)),
    entity("E2", "person", "Tran Van Long", "Tran", country="VNM", roles=("foreign minister",)),
    entity("E3", "country", "Chile", code="CHL"),
    entity("E4", "country", "Vietnam", "Viet Nam", code="VNM"),
    entity("E5", "organization", "APEC"),
    entity("E6", "place", "Hanoi", country="VNM"),
]


def gold(**sections: Any) -> dict[str, Any]:
    """A gold annotation with the two persons, their countries and APEC unless overridden."""
    base: dict[str, Any] = {"article": {"file": "x.txt", "date": "2024-03-05"}, "persons": [MARQUEZ, TRAN],
                            "countries": ["CHL", "VNM"], "organizations": [APEC], "places": [],
                            "quotes": [], "claims": [], "events": [],
                            "sectors": {"required": [], "allowed": []}, "findings": []}
    base.update(sections)
    return base


def counts(report: Report, part: str) -> tuple[int, int, int]:
    score = report.parts[part]
    return score.tp, score.fp, score.fn


# --- names and texts ----------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("Türkiye", "turkiye"),
    ("Kassym-Jomart Tokayev", "kassym jomart tokayev"),
    ("  Erdoğan!! ", "erdogan"),
    ("Işıl Kırmızı", "isil kirmizi"),
    ("İzmir", "izmir"),
    ("Ankara's role", "ankara s role"),
    ("ＡＢＣ ½", "abc 1 2"),
    ("", ""),
    (None, ""),
])
def test_names_fold_case_accents_dotless_i_and_punctuation(text: str | None, expected: str) -> None:
    assert normalise_name(text) == expected


@pytest.mark.parametrize("candidate, reference, expected", [
    ("We agreed, today.", "we agreed today", 1.0),
    ("we agreed", "we agreed today", 0.8),
    ("nothing in common", "we agreed today", 0.0),
    ("", "we agreed today", 0.0),
    ("the the deal", "the deal", 0.8),
])
def test_token_f1_counts_shared_tokens_with_repeats(candidate: str, reference: str, expected: float) -> None:
    assert token_f1(candidate, reference) == pytest.approx(expected)


# --- persons, countries, organisations ----------------------------------------------------

PERSON_CASES = [
    ("a name without its accent is found with its country and role",
     [entity("E1", "person", "Elena Marquez", country="CHL", roles=("foreign minister",))],
     {"persons": (1, 0, 0), "person_country": (1, 0, 0), "person_role": (1, 0, 0), "person_merge": (1, 0, 0)}),
    ("an alias on either side is enough",
     [entity("E1", "person", "E. M.", "MARQUEZ", country="CHL")],
     {"persons": (1, 0, 0), "person_role": (0, 0, 1)}),
    ("a person split into two entities is found once and counted as a split",
     [entity("E1", "person", "Elena Marquez", country="CHL"), entity("E2", "person", "Marquez", country="CHL")],
     {"persons": (1, 0, 0), "person_merge": (0, 0, 1), "person_country": (1, 0, 0)}),
    ("roles are pooled over the entities of a split person",
     [entity("E1", "person", "Elena Marquez"), entity("E2", "person", "Marquez", roles=("foreign minister",))],
     {"person_role": (1, 0, 0)}),
    ("the country is judged on the first entity of a split person",
     [entity("E1", "person", "Elena Marquez"), entity("E2", "person", "Marquez", country="CHL")],
     {"person_country": (0, 0, 1)}),
    ("a lower-case country code counts",
     [entity("E1", "person", "Elena Marquez", country="chl")],
     {"person_country": (1, 0, 0)}),
    ("a wider role holds the gold role as whole words",
     [entity("E1", "person", "Marquez", roles=("deputy foreign minister",))], {"person_role": (1, 0, 0)}),
    ("a narrower role lies inside the gold role as whole words",
     [entity("E1", "person", "Marquez", roles=("minister",))], {"person_role": (1, 0, 0)}),
    ("roles compare without case and punctuation",
     [entity("E1", "person", "Marquez", roles=("Foreign-Minister",))], {"person_role": (1, 0, 0)}),
    ("a role that only shares part of a word does not match",
     [entity("E1", "person", "Marquez", roles=("foreign ministers",))], {"person_role": (0, 0, 1)}),
    ("a different office does not match",
     [entity("E1", "person", "Marquez", roles=("prime minister", ""))], {"person_role": (0, 0, 1)}),
    ("a person not in the gold is a false positive",
     [entity("E1", "person", "Marquez"), entity("E2", "person", "Somebody Else")], {"persons": (1, 1, 0)}),
    ("a missing person counts against all four person parts",
     [],
     {"persons": (0, 0, 1), "person_country": (0, 0, 1), "person_role": (0, 0, 1), "person_merge": (0, 0, 1)}),
    ("an organisation bearing the person's name is not the person",
     [entity("E1", "organization", "Marquez")], {"persons": (0, 0, 1)}),
]


@pytest.mark.parametrize("description, entities, expected", PERSON_CASES, ids=[c[0] for c in PERSON_CASES])
def test_person_rules(description: str, entities: list[dict[str, Any]],
                      expected: dict[str, tuple[int, int, int]]) -> None:
    report = score_article(record(entities=entities), gold(persons=[MARQUEZ]))
    assert {part: counts(report, part) for part in expected} == expected


@pytest.mark.parametrize("description, entities, expected", [
    ("both countries found by code, case ignored",
     [entity("E1", "country", "Chile", code="chl"), entity("E2", "country", "Viet Nam", code="VNM")], (2, 0, 0)),
    ("a country not in the gold is a false positive",
     [entity("E1", "country", "Chile", code="CHL"), entity("E2", "country", "Vietnam", code="VNM"),
      entity("E3", "country", "Peru", code="PER")], (2, 1, 0)),
    ("a person's affiliation is not a country mention",
     [entity("E1", "country", "Chile", code="CHL"), entity("E2", "person", "Tran", country="VNM")], (1, 0, 1)),
    ("a country entity without a code counts for nothing",
     [entity("E1", "country", "Chile")], (0, 0, 2)),
])
def test_countries_are_a_set_of_codes(description: str, entities: list[dict[str, Any]],
                                      expected: tuple[int, int, int]) -> None:
    assert counts(score_article(record(entities=entities), gold()), "countries") == expected


@pytest.mark.parametrize("description, entities, expected", [
    ("found by an alias, case ignored", [entity("E1", "organization", "Apec")], (1, 0, 0)),
    ("dotted initials are other words", [entity("E1", "organization", "A.P.E.C.")], (0, 0, 1)),
    ("other organisations cost nothing",
     [entity("E1", "organization", "Asia Pacific Economic Cooperation"), entity("E2", "organization", "WTO")],
     (1, 0, 0)),
    ("an entity of another kind does not count", [entity("E1", "place", "APEC")], (0, 0, 1)),
])
def test_organizations_are_recall_only(description: str, entities: list[dict[str, Any]],
                                       expected: tuple[int, int, int]) -> None:
    assert counts(score_article(record(entities=entities), gold()), "organizations") == expected


# --- quotes -------------------------------------------------------------------------------

SAID = "we will build ports and railways across the whole region"
SAID_LONGER = "we will build ports and railways across the northern coast this decade"


def quote(speaker: str | None, kind: str, text: str) -> dict[str, Any]:
    return {"id": "Q", "speaker": speaker, "kind": kind, "text": text, "span": [0, 0], "cue": "said"}


def gold_quote(speaker: str, kind: str, text: str, required: bool = True) -> dict[str, Any]:
    return {"speaker": speaker, "kind": kind, "text": text, "required": required}


QUOTE_CASES = [
    ("the same words by the same speaker match",
     [gold_quote("Elena Marquéz", "direct", SAID)], [quote("E1", "direct", SAID)],
     {"quotes_direct": (1, 0, 0), "quotes": (1, 0, 0)}),
    ("case and punctuation do not matter",
     [gold_quote("Elena Marquéz", "direct", SAID)], [quote("E1", "direct", SAID.upper() + ",")],
     {"quotes_direct": (1, 0, 0)}),
    ("eight of ten words reach the 0.8 token F1",
     [gold_quote("Elena Marquéz", "direct", SAID)], [quote("E1", "direct", SAID.rsplit(" ", 2)[0])],
     {"quotes_direct": (1, 0, 0)}),
    ("six of ten words fall short of it",
     [gold_quote("Elena Marquéz", "direct", SAID)], [quote("E1", "direct", SAID.rsplit(" ", 4)[0])],
     {"quotes_direct": (0, 1, 1)}),
    ("the right words from the wrong speaker do not match",
     [gold_quote("Elena Marquéz", "direct", SAID)], [quote("E2", "direct", SAID)],
     {"quotes_direct": (0, 1, 1)}),
    ("a speaker id naming no entity does not match",
     [gold_quote("Elena Marquéz", "direct", SAID)], [quote("E99", "direct", SAID)],
     {"quotes_direct": (0, 1, 1)}),
    ("a reported quote does not match a direct one",
     [gold_quote("Elena Marquéz", "direct", SAID)], [quote("E1", "indirect", SAID)],
     {"quotes_direct": (0, 0, 1), "quotes_indirect": (0, 1, 0), "quotes": (0, 1, 1)}),
    ("one gold quote matches one output quote: a repeat is a false positive",
     [gold_quote("Elena Marquéz", "direct", SAID)], [quote("E1", "direct", SAID), quote("E1", "direct", SAID)],
     {"quotes_direct": (1, 1, 0)}),
    ("an optional gold quote that is found counts neither way",
     [gold_quote("Elena Marquéz", "indirect", SAID, required=False)], [quote("E1", "indirect", SAID)],
     {"quotes_indirect": (0, 0, 0)}),
    ("an optional gold quote that is missed counts neither way",
     [gold_quote("Elena Marquéz", "indirect", SAID, required=False)], [],
     {"quotes_indirect": (0, 0, 0)}),
    ("required gold quotes choose before optional ones",
     [gold_quote("Elena Marquéz", "direct", SAID, required=False), gold_quote("Elena Marquéz", "direct", SAID)],
     [quote("E1", "direct", SAID)], {"quotes_direct": (1, 0, 0)}),
    ("a gold quote takes the closest output, leaving the near one to another gold quote",
     [gold_quote("Elena Marquéz", "direct", SAID), gold_quote("Elena Marquéz", "direct", SAID_LONGER)],
     [quote("E1", "direct", SAID + " northern coast"), quote("E1", "direct", SAID)],
     {"quotes_direct": (2, 0, 0)}),
    ("an output quote of another kind is neither direct nor indirect",
     [], [quote("E1", "mixed", SAID)], {"quotes_direct": (0, 0, 0), "quotes_indirect": (0, 0, 0)}),
]


@pytest.mark.parametrize("description, gold_quotes, quotes, expected", QUOTE_CASES,
                         ids=[c[0] for c in QUOTE_CASES])
def test_quote_rules(description: str, gold_quotes: list[dict[str, Any]], quotes: list[dict[str, Any]],
                     expected: dict[str, tuple[int, int, int]]) -> None:
    report = score_article(record(entities=CAST, quotes=quotes), gold(quotes=gold_quotes))
    assert {part: counts(report, part) for part in expected} == expected


# --- claims -------------------------------------------------------------------------------

GOLD_CLAIM = {"metric": "trade_volume", "value": 2_100_000_000, "qualifier": "exact", "unit": "USD",
              "status": "actual", "holder": "CHL", "counterpart": "VNM", "period": ["2023"],
              "speaker": "Elena Marquéz", "required": True}


def claim(cid: str = "C1", **changes: Any) -> dict[str, Any]:
    """An output claim equal to GOLD_CLAIM (speaker E1) but for `changes`."""
    base = {key: value for key, value in GOLD_CLAIM.items() if key != "required"}
    base.update(id=cid, period="2023", speaker="E1", span=[0, 0])
    base.update(changes)
    return base


CLAIM_CASES = [
    ("an identical claim matches", {}, {}, True),
    ("a value 0.9 % off matches", {}, {"value": 2_100_000_000 * 1.009}, True),
    ("a value 1.1 % off does not", {}, {"value": 2_100_000_000 * 1.011}, False),
    ("a value that is no number does not", {}, {"value": "a lot"}, False),
    ("trade volume is the same both ways", {}, {"holder": "VNM", "counterpart": "CHL"}, True),
    ("exports are not", {"metric": "exports"}, {"metric": "exports", "holder": "VNM", "counterpart": "CHL"}, False),
    ("trade volume still needs both parties", {}, {"holder": None}, False),
    ("the period must be one of the allowed values", {}, {"period": "2022"}, False),
    ("a null period matches when the gold allows it", {"period": [None, "2023"]}, {"period": None}, True),
    ("a gold speaker of null wants the article itself", {"speaker": None}, {"speaker": "E1"}, False),
    ("a null speaker matches a gold null", {"speaker": None}, {"speaker": None}, True),
    ("a gold speaker '*' takes anyone", {"speaker": "*"}, {"speaker": "E2"}, True),
    ("a gold speaker '*' takes no one too", {"speaker": "*"}, {"speaker": None}, True),
    ("a list of speakers gives alternatives", {"speaker": ["Tran Van Long", None]}, {"speaker": None}, True),
    ("a speaker outside the alternatives does not match",
     {"speaker": ["Tran Van Long", None]}, {"speaker": "E1"}, False),
    ("the speaker may be named by an alias", {}, {"speaker": "E2"}, False),
    ("the qualifier must agree", {}, {"qualifier": "about"}, False),
    ("the unit must agree", {}, {"unit": "EUR"}, False),
    ("the status must agree", {}, {"status": "target"}, False),
]


@pytest.mark.parametrize("description, gold_changes, output_changes, matches", CLAIM_CASES,
                         ids=[c[0] for c in CLAIM_CASES])
def test_claim_rules(description: str, gold_changes: dict[str, Any], output_changes: dict[str, Any],
                     matches: bool) -> None:
    report = score_article(record(entities=CAST, claims=[claim(**output_changes)]),
                           gold(claims=[{**GOLD_CLAIM, **gold_changes}]))
    assert counts(report, "claims") == ((1, 0, 0) if matches else (0, 1, 1))


@pytest.mark.parametrize("description, gold_claims, claims, expected", [
    ("one gold claim matches one output claim", [GOLD_CLAIM], [claim("C1"), claim("C2")], (1, 1, 0)),
    ("an optional gold claim counts neither way", [{**GOLD_CLAIM, "required": False}], [claim()], (0, 0, 0)),
    ("output claims with metric other are left out", [GOLD_CLAIM], [claim(metric="other")], (0, 0, 1)),
    ("a gold claim with metric other is still expected, as in the reference scorer",
     [{**GOLD_CLAIM, "metric": "other"}], [claim(metric="other")], (0, 0, 1)),
])
def test_claims_pair_one_to_one(description: str, gold_claims: list[dict[str, Any]],
                                claims: list[dict[str, Any]], expected: tuple[int, int, int]) -> None:
    report = score_article(record(entities=CAST, claims=claims), gold(claims=gold_claims))
    assert counts(report, "claims") == expected


# --- events -------------------------------------------------------------------------------

GOLD_EVENT = {"type": "CONSULT", "actors": ["Elena Marquéz", "Tran Van Long"], "status": "occurred",
              "date": "2024-03-05", "required": True}


def event(source: list[str], target: list[str], location: str | None = None, **changes: Any) -> dict[str, Any]:
    base = {"id": "V1", "type": "CONSULT", "mode": "meeting", "status": "occurred", "source": source,
            "target": target, "date": "2024-03-05", "location": location, "cameo": "040",
            "goldstein": 1.0, "span": [0, 0]}
    base.update(changes)
    return base


EVENT_CASES = [
    ("the two persons as source and target", {}, event(["E1"], ["E2"]), True),
    ("the two persons on one side", {}, event(["E1", "E2"], []), True),
    ("a person is satisfied by the entity of their country", {}, event(["E3"], ["E2"]), True),
    ("but not by a place in their country", {}, event(["E1"], ["E6"]), False),
    ("a missing actor fails", {}, event(["E1"], []), False),
    ("a country is satisfied by anyone affiliated with it", {"actors": ["CHL", "VNM"]}, event(["E1"], ["E2"]), True),
    ("a country is satisfied by the event's location", {"actors": ["VNM"]}, event(["E1"], [], location="E6"), True),
    ("an organisation is satisfied by its entity", {"actors": ["Asia-Pacific Economic Cooperation"]},
     event([], ["E5"]), True),
    ("type '*' takes any type", {"type": "*"}, event(["E1"], ["E2"], type="AGREE"), True),
    ("another type fails", {}, event(["E1"], ["E2"], type="AGREE"), False),
    ("a gold status of null takes any status", {"status": None}, event(["E1"], ["E2"], status="planned"), True),
    ("another status fails", {}, event(["E1"], ["E2"], status="planned"), False),
    ("a gold date of null takes any date", {"date": None}, event(["E1"], ["E2"], date=None), True),
    ("a less precise date fails", {}, event(["E1"], ["E2"], date="2024-03"), False),
    ("no gold actors: type, status and date decide", {"actors": []}, event([], []), True),
]


@pytest.mark.parametrize("description, gold_changes, output_event, matches", EVENT_CASES,
                         ids=[c[0] for c in EVENT_CASES])
def test_event_rules(description: str, gold_changes: dict[str, Any], output_event: dict[str, Any],
                     matches: bool) -> None:
    report = score_article(record(entities=CAST, events=[output_event]),
                           gold(events=[{**GOLD_EVENT, **gold_changes}]))
    assert counts(report, "events") == ((1, 0, 0) if matches else (0, 1, 1))


def test_an_optional_gold_event_absorbs_an_output_event_without_counting() -> None:
    golds = [GOLD_EVENT, {**GOLD_EVENT, "status": None, "required": False}]
    report = score_article(record(entities=CAST, events=[event(["E1"], ["E2"]), event(["E2"], ["E1"])]),
                           gold(events=golds))
    assert counts(report, "events") == (1, 0, 0)


# --- sectors and findings -----------------------------------------------------------------

@pytest.mark.parametrize("found, expected", [
    (["trade", "energy"], (2, 0, 0)),
    (["trade", "diplomacy"], (1, 0, 1)),
    (["trade", "energy", "defence"], (2, 1, 0)),
    (["trade", "trade"], (1, 0, 1)),
    ([], (0, 0, 2)),
])
def test_sectors_recall_on_required_precision_on_required_and_allowed(
        found: list[str], expected: tuple[int, int, int]) -> None:
    sectors = [{"sector": s, "span": [0, 0]} for s in found]
    report = score_article(record(sectors=sectors),
                           gold(sectors={"required": ["trade", "energy"], "allowed": ["diplomacy"]}))
    assert counts(report, "sectors") == expected


TARGET = {**GOLD_CLAIM, "status": "target", "value": 3_000_000_000, "period": ["2026"]}
PROGRESS_CLAIMS = [claim("C1"), claim("C2", status="target", value=3_000_000_000, period="2026")]


def finding(kind: str, claims: list[str]) -> dict[str, Any]:
    return {"kind": kind, "claims": claims, "detail": ""}


FINDING_CASES = [
    ("a finding over the matched claims is met", PROGRESS_CLAIMS, [finding("target_progress", ["C1", "C2"])],
     True, (1, 0, 0)),
    ("the order of its claims does not matter", PROGRESS_CLAIMS, [finding("target_progress", ["C2", "C1"])],
     True, (1, 0, 0)),
    ("further claims in it do no harm", PROGRESS_CLAIMS, [finding("target_progress", ["C1", "C2", "C9"])],
     True, (1, 0, 0)),
    ("another kind is not met", PROGRESS_CLAIMS, [finding("discrepancy", ["C1", "C2"])], True, (0, 0, 1)),
    ("naming one of the two claims is not met", PROGRESS_CLAIMS, [finding("target_progress", ["C1"])],
     True, (0, 0, 1)),
    ("a finding over a claim that matched no gold claim is not met",
     [claim("C1"), claim("C2", status="target", value=1)], [finding("target_progress", ["C1", "C2"])],
     True, (0, 0, 1)),
    ("extra output findings cost nothing", PROGRESS_CLAIMS,
     [finding("target_progress", ["C1", "C2"]), finding("discrepancy", ["C1", "C2"])], True, (1, 0, 0)),
    ("a met optional finding counts as found, as in the reference scorer", PROGRESS_CLAIMS,
     [finding("target_progress", ["C1", "C2"])], False, (1, 0, 0)),
    ("a missed optional finding counts neither way", PROGRESS_CLAIMS, [], False, (0, 0, 0)),
]


@pytest.mark.parametrize("description, claims, findings, required, expected", FINDING_CASES,
                         ids=[c[0] for c in FINDING_CASES])
def test_finding_rules(description: str, claims: list[dict[str, Any]], findings: list[dict[str, Any]],
                       required: bool, expected: tuple[int, int, int]) -> None:
    gold_findings = [{"kind": "target_progress", "claims": [0, 1], "required": required}]
    report = score_article(record(entities=CAST, claims=claims, findings=findings),
                           gold(claims=[GOLD_CLAIM, TARGET], findings=gold_findings))
    assert counts(report, "findings") == expected


# --- reports ------------------------------------------------------------------------------

@pytest.mark.parametrize("tp, fp, fn, precision, recall, f1", [
    (0, 0, 0, 1.0, 1.0, 1.0),
    (0, 2, 0, 0.0, 1.0, 0.0),
    (0, 0, 3, 1.0, 0.0, 0.0),
    (0, 1, 1, 0.0, 0.0, 0.0),
    (3, 1, 2, 0.75, 0.6, 2 * 0.75 * 0.6 / 1.35),
])
def test_part_scores_follow_the_reference_conventions(tp: int, fp: int, fn: int, precision: float,
                                                      recall: float, f1: float) -> None:
    score = PartScore(tp, fp, fn)
    assert (score.precision, score.recall, score.f1) == pytest.approx((precision, recall, f1))


def test_merge_sums_counts_and_lists_over_articles() -> None:
    first = score_article(record(entities=CAST[:1]), gold())
    second = score_article(record(entities=CAST), gold())
    merged = merge([first, second])
    assert merged.articles == 2
    assert counts(merged, "persons") == (3, 0, 1)
    assert merged.parts["persons"].misses == ["Tran Van Long"]


def test_merge_of_nothing_is_an_empty_report() -> None:
    merged = merge([])
    assert merged.articles == 0
    assert all(counts(merged, part) == (0, 0, 0) for part in ALL_PARTS)


def test_macro_f1_averages_the_twelve_parts_without_the_combined_quotes() -> None:
    report = score_article(record(entities=CAST), gold())
    assert report.macro_f1 == pytest.approx(sum(report.f1(p) for p in PARTS) / 12)
    assert "quotes" not in PARTS and "quotes" in ALL_PARTS


def test_an_unknown_part_is_named_in_the_error() -> None:
    with pytest.raises(DragomanError, match="'quote'"):
        Report().f1("quote")


def test_report_as_dict_is_json_with_every_part() -> None:
    data = json.loads(json.dumps(score_article(record(entities=CAST), gold()).to_dict()))
    assert set(data["parts"]) == set(ALL_PARTS)
    assert data["parts"]["persons"]["tp"] == 2 and data["articles"] == 1


def test_format_report_prints_a_row_per_part_and_the_macro_f1() -> None:
    text = format_report(score_article(record(entities=CAST[:1]), gold()))
    lines = text.splitlines()
    assert lines[0].split() == ["part", "P", "R", "F1", "tp", "fp", "fn"]
    assert "persons           1.000  0.500  0.667    1   0   1" in lines
    assert "    missed: Tran Van Long" in lines
    assert lines[-1].startswith("macro F1 ") and lines[-1].endswith("over 1 article")


def test_format_report_can_hide_and_truncates_the_lists() -> None:
    score = PartScore(fn=15, misses=[f"item {i}" for i in range(15)])
    report = Report(parts={"claims": score})
    assert "missed" not in format_report(report, show_misses=False)
    listed = format_report(report, max_listed=3).splitlines()
    assert "    missed: item 2" in listed and "    missed: ... and 12 more" in listed


@pytest.mark.parametrize("spec, expected", [
    ("claims=0.8", ("claims", 0.8)),
    ("all=0.5", ("all", 0.5)),
    ("quotes=1", ("quotes", 1.0)),
])
def test_min_f1_specs_are_read(spec: str, expected: tuple[str, float]) -> None:
    assert parse_floor(spec) == expected


@pytest.mark.parametrize("spec", ["claims", "claims=high", "claim=0.5", "claims=1.5"])
def test_bad_min_f1_specs_say_what_to_write(spec: str) -> None:
    with pytest.raises(DragomanError, match="--min-f1"):
        parse_floor(spec)


def test_below_floors_lists_each_failing_part() -> None:
    report = score_article(record(entities=CAST[:1]), gold())
    assert below_floors(report, [("persons", 0.6), ("countries", 0.1)]) == ["countries F1 0.000 < 0.1"]
    assert "persons F1 0.667 < 0.9" in below_floors(report, [("all", 0.9)])


# --- gold files ---------------------------------------------------------------------------

@pytest.mark.parametrize("content, message", [
    ('{"persons": [', "line 1, column 14: not valid JSON"),
    ("[]", "one JSON object"),
    ('{"persons": [{"name": "A B", "country": "CHL"}]}', "persons[0] lacks 'role'"),
    ('{"persons": [{"name": "", "country": "CHL", "role": "x"}]}', "persons[0].name"),
    ('{"claims": [' + json.dumps({**GOLD_CLAIM, "period": "2023"}) + "]}", "claims[0].period must be a list"),
    ('{"claims": [' + json.dumps({**GOLD_CLAIM, "value": "2.1 bn"}) + "]}", "claims[0].value must be a number"),
    ('{"events": [{"type": "AGREE", "actors": "CHL"}]}', "events[0].actors"),
    ('{"findings": [{"kind": "discrepancy", "claims": [0, 1]}]}', "findings[0].claims must list indexes"),
    ('{"sectors": ["trade"]}', '"sectors" must be an object'),
    ('{"countries": "CHL"}', '"countries" must be a list'),
])
def test_bad_gold_files_are_named_with_what_is_wrong(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "bad.gold.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(GoldError) as caught:
        load_gold(path)
    assert str(caught.value).startswith(f"{path}: ")
    assert message in str(caught.value)


def test_a_missing_gold_file_is_a_gold_error(tmp_path: Path) -> None:
    with pytest.raises(GoldError, match="cannot read"):
        load_gold(tmp_path / "absent.gold.json")


def test_the_bundled_gold_files_load() -> None:
    assert load_gold(DATA / "harbour_talks.gold.json")["countries"] == ["CHL", "VNM"]


def test_a_directory_yields_every_gold_file_below_it_with_its_article() -> None:
    pairs = find_gold_pairs([DATA])
    assert [(p.article.name, p.gold.name) for p in pairs] == [
        ("grain_call.txt", "grain_call.gold.json"), ("harbour_talks.txt", "harbour_talks.gold.json")]
    assert all(p.article.is_file() for p in pairs)


def test_a_gold_file_given_twice_is_scored_once() -> None:
    assert len(find_gold_pairs([DATA, DATA / "harbour_talks.gold.json"])) == 2


def write_gold(path: Path, article_file: str | None) -> Path:
    article = {"date": "2024-01-01"} if article_file is None else {"file": article_file, "date": "2024-01-01"}
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"article": article}), encoding="utf-8")
    return path


@pytest.mark.parametrize("layout, article_file, expected", [
    ("beside the gold file", "a.txt", "gold/a.txt"),
    ("relative to a folder above the gold file", "seeds/a.txt", "seeds/a.txt"),
    ("X.txt beside X.gold.json when article.file is absent", None, "gold/a.txt"),
    ("X.txt beside X.gold.json when article.file names nothing", "lost.txt", "gold/a.txt"),
])
def test_the_article_of_a_gold_file_is_found(tmp_path: Path, layout: str, article_file: str | None,
                                             expected: str) -> None:
    (tmp_path / expected).parent.mkdir(parents=True, exist_ok=True)
    (tmp_path / expected).write_text("date 2024-01-01 Text.", encoding="utf-8")
    gold_path = write_gold(tmp_path / "gold" / "a.gold.json", article_file)
    [pair] = find_gold_pairs([gold_path])
    assert pair.article.resolve() == (tmp_path / expected).resolve()


def test_an_article_that_cannot_be_found_is_named(tmp_path: Path) -> None:
    gold_path = write_gold(tmp_path / "a.gold.json", "missing.txt")
    with pytest.raises(GoldError, match="cannot find the article: tried article.file 'missing.txt'"):
        find_gold_pairs([gold_path])


def test_no_gold_files_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(DragomanError, match="no gold files"):
        find_gold_pairs([tmp_path])
    with pytest.raises(GoldError, match="no such file"):
        find_gold_pairs([tmp_path / "absent"])


# --- perfect outputs and whole corpora ----------------------------------------------------

def output_from_gold(gold_record: dict[str, Any]) -> dict[str, Any]:
    """A dragoman/1 output that a faithful extractor would give for this gold annotation."""
    entities: list[dict[str, Any]] = []
    ids: dict[str, str] = {}

    def add(key: str, kind: str, name: str, *aliases: str, **fields: Any) -> str:
        if key not in ids:
            ids[key] = f"E{len(entities) + 1}"
            entities.append(entity(ids[key], kind, name, *aliases, **fields))
        return ids[key]

    for code in gold_record.get("countries", []):
        add(code, "country", code, code=code)
    for p in gold_record.get("persons", []):
        add(p["name"], "person", p["name"], *p.get("aliases", []), country=p["country"], roles=(p["role"],))
    for o in gold_record.get("organizations", []):
        add(o["name"], "organization", o["name"], *o.get("aliases", []))
    for place in gold_record.get("places", []):
        add(place["name"], "place", place["name"], country=place.get("country"))

    def actor(name: str) -> str:
        return ids.get(name) or add(name, "country", name, code=name)

    def speaker(wanted: Any) -> str | None:
        for option in wanted if isinstance(wanted, list) else [wanted]:
            if option is None or option == "*":
                return None
            return ids.get(option)
        return None

    quotes = [{"id": f"Q{i + 1}", "speaker": ids.get(q["speaker"]), "kind": q["kind"], "text": q["text"],
               "span": [0, 0], "cue": "said"} for i, q in enumerate(gold_record.get("quotes", []))]
    claims = [{"id": f"C{i + 1}", "metric": c["metric"], "value": c["value"], "qualifier": c["qualifier"],
               "unit": c["unit"], "status": c["status"], "period": c["period"][0], "holder": c["holder"],
               "counterpart": c["counterpart"], "speaker": speaker(c["speaker"]), "span": [0, 0]}
              for i, c in enumerate(gold_record.get("claims", []))]
    events = []
    for i, e in enumerate(gold_record.get("events", [])):
        actors = [actor(a) for a in e["actors"]]
        events.append({"id": f"V{i + 1}", "type": "CONSULT" if e["type"] == "*" else e["type"], "mode": None,
                       "status": e.get("status") or "occurred", "source": actors[:1], "target": actors[1:],
                       "date": e.get("date"), "location": None, "cameo": None, "goldstein": None,
                       "span": [0, 0]})
    sectors = [{"sector": s, "span": [0, 0]} for s in gold_record.get("sectors", {}).get("required", [])]
    findings = [{"kind": f["kind"], "claims": [f"C{i + 1}" for i in f["claims"]], "detail": ""}
                for f in gold_record.get("findings", [])]
    return record(entities=entities, quotes=quotes, claims=claims, events=events, sectors=sectors,
                  findings=findings)


def test_a_faithful_output_scores_one_everywhere_on_the_bundled_gold() -> None:
    for pair in find_gold_pairs([DATA]):
        report = score_article(output_from_gold(load_gold(pair.gold)), load_gold(pair.gold))
        assert {part: report.f1(part) for part in ALL_PARTS} == {part: 1.0 for part in ALL_PARTS}


def test_evaluate_paths_runs_the_extractor_on_every_annotated_article() -> None:
    golds = {pair.article.resolve(): load_gold(pair.gold) for pair in find_gold_pairs([DATA])}
    seen: list[str] = []
    report = evaluate_paths([DATA], lambda article: output_from_gold(golds[article.resolve()]),
                            on_article=lambda pair, _: seen.append(pair.article.name))
    assert seen == ["grain_call.txt", "harbour_talks.txt"]
    assert report.articles == 2 and report.macro_f1 == 1.0


def test_evaluate_paths_accepts_objects_with_to_dict_and_rejects_anything_else() -> None:
    class Wrapped:
        def to_dict(self) -> dict[str, Any]:
            return record()

    assert evaluate_paths([DATA], lambda article: Wrapped()).articles == 2
    with pytest.raises(DragomanError, match="returned list"):
        evaluate_paths([DATA], lambda article: [])


# --- agreement with the reference scorer --------------------------------------------------

needs_shared = pytest.mark.skipif(not (SHARED / "score" / "score.py").is_file(),
                                  reason="the shared reference scorer is not present")

PERIODS = [None, "2022", "2023", "2023-09", "2023-09-11", "2024", "2024-03-05", "2026"]
SECTOR_NAMES = ["trade", "investment", "energy", "defence", "diplomacy", "other", "culture", "finance"]
EVENT_TYPES = ["CONSULT", "AGREE", "SUPPORT", "COOPERATE", "AID", "REJECT"]


def perturb(output: dict[str, Any], rng: random.Random) -> dict[str, Any]:
    """A copy of `output` with random, realistic extraction mistakes."""
    out = copy.deepcopy(output)
    for change in rng.sample(_CHANGES, k=rng.randint(1, 5)):
        change(out, rng)
    return out


def _entity_ids(out: dict[str, Any]) -> list[Any]:
    return [e["id"] for e in out["entities"]] + [None, "E999"]


def _drop_and_shuffle(out: dict[str, Any], rng: random.Random) -> None:
    for key in ("entities", "quotes", "claims", "events", "sectors", "findings"):
        out[key] = [item for item in out[key] if rng.random() > 0.25]
        rng.shuffle(out[key])


def _garble_entities(out: dict[str, Any], rng: random.Random) -> None:
    for e in list(out["entities"]):
        roll = rng.random()
        if roll < 0.15 and e["kind"] == "person":  # split into a second entity
            out["entities"].append({**e, "id": e["id"] + "b", "name": rng.choice(e["aliases"] or [e["name"]]),
                                    "aliases": [], "country": rng.choice([e["country"], None, "FRA"])})
        elif roll < 0.3:
            e["name"] = rng.choice([e["name"].upper(), e["name"].split()[-1], "Somebody Else"])
            e["aliases"] = []
        elif roll < 0.45:
            e["roles"] = rng.sample(["minister", "foreign minister", "prime minister", "deputy foreign minister",
                                     "president", "foreign ministers", ""], k=rng.randint(0, 2))
        elif roll < 0.6:
            e["country"] = rng.choice([None, "FRA", (e["country"] or "x").lower()])
            e["code"] = rng.choice([e["code"], None, (e["code"] or "y").lower()])
        elif roll < 0.7:
            e["kind"] = rng.choice(["person", "country", "organization", "place"])
    out["entities"].append(entity("X1", rng.choice(["person", "country", "organization"]), "Somebody",
                                  code=rng.choice(["FRA", None]), country=rng.choice(["FRA", None])))


def _garble_quotes(out: dict[str, Any], rng: random.Random) -> None:
    for q in out["quotes"]:
        roll = rng.random()
        words = q["text"].split()
        if roll < 0.2:
            q["kind"] = "indirect" if q["kind"] == "direct" else "direct"
        elif roll < 0.45:
            q["text"] = " ".join(words[: max(1, int(len(words) * rng.uniform(0.5, 1.0)))])
        elif roll < 0.6:
            q["text"] = q["text"] + " " + " ".join(rng.sample(["and", "so", "the", "more", "said"], k=2))
        elif roll < 0.75:
            q["speaker"] = rng.choice(_entity_ids(out))
    if out["quotes"]:
        out["quotes"].append(copy.deepcopy(rng.choice(out["quotes"])))


def _garble_claims(out: dict[str, Any], rng: random.Random) -> None:
    for c in out["claims"]:
        field = rng.choice(["value", "parties", "period", "speaker", "metric", "qualifier", "status", None])
        if field == "value":
            c["value"] = rng.choice([c["value"] * rng.uniform(0.985, 1.015), str(c["value"]), None])
        elif field == "parties":
            c["holder"], c["counterpart"] = c["counterpart"], rng.choice([c["holder"], None])
        elif field == "period":
            c["period"] = rng.choice(PERIODS)
        elif field == "speaker":
            c["speaker"] = rng.choice(_entity_ids(out))
        elif field == "metric":
            c["metric"] = rng.choice(["other", "trade_volume", "exports", "investment", "fdi"])
        elif field == "qualifier":
            c["qualifier"] = rng.choice(["exact", "about", "more_than", "at_most"])
        elif field == "status":
            c["status"] = rng.choice(["actual", "target", "forecast"])
    if out["claims"]:
        out["claims"].append({**copy.deepcopy(rng.choice(out["claims"])), "id": "C99"})


def _garble_events(out: dict[str, Any], rng: random.Random) -> None:
    ids = _entity_ids(out)
    for e in out["events"]:
        field = rng.choice(["type", "status", "date", "actors", "location", None])
        if field == "type":
            e["type"] = rng.choice(EVENT_TYPES)
        elif field == "status":
            e["status"] = rng.choice(["occurred", "planned", "intended"])
        elif field == "date":
            e["date"] = rng.choice(PERIODS)
        elif field == "actors":
            e["source"], e["target"] = rng.sample(ids, k=rng.randint(0, 2)), rng.sample(ids, k=rng.randint(0, 2))
        elif field == "location":
            e["location"] = rng.choice(ids)
    if out["events"]:
        out["events"].append(copy.deepcopy(rng.choice(out["events"])))


def _garble_sectors_and_findings(out: dict[str, Any], rng: random.Random) -> None:
    out["sectors"] += [{"sector": s, "span": [0, 0]} for s in rng.sample(SECTOR_NAMES, k=rng.randint(0, 3))]
    for f in out["findings"]:
        roll = rng.random()
        if roll < 0.3:
            f["kind"] = rng.choice(["discrepancy", "target_progress"])
        elif roll < 0.6:
            f["claims"] = f["claims"][:1] + rng.sample(["C1", "C2", "C3", "C4", "C99"], k=rng.randint(0, 2))


_CHANGES = [_drop_and_shuffle, _garble_entities, _garble_quotes, _garble_claims, _garble_events,
            _garble_sectors_and_findings]


def gold_files() -> list[Path]:
    bundled = sorted(DATA.rglob("*.gold.json"))
    seed = SHARED / "gold" / "seed.gold.json"
    return [seed, *bundled] if seed.is_file() else bundled


def outputs_for(gold_record: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Named outputs to score against one gold: faithful, empty, bare, and perturbed ones."""
    faithful = output_from_gold(gold_record)
    named = {"faithful": faithful, "empty": record(), "bare object": {"schema": "dragoman/1"}}
    for seed in (1, 2, 3):
        named[f"perturbed {seed}"] = perturb(faithful, random.Random(seed))
    return named


@pytest.fixture(scope="module")
def reference() -> ModuleType:
    """The reference scorer, imported from the shared folder."""
    spec = importlib.util.spec_from_file_location("shared_score", SHARED / "score" / "score.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def run_reference(pairs: list[tuple[dict[str, Any], Path]], tmp_path: Path) -> tuple[dict[str, Any], str]:
    """Run score.py --json on (output, gold file) pairs; its scores and its macro F1 line."""
    args = []
    for i, (output, gold_path) in enumerate(pairs):
        out_path = tmp_path / f"out{i}.json"
        out_path.write_text(json.dumps(output), encoding="utf-8")
        args += [str(out_path), str(gold_path)]
    done = subprocess.run([sys.executable, str(SHARED / "score" / "score.py"), *args, "--json"],
                          capture_output=True, text=True, timeout=60, check=True)
    scores, end = json.JSONDecoder().raw_decode(done.stdout)
    return scores, done.stdout[end:].strip()


def assert_same_scores(ours: Report, theirs: dict[str, Any], macro_line: str, case: str) -> None:
    for part in ALL_PARTS:
        score = ours.parts[part]
        assert (score.precision, score.recall, score.f1) == pytest.approx(
            (theirs[part]["precision"], theirs[part]["recall"], theirs[part]["f1"]), abs=1e-12), f"{case}: {part}"
    assert macro_line == f"macro F1 {ours.macro_f1:.3f}", case


@needs_shared
@pytest.mark.parametrize("gold_path", gold_files(), ids=lambda p: p.name)
def test_scores_equal_the_reference_scorer_run_as_a_program(gold_path: Path, tmp_path: Path) -> None:
    gold_record = load_gold(gold_path)
    for name, output in outputs_for(gold_record).items():
        theirs, macro_line = run_reference([(output, gold_path)], tmp_path)
        assert_same_scores(score_article(output, gold_record), theirs, macro_line, name)


@needs_shared
def test_summed_scores_equal_the_reference_scorer_over_several_pairs(tmp_path: Path) -> None:
    pairs, reports = [], []
    for gold_path in gold_files():
        gold_record = load_gold(gold_path)
        for output in outputs_for(gold_record).values():
            pairs.append((output, gold_path))
            reports.append(score_article(output, gold_record))
    theirs, macro_line = run_reference(pairs, tmp_path)
    assert_same_scores(merge(reports), theirs, macro_line, "all pairs")


@needs_shared
@pytest.mark.parametrize("gold_path", gold_files(), ids=lambda p: p.name)
def test_counts_equal_the_reference_scorer_on_many_perturbed_outputs(gold_path: Path,
                                                                     reference: ModuleType) -> None:
    gold_record = load_gold(gold_path)
    faithful = output_from_gold(gold_record)
    for seed in range(200):
        output = perturb(faithful, random.Random(seed))
        tallies: dict[str, Any] = defaultdict(reference.Tally)
        reference.score_pair(output, gold_record, tallies)
        ours = score_article(output, gold_record)
        theirs = {part: (tallies[part].tp, tallies[part].fp, tallies[part].fn) for part in PARTS}
        assert {part: counts(ours, part) for part in PARTS} == theirs, f"seed {seed}"


ODD_CASES = [
    ("an entity without an id stands in for a null speaker",
     record(entities=[{"kind": "person", "name": "Elena Marquez"}], quotes=[quote(None, "direct", SAID)]),
     gold(quotes=[gold_quote("Elena Marquéz", "direct", SAID)])),
    ("a gold person listed twice under one name",
     record(entities=CAST), gold(persons=[MARQUEZ, {**MARQUEZ, "country": "VNM", "aliases": []}])),
    ("sections given as null",
     {"schema": "dragoman/1", "entities": None, "quotes": None, "claims": None, "events": None,
      "sectors": None, "findings": None}, gold(claims=[GOLD_CLAIM], events=[GOLD_EVENT])),
    ("a gold annotation with no sections", record(entities=CAST, claims=[claim()]), {}),
    ("a person without a country is covered by a country entity without a code",
     record(entities=[entity("E1", "country", "Somewhere"), *CAST[1:2]], events=[event(["E1"], ["E2"])]),
     gold(persons=[{**MARQUEZ, "country": None}, TRAN], events=[GOLD_EVENT])),
    ("claims of metric other, '*' among speaker alternatives, an optional finding",
     record(entities=CAST, claims=[claim("C1", speaker="E2"), claim("C2", metric="other")],
            findings=[finding("discrepancy", ["C1"])]),
     gold(claims=[{**GOLD_CLAIM, "speaker": ["Tran Van Long", "*"]}, {**GOLD_CLAIM, "metric": "other"}],
          findings=[{"kind": "discrepancy", "claims": [0], "required": False},
                    {"kind": "discrepancy", "claims": [1]}])),
    ("an organisation as the only actor of an event of any type",
     record(entities=CAST, events=[event([], [], location="E5", type="REJECT", status="planned")]),
     gold(events=[{"type": "*", "actors": ["APEC"], "status": None, "date": None}])),
]


@needs_shared
@pytest.mark.parametrize("description, output, gold_record", ODD_CASES, ids=[c[0] for c in ODD_CASES])
def test_counts_equal_the_reference_scorer_on_odd_inputs(description: str, output: dict[str, Any],
                                                         gold_record: dict[str, Any],
                                                         reference: ModuleType) -> None:
    tallies: dict[str, Any] = defaultdict(reference.Tally)
    reference.score_pair(output, gold_record, tallies)
    theirs = {part: (tallies[part].tp, tallies[part].fp, tallies[part].fn) for part in PARTS}
    assert {part: counts(score_article(output, gold_record), part) for part in PARTS} == theirs
