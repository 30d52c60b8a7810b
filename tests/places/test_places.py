"""Toponyms resolved offline, and the place tied to an event's trigger."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from flashpoint.actors.index import ActorIndex, Place
from flashpoint.models import Event, Span
from flashpoint.places.resolve import assign_locations, lookup


@pytest.mark.parametrize(
    ("name", "kind", "country"),
    [
        ("Baghdad", "city", "IRQ"),
        ("Tehran", "city", "IRN"),
        ("the Middle East", "region", None),
        ("Persian Gulf", "region", None),
        ("the Persian gulf", "region", None),
        ("Saudi Arabia", "country", "SAU"),
        ("Britain", "country", "GBR"),
        ("US", "country", "USA"),
        ("Crimea", "region", "UKR"),
    ],
)
def test_lookup(name, kind, country):
    entry = lookup(name)
    assert entry is not None and (entry.kind, entry.country) == (kind, country)


def test_cities_have_coordinates():
    entry = lookup("Baghdad")
    assert entry is not None and entry.lat == pytest.approx(33.34, abs=0.1)
    assert entry.lon == pytest.approx(44.40, abs=0.1)


def test_unknown_name():
    assert lookup("Nowhereville Flats") is None


def event_at(text: str, trigger: str) -> Event:
    start = text.index(trigger)
    return Event(
        "E1",
        "ASSAULT",
        "asserted",
        Span.of(text, 0, len(text)),
        Span.of(text, start, start + len(trigger)),
    )


TEXT = (
    "A car bomb exploded in Baghdad on Monday. "
    "Gunmen attacked a tanker off Saudi Arabia. "
    "Rebels seized the airport in Aden. "
    "The government imposed sanctions on Iran."
)


@pytest.fixture(scope="module")
def doc(engine) -> Doc:
    return engine.nlp(TEXT)


@pytest.mark.parametrize(
    ("trigger", "name", "country"),
    [
        ("exploded", "Baghdad", "IRQ"),
        ("attacked", "Saudi Arabia", "SAU"),
        ("seized", "Aden", "YEM"),
    ],
)
def test_location_tied_to_trigger(doc, trigger, name, country):
    event = event_at(TEXT, trigger)
    assign_locations(doc, [event], ActorIndex(doc))
    assert event.location is not None
    assert (event.location["name"], event.location["country"]) == (name, country)
    start, end = event.location["start"], event.location["end"]
    assert TEXT[start:end] == event.location["text"]


def test_target_of_sanctions_is_not_a_location(doc):
    event = event_at(TEXT, "imposed")
    assign_locations(doc, [event], ActorIndex(doc))
    assert event.location is None


def test_actor_stage_place_wins(doc):
    start = TEXT.index("Baghdad")
    index = ActorIndex(doc)
    index.places.append(Place(start, start + 7, "Baghdad", "Baghdad (actor stage)", "city", "IRQ"))
    token = next(t for t in doc if t.text == "Baghdad")
    index.token_place[token.i] = 0
    event = event_at(TEXT, "exploded")
    assign_locations(doc, [event], index)
    assert event.location is not None and event.location["name"] == "Baghdad (actor stage)"
