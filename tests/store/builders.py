"""Hand-built extractions for the store tests: fast, no spaCy.

`article(...)` writes a small synthetic body and returns an `Extraction` whose
entities, quotes, claims and events point into it, as the extractor would.
Everything here is made up.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from dragoman.model import (
    Article,
    Claim,
    Entity,
    Event,
    Extraction,
    Finding,
    Quote,
    SectorMention,
)

VERSION = "dragoman test-1"


@dataclass
class Person:
    """A person as one article names them: name, other forms, country, roles."""

    name: str
    country: str | None = None
    roles: list[str] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)


class Builder:
    """Builds one article's text and extraction piece by piece, with real spans."""

    def __init__(self, id: str, date: str | None = "2024-05-14", url: str | None = None) -> None:
        self.id, self.date, self.url = id, date, url
        self.parts: list[str] = []
        self.entities: list[Entity] = []
        self.quotes: list[Quote] = []
        self.claims: list[Claim] = []
        self.events: list[Event] = []
        self.findings: list[Finding] = []
        self.sectors: list[SectorMention] = []
        self._by_name: dict[str, Entity] = {}

    def _write(self, text: str) -> tuple[int, int]:
        start = sum(len(p) for p in self.parts)
        self.parts.append(text + " ")
        return start, start + len(text)

    def _add(self, kind: str, name: str, **fields) -> Entity:
        if name not in self._by_name:
            entity = Entity(id=f"E{len(self.entities) + 1}", kind=kind, name=name, **fields)
            self.entities.append(entity)
            self._by_name[name] = entity
        return self._by_name[name]

    def country(self, code: str, name: str) -> str:
        entity = self._add("country", name, code=code)
        start, _ = self._write(f"{name} is mentioned.")
        entity.mentions.append((start, start + len(name)))
        return entity.id

    def person(self, p: Person) -> str:
        entity = self._add("person", p.name, country=p.country, roles=list(p.roles),
                           aliases=list(p.aliases))
        for form in [p.name, *p.aliases]:
            start, _ = self._write(f"{form} spoke.")
            entity.mentions.append((start, start + len(form)))
        return entity.id

    def place(self, name: str, country: str) -> str:
        entity = self._add("place", name, country=country)
        start, _ = self._write(f"{name} hosted it.")
        entity.mentions.append((start, start + len(name)))
        return entity.id

    def org(self, name: str, aliases: list[str] | None = None) -> str:
        entity = self._add("organization", name, aliases=list(aliases or []))
        start, _ = self._write(f"{name} met.")
        entity.mentions.append((start, start + len(name)))
        return entity.id

    def quote(self, speaker: str | None, text: str, kind: str = "direct") -> str:
        span = self._write(text)
        self.quotes.append(Quote(f"Q{len(self.quotes) + 1}", speaker, kind, text, span, "said"))
        return self.quotes[-1].id

    def claim(self, metric: str, value: float, *, qualifier: str = "exact", unit: str = "USD",
              status: str = "actual", period: str | None = None, holder: str | None = None,
              counterpart: str | None = None, speaker: str | None = None) -> str:
        span = self._write(f"The {metric} figure was {value:g} {unit}.")
        self.claims.append(Claim(f"C{len(self.claims) + 1}", metric, value, qualifier, unit,
                                 status, period, holder, counterpart, speaker, span))
        return self.claims[-1].id

    def event(self, type: str, source: list[str], target: list[str], *, date: str | None = None,
              status: str = "occurred", mode: str | None = None, location: str | None = None,
              cameo: str | None = "040", goldstein: float | None = 1.0) -> str:
        span = self._write(f"They held a {mode or type.lower()}.")
        self.events.append(Event(f"V{len(self.events) + 1}", type, status, span, mode,
                                 list(source), list(target), date, location, cameo, goldstein,
                                 "meet"))
        return self.events[-1].id

    def sector(self, sector: str, term: str) -> None:
        start, _ = self._write(f"Talks covered {term}.")
        offset = start + len("Talks covered ")
        self.sectors.append(SectorMention(sector, (offset, offset + len(term)), term))

    def finding(self, kind: str, claims: list[str], detail: str = "made up",
                ratio: float | None = None) -> None:
        self.findings.append(Finding(kind, claims, detail, ratio))

    def build(self, version: str = VERSION) -> Extraction:
        text = "".join(self.parts).rstrip()
        article = Article(id=self.id, text=text, date=self.date, url=self.url,
                          path=f"/synthetic/{self.id}.txt")
        return Extraction(article, self.entities, self.quotes, self.claims, self.events, self.sectors,
                          self.findings, extractor=version)
