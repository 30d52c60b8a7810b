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


def _inferred(parties) -> list[str | None]:
    return [p.inferred for p in parties]


@pytest.mark.parametrize(
    ("text", "kind", "actor", "recipient"),
    [
        # the demonstrators facing Kenyan police are Kenyans (inferred, events/implied.py)
        (
            "Police in Nairobi fired on demonstrators.",
            "ASSAULT",
            [("KEN", "GOV")],
            [("KEN", "CVL")],
        ),
        # a protest with no named target is coded against the country it happens in
        ("Students protested in Belgrade.", "PROTEST", [("SRB", "CVL")], [("SRB", None)]),
        ("Kenyan police arrested 40 protesters.", "COERCE", [("KEN", "GOV")], [("KEN", "CVL")]),
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


def test_the_location_is_never_a_stated_party(engine):
    event = _event(engine, "Rebels attacked an army post outside Kabul.")
    assert ("AFG", "REB") in _codes(event.actor)
    # with no stated recipient, the country the attack happened in is the (inferred) target
    assert [(p.text, p.code, p.inferred) for p in event.recipient] == [("Kabul", "AFG", "location")]
    assert all(p.inferred is None for p in event.actor)


def test_inferred_codes_are_marked(engine):
    event = _event(engine, "The Sudanese government accused rebels of breaking the ceasefire.")
    assert [(p.code, p.inferred) for p in event.actor] == [("SDN", None)]
    assert [(p.code, p.sector, p.inferred) for p in event.recipient] == [("SDN", "REB", "domestic")]


@pytest.mark.parametrize(
    "text",
    [
        "Iran and Russia held talks in Geneva.",  # a meeting's venue is not a party
        "The ministers met in Geneva on Monday.",
        "Russia expanded its military presence in the Middle East.",  # a region never is
    ],
)
def test_no_recipient_is_inferred_from_a_venue_or_a_region(engine, text):
    analysis = engine.analyze(flashpoint.make_article(text, published="2000-01-01"))
    inferred = [p for e in analysis.events for p in e.recipient if p.inferred == "location"]
    assert inferred == [], [(e.type, e.trigger.text, e.recipient) for e in analysis.events]


def test_an_unnamed_official_facing_a_state_stays_unplaced(engine):
    event = _event(engine, "President Tomas Varga condemned Russia for the missile strike.")
    assert event.actor and all(p.code is None for p in event.actor)


def test_force_abroad_says_nothing_of_the_victims_country(engine):
    event = _event(engine, "Vladimir Putin murdered 298 civilians.")
    civilians = [p for p in event.recipient if p.sector == "CVL"]
    assert civilians and all(p.code is None for p in civilians)


def test_a_visit_needs_a_visitor_from_elsewhere(engine):
    analysis = engine.analyze(
        flashpoint.make_article("Tom Blake met with farmers in Hartford.", published="2019-01-01")
    )
    assert all(p.inferred is None for e in analysis.events for p in e.recipient)
