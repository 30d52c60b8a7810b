"""Actor and recipient of an event from the syntax of its clause (issue 4).

Tokens are turned into parties only through the ``ActorIndex`` (the actor stage decides who
is who, including pronouns); places are never parties.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.tokens import Token

from flashpoint.actors.index import ActorIndex
from flashpoint.models import Party

RECIPIENT_PREPS = {
    "on",
    "against",
    "with",
    "to",
    "upon",
    "at",
    "toward",
    "towards",
    "into",
    "from",
    "of",
    "over",
    "for",
    "among",
}
# verbs whose object, not subject, does what their infinitive says ("urged Iran to stop")
OBJECT_CONTROL = frozenset(
    ("urge", "ask", "order", "call", "force", "press", "persuade", "tell", "allow", "invite",
     "encourage", "help", "require", "instruct", "warn", "advise", "pressure", "push",
     "permit", "enable", "compel", "oblige", "convince")
)  # fmt: skip
# passives that describe the subject's own stance: "Israel is opposed to French mediation",
# "Vietnam is committed to opening up" (the subject acts; nothing was done to it)
STATIVE_PASSIVES = frozenset(
    ("oppose", "commit", "determine", "prepare", "resolve", "dedicate", "devote", "set")
)
_CLIMB = {"xcomp", "conj", "advcl", "acomp", "pcomp"}
_MODIFIERS = {"amod", "compound", "poss", "nmod", "npadvmod"}


def conjuncts(token: Token) -> list[Token]:
    """``token`` and the tokens coordinated with it ("Iran, China and Britain")."""
    return [token, *(t for t in token.conjuncts if t.i > token.i)]


def subject_of(verb: Token) -> list[Token]:
    """Logical subject: nsubj, or passive agent, climbing xcomp/conj to a controller."""
    current: Token | None = verb
    for _ in range(5):
        if current is None:
            break
        agents = [
            g for c in current.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"
        ]
        own = current.i == verb.i and not _stative(verb)
        subject_deps = ("nsubj", "csubj") if own else ("nsubj", "nsubjpass")
        # the small model sometimes hangs the subject on the auxiliary ("Russians are ...")
        heads = [current, *(c for c in current.children if c.dep_ in ("aux", "auxpass"))]
        subjects = [c for h in heads for c in h.children if c.dep_ in subject_deps]
        if subjects or agents:
            return [t for s in subjects + agents for t in conjuncts(s)]
        if current.dep_ not in _CLIMB or current.head.i == current.i:
            break
        head = current.head
        if current.dep_ == "xcomp" and head.lemma_.lower() in OBJECT_CONTROL:
            objects = [c for c in head.children if c.dep_ == "dobj"]
            if objects:  # "urged Iran to stop": the object is the one to stop
                return conjuncts(objects[0])
        if current.dep_ == "pcomp" and head.dep_ == "prep":
            head = head.head  # "resorted to throwing stones"
        current = head
    return []


def governing_verb(noun: Token) -> Token | None:
    """The verb whose object phrase contains ``noun`` ("considering the scenario of X")."""
    current = noun
    for _ in range(4):
        if current.dep_ not in ("dobj", "pobj", "prep"):
            return None
        current = current.head
        if current.pos_ == "VERB":
            return current
    return None


def verb_recipients(verb: Token) -> list[Token]:
    """Objects of a verb: dobj, passive subject, dative, and objects of on/against/with/..."""
    found: list[Token] = []
    for child in verb.children:
        if child.dep_ in ("prep", "prt") or (child.dep_ == "dative" and child.pos_ == "ADP"):
            found.extend(_prep_objects(child))
        elif child.dep_ in ("dobj", "dative", "attr", "oprd") or (
            child.dep_ == "nsubjpass" and not _stative(verb)
        ):
            found.extend(conjuncts(child))
    return found


def _stative(verb: Token) -> bool:
    """A stative passive ("is opposed to"): a form of "be" and no "by" agent."""
    if verb.lemma_.lower() not in STATIVE_PASSIVES:
        return False
    passive = any(c.dep_ == "auxpass" for c in verb.children)
    return passive and not any(c.dep_ == "agent" for c in verb.children)


def recipient_tiers(verb: Token) -> list[list[Token]]:
    """Recipient candidates, best first; the first tier that resolves to an actor wins.

    1. the verb's own objects; 2. inside its object ("rejected calls by Belarus",
    "ties with Israel"); 3. one level deeper ("reservists for a war against Iraq"); 4. the
    clause it embeds ("demanded that the US cancel", "threatened to break relations with
    Russia"); 5. the subject of an if/unless condition.
    """
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    inner = [t for o in objects for t in _noun_recipients(o, preps=RECIPIENT_PREPS | {"by"})]
    embedded: list[Token] = []
    for child in verb.children:
        if child.dep_ == "ccomp":
            embedded.extend(
                t for s in child.children if s.dep_ in ("nsubj", "nsubjpass") for t in conjuncts(s)
            )
        if child.dep_ in ("xcomp", "ccomp"):
            embedded.extend(t for tier in recipient_tiers(child) for t in tier)
    deeper = [t for o in verb_recipients(verb) + inner for t in _noun_recipients(o)]
    return [verb_recipients(verb), inner, deeper, embedded, _condition_subjects(verb)]


def _condition_subjects(verb: Token) -> list[Token]:
    """ "threatened to strike unless Israel rescinded ...": the one the condition is put to."""
    clauses = [verb, *(c for c in verb.children if c.dep_ == "xcomp")]
    return [
        t
        for clause in clauses
        for advcl in clause.children
        if advcl.dep_ == "advcl" and any(m.lower_ in ("if", "unless") for m in advcl.children)
        for s in advcl.children
        if s.dep_ in ("nsubj", "nsubjpass")
        for t in conjuncts(s)
    ]


def _prep_objects(prep: Token, preps: set[str] = RECIPIENT_PREPS) -> list[Token]:
    found: list[Token] = []
    if prep.lower_ in preps:
        for obj in prep.children:
            if obj.dep_ == "pobj":
                found.extend(conjuncts(obj))
    for child in prep.children:  # "pull out of the deal": of hangs under out
        if child.dep_ == "prep":
            found.extend(_prep_objects(child, preps))
    return found


def _noun_recipients(noun: Token, preps: set[str] = RECIPIENT_PREPS) -> list[Token]:
    return [
        t
        for c in noun.children
        if c.dep_ == "prep" and c.lower_ in preps
        for t in _prep_objects(c, preps)
    ]


def noun_actors(noun: Token) -> list[Token]:
    """Who does a nominal event: "Iran's attack", "US sanctions", "the attack by rebels"."""
    found: list[Token] = []
    for child in noun.children:
        if child.dep_ == "poss" or (child.dep_ == "compound" and child.pos_ == "PROPN"):
            found.extend(conjuncts(child))
        elif child.dep_ == "prep" and child.lower_ == "by":
            found.extend(t for c in child.children if c.dep_ == "pobj" for t in conjuncts(c))
    return found


def place_compounds(noun: Token, actors: ActorIndex) -> list[Token]:
    """Bare country names compounded onto an event noun: "the Iraq war", "the Iceland summit".

    In English such a name says where the event happened or whom it was aimed at, not who
    did it; the doer is named by a demonym ("Iraqi attack"), a possessive ("Iraq's attack")
    or "by". Abbreviations ("US strike", "U.S. sanctions", "UK raid") are the attributive
    form of their country and do name the doer, as do organisations ("NATO strikes").
    """
    found: list[Token] = []
    for child in noun.children:
        if child.dep_ != "compound" or child.pos_ != "PROPN":
            continue
        for token in conjuncts(child):
            named = actors.actors_of(token)
            place = actors.place_of(token)
            # a country itself, not a seat of government ("White House meeting")
            country = (named and all(a.kind == "country" and not a.sector for a in named)) or (
                not named and place is not None and place.kind == "country"
            )
            span = actors.mention_span(token)
            text = (span.text if span is not None else token.text).removeprefix("the ")
            if country and any(ch.islower() for ch in text):
                found.append(token)
    return found


def without_sources(tokens: list[Token], actors: ActorIndex) -> list[Token]:
    """Argument tokens less the news media that only report the event: "according to
    Reuters", "told the AP", "in an interview with CNN", a dateline "(Reuters) -" or a
    credit line ("Contributing: The Associated Press"). A medium that is acted on
    ("threatened NBC", "banned the BBC", "an attack on CNN") stays a party."""
    return [t for t in tokens if not _reporting_source(t, actors)]


def _reporting_source(token: Token, actors: ActorIndex) -> bool:
    named = actors.actors_of(token)
    if not named or not all(a.sector == "MED" for a in named):
        return False
    head = token
    while head.dep_ in ("conj", "appos") and head.head.i != head.i:
        head = head.head
    if head.dep_ in ("npadvmod", "parataxis", "meta"):
        return True
    doc = token.doc
    before = doc[head.left_edge.i - 1] if head.left_edge.i > 0 else None
    after = doc[head.right_edge.i + 1] if head.right_edge.i + 1 < len(doc) else None
    if before is not None and after is not None and before.text == "(" and after.text == ")":
        return True  # dateline
    if head.dep_ != "pobj":
        return False
    return head.head.lower_ in ("to", "with", "from", "via")  # "according to", "told to"


def noun_modifier_actors(noun: Token) -> list[Token]:
    """Weaker evidence of a nominal event's actor: "Russian attack", "Iranian retaliations"."""
    named = ("NORP", "GPE", "ORG")
    return [
        t for c in noun.children if c.dep_ == "amod" and c.ent_type_ in named for t in conjuncts(c)
    ]


def noun_recipients(noun: Token, *, between: bool = False) -> list[Token]:
    """Recipients of a nominal event; "between X and Y" only for mediation and talks."""
    return _noun_recipients(noun, RECIPIENT_PREPS | {"between"} if between else RECIPIENT_PREPS)


def parties(tokens: Iterable[Token], actors: ActorIndex) -> list[Party]:
    """Distinct resolved parties of argument heads, looking inside their noun phrases."""
    seen: dict[str | None, Party] = {}
    for token in tokens:
        for party in _parties_of(token, actors):
            seen.setdefault(party.ref, party)
    return list(seen.values())


def _parties_of(token: Token, actors: ActorIndex, depth: int = 0) -> Iterator[Party]:
    direct = _resolved(token, actors)
    if any(p.code for p in direct):
        yield from direct
        return
    # an unplaced role noun ("the government of Iraq") gives way to a country inside it
    inner = list(_inner_parties(token, actors, depth))
    yield from (inner if any(p.code for p in inner) else direct or inner)


def _inner_parties(token: Token, actors: ActorIndex, depth: int) -> Iterator[Party]:
    # "Iranian officials", "the government of Iraq": the actor sits inside the phrase
    for left in token.lefts:
        if left.dep_ in _MODIFIERS:
            for t in left.subtree:
                yield from _resolved(t, actors)
    for child in token.children:  # "the government of Iraq", "rebels in the Ivory Coast"
        if child.dep_ == "prep" and child.lower_ in ("of", "in", "from", "throughout", "for"):
            for obj in child.children:
                if obj.dep_ == "pobj" and child.lower_ == "of" and depth < 2:
                    yield from _parties_of(obj, actors, depth + 1)
                elif obj.dep_ == "pobj":
                    yield from _resolved(obj, actors)


def _resolved(token: Token, actors: ActorIndex) -> list[Party]:
    place = actors.place_of(token)
    if place is not None and place.kind == "region":
        return []
    return [p for p in actors.party(token) if p.ref is not None]
