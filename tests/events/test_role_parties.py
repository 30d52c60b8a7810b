"""Unnamed role-noun actors, placed by the actor stage, are event parties (whole engine).

Sentences written for these tests; the actor rules are in ``flashpoint/actors/roles.py``.
"""

from __future__ import annotations

import pytest

import flashpoint


def _event(engine, text: str):
    analysis = engine.analyze(flashpoint.make_article(text, published="2000-01-01"))
    assert analysis.events, f"no event in {text!r}"
    return max(analysis.events, key=lambda e: e.confidence)


def _codes(parties) -> list[tuple[str | None, str | None]]:
    return [(p.code, p.sector) for p in parties]


@pytest.mark.parametrize(
    ("text", "kind", "actor", "recipient"),
    [
        ("Police in Nairobi fired on demonstrators.", "ASSAULT", [("KEN", "GOV")], [(None, "CVL")]),
        ("Students protested in Belgrade.", "PROTEST", [("SRB", "CVL")], []),
        ("Kenyan police arrested 40 protesters.", "COERCE", [("KEN", "GOV")], [(None, "CVL")]),
        # an unplaced collective still makes the protest an event (country unknown)
        ("Demonstrators marched to the parliament.", "PROTEST", [(None, "CVL")], []),
    ],
)
def test_role_nouns_are_parties(engine, text, kind, actor, recipient):
    event = _event(engine, text)
    assert (event.type, _codes(event.actor), _codes(event.recipient)) == (kind, actor, recipient)


def test_a_country_inside_the_phrase_beats_an_unplaced_role_noun(engine):
    event = _event(engine, "The government of Iraq condemned the attack.")
    assert _codes(event.actor) == [("IRQ", "GOV")]


def test_the_location_is_never_a_party(engine):
    event = _event(engine, "Rebels attacked an army post outside Kabul.")
    assert all(p.text != "Kabul" for p in event.actor + event.recipient)
    assert ("AFG", "REB") in _codes(event.actor)
