"""Event triggers and the grammar around them: which words report an event, and how.

The event lexicon is data (`codebooks/data/events.tsv`): verbs ("meet"), nouns
("joint news conference") and phrases, a verb with its particle or object ("hold
talk", "impose sanction"). This module finds those words in a parsed `Doc` and
decides, from the dependency parse alone, whether a noun reports a happening
("held a summit", "at a news conference") or only names a topic ("the importance
of cooperation"), which clause governs the trigger and whether it is negated. Its
status (occurred, planned, intended) is `eventstatus`'s.

The word lists below are English grammar (light verbs, prepositions), not domain knowledge,
which is why they live in code.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache

from spacy.tokens import Doc, Token

from dragoman import codebooks
from dragoman.codebooks import EventTerm
from dragoman.nlp.eventstatus import (ARRANGE_VERBS, INTENT_WORDS, MEETING_MODES, MODAL_FUTURE,
                                      PLANNING_VERBS, lemma, meeting_clauses, purpose_clause,
                                      verb_chain)
from dragoman.nlp.eventnouns import amount_idiom, attended_for, plain_conference
from dragoman.nlp.extensions import span_text, token_table
from dragoman.nlp.speakers import speech_lexicon

# Verbs whose object noun carries the event: "impose sanctions", "issue a warning",
# "pay a visit". When such a verb is itself in the lexicon ("offer"), the noun wins.
LIGHT_VERBS = frozenset({
    "hold", "have", "conduct", "attend", "co-chair", "chair", "host", "pay", "make", "issue",
    "announce", "impose", "express", "extend", "offer", "provide", "give", "launch", "lodge",
    "level", "file", "voice", "reach", "conclude", "adopt", "deliver", "send", "stage",
    "carry", "take", "seal", "finalize", "finalise", "approve", "unveil", "introduce", "slap",
    "enact", "declare", "receive", "begin", "start", "open", "resume", "convene", "organize",
    "organise", "join", "participate", "engage", "wrap", "end", "complete", "accept",
    "pledge", "promise", "sign", "ink", "renew", "grant", "agree", "arrange", "schedule",
    "tell", "address", "brief", "hand", "submit", "witness", "secure", "obtain", "win", "get",
    "gain", "award",
})
# Nouns that are events in themselves when they stand before these verbs:
# "the summit will take place", "clashes broke out".
HAPPEN_VERBS = frozenset({
    "take", "break", "erupt", "occur", "happen", "begin", "start", "open", "end", "continue",
    "close", "conclude", "resume", "be", "follow", "come",
})
# Prepositions after which a meeting noun reports a meeting: "at a news conference",
# "during his visit", "after talks with", "ahead of the summit".
EVENT_PREPOSITIONS = frozenset({
    "at", "during", "after", "before", "following", "ahead", "in", "on", "by", "over", "via",
    "since", "upon", "for",
})
# Prepositions after an event noun that name its topic: "talks on the fighting".
TOPIC_PREPS = frozenset({"on", "over", "about", "regarding", "concerning"})
# Heads of "of" that make the noun an event: "on the sidelines of the summit".
EVENT_OF_HEADS = frozenset({"sideline", "margin", "eve", "outcome", "result", "end", "opening",
                            "start", "course", "close", "occasion", "framework", "day", "hour",
                            "week"})
# Heads of "of" that stand for the meeting noun itself, one of a series: "the next round of
# the strategic dialogue", "the third edition of the forum".
SERIES_HEADS = frozenset({"round", "edition", "leg"})
# Verbs after which a triggered clause did not happen: "failed to agree".
FAIL_VERBS = frozenset({"fail", "refrain", "stop", "cease", "avoid"})
NEGATORS = frozenset({"not", "n't", "never", "no"})
# Dependency labels through which a trigger verb's complement stays inside its event:
# "agreed to cooperate", "accused X of attacking", "urged X to sign".
COMPLEMENT_DEPS = frozenset({"xcomp", "ccomp", "pcomp", "prep", "pobj"})
COMPLEMENT_PREPS = frozenset({"of", "to", "for", "on", "about", "from", "against", "over", "into"})


@dataclass(frozen=True)
class Trigger:
    """Words that report one event.

    head: token index of the word the event hangs on (the verb, or the head noun);
    tokens: indices of every word of the trigger ("held", "talks"); term: the
    lexicon entry; verb: index of the governing verb (the trigger verb itself, the
    light verb of a noun, or the verb a prepositional phrase attaches to), or None;
    under: for a meeting arranged by another trigger ("agreed to hold the next session
    in Baku", "invited X to visit"), the index of that trigger's word.
    """

    head: int
    tokens: tuple[int, ...]
    term: EventTerm
    verb: int | None = None
    relation: str = "verb"  # for nouns: "object", "subject" or "prep" (see noun_governor)
    under: int | None = None

    @property
    def is_noun(self) -> bool:
        return self.term.pos == "noun"


class TriggerLexicon:
    """The event lexicon indexed for matching: verbs by lemma, nouns by lemma sequence,
    phrases by their verb."""

    def __init__(self, terms: tuple[EventTerm, ...]) -> None:
        self.verbs: dict[str, EventTerm] = {}
        self.nouns: dict[tuple[str, ...], EventTerm] = {}
        self.phrases: dict[str, list[tuple[tuple[str, ...], EventTerm]]] = {}
        for term in terms:
            words = tuple(term.term.split())
            if term.pos == "verb":
                self.verbs.setdefault(words[0], term)
            elif term.pos == "noun":
                self.nouns.setdefault(words, term)
            else:
                self.phrases.setdefault(words[0], []).append((words[1:], term))
        for options in self.phrases.values():
            options.sort(key=lambda item: -len(item[0]))  # longest phrase first
        # nouns by their first word (before any hyphen), longest first
        self.noun_starts: dict[str, list[tuple[tuple[str, ...], EventTerm]]] = {}
        for words, term in sorted(self.nouns.items(), key=lambda item: -len(item[0])):
            self.noun_starts.setdefault(words[0].split("-")[0], []).append((words, term))

    @classmethod
    @lru_cache(maxsize=1)
    def load(cls) -> TriggerLexicon:
        return cls(codebooks.event_terms())


def is_speech(tok: Token) -> bool:
    """Does verb `tok` report speech ("said", "announced")? From the speech lexicon."""
    return speech_lexicon().cue_class(tok) in ("say", "direct")


def _skip_adjectives(doc: Doc, j: int, part: str) -> int:
    """Index of `part` after up to two adjectives at j ("joint [naval] exercises"), else j."""
    k = j
    while k < len(doc) and k - j < 2 and doc[k].pos_ == "ADJ" and lemma(doc[k]) != part:
        k += 1
    return k if k < len(doc) and k > j and lemma(doc[k]) == part else j


def _words_at(doc: Doc, i: int, parts: tuple[str, ...]) -> int | None:
    """End index if lemma sequence `parts` starts at token i ("cease-fire" may be 3 tokens;
    adjectives may stand between the words: "joint naval exercises")."""
    j = i
    for n, part in enumerate(parts):
        if n:
            j = _skip_adjectives(doc, j, part)
        if j >= len(doc):
            return None
        if lemma(doc[j]) == part or doc[j].lower_ == part:
            j += 1
            continue
        k, glued = j, ""
        while k < len(doc) and len(glued) < len(part):
            glued += doc[k].lower_
            k += 1
            if k < len(doc) and doc[k - 1].whitespace_:
                break
        if glued != part:
            return None
        j = k
    return j


# Dependency labels a phrase word may hang by, on the way up to the verb: "held talks",
# "talks were held", "speak by phone", "provide Vietnam with 500 billion yen in loans", "spoke
# highly of", "holds Chad responsible".
PHRASE_PATH_DEPS = frozenset({"prep", "pobj", "dobj", "dative", "nsubjpass", "prt", "xcomp", "aux",
                              "agent", "attr", "oprd", "pcomp", "amod", "compound", "advmod", "acomp",
                              "ccomp"})


def _attached(tok: Token, anchors: set[int], steps: int = 4) -> bool:
    """Is `tok` attached to one of `anchors` through phrase-internal labels only (never
    through a subject: "trade with X stood" is no "stand with")?"""
    cur = tok
    for _ in range(steps):
        if cur.dep_ not in PHRASE_PATH_DEPS or cur.head.i == cur.i:
            return False
        cur = cur.head
        if cur.i in anchors:
            return True
    return False


def _match_phrase(tok: Token, lex: TriggerLexicon) -> tuple[tuple[int, ...], EventTerm] | None:
    sent = tok.sent
    doc, table = tok.doc, token_table(tok.doc)
    lemmas, lowers = table.lemma_lower, table.lower
    for rest, term in lex.phrases.get(lemma(tok), ()):
        used = [tok.i]
        for word in rest:
            hit = next((j for j in range(sent.start, sent.end) if j not in used
                        and (lemmas[j] == word or lowers[j] == word) and _attached(doc[j], set(used))), None)
            if hit is None:
                break
            used.append(hit)
        else:
            last = tok.doc[used[-1]]
            if last.dep_ == "prep" and not _prep_object_ok(last):
                continue
            return tuple(sorted(used)), term
    return None


def _prep_object_ok(prep: Token) -> bool:
    """"called on Russia" is an appeal; "called on Monday" is not."""
    objects = [c for c in prep.children if c.dep_ in ("pobj", "pcomp")]
    return bool(objects) and all(o.ent_type_ not in ("DATE", "TIME") for o in objects)


def _is_verb(tok: Token) -> bool:
    return tok.pos_ == "VERB" or (tok.tag_.startswith("VB") and tok.pos_ != "AUX")


def raw_triggers(doc: Doc, lex: TriggerLexicon) -> list[Trigger]:
    """Every lexicon word in the doc: phrases first, then nouns, then verbs, no word twice."""
    found: list[Trigger] = []
    taken: set[int] = set()
    table = token_table(doc)
    lemmas, lowers = table.lemma_lower, table.lower
    # _is_verb(tok) and tok.dep_ not in ("amod", "compound"), from the token table
    verbs = [i for i, (pos, tag, dep) in enumerate(zip(table.pos, table.tag, table.dep))
             if (pos == "VERB" or (tag.startswith("VB") and pos != "AUX")) and dep not in ("amod", "compound")]
    for i in verbs:
        if lemmas[i] in lex.phrases:
            phrase = _match_phrase(doc[i], lex)
            if phrase:
                found.append(Trigger(i, phrase[0], phrase[1], i))
                taken.update(phrase[0])
    noun_starts = lex.noun_starts
    i = 0
    while i < len(doc):
        if lemmas[i] not in noun_starts and lowers[i] not in noun_starts:
            i += 1  # no noun of the lexicon starts here
            continue
        best = None
        starts = noun_starts.get(lemmas[i], []) + noun_starts.get(lowers[i], [])
        for key, term in starts:
            end = _words_at(doc, i, key)
            if end and doc[end - 1].pos_ in ("NOUN", "PROPN") and not taken & set(range(i, end)) and (
                    not amount_idiom(doc[end - 1])):
                best = (end, term)
                break
        if best:
            end, term = best  # the head is the phrase's root: "round" in "round of talks"
            found.append(Trigger(doc[i:end].root.i, tuple(range(i, end)), term))
            taken.update(range(i, end))
            i = end
        else:
            i += 1
    for i in verbs:
        term = lex.verbs.get(lemmas[i])
        if term and i not in taken:
            found.append(Trigger(i, (i,), term, i))
    return sorted(found, key=lambda t: t.head)


# --- which triggers report an event ------------------------------------------------------

# Noun types that are happenings in themselves: "killed in an air strike", "during protests".
HAPPENING_TYPES = frozenset({"ASSAULT", "PROTEST"})


def _verb_above(tok: Token, steps: int = 3) -> Token | None:
    """The nearest verb at or above `tok` (through prepositions and adverbs)."""
    cur = tok
    for _ in range(steps + 1):
        if _is_verb(cur) or cur.pos_ == "AUX":
            return cur
        if cur.head.i == cur.i:
            return None
        cur = cur.head
    return None


# Words that head a sum of money or a count: "$50 million in aid", "2 billion yen in loans".
SUM_WORDS = frozenset({"million", "billion", "trillion", "thousand", "hundred", "bn", "mn", "m"})


def _is_sum(tok: Token) -> bool:
    """"$50 million", "30 billion yen": a sum, whose "in"-phrase names what it is paid as."""
    return tok.ent_type_ == "MONEY" or tok.lower_ in SUM_WORDS or (tok.like_num and tok.pos_ == "NUM")


def noun_governor(tok: Token) -> tuple[Token | None, str]:
    """How an event noun stands in its clause: (governing verb, relation) where relation is
    "object" ("held talks", "talks were held"), "subject" ("the summit will take place"),
    "prep" ("at a news conference", "on the sidelines of the summit") or "" (none)."""
    cur = tok
    while cur.dep_ == "conj" and cur.head.pos_ in ("NOUN", "PROPN"):
        cur = cur.head
    head = cur.head
    if cur.dep_ in ("dobj", "nsubjpass", "attr", "oprd", "dative") and (_is_verb(head) or head.pos_ == "AUX"):
        return head, "object"
    if cur.dep_ == "nsubj" and (_is_verb(head) or head.pos_ == "AUX"):
        return head, "subject"
    if cur.dep_ == "pobj":
        prep = head
        word = prep.lower_
        if word == "in" and _is_sum(prep.head) and prep.head.dep_ in ("dobj", "nsubjpass") and (
                _is_verb(prep.head.head)):
            return prep.head.head, "object"  # "received $50 million in aid": the aid is received
        if word == "of" and lemma(prep.head) in EVENT_OF_HEADS and prep.head.dep_ == "pobj":
            verb, relation = noun_governor(prep.head)
            return (verb, "prep") if relation == "prep" else (None, "")
        if word == "of" and lemma(prep.head) in SERIES_HEADS:  # "hold the next round of the dialogue"
            return noun_governor(prep.head)
        if word in EVENT_PREPOSITIONS or (word == "of" and prep.head.lower_ in ("ahead", "eve")):
            return _verb_above(prep.head), "prep"
    return None, ""


def noun_is_event(trigger: Trigger, verb: Token | None, relation: str, taken: set[int]) -> bool:
    """Does this noun report a happening, rather than name a topic ("the importance of
    cooperation")? Event nouns count after a light verb ("impose sanctions"); meeting
    nouns and happenings also after a preposition ("at a news conference") or as the
    subject of "take place", "will be"."""
    term = trigger.term
    meeting = term.plover == "CONSULT" and term.mode in MEETING_MODES
    happening = meeting or term.plover in HAPPENING_TYPES
    if verb is None:
        return False
    doc = verb.doc
    noun = doc[trigger.head]
    if not _shared(trigger, noun):
        return False
    if relation == "object":
        if lemma(verb) in LIGHT_VERBS or (meeting and noun.dep_ == "nsubjpass"):
            return True
        if meeting and lemma(verb) in PLANNING_VERBS:  # "to prepare a visit by the president"
            return True
        # "welcomed the phone call between the two leaders in January": a meeting with its
        # own participants or date happened, whatever the verb says about it.
        return meeting and lemma(verb) not in UNREALISED_VERBS and _has_own_details(noun)
    if relation == "subject":
        if lemma(verb) == "be":
            return meeting and any(c.lower_ in MODAL_FUTURE for c in verb.children)
        # "the talks, held in Geneva, focused on ...": a meeting that does something took place
        return meeting or (happening and lemma(verb) in HAPPEN_VERBS)
    if relation == "prep":
        # "for talks" is a purpose, unless the talks have their own place or date ("preparing
        # for the meeting in Baku in October") or an invitation is for them
        prep = noun.head
        purpose = prep.lower_ == "for" and not (
            _has_own_details(noun) or lemma(verb) in ARRANGE_VERBS or attended_for(noun, verb))
        # "held talks on the fighting": the topic of another event, not the talkers' own act
        topic = prep.lower_ in TOPIC_PREPS and prep.head.i in taken
        return happening and prep.i not in taken and not purpose and not topic and not _generic(noun)
    return False


# Adjectives that make a bare plural a kind of meeting, not one: "in international forums".
GENERIC_ADJECTIVES = frozenset({"international", "multilateral", "regional", "global", "various",
                                "other", "many", "such"})


def _generic(noun: Token) -> bool:
    """"stand by Baku in international forums": meetings in general, not a happening."""
    if noun.tag_ not in ("NNS", "NNPS") or any(c.dep_ in ("det", "poss", "nummod") for c in noun.children):
        return False
    return any(c.lower_ in GENERIC_ADJECTIVES for c in noun.children if c.dep_ == "amod")


def _shared(trigger: Trigger, noun: Token) -> bool:
    """A news conference is a meeting only when held jointly or with someone; a leader's
    own "daily news conference" is the venue of a statement."""
    if trigger.term.mode != "conference" or plain_conference(tuple(trigger.term.term.split()), noun):
        return True
    return any(lemma(t) == "joint" for t in noun.doc[trigger.tokens[0]:trigger.head + 1]) or any(
        c.dep_ == "prep" and c.lower_ in ("with", "between") for c in noun.children) or any(
        c.lower_ == "joint" for c in noun.children)


# Verbs whose object meeting need not have happened: "proposed talks", "called off the visit".
UNREALISED_VERBS = frozenset({"propose", "suggest", "seek", "want", "call", "demand", "urge",
                              "cancel", "postpone", "reject", "refuse", "request", "plan", "need",
                              "ask", "delay", "prepare", "rule", "oppose", "block", "avoid"})


def _has_own_details(noun: Token) -> bool:
    """Does the noun phrase name who took part or when ("call between X and Y in January",
    "the session, which will take place in Accra in May")?"""
    if any(c.dep_ == "prep" for clause in meeting_clauses(noun) for c in clause.children):
        return True
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ in ("with", "between"):
            return True
        if c.dep_ == "prep" and any(t.ent_type_ == "DATE" for t in c.subtree):
            return True
    return False


def complement_of_trigger(tok: Token, trigger_verbs: set[int]) -> bool:
    """Is `tok` inside the complement of another trigger verb ("agreed to meet", "urged X
    to sign", "accused X of attacking", "meet to discuss")? Then that verb's event is the
    one reported."""
    return complement_governor(tok, trigger_verbs) is not None


def complement_governor(tok: Token, trigger_verbs: set[int]) -> int | None:
    """The index of the trigger verb whose complement holds `tok` (see
    `complement_of_trigger`), or None."""
    cur = tok
    for _ in range(5):
        if cur.head.i == cur.i or (cur.dep_ not in COMPLEMENT_DEPS and not purpose_clause(cur)):
            return None
        if cur.dep_ in ("pcomp", "pobj") and cur.head.lower_ not in COMPLEMENT_PREPS:
            return None  # "signed ... during the visit": an adjunct, not what was signed
        cur = cur.head
        if cur.i in trigger_verbs and cur.i != tok.i:
            return cur.i
        if _is_verb(cur) and cur.dep_ not in COMPLEMENT_DEPS and not purpose_clause(cur):
            return None
    return None


def arranged_meeting(trigger: Trigger, governor: Token) -> bool:
    """Is `trigger` a meeting that `governor` arranges (planned, and reported on its own):
    "agreed to hold", "invited X to visit", "will meet next month to prepare a visit"?"""
    term = trigger.term
    planning = trigger.verb is not None and lemma(governor.doc[trigger.verb]) in PLANNING_VERBS
    return term.plover == "CONSULT" and term.mode in MEETING_MODES and (
        lemma(governor) in ARRANGE_VERBS or planning)


# Verbs that promise: an event only with what is promised ("pledged to", "offered
# support", "pledged $300 million"), not "we offer a young workforce".
COMMISSIVE_VERBS = frozenset({"offer", "promise", "pledge", "vow", "commit"})


# Verbs that found a body: setting up a joint one ("will set up a working group") is an
# agreement between the sides; a body of one's own ("a commission of inquiry") is no event.
FOUNDING_VERBS = frozenset({"create", "establish", "form", "set"})
JOINT_WORDS = frozenset({"joint", "bilateral", "trilateral", "intergovernmental", "working", "common"})


def _joint_founding(verb: Token, trigger: Trigger) -> bool:
    """Is the body that `verb` founds a joint one: "joint", "bilateral" or "working" before it,
    "with X" or "between X and Y" after it, or founded by two sides ("X and Y will set up")?"""
    doc = verb.doc
    body = doc[max(trigger.tokens)]
    if any(c.lower_ in JOINT_WORDS for c in body.children if c.dep_ in ("amod", "compound")):
        return True
    if any(c.dep_ == "prep" and c.lower_ in ("with", "between") for t in (verb, body) for c in t.children):
        return True
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    return any(any(k.dep_ == "conj" for k in s.children) or s.tag_ in ("NNS", "NNPS") or s.lower_ == "we"
               for s in subjects)


# Entity labels of a figure: "valued at $5 billion", "estimated at 3 percent".
FIGURE_ENTS = frozenset({"MONEY", "CARDINAL", "PERCENT", "QUANTITY"})


def verb_reports_event(tok: Token, trigger: Trigger, nouns: set[int]) -> bool:
    """Grammar filters for a verb trigger: participles that describe a noun ("a credit line,
    suspended since 2016"), "seek to" (an aim, not a request), promises without content."""
    if tok.dep_ == "acl" and tok.tag_ == "VBN":
        return False
    kids = list(tok.children)
    if any(c.dep_ == "prep" and c.lower_ == "at" and any(t.ent_type_ in FIGURE_ENTS for t in c.subtree)
           for c in kids):
        return False  # "exports were valued at $5 billion": a figure, not praise
    has_clause = any(c.dep_ in ("xcomp", "ccomp") for c in kids)
    objects = [c for c in kids if c.dep_ == "dobj"]
    if trigger.term.plover == "REQUEST" and lemma(tok) in INTENT_WORDS and has_clause and not objects:
        return False
    if lemma(tok) in FOUNDING_VERBS and len(trigger.tokens) > 1 and not _joint_founding(tok, trigger):
        return False
    if len(trigger.tokens) == 1 and lemma(tok) in COMMISSIVE_VERBS and not has_clause:
        return any(o.i in nouns or o.ent_type_ == "MONEY" or any(t.ent_type_ == "MONEY" for t in o.subtree)
                   for o in objects)
    return True


def negated(trigger: Trigger, doc: Doc, relation: str) -> bool:
    """"did not agree", "no agreement was reached", "failed to meet"."""
    noun = doc[trigger.head]
    if trigger.is_noun and any(c.dep_ == "det" and c.lower_ == "no" for c in noun.children):
        return True
    if trigger.verb is None or (trigger.is_noun and relation == "prep"):
        return False
    for tok in verb_chain(doc[trigger.verb]):
        if any(c.dep_ == "neg" or (c.lower_ in NEGATORS and c.dep_ == "advmod") for c in tok.children):
            return True
        if tok.i != trigger.verb and lemma(tok) in FAIL_VERBS:
            return True
    return False


def participle_governor(noun: Token, trigger: Trigger) -> Token | None:
    """"The ban, imposed in April, ...", "sanctions imposed on Iran": a past participle of a
    light verb after an event noun (not a meeting's: "talks held in Cairo" are told by
    `noun_is_event`), with no subject of its own, reports the noun's event when the noun is
    the subject of its clause; as an object it is what another event is about ("denied the
    accusations made by X", "lifted the sanctions imposed in 2020")."""
    if trigger.term.plover == "CONSULT" or noun.dep_ not in ("nsubj", "nsubjpass", "ROOT"):
        return None
    return next((c for c in noun.children if c.dep_ == "acl" and c.tag_ == "VBN"
                 and lemma(c) in LIGHT_VERBS and c.i not in trigger.tokens
                 and not any(k.dep_.startswith("nsubj") for k in c.children)), None)


def select_triggers(doc: Doc, triggers: list[Trigger]) -> list[Trigger]:
    """The triggers that report events, with each noun's governing verb filled in: nouns
    that only name a topic, negated triggers and triggers in another trigger's
    complement are dropped; a light verb gives way to its event noun ("offered support")."""
    taken = {i for t in triggers for i in t.tokens}
    nouns: list[Trigger] = []
    relations: dict[int, str] = {}
    light_verbs: set[int] = set()
    for t in triggers:
        if not t.is_noun:
            continue
        verb, relation = noun_governor(doc[t.head])
        if not noun_is_event(t, verb, relation, taken - set(t.tokens)):
            verb, relation = participle_governor(doc[t.head], t), "object"
        if verb is not None:
            nouns.append(Trigger(t.head, t.tokens, t.term, verb.i, relation))
            relations[t.head] = relation
            if relation == "object":
                light_verbs.add(verb.i)
    noun_heads = {t.head for t in triggers if t.is_noun}
    verbs = [t for t in triggers if not t.is_noun and not (t.head in light_verbs and len(t.tokens) == 1)
             and verb_reports_event(doc[t.head], t, noun_heads)]
    verb_heads = {t.head for t in verbs}
    kept = []
    for t in sorted(verbs + nouns, key=lambda t: t.head):
        relation = relations.get(t.head, "verb")
        anchor = doc[t.verb] if t.verb is not None and relation != "prep" else doc[t.head]
        governor = complement_governor(anchor, verb_heads - {t.head})
        if governor is not None:
            if not arranged_meeting(t, doc[governor]):
                continue
            t = replace(t, under=governor)
        if negated(t, doc, relation) or _hypothetical(doc[t.head]):
            continue
        kept.append(t)
    return kept


def _hypothetical(tok: Token) -> bool:
    """Conditions and questions: "if they meet", "if they meet, they will discuss",
    "will they sign?"."""
    def conditional(clause: Token) -> bool:
        return any(c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether") for c in clause.children)

    for anc in [tok, *tok.ancestors][:4]:
        if conditional(anc) or any(c.dep_ == "advcl" and conditional(c) for c in anc.children):
            return True
    return span_text(tok.sent).rstrip().endswith("?")
