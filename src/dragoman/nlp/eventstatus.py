"""The status of an event (occurred, planned, intended) and the clauses that schedule a meeting.

From the dependency parse around a trigger: a meeting noun after "upcoming", "next" or
"scheduled"; "the forum to be held in June"; a relative clause that dates a meeting ("the
session, which will take place in Accra in May"); the verbs a trigger is the complement of
("will continue to support", "ready to provide", "aim to", "is set to"); and a date after
publication. `eventrules` finds the triggers; this module says whether they have happened.

The word lists below are English grammar (modal and aspect verbs), not domain knowledge,
which is why they live in code.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Doc, Token

if TYPE_CHECKING:  # eventrules and events import this module
    from dragoman.nlp.eventrules import Trigger
    from dragoman.nlp.events import Draft

# Modes of the CONSULT events that are meetings: planned when in the future, not intended.
MEETING_MODES = frozenset({"meeting", "visit", "summit", "call", "conference"})
# Verbs and adjectives that make what they govern an intention: "will continue to support",
# "ready to provide", "aim to", "plan to".
INTENT_WORDS = frozenset({
    "continue", "plan", "aim", "intend", "want", "hope", "wish", "strive", "ready", "willing",
    "determined", "determine", "prepared", "prepare", "try", "seek", "look", "aspire",
    "committed", "eager", "keen", "need", "expect", "mean", "going", "able", "work",
    "propose", "consider",
})
# Words that make what they govern a scheduled event: "is scheduled to", "due to", "set to".
PLAN_WORDS = frozenset({"schedule", "scheduled", "due", "set", "slate", "slated", "expected",
                        "upcoming", "forthcoming", "next", "planned"})
MODAL_FUTURE = frozenset({"will", "shall", "'ll", "wo"})
MODAL_WEAK = frozenset({"would", "should", "could", "may", "might", "must", "can", "ca"})
# Verbs whose object meeting is planned: "prepare a visit", "arrange talks".
PLANNING_VERBS = frozenset({"prepare", "plan", "arrange", "schedule"})
# Verbs that arrange a meeting in their complement: "agreed to hold the next session in
# Baku", "decided to convene", "invited X to visit": the meeting is an event of its own.
ARRANGE_VERBS = frozenset({"agree", "decide", "invite"})


def lemma(tok: Token) -> str:
    """The lower-case lemma of `tok`."""
    return tok.lemma_.lower()


def purpose_clause(tok: Token) -> bool:
    """"... would meet in March to discuss energy": an infinitive of purpose."""
    return tok.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)


def verb_chain(verb: Token) -> list[Token]:
    """The verb and the words it is the complement of: "support" <- "continue"; "provide"
    <- "ready" <- "are"; "meeting" <- "looked (forward to)"; a bare conjunct shares the
    first verb's auxiliaries."""
    chain = [verb]
    cur = verb
    for _ in range(4):
        if cur.dep_ in ("xcomp", "acomp") or (cur.dep_ == "conj" and cur.tag_ == "VB") or purpose_clause(cur):
            cur = cur.head
            chain.append(cur)
        elif cur.dep_ == "pcomp" and cur.head.lower_ == "to" and cur.head.head is not cur.head:
            cur = cur.head.head
            chain.append(cur)
        else:
            break
    return chain


def is_future(value: str | None, pub: str | None) -> bool:
    """Is date `value` ("YYYY", "YYYY-MM", "YYYY-MM-DD") after publication date `pub`?"""
    return bool(value and pub and value > pub[: len(value)])


def event_status(trigger: Trigger, doc: Doc, date: str | None, pub: str | None) -> str:
    """occurred, planned (scheduled; a meeting in the future) or intended ("will continue to
    support", "ready to", "aim to", "plan to", a future act that is not a meeting)."""
    meeting = trigger.term.plover == "CONSULT"
    noun = doc[trigger.head]
    if trigger.is_noun and any(c.lower_ in PLAN_WORDS for c in noun.subtree if c.i < noun.i):
        return "planned"
    scheduled = trigger.is_noun and (_to_be_held(noun) or _clause_future(noun))
    if meeting and (trigger.under is not None or scheduled):
        return "planned"  # "agreed to hold the next session", "the forum to be held in June"
    if meeting and trigger.relation == "object" and lemma(doc[trigger.verb]) in PLANNING_VERBS:
        return "planned"
    if trigger.verb is None:
        return "planned" if meeting and is_future(date, pub) else "occurred"
    if trigger.relation == "prep":  # "ahead of the summit in August", "at the summit next week"
        chain = verb_chain(doc[trigger.verb])
        ahead = noun.head.lower_ == "of" and noun.head.head.lower_ in ("ahead", "eve")
        future = any(c.dep_ == "aux" and c.lower_ in MODAL_FUTURE | {"would"}
                     for t in chain for c in t.children)
        # "is expected to raise it at the meeting", "invited companies to take part in the forum"
        expected = any(t.lower_ in PLAN_WORDS or lemma(t) in ARRANGE_VERBS for t in chain[1:])
        if ahead or future or expected or is_future(date, pub):
            return "planned" if meeting else "intended"
        return "occurred"
    verb = doc[trigger.verb]
    infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    if not trigger.is_noun and verb.dep_ == "acl" and infinitive:
        return "planned" if meeting else "intended"  # "the invitation to visit", "a plan to sign"
    chain = verb_chain(verb)
    heads = chain[1:]
    if any(t.lower_ in PLAN_WORDS or lemma(t) in ("schedule", "slate") for t in heads):
        return "planned"
    if any(lemma(t) in INTENT_WORDS or t.lower_ in INTENT_WORDS for t in heads):
        return "planned" if meeting and trigger.term.mode in MEETING_MODES else "intended"
    auxes = {c.lower_ for t in chain for c in t.children if c.dep_ in ("aux", "auxpass")}
    if auxes & MODAL_FUTURE or "would" in auxes or "going" in auxes:
        return "planned" if meeting else "intended"
    if auxes & MODAL_WEAK:
        return "intended"
    if is_future(date, pub):
        return "planned" if meeting else "intended"
    return "occurred"


# Verbs of an infinitive after a meeting noun that schedule it: "the forum to be held in June".
HOLD_VERBS = frozenset({"hold", "take", "convene", "organize", "organise", "host"})
# Verbs of a relative clause that tell when and where the meeting noun it hangs on happens:
# "the session, which will take place in Accra in May", "the summit, which is scheduled for June".
SCHEDULE_CLAUSE_VERBS = HOLD_VERBS | frozenset({
    "be", "begin", "start", "open", "end", "close", "conclude", "schedule", "slate", "set", "plan",
    "run", "resume"})


def meeting_clauses(noun: Token) -> list[Token]:
    """The verbs of the relative clauses that date or place meeting noun `noun` (or the body
    it is a meeting of: "the next session of the commission, which will take place in Baku"):
    the relative pronoun is their subject and they say the meeting takes place ("which will
    be held in Baku in June"), not what someone does at it ("which he will attend") nor how
    a body came to be ("which was set up in 2010")."""
    heads = [noun] + [o for p in noun.children if p.dep_ == "prep" and p.lower_ == "of"
                      for o in p.children if o.dep_ == "pobj"]
    return [c for h in heads for c in h.children if c.dep_ == "relcl" and lemma(c) in SCHEDULE_CLAUSE_VERBS
            and any(k.dep_ in ("nsubj", "nsubjpass") and k.lower_ in ("which", "that") for k in c.children)
            and not any(k.dep_ == "prt" for k in c.children)]


def _clause_future(noun: Token) -> bool:
    """"the summit, which will take place in June", "which is scheduled for June": a relative
    clause of the meeting noun puts it in the future."""
    for clause in meeting_clauses(noun):
        helpers = {c.lower_ for c in clause.children if c.dep_ in ("aux", "auxpass")}
        if helpers & (MODAL_FUTURE | {"would"}) or lemma(clause) in ("schedule", "slate", "set", "plan"):
            return True
    return False


def _to_be_held(noun: Token) -> bool:
    """"the forum to be held in June": an infinitive of holding after the meeting noun."""
    verbs = [c for c in noun.children if c.dep_ == "acl"]
    if noun.dep_ in ("nsubj", "nsubjpass"):  # the parser may make "to be held" the root
        verbs.append(noun.head)
    return any(lemma(v) in HOLD_VERBS and any(a.dep_ == "aux" and a.lower_ == "to" for a in v.children)
               for v in verbs)


def leave_dates_to_meetings(drafts: list[Draft]) -> None:
    """"invited X to visit Mongolia next year", "agreed to meet in June": the date is the
    planned meeting's, not the invitation's or the agreement's."""
    # the month without the year: the invitation, told in the past, read "in January" as the last one
    planned = {(d.sent, d.date[4:] or d.date) for d in drafts
               if d.type == "CONSULT" and d.status == "planned" and d.date}
    for d in drafts:
        if d.type == "AGREE" and d.date and (d.sent, d.date[4:] or d.date) in planned:
            d.date = None
