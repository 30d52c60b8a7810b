"""Sense restrictions of polysemous trigger verbs (events/senses.py, data/senses.json).

Each case pairs a sentence where the verb is used in another sense (no event) with one where
it is the lexicon's event, so a rule that blocks too much fails too. Sentences are written
for these tests.
"""

from __future__ import annotations

import pytest

from flashpoint.models import Article

from .helpers import simple_index

PEOPLE = {
    "Morales": ("BOL", "GOV"),
    "He": ("BOL", "GOV"),
    "he": ("BOL", "GOV"),
    "She": ("CHL", "GOV"),
    "she": ("CHL", "GOV"),
    "Dunmore": ("GBR", "GOV"),
    "ministry": ("PER", "GOV"),
    "director": ("USA", "GOV"),
    "delegation": ("ARG", "GOV"),
    "Kestrel Front": ("COL", "REB"),
}


def _events(nlp, extractor, text):
    doc = nlp(text)
    return extractor.extract(doc, simple_index(doc, PEOPLE), [], Article(id="t", text=text))


def _types(nlp, extractor, text, word):
    return [e.type for e in _events(nlp, extractor, text) if e.trigger.text.startswith(word)]


# fmt: off
NOT_EVENTS = [
    # leave: an individual travelling, leaving office, leaving someone isolated, left over
    ("Morales left the country on Sunday to attend a wedding.", "left"),
    ("He promised to finish the reform before leaving office.", "leaving"),
    ("The vote in Lima left Bolivia largely isolated in the region.", "left"),
    ("Bolivia was left to negotiate alone with its creditors.", "left"),
    ("Some old Bolivian equipment was left over from the war.", "left"),
    # meet / receive: the thing met or received is no party
    ("Peru failed to meet its deadline for the report.", "meet"),
    ("The plan by Chile was met with broad scepticism.", "met"),
    ("Chile received confirmation of the figures on Monday.", "received"),
    # provide / deliver / commit: the object is no aid, no promise
    ("The ministry provided no details about the talks with Chile.", "provided"),
    ("Dunmore delivered remarks to the Peruvian parliament.", "delivered"),
    ("Kestrel Front committed crimes in Bolivia, the report found.", "committed"),
    # fire: a person fired from a job, not shot at
    ("Morales fired the director after the audit.", "fired"),
    # ask a question; insist on a fact
    ("Asked whether Chile would send troops, Morales declined to comment.", "Asked"),
    ("Reporters asked Morales what he discussed with Peru.", "asked"),
    ("Morales insisted that the Chilean charges were false.", "insisted"),
]
EVENTS = [
    ("Bolivian troops left the disputed border town on Sunday.", "left", "RETREAT"),
    ("Morales met the Argentine delegation in La Paz.", "met", "CONSULT"),
    ("Morales received the delegation from Argentina in La Paz.", "received", "CONSULT"),
    ("Bolivia received weapons from Russia last year.", "received", "AID"),
    ("Chile will provide food aid to Bolivia.", "provide", None),
    ("Kestrel Front committed genocide against villagers in Bolivia.", "committed", "ASSAULT"),
    ("Bolivian soldiers fired rockets at Peru.", "fired", "ASSAULT"),
    ("Morales asked Chile to release the prisoners.", "asked", "REQUEST"),
    ("Morales insisted that Chile must withdraw its troops.", "insisted", None),
]
# fmt: on


@pytest.mark.parametrize(("text", "word"), NOT_EVENTS)
def test_other_senses_are_no_events(nlp, extractor, text, word):
    assert _types(nlp, extractor, text, word) == []


@pytest.mark.parametrize(("text", "word", "etype"), EVENTS)
def test_the_event_sense_stays(nlp, extractor, text, word, etype):
    events = [e for e in _events(nlp, extractor, text) if e.trigger.text.startswith(word)]
    assert events, [(e.type, e.trigger.text) for e in _events(nlp, extractor, text)]
    if etype is not None:
        assert events[0].type == etype


def test_received_from_is_the_givers_event(nlp, extractor):
    events = _events(nlp, extractor, "Bolivia received weapons from Russia last year.")
    aid = next(e for e in events if e.type == "AID")
    assert [p.code for p in aid.actor] == ["RUS"]
    assert [p.code for p in aid.recipient] == ["BOL"]
