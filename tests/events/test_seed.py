"""Issue 4 must-shows on the seed article (the whole engine, ../shared/seed)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.shared


def _actor_names(analysis):
    return {actor.id: actor.name for actor in analysis.actors}


def _find(analysis, etype, word):
    return [e for e in analysis.events if e.type == etype and word in e.trigger.text]


def _codes(parties):
    return sorted({p.code for p in parties})


def test_us_sanctions_on_iran(seed_analysis):
    (event,) = _find(seed_analysis, "SANCTION", "sanctions")
    assert (_codes(event.actor), _codes(event.recipient)) == (["USA"], ["IRN"])
    assert event.modality == "asserted" and event.cameo == "163"


def test_us_withdrawal_from_the_nuclear_deal(seed_analysis):
    (event,) = _find(seed_analysis, "RETREAT", "pulled out of")
    assert _codes(event.actor) == ["USA"] and event.modality == "asserted"


def test_drone_attack_on_soleimani(seed_analysis):
    (event,) = _find(seed_analysis, "ASSAULT", "attack")
    assert (_codes(event.actor), _codes(event.recipient)) == (["USA"], ["IRN"])
    assert event.modality == "asserted"


def test_russia_iran_military_cooperation_is_hypothetical_and_rassams(seed_analysis):
    events = _find(seed_analysis, "COOPERATE", "partnership")
    assert events
    names = _actor_names(seed_analysis)
    (event,) = [e for e in events if e.attributed_to]
    assert "Rassam" in names[event.attributed_to]
    assert (_codes(event.actor), _codes(event.recipient)) == (["RUS"], ["IRN"])
    assert event.modality == "hypothetical"


def test_planned_meeting_is_a_future_consultation(seed_analysis):
    (event,) = _find(seed_analysis, "CONSULT", "meeting")
    assert _codes(event.actor) == ["CHN", "DEU", "FRA", "GBR", "IRN", "RUS"]
    assert event.recipient == [] and event.modality == "future"


def test_not_a_certainty_is_never_asserted(seed_analysis):
    text = seed_analysis.article.text
    start = text.index("it is not a certainty")
    end = text.index(".", start)
    inside = [e for e in seed_analysis.events if start <= e.trigger.start < end]
    assert inside and all(e.modality != "asserted" for e in inside)
    assert not [
        e for e in seed_analysis.events if e.type == "COOPERATE" and e.modality == "asserted"
    ]


def test_no_party_is_the_middle_east(seed_analysis):
    for event in seed_analysis.events:
        for party in event.actor + event.recipient:
            assert "Middle East" not in party.text and party.code


def test_no_event_from_skipped_lines_and_spans_slice_back(seed_analysis):
    text = seed_analysis.article.text
    skipped = [(s.start, s.end) for s in seed_analysis.skipped]
    for event in seed_analysis.events:
        assert not any(a <= event.trigger.start < b for a, b in skipped)
        for span in (event.trigger, event.evidence):
            assert text[span.start : span.end] == span.text
