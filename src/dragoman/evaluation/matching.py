"""The matching primitives of the gold format (`shared/gold/README.md`).

Names compare after normalisation (case, accents, punctuation ignored); an
output entity "stands for" a gold person or organisation when any of its forms
equals any of theirs; a gold actor written as an alpha-3 code is satisfied by
any entity of that country. Gold and output items are paired one-to-one by a
greedy pass that serves required gold items first.

Everything here is pure: functions of one output dict and one gold dict.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from typing import Any

_NON_ALNUM = re.compile(r"[^a-z0-9]+")
_ALPHA3 = re.compile(r"[A-Z]{3}")


def normalise_name(text: str | None) -> str:
    """Fold a name or text for comparison: "Türkiye's" -> "turkiye s".

    NFKD decomposition, combining marks dropped, the Turkish dotless "ı" read as
    "i", lower case, every run of characters outside a-z0-9 made one space.
    """
    if not text:
        return ""
    decomposed = unicodedata.normalize("NFKD", str(text))
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _NON_ALNUM.sub(" ", bare.replace("ı", "i").lower()).strip()


def token_f1(candidate: str, reference: str) -> float:
    """Token-overlap F1 (0..1) of two texts after `normalise_name`, counting repeats."""
    ours, theirs = Counter(normalise_name(candidate).split()), Counter(normalise_name(reference).split())
    common = sum((ours & theirs).values())
    if not common:
        return 0.0
    precision, recall = common / sum(ours.values()), common / sum(theirs.values())
    return 2 * precision * recall / (precision + recall)


def items(record: dict[str, Any], key: str) -> list[Any]:
    """The list under `key`, or [] when it is missing or null."""
    return list(record.get(key) or [])


def is_required(gold_item: dict[str, Any]) -> bool:
    """Gold items are required unless they say `"required": false`."""
    return bool(gold_item.get("required", True))


def entity_forms(entity: dict[str, Any]) -> set[str]:
    """Normalised name and aliases of an output entity (or a gold person/organisation)."""
    return {normalise_name(entity.get("name"))} | {normalise_name(a) for a in items(entity, "aliases")}


def entity_country(entity: dict[str, Any] | None) -> str | None:
    """The alpha-3 an output entity stands for (a country) or belongs to (anyone else)."""
    if not entity:
        return None
    raw = entity.get("code") if entity.get("kind") == "country" else entity.get("country")
    return (raw or "").upper() or None


def has_words(outer: str, inner: str) -> bool:
    """Whether normalised `inner` occurs in normalised `outer` as whole words."""
    return f" {inner} " in f" {outer} "


class EntityLookup:
    """Answers "does output entity X stand for gold name Y?" for one output/gold pair.

    Gold persons and organisations are keyed by their `name` (a later duplicate
    replaces an earlier one); any other gold name (a country code, a place)
    compares with the entity's `name` only.
    """

    def __init__(self, output: dict[str, Any], gold: dict[str, Any]) -> None:
        self.entities: dict[Any, dict[str, Any]] = {e.get("id"): e for e in items(output, "entities")}
        self.persons: dict[str, dict[str, Any]] = {p["name"]: p for p in items(gold, "persons")}
        self.person_forms = {name: entity_forms(p) for name, p in self.persons.items()}
        self.org_forms = {o["name"]: entity_forms(o) for o in items(gold, "organizations")}

    def name_of(self, entity_id: Any) -> str | None:
        """The output entity's name, for messages."""
        return self.entities.get(entity_id, {}).get("name")

    def stands_for(self, entity_id: Any, gold_name: str) -> bool:
        """Whether output entity `entity_id` is the gold person, organisation or name `gold_name`."""
        entity = self.entities.get(entity_id)
        if not entity:
            return False
        for forms in (self.person_forms, self.org_forms):
            if gold_name in forms:
                return bool(entity_forms(entity) & forms[gold_name])
        return normalise_name(entity.get("name")) == normalise_name(gold_name)

    def speaker_matches(self, entity_id: Any, gold_speaker: Any) -> bool:
        """Gold speaker rules: a name; None = the article itself (output must be None too);
        "*" = anyone or no one; a list = any of these alternatives."""
        alternatives = gold_speaker if isinstance(gold_speaker, list) else [gold_speaker]
        for wanted in alternatives:
            if wanted == "*":
                return True
            if wanted is None and entity_id is None:
                return True
            if wanted is not None and self.stands_for(entity_id, wanted):
                return True
        return False

    def actor_satisfied(self, entity_ids: Sequence[Any], gold_actor: str) -> bool:
        """Whether an event's participants cover `gold_actor`.

        A country (alpha-3) is covered by its own entity or by anyone affiliated
        with it; a person by their entity or by the entity of their country; an
        organisation or other name by its entity.
        """
        if _ALPHA3.fullmatch(gold_actor):
            return any(entity_country(self.entities.get(i)) == gold_actor for i in entity_ids)
        if any(self.stands_for(i, gold_actor) for i in entity_ids):
            return True
        person = self.persons.get(gold_actor)
        if person is None:
            return False
        home = person.get("country")
        return any(self._is_country(i) and entity_country(self.entities[i]) == home for i in entity_ids)

    def _is_country(self, entity_id: Any) -> bool:
        return self.entities.get(entity_id, {}).get("kind") == "country"


Similarity = Callable[[dict[str, Any], dict[str, Any]], float]


def match_greedy(golds: Sequence[dict[str, Any]], outputs: Sequence[dict[str, Any]],
                 similarity: Similarity) -> tuple[dict[int, int], list[int]]:
    """Pair gold items with output items one-to-one.

    Required gold items choose first (then optional ones), each in file order;
    each takes the free output item of highest `similarity` (> 0; ties go to the
    earliest output). Returns {gold index: output index} and the indexes of the
    output items left unpaired, ascending.
    """
    order = sorted(range(len(golds)), key=lambda i: not is_required(golds[i]))
    pairs: dict[int, int] = {}
    taken: set[int] = set()
    for gi in order:
        best, best_score = None, 0.0
        for oi, output in enumerate(outputs):
            if oi in taken:
                continue
            score = float(similarity(golds[gi], output))
            if score > best_score:
                best, best_score = oi, score
        if best is not None:
            pairs[gi] = best
            taken.add(best)
    return pairs, [oi for oi in range(len(outputs)) if oi not in taken]


def outcomes(golds: Iterable[tuple[int, dict[str, Any]]],
             pairs: dict[int, int]) -> list[tuple[dict[str, Any], bool]]:
    """(gold item, was it paired) for the given (index, gold item)s."""
    return [(gold, gi in pairs) for gi, gold in golds]
