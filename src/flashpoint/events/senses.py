"""Sense restrictions of polysemous trigger verbs (data in ``events/data/senses.json``).

The lexicon codes a verb by its lemma; some verbs are the lexicon's event only in one of
their senses. ``wrong_sense`` tells, from the parse and the resolved actors, when a matched
verb is used in another sense and is no event:

- an object that is not what the event acts on ("committed crimes" is no AGREE, "provided
  no details" no AID, "left office" no military withdrawal);
- a diplomatic verb whose object is no party ("met the deadline", "received confirmation");
- a violent verb whose object is a person ("fired the director": a dismissal);
- an individual leaving a place or a gathering (travel, not a withdrawal of forces);
- a passive or a predicate on the object ("left the country isolated", "left over");
- asking a question ("asked whether ...") rather than asking for something;
- insisting on a fact ("insisted that the charges were false") rather than demanding;
- violence or coercion as a metaphor: an abstract object ("killed the bill", "fight off a
  subpoena", "seize the opportunity"), the subject itself ("shooting himself in the foot")
  or words as the weapon ("bombarded the counsel with letters");
- contributing to a news report, or a credit line ("Contributing: The Associated Press").

``verbal_attack`` tells when "attack" is said of words ("attacked X in a tweet", "attacked
the deal", "personal attacks on X"): criticism (ACCUSE, CAMEO 111), not an ASSAULT.

A lexicon row with an object noun ("meet =demand") is a sense of its own and is not checked;
for converse verbs ("received weapons from X") ``converse_parties`` turns the giver into the
actor and the subject into the recipient.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from spacy.tokens import Token

from flashpoint.actors.index import ActorIndex
from flashpoint.events.arguments import conjuncts, subject_of
from flashpoint.events.codebook import Trigger

_OBJECT_DEPS = ("dobj", "nsubjpass")
_QUESTION_TAGS = ("WP", "WP$", "WRB", "WDT")
_MODALS = ("must", "should", "ought", "shall")
_FORCE = ("ASSAULT", "COERCE")


@dataclass(frozen=True)
class Senses:
    not_objects: dict[str, frozenset[str]]
    party_object: frozenset[str]
    individual_subject: frozenset[str]
    individual_pronouns: frozenset[str]
    person_nouns: frozenset[str]
    secondary_predicate: frozenset[str]
    not_particles: dict[str, frozenset[str]]
    question_complement: frozenset[str]
    assertive_complement: frozenset[str]
    converse: frozenset[str]
    not_party_object: frozenset[str]
    abstract_objects: frozenset[str]
    reflexive_objects: frozenset[str]
    with_words: frozenset[str]
    verbal_attack: dict[str, frozenset[str]]
    not_prep_objects: dict[str, frozenset[str]]


@lru_cache(maxsize=1)
def load_senses() -> Senses:
    text = resources.files("flashpoint.events").joinpath("data", "senses.json").read_text("utf-8")
    data = json.loads(text)
    return Senses(
        not_objects={k: frozenset(v) for k, v in data["not_objects"].items()},
        party_object=frozenset(data["party_object"]),
        individual_subject=frozenset(data["individual_subject"]),
        individual_pronouns=frozenset(data["individual_pronouns"]),
        person_nouns=frozenset(data["person_nouns"]),
        secondary_predicate=frozenset(data["secondary_predicate"]),
        not_particles={k: frozenset(v) for k, v in data["not_particles"].items()},
        question_complement=frozenset(data["question_complement"]),
        assertive_complement=frozenset(data["assertive_complement"]),
        converse=frozenset(data["converse"]),
        not_party_object=frozenset(data["not_party_object"]),
        abstract_objects=frozenset(data["abstract_objects"]),
        reflexive_objects=frozenset(data["reflexive_objects"]),
        with_words=frozenset(data["with_words"]),
        verbal_attack={k: frozenset(v) for k, v in data["verbal_attack"].items()},
        not_prep_objects={k: frozenset(v) for k, v in data["not_prep_objects"].items()},
    )


def wrong_sense(
    verb: Token, trigger: Trigger, actors: ActorIndex, senses: Senses | None = None
) -> bool:
    """True when the trigger verb ``verb`` is used in a sense that is not its event."""
    if trigger.kind != "verb" or trigger.obj or verb.pos_ not in ("VERB", "AUX"):
        return False
    senses = senses or load_senses()
    lemma = trigger.head
    objects = _objects(verb)
    banned = senses.not_objects.get(lemma, frozenset())
    if any(o.lemma_.lower() in banned for o in objects):
        return True
    if lemma in senses.party_object:
        things = objects + _with_objects(verb)
        if things and not any(_is_party(t, actors, senses) for t in things):
            return True
    if lemma in senses.not_party_object and any(
        c.dep_ == "dobj" and _is_party(c, actors, senses) for c in verb.children
    ):
        return True  # "fired the director": a dismissal, not a shot
    if lemma in senses.not_particles and any(
        c.dep_ == "prt" and c.lower_ in senses.not_particles[lemma] for c in verb.children
    ):
        return True
    if lemma in senses.secondary_predicate and _secondary_predicate(verb):
        return True
    if lemma in senses.individual_subject and _individual_subject(verb, actors, senses):
        return True
    if lemma in senses.question_complement and _asks_question(verb):
        return True
    if _credit_label(verb):
        return True  # "Contributing: The Associated Press"
    if lemma in senses.not_prep_objects and any(
        o.lemma_.lower() in senses.not_prep_objects[lemma] for o in _prep_objects(verb)
    ):
        return True  # "contributed to this report"
    if trigger.type in _FORCE and _metaphorical_force(verb, objects, senses):
        return True
    return lemma in senses.assertive_complement and _asserts(verb)


def _credit_label(verb: Token) -> bool:
    """A subjectless participle that labels what follows ("Contributing: The Associated
    Press", "Reporting: ..."): a credit or heading line, not a clause."""
    doc = verb.doc
    following = doc[verb.i + 1] if verb.i + 1 < len(doc) else None
    return (
        verb.tag_ == "VBG"
        and following is not None
        and following.text == ":"
        and not any(c.dep_ in ("nsubj", "nsubjpass", "aux") for c in verb.children)
    )


def _metaphorical_force(verb: Token, objects: list[Token], senses: Senses) -> bool:
    """Violence or coercion as a figure of speech: "killed the bill", "fight off a subpoena",
    "seize the opportunity", "shooting himself in the foot", "bombarded the counsel with
    letters". A verb of attacking said of words is criticism instead (``verbal_attack``)."""
    if verb.lemma_.lower() in senses.verbal_attack["verbs"] and _attack_in_words(verb, senses):
        return False  # recoded as ACCUSE by verbal_attack
    if any(o.lemma_.lower() in senses.abstract_objects for o in objects):
        return True
    if objects and all(o.lower_ in senses.reflexive_objects for o in objects):
        return True  # not "killed 23 people as well as themselves"
    return any(o.lemma_.lower() in senses.with_words for o in _with_objects(verb))


def verbal_attack(head: Token, trigger: Trigger, senses: Senses | None = None) -> bool:
    """An ASSAULT trigger ("attack") said of words, which is criticism (ACCUSE, CAMEO 111):
    "attacked the deal", "attacked X in a tweet", "attacked X for / over / as ...",
    "attacked X on the issue"; for the noun, "verbal / personal attacks", "attacks in a
    speech", "attacks against the tax cuts"."""
    senses = senses or load_senses()
    if trigger.type != "ASSAULT" or trigger.obj:
        return False
    words = senses.verbal_attack
    if trigger.kind == "verb" and head.pos_ in ("VERB", "AUX"):
        return trigger.head in words["verbs"] and _attack_in_words(head, senses)
    if trigger.kind != "noun" or trigger.words or head.lemma_.lower() not in words["nouns"]:
        return False
    if any(
        c.dep_ == "amod" and c.lemma_.lower() in words["verbal_adjectives"] for c in head.children
    ):
        return True
    targets = [
        g
        for c in head.children
        if c.dep_ == "prep" and c.lower_ in ("on", "against")
        for g in c.children
        if g.dep_ == "pobj"
    ]
    if any(t.lemma_.lower() in senses.abstract_objects for t in targets):
        return True
    return _speech_context(head, senses)


def _attack_in_words(verb: Token, senses: Senses) -> bool:
    objects = _objects(verb)
    if any(o.lemma_.lower() in senses.abstract_objects for o in objects):
        return True  # "attacked the deal"
    if any(o.lemma_.lower() in senses.with_words for o in _with_objects(verb)):
        return True  # "attacked him with questions"
    return _speech_context(verb, senses)


def _speech_context(head: Token, senses: Senses) -> bool:
    """ "in a tweet", "on Twitter", "for his remarks", "over the deal", "as weak", "on the
    issue": an attack made in words, or for a reason."""
    words = senses.verbal_attack
    for prep in (c for c in head.children if c.dep_ == "prep"):
        word = prep.lower_
        objects = [g for g in prep.children if g.dep_ in ("pobj", "pcomp")]
        if word in words["speech_preps"] and any(
            g.lemma_.lower() in words["speech_nouns"] for g in objects
        ):
            return True
        if word in ("on", "over") and any(
            g.lemma_.lower() in words["topic_nouns"] for g in objects
        ):
            return True
        if word in words["reason_preps"] and any(_reason(g, word) for g in objects):
            return True
        if word == "as" and any(g.dep_ == "amod" or g.pos_ == "ADJ" for g in prep.children):
            return True  # "attacked him as weak"
    return False


def _reason(token: Token, prep: str) -> bool:
    """The object of for / over / as that gives a reason or a label, not a time, place or
    amount ("for the second time", "over the border", "for hours")."""
    if token.dep_ == "pcomp" or token.tag_ == "VBG":
        return True  # "attacked him for failing to act"
    if token.ent_type_ in ("GPE", "LOC", "FAC", "DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY"):
        return False
    if token.lemma_.lower() in ("time", "hour", "day", "week", "month", "year", "night", "area"):
        return False
    if prep == "as":
        return token.pos_ in ("NOUN", "ADJ")
    return any(c.dep_ == "poss" for c in token.children) or token.pos_ == "NOUN" and prep == "for"


def _prep_objects(verb: Token) -> list[Token]:
    return [g for c in verb.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]


def _objects(verb: Token) -> list[Token]:
    found = [c for c in verb.children if c.dep_ in _OBJECT_DEPS]
    if not found and verb.dep_ in ("acl", "relcl") and verb.head.pos_ in ("NOUN", "PROPN"):
        found = [verb.head]  # "crimes committed by the group"
    return [t for o in found for t in [o, *o.conjuncts]]


def _with_objects(verb: Token) -> list[Token]:
    return [
        g
        for c in verb.children
        if c.dep_ == "prep" and c.lower_ == "with"
        for g in c.children
        if g.dep_ == "pobj"
    ]


def _is_party(token: Token, actors: ActorIndex, senses: Senses) -> bool:
    """A person, group or state: resolved by the actor stage, a personal pronoun or a
    named entity, a noun for people ("her husband", "the families"), or a phrase with a party inside other than a possessive ("a mission of
    observers from the OSCE", "the Chinese delegation"; not "its climate targets")."""
    if actors.actors_of(token) or token.ent_type_ in ("PERSON", "ORG", "NORP", "GPE"):
        return True
    if token.lemma_.lower() in senses.person_nouns:
        return True
    if token.pos_ == "PRON":
        return token.lower_ in senses.individual_pronouns or token.lower_ in (
            "them",
            "us",
            "we",
            "they",
        )
    for child in token.children:
        if child.dep_ in ("amod", "compound") and actors.actors_of(child):
            return True
        if (
            child.dep_ == "prep"
            and child.lower_ == "of"
            and any(g.dep_ == "pobj" and actors.actors_of(g) for g in child.children)
        ):
            return True
    return False


def _secondary_predicate(verb: Token) -> bool:
    """Passive ("was left to fend for itself"), a participle ("the infrastructure left from
    the boom years"), or a predicate right after the object ("left the United States
    isolated", "would leave both allies exposed"), however the parser attached it."""
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children) or verb.dep_ == "acl":
        return True
    for obj in (c for c in verb.children if c.dep_ == "dobj"):
        # "left Bolivia isolated" parsed as a participle on the object (not "the town
        # controlled by the rebels", a participle with its own agent)
        if any(
            c.dep_ in ("acl", "amod")
            and c.i > obj.i
            and c.tag_ in ("VBN", "JJ")
            and all(t.tag_ == "RB" for t in verb.doc[obj.i + 1 : c.i])
            and not any(g.dep_ == "agent" for g in c.children)
            for c in obj.children
        ):
            return True
        following = obj.right_edge.i + 1
        doc = verb.doc
        while following < len(doc) and doc[following].tag_ == "RB":
            following += 1
        if following >= len(doc):
            continue
        word = doc[following]
        if word.tag_ in ("VBN", "JJ"):
            return True
        if word.tag_ == "VBD" and not any(a.i == word.i for a in verb.ancestors):
            return True
    return False


def _individual_subject(verb: Token, actors: ActorIndex, senses: Senses) -> bool:
    """Every subject of ``verb`` is one person ("she left the country", "after I left")."""
    subjects = subject_of(verb)
    if not subjects:
        return False
    for subject in subjects:
        kinds = {a.kind for a in actors.actors_of(subject)}
        person = kinds == {"person"} or (
            not kinds
            and (subject.lower_ in senses.individual_pronouns or subject.ent_type_ == "PERSON")
        )
        if not person:
            return False
    return True


def _asks_question(verb: Token) -> bool:
    """ "asked whether / if ...", "asked what she discussed": a question, not a request.
    Asking someone to do something or for something stays a REQUEST."""
    children = list(verb.children)
    if any(c.dep_ == "prep" and c.lower_ == "for" for c in children):
        return False
    if any(c.dep_ == "xcomp" for c in children):
        return False  # "asked Iran to release"
    for child in children:
        if child.dep_ == "dobj" and child.tag_ in _QUESTION_TAGS:
            return True  # "asked what she discussed"
        if child.dep_ == "ccomp":
            if any(m.dep_ == "mark" and m.lower_ in ("whether", "if") for m in child.children):
                return True
            first = next(iter(child.subtree))
            if first.tag_ in _QUESTION_TAGS:
                return True
    return False


def _asserts(verb: Token) -> bool:
    """ "insisted that the charges were false": an indicative complement with no modal."""
    clauses = [c for c in verb.children if c.dep_ == "ccomp"]
    if not clauses:
        return False
    for clause in clauses:
        auxes = [c for c in clause.children if c.dep_ in ("aux", "auxpass")]
        if any(a.lower_ in _MODALS for a in auxes):
            return False
        finite = [clause, *auxes]
        indicative = any(
            t.tag_ in ("VBD", "VBZ") or (t.lemma_ == "be" and t.tag_ != "VB") for t in finite
        )
        if not indicative:
            return False
    return True


def converse_parties(verb: Token, trigger: Trigger) -> tuple[list[Token], list[Token]] | None:
    """(actor, recipient) tokens of a converse verb ("Georgia received arms from Russia":
    Russia gives, Georgia receives), or None when ``trigger`` is not such a reading."""
    if trigger.kind != "verb" or not trigger.obj or trigger.head not in load_senses().converse:
        return None
    heads = [verb, *(c for c in verb.children if c.dep_ in _OBJECT_DEPS)]
    givers = [
        t
        for h in heads
        for p in h.children
        if p.dep_ == "prep" and p.lower_ == "from"
        for g in p.children
        if g.dep_ == "pobj"
        for t in conjuncts(g)
    ]
    return givers, subject_of(verb)
