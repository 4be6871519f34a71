"""Organisations and the acronyms an article defines for them.

"the Organization of Turkic States (OTG)" defines OTG for the rest of the text,
whatever the initials would suggest; later "the OTG" and "OTG summit" are
mentions of the same organisation. British and American spellings
("Organisation" / "Organization") are one name.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc

from dragoman.nlp.extensions import token_table
from dragoman.nlp.geo import GeoHit
from dragoman.nlp.names import fold

ACRONYM = re.compile(r"^[A-ZÀ-Þ][A-ZÀ-Þ0-9&\-]{1,9}$")
CONNECTORS = frozenset({"of", "for", "and", "the", "on", "in", "de", "du", "des", "&", "to"})


def org_key(name: str) -> str:
    """Comparison key: folded, leading "the" dropped, -isation spelled -ization."""
    key = fold(name).removeprefix("the ")
    return re.sub(r"is(ation|e|ed|ing)\b", r"iz\1", key)


@dataclass
class OrgHit:
    """An organisation mention at tokens [start, end). name: its surface form;
    acronym: the acronym the text defines for it, if any."""

    start: int
    end: int
    name: str
    acronym: str | None = None
    aliases: list[str] = field(default_factory=list)


def _long_name_before(doc: Doc, paren: int) -> int:
    """Start of the capitalised name that ends right before the "(" at token `paren`."""
    i = paren
    while i - 1 >= 0 and not doc[i - 1].is_sent_end:
        tok = doc[i - 1]
        hyphen = tok.text in ("-", "‐") and not tok.whitespace_ and i - 2 >= 0 \
            and not doc[i - 2].whitespace_ and doc[i - 2].text[:1].isupper()
        if tok.text[:1].isupper() or hyphen or (tok.lower_ in CONNECTORS and i - 2 >= 0
                                                and doc[i - 2].text[:1].isupper()):
            i -= 1
            if tok.is_sent_start:
                break
        else:
            break
    while i < paren and doc[i].lower_ in CONNECTORS:
        i += 1
    return i


def _short_name(doc: Doc, i: int) -> bool:
    """Is token i a defined short name: an acronym ("IPTO"), or one capitalised word after a
    name ending in an organisation head ("Petroliam Nasional Berhad (Petronas)")?"""
    text = doc[i].text
    if ACRONYM.match(text):
        return True
    return (text[:1].isupper() and text.isalpha() and len(text) <= 12 and i >= 2
            and doc[i - 2].lower_ in ORG_HEADS and doc[i - 2].text[:1].isupper())


def find_acronym_definitions(doc: Doc) -> list[OrgHit]:
    """"Long Name (ACR)" patterns: the long name with its acronym."""
    hits: list[OrgHit] = []
    text = token_table(doc).text
    for i in range(1, len(doc) - 2):
        if text[i] != "(" or text[i + 2] != ")" or not _short_name(doc, i + 1):
            continue
        start = _long_name_before(doc, i)
        if i - start >= 2:
            hits.append(OrgHit(start, i, doc[start:i].text, acronym=doc[i + 1].text))
    return hits


# Head nouns of organisation names: "Saudi-Emirati Coordination Council", "Group of 20".
ORG_HEADS = frozenset({
    "council", "organisation", "organization", "union", "bank", "fund", "agency", "commission",
    "committee", "community", "forum", "court", "group", "institute", "association",
    "federation", "alliance", "ministry", "corporation", "company", "authority", "board",
    "assembly", "parliament", "secretariat", "conference", "office", "bureau", "party",
    "chamber", *("berhad", "bhd", "limited", "ltd", "plc", "inc", "llc", "gmbh", "holdings"),
})
# Legal-form suffixes: the capitalised words before them name a company, never a person
# ("Petroliam Nasional Berhad").
COMPANY_SUFFIXES = frozenset({"berhad", "bhd", "limited", "ltd", "plc", "inc", "llc", "gmbh"})
# Capitalised words that start a new phrase after "and", not the rest of a name.
_NOT_NAME_TAIL = frozenset({"minister", "president", "secretary", "ambassador", "prime", "deputy",
                            "governor", "chairman", "chairwoman", "king", "queen", "crown"})


def _name_tail(doc: Doc, end: int) -> int:
    """Extend a name over "of 20", "for Reconstruction and Development" after its head."""
    j = end
    while j + 1 < len(doc) and doc[j].lower_ in ("of", "for") and (
            doc[j + 1].text[:1].isupper() or doc[j + 1].like_num) and not doc[j + 1].is_sent_start \
            and doc[j + 1].ent_type_ not in ("DATE", "TIME", "GPE"):
        j += 2
        while j < len(doc) and (doc[j].text[:1].isupper() or doc[j].like_num) and not doc[j].is_sent_start:
            j += 1
        j = _and_tail(doc, j)
    return j


def _and_tail(doc: Doc, j: int) -> int:
    """Extend a tail over "and Social Development" ("Fund for Economic and Social
    Development"): two or more capitalised words after "and" that are no title or place."""
    if j + 2 >= len(doc) or doc[j].lower_ not in ("and", "&"):
        return j
    k = j + 1
    while k < len(doc) and doc[k].text[:1].isupper() and not doc[k].is_sent_start \
            and doc[k].lower_ not in _NOT_NAME_TAIL and doc[k].ent_type_ not in ("PERSON", "GPE", "DATE"):
        k += 1
    return k if k - j >= 3 and (k >= len(doc) or not doc[k].text[:1].isupper()) else j


def find_named_orgs(doc: Doc) -> list[OrgHit]:
    """Capitalised names ending in an organisation head noun, which NER may have missed."""
    hits: list[OrgHit] = []
    table = token_table(doc)
    for i, lower in enumerate(table.lower):
        if lower not in ORG_HEADS or not table.text[i][:1].isupper() or table.sent_start[i]:
            continue
        tok = doc[i]
        start = _long_name_before(doc, tok.i)
        end = _name_tail(doc, tok.i + 1)
        if end - start >= 2:
            hits.append(OrgHit(start, end, doc[start:end].text))
    return hits


# Common nouns that describe the organisation named right after them: "the sovereign wealth
# fund Samruk-Kazyna", "the German development bank KfW", "energy giant Gazprom".
DESCRIPTOR_NOUNS = frozenset({
    "fund", "bank", "lender", "company", "firm", "group", "giant", "conglomerate", "carrier",
    "airline", "operator", "producer", "exporter", "importer", "miner", "carmaker", "automaker",
    "manufacturer", "developer", "utility", "insurer", "regulator", "broadcaster", "agency",
    "railway", "railways", "investor", "contractor", "shipper", "maker", "owned",
})
# (the model's other labels on unknown names are noise: "Samruk" NORP, "Gazprom" GPE)
_NOT_NAME_ENTS = frozenset({"DATE", "TIME", "CARDINAL", "MONEY", "PERCENT", "ORDINAL", "QUANTITY"})


def find_described_orgs(doc: Doc, geo_at: dict[int, GeoHit]) -> list[OrgHit]:
    """Names right after a lower-case descriptor of an organisation: "the Kazakh sovereign
    wealth fund Samruk-Kazyna", "state-owned Petrovietnam", "Kazakh railway company KTZ"."""
    hits: list[OrgHit] = []
    table = token_table(doc)
    for i, lower in enumerate(table.lower):
        if lower not in DESCRIPTOR_NOUNS or not table.text[i][:1].islower() or i + 1 >= len(doc):
            continue
        j = i + 1
        while j < len(doc) and j not in geo_at and doc[j].ent_type_ not in _NOT_NAME_ENTS and (
                doc[j].text[:1].isupper() and not doc[j].is_sent_start
                or doc[j].text in ("-", "‐") and j > i + 1 and not doc[j - 1].whitespace_
                and j + 1 < len(doc) and doc[j + 1].text[:1].isupper()):
            j += 1
        if j > i + 1 and doc[j - 1].text[:1].isupper():
            hits.append(OrgHit(i + 1, j, doc[i + 1:j].text))
    return hits


def _title_words_only(doc: Doc, start: int, end: int, geo_at: dict[int, GeoHit]) -> bool:
    """Are tokens [start, end) only words of a title of office ("Trade Cabinet", "Planning
    and Investment") and countries, with no organisation head ("Ministry", "Bank")?"""
    from dragoman.nlp.persons import _TITLE_VOCAB
    vocab = _TITLE_VOCAB()
    words = [t for t in doc[start:end] if t.i not in geo_at and t.lower_ not in ("and", "&", "of")]
    return bool(words) and all(t.lower_ in vocab and t.lower_ not in ORG_HEADS for t in words)


def find_orgs(doc: Doc, geo_at: dict[int, GeoHit], person_tokens: set[int]) -> list[OrgHit]:
    """Organisation mentions: defined acronyms and their long names, NER ORG spans that are
    not people or countries, and later uses of a defined acronym."""
    defs = find_acronym_definitions(doc)
    acronyms = {d.acronym: d for d in defs if d.acronym}
    hits = list(defs)
    taken = {t for d in defs for t in range(d.start, d.end + 3)}
    spans = [(h.start, h.end) for h in find_named_orgs(doc)]
    spans += [(e.start, _name_tail(doc, e.end)) for e in doc.ents if e.label_ == "ORG"]
    spans += [(h.start, h.end) for h in find_described_orgs(doc, geo_at)]
    for start, end in spans:
        while start < end and doc[start].lower_ == "the":
            start += 1
        while end > start and doc[end - 1].text in ("'s", "’s"):
            end -= 1
        span = range(start, end)
        if start >= end or any(t in taken or t in person_tokens for t in span):
            continue
        if all(t in geo_at for t in span):
            continue  # a country the model called an organisation
        if end - start == 1 and doc[start].text in acronyms:
            continue  # counted below as an acronym use
        if start < end and all(t.is_punct for t in doc[start:end]):
            continue
        if _title_words_only(doc, start, end, geo_at):
            continue  # "Vietnamese Planning and Investment [Minister]": a title, not a body
        hits.append(OrgHit(start, end, doc[start:end].text))
        taken.update(span)
    for i, text in enumerate(token_table(doc).text if acronyms else []):
        if text in acronyms and i not in taken:
            hits.append(OrgHit(i, i + 1, text, acronym=text))
    return sorted(hits, key=lambda h: h.start)
