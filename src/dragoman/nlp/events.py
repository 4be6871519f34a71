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
from dragoman.nlp.eventargs import (FIRST_PERSON, THIRD_PLURAL, THIRD_SINGULAR, Args, ArgFinder, _add,
                                    locate, noun_args, referenced_target, verb_args)
from dragoman.nlp.eventdirection import orient, receives_thing
from dragoman.nlp.eventgroups import fill_numbered_sides
from dragoman.nlp.eventlabels import LABEL_RELATION, label_args, label_triggers, told_accusations
from dragoman.nlp.eventrefs import act_doers, earlier_doers, named_sides, previous_subject
from dragoman.nlp.eventrules import (Trigger, TriggerLexicon, is_speech, raw_triggers,
                                     select_triggers)
from dragoman.nlp.eventstatus import (MEETING_MODES, event_status, is_future, leave_dates_to_meetings, lemma,
                                      meeting_clauses)
from dragoman.nlp.extensions import register_extensions, token_table
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
# Types whose events are news with a place alone ("the summit in Addis Ababa in February",
# "an air strike in Gaza"); other events need an actor.
PLACED_TYPES = frozenset({"CONSULT", "ASSAULT", "PROTEST"})
# Prepositions that put one event inside another, at the same time: "met at the summit".
SAME_TIME_PREPS = frozenset({"at", "during", "in", "on", "via", "by", "over", "amid"})
# Types an organisation's act needs a target for: backing given to someone.
BACKING_TYPES = frozenset({"SUPPORT", "AID"})
# The CAMEO code of signing a formal agreement: one ceremony may be told twice.
SIGNING_CAMEO = "057"
# First words of a time to come that names no date ("next week", "in the coming days").
VAGUE_FUTURE = ("next", "coming", "in the coming", "later", "upcoming", "this coming")


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
    anaphoric: bool = False  # "during the visit": a meeting named before; "the deal" told before
    lemmas: tuple[str, ...] = ()  # of the trigger's words, head last for a noun

    @property
    def actors(self) -> list[str]:
        return self.args.source + self.args.target


# --- dates ------------------------------------------------------------------------------

def _clause_tokens(anchor: Token, noun: Token | None, others: frozenset[int] = frozenset()) -> set[int]:
    """The tokens of the anchor's own clause (not its reported, relative or coordinated
    clauses, nor the phrases of the event nouns `others`: "the talks followed a call on
    Friday"), plus the event noun's own phrase."""
    table = token_table(anchor.doc)
    dep, kids = table.dep, table.children

    def own(c: int) -> bool:
        """A conjoined noun stays, a conjoined clause does not; a participle without a
        subject shares the time ("X, speaking on Wednesday, accused Y")."""
        if dep[c] not in OTHER_CLAUSE_DEPS:
            return True
        if dep[c] == "conj":
            return table.pos[c] in ("NOUN", "PROPN")
        return dep[c] == "advcl" and table.tag[c] in ("VBG", "VBN") and not any(
            dep[k].startswith("nsubj") or dep[k] == "mark" for k in kids[c])

    out = {anchor.i}
    stack = [c for c in kids[anchor.i] if own(c) and c not in others]
    # the noun's own participle and the relative clause that dates or places it stay ("talks
    # held in Cairo on Monday", "the session, which will take place in Accra in May")
    noun_clauses = set() if noun is None else {c.i for c in meeting_clauses(noun)}
    if noun is not None:
        stack.append(noun.i)
    while stack:
        tok = stack.pop()
        out.add(tok)
        stack.extend(c for c in kids[tok] if c not in others and (
            own(c) or c in noun_clauses or (noun is not None and tok == noun.i and dep[c] == "acl")))
    return out


def _timex_in(doc: Doc, sent: Span, inside: set[int], near: int) -> Timex | None:
    """The dating time expression of the sentence within tokens `inside`, nearest to `near`."""
    best: tuple[int, Timex] | None = None
    for tx in timexes_in(doc, sent.start_char, sent.end_char):
        if tx.kind not in EVENT_TIME_KINDS or not tx.value:
            continue
        tokens = _timex_tokens(doc, tx)
        if tokens is None or not any(i in inside for i in range(tokens[0], tokens[1])):
            continue
        distance = abs(tokens[2] - near)
        if best is None or distance < best[0]:
            best = (distance, tx)
    return best[1] if best else None


def _timex_tokens(doc: Doc, tx: Timex) -> tuple[int, int, int] | None:
    """(start, end, root) token indices of a time expression, found once per doc."""
    cache = doc.user_data.setdefault("dragoman_timex_tokens", {})
    key = (tx.start, tx.end)
    if key not in cache:
        span = doc.char_span(tx.start, tx.end, alignment_mode="expand")
        cache[key] = None if span is None else (span.start, span.end, span.root.i if len(span) else -1)
    return cache[key]


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


def _own_tokens(trigger: Trigger, doc: Doc, others: frozenset[int]) -> tuple[Token, set[int]]:
    """The word that dates the trigger and the tokens of its own clause."""
    anchor = doc[trigger.verb] if trigger.verb is not None else doc[trigger.head]
    noun = doc[trigger.head] if trigger.is_noun else None
    return anchor, _clause_tokens(anchor, noun, others - {trigger.head})


def _vague_future(trigger: Trigger, doc: Doc, others: frozenset[int]) -> bool:
    """"at a meeting of ministers in Cairo next week": a time to come without a date."""
    _, inside = _own_tokens(trigger, doc, others)
    sent = doc[trigger.head].sent
    for tx in timexes_in(doc, sent.start_char, sent.end_char):
        if tx.value is None and tx.text.lower().startswith(VAGUE_FUTURE):
            tokens = _timex_tokens(doc, tx)
            if tokens is not None and any(i in inside for i in range(tokens[0], tokens[1])):
                return True
    return False


def event_timex(trigger: Trigger, doc: Doc,
                others: frozenset[int] = frozenset()) -> tuple[Timex | None, bool]:
    """The time expression that dates the trigger: in its own clause (outside the phrases of
    the other event nouns `others`), else in the clause of the statement reporting it;
    (timex, found in its own clause)."""
    anchor, inside = _own_tokens(trigger, doc, others)
    sent = doc[trigger.head].sent
    found = _timex_in(doc, sent, inside, trigger.head)
    if found is None and anchor.dep_ == "conj" and not any(c.dep_ == "nsubj" for c in anchor.children):
        # "imposed sanctions on Tuesday and summoned the charge d'affaires": the first verb's time
        found = _timex_in(doc, sent, _clause_tokens(anchor.head, None), anchor.head.i)
    if found is not None:
        return found, True
    return _speech_clause_timex(doc, anchor), False


def _tense_decides(tx: Timex, trigger: Trigger, doc: Doc) -> bool:
    """A weekday or month without a year, on a verb in the past ("agreements signed on
    Wednesday during a visit"): the verb's tense, not the date as first resolved, says
    whether the event occurred."""
    if trigger.verb is None or any(ch.isdigit() for ch in tx.text):
        return False
    verb = doc[trigger.verb]
    helpers = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    return verb.tag_ == "VBD" or (verb.tag_ == "VBN" and not helpers & {"to", "will", "would", "be", "'ll"})


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
    of the first two sentences within a week before publication (a weekday read as the
    past one, whatever the tense of the lead's main verb)."""
    pub: Date | None = doc._.pub_date
    if pub is None:
        return None
    sents = list(doc.sents)[:2]
    if not sents:
        return None
    for tx in timexes_in(doc, sents[0].start_char, sents[-1].end_char):
        value = tx.value
        if value and value > pub.isoformat() and not any(ch.isdigit() for ch in tx.text):
            value = resolve(tx.text, pub, future=False)
        if tx.kind == "date" and value and len(value) == 10:
            days = (pub - Date.fromisoformat(value)).days
            if 0 <= days <= LEAD_DAYS:
                return value
    return None


# --- drafting ---------------------------------------------------------------------------

def _span(doc: Doc, trigger: Trigger, args: Args) -> tuple[int, int]:
    """From the first to the last word of the trigger and its arguments, within the sentence."""
    sent = doc[trigger.head].sent
    toks = [doc[i] for i in (*trigger.tokens, *args.tokens) if sent.start <= i < sent.end]
    return min(t.idx for t in toks), max(t.idx + len(t.text) for t in toks)


Earlier = list[tuple[str, str, list[str]]]  # (trigger lemmas, PLOVER type, source) so far


def fill_missing_actors(trigger: Trigger, doc: Doc, finder: ArgFinder, args: Args,
                        earlier: Earlier) -> bool:
    """Actors the clause leaves implicit: the doers of an event the object names ("condemned
    the detention"); for a meeting with no subject ("the session will take place"), the two
    sides; for a statement in someone's words, the speaker; for "the ban" named before, the
    doers of the event told with it or the subject of the sentence before. True when the
    noun tells an earlier event again ("the deal" after "signed a deal")."""
    term = trigger.term
    head = doc[trigger.head]
    anaphor = not args.source and trigger.is_noun and term.plover != "CONSULT" and refers_back(head)
    restates = False
    if anaphor:
        args.source, restates = earlier_doers(head, term.plover, earlier)
    if not args.target and term.plover not in MUTUAL_TYPES:
        obj = next((c for c in head.children if c.dep_ == "dobj" and c.i not in trigger.tokens), None)
        entry = codebooks.event_lookup(lemma(obj), "noun") if obj is not None else None
        if obj is not None and entry is not None:
            args.target = [t for t in referenced_target(obj, entry.plover, earlier) if t not in args.source]
        elif obj is not None:  # "condemned the move"
            args.target = act_doers(obj, earlier, args.source)
    if not args.source:
        speaker = finder.speaker_at(head)
        if term.plover == "CONSULT" and term.mode in ("meeting", "conference", "call"):
            args.source = finder.two_sides(head)
        elif speaker and (term.plover not in MUTUAL_TYPES or not args.location):
            args.source = [speaker]
        elif anaphor and term.plover not in MUTUAL_TYPES:  # a deal has two sides, not one subject
            args.source = [i for i in previous_subject(finder, head) if i not in args.target]
    return restates


def _invited(trigger: Trigger, doc: Doc, finder: ArgFinder, args: Args) -> None:
    """A meeting an invitation arranges: those invited come, to the place the invitation
    names ("invited X to Kyiv in January for the first meeting of the committee")."""
    governor = doc[trigger.under] if trigger.under is not None else None
    if governor is None or lemma(governor) != "invite":
        return
    invited = [i for c in governor.children if c.dep_ == "dobj" for i in finder.phrase_entities(c)]
    args.source[:0] = [i for i in invited if i not in args.source]
    if args.location is None:
        locate([governor], finder, args, True)


def draft_event(trigger: Trigger, doc: Doc, finder: ArgFinder, earlier: Earlier,
                others: frozenset[int] = frozenset()) -> Draft | None:
    """One event from one trigger, or None when its actor is unknown or no state actor.
    others: the heads of the other event nouns (their times are their own)."""
    args = (label_args(trigger, doc, finder) if trigger.relation == LABEL_RELATION
            else noun_args(trigger, doc, finder) if trigger.is_noun else verb_args(trigger, doc, finder))
    fill_numbered_sides(trigger.verb, doc, args, earlier)  # "the four leaders adopted ..."
    if args.non_state or (args.unknown and not args.source) or receives_thing(trigger, doc, finder):
        return None
    restates = fill_missing_actors(trigger, doc, finder, args, earlier)
    orient(trigger, doc, finder, args)
    if trigger.under is not None:
        _invited(trigger, doc, finder, args)
    if not args.source and not args.target and (
            args.location is None or trigger.term.plover not in PLACED_TYPES):
        return None
    args.target = [t for t in args.target if t not in args.source]
    pub: Date | None = doc._.pub_date
    tx, own = event_timex(trigger, doc, others)
    if trigger.under is not None and not (tx and own) and args.location is None:
        return None  # "agreed to hold annual consultations": no meeting of its own yet
    dated = tx.value if tx and own and not _tense_decides(tx, trigger, doc) else None
    status = event_status(trigger, doc, dated, pub.isoformat() if pub else None)
    if status == "occurred" and trigger.term.plover == "CONSULT" and _vague_future(trigger, doc, others):
        status = "planned"
    when = (_retensed(tx, status, pub) if own else tx.value) if tx else None
    term = trigger.term
    entry = codebooks.cameo(term.cameo)
    span = _span(doc, trigger, args)
    anaphoric = restates or (
        term.plover == "CONSULT" and trigger.relation == "prep" and refers_back(doc[trigger.head]))
    return Draft(trigger, term.plover, term.cameo, entry.goldstein if entry else term.goldstein,
                 term.mode, status, args, when, span, doc[trigger.head].sent.start, [span], anaphoric,
                 tuple(lemma(doc[i]) for i in sorted(trigger.tokens, key=lambda i: i == trigger.head)))


def refers_back(noun: Token) -> bool:
    """"during the visit", "at the end of the two-day meeting": a definite meeting noun that
    names nobody (no name, no "with", "between", "of" or "by"), so names a meeting told before."""
    if not any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in noun.children):
        return False
    if any((t.pos_ == "PROPN" and t.ent_type_ not in ("DATE", "TIME")) or t.lower_ in FIRST_PERSON
           | THIRD_SINGULAR | THIRD_PLURAL for t in noun.subtree):
        return False
    return not any(c.dep_ == "prep" and c.lower_ in ("with", "between", "of", "by") for c in noun.children)


def joint_body_sides(drafts: list[Draft], finder: ArgFinder) -> None:
    """A meeting of a joint body is a meeting of the countries its name joins ("the next
    session of the Kenya-Ethiopia Joint Commission")."""
    for d in drafts:
        if d.type == "CONSULT":
            for eid in list(d.actors):
                _add(d.args.source, [c for c in named_sides(finder, eid) if c not in d.args.target])


def learn_partners(drafts: list[Draft], finder: ArgFinder) -> None:
    """Who met whom: each actor's partners in meetings, for "we" and "they" later."""
    for d in drafts:
        if d.type != "CONSULT" or d.args.first_person:
            continue
        for a in d.actors:
            for b in d.actors:
                if finder.kind(a) == finder.kind(b) and finder.country_of(a) != finder.country_of(b):
                    _add(finder.partners.setdefault(a, []), [b])


def share_coordinated_targets(drafts: list[Draft], doc: Doc, finder: ArgFinder) -> None:
    """"The EU condemned the incursion and called on Belarus to respect ...": a verb with no
    target shares that of the verb it is coordinated with, when both have the same doers
    and the target is a state or a person."""
    by_verb = {d.trigger.verb: d for d in drafts if d.trigger.verb is not None and not d.trigger.is_noun}
    for d in drafts:
        if d.args.target or d.type in MUTUAL_TYPES or d.trigger.is_noun or d.trigger.verb is None:
            continue
        verb = doc[d.trigger.verb]
        partners = [c.i for c in verb.children if c.dep_ == "conj"]
        if verb.dep_ == "conj":
            partners.append(verb.head.i)
        for other in (by_verb[i] for i in partners if i in by_verb):
            if other.args.source == d.args.source and other.args.target and all(
                    finder.kind(t) in ("country", "person") for t in other.args.target):
                d.args.target = list(other.args.target)
                break


def complete_targets(drafts: list[Draft], finder: ArgFinder) -> None:
    """An event by one side with no target is aimed at the other side: "we have agreed"
    (the speaker's counterpart), "demanded the release of the crew", a visit with no
    destination named. Summits and organisations' acts are left as they are."""
    for d in drafts:
        src = d.args.source
        if d.args.target or not src or d.mode == "summit":
            continue
        # an organisation of no known country beside its country ("the German bank KfW")
        # leaves the side to the country
        states = [s for s in src if finder.kind(s) in ("person", "country")]
        countries = {finder.country_of(s) for s in src
                     if finder.kind(s) != "organization" or finder.country_of(s)}
        if len(countries) != 1 or not states or finder.kind(src[0]) == "place":
            continue
        if d.type in MUTUAL_TYPES and not d.args.first_person and len(src) > 1:
            continue
        d.args.target = (_recipients(d, drafts, finder, countries)
                         or [c for c in finder.counterpart(states[0]) if c not in src])


def _recipients(d: Draft, drafts: list[Draft], finder: ArgFinder, countries: set[str | None]) -> list[str]:
    """"China also offered assistance": aid with no recipient named goes where the article's
    other aid goes (the first aid event's targets of another country), not to the donor's
    usual counterpart."""
    if d.type != "AID":
        return []
    for other in drafts:
        if other is not d and other.type == "AID" and other.args.target:
            targets = [t for t in other.args.target if finder.country_of(t) not in countries]
            if targets:
                return targets
    return []


def aimless_backing(d: Draft, finder: ArgFinder) -> bool:
    """"The Business Council supports the plan", "the bank will provide loans for the
    project": support or aid by organisations alone for no actor of the article is no event
    between states (a state's is aimed at its counterpart by `complete_targets`)."""
    return (d.type in BACKING_TYPES and not d.args.target and bool(d.args.source)
            and all(finder.kind(s) == "organization" for s in d.args.source))


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


def _other_people(a: Draft, b: Draft, finder: ArgFinder) -> bool:
    """"held talks with the deputy minister and was later received by the prime minister":
    one person in common, and each meeting has someone of the other side the other lacks."""
    ours = {i for i in a.actors if finder.kind(i) == "person"}
    theirs = {i for i in b.actors if finder.kind(i) == "person"}
    sides = {finder.country_of(i) for i in ours & theirs}
    if not sides:
        return False
    return bool({i for i in ours - theirs if finder.country_of(i) not in sides}
                and {i for i in theirs - ours if finder.country_of(i) not in sides})


def same_signing(a: Draft, b: Draft, finder: ArgFinder) -> bool:
    """Two reports of one signing ceremony: "Serbia and the UAE on Thursday signed a trade
    agreement" in the lead, "the agreement was signed at the palace by the two ministers"
    later; the same status, compatible dates and the same sides."""
    if a.cameo != SIGNING_CAMEO or b.cameo != SIGNING_CAMEO or a.status != b.status:
        return False
    return _dates_agree(a.date, b.date) and _share_actor(a, b, finder) and not _other_people(a, b, finder)


def same_happening(a: Draft, b: Draft, finder: ArgFinder) -> bool:
    """Two reports of one meeting: both CONSULT, same status, both or neither a call (but
    "discussed it in a phone call" is one), compatible dates, an actor in common and no
    different people of one country."""
    if same_signing(a, b, finder):
        return True
    if a.type != "CONSULT" or b.type != "CONSULT" or a.status != b.status:
        return False
    one_sentence = a.sent == b.sent
    if a.status == "planned" and not one_sentence and None not in (a.mode, b.mode) and a.mode != b.mode:
        return False  # "invited him to pay a visit"; later "agreed to convene a meeting": two plans
    if (a.mode == "call") != (b.mode == "call") and not (one_sentence and None in (a.mode, b.mode)):
        return False
    same_actors = one_sentence and set(a.actors) == set(b.actors)  # "discussed it in a phone call"
    return (_dates_agree(a.date, b.date) and (same_actors or _share_actor(a, b, finder))
            and not _other_people(a, b, finder))


def _antecedent(d: Draft, out: list[Draft]) -> Draft | None:
    """The meeting that "the visit" or "the two-day meeting" refers back to: the last one
    before it with the same status (of the same kind, if any)."""
    if not d.anaphoric:
        return None
    if d.type != "CONSULT":  # "the deal, signed in Nairobi": the last deal told before
        return next((o for o in reversed(out) if o.type == d.type and d.lemmas[-1:] == o.lemmas[-1:]), None)
    earlier = [o for o in out if o.type == "CONSULT" and o.status == d.status
               and (o.mode == "call") == (d.mode == "call")]
    return next((o for o in reversed(earlier) if o.mode == d.mode), earlier[-1] if earlier else None)


def _absorb(keep: Draft, other: Draft, finder: ArgFinder) -> None:
    if other.date and (keep.date is None or len(other.date) > len(keep.date)):
        keep.date = other.date
    if keep.mode not in MEETING_MODES and other.mode in MEETING_MODES:  # "discussed ... in a call"
        keep.mode, keep.cameo, keep.goldstein = other.mode, other.cameo, other.goldstein
    _add(keep.args.source, [s for s in other.args.source if s not in keep.args.target])
    _add(keep.args.target, [t for t in other.args.target if t not in keep.args.source])
    loc, new = keep.args.location, other.args.location
    if loc is None or (new and finder.kind(loc) == "country" and finder.kind(new) == "place"
                       and finder.country_of(new) == finder.country_of(loc)):
        keep.args.location = new or loc
    keep.spans.extend(other.spans)


def merge_drafts(drafts: list[Draft], finder: ArgFinder) -> list[Draft]:
    """Fold reports of one meeting into the first report (in the same sentence, if any),
    "the visit" into the meeting it names, "the deal" into the deal told before, and
    repeats of one CAMEO code within one sentence ("condemned and denounced") into the first."""
    out: list[Draft] = []
    for d in sorted(drafts, key=lambda d: d.span):
        nearest = sorted(out, key=lambda o: o.sent != d.sent)  # a report in the same sentence first
        home = next((o for o in nearest if same_happening(o, d, finder)), None) or next(
            (o for o in out if o.cameo == d.cameo and o.status == d.status and o.sent == d.sent
             and set(o.actors) == set(d.actors)), None) or _antecedent(d, out)
        if home is None and not (d.anaphoric and d.type != "CONSULT"):
            out.append(d)
        if home is None:  # a deal retold whose first telling went into another event goes too
            continue
        if home.date is None and d.date is not None and not d.anaphoric:  # the dated report names it
            home.cameo, home.goldstein, home.trigger, home.span = d.cameo, d.goldstein, d.trigger, d.span
        _absorb(home, d, finder)
    return out


def date_from_lead(drafts: list[Draft], doc: Doc) -> None:
    """A meeting (or a signing) the lead reports without a date took place on the day the
    lead names."""
    day = lead_date(doc)
    if day is None:
        return
    starts = [s.start for s in list(doc.sents)[:LEAD_SENTENCES]]
    for d in drafts:
        if d.status == "occurred" and d.date is None and d.sent in starts and (
                d.type == "CONSULT" or d.mode == "agreement"):
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
    triggers = select_triggers(doc, raw_triggers(doc, lexicon))
    # accusing labels ("X is acting as a tool of ..."), on words no other trigger holds
    labelled = label_triggers(doc, {i for t in triggers for i in t.tokens})
    triggers = sorted(triggers + labelled, key=lambda t: t.head)
    # event nouns that are happenings of their own ("followed a call on Friday"), not the
    # venue of another ("meet again at the summit next month")
    nouns = frozenset(t.head for t in triggers if t.is_noun and not (
        t.relation == "prep" and doc[t.head].head.lower_ in SAME_TIME_PREPS))
    for t in triggers:
        d = draft_event(t, doc, finder, earlier, nouns)
        if d is not None:
            drafts.append(d)
            earlier.append((" ".join(lemma(doc[i]) for i in t.tokens), d.type, d.args.source))
    joint_body_sides(drafts, finder)
    leave_dates_to_meetings(drafts)
    learn_partners(drafts, finder)
    share_coordinated_targets(drafts, doc, finder)
    complete_targets(drafts, finder)
    drafts = [d for d in told_accusations(drafts, finder) if not aimless_backing(d, finder)]
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
