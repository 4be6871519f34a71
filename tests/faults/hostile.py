"""A knowledge base of made-up articles whose every field a page may show is hostile:
markup in the text, names, aliases, roles, quotes, cues, triggers, findings, title,
source, URL and even the article id. Built as extractions (no spaCy), so it can be
stored in SQLite and PostgreSQL alike."""
from __future__ import annotations

from dragoman.model import Article, Claim, Entity, Event, Extraction, Finding, Quote

VERSION = "dragoman fault-test"
# What must never reach a page as markup. Each is unique, so a test can find it.
SCRIPT = "<script>alert('{}')</script>"
ATTRIBUTE = "\"><img src=x onerror=alert('{}')>"
TEMPLATE = "{{{{7*7}}}}{}"


def hostile(where: str) -> str:
    """A string that is markup three ways (a script, a broken-out attribute, a template
    expression), labelled with where it goes."""
    return f"{SCRIPT.format(where)} {ATTRIBUTE.format(where)} {TEMPLATE.format(where)}"


class Text:
    """An article body written piece by piece; `add` returns the span of what it wrote."""

    def __init__(self) -> None:
        self.parts: list[str] = []

    def add(self, words: str) -> tuple[int, int]:
        start = sum(map(len, self.parts))
        self.parts.append(words)
        return start, start + len(words)

    def __str__(self) -> str:
        return "".join(self.parts)


ARTICLE_ID = "x\"><script>alert('id')</script>"
PERSON = "Ana " + ATTRIBUTE.format("person") + " Duarte"
ORG = SCRIPT.format("org") + " Council"


def hostile_extraction() -> Extraction:
    """Chile and Morocco meet; a person, an organization and a place with hostile names
    say and claim things in hostile words."""
    t = Text()
    chile = t.add("Chile")
    t.add(" and ")
    morocco = t.add("Morocco")
    t.add(" met. ")
    person = t.add(PERSON)
    t.add(" of ")
    org = t.add(ORG)
    t.add(' said: "')
    said = t.add(hostile("quote"))
    t.add('". Trade reached ')
    figure = t.add("$2 billion")
    t.add(" and should reach ")
    target = t.add("$4 billion")
    t.add(" by 2030, in ")
    place = t.add(SCRIPT.format("place") + "ville")
    t.add(". ")
    met = t.add("The ministers met " + hostile("event") + ".")
    t.add(" " + hostile("text"))
    entities = [
        Entity("E1", "country", "Chile", code="CHL", mentions=[chile]),
        Entity("E2", "country", "Morocco", code="MAR", mentions=[morocco]),
        Entity("E3", "person", PERSON, aliases=[SCRIPT.format("alias")], country="CHL",
               roles=[hostile("role")], mentions=[person]),
        Entity("E4", "organization", ORG, country="CHL", mentions=[org]),
        Entity("E5", "place", SCRIPT.format("place") + "ville", country="MAR", mentions=[place]),
    ]
    quotes = [Quote("Q1", "E3", "direct", hostile("quote"), said, cue=hostile("cue"))]
    claims = [Claim("C1", "trade_volume", 2e9, "exact", "USD", "actual", "2023", "CHL", "MAR",
                    "E3", figure),
              Claim("C2", "trade_volume", 4e9, "exact", "USD", "target", "2030", "CHL", "MAR",
                    "E3", target)]
    events = [Event("V1", "CONSULT", "occurred", met, mode=SCRIPT.format("mode"), source=["E1"],
                    target=["E2"], date="2024-04-02", location="E5", cameo="040", goldstein=1.0,
                    trigger=hostile("trigger"))]
    findings = [Finding("target_progress", ["C1", "C2"], hostile("finding"), 0.5)]
    article = Article(ARTICLE_ID, str(t), "2024-04-03", source=hostile("source"),
                      title=hostile("title"), url="javascript:alert('url')",
                      path="/faults/hostile.txt")
    return Extraction(article, entities, quotes, claims, events, findings=findings,
                      extractor=VERSION)


def plain_extraction() -> Extraction:
    """An ordinary article about the same pair, so that filters have something to find."""
    t = Text()
    chile = t.add("Chile")
    t.add(" and ")
    morocco = t.add("Morocco")
    t.add(" signed a fisheries accord in Rabat on Monday.")
    entities = [Entity("E1", "country", "Chile", code="CHL", mentions=[chile]),
                Entity("E2", "country", "Morocco", code="MAR", mentions=[morocco])]
    events = [Event("V1", "AGREE", "occurred", (0, len(str(t))), source=["E1"], target=["E2"],
                    date="2024-05-06", cameo="057", goldstein=8.0, trigger="signed")]
    article = Article("plain", str(t), "2024-05-07", title="Fisheries accord",
                      path="/faults/plain.txt")
    return Extraction(article, entities, [], [], events, extractor=VERSION)


def all_extractions() -> list[Extraction]:
    return [hostile_extraction(), plain_extraction()]
