"""Peer benchmark: dragoman's events against PETRARCH-2's validation codings.

`../shared/peers/PETR2_GSR_validation.xml` (openeventdata/UniversalPetrarch, MIT)
holds 78 news sentences with the CAMEO codings PETRARCH-2's maintainers hold correct.
For each coding (eventcode, sourcecode, targetcode) this asks whether dragoman, run on
the sentence with its date, produces an event with the same CAMEO root (first two
digits) between the same countries (first three letters of the actor codes), and
counts the events dragoman adds that the file does not hold.

Actor codes: a country code ("USA", "USAGOV" -> "USA"); "IGO..." for international
organisations (dragoman: an organisation entity with no country); "---" for an actor
PETRARCH leaves without a country (matches anything). A dragoman event gives
(source country, target country) pairs: every source with every target; with no
target, its location's country; with several sources of different countries and no
target ("Russia and the US met"), every ordered pair of them.

    .venv/bin/python -m benchmarks.petrarch [--xml PATH] [--json] [--list]

The file is read from `../shared` at run time and never copied into the project. It
is not well-formed XML (its `<Sentence .../>` tags close themselves, then
`</Sentence>` follows), so each record is cut out first and its tags are parsed one
by one with ElementTree. Exits 0 (also when the file is absent: the benchmark is
skipped with a message on stderr).
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import xml.etree.ElementTree as ET
from collections import Counter, defaultdict
from dataclasses import asdict, dataclass, field
from itertools import product
from pathlib import Path

DEFAULT_XML = Path(__file__).resolve().parents[2] / "shared" / "peers" / "PETR2_GSR_validation.xml"
UNKNOWN = "---"
_RECORD = re.compile(r"<Sentence\b([^>]*?)/?>(.*?)</Sentence>", re.S)
_CODING = re.compile(r"<EventCoding\b[^>]*/>")
_TEXT = re.compile(r"<Text>(.*?)</Text>", re.S)


@dataclass(frozen=True)
class Coding:
    """One CAMEO coding: root = first two digits of the event code; source/target = the
    first three letters of the actor codes ("---" when PETRARCH names no country)."""

    code: str
    root: str
    source: str
    target: str


@dataclass
class Record:
    """One validation sentence: id, date ("YYYY-MM-DD" or None), text, gold codings."""

    id: str
    date: str | None
    text: str
    codings: list[Coding] = field(default_factory=list)


@dataclass
class Outcome:
    """What dragoman made of one record: its events (root, country pairs, code, trigger),
    per gold coding whether it was reproduced and whether its root was found, and how many
    events match no coding (extra)."""

    id: str
    gold: list[Coding]
    events: list[dict]
    reproduced: list[bool]
    root_only: list[bool]
    extra: int


def _iso(value: str | None) -> str | None:
    if value and re.fullmatch(r"\d{8}", value):
        return f"{value[:4]}-{value[4:6]}-{value[6:]}"
    return None


def read_records(path: Path) -> list[Record]:
    """The validation records of the PETR-2 file, in file order."""
    raw = path.read_text(encoding="utf-8")
    records = []
    for match in _RECORD.finditer(raw):
        attrs = ET.fromstring(f"<Sentence{match.group(1)}/>").attrib
        body = match.group(2)
        text_match = _TEXT.search(body)
        text = " ".join(text_match.group(1).split()) if text_match else ""
        record = Record(attrs.get("id", "?"), _iso(attrs.get("date")), text)
        for tag in _CODING.findall(body):
            coding = ET.fromstring(tag).attrib
            code = coding.get("eventcode")
            if code:  # an empty <EventCoding/> means: nothing codable here
                record.codings.append(Coding(code, code[:2], (coding.get("sourcecode") or UNKNOWN)[:3],
                                             (coding.get("targetcode") or UNKNOWN)[:3]))
        records.append(record)
    return records


def actor_code(entity: dict) -> str | None:
    """The country of an output entity, "IGO" for an organisation with no country."""
    if entity.get("kind") == "country":
        return entity.get("code")
    if entity.get("country"):
        return entity["country"]
    return "IGO" if entity.get("kind") == "organization" else None


def event_pairs(event: dict, entities: dict[str, dict]) -> set[tuple[str, str]]:
    """(source country, target country) pairs of one output event (see the module doc)."""
    def codes(ids: list[str]) -> list[str]:
        out = [actor_code(entities[i]) for i in ids if i in entities]
        return list(dict.fromkeys(c for c in out if c))

    sources, targets = codes(event.get("source") or []), codes(event.get("target") or [])
    if not targets and event.get("location") in entities:
        targets = codes([event["location"]])
    if not targets and len(sources) > 1:
        return {(a, b) for a, b in product(sources, sources) if a != b}
    return set(product(sources or [UNKNOWN], targets or [UNKNOWN]))


def _actor_match(gold: str, ours: str) -> bool:
    return gold == UNKNOWN or gold == ours


def score_record(record: Record, extraction: dict) -> Outcome:
    entities = {e["id"]: e for e in extraction.get("entities", [])}
    ours = []
    for ev in extraction.get("events", []):
        root = (ev.get("cameo") or "")[:2]
        ours.append((root, event_pairs(ev, entities), ev))
    reproduced, root_only = [], []
    used: set[int] = set()
    for coding in record.codings:
        hit = next((n for n, (root, pairs, _) in enumerate(ours) if root == coding.root and any(
            _actor_match(coding.source, s) and _actor_match(coding.target, t) for s, t in pairs)), None)
        reproduced.append(hit is not None)
        root_only.append(any(root == coding.root for root, _, _ in ours))
        if hit is not None:
            used.add(hit)
    # an event matching any coding on its root and actors is not extra
    for n, (root, pairs, _) in enumerate(ours):
        if any(root == c.root and any(_actor_match(c.source, s) and _actor_match(c.target, t)
                                      for s, t in pairs) for c in record.codings):
            used.add(n)
    events = [{"root": root, "pairs": sorted(pairs), "type": ev.get("type"), "cameo": ev.get("cameo"),
               "trigger": ev.get("trigger")} for root, pairs, ev in ours]
    return Outcome(record.id, record.codings, events, reproduced, root_only, len(ours) - len(used))


def run(records: list[Record]) -> list[Outcome]:
    """Extract every record's sentence with dragoman and score it."""
    from dragoman.extraction import Extractor
    from dragoman.model import Article

    extractor = Extractor()
    articles = [Article(id=r.id, text=r.text, date=r.date) for r in records]
    return [score_record(r, x.to_dict()) for r, x in zip(records, extractor.extract_many(articles))]


def summarise(records: list[Record], outcomes: list[Outcome]) -> dict:
    codings = sum(len(o.gold) for o in outcomes)
    reproduced = sum(sum(o.reproduced) for o in outcomes)
    root_only = sum(sum(r and not p for r, p in zip(o.root_only, o.reproduced)) for o in outcomes)
    per_root: dict[str, dict] = defaultdict(lambda: {"codings": 0, "reproduced": 0, "root_only": 0,
                                                      "ours": Counter()})
    for o in outcomes:
        our_roots = Counter(e["root"] for e in o.events)
        for coding, rep, root in zip(o.gold, o.reproduced, o.root_only):
            row = per_root[coding.root]
            row["codings"] += 1
            row["reproduced"] += rep
            row["root_only"] += root and not rep
            row["ours"].update(our_roots or Counter({"none": 1}))
    return {
        "records": len(records),
        "records_with_codings": sum(1 for r in records if r.codings),
        "codings": codings,
        "reproduced": reproduced,
        "reproduced_share": round(reproduced / codings, 3) if codings else None,
        "root_only": root_only,
        "root_share": round((reproduced + root_only) / codings, 3) if codings else None,
        "our_events": sum(len(o.events) for o in outcomes),
        "extra_events": sum(o.extra for o in outcomes),
        "extra_in_uncodable_records": sum(len(o.events) for o in outcomes if not o.gold),
        "per_root": {root: {**{k: v for k, v in row.items() if k != "ours"},
                            "ours": dict(row["ours"].most_common())}
                     for root, row in sorted(per_root.items())},
    }


def print_report(summary: dict, outcomes: list[Outcome], listing: bool) -> None:
    s = summary
    print(f"PETR-2 validation: {s['records']} sentences, {s['records_with_codings']} with codings, "
          f"{s['codings']} codings")
    print(f"reproduced (CAMEO root + source + target): {s['reproduced']}/{s['codings']} "
          f"= {s['reproduced_share']:.1%}")
    print(f"CAMEO root only (actors differ):           {s['root_only']}")
    print(f"root found at all:                          {s['root_share']:.1%}")
    print(f"dragoman events: {s['our_events']}, extra (match no coding): {s['extra_events']} "
          f"(of which in sentences PETRARCH leaves uncoded: {s['extra_in_uncodable_records']})")
    print("\nper gold root: codings, reproduced, root only; roots dragoman gave in those sentences")
    for root, row in s["per_root"].items():
        ours = ", ".join(f"{k}:{v}" for k, v in row["ours"].items())
        print(f"  {root}  {row['codings']:3} {row['reproduced']:3} {row['root_only']:3}   {ours}")
    if listing:
        print()
        for o in outcomes:
            gold = "; ".join(f"{c.code} {c.source}>{c.target}{' ok' if r else ''}"
                             for c, r in zip(o.gold, o.reproduced)) or "(none)"
            ours = "; ".join(f"{e['cameo']} {e['trigger']} {e['pairs']}" for e in o.events) or "(none)"
            print(f"{o.id:18} gold: {gold}\n{'':18} ours: {ours}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--xml", type=Path, default=DEFAULT_XML, help="the PETR-2 validation file")
    parser.add_argument("--json", action="store_true", help="print the summary as JSON")
    parser.add_argument("--list", action="store_true", help="list every sentence's codings")
    args = parser.parse_args(argv)
    if not args.xml.is_file():
        print(f"skipped: {args.xml} not found (the benchmark reads ../shared/peers at run time)",
              file=sys.stderr)
        return 0
    records = read_records(args.xml)
    outcomes = run(records)
    summary = summarise(records, outcomes)
    if args.json:
        if args.list:
            summary["records_detail"] = [{**asdict(o), "gold": [asdict(c) for c in o.gold]}
                                         for o in outcomes]
        print(json.dumps(summary, indent=1))
    else:
        print_report(summary, outcomes, args.list)
    return 0


if __name__ == "__main__":
    sys.exit(main())
