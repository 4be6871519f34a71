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
from datetime import date as Date

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from dragoman import codebooks
from dragoman.model import Event
from dragoman.nlp.eventargs import (Args, ArgFinder, _add, noun_args, referenced_target,
                                    verb_args)
from dragoman.nlp.eventrules import (MEETING_MODES, Trigger, TriggerLexicon, event_status,
                                     is_future, is_speech, lemma, raw_triggers, select_triggers)
from dragoman.nlp.extensions import register_extensions
from dragoman.nlp.timex import Timex, resolve, timexes_in

# Time expressions that date an event: a point or a period ("on Monday", "in November"),
# not a deadline ("by 2030") or a duration.
EVENT_TIME_KINDS = frozenset({"date", "range"})
# Clause parts whose time expressions belong to another event or statement.
# A trigger's own "to"-complement ("agreed to meet next year") has its own time too.
OTHER_CLAUSE_DEPS = frozenset({"ccomp", "csubj", "relcl", "acl", "advcl", "parataxis", "conj",
                               "xcomp"})
# The lead: the first sentences of a news report, which date its main happening ("said in
# New Delhi on Tuesday"); and how far before publication such a date may lie (days).
LEAD_SENTENCES = 3
LEAD_DAYS = 7
# Events dated this many years before publication are background, not news ("had been
# granted trade preferences in 2016"). Tuned on examples/ (team gold leaves them out).
BACKGROUND_YEARS = 2
# Types whose events concern both sides alike, so "we" or "the two sides" need no target.
MUTUAL_TYPES = frozenset({"CONSULT", "AGREE", "COOPERATE"})


@dataclass
class Draft:
    """An event before merging and numbering. sent: the token index where its sentence starts."""

    trigger: Trigger
    type: str
    cameo: str
    goldstein: float | None
    mode: str | None
    status: str
    args: Args
    date: str | None
    span: tuple[int, int]
    sent: int
    spans: list[tuple[int, int]] = field(default_factory=list)

    @property
    def actors(self) -> list[str]:
        return self.args.source + self.args.target


# --- dates ------------------------------------------------------------------------------

def _clause_tokens(anchor: Token, noun: Token | None) -> set[int]:
    """The tokens of the anchor's own clause (not its reported, relative or coordinated
    clauses), plus the event noun's own phrase."""
    def own(c: Token) -> bool:
        """A conjoined noun stays, a conjoined clause does not; a participle without a
        subject shares the time ("X, speaking on Wednesday, accused Y")."""
        if c.dep_ not in OTHER_CLAUSE_DEPS:
            return True
        if c.dep_ == "conj":
            return c.pos_ in ("NOUN", "PROPN")
        return c.dep_ == "advcl" and c.tag_ in ("VBG", "VBN") and not any(
            k.dep_.startswith("nsubj") or k.dep_ == "mark" for k in c.children)

    out = {anchor.i}
    stack = [c for c in anchor.children if own(c)]
    if noun is not None:
        stack.append(noun)
    while stack:
        tok = stack.pop()
        out.add(tok.i)
        stack.extend(c for c in tok.children if own(c) or (tok is noun and c.dep_ == "acl"))
    return out


def _timex_in(doc: Doc, sent: Span, inside: set[int], near: int) -> Timex | None:
    """The dating time expression of the sentence within tokens `inside`, nearest to `near`."""
    best: tuple[int, Timex] | None = None
    for tx in timexes_in(doc, sent.start_char, sent.end_char):
        if tx.kind not in EVENT_TIME_KINDS or not tx.value:
            continue
        span = doc.char_span(tx.start, tx.end, alignment_mode="expand")
        if span is None or not any(t.i in inside for t in span):
            continue
        distance = abs(span.root.i - near)
        if best is None or distance < best[0]:
            best = (distance, tx)
    return best[1] if best else None


def _speech_clause_timex(doc: Doc, tok: Token) -> Timex | None:
    """"Caracas announced on Monday that it would suspend imports": the date of the
    statement that reports an undated event."""
    cur = tok
    for _ in range(6):
        if cur.head is cur:
            return None
        if cur.dep_ == "ccomp" and is_speech(cur.head):
            return _timex_in(doc, cur.sent, _clause_tokens(cur.head, None), cur.head.i)
        cur = cur.head
    return None


def event_timex(trigger: Trigger, doc: Doc) -> tuple[Timex | None, bool]:
    """The time expression that dates the trigger: in its own clause, else in the clause
    of the statement reporting it; (timex, found in its own clause)."""
    anchor = doc[trigger.verb] if trigger.verb is not None else doc[trigger.head]
    noun = doc[trigger.head] if trigger.is_noun else None
    sent = doc[trigger.head].sent
    found = _timex_in(doc, sent, _clause_tokens(anchor, noun), trigger.head)
    if found is None and anchor.dep_ == "conj" and not any(c.dep_ == "nsubj" for c in anchor.children):
        # "imposed sanctions on Tuesday and summoned the charge d'affaires": the first verb's time
        found = _timex_in(doc, sent, _clause_tokens(anchor.head, None), anchor.head.i)
    if found is not None:
        return found, True
    return _speech_clause_timex(doc, anchor), False


def _retensed(tx: Timex, status: str, pub: Date | None) -> str | None:
    """Re-read a weekday or month named without a year in the tense the event has: the
    coming November for a planned summit, the past one for what occurred."""
    value = tx.value
    if pub is None or value is None or any(ch.isdigit() for ch in tx.text):
        return value
    future = is_future(value, pub.isoformat())
    if (status != "occurred") != future:
        return resolve(tx.text, pub, future=status != "occurred") or value
    return value


def lead_date(doc: Doc) -> str | None:
    """The day the lead reports ("said in New Delhi on Tuesday"): the first day-precise date
    of the first two sentences within a week before publication."""
    pub: Date | None = doc._.pub_date
    if pub is None:
        return None
    sents = list(doc.sents)[:2]
    if not sents:
        return None
    for tx in timexes_in(doc, sents[0].start_char, sents[-1].end_char):
        if tx.kind == "date" and tx.value and len(tx.value) == 10:
            days = (pub - Date.fromisoformat(tx.value)).days
            if 0 <= days <= LEAD_DAYS:
                return tx.value
    return None


# --- drafting ---------------------------------------------------------------------------

def _span(doc: Doc, trigger: Trigger, args: Args) -> tuple[int, int]:
    """From the first to the last word of the trigger and its arguments, within the sentence."""
    sent = doc[trigger.head].sent
    toks = [doc[i] for i in (*trigger.tokens, *args.tokens) if sent.start <= i < sent.end]
    return min(t.idx for t in toks), max(t.idx + len(t.text) for t in toks)


Earlier = list[tuple[str, str, list[str]]]  # (trigger lemmas, PLOVER type, source) so far


def fill_missing_actors(trigger: Trigger, doc: Doc, finder: ArgFinder, args: Args,
                        earlier: Earlier) -> None:
    """Actors the clause leaves implicit: the doers of an event the object names ("condemned
    the detention"); for a meeting with no subject ("the session will take place"), the two
    sides; for a statement in someone's words, the speaker."""
    term = trigger.term
    head = doc[trigger.head]
    if not args.target and term.plover not in MUTUAL_TYPES:
        obj = next((c for c in head.children if c.dep_ == "dobj" and c.i not in trigger.tokens), None)
        entry = codebooks.event_lookup(lemma(obj), "noun") if obj is not None else None
        if obj is not None and entry is not None:
            args.target = [t for t in referenced_target(obj, entry.plover, earlier) if t not in args.source]
    if not args.source:
        speaker = finder.speaker_at(head)
        if term.plover == "CONSULT" and term.mode in ("meeting", "conference", "call"):
            args.source = finder.two_sides(head)
        elif speaker and (term.plover not in MUTUAL_TYPES or not args.location):
            args.source = [speaker]


def draft_event(trigger: Trigger, doc: Doc, finder: ArgFinder, earlier: Earlier) -> Draft | None:
    """One event from one trigger, or None when its actor is unknown or no state actor."""
    args = noun_args(trigger, doc, finder) if trigger.is_noun else verb_args(trigger, doc, finder)
    if args.non_state or (args.unknown and not args.source):
        return None
    fill_missing_actors(trigger, doc, finder, args, earlier)
    if not args.source and not args.target and args.location is None:
        return None
    args.target = [t for t in args.target if t not in args.source]
    pub: Date | None = doc._.pub_date
    tx, own = event_timex(trigger, doc)
    status = event_status(trigger, doc, tx.value if tx and own else None, pub.isoformat() if pub else None)
    when = (_retensed(tx, status, pub) if own else tx.value) if tx else None
    term = trigger.term
    entry = codebooks.cameo(term.cameo)
    span = _span(doc, trigger, args)
    return Draft(trigger, term.plover, term.cameo, entry.goldstein if entry else term.goldstein,
                 term.mode, status, args, when, span, doc[trigger.head].sent.start, [span])


def learn_partners(drafts: list[Draft], finder: ArgFinder) -> None:
    """Who met whom: each actor's partners in meetings, for "we" and "they" later."""
    for d in drafts:
        if d.type != "CONSULT" or d.args.first_person:
            continue
        for a in d.actors:
            for b in d.actors:
                if finder.kind(a) == finder.kind(b) and finder.country_of(a) != finder.country_of(b):
                    _add(finder.partners.setdefault(a, []), [b])


def complete_targets(drafts: list[Draft], finder: ArgFinder) -> None:
    """An event by one side with no target is aimed at the other side: "we have agreed"
    (the speaker's counterpart), "demanded the release of the crew", a visit with no
    destination named. Summits and organisations' acts are left as they are."""
    for d in drafts:
        src = d.args.source
        if d.args.target or not src or d.mode == "summit":
            continue
        countries = {finder.country_of(s) for s in src}
        if len(countries) != 1 or finder.kind(src[0]) not in ("person", "country"):
            continue
        if d.type in MUTUAL_TYPES and not d.args.first_person and len(src) > 1:
            continue
        d.args.target = [c for c in finder.counterpart(src[0]) if c not in src]


# --- merging ----------------------------------------------------------------------------

def _dates_agree(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a.startswith(b) or b.startswith(a)


def _share_actor(a: Draft, b: Draft, finder: ArgFinder) -> bool:
    """A person or organisation in common; or, when one side names only countries, the
    other's people belong to them and both are dated alike."""
    ours, theirs = set(a.actors), set(b.actors)
    if any(finder.kind(i) != "country" for i in ours & theirs):
        return True
    if not (a.date and a.date == b.date):
        return False
    for mine, other in ((ours, theirs), (theirs, ours)):
        if mine and all(finder.kind(i) == "country" for i in mine):
            if {finder.country_of(i) for i in mine} <= {finder.country_of(i) for i in other}:
                return True
    return False


def same_happening(a: Draft, b: Draft, finder: ArgFinder) -> bool:
    """Two reports of one meeting: both CONSULT, same status, both or neither a call,
    compatible dates and an actor in common."""
    if a.type != "CONSULT" or b.type != "CONSULT" or a.status != b.status:
        return False
    if (a.mode == "call") != (b.mode == "call"):
        return False
    return _dates_agree(a.date, b.date) and _share_actor(a, b, finder)


def _absorb(keep: Draft, other: Draft, finder: ArgFinder) -> None:
    if other.date and (keep.date is None or len(other.date) > len(keep.date)):
        keep.date = other.date
    if keep.mode not in MEETING_MODES and other.mode in MEETING_MODES:
        keep.mode = other.mode
    _add(keep.args.source, [s for s in other.args.source if s not in keep.args.target])
    _add(keep.args.target, [t for t in other.args.target if t not in keep.args.source])
    loc, new = keep.args.location, other.args.location
    if loc is None or (new and finder.kind(loc) == "country" and finder.kind(new) == "place"
                       and finder.country_of(new) == finder.country_of(loc)):
        keep.args.location = new or loc
    keep.spans.extend(other.spans)


def merge_drafts(drafts: list[Draft], finder: ArgFinder) -> list[Draft]:
    """Fold reports of one meeting into the first report, and repeats of one CAMEO code
    within one sentence ("condemned and denounced") into the first."""
    out: list[Draft] = []
    for d in sorted(drafts, key=lambda d: d.span):
        home = next((o for o in out if same_happening(o, d, finder)), None) or next(
            (o for o in out if o.cameo == d.cameo and o.status == d.status and o.sent == d.sent
             and set(o.actors) == set(d.actors)), None)
        if home is None:
            out.append(d)
            continue
        if home.date is None and d.date is not None:  # the dated report names the happening
            home.cameo, home.goldstein, home.trigger = d.cameo, d.goldstein, d.trigger
        _absorb(home, d, finder)
    return out


def date_from_lead(drafts: list[Draft], doc: Doc) -> None:
    """A meeting the lead reports without a date took place on the day the lead names."""
    day = lead_date(doc)
    if day is None:
        return
    starts = [s.start for s in list(doc.sents)[:LEAD_SENTENCES]]
    for d in drafts:
        if d.type == "CONSULT" and d.status == "occurred" and d.date is None and d.sent in starts:
            d.date = day


def is_background(d: Draft, pub: Date | None) -> bool:
    """Happenings dated years before publication are background to the news."""
    return bool(pub and d.date and d.status == "occurred"
                and int(d.date[:4]) <= pub.year - BACKGROUND_YEARS)


def to_event(n: int, d: Draft, doc: Doc) -> Event:
    return Event(id=f"V{n}", type=d.type, status=d.status, span=d.span, mode=d.mode,  # type: ignore[arg-type]
                 source=list(d.args.source), target=list(d.args.target), date=d.date,
                 location=d.args.location, cameo=d.cameo, goldstein=d.goldstein,
                 trigger=" ".join(doc[i].text for i in d.trigger.tokens), spans=sorted(set(d.spans)))


def extract_events(doc: Doc, lexicon: TriggerLexicon) -> list[Event]:
    """The events `doc` reports, merged and numbered in text order."""
    finder = ArgFinder(doc)
    drafts: list[Draft] = []
    earlier: Earlier = []
    for t in select_triggers(doc, raw_triggers(doc, lexicon)):
        d = draft_event(t, doc, finder, earlier)
        if d is not None:
            drafts.append(d)
            earlier.append((" ".join(lemma(doc[i]) for i in t.tokens), d.type, d.args.source))
    learn_partners(drafts, finder)
    complete_targets(drafts, finder)
    date_from_lead(drafts, doc)
    drafts = [d for d in merge_drafts(drafts, finder) if not is_background(d, doc._.pub_date)]
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
