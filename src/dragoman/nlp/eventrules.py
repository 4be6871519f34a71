"""Event triggers and the grammar around them: which words report an event, and how.

The event lexicon is data (`codebooks/data/events.tsv`): verbs ("meet"), nouns
("joint news conference") and phrases, a verb with its particle or object ("hold
talk", "impose sanction"). This module finds those words in a parsed `Doc` and
decides, from the dependency parse alone, whether a noun reports a happening
("held a summit", "at a news conference") or only names a topic ("the importance
of cooperation"), which clause governs the trigger, whether it is negated, and
its status: occurred, planned (scheduled, a meeting in the future) or intended
("will continue to support", "ready to", "aim to").

The word lists below are English grammar (light verbs, modal and aspect verbs,
prepositions), not domain knowledge, which is why they live in code.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Token

from dragoman import codebooks
from dragoman.codebooks import EventTerm
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
    "tell", "address", "brief", "witness",
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
# Heads of "of" that make the noun an event: "on the sidelines of the summit".
EVENT_OF_HEADS = frozenset({"sideline", "margin", "eve", "outcome", "result", "end", "opening",
                            "start", "course", "close", "occasion", "framework"})
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
    light verb of a noun, or the verb a prepositional phrase attaches to), or None.
    """

    head: int
    tokens: tuple[int, ...]
    term: EventTerm
    verb: int | None = None
    relation: str = "verb"  # for nouns: "object", "subject" or "prep" (see noun_governor)

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


def lemma(tok: Token) -> str:
    return tok.lemma_.lower()


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
# "talks were held", "speak by phone", "provide Vietnam with 500 billion yen in loans".
PHRASE_PATH_DEPS = frozenset({"prep", "pobj", "dobj", "dative", "nsubjpass", "prt", "xcomp", "aux",
                              "agent", "attr", "oprd", "pcomp", "amod", "compound"})


def _attached(tok: Token, anchors: set[int], steps: int = 4) -> bool:
    """Is `tok` attached to one of `anchors` through phrase-internal labels only (never
    through a subject: "trade with X stood" is no "stand with")?"""
    cur = tok
    for _ in range(steps):
        if cur.dep_ not in PHRASE_PATH_DEPS or cur.head is cur:
            return False
        cur = cur.head
        if cur.i in anchors:
            return True
    return False


def _match_phrase(tok: Token, lex: TriggerLexicon) -> tuple[tuple[int, ...], EventTerm] | None:
    sent = tok.sent
    for rest, term in lex.phrases.get(lemma(tok), ()):
        used = [tok.i]
        for word in rest:
            hit = next((t for t in sent if t.i not in used and (lemma(t) == word or t.lower_ == word)
                        and _attached(t, set(used))), None)
            if hit is None:
                break
            used.append(hit.i)
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
    for tok in doc:
        if _is_verb(tok) and tok.dep_ not in ("amod", "compound"):
            phrase = _match_phrase(tok, lex)
            if phrase:
                found.append(Trigger(tok.i, phrase[0], phrase[1], tok.i))
                taken.update(phrase[0])
    i = 0
    while i < len(doc):
        best = None
        for key, term in lex.noun_starts.get(lemma(doc[i]), []) + lex.noun_starts.get(doc[i].lower_, []):
            end = _words_at(doc, i, key)
            if end and doc[end - 1].pos_ in ("NOUN", "PROPN") and not taken & set(range(i, end)):
                best = (end, term)
                break
        if best:
            end, term = best  # the head is the phrase's root: "round" in "round of talks"
            found.append(Trigger(doc[i:end].root.i, tuple(range(i, end)), term))
            taken.update(range(i, end))
            i = end
        else:
            i += 1
    for tok in doc:
        term = lex.verbs.get(lemma(tok))
        if term and tok.i not in taken and _is_verb(tok) and tok.dep_ not in ("amod", "compound"):
            found.append(Trigger(tok.i, (tok.i,), term, tok.i))
    return sorted(found, key=lambda t: t.head)


# --- which triggers report an event ------------------------------------------------------

MEETING_MODES = frozenset({"meeting", "visit", "summit", "call", "conference"})
# Noun types that are happenings in themselves: "killed in an air strike", "during protests".
HAPPENING_TYPES = frozenset({"ASSAULT", "PROTEST"})


def _verb_above(tok: Token, steps: int = 3) -> Token | None:
    """The nearest verb at or above `tok` (through prepositions and adverbs)."""
    cur = tok
    for _ in range(steps + 1):
        if _is_verb(cur) or cur.pos_ == "AUX":
            return cur
        if cur.head is cur:
            return None
        cur = cur.head
    return None


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
        if word == "of" and lemma(prep.head) in EVENT_OF_HEADS and prep.head.dep_ == "pobj":
            verb, relation = noun_governor(prep.head)
            return (verb, "prep") if relation == "prep" else (None, "")
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
        # "welcomed the phone call between the two leaders in January": a meeting with its
        # own participants or date happened, whatever the verb says about it.
        return meeting and lemma(verb) not in UNREALISED_VERBS and _has_own_details(noun)
    if relation == "subject":
        if lemma(verb) == "be":
            return meeting and any(c.lower_ in MODAL_FUTURE for c in verb.children)
        # "the talks, held in Geneva, focused on ...": a meeting that does something took place
        return meeting or (happening and lemma(verb) in HAPPEN_VERBS)
    if relation == "prep":
        prep = noun.head
        return happening and prep.i not in taken and prep.lower_ != "for"
    return False


def _shared(trigger: Trigger, noun: Token) -> bool:
    """A news conference is a meeting only when held jointly or with someone; a leader's
    own "daily news conference" is the venue of a statement."""
    if trigger.term.mode != "conference":
        return True
    return any(lemma(t) == "joint" for t in noun.doc[trigger.tokens[0]:trigger.head + 1]) or any(
        c.dep_ == "prep" and c.lower_ in ("with", "between") for c in noun.children) or any(
        c.lower_ == "joint" for c in noun.children)


def _purpose(tok: Token) -> bool:
    """"... would meet in March to discuss energy": an infinitive of purpose."""
    return tok.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)


# Verbs whose object meeting need not have happened: "proposed talks", "called off the visit".
UNREALISED_VERBS = frozenset({"propose", "suggest", "seek", "want", "call", "demand", "urge",
                              "cancel", "postpone", "reject", "refuse", "request", "plan", "need",
                              "ask", "delay", "prepare", "rule", "oppose", "block", "avoid"})


def _has_own_details(noun: Token) -> bool:
    """Does the noun phrase name who took part or when ("call between X and Y in January")?"""
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
    cur = tok
    for _ in range(5):
        if cur.head is cur or (cur.dep_ not in COMPLEMENT_DEPS and not _purpose(cur)):
            return False
        if cur.dep_ in ("pcomp", "pobj") and cur.head.lower_ not in COMPLEMENT_PREPS:
            return False  # "signed ... during the visit": an adjunct, not what was signed
        cur = cur.head
        if cur.i in trigger_verbs and cur.i != tok.i:
            return True
        if _is_verb(cur) and cur.dep_ not in COMPLEMENT_DEPS and not _purpose(cur):
            return False
    return False


# Verbs that promise: an event only with what is promised ("pledged to", "offered
# support", "pledged $300 million"), not "we offer a young workforce".
COMMISSIVE_VERBS = frozenset({"offer", "promise", "pledge", "vow", "commit"})


def verb_reports_event(tok: Token, trigger: Trigger, nouns: set[int]) -> bool:
    """Grammar filters for a verb trigger: participles that describe a noun ("a credit line,
    suspended since 2016"), "seek to" (an aim, not a request), promises without content."""
    if tok.dep_ == "acl" and tok.tag_ == "VBN":
        return False
    kids = list(tok.children)
    has_clause = any(c.dep_ in ("xcomp", "ccomp") for c in kids)
    objects = [c for c in kids if c.dep_ == "dobj"]
    if trigger.term.plover == "REQUEST" and lemma(tok) in INTENT_WORDS and has_clause and not objects:
        return False
    if len(trigger.tokens) == 1 and lemma(tok) in COMMISSIVE_VERBS and not has_clause:
        return any(o.i in nouns or o.ent_type_ == "MONEY" or any(t.ent_type_ == "MONEY" for t in o.subtree)
                   for o in objects)
    return True


def _verb_chain(verb: Token) -> list[Token]:
    """The verb and the words it is the complement of: "support" <- "continue"; "provide"
    <- "ready" <- "are"; a bare conjunct shares the first verb's auxiliaries."""
    chain = [verb]
    cur = verb
    for _ in range(4):
        if cur.dep_ in ("xcomp", "acomp") or (cur.dep_ == "conj" and cur.tag_ == "VB") or _purpose(cur):
            cur = cur.head
            chain.append(cur)
        else:
            break
    return chain


def negated(trigger: Trigger, doc: Doc, relation: str) -> bool:
    """"did not agree", "no agreement was reached", "failed to meet"."""
    noun = doc[trigger.head]
    if trigger.is_noun and any(c.dep_ == "det" and c.lower_ == "no" for c in noun.children):
        return True
    if trigger.verb is None or (trigger.is_noun and relation == "prep"):
        return False
    for tok in _verb_chain(doc[trigger.verb]):
        if any(c.dep_ == "neg" or (c.lower_ in NEGATORS and c.dep_ == "advmod") for c in tok.children):
            return True
        if tok.i != trigger.verb and lemma(tok) in FAIL_VERBS:
            return True
    return False


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
    if trigger.verb is None:
        return "planned" if meeting and is_future(date, pub) else "occurred"
    if trigger.relation == "prep":  # "ahead of the summit in August", "at the summit next week"
        verb = doc[trigger.verb]
        ahead = noun.head.lower_ == "of" and noun.head.head.lower_ in ("ahead", "eve")
        future = any(c.dep_ == "aux" and c.lower_ in MODAL_FUTURE | {"would"} for c in verb.children)
        if ahead or future or is_future(date, pub):
            return "planned" if meeting else "intended"
        return "occurred"
    chain = _verb_chain(doc[trigger.verb])
    heads = chain[1:]
    if any(t.lower_ in PLAN_WORDS or lemma(t) in ("schedule", "slate") for t in heads):
        return "planned"
    if any(lemma(t) in INTENT_WORDS or t.lower_ in INTENT_WORDS for t in heads):
        return "intended"
    auxes = {c.lower_ for t in chain for c in t.children if c.dep_ in ("aux", "auxpass")}
    if auxes & MODAL_FUTURE or "would" in auxes or "going" in auxes:
        return "planned" if meeting else "intended"
    if auxes & MODAL_WEAK:
        return "intended"
    if is_future(date, pub):
        return "planned" if meeting else "intended"
    return "occurred"


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
        if noun_is_event(t, verb, relation, taken - set(t.tokens)):
            assert verb is not None
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
        if complement_of_trigger(anchor, verb_heads - {t.head}):
            continue
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
    return tok.sent.text.rstrip().endswith("?")
