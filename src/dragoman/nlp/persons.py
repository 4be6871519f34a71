"""People in an article: names, the titles around them, and title phrases.

Finds person names from the statistical NER and from title patterns, whatever
label the model gave the words ("Kazakh President Kassym-Jomart Tokayev" tagged
as one ORG still yields a president of KAZ), and title phrases without a name
("the Turkish foreign minister"), which `dragoman.nlp.actors` links to a person.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from dragoman import codebooks
from dragoman.nlp.geo import GeoHit
from dragoman.nlp.extensions import token_table
from dragoman.nlp.names import PhraseIndex, fold, token_folds

# Verbs of saying: a name that is their subject is a person, whatever NER thought.
SPEECH_LEMMAS = frozenset({
    "say", "speak", "add", "tell", "note", "stress", "emphasise", "emphasize", "state", "remark",
    "underline", "highlight", "point", "remind", "explain", "announce", "declare", "reply",
    "insist", "warn", "recall", "argue", "affirm", "reiterate", "express", "thank", "welcome",
    "praise", "congratulate", "meet", "visit", "host", "receive", "urge", "call", "describe",
})
HONORIFICS = frozenset({"mr", "mrs", "ms", "dr", "sheikh", "sir", "dame", "prof", "madam", "h.e."})
# Words that end organisation names, never people's: "Foreign Ministry", "Central Bank".
ORG_WORDS = frozenset({
    "organization", "organisation", "ministry", "council", "union", "bank", "fund", "agency",
    "company", "corporation", "corp", "group", "party", "association", "committee", "commission",
    "institute", "university", "forum", "assembly", "parliament", "court", "army", "front",
    "movement", "news", "times", "post", "office", "authority", "board", "centre", "center",
    "summit", "conference", "federation", "alliance", "community", "secretariat", "airlines",
    "ltd", "inc", "plc", "holding", "foundation", "initiative", "corridor", "treaty", "agreement",
    "cooperation", "partnership", "programme", "program", "states", "nations", "republic",
})
COUNTERPART_WORDS = frozenset({"counterpart", "counterparts", "host", "guest"})


@dataclass
class NameHit:
    """A person's name at tokens [start, end) with what its context says about them.
    role: canonical office; country: alpha-3; counterpart: named as someone's counterpart."""

    start: int
    end: int
    text: str
    role: str | None = None
    country: str | None = None
    counterpart: bool = False
    title_start: int | None = None  # first token of the title words before the name
    title: str | None = None  # the title as written, lower case ("minister of investment")
    possessed: bool = False  # "her economy minister, X": of the country of the person "her" is


@dataclass
class TitleHit:
    """A title phrase standing for a person ("the Turkish foreign minister") at [start, end)."""

    start: int
    end: int
    role: str
    country: str | None
    person: int | None = None  # index of the person it was linked to


@dataclass
class OfficeLexicon:
    """Folded office forms -> canonical role, built once per pipeline."""

    forms: dict[str, str] = field(default_factory=dict)
    max_words: int = 1
    acronyms: frozenset[str] = frozenset()  # "fm", "pm": only in capitals ("5 pm" is a time)
    index: PhraseIndex | None = None

    @classmethod
    def load(cls) -> OfficeLexicon:
        forms = {fold(o.form): o.role for o in codebooks.offices()}
        acronyms = frozenset(fold(o.form) for o in codebooks.offices() if o.acronym)
        return cls(forms, max((len(k.split()) for k in forms), default=1), acronyms,
                   PhraseIndex(forms))

    def starts(self, doc: Doc) -> set[int]:
        """Tokens an office form may start at: a superset of those where `match` finds one
        (an alphabetic token whose folded first word begins some form)."""
        index = self.index or PhraseIndex(self.forms)
        is_alpha = token_table(doc).is_alpha
        return {i for i, key in enumerate(token_folds(doc))
                if key and is_alpha[i] and key.split()[0] in index.longest}

    def match(self, doc: Doc, i: int) -> tuple[int, str] | None:
        """Longest office form starting at token i: (end token, role)."""
        is_alpha = token_table(doc).is_alpha
        if not is_alpha[i]:
            return None
        index = self.index or PhraseIndex(self.forms)
        for end, key in index.candidates(token_folds(doc), i, self.max_words):
            n = end - i
            if not is_alpha[i + n - 1]:
                continue
            role = self.forms.get(key)
            if role and key in self.acronyms and not doc[i:i + n].text.isupper():
                continue
            if role and not _plural(doc[i + n - 1]):
                return i + n, role
        return None


def _plural(token: Token) -> bool:
    return token.tag_ in ("NNS", "NNPS") and token.lower_ not in ("affairs", "us")


def _is_name_token(token: Token) -> bool:
    text = token.text
    if text.isupper() and len(text) <= 5:
        return False  # an acronym (AU, GCC), not a name
    return (text[:1].isupper() and (token.is_alpha or "'" in text[1:] or "’" in text[1:])
            and fold(text) not in HONORIFICS and token.lower_ not in ORG_WORDS
            and (token.lower_ not in _TITLE_VOCAB() or token.lower_ in TITLES_AS_NAMES))


# Lower-case particles inside names: "Marieke van Dalen", "Ahmed bin Saleh".
NAME_PARTICLES = frozenset({"van", "von", "de", "da", "di", "del", "der", "den", "bin", "bint",
                            "ibn", "al", "el", "le", "la", "dos", "das", "du", "ter", "op"})


def _particle_leads_to_name(doc: Doc, j: int) -> bool:
    """"van der Veen", "al-Saadi": particles (and a hyphen) before a capitalised name word."""
    k = j
    while k < len(doc) and (doc[k].lower_ in NAME_PARTICLES or (
            doc[k].text in ("-", "‐") and not doc[k - 1].whitespace_)):
        k += 1
    return k < len(doc) and k - j <= 3 and _is_name_token(doc[k])


def particle_start(doc: Doc, start: int, blocked: set[int] | None = None) -> int:
    """Start of a name once the particles or hyphenated parts right before token `start` are
    taken in: the surname of "Anneke van der Meer" is "van der Meer", not "Meer"."""
    free = (lambda t: True) if blocked is None else (lambda t: t not in blocked)
    k = start
    while k - 1 >= 0 and free(k - 1):
        if doc[k - 1].lower_ in NAME_PARTICLES and start - k < 3:
            k -= 1
        elif (k >= 2 and doc[k - 1].text in ("-", "‐") and not doc[k - 1].whitespace_
              and not doc[k - 2].whitespace_ and free(k - 2) and _is_name_token(doc[k - 2])):
            k -= 2  # "Adeyemi-Okafor": the first part of a double-barrelled surname
        else:
            break
    return k


def name_extent(doc: Doc, i: int, blocked: set[int]) -> int:
    """End of a run of capitalised name words from token i (hyphenated parts and
    lower-case particles before a capitalised word joined)."""
    j = i
    while j < len(doc) and j not in blocked:
        tok = doc[j]
        if _is_name_token(tok) and not (j > i and tok.is_sent_start):
            j += 1
        elif tok.lower_ in NAME_PARTICLES and _particle_leads_to_name(doc, j):
            j += 1
        elif (tok.text in ("-", "‐") and j > i and not doc[j - 1].whitespace_
              and j + 1 < len(doc) and _is_name_token(doc[j + 1])):
            j += 1
        elif j > i and tok.text in ("-", "‐") and _syllable_after(doc, j):
            j += 2  # "Cho Tae-yul", "Han Seung-woo": the given name's second syllable
        else:
            break
    return j


# Lower-case words that follow a capitalised word and a hyphen in English compounds
# ("Saudi-led", "Kim-era"), never the second syllable of a given name.
COMPOUND_TAILS = frozenset({"led", "run", "made", "era", "born", "wide", "free", "held", "only",
                            "type", "like", "long", "rich", "poor", "bound", "style", "sized"})


def _syllable_after(doc: Doc, j: int) -> bool:
    """Is the hyphen at token j followed by the lower-case second syllable of a Korean or
    Chinese given name ("Tae-yul")? Inside what the model tags as a person, or after a
    surname and a first syllable ("Han Seung-woo": two capitalised words before it)."""
    if j + 1 >= len(doc) or j < 1 or doc[j - 1].whitespace_ or doc[j].whitespace_:
        return False
    nxt = doc[j + 1]
    if not (nxt.is_alpha and nxt.text.islower() and len(nxt.text) <= 4):
        return False
    if nxt.ent_type_ == "PERSON" and doc[j - 1].ent_type_ == "PERSON":
        return True
    return (j >= 2 and nxt.lower_ not in COMPOUND_TAILS and _is_name_token(doc[j - 1])
            and _is_name_token(doc[j - 2]) and bool(doc[j - 2].whitespace_))


def name_shaped(doc: Doc, start: int, end: int) -> bool:
    """Do tokens [start, end) look like a person's name: capitalised name words, hyphens
    inside words, and the lower-case syllable of an East Asian given name ("Ji-hoon")?"""
    for k in range(start, end):
        text = doc[k].text
        if _is_name_token(doc[k]) or (text in ("-", "‐") and start < k < end - 1):
            continue
        if k < end - 1 and doc[k].lower_ in NAME_PARTICLES and _particle_leads_to_name(doc, k):
            continue  # "Ricardo de la Cruz"
        if k > start + 1 and doc[k - 1].text in ("-", "‐") and _syllable_after(doc, k - 1):
            continue
        return False
    return end > start


def country_before(doc: Doc, i: int, geo_at: dict[int, GeoHit]) -> tuple[str | None, int]:
    """A country named right before token i ("Kazakh", "Türkiye's"): (code, its start)."""
    j = i - 1
    if j >= 0 and doc[j].text in ("'s", "’s", "'"):
        j -= 1
    if j >= 0 and j in geo_at and geo_at[j].kind != "place":
        return geo_at[j].code, geo_at[j].start
    return None, i


def country_after(doc: Doc, end: int, geo_at: dict[int, GeoHit]) -> str | None:
    """"... of Japan" right after a title or name."""
    if end + 1 < len(doc) and doc[end].lower_ == "of" and end + 1 in geo_at:
        hit = geo_at[end + 1]
        return hit.code if hit.kind != "place" else None
    return None


def _of_country(doc: Doc, end: int, geo_at: dict[int, GeoHit]) -> tuple[int, str | None]:
    """"the Foreign Minister of Laos, X": (the token after the country, its code), else
    (end, None)."""
    k = end + 1
    if k < len(doc) and doc[k].lower_ == "the":
        k += 1
    if k < len(doc) and doc[end].lower_ == "of" and k in geo_at:
        hit = geo_at[k]
        if hit.kind != "place" and hit.start == k:
            return hit.end, hit.code
    return end, None


def _speech_context(doc: Doc, start: int, end: int) -> bool:
    """Is the name at [start, end) the subject of a verb of saying or meeting?"""
    for tok in doc[start:end]:
        if tok.dep_ in ("nsubj", "nsubjpass") and tok.head.lemma_ in SPEECH_LEMMAS:
            return True
    nxt = doc[end] if end < len(doc) else None
    if nxt is not None and nxt.lemma_ in SPEECH_LEMMAS and nxt.pos_ == "VERB":
        return True
    # "Nurtleu, for his part, said"
    return bool(nxt is not None and nxt.text == "," and end + 4 < len(doc)
                and doc[end + 1].lower_ == "for" and doc[end + 3].lower_ == "part")


TITLE_TAIL_WORDS = frozenset({"of", "for"})


def _title_tail(doc: Doc, end: int, geo_at: dict[int, GeoHit]) -> tuple[int, str | None]:
    """Extend a title over "of Internal and Foreign Trade" / "for Foreign Affairs and Trade"
    (capitalised words, joined by "and" or commas) up to the name; "of Kazakhstan" gives
    the country instead."""
    j = end
    if j + 1 >= len(doc) or doc[j].lower_ not in TITLE_TAIL_WORDS or not doc[j + 1].text[:1].isupper():
        return end, None
    if j + 1 in geo_at and geo_at[j + 1].kind != "place":
        hit = geo_at[j + 1]
        nxt = doc[hit.end] if hit.end < len(doc) else None
        if nxt is not None and _is_name_token(nxt):
            return hit.end, hit.code  # "President of Kazakhstan Kassym-Jomart Tokayev"
        return end, None
    k = j + 1
    last = end
    while k < len(doc):
        tok = doc[k]
        if tok.text[:1].isupper() and tok.is_alpha and k not in geo_at and not _looks_like_name_start(doc, k):
            k += 1
            last = k
        elif tok.lower_ in ("and", "&") and k + 1 < len(doc) and doc[k + 1].text[:1].isupper():
            k += 1
        else:
            break
    return (last, None) if last > end else (end, None)


# Offices held abroad: "Ambassador to Ghana" names where the holder serves, not their country.
POSTED_ROLES = frozenset({"ambassador", "envoy"})


def _destination(doc: Doc, end: int, role: str, geo_at: dict[int, GeoHit]) -> int:
    """End of "Ambassador to Ghana" once the country posted to is taken into the title."""
    k = end + 1
    if k < len(doc) and doc[k].lower_ == "the":
        k += 1
    if (role in POSTED_ROLES and end < len(doc) and doc[end].lower_ == "to" and k in geo_at
            and geo_at[k].start == k and geo_at[k].kind != "place"):
        return geo_at[k].end
    return end


# Portfolio words of ministries that offices.tsv may not list ("Internal and Foreign Trade").
PORTFOLIO_WORDS = frozenset("""affairs agriculture commerce communications cooperation culture
defence defense development diaspora digital economic economy education energy environment european
external finance foreign health housing industry information infrastructure integration interior
internal international investment justice labour labor mineral minerals mines mining national oil
petroleum planning public relations resources science security sports technology tourism trade
transport water works youth fisheries maritime oceans aviation telecommunications
transportation logistics climate power electricity hydrocarbons customs revenue treasury budget
heritage humanitarian emergency emergencies railways roads ports shipping textiles food livestock
irrigation urban rural family women social welfare employment solidarity privatisation
privatization""".split())


def _looks_like_name_start(doc: Doc, k: int) -> bool:
    """Is token k the start of the person's name rather than more title words?"""
    return doc[k].ent_type_ == "PERSON" or doc[k].lower_ not in _TITLE_VOCAB()


# Title words that are also given names ("Sultan bin Rashid Al-Kuwari", "Amir Hatami").
TITLES_AS_NAMES = frozenset({"sultan", "emir", "amir", "malik", "prince", "king", "bishop", "rey"})

_TITLE_WORDS_CACHE: list[frozenset[str]] = []


def _TITLE_VOCAB() -> frozenset[str]:
    """Every word used in a title of office ("foreign", "affairs", "trade", "investment")."""
    if not _TITLE_WORDS_CACHE:
        words = {w for o in codebooks.offices() for w in o.form.split()} | PORTFOLIO_WORDS
        _TITLE_WORDS_CACHE.append(frozenset(words))
    return _TITLE_WORDS_CACHE[0]


def _title_modifiers(doc: Doc, i: int, title_start: int, geo_at: dict[int, GeoHit]) -> int:
    """Capitalised words right before an office that belong to the title ("Trade" in
    "Trade Cabinet Secretary", "State" in "State Minister"), not a country or a name."""
    j = i
    while j - 1 >= 0 and j - 1 >= title_start and j - 1 not in geo_at:
        tok = doc[j - 1]
        if tok.text[:1].isupper() and tok.is_alpha and tok.lower_ in _TITLE_VOCAB() and tok.pos_ != "DET":
            j -= 1
        elif (tok.lower_ in ("and", "&") and j - 2 >= 0 and j - 2 not in geo_at
              and doc[j - 2].text[:1].isupper() and doc[j - 2].lower_ in _TITLE_VOCAB()):
            j -= 1  # "Planning and Investment Minister": portfolios joined by "and"
        else:
            break
    return j


def _literal_title(doc: Doc, start: int, end: int, geo_at: dict[int, GeoHit]) -> str:
    """The title as written, lower case, without countries, punctuation or a leading "the"."""
    words = [t.lower_ for t in doc[start:end] if t.i not in geo_at and not t.is_punct]
    return " ".join(words[1:] if words[:1] == ["the"] else words)


def _title_names(doc: Doc, offices: OfficeLexicon, geo_at: dict[int, GeoHit],
                 blocked: set[int]) -> tuple[list[NameHit], list[TitleHit]]:
    """Names after an office or "counterpart" ("Foreign Minister Hakan Fidan"), and title
    phrases with no name after them ("the Turkish foreign minister")."""
    names: list[NameHit] = []
    titles: list[TitleHit] = []
    lowers = token_table(doc).lower
    starts = offices.starts(doc)
    i = 0
    while i < len(doc):
        office = offices.match(doc, i) if i in starts and i not in geo_at else None
        is_counterpart = lowers[i] in COUNTERPART_WORDS and lowers[i] != "host"
        if not office and not is_counterpart:
            i += 1
            continue
        end, role = office if office else (i + 1, None)
        country, title_start = country_before(doc, i, geo_at)
        literal = None
        if office:
            first = _title_modifiers(doc, i, 0 if country is None else title_start, geo_at)
            if country is None and first < i:  # "Vietnamese Planning and Investment Minister"
                country, title_start = country_before(doc, first, geo_at)
                if country is None:
                    title_start = i
            posted = _destination(doc, end, role, geo_at)
            if posted > end:  # "Ambassador to Ghana": the country is where, not whose
                literal, end = role, posted
            else:
                end, tail_country = _title_tail(doc, end, geo_at)
                country = country or tail_country
                literal = _literal_title(doc, first, end, geo_at)
        possessed = (office is not None and country is None and title_start > 0
                     and lowers[title_start - 1] in ("his", "her"))
        name_end = name_extent(doc, end, blocked)
        if any(t in geo_at for t in range(end, name_end)):
            name_end = end
        if name_end > end:
            after = country_after(doc, name_end, geo_at)
            names.append(NameHit(end, name_end, doc[end:name_end].text, role, country or after,
                                 is_counterpart, title_start, literal, possessed))
            i = name_end
            continue
        sep, of_country = _of_country(doc, end, geo_at) if role else (end, None)
        comma_name = name_extent(doc, sep + 1, blocked) if (
            role and sep + 1 < len(doc) and doc[sep].text == ",") else sep + 1
        if any(t in geo_at for t in range(sep + 1, comma_name)):
            comma_name = sep + 1
        if comma_name > sep + 1:  # "Venezuela's foreign minister, Rafael Quintero, said"
            names.append(NameHit(sep + 1, comma_name, doc[sep + 1:comma_name].text, role,
                                 country or of_country, is_counterpart, title_start, literal,
                                 possessed and not of_country))
            i = comma_name
            continue
        if role and not is_counterpart:
            after = country_after(doc, end, geo_at)
            title_end = end + 2 if after else end
            before = title_start - 1
            if before >= 0 and doc[before].lower_ in ("the", "his", "her", "its"):
                titles.append(TitleHit(before, title_end, role, country or after))
            elif title_start < i and doc[i - 1].text in ("'s", "’s"):
                titles.append(TitleHit(title_start, title_end, role, country or after))
        i = end
    return names, titles


def _ner_names(doc: Doc, known: list[NameHit], geo_at: dict[int, GeoHit],
               blocked: set[int]) -> list[NameHit]:
    """Names the statistical model found (PERSON), or mislabelled (ORG, WORK_OF_ART, GPE, ...)
    where the context shows a person: the subject of a verb of saying, an honorific before."""
    taken = {t for h in known for t in range(h.start, h.end)}
    table, folds = token_table(doc), token_folds(doc)  # folds[i] is fold(doc[i].text)
    text, lower = table.text, table.lower
    ents = doc.ents
    person_words = {folds[i] for h in known for i in range(h.start, h.end)}
    person_words |= {folds[i] for e in ents if e.label_ == "PERSON" for i in range(e.start, e.end)}
    out: list[NameHit] = []
    for ent in [*ents, *_subject_names(doc)]:
        start, end = ent.start, ent.end
        while start < end and (lower[start] in ("the", "his", "her") or folds[start] in HONORIFICS):
            start += 1
        while end > start and text[end - 1] in ("'s", "’s", "'"):
            end -= 1
        if start < end and _is_name_token(doc[start]):
            start = particle_start(doc, start, blocked)
        if start >= end or any(t in taken or t in geo_at for t in range(start, end)):
            continue
        if not name_shaped(doc, start, end):
            continue
        if ent.label_ == "PERSON" or _speech_context(doc, start, end) or (
                start > 0 and folds[start - 1] in HONORIFICS) or (
                end - start == 1 and folds[start] in person_words):
            out.append(NameHit(start, end, doc[start:end].text))
    return [h for h in out if not any(t in blocked for t in range(h.start, h.end))]


def _subject_names(doc: Doc) -> list:
    """Proper-noun subjects of verbs of saying or meeting the NER left untagged
    ("Recep Tayyip Erdoğan met them"): the head with its compound name parts."""
    spans = []
    table = token_table(doc)
    pos, dep, head, lemma, ent_type = table.pos, table.dep, table.head, table.lemma, table.ent_type
    for i in range(len(doc)):
        if (pos[i] == "PROPN" and dep[i] == "nsubj" and lemma[head[i]] in SPEECH_LEMMAS
                and ent_type[i] == ""):
            tok = doc[i]
            start = min([c.i for c in tok.lefts if c.dep_ in ("compound", "flat") and c.pos_ == "PROPN"]
                        + [tok.i])
            spans.append(doc[start:tok.i + 1])
    return spans


# Descriptions of a state's people that are no office: "a senior Malaysian official".
GENERIC_OFFICIALS = frozenset({"official", "diplomat", "negotiator"})
RANK_WORDS = frozenset({"senior", "top", "chief", "leading", "high-ranking", "veteran"})


def _rank_words(doc: Doc, j: int) -> tuple[int, list[str]]:
    """Skip "senior" / "top" before a country and office: (next token, the words skipped)."""
    words = []
    while j < len(doc) and doc[j].lower_ in RANK_WORDS:
        words.append(doc[j].lower_)
        j += 1
    return j, words


def _appositive_names(doc: Doc, offices: OfficeLexicon, geo_at: dict[int, GeoHit],
                      blocked: set[int], taken: set[int]) -> list[NameHit]:
    """Names the model missed before an appositive title: "Tshering Dorji, Bhutan's foreign
    secretary, said" (two to four name words opening the sentence or after a non-name, and
    a comma closing the title)."""
    out = []
    text = token_table(doc).text
    for k in range(2, len(doc) - 2):
        if text[k] != "," or k - 1 in taken or k - 1 in geo_at:
            continue
        j = k + 1
        if doc[j].lower_ in ("the", "his", "her", "a", "an"):
            j += 1
        if j in geo_at and geo_at[j].kind != "place":
            j = geo_at[j].end
            j += 1 if j < len(doc) and doc[j].text in ("'s", "’s") else 0
        office = offices.match(doc, j) if j < len(doc) else None
        if office is None or office[0] >= len(doc) or text[office[0]] != ",":
            continue  # an appositive closes with a comma ("A, the X minister said" does not)
        start = k
        while start - 1 >= 0 and k - start < 4 and start - 1 not in geo_at and (
                start - 1 not in blocked and start - 1 not in taken) and (
                _is_name_token(doc[start - 1]) or doc[start - 1].text in ("-", "‐")):
            start -= 1
        if k - start >= 2 and name_shaped(doc, start, k) and (
                doc[start].is_sent_start or not doc[start - 1].text[:1].isupper()):
            out.append(NameHit(start, k, doc[start:k].text))
    return out


def _appositive(doc: Doc, hit: NameHit, offices: OfficeLexicon,
                geo_at: dict[int, GeoHit]) -> None:
    """"Hakan Fidan, Türkiye's foreign minister," / "Y, the prime minister of Japan," /
    "Z, his Indian counterpart," fill in role and country from after the name."""
    i = hit.end
    if i >= len(doc) or doc[i].text != ",":
        return
    j = i + 1
    possessive = j < len(doc) and doc[j].lower_ in ("his", "her")
    if j < len(doc) and doc[j].lower_ in ("the", "his", "her", "their", "a", "an"):
        j += 1
    j, rank = _rank_words(doc, j)
    country = None
    if j in geo_at and geo_at[j].kind != "place":
        country = geo_at[j].code
        j = geo_at[j].end
        if j < len(doc) and doc[j].text in ("'s", "’s"):
            j += 1
    if j < len(doc) and doc[j].lower_ in ("counterpart",):
        hit.counterpart = True
        hit.country = hit.country or country
        return
    office = offices.match(doc, j) if j < len(doc) else None
    if office:
        end, role = office
        if hit.role is None:  # "Bhutan's foreign secretary": kept as written beside the role
            hit.title = _literal_title(doc, j, end, geo_at)
        hit.role = hit.role or role
        hit.country = hit.country or country or country_after(doc, end, geo_at)
        hit.possessed = possessive and hit.country is None
    elif country and j < len(doc) and doc[j].lower_ in GENERIC_OFFICIALS and not _plural(doc[j]):
        # "X, a senior Malaysian official,": the country, and the description as the role
        hit.country = hit.country or country
        hit.role = hit.role or " ".join([*rank, doc[j].lower_])


def find_people(doc: Doc, geo_hits: list[GeoHit], offices: OfficeLexicon,
                blocked: set[int]) -> tuple[list[NameHit], list[TitleHit]]:
    """All person-name hits and title phrases in `doc`, in text order.

    blocked: token indices that belong to organisation names and so cannot be people.
    """
    geo_at = {t: h for h in geo_hits for t in range(h.start, h.end)}
    names, titles = _title_names(doc, offices, geo_at, blocked)
    names += _ner_names(doc, names, geo_at, blocked)
    names += _appositive_names(doc, offices, geo_at, blocked,
                               {t for h in names for t in range(h.start, h.end)})
    for hit in names:
        _appositive(doc, hit, offices, geo_at)
    names.sort(key=lambda h: h.start)
    return names, titles
