"""Made-up articles for the web tests, built as extractions (fast, no spaCy).

`hostile_article` has a `<script>` in its text and an over-long name; `chatty_article`
has one speaker quoted QUOTES times (paging); `trade_article` has a trade figure and
a target. Every name and figure here is invented.
"""
from __future__ import annotations

from dragoman.model import Article, Claim, Entity, Event, Extraction, Quote

VERSION = "dragoman web-test"
QUOTES = 500
LONG_NAME = "Maximilian-Alexander Konstantinopoulos-Wittelsbach-Szczebrzeszyński"


class Text:
    """An article body written piece by piece; `add` returns the span of what it wrote."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.size = 0

    def add(self, words: str) -> tuple[int, int]:
        start = self.size
        self.parts.append(words)
        self.size += len(words)
        return start, self.size

    def __str__(self) -> str:
        return "".join(self.parts)


def _country(id: str, code: str, name: str, spans: list[tuple[int, int]]) -> Entity:
    return Entity(id, "country", name, code=code, mentions=spans)


def hostile_article() -> Extraction:
    """Text that looks like markup, a quote inside it, an over-long speaker name."""
    t = Text()
    chile = t.add("Chile")
    t.add(" and ")
    morocco = t.add("Morocco")
    signed = t.add(" signed a memorandum.")
    t.add(" ")
    person = t.add(LONG_NAME)
    t.add(' said: "')
    quote = t.add("<script>alert('owned')</script> is not a way to talk")
    t.add('". A reader wrote <b>bold</b> & <img src=x onerror=alert(1)>.')
    entities = [_country("E1", "CHL", "Chile", [chile]), _country("E2", "MAR", "Morocco", [morocco]),
                Entity("E3", "person", LONG_NAME, country="CHL", roles=["foreign minister"],
                       mentions=[person])]
    quotes = [Quote("Q1", "E3", "direct", str(t)[quote[0]:quote[1]], quote, "said")]
    events = [Event("V1", "AGREE", "occurred", (0, signed[1]), "memorandum", ["E1"], ["E2"],
                    "2024-04-02", None, "057", 8.0, "signed")]
    article = Article("hostile", str(t), "2024-04-03", title="<script>alert('title')</script>",
                      url="javascript:alert(1)", path="/synthetic/hostile.txt")
    return Extraction(article, entities, quotes, [], events, extractor=VERSION)


def chatty_article(quotes: int = QUOTES) -> Extraction:
    """One speaker quoted `quotes` times in one article about Chile and Morocco."""
    t = Text()
    chile = t.add("Chile")
    t.add(" and ")
    morocco = t.add("Morocco")
    t.add(" talked. ")
    person = t.add("Ignacia Valdivieso")
    t.add(" spoke at length.\n\n")
    found = []
    for n in range(quotes):
        t.add('"')
        span = t.add(f"Statement number {n + 1} on our partnership")
        t.add('," she said.\n')
        found.append(Quote(f"Q{n + 1}", "E3", "direct", f"Statement number {n + 1} on our partnership",
                           span, "said"))
    entities = [_country("E1", "CHL", "Chile", [chile]), _country("E2", "MAR", "Morocco", [morocco]),
                Entity("E3", "person", "Ignacia Valdivieso", country="CHL",
                       roles=["trade minister"], mentions=[person])]
    article = Article("chatty", str(t), "2024-03-01", title="A long press conference",
                      path="/synthetic/chatty.txt")
    return Extraction(article, entities, found, [], [], extractor=VERSION)


def trade_article() -> Extraction:
    """A trade figure for 2023 and a target, claimed by a minister, with a meeting."""
    t = Text()
    chile = t.add("Chile")
    t.add(" and ")
    morocco = t.add("Morocco")
    t.add(" met. ")
    person = t.add("Ignacia Valdivieso")
    t.add(" said trade reached ")
    actual = t.add("$2.4 billion")
    t.add(" in 2023 and should reach ")
    target = t.add("$5 billion")
    t.add(" by 2030. ")
    met = t.add("The ministers met in Santiago on 4 March.")
    entities = [_country("E1", "CHL", "Chile", [chile]), _country("E2", "MAR", "Morocco", [morocco]),
                Entity("E3", "person", "Ignacia Valdivieso", country="CHL",
                       roles=["trade minister"], mentions=[person])]
    claims = [Claim("C1", "trade_volume", 2.4e9, "exact", "USD", "actual", "2023", "CHL", "MAR",
                    "E3", actual),
              Claim("C2", "trade_volume", 5e9, "exact", "USD", "target", "2030", "CHL", "MAR",
                    "E3", target)]
    events = [Event("V1", "CONSULT", "occurred", met, "meeting", ["E1"], ["E2"], "2024-03-04",
                    None, "040", 1.0, "met")]
    article = Article("trade", str(t), "2024-03-05", title="Trade talks",
                      path="/synthetic/trade.txt")
    return Extraction(article, entities, [], claims, events, extractor=VERSION)


def all_articles() -> list[Extraction]:
    return [trade_article(), chatty_article(), hostile_article()]
