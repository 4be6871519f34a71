"""Score one `dragoman/1` output against one gold annotation, part by part.

The rules are those of `shared/gold/README.md` and agree count for count (tp,
fp, fn per part) with the reference scorer `shared/score/score.py`, including
its corner cases: a gold claim with metric "other" is still expected (only
output claims with metric "other" are set aside), and an optional gold finding
that is met counts as found.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from dragoman.evaluation.matching import (
    EntityLookup,
    entity_country,
    entity_forms,
    has_words,
    is_required,
    items,
    match_greedy,
    normalise_name,
    outcomes,
    token_f1,
)
from dragoman.evaluation.report import PartScore, Report, empty_parts

#: A quote matches when the token F1 of its text against the gold text reaches this.
QUOTE_MIN_TOKEN_F1 = 0.8
#: A claimed value matches within this share of the gold value (0.01 = 1 %).
VALUE_TOLERANCE = 0.01
#: Longest piece of a quote shown in a miss or extra line, in characters.
_SHOWN_CHARS = 70

Record = dict[str, Any]


def score_article(output: Record, gold: Record) -> Report:
    """Compare one extraction (a `dragoman/1` dict) with the gold annotation of the same article.

    gold: a dict in the gold format, as `load_gold` returns it. Returns a Report
    with a PartScore for every part in `ALL_PARTS`.
    """
    lookup = EntityLookup(output, gold)
    parts = empty_parts()
    _score_persons(lookup, output, parts)
    _score_countries(output, gold, parts["countries"])
    _score_organizations(lookup, output, parts["organizations"])
    _score_quotes(lookup, output, gold, parts)
    claim_ids = _score_claims(lookup, output, gold, parts["claims"])
    _score_events(lookup, output, gold, parts["events"])
    _score_sectors(output, gold, parts["sectors"])
    _score_findings(output, gold, claim_ids, parts["findings"])
    direct, indirect = parts["quotes_direct"], parts["quotes_indirect"]
    parts["quotes"] = PartScore(direct.tp + indirect.tp, direct.fp + indirect.fp, direct.fn + indirect.fn)
    return Report(parts=parts, articles=1)


def _tally(score: PartScore, results: Iterable[tuple[Record, bool]], extras: Iterable[Record],
           gold_label: Callable[[Record], str], output_label: Callable[[Record], str]) -> None:
    """Count paired required gold items as tp, unpaired ones as fn, `extras` as fp.
    Optional gold items count neither way, whether paired or not."""
    for gold_item, found in results:
        if not is_required(gold_item):
            continue
        if found:
            score.hit()
        else:
            score.miss(gold_label(gold_item))
    for output_item in extras:
        score.extra(output_label(output_item))


# --- entities -----------------------------------------------------------------------------

def _score_persons(lookup: EntityLookup, output: Record, parts: dict[str, PartScore]) -> None:
    """persons: found by name; person_country, person_role, person_merge: judged on the hits."""
    persons = [e for e in items(output, "entities") if e.get("kind") == "person"]
    claimed: set[int] = set()
    for name, person in lookup.persons.items():
        forms = lookup.person_forms[name]
        hits = [i for i, entity in enumerate(persons) if entity_forms(entity) & forms]
        if not hits:
            parts["persons"].miss(name)
            for part in ("person_country", "person_role", "person_merge"):
                parts[part].miss(f"{name}: not found")
            continue
        parts["persons"].hit()
        claimed.update(hits)
        _judge_person(name, person, [persons[i] for i in hits], parts)
    for i, entity in enumerate(persons):
        if i not in claimed:
            parts["persons"].extra(str(entity.get("name")))


def _judge_person(name: str, person: Record, hits: list[Record], parts: dict[str, PartScore]) -> None:
    """Country of the first matching entity; role of any of them; one entity, not several."""
    country = entity_country(hits[0])
    if country == person["country"]:
        parts["person_country"].hit()
    else:
        parts["person_country"].miss(f"{name}: {country} instead of {person['country']}")
    roles = {normalise_name(role) for entity in hits for role in items(entity, "roles")}
    wanted = normalise_name(person["role"])
    if any(role and (has_words(role, wanted) or has_words(wanted, role)) for role in roles):
        parts["person_role"].hit()
    else:
        parts["person_role"].miss(f"{name}: roles {sorted(roles)}, wanted {wanted!r}")
    if len(hits) == 1:
        parts["person_merge"].hit()
    else:
        parts["person_merge"].miss(f"{name}: split into {len(hits)} entities")


def _score_countries(output: Record, gold: Record, score: PartScore) -> None:
    """The set of country codes output, against the gold list (precision and recall)."""
    found = {entity_country(e) for e in items(output, "entities") if e.get("kind") == "country"} - {None}
    wanted = set(items(gold, "countries"))
    score.hit(len(found & wanted))
    for code in sorted(wanted - found):
        score.miss(code)
    for code in sorted(found - wanted, key=str):
        score.extra(str(code))


def _score_organizations(lookup: EntityLookup, output: Record, score: PartScore) -> None:
    """Recall only: an article may name organisations the gold leaves out."""
    organizations = [e for e in items(output, "entities") if e.get("kind") == "organization"]
    for name, forms in lookup.org_forms.items():
        if any(entity_forms(e) & forms for e in organizations):
            score.hit()
        else:
            score.miss(name)


# --- quotes, claims, events ---------------------------------------------------------------

def _score_quotes(lookup: EntityLookup, output: Record, gold: Record, parts: dict[str, PartScore]) -> None:
    """One-to-one on speaker, kind and token F1 >= QUOTE_MIN_TOKEN_F1; the best text wins."""
    golds, outputs = items(gold, "quotes"), items(output, "quotes")

    def similarity(gold_quote: Record, quote: Record) -> float:
        if quote.get("kind") != gold_quote["kind"]:
            return 0.0
        if not lookup.stands_for(quote.get("speaker"), gold_quote["speaker"]):
            return 0.0
        overlap = token_f1(quote.get("text", ""), gold_quote["text"])
        return overlap if overlap >= QUOTE_MIN_TOKEN_F1 else 0.0

    def output_label(quote: Record) -> str:
        return f"{lookup.name_of(quote.get('speaker'))}: {str(quote.get('text', ''))[:_SHOWN_CHARS]}"

    pairs, unpaired = match_greedy(golds, outputs, similarity)
    for kind in ("direct", "indirect"):
        of_kind = [(i, g) for i, g in enumerate(golds) if g["kind"] == kind]
        extras = [outputs[i] for i in unpaired if outputs[i].get("kind") == kind]
        _tally(parts[f"quotes_{kind}"], outcomes(of_kind, pairs), extras, _quote_label, output_label)


def _quote_label(quote: Record) -> str:
    return f"{quote['speaker']}: {str(quote['text'])[:_SHOWN_CHARS]}"


def _score_claims(lookup: EntityLookup, output: Record, gold: Record, score: PartScore) -> dict[int, Any]:
    """One-to-one on every field; returns {gold claim index: id of the output claim paired}."""
    golds = items(gold, "claims")
    outputs = [c for c in items(output, "claims") if c.get("metric") != "other"]
    pairs, unpaired = match_greedy(golds, outputs, lambda g, c: float(_claim_matches(lookup, g, c)))
    _tally(score, outcomes(enumerate(golds), pairs), [outputs[i] for i in unpaired],
           lambda g: _claim_label(g, g["speaker"]),
           lambda c: _claim_label(c, lookup.name_of(c.get("speaker")) or c.get("speaker")))
    return {gi: outputs[oi].get("id") for gi, oi in pairs.items()}


def _claim_matches(lookup: EntityLookup, gold_claim: Record, claim: Record) -> bool:
    if any(claim.get(key) != gold_claim[key] for key in ("metric", "status", "qualifier", "unit")):
        return False
    try:
        value = float(claim.get("value"))  # type: ignore[arg-type]
    except (TypeError, ValueError, OverflowError):
        return False
    if abs(value - gold_claim["value"]) > VALUE_TOLERANCE * abs(gold_claim["value"]):
        return False
    if not _same_parties(gold_claim, claim):
        return False
    if claim.get("period") not in gold_claim["period"]:
        return False
    return lookup.speaker_matches(claim.get("speaker"), gold_claim["speaker"])


def _same_parties(gold_claim: Record, claim: Record) -> bool:
    """Holder and counterpart in order; either order for the symmetric trade_volume."""
    ours = [claim.get("holder"), claim.get("counterpart")]
    theirs = [gold_claim["holder"], gold_claim["counterpart"]]
    if gold_claim["metric"] == "trade_volume":
        return sorted(map(str, ours)) == sorted(map(str, theirs))
    return ours == theirs


def _claim_label(claim: Record, speaker: Any) -> str:
    return (f"{claim.get('metric')} {claim.get('qualifier')} {claim.get('value')} {claim.get('unit')} "
            f"{claim.get('status')} {claim.get('holder')}/{claim.get('counterpart')} "
            f"period {claim.get('period')} by {speaker}")


def _score_events(lookup: EntityLookup, output: Record, gold: Record, score: PartScore) -> None:
    """One-to-one on type, status and date (when the gold gives them) and actors."""
    golds, outputs = items(gold, "events"), items(output, "events")

    def output_label(event: Record) -> str:
        names = [lookup.name_of(i) for i in items(event, "source") + items(event, "target")]
        return f"{event.get('type')} {names} {event.get('date')} {event.get('status')}"

    pairs, unpaired = match_greedy(golds, outputs, lambda g, e: float(_event_matches(lookup, g, e)))
    _tally(score, outcomes(enumerate(golds), pairs), [outputs[i] for i in unpaired],
           _event_label, output_label)


def _event_matches(lookup: EntityLookup, gold_event: Record, event: Record) -> bool:
    if gold_event["type"] != "*" and event.get("type") != gold_event["type"]:
        return False
    for key in ("status", "date"):
        if gold_event.get(key) and event.get(key) != gold_event[key]:
            return False
    participants = items(event, "source") + items(event, "target") + [event.get("location")]
    return all(lookup.actor_satisfied(participants, actor) for actor in gold_event["actors"])


def _event_label(event: Record) -> str:
    note = f" ({event['note']})" if event.get("note") else ""
    return f"{event['type']} {event['actors']} {event.get('status')} {event.get('date')}{note}"


# --- sectors, findings --------------------------------------------------------------------

def _score_sectors(output: Record, gold: Record, score: PartScore) -> None:
    """Recall against `required`; precision against `required` + `allowed`."""
    found = {s.get("sector") for s in items(output, "sectors")}
    spec = gold.get("sectors") or {}
    required = set(items(spec, "required"))
    allowed = required | set(items(spec, "allowed"))
    score.hit(len(found & required))
    for sector in sorted(required - found):
        score.miss(sector)
    for sector in sorted(found - allowed, key=str):
        score.extra(str(sector))


def _score_findings(output: Record, gold: Record, claim_ids: dict[int, Any], score: PartScore) -> None:
    """A gold finding is met by an output finding of its kind naming all the output claims
    paired with its gold claims. Findings are recall only (no fp); a met optional finding
    counts as found, as in the reference scorer."""
    found = items(output, "findings")
    for finding in items(gold, "findings"):
        wanted = {claim_ids.get(i) for i in finding["claims"]}
        met = None not in wanted and any(
            f.get("kind") == finding["kind"] and wanted <= set(items(f, "claims")) for f in found)
        if met:
            score.hit()
        elif is_required(finding):
            score.miss(f"{finding['kind']} over gold claims {finding['claims']}")
