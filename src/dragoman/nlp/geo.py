"""Countries and places in a text, from the codebooks.

Country forms (names, official and former names, demonyms, capitals) and places
are looked up by their folded form (case and accents ignored) over token n-grams
that start with a capital letter, so "Türkiye", "Turkiye" and "TÜRKİYE" all
match while the bird in "roast turkey" does not.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

from dragoman import codebooks
from dragoman.nlp.extensions import token_table
from dragoman.nlp.names import PhraseIndex, fold, token_folds

# A capital names its government ("Ankara's role", "Ankara said") unless a word
# before it makes it a location ("in Ankara", "Kazakhstan's capital Astana").
PLACE_CUES = frozenset({
    "in", "at", "to", "from", "near", "into", "outside", "inside", "via", "capital", "city",
    "visit", "visited", "visiting", "arrived", "reached", "left", "held", "across", "around",
    "toward", "towards", "of", "between",
})
# Prefixes that make a longer official name out of a country name.
STATE_PREFIXES = ("republic of", "kingdom of", "state of", "islamic republic of",
                  "federal republic of", "people s republic of", "democratic republic of",
                  "sultanate of", "emirate of", "principality of", "commonwealth of")


@dataclass(frozen=True)
class GeoHit:
    """A country or place form found at tokens [start, end). kind: the codebook kind
    ("name", "former", "demonym", "capital", ...) or "place"."""

    start: int
    end: int
    code: str
    kind: str
    form: str


class GeoLexicon:
    """Folded country and place forms, built once per pipeline from the codebooks."""

    def __init__(self) -> None:
        self.countries: dict[str, tuple[str, str, str]] = {}
        for f in codebooks.country_forms():
            key = fold(f.form.removeprefix("the ").removeprefix("The "))
            if key and key not in self.countries:
                self.countries[key] = (f.code, f.kind, f.form)
        self.places: dict[str, codebooks.Place] = {}
        for form, place in codebooks.place_forms():
            self.places.setdefault(fold(form), place)
        self.areas: dict[str, tuple[str, str, str]] = {
            fold(a.name): ("", a.kind, a.name) for a in codebooks.areas()}
        longest = max((len(k.split()) for k in [*self.countries, *self.places, *self.areas]),
                      default=1)
        self.max_words = min(longest + 2, 8)
        self.index = PhraseIndex([*self.countries, *self.places, *self.areas])

    def _lookup(self, table: dict, doc: Doc, i: int,
                candidates: list[tuple[int, str]] | None = None) -> tuple[int, object] | None:
        """Longest n-gram from token i (capitalised) found in `table`: (end, value).
        candidates: `self.index.candidates(...)` at i, when the caller has them already."""
        first = token_table(doc).text[i]
        if not first[:1].isupper():
            return None
        if candidates is None:
            candidates = self.index.candidates(token_folds(doc), i, self.max_words)
        for end, key in candidates:
            value = table.get(key)
            if value is None:
                continue
            span = doc[i:end]
            n = end - i
            if not any(ch.isalnum() for ch in span[-1].text) or any(t.is_space for t in span):
                continue
            if n > 1 and any(t.is_sent_start for t in span[1:]):
                continue
            form = value[2] if isinstance(value, tuple) else value.name
            # Short forms (US, UK, UAE) must keep their case: "us" is a pronoun.
            if len(fold(form).replace(" ", "")) <= 3 and span.text.replace(".", "") != form.replace(".", ""):
                continue
            return i + n, value
        return None

    def find(self, doc: Doc) -> list[GeoHit]:
        """Every country and place form in `doc`, longest first, non-overlapping."""
        hits: list[GeoHit] = []
        capitalised = [t[:1].isupper() for t in token_table(doc).text]
        folds = token_folds(doc)
        i = 0
        while i < len(doc):
            candidates = self.index.candidates(folds, i, self.max_words) if capitalised[i] else []
            if not candidates:  # no country, place or area form starts here
                i += 1
                continue
            area = self._lookup(self.areas, doc, i, candidates)
            country = self._lookup(self.countries, doc, i, candidates)
            if area and (not country or area[0] > country[0]):
                i = area[0]  # "Latin America", "Gulf of Guinea": no country of its own
                continue
            found = country
            if found and not _language_use(doc, found[0], found[1][1]) and not _regional(doc, i):
                end, (code, kind, form) = found
                start = self._extend_state_prefix(doc, i)
                hits.append(GeoHit(start, end, code, "official" if start < i else kind, form))
                i = end
                continue
            found = self._lookup(self.places, doc, i, candidates)
            if found:
                end, place = found
                hits.append(GeoHit(i, end, place.country, "place", place.name))
                i = end
                continue
            i += 1
        return hits

    @staticmethod
    def _extend_state_prefix(doc: Doc, i: int) -> int:
        """Start of "the Republic of X" when such words stand before country name X."""
        if i < 2 or doc[i - 1].lower_ != "of":
            return i
        folds = token_folds(doc)
        for prefix in STATE_PREFIXES:
            n = len(prefix.split())
            if i - n >= 0 and " ".join(f for f in folds[i - n:i] if f) == prefix \
                    and doc[i - n].text[:1].isupper():
                return i - n
        return i


def _language_use(doc: Doc, end: int, kind: str) -> bool:
    """"Portuguese-speaking", "the Russian language": a language, not a country."""
    if kind != "demonym" or end >= len(doc):
        return False
    nxt = doc[end:end + 2].text.lower()
    return nxt.startswith(("-speaking", "- speaking", "language", "speaker"))


# Prefixes joined by a hyphen that make a region of a country word: "Inter-American",
# "Pan-African", "Intra-Asian" name no country.
REGIONAL_PREFIXES = frozenset({"inter", "pan", "intra"})


def _regional(doc: Doc, i: int) -> bool:
    """Is the form at token i the second half of "Inter-American" and the like?"""
    return (i >= 2 and doc[i - 1].text in ("-", "‐") and not doc[i - 1].whitespace_
            and not doc[i - 2].whitespace_ and doc[i - 2].lower_ in REGIONAL_PREFIXES)


def capital_is_place(doc: Doc, hit: GeoHit) -> bool:
    """Is a capital city used as a location ("in Astana") rather than for its government?"""
    if hit.start == 0:
        return False
    prev = doc[hit.start - 1]
    if prev.lower_ in PLACE_CUES:
        return True
    nxt = doc[hit.end] if hit.end < len(doc) else None
    # "Astana, Kazakhstan" names a place.
    return bool(nxt is not None and nxt.text == "," and hit.end + 1 < len(doc)
                and doc[hit.end + 1].ent_type_ == "GPE")
