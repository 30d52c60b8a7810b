"""A hand-built ActorIndex for event tests, so they do not depend on the actor resolver.

Country names, short names and demonyms come from the actor stage's data files (aliases);
people, organisations and pronouns are given per test as ``{"Trump": ("USA", "GOV")}``.
"""

from __future__ import annotations

import csv
import json
from functools import lru_cache
from importlib import resources

from spacy.tokens import Doc

from flashpoint.actors.index import ActorIndex, Place
from flashpoint.models import Actor, Span

REGIONS = {"middle east", "the middle east", "persian gulf", "the gulf", "region", "europe"}


@lru_cache(maxsize=1)
def country_aliases() -> dict[str, str]:
    data = resources.files("flashpoint.actors").joinpath("data")
    aliases: dict[str, str] = {}
    for line in data.joinpath("countries.jsonl").read_text("utf-8").splitlines():
        row = json.loads(line)
        for name in [row["name"], *row.get("aliases", [])]:
            aliases[name.lower()] = row["code"]
    for name in ("country_aliases.tsv", "seats.tsv"):
        lines = [
            x
            for x in data.joinpath(name).read_text("utf-8").splitlines()
            if x and not x.startswith("#")
        ]
        for alias, code, *_ in csv.reader(lines, delimiter="\t"):
            aliases[alias.lower()] = code
    return aliases


@lru_cache(maxsize=1)
def organizations() -> dict[str, tuple[str | None, str | None]]:
    """alias -> (country or code, sector) for IGOs, NGOs and armed groups."""
    data = resources.files("flashpoint.actors").joinpath("data")
    found: dict[str, tuple[str | None, str | None]] = {}
    for name in ("organizations.jsonl", "groups.jsonl"):
        for line in data.joinpath(name).read_text("utf-8").splitlines():
            row = json.loads(line)
            for alias in [row["name"], *row.get("aliases", [])]:
                found[alias.lower().removeprefix("the ")] = (row.get("country"), row.get("sector"))
    return found


def simple_index(doc: Doc, people: dict[str, tuple[str, str | None]] | None = None) -> ActorIndex:
    """Countries from NER (GPE/NORP) plus the given people/orgs/pronouns, by surface text."""
    index = ActorIndex(doc)
    people = people or {}
    by_key: dict[str, Actor] = {}

    def actor_for(key: str, code: str, sector: str | None, kind: str) -> Actor:
        if key not in by_key:
            actor = Actor(
                id=f"A{len(by_key) + 1}",
                name=key,
                kind=kind,  # type: ignore[arg-type]
                country=code,
                sector=sector,
            )
            by_key[key] = actor
            index.add(actor)
        return by_key[key]

    for ent in doc.ents:
        text = ent.text.lower().removeprefix("the ")
        if ent.label_ in ("GPE", "NORP") and text in country_aliases():
            code = country_aliases()[text]
            actor = actor_for(code, code, None, "country")
            for token in ent:
                index.token_actor[token.i] = actor.id
            actor.mentions.append(Span(ent.start_char, ent.end_char, ent.text))
        elif text in organizations():
            country, sector = organizations()[text]
            actor = actor_for(text, country or "", sector, "organization")
            actor.country = country
            for token in ent:
                index.token_actor[token.i] = actor.id
        elif ent.label_ in ("LOC", "GPE") and ent.text.lower() in REGIONS:
            index.places.append(Place(ent.start_char, ent.end_char, ent.text, ent.text, "region"))
            for token in ent:
                index.token_place[token.i] = len(index.places) - 1
    for token in doc:
        alias = token.text.lower()
        if (
            token.i not in index.token_actor
            and token.pos_ in ("PROPN", "ADJ")
            and alias in country_aliases()
            and alias not in REGIONS
        ):
            code = country_aliases()[alias]
            index.token_actor[token.i] = actor_for(code, code, None, "country").id
        if token.text in people and token.i not in index.token_actor:
            code, sector = people[token.text]
            index.token_actor[token.i] = actor_for(token.text, code, sector, "person").id
    return index
