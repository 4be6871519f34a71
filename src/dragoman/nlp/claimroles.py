"""Holder and counterpart of a claim, read from the parse around the words that name it.

- Two-way measures (trade volume): the countries named in the measure's phrase and its
  clause's subject ("trade between X and Y", "X's trade with Y", "our trade with Y");
  one country pairs with the article's other main country; "bilateral" / "mutual" or
  none named means the article's pair (the speaker's country first).
- Directed measures (exports, imports, investment, fdi, aid, loan): the holder is the
  exporter, importer, investor, donor or lender — a modifier of the measure ("German
  direct investment", "Nigeria's oil sales") or the subject of its verb ("Indian firms had
  invested", "Japan will provide"); the counterpart stands in the preposition the measure
  takes ("exports *to*", "imports *from*", "invested *in*", "aid *to*", "a loan *for*")
  or is the verb's object ("supplied India with", "bought Vietnamese goods"). "Owe"
  reverses the roles: its subject is the debtor; so does "debt": its possessor is the
  debtor ("Kenya's debt to China"). A side left open is the article's other main country.
- Ranks: the holder is the subject ("Turkey is ...") or the object of "make" ("making Iraq
  Iran's second-largest partner"), the counterpart the possessor ("Kazakhstan's fourth
  largest trading partner", "our", "second among Peru's partners") or the place ranked in
  ("investors in Uzbekistan", "partners of Vietnam").
"""
from __future__ import annotations

from spacy.tokens import Span, Token

from dragoman.nlp.claimparties import Parties, Ref
from dragoman.nlp.claimwords import ClaimLexicon, reports
from dragoman.nlp.ranks import RankHit

_COUNTERPART_PREPS = {"exports": {"to", "into"}, "imports": {"from"}, "investment": {"in", "into"},
                      "fdi": {"in", "into"}, "aid": {"to", "for", "in"}, "loan": {"to", "for", "in"}}
_MODIFIERS = frozenset({"poss", "compound", "amod", "nmod", "nummod"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
_OBJECTS = frozenset({"dobj", "dative"})

Pair = tuple[str | None, str | None]


def _subtree(tok: Token) -> list[Token]:
    return list(tok.subtree)


def _modifier_words(tok: Token) -> list[Token]:
    """A modifier's words without the phrases hanging off it ("worth $5 million to X")."""
    out = [tok]
    for child in tok.children:
        if child.dep_ not in ("prep", "npadvmod", "advmod", "acl", "relcl"):
            out += _modifier_words(child)
    return out


def _path_up(anchor: Token, stop: Token) -> list[Token]:
    """The words from the amount up to (not including) `stop`: "worth" in "aid worth $5 m"."""
    path, tok = [], anchor
    for _ in range(5):
        if tok == stop or tok.head == tok:
            break
        path.append(tok)
        tok = tok.head
    return path


def _verb_of(tok: Token, lex: ClaimLexicon | None = None) -> Token | None:
    """The verb that governs `tok` (itself if it is one). With `lex`, not a verb of saying
    reached through a clause ("investments in Egypt amount to ..., the minister said", the
    parser taking "amount" for a noun): its subject is the speaker, not a party."""
    start = tok
    for _ in range(6):
        if tok.pos_ in ("VERB", "AUX"):
            if lex is not None and tok != start and reports(tok, lex) and start.head != tok:
                return None
            return tok
        if tok.head == tok:
            return None
        tok = tok.head
    return None


def _subject(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ in _SUBJECTS:
            return child
    if verb.dep_ in ("conj", "xcomp", "advcl") and verb.head != verb:
        return _subject(verb.head)  # "and could grow", "aim to raise": the subject above
    return None


def _first(parties: Parties, refs: list[Ref], speaker_country: str | None,
           exclude: set[str | None]) -> str | None:
    """The first country the refs name; concrete names before pronouns and "the country"."""
    for kinds in (("country", "speaker", "place"), ("pronoun", "ref", "dyad")):
        for ref in refs:
            if ref.kind in kinds:
                for code in parties.resolve(ref, speaker_country, exclude):
                    if code not in exclude:
                        return code
    return None


def _prep_objects(tok: Token, preps: set[str], skip: Token | None = None) -> list[Token]:
    out: list[Token] = []
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ in preps:
            for obj in child.children:
                if obj.dep_ == "pobj" and obj != skip:
                    out += _subtree(obj)
    return out


def directed_parties(parties: Parties, cue: Token, anchor: Token, metric: str,
                     speaker_country: str | None, lex: ClaimLexicon) -> Pair:
    """(holder, counterpart) of a directed measure named at `cue` with its amount at `anchor`."""
    if cue.pos_ in ("NOUN", "PROPN") and lex.value("owe", cue.lemma_.lower()):
        return _debt_parties(parties, cue, speaker_country)
    preps = _COUNTERPART_PREPS.get(metric, {"to", "in"})
    holder_toks: list[Token] = []
    other_toks: list[Token] = []
    if cue.pos_ in ("NOUN", "PROPN"):
        for child in cue.children:
            if child.dep_ in _MODIFIERS or child.dep_ == "det" and child.lower_ in ("its", "their", "our"):
                holder_toks += _modifier_words(child)
            if child.dep_ in ("acl", "relcl"):
                other_toks += _prep_objects(child, preps)
        other_toks += _prep_objects(cue, preps)
    for tok in _path_up(anchor, cue):
        other_toks += _prep_objects(tok, preps)
    if metric != "imports":  # "investment from China", "a loan ... from the Exim Bank of China"
        holder_toks += _prep_objects(cue, {"from"}) if cue.pos_ in ("NOUN", "PROPN") else []
    verb = _verb_of(cue, lex)
    owe = verb is not None and lex.value("owe", verb.lemma_.lower()) is not None
    if verb is not None:
        other_toks += _prep_objects(verb, preps, skip=cue)
        if metric != "imports":
            holder_toks += _prep_objects(verb, {"from"}, skip=cue)
        subject = _subject(verb)
        if subject is not None and subject != cue:
            # a subject parsed around the cue ("imports from X, chiefly coffee, amounted to"):
            # the cue's own words were read above, its counterpart is no holder
            inner = {t.i for t in cue.subtree} if cue.pos_ in ("NOUN", "PROPN") else set()
            holder_toks += [t for t in _subtree(subject) if t.i not in inner]
        objects = [c for c in verb.children if c.dep_ in _OBJECTS and c != cue and c != anchor
                   and anchor not in list(c.subtree)]
        for obj in objects:
            (holder_toks if owe else other_toks).extend(_subtree(obj))
    if owe and verb is not None:
        subject = _subject(verb)
        holder_toks = [t for t in holder_toks if subject is None or t not in list(subject.subtree)]
        other_toks = ([*_subtree(subject)] if subject is not None else []) + other_toks
    holder_refs = parties.refs_in(holder_toks, keep_order=True)
    other_refs = parties.refs_in(other_toks, keep_order=True)
    holder = _first(parties, [r for r in holder_refs if r.kind in ("country", "place")], speaker_country, set())
    if holder is None:  # "the kingdom's investments in Egypt": not the country named on the other side
        named_other = _first(parties, [r for r in other_refs if r.kind in ("country", "place")],
                             speaker_country, set())
        holder = _first(parties, [r for r in holder_refs if r.kind != "pronoun"], speaker_country,
                        {named_other} if named_other else set())
    counterpart = _first(parties, other_refs, speaker_country, {holder} if holder else set())
    if holder is None:
        holder = _first(parties, holder_refs, speaker_country, {counterpart} if counterpart else set())
    return _complete(parties, holder, counterpart, speaker_country)


def _debt_parties(parties: Parties, cue: Token, speaker_country: str | None) -> Pair:
    """A debt is the lender's loan: "Kenya's debt to China" (holder China, counterpart Kenya);
    a possessor is the debtor, "to" / "owed to" names the lender, "Chinese debt" too."""
    debtor: list[Token] = []
    lender: list[Token] = []
    for child in cue.children:
        if child.dep_ == "poss" or child.dep_ == "det" and child.lower_ in ("its", "their", "our"):
            debtor += _modifier_words(child)
        elif child.dep_ in ("amod", "compound", "nmod"):
            lender += _modifier_words(child)
        elif child.dep_ in ("acl", "relcl"):
            lender += _prep_objects(child, {"to"})
    lender = _prep_objects(cue, {"to"}) + lender
    holder = _first(parties, parties.refs_in(lender, keep_order=True), speaker_country, set())
    counterpart = _first(parties, parties.refs_in(debtor, keep_order=True), speaker_country,
                         {holder} if holder else set())
    return _complete(parties, holder, counterpart, speaker_country)


def _complete(parties: Parties, holder: str | None, counterpart: str | None,
              speaker_country: str | None) -> Pair:
    """Fill an open side with the article's other main country."""
    if holder and counterpart:
        return holder, counterpart
    if holder:
        return holder, parties.other(holder)
    if counterpart:
        return parties.other(counterpart), counterpart
    first, second = parties.dyad(speaker_country)
    return first, second


def pair_parties(parties: Parties, cue: Token, speaker_country: str | None, lex: ClaimLexicon) -> Pair:
    """The two countries of a two-way measure named at `cue`."""
    toks = _subtree(cue) if cue.pos_ in ("NOUN", "PROPN") else []
    verb = _verb_of(cue, lex)
    if verb is not None:
        subject = _subject(verb)
        if subject is not None and cue not in list(subject.subtree):
            toks += _subtree(subject)
    refs = parties.refs_in(toks)
    if any(r.kind == "dyad" for r in refs):
        return parties.dyad(speaker_country)
    codes: list[str] = []
    for ref in refs:
        if ref.kind == "pronoun" and codes:
            continue
        for code in parties.resolve(ref, speaker_country, set(codes)):
            if code not in codes:
                codes.append(code)
    if len(codes) >= 2:
        return codes[0], codes[1]
    if codes:
        return codes[0], parties.other(codes[0])
    return parties.dyad(speaker_country)


def _possessor_tokens(sent: Span, rank: RankHit) -> list[Token]:
    """"Kazakhstan's", "our", "its", "the kingdom's" right before the rank words, or inside
    them ("second among Peru's trading partners"); the words nearest the "'s" first
    ("making Iraq Iran's second-largest partner": Iran's)."""
    doc = sent.doc
    span = doc.char_span(rank.start, rank.end, alignment_mode="expand")
    if span is None:
        return []
    inner = [doc[j - 1] for j in range(span.start + 1, span.end) if doc[j].tag_ == "POS"]
    i = span.start - 1
    out: list[Token] = inner
    if i >= sent.start and doc[i].lower_ in ("the", "a"):
        return out
    if i >= sent.start and doc[i].tag_ == "POS":
        head = doc[i - 1] if i - 1 >= sent.start else None
        return list(reversed(list(head.subtree))) + out if head is not None else out
    if i >= sent.start and doc[i].lower_ in ("our", "its", "their", "his", "her", "my"):
        out.append(doc[i])
    return out


def _ranked_in(sent: Span, rank: RankHit) -> list[Token]:
    """"investors in Uzbekistan", "in our country": the words after the rank phrase."""
    doc = sent.doc
    span = doc.char_span(rank.start, rank.end, alignment_mode="expand")
    if span is None or span.end >= sent.end or doc[span.end].lower_ not in ("in", "among", "for", "of"):
        return []
    prep = doc[span.end]
    objs = [c for c in prep.children if c.dep_ == "pobj"]
    return list(objs[0].subtree) if objs else list(doc[span.end + 1:min(sent.end, span.end + 5)])


def rank_parties(parties: Parties, sent: Span, rank: RankHit, speaker_country: str | None) -> Pair:
    """(holder, counterpart) of a rank: the one ranked, and the country whose partners or
    investors are ranked."""
    counterpart_toks = _possessor_tokens(sent, rank) + _ranked_in(sent, rank)
    counterpart_refs = parties.refs_in(counterpart_toks, keep_order=True)
    named = _first(parties, [r for r in counterpart_refs if r.kind in ("country", "place", "speaker")],
                   speaker_country, set())
    holder = _rank_subject(parties, sent, rank, speaker_country, counterpart_refs, {named} if named else set())
    counterpart = _first(parties, counterpart_refs, speaker_country, {holder} if holder else set())
    if holder is None and counterpart is not None:
        before = [t for t in sent if t.idx < rank.start]
        holder = _first(parties, list(reversed(parties.refs_in(before))), speaker_country, {counterpart})
    return _complete(parties, holder, counterpart, speaker_country)


def _rank_subject(parties: Parties, sent: Span, rank: RankHit, speaker_country: str | None,
                  counterpart_refs: list[Ref], exclude: set[str | None]) -> str | None:
    """The subject of the clause the rank phrase is the predicate of ("the kingdom is Egypt's
    ...": not Egypt), or the object of "make" ("making Iraq Iran's second-largest partner")."""
    doc = sent.doc
    noun_span = doc.char_span(rank.noun_start, rank.end, alignment_mode="expand")
    tok: Token | None = noun_span.root if noun_span is not None else None
    taken = {r.char for r in counterpart_refs}
    for _ in range(6):
        if tok is None:
            break
        if tok.pos_ in ("VERB", "AUX"):
            if tok.lemma_.lower() == "make":
                between = [t for t in sent if tok.i < t.i and t.idx < rank.start]
                code = _first(parties, [r for r in parties.refs_in(between) if r.char not in taken
                                        and r.kind in ("country", "place")], speaker_country, exclude)
                if code:
                    return code
            subject = _subject(tok)
            if subject is None:  # "making the UAE one of the top three investors"
                subject = next((c for c in tok.children if c.dep_ in ("dobj", "ccomp") and c.idx < rank.start), None)
            if subject is not None:
                refs = [r for r in parties.refs_in(list(subject.subtree)) if r.char not in taken]
                code = _first(parties, refs, speaker_country, exclude)
                if code:
                    return code
            break
        if tok.head == tok:
            break
        tok = tok.head
    before = [t for t in sent if t.idx < rank.start]
    refs = [r for r in reversed(parties.refs_in(before)) if r.char not in taken and r.kind != "dyad"]
    return _first(parties, refs, speaker_country, exclude)
