"""Event extraction: triggers -> PLOVER/CAMEO coding, arguments, modality, attribution.

``EventExtractor(settings).extract(doc, actors, quotes, article)`` is called by the engine
once per article (issue 4). Confidence (0-1) is a transparent sum, see ``_confidence``.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from spacy.tokens import Doc, Token
from spacy.tokens import Span as TokenSpan

from flashpoint.actors.index import ActorIndex
from flashpoint.events import arguments as args
from flashpoint.events.codebook import Codebook, Trigger, load_codebook
from flashpoint.events.modality import factuality
from flashpoint.events.senses import converse_parties, verbal_attack, wrong_sense
from flashpoint.models import Article, Event, Party, Quote, Span
from flashpoint.settings import Settings

_PHRASE_DEPS = {"prt", "prep", "advmod", "dobj", "pobj", "compound:prt", "dative"}
_RECIPROCAL = {"CONSULT", "AGREE"}
# PLOVER manual 3.1 and 2.3: an intended cooperative act ("will visit", "plans to provide")
# is AGREE (CAMEO 03x, intent); a possible or conditional conflictual act is THREATEN. A
# scheduled meeting without a statement of intent stays CONSULT + future (issue 4 must-show:
# "is meeting ... tomorrow").
_INTENT_AGREE = {
    "SUPPORT": "032",
    "COOPERATE": "031",
    "AID": "033",
    "CONSULT": "036",
    "CONCEDE": "035",  # "will allow the refugees to return": an intent to yield
}
_INTENT_THREATEN = {
    "ASSAULT": "138",
    "MOBILIZE": "138",
    "COERCE": "130",
    "SANCTION": "1312",
    "PROTEST": "133",
}
# announcing these is threatening them; a planned deployment or protest is just future
_ANNOUNCED_THREAT = frozenset({"ASSAULT", "COERCE", "SANCTION"})
# future-oriented governors that do not state the subject's own intention: "decided to allow"
# (done), "tried to hack" (attempted), "was expected to", "urged X to" (someone else's wish)
_NOT_INTENT = frozenset(
    ("decide", "try", "attempt", "expect", "need", "urge", "ask", "call", "forecast", "predict",
     "project", "anticipate")
)  # fmt: skip
_DEMAND = Trigger("verb", "must", (), None, "REQUEST", None, "100", ())
# events whose for/of/with gerund is the charge they name, not a second event ("arrested
# for spying", "accused Iran of attacking", "charged X with aiding")
_CHARGING = frozenset(("ACCUSE", "COERCE", "SANCTION"))
_CHARGE_PREPS = frozenset(("for", "of", "with"))
# nominal events whose bare country-name compound says where or on whom, not who: "the Iraq
# war", "the Somalia strike", "Russia sanctions" (target); "the Iceland summit" (venue)
_PLACE_COMPOUND_TARGET = frozenset(("ASSAULT", "COERCE", "SANCTION"))
_PLACE_COMPOUND_VENUE = frozenset(("CONSULT",))


@dataclass
class Candidate:
    """A trigger found in a sentence, before its parties are resolved."""

    head: Token  # the token whose clause gives modality (verb, or the nominal trigger)
    trigger: Trigger
    start: int  # token index range of the trigger words
    end: int
    actor_tokens: list[Token] = field(default_factory=list)
    recipient_tokens: list[Token] = field(default_factory=list)
    fallback_recipients: list[list[Token]] = field(default_factory=list)  # tried in order
    verbal: bool = True
    weak_actor: bool = False  # actor only from an adjective ("Iranian retaliations")
    embedded: bool = False  # under another trigger ("demonstrated, calling for ...")


class EventExtractor:
    """Codes the events of one parsed article; build once, call ``extract`` per article."""

    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings
        self.book: Codebook = load_codebook()

    def extract(
        self, doc: Doc, actors: ActorIndex, quotes: list[Quote], article: Article
    ) -> list[Event]:
        events: list[Event] = []
        for sent in doc.sents:
            if not sent.text.strip():
                continue  # blanked headline or boilerplate (issue 2)
            found = []
            for candidate in self.candidates(sent, actors):
                event = self._event(candidate, sent, actors, quotes, article)
                if event is not None:
                    found.append((candidate.head, event))
            events.extend(_merge_subject_nominals(found))
        events.sort(key=lambda e: (e.trigger.start, e.trigger.end))
        for number, event in enumerate(events, start=1):
            event.id = f"E{number}"
        return events

    # -- triggers ---------------------------------------------------------------------------

    def candidates(self, sent: TokenSpan, actors: ActorIndex | None = None) -> list[Candidate]:
        found: list[Candidate] = []
        for token in sent:
            if token.is_space or token.is_punct:
                continue
            candidate = self._demand(token) if token.pos_ in ("VERB", "AUX") else None
            if candidate is None and token.pos_ == "VERB":
                candidate = self._verbal(token)
            if candidate is None and token.pos_ in ("NOUN", "PROPN"):
                candidate = self._nominal(token, actors)
            if candidate is not None:
                candidate.embedded = self._embedded(candidate.head)
                found.append(candidate)
        return found

    def _embedded(self, head: Token) -> bool:
        """Under another event's verb ("demonstrated, calling for"), not merely coordinated."""
        current = head
        while current.head.i != current.i and current.dep_ not in ("conj", "parataxis"):
            current = current.head
            if current.pos_ == "VERB" and self._verbal(current) is not None:
                return True
        return False

    def _match_verb(self, verb: Token) -> tuple[Trigger, int] | None:
        for trigger in self.book.verbs.get(self._verb_lemma(verb), []):
            end = _phrase_end(verb, trigger)
            if end is not None:
                return trigger, end
        return None

    def _demand(self, verb: Token) -> Candidate | None:
        """ "X said that Y must do Z" is X's REQUEST to Y (CAMEO 10)."""
        must = [c for c in verb.children if c.dep_ == "aux" and c.lower_ in ("must", "should")]
        reporter = _reporting_verb(verb, self.book.cues["reporting_verbs"])
        if not must or reporter is None:
            return None
        subjects = [t for c in reporter.children if c.dep_ == "nsubj" for t in args.conjuncts(c)]
        return Candidate(verb, _DEMAND, must[0].i, verb.i, subjects, args.subject_of(verb))

    def _verb_lemma(self, verb: Token) -> str:
        """The lexicon form of a verb; the small model sometimes mislemmatises ("staged" ->
        "stag"), so plain de-inflections of the word are tried too."""
        lemma = verb.lemma_.lower()
        if lemma in self.book.verbs or lemma in self.book.light_verbs:
            return lemma
        word = verb.lower_
        for form in (word, word[:-1], word[:-2], word[:-3], word[:-3] + "e"):
            if form in self.book.verbs or form in self.book.light_verbs:
                return form
        return lemma

    def _plans(self, verb: Token) -> bool:
        """ "considering / seeking / proposing a partnership": the subject's own project."""
        lemma = verb.lemma_.lower()
        cues = self.book.cues
        return lemma in cues["hypothetical_verbs"] or lemma in cues["future_verbs"]

    def _is_light(self, verb: Token) -> bool:
        return self._verb_lemma(verb) in self.book.light_verbs

    def _is_trigger_verb(self, token: Token) -> bool:
        return token.pos_ == "VERB" and self._match_verb(token) is not None

    def _verbal(self, verb: Token) -> Candidate | None:
        match = self._match_verb(verb)
        lemma = self._verb_lemma(verb)
        generic = match is None or match[0].specificity == 0
        if generic and lemma in self.book.light_verbs and self._light_object(verb) is not None:
            return None  # the object noun carries the event ("imposed sanctions")
        if match is None or self._governed_by_trigger(verb):
            return None
        trigger, end = match
        converse = converse_parties(verb, trigger)
        if converse is not None:  # "received weapons from Russia": Russia's AID
            return Candidate(verb, trigger, verb.i, end, *converse)
        first, *rest = args.recipient_tiers(verb)
        return Candidate(verb, trigger, verb.i, end, args.subject_of(verb), first, rest)

    def _governed_by_trigger(self, verb: Token) -> bool:
        """ "agreed to withdraw", "demanded that X withdraw", "meeting to discuss": the
        governing verb codes the event; what it embeds is its content."""
        infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
        embedded = verb.dep_ in ("xcomp", "ccomp") or (verb.dep_ == "advcl" and infinitive)
        if verb.dep_ == "acl" and self._match_noun(verb.head) is not None:
            return True  # "its demand that Israel ease restrictions"
        if verb.dep_ == "pcomp" and verb.head.dep_ == "prep" and verb.head.lower_ in _CHARGE_PREPS:
            # "arrested for spying", "accused Iran of attacking": the charge, not an event
            governor = verb.head.head
            match = self._match_verb(governor) if governor.pos_ == "VERB" else None
            return match is not None and match[0].type in _CHARGING
        return embedded and self._is_trigger_verb(verb.head)

    def _light_object(self, verb: Token) -> Token | None:
        for child in verb.children:
            if child.dep_ in ("dobj", "nsubjpass") and self._match_noun(child) is not None:
                return child
        return None

    def _match_noun(self, noun: Token) -> Trigger | None:
        modifiers = {c.lemma_.lower() for c in noun.children if c.dep_ in ("compound", "amod")}
        for trigger in self.book.nouns.get(noun.lemma_.lower(), []):
            if set(trigger.words) <= modifiers:
                return trigger
        return None

    def _nominal(self, noun: Token, actors: ActorIndex | None = None) -> Candidate | None:
        trigger = self._match_noun(noun)
        if trigger is None or self._noun_suppressed(noun):
            return None
        start = noun.i
        while (
            start > 0
            and noun.doc[start - 1].dep_ == "compound"
            and noun.doc[start - 1].head.i == noun.i
        ):
            start -= 1
        candidate = Candidate(noun, trigger, start, noun.i, verbal=False)
        # "a mediation effort between X and Y": the phrase head carries the arguments
        phrase = noun.head if noun.dep_ == "compound" and noun.head.pos_ == "NOUN" else noun
        noun = phrase
        candidate.recipient_tokens = args.noun_recipients(noun, between=trigger.type == "CONSULT")
        candidate.actor_tokens = args.noun_actors(noun)
        if actors is not None and trigger.type in _PLACE_COMPOUND_TARGET | _PLACE_COMPOUND_VENUE:
            places = args.place_compounds(noun, actors)
            candidate.actor_tokens = [t for t in candidate.actor_tokens if t not in places]
            if places and trigger.type in _PLACE_COMPOUND_TARGET:
                candidate.recipient_tokens = candidate.recipient_tokens or places
        governor = noun.head
        if noun.dep_ in ("dobj", "nsubjpass") and self._is_light(governor):
            own = [t for t in candidate.actor_tokens if t.pos_ != "PRON"]
            # "Israel mounted its invasion": the light verb's subject, not the pronoun
            candidate.actor_tokens = own or args.subject_of(governor)
            candidate.recipient_tokens += [
                t for t in args.verb_recipients(governor) if t not in args.conjuncts(noun)
            ]
            candidate.fallback_recipients = args.recipient_tiers(governor)[2:]
            candidate.verbal = True
        if not candidate.actor_tokens:
            candidate.actor_tokens = args.noun_modifier_actors(noun)
            candidate.weak_actor = True
        verb = args.governing_verb(noun)
        light = verb is not None and self._is_light(verb)
        intent = verb is not None and self._plans(verb)
        if (
            not candidate.actor_tokens
            and verb is not None
            and (light or (intent and candidate.recipient_tokens))
        ):
            # "Russians are considering the scenario of military partnership with Iran"
            candidate.actor_tokens = args.subject_of(verb)
            candidate.weak_actor = False
        return candidate

    def _noun_suppressed(self, noun: Token) -> bool:
        """A noun that is the object of a trigger verb is part of that verb's event."""
        governor = noun.head
        if noun.dep_ == "pobj" and governor.dep_ == "prep":
            governor = governor.head
            while governor.dep_ == "prep":
                governor = governor.head
        elif noun.dep_ not in ("dobj", "nsubjpass", "attr"):
            return False
        if self._is_light(governor) and noun.dep_ == "dobj":
            match = self._match_verb(governor)
            return match is not None and match[0].specificity > 0
        return self._is_trigger_verb(governor)

    # -- events -----------------------------------------------------------------------------

    def _event(
        self,
        candidate: Candidate,
        sent: TokenSpan,
        actors: ActorIndex,
        quotes: list[Quote],
        article: Article,
    ) -> Event | None:
        if candidate.head.i == candidate.start and wrong_sense(
            candidate.head, candidate.trigger, actors
        ):
            return None  # "met the deadline", "left office", "asked whether" (senses.json)
        if verbal_attack(candidate.head, candidate.trigger):
            # "attacked X in a tweet", "attacked the deal": criticism, not force (CAMEO 111)
            candidate.trigger = replace(
                candidate.trigger, type="ACCUSE", mode="disapprove", cameo="111", context=()
            )
        candidate.actor_tokens = self._without_place_compounds(
            args.without_sources(candidate.actor_tokens, actors), actors
        )
        candidate.recipient_tokens = args.without_sources(candidate.recipient_tokens, actors)
        candidate.fallback_recipients = [
            args.without_sources(tier, actors) for tier in candidate.fallback_recipients
        ]
        actor = args.parties(candidate.actor_tokens, actors)
        if not actor and all(t.pos_ == "PRON" for t in candidate.actor_tokens):
            actor = self._speaker_as_subject(candidate, actors)
        recipient = args.parties(candidate.recipient_tokens, actors)
        for tier in candidate.fallback_recipients:
            if not any(p.code for p in recipient):  # an unplaced role noun is a last resort
                recipient = [p for p in args.parties(tier, actors) if p.code] or recipient
        actor, recipient = self._reciprocal(candidate, actor, recipient)
        recipient = [p for p in recipient if p.ref not in {a.ref for a in actor}]
        if not actor and not recipient:
            return None  # an event needs a resolved party (issue 4)
        if candidate.weak_actor and not recipient and not candidate.verbal:
            return None  # "the Iranian nuclear deal" is a thing, not an event
        doc = sent.doc
        trigger = self._intent(candidate)
        coding = self.book.coding(trigger)
        fact = factuality(candidate.head, self.book.cues)
        modality = fact.modality
        if (
            trigger.type == "REJECT"
            and candidate.trigger.type != "REJECT"
            and modality == "negated"
        ):
            modality = "asserted"  # the refusal itself is what happened
        start_char = doc[candidate.start].idx
        end_char = doc[candidate.end].idx + len(doc[candidate.end].text)
        event = Event(
            id="",
            type=trigger.type,
            modality=modality,
            evidence=_evidence(sent, article),
            trigger=Span.of(article.text, start_char, end_char),
            actor=actor,
            recipient=recipient,
            mode=trigger.mode,
            context=list(trigger.context),
            cameo=trigger.cameo,
            quad_class=coding.quad_class,
            score=coding.score,
            goldstein=coding.goldstein,
            attributed_to=self._attribution(candidate.head, start_char, actors, quotes),
        )
        event.confidence = _confidence(candidate, event)
        return event

    def _without_place_compounds(self, tokens: list[Token], actors: ActorIndex) -> list[Token]:
        """ "The Somalia strike killed ...": a subject that is a conflict or meeting noun with a
        bare country-name compound names no actor through that compound (see
        ``args.place_compounds``); what else names its doer ("Iran's") still does."""
        kept: list[Token] = []
        for token in tokens:
            trigger = self._match_noun(token) if token.pos_ in ("NOUN", "PROPN") else None
            types = _PLACE_COMPOUND_TARGET | _PLACE_COMPOUND_VENUE
            places = (
                args.place_compounds(token, actors) if trigger and trigger.type in types else []
            )
            if places:
                kept.extend(t for t in args.noun_actors(token) if t not in places)
            else:
                kept.append(token)
        return kept

    def _speaker_as_subject(self, candidate: Candidate, actors: ActorIndex) -> list[Party]:
        """ "Syria says it is willing to ...": an unresolved pronoun subject of a reported
        clause is the speaker."""
        reporter = _reporting_verb(candidate.head, self.book.cues["reporting_verbs"])
        if reporter is None or not candidate.actor_tokens:
            return []
        subjects = [t for c in reporter.children if c.dep_ == "nsubj" for t in args.conjuncts(c)]
        return args.parties(subjects, actors)

    def _intent(self, candidate: Candidate) -> Trigger:
        trigger = candidate.trigger
        own = factuality(candidate.head, self.book.cues, local=True)
        quad = self.book.coding(trigger).quad_class
        if own.polarity == "NEG":
            if quad in (1, 2) and (own.time == "FUTURE" or _failed(candidate.head)):
                # "will not accept refugees", "failed to reach agreement": a refusal (CAMEO 12)
                return replace(trigger, type="REJECT", mode=None, cameo="120")
            return trigger
        willing = _willing(candidate.head, self.book.cues["future_adjectives"])
        if willing and quad in (1, 2) and trigger.type != "AGREE":
            return replace(trigger, type="AGREE", mode=None, cameo="030")
        unless = _unless(candidate.head)
        conditional = willing or unless
        if conditional and quad in (3, 4) and trigger.type != "THREATEN":
            return replace(trigger, type="THREATEN", mode=None, cameo="130")
        if unless and trigger.type == "RETREAT" and own.time == "FUTURE":
            # "will withdraw its force unless a ceasefire is arranged": a threat (CAMEO 13)
            return replace(trigger, type="THREATEN", mode=None, cameo="130")
        intends = self._intends(candidate.head)
        if trigger.type in _INTENT_AGREE and intends:
            return replace(trigger, type="AGREE", mode=None, cameo=_INTENT_AGREE[trigger.type])
        uncertain = own.certainty in ("POSSIBLE", "PROBABLE")
        announced = intends and trigger.type in _ANNOUNCED_THREAT
        if trigger.type in _INTENT_THREATEN and (uncertain or announced):
            # "will extend the curfew", "plans to impose restrictions": announcing a coercive
            # act is threatening it (CAMEO 13)
            return replace(
                trigger, type="THREATEN", mode=None, cameo=_INTENT_THREATEN[trigger.type]
            )
        return trigger

    def _intends(self, head: Token) -> bool:
        """ "will visit", "plans to provide": the actor's stated intention (not "is meeting
        tomorrow", a scheduled event, which stays CONSULT + future; issue 4)."""
        verb = head if head.pos_ in ("VERB", "AUX") else head.head
        cues = self.book.cues
        if any(c.dep_ == "aux" and c.lower_ in cues["future_modals"] for c in verb.children):
            return True
        governor = verb.head.lemma_.lower()
        if verb.dep_ == "ccomp" and governor in cues["reporting_verbs"]:
            # "Iraq said it would allow ...": reported "will"
            return any(c.dep_ == "aux" and c.lower_ == "would" for c in verb.children)
        return (
            verb.dep_ == "xcomp"
            and governor not in _NOT_INTENT
            and (governor in cues["future_verbs"] or governor in cues["future_adjectives"])
        )

    def _reciprocal(
        self, candidate: Candidate, actor: list[Party], recipient: list[Party]
    ) -> tuple[list[Party], list[Party]]:
        """Meetings, and agreements "with" someone, list every party as actor (PLOVER 2.4.2)."""
        trigger = self._intent(candidate)
        if trigger.type not in _RECIPROCAL or trigger.mode in ("visit", "third-party"):
            return actor, recipient
        with_tokens = [t for t in candidate.recipient_tokens if _via_with(t)]
        if trigger.type == "AGREE" and not with_tokens:
            return actor, recipient
        merged = {p.ref: p for p in actor + recipient}
        return list(merged.values()), []

    def _attribution(
        self, head: Token, start_char: int, actors: ActorIndex, quotes: list[Quote]
    ) -> str | None:
        for quote in quotes:
            if quote.content.start <= start_char < quote.content.end and quote.speaker:
                return quote.speaker
        reporter = _reporting_verb(head, self.book.cues["reporting_verbs"])
        if reporter is None:
            return None
        # only the reporter's own subject: "it should be noted that" names no speaker
        subjects = [t for c in reporter.children if c.dep_ == "nsubj" for t in args.conjuncts(c)]
        speakers = args.parties(subjects, actors)
        return speakers[0].ref if speakers else None


def _merge_subject_nominals(found: list[tuple[Token, Event]]) -> list[Event]:
    """One event for "a drone strike killed X": a nominal trigger that is the subject of a
    verbal trigger of the same type is the same event; the verb's event keeps the nominal's
    actor when it has none of its own ("US" in "a US drone strike")."""
    by_head = {head.i: event for head, event in found}
    merged: set[int] = set()
    for head, event in found:
        verb_event = by_head.get(head.head.i) if head.dep_ == "nsubj" else None
        if verb_event is None or verb_event is event or verb_event.type != event.type:
            continue
        if not verb_event.actor:
            verb_event.actor = event.actor
        merged.add(id(event))
    return [event for _, event in found if id(event) not in merged]


def _willing(head: Token, adjectives: frozenset[str]) -> bool:
    """ "is willing / ready / prepared to withdraw": a stated intention."""
    return head.dep_ == "xcomp" and head.head.lemma_.lower() in adjectives


def _failed(head: Token) -> bool:
    verb = head if head.pos_ in ("VERB", "AUX") else head.head
    return verb.dep_ == "xcomp" and verb.head.lemma_.lower() == "fail"


def _unless(head: Token) -> bool:
    """ "will withdraw unless ...": a conditional threat."""
    return any(
        c.dep_ == "advcl" and any(m.lower_ == "unless" for m in c.children) for c in head.children
    )


def _phrase_end(verb: Token, trigger: Trigger) -> int | None:
    """Index of the last word of a matching verb phrase, or None if it does not match."""
    end = verb.i
    window = [t for t in verb.doc[verb.i + 1 : verb.i + 7] if _in_phrase(t, verb)]
    position = 0
    for word in trigger.words:
        hit = next((t for t in window[position:] if t.lower_ == word or t.lemma_ == word), None)
        if hit is None:
            return None
        position = window.index(hit) + 1
        end = hit.i
    if trigger.obj:
        objects = [
            t
            for t in verb.subtree
            if t.dep_ in ("dobj", "pobj", "nsubjpass", "compound")
            and t.lemma_.lower() == trigger.obj
            and t.i > verb.i - 3
        ]
        if not objects:
            return None
        end = max(end, objects[0].i) if objects[0].i > verb.i else end
    return end


def _in_phrase(token: Token, verb: Token) -> bool:
    if token.head.i == verb.i and token.dep_ in _PHRASE_DEPS:
        return True
    return (
        token.head.head.i == verb.i and token.head.dep_ in ("prt", "prep") and token.dep_ == "prep"
    )


def _via_with(token: Token) -> bool:
    head = token
    while head.dep_ == "conj":
        head = head.head
    return head.dep_ == "pobj" and head.head.lower_ == "with"


def _reporting_verb(head: Token, reporting: frozenset[str]) -> Token | None:
    """The verb of saying whose complement clause contains ``head``, if any."""
    current = head
    for _ in range(10):
        parent = current.head
        if current.dep_ in ("ccomp", "parataxis") and parent.lemma_.lower() in reporting:
            return parent
        if parent.i == current.i:
            break
        current = parent
    # "Iran attacked the tanker, officials said": the reporting verb hangs under the root
    for child in current.children:
        if (
            child.dep_ in ("parataxis", "ccomp")
            and child.lemma_.lower() in reporting
            and child.i > head.i
        ):
            return child
    return None


def _evidence(sent: TokenSpan, article: Article) -> Span:
    text = sent.text
    start = sent.start_char + (len(text) - len(text.lstrip()))
    end = sent.end_char - (len(text) - len(text.rstrip()))
    return Span.of(article.text, start, end)


def _confidence(candidate: Candidate, event: Event) -> float:
    """How sure we are that this is a real, well-formed event, and the main one of its sentence.

    A transparent sum, clipped to [0.05, 0.99]: 0.35 base; +0.15 a verbal (or light-verb)
    trigger; +0.05 a multi-word lexicon phrase; +0.15 a resolved actor; +0.1 a resolved
    recipient; +0.15 when the trigger is the root of its sentence, else -0.1 per level of
    syntactic depth (at most -0.3); -0.1 for an actor taken only from an adjective; -0.1
    when the trigger sits under another event's verb. Not a calibrated probability; the
    scorers use it to pick a sentence's best event.
    """
    score = 0.35
    score += 0.15 if candidate.verbal else 0.0
    score += 0.05 if candidate.trigger.specificity else 0.0
    score += 0.15 if event.actor else 0.0
    score += 0.1 if event.recipient else 0.0
    depth = _depth(candidate.head)
    score += 0.15 if depth == 0 else -min(0.3, 0.1 * depth)
    score -= 0.1 if candidate.weak_actor else 0.0
    score -= 0.1 if candidate.embedded else 0.0
    return max(0.05, min(0.99, score))


def _depth(token: Token) -> int:
    depth = 0
    while token.head.i != token.i and depth < 20:
        token = token.head
        depth += 1
    return depth
