"""Codes a clause leaves implicit, filled in as event coders do, and marked as filled in.

Three conventions of CAMEO/PLOVER coding (the GSR follows them), applied after the places
stage so each event has the place tied to its trigger:

* **location**: an event with an actor and no recipient is directed at the country it
  happens in: "Serbia lifted the curfew in Montenegro" is SRB -> MNE, "Israel will evacuate
  the settlements in the Gaza Strip" ISR -> PSE. A meeting is not (its venue is not a
  party), and neither is a named region without a country: "the Middle East" is never a party.
* **location**, for unplaced domestic groups: rebels, protesters, the opposition, judges or
  the authorities with no country of their own belong to the country where the event
  happens ("rebels attacked a convoy in Mali").
* **domestic**: an unplaced domestic group facing one country's side is of that country
  ("the Sudanese government accused Darfur rebels"); an unplaced official facing rebels or
  protesters is their government; a protest with no named target is against the protesters'
  own government. In material conflict (QuadClass 4) only facing the police or authorities
  ("Kenyan police arrested protesters"): "Putin murdered 298 civilians" or "troops killed
  militants" say nothing of the victims' country.

Soldiers are left alone (troops abroad are common), and so are unnamed persons in office
facing a state (a president hosting a foreign one). Every code set here is marked with
``Party.inferred``, so that a user can keep or drop what the text does not say outright.
"""

from __future__ import annotations

from functools import lru_cache

import pycountry

from flashpoint.actors.index import ActorIndex
from flashpoint.models import Event, Party

# Groups that are almost always of the country they act in.
DOMESTIC_SECTORS = frozenset({"REB", "OPP", "CVL", "JUD", "LEG", "GOV"})
NON_STATE = frozenset({"REB", "OPP", "CVL"})
TRANSNATIONAL = frozenset({"IGO", "NGO"})


def fill_implied(events: list[Event], actors: ActorIndex) -> None:
    """Fill in implied codes and recipients in place, marking each with ``inferred``."""
    for event in events:
        country = _location_country(event)
        if country is not None:
            for party in (*event.actor, *event.recipient):
                if _unplaced_domestic(party, actors, facing_state=True):
                    _infer(party, country, "location")
        material = event.quad_class == 4
        _domestic(event.actor, event.recipient, actors, material=material)
        _domestic(event.recipient, event.actor, actors, material=material)
        if not event.recipient and event.actor:
            event.recipient = _implied_recipient(event, country)


def _location_country(event: Event) -> str | None:
    location = event.location or {}
    country = location.get("country")
    return country if isinstance(country, str) and location.get("kind") != "site" else None


def _implied_recipient(event: Event, country: str | None) -> list[Party]:
    own = _countries(event.actor)
    # a meeting's venue is not a party; a visit's host country is ("arrived in Amman")
    visit = event.type != "CONSULT" or (len(event.actor) == 1 and bool(own) and country not in own)
    if country is not None and visit:
        text = str((event.location or {}).get("text") or "")
        return [Party(None, country, None, text, inferred="location")]
    if event.type == "PROTEST" and len(own) == 1:
        return [Party(None, next(iter(own)), "GOV", "", inferred="domestic")]
    return []


def _domestic(side: list[Party], other: list[Party], actors: ActorIndex, *, material: bool) -> None:
    countries = _countries(other)
    if len(countries) != 1:
        return
    if material and not any(p.sector == "GOV" and not _person(p, actors) for p in other):
        return  # force at home is the police's or the authorities', not a leader's or troops'

    facing_state = not any(p.sector in NON_STATE for p in other)
    country = next(iter(countries))
    for party in side:
        if _unplaced_domestic(party, actors, facing_state=facing_state):
            _infer(party, country, "domestic")


def _unplaced_domestic(party: Party, actors: ActorIndex, *, facing_state: bool) -> bool:
    if party.code is not None or party.sector not in DOMESTIC_SECTORS:
        return False
    person = _person(party, actors)
    # an unnamed-country official facing a state may well be foreign; facing rebels or
    # protesters of one country, he is their government
    return not (party.sector == "GOV" and person and facing_state)


def _person(party: Party, actors: ActorIndex) -> bool:
    return party.ref is not None and actors.get(party.ref).kind == "person"


def _countries(parties: list[Party]) -> set[str]:
    """The states among the parties' codes (not the UN, not an ethnic group like KUR)."""
    return {
        p.code for p in parties if p.code and p.sector not in TRANSNATIONAL and _is_state(p.code)
    }


@lru_cache(maxsize=512)
def _is_state(code: str) -> bool:
    return pycountry.countries.get(alpha_3=code) is not None


def _infer(party: Party, country: str, why: str) -> None:
    party.code = country
    party.inferred = why
