"""The events component: PLOVER-typed, CAMEO-coded events with actors, date, place and status.

`dragoman_events` writes `doc._.events` (list[model.Event], ids "V1", "V2", ... in text
order). Triggers come from the event lexicon (`codebooks/data/events.tsv`) and the
grammar rules of `eventrules`; actors and places from `eventargs`; dates from the
time component (`timex.timexes_in`), resolved against the publication date.

One happening reported twice is one event: meetings (CONSULT) whose actors overlap
and whose dates agree (or one is undated) are merged, keeping every report's span in
`Event.spans` — "a joint news conference with X in Astana on Monday" and "his
happiness at hosting X" are one meeting. A planned meeting never merges with one
that occurred.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc, Token

from dragoman import codebooks
from dragoman.model import Event
from dragoman.nlp.eventargs import (LOCATION_PREPS, NAMED_TARGET_PREPS, TARGET_PREPS, Args,
                                    ArgFinder, _add)
from dragoman.nlp.eventrules import (MEETING_MODES, Trigger, TriggerLexicon, event_status,
                                     noun_governor, raw_triggers, select_triggers)
from dragoman.nlp.extensions import register_extensions
from dragoman.nlp.timex import Timex, timexes_in

# Events whose "we" names both sides: "we have agreed", "we discussed", "we signed".
RECIPROCAL_TYPES = frozenset({"AGREE", "CONSULT", "COOPERATE"})
# Visits: the object or destination is both the target and the place.
VISIT_MODES = frozenset({"visit"})
# Time expressions that date an event: a point or a period ("on Monday", "in November"),
# not a deadline ("by 2030") or a duration.
EVENT_TIME_KINDS = frozenset({"date", "range"})
# Clause parts whose time expressions belong to another event or statement.
OTHER_CLAUSE_DEPS = frozenset({"ccomp", "csubj", "relcl", "acl", "advcl", "parataxis", "conj"})


@dataclass
class Draft:
    """An event before merging and numbering."""

    trigger: Trigger
    type: str
    cameo: str
    goldstein: float | None
    mode: str | None
    status: str
    args: Args
    date: str | None
    span: tuple[int, int]
    sent: int  # token index where the trigger's sentence starts
    spans: list[tuple[int, int]] = field(default_factory=list)

    @property
    def actors(self) -> list[str]:
        return self.args.source + self.args.target


# --- arguments --------------------------------------------------------------------------

def subjects(verb: Token, finder: ArgFinder, args: Args) -> None:
    """The verb's subject as the event's source, looking up through "to"-complements,
    conjuncts and participles ("Türkiye will continue to support": Türkiye); notes whether
    the subject was "I"/"we"."""
    cur: Token | None = verb
    for _ in range(5):
        if cur is None:
            break
        subj = [c for c in cur.children if c.dep_ in ("nsubj", "csubj")]
        subj = [c for c in subj if c.dep_ == "nsubj"]
        if subj:
            for s in subj:
                _add(args.source, finder.phrase_entities(s))
                if s.sent == verb.sent:
                    args.tokens.append(s.i)
            args.first_person = any(s.lower_ in ("i", "we") for s in subj)
            return
        if cur.dep_ in ("xcomp", "conj", "advcl", "pcomp", "prep", "pobj", "acomp") and cur.head is not cur:
            cur = cur.head
            continue
        break


def passive(verb: Token) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)


def _prep_targets(tok: Token, finder: ArgFinder, args: Args) -> None:
    for prep in (c for c in tok.children if c.dep_ == "prep"):
        word = prep.lower_
        for obj in (c for c in prep.children if c.dep_ == "pobj"):
            if obj.ent_type_ in ("DATE", "TIME"):
                continue
            if word in TARGET_PREPS:
                _add(args.target, finder.phrase_entities(obj))
                args.tokens.append(obj.i)
            elif word in NAMED_TARGET_PREPS and finder._mention_entity(obj):
                ids = finder.phrase_entities(obj)
                _add(args.target, [i for i in ids if finder.kind(i) != "place"])
                args.tokens.append(obj.i)
            elif word == "between":
                _add(args.source, finder.phrase_entities(obj))
                args.tokens.append(obj.i)


def _location(toks: list[Token], finder: ArgFinder, args: Args, visit: bool) -> None:
    for tok in toks:
        for prep in (c for c in tok.children if c.dep_ == "prep"):
            if prep.lower_ in LOCATION_PREPS or (visit and prep.lower_ == "to"):
                for obj in (c for c in prep.children if c.dep_ == "pobj"):
                    place = finder.place_of(obj)
                    if place and args.location is None:
                        args.location = place
                        args.tokens.append(obj.i)


def verb_args(trigger: Trigger, doc: Doc, finder: ArgFinder) -> Args:
    """Source, target and place of a verb trigger ("X met Y in Z", "Y was condemned by X")."""
    verb = doc[trigger.head]
    args = Args()
    if passive(verb):
        for c in verb.children:
            if c.dep_ == "agent":
                for obj in (o for o in c.children if o.dep_ == "pobj"):
                    _add(args.source, finder.phrase_entities(obj))
            elif c.dep_ == "nsubjpass" and c.i not in trigger.tokens:
                _add(args.target, finder.phrase_entities(c))
    else:
        subjects(verb, finder, args)
        for c in verb.children:
            if c.dep_ in ("dobj", "dative") and c.i not in trigger.tokens:
                _add(args.target, finder.phrase_entities(c))
                args.tokens.append(c.i)
    for i in trigger.tokens:
        _prep_targets(doc[i], finder, args)
        if i != verb.i and doc[i].pos_ == "NOUN" and not args.source:
            _noun_owners(doc[i], trigger.tokens, finder, args)
    visit = trigger.term.mode in VISIT_MODES
    _location([doc[i] for i in trigger.tokens] + [doc[i] for i in args.tokens], finder, args, visit)
    if visit and args.target:
        places = [i for i in args.target if finder.kind(i) in ("place", "country")]
        if places and args.location is None:
            args.location = places[0]
        args.target = [finder.country_entity(finder.country_of(i)) or i
                       if finder.kind(i) == "place" else i for i in args.target]
    return args


def _noun_owners(noun: Token, skip: tuple[int, ...], finder: ArgFinder, args: Args) -> None:
    """Who an event noun belongs to: "Russia's invasion", "US sanctions", "the summit of
    the OTS", "an attack by rebels"."""
    for c in noun.children:
        if c.dep_ in ("poss", "compound", "amod", "nmod") and c.i not in skip:
            _add(args.source, finder.phrase_entities(c, depth=1))
        elif c.dep_ == "prep" and c.lower_ in ("of", "by"):
            for obj in (o for o in c.children if o.dep_ == "pobj"):
                _add(args.source, [i for i in finder.phrase_entities(obj) if finder.kind(i) != "place"])
                args.tokens.append(obj.i)


def noun_args(trigger: Trigger, doc: Doc, finder: ArgFinder) -> Args:
    """Source, target and place of an event noun: its own modifiers first ("Russia's
    invasion", "the summit of the OTS", "talks with X"), else the subject of its verb
    ("X said at a news conference with Y": X)."""
    noun = doc[trigger.head]
    args = Args()
    _noun_owners(noun, trigger.tokens, finder, args)
    _prep_targets(noun, finder, args)
    verb, relation = noun_governor(noun)
    if not args.source and verb is not None and relation in ("object", "prep"):
        subjects(verb, finder, args)
    visit = trigger.term.mode in VISIT_MODES
    _location([noun] + ([verb] if verb is not None and relation != "prep" else [])
              + [doc[i] for i in args.tokens], finder, args, visit)
    if relation == "prep" and verb is not None and args.location is None:
        _location([verb], finder, args, False)
    if visit and args.location and not args.target:
        host = finder.country_entity(finder.country_of(args.location))
        if host and host not in args.source and finder.country_of(args.location) not in \
                {finder.country_of(s) for s in args.source}:
            args.target.append(host)
    args.target = [t for t in args.target if t not in args.source]
    return args


# --- dates -----------------------------------------------------------------------------

def _clause_tokens(anchor: Token, noun: Token | None) -> set[int]:
    """The tokens of the anchor's own clause (not its reported or relative clauses), plus
    the event noun's phrase."""
    out = {anchor.i}
    stack = [c for c in anchor.children if c.dep_ not in OTHER_CLAUSE_DEPS]
    while stack:
        tok = stack.pop()
        out.add(tok.i)
        stack.extend(c for c in tok.children if c.dep_ not in OTHER_CLAUSE_DEPS or tok.pos_ == "NOUN")
    if noun is not None:
        out.update(t.i for t in noun.subtree)
    return out


def event_date(trigger: Trigger, doc: Doc) -> str | None:
    """The date of the time expression in the trigger's clause closest to the trigger."""
    anchor = doc[trigger.verb] if trigger.verb is not None else doc[trigger.head]
    noun = doc[trigger.head] if trigger.is_noun else None
    sent = doc[trigger.head].sent
    inside = _clause_tokens(anchor, noun)
    best: tuple[int, Timex] | None = None
    for tx in timexes_in(doc, sent.start_char, sent.end_char):
        if tx.kind not in EVENT_TIME_KINDS or not tx.value:
            continue
        span = doc.char_span(tx.start, tx.end, alignment_mode="expand")
        if span is None or not any(t.i in inside for t in span):
            continue
        distance = abs(span.root.i - trigger.head)
        if best is None or distance < best[0]:
            best = (distance, tx)
    return best[1].value if best else None


# --- assembling -------------------------------------------------------------------------

def _span(doc: Doc, trigger: Trigger, args: Args) -> tuple[int, int]:
    """From the first to the last word of the trigger and its arguments, within the sentence."""
    sent = doc[trigger.head].sent
    toks = [doc[i] for i in (*trigger.tokens, *args.tokens) if sent.start <= i < sent.end]
    start = min(t.idx for t in toks)
    end = max(t.idx + len(t.text) for t in toks)
    return start, end


def draft_event(trigger: Trigger, doc: Doc, finder: ArgFinder, pub: str | None) -> Draft | None:
    args = noun_args(trigger, doc, finder) if trigger.is_noun else verb_args(trigger, doc, finder)
    if not args.source and not args.target and args.location is None:
        speaker = finder.speaker_at(doc[trigger.head])
        if speaker is None:
            return None
        args.source = [speaker]
    args.target = [t for t in args.target if t not in args.source]
    term = trigger.term
    date = event_date(trigger, doc)
    status = event_status(trigger, doc, date, pub)
    entry = codebooks.cameo(term.cameo)
    goldstein = entry.goldstein if entry else term.goldstein
    span = _span(doc, trigger, args)
    return Draft(trigger, term.plover, term.cameo, goldstein, term.mode, status, args, date, span,
                 doc[trigger.head].sent.start, [span])


def learn_partners(drafts: list[Draft], finder: ArgFinder) -> None:
    """Who met whom: each actor's partners in meetings, for "we" and "they" later."""
    for d in drafts:
        if d.type != "CONSULT" or d.args.first_person:
            continue
        people = [i for i in d.actors if finder.kind(i) in ("person", "country")]
        for a in people:
            for b in people:
                if finder.country_of(a) != finder.country_of(b) and finder.kind(a) == finder.kind(b):
                    finder.partners.setdefault(a, [])
                    _add(finder.partners[a], [b])


def complete_first_person(drafts: list[Draft], finder: ArgFinder) -> None:
    """"We have agreed to ..." by a minister who met a counterpart: the counterpart is the
    other side. Any "we"/"I" event with no target gets the speaker's counterpart."""
    for d in drafts:
        if d.args.first_person and d.args.source and not d.args.target:
            d.args.target = [c for c in finder.counterpart(d.args.source[0]) if c not in d.args.source]


# --- merging ----------------------------------------------------------------------------

def _dates_agree(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a.startswith(b) or b.startswith(a)


def _share_actor(a: Draft, b: Draft, finder: ArgFinder) -> bool:
    ours, theirs = set(a.actors), set(b.actors)
    named = {i for i in ours & theirs if finder.kind(i) != "country"}
    if named:
        return True
    if any(finder.kind(i) != "country" for i in ours | theirs):
        return False
    return bool(ours & theirs) and a.date is not None and a.date == b.date


def same_happening(a: Draft, b: Draft, finder: ArgFinder) -> bool:
    """Two reports of one meeting: both CONSULT, same status, compatible modes and dates,
    an actor in common (a person or organisation; countries only when both are dated alike)."""
    if a.type != "CONSULT" or b.type != "CONSULT" or a.status != b.status:
        return False
    if (a.mode == "call") != (b.mode == "call"):
        return False
    if a.mode == "summit" and b.mode == "summit" and a.date is None and b.date is None:
        return _share_actor(a, b, finder)
    return _dates_agree(a.date, b.date) and _share_actor(a, b, finder)


def _absorb(keep: Draft, other: Draft, finder: ArgFinder) -> None:
    if keep.date is None or (other.date and len(other.date) > len(keep.date)):
        keep.date = other.date
    if keep.mode is None or (keep.mode not in MEETING_MODES and other.mode in MEETING_MODES):
        keep.mode = other.mode
    _add(keep.args.source, [s for s in other.args.source if s not in keep.args.target])
    _add(keep.args.target, [t for t in other.args.target if t not in keep.args.source])
    loc, new = keep.args.location, other.args.location
    if loc is None or (new and finder.kind(loc) == "country" and finder.kind(new) == "place"
                       and finder.country_of(new) == finder.country_of(loc)):
        keep.args.location = new or loc
    keep.spans.extend(other.spans)


def merge_drafts(drafts: list[Draft], finder: ArgFinder) -> list[Draft]:
    """Fold reports of the same meeting into the first dated one (else the first), and
    exact repeats within one sentence ("condemned and denounced")."""
    out: list[Draft] = []
    for d in sorted(drafts, key=lambda d: d.span):
        home = next((o for o in out if same_happening(o, d, finder)), None)
        if home is None:
            home = next((o for o in out if o.type == d.type and o.status == d.status
                         and set(o.actors) == set(d.actors)
                         and o.sent == d.sent), None)
        if home is None:
            out.append(d)
            continue
        if home.date is None and d.date is not None:
            home.cameo, home.goldstein, home.trigger = d.cameo, d.goldstein, d.trigger
        _absorb(home, d, finder)
    return out


def to_event(n: int, d: Draft, doc: Doc) -> Event:
    trigger_text = " ".join(doc[i].text for i in d.trigger.tokens)
    spans = sorted(set(d.spans))
    return Event(id=f"V{n}", type=d.type, status=d.status, span=d.span, mode=d.mode,  # type: ignore[arg-type]
                 source=list(d.args.source), target=list(d.args.target), date=d.date,
                 location=d.args.location, cameo=d.cameo, goldstein=d.goldstein,
                 trigger=trigger_text, spans=spans)


def extract_events(doc: Doc, lexicon: TriggerLexicon) -> list[Event]:
    """The events `doc` reports, merged and numbered in text order."""
    pub = doc._.pub_date.isoformat() if doc._.pub_date else None
    finder = ArgFinder(doc)
    triggers = select_triggers(doc, raw_triggers(doc, lexicon))
    drafts = [d for t in triggers if (d := draft_event(t, doc, finder, pub)) is not None]
    learn_partners(drafts, finder)
    complete_first_person(drafts, finder)
    drafts = merge_drafts(drafts, finder)
    drafts.sort(key=lambda d: d.span)
    return [to_event(n, d, doc) for n, d in enumerate(drafts, 1)]


class EventExtractor:
    """spaCy component `dragoman_events`: writes `doc._.events` (list[model.Event])."""

    def __init__(self, nlp: Language, name: str = "dragoman_events") -> None:
        register_extensions()
        self.lexicon = TriggerLexicon.load()

    def __call__(self, doc: Doc) -> Doc:
        doc._.events = extract_events(doc, self.lexicon)
        return doc


@Language.factory("dragoman_events")
def make_event_extractor(nlp: Language, name: str) -> EventExtractor:
    return EventExtractor(nlp, name)


