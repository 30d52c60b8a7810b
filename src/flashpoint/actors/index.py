"""The actor stage's result for one article: actors, and which tokens mention which actor.

Later stages (events, quotes) never look at names themselves: they ask this index which
actor a token belongs to, so that every stage agrees on who is who.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Doc, Span, Token

from flashpoint.models import Actor, Party


@dataclass
class Place:
    """A toponym or region mention; places are never actors (issue 3: "the Middle East")."""

    start: int
    end: int
    text: str
    name: str
    kind: str  # country | city | region
    country: str | None = None
    lat: float | None = None
    lon: float | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "kind": self.kind,
            "country": self.country,
            "lat": self.lat,
            "lon": self.lon,
            "text": self.text,
            "start": self.start,
            "end": self.end,
        }


@dataclass
class ActorIndex:
    """Actors of one article plus a token -> actor map covering every mention."""

    doc: Doc
    actors: list[Actor] = field(default_factory=list)
    token_actor: dict[int, str] = field(default_factory=dict)
    # group mentions ("the two nations", "Western nations") that stand for several actors
    token_group: dict[int, list[str]] = field(default_factory=dict)
    places: list[Place] = field(default_factory=list)
    token_place: dict[int, int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._by_id = {actor.id: actor for actor in self.actors}

    def add(self, actor: Actor) -> None:
        self.actors.append(actor)
        self._by_id[actor.id] = actor

    def get(self, actor_id: str) -> Actor:
        return self._by_id[actor_id]

    def actor_of(self, token: Token) -> Actor | None:
        actor_id = self.token_actor.get(token.i)
        return self._by_id.get(actor_id) if actor_id else None

    def actors_of(self, token: Token) -> list[Actor]:
        """The actor(s) a token stands for: one actor, or the members of a group mention."""
        if token.i in self.token_group:
            return [self._by_id[a] for a in self.token_group[token.i] if a in self._by_id]
        actor = self.actor_of(token)
        return [actor] if actor else []

    def place_of(self, token: Token) -> Place | None:
        index = self.token_place.get(token.i)
        return self.places[index] if index is not None else None

    def actors_in(self, span: Span) -> list[Actor]:
        """Distinct actors mentioned inside a token span, in order of first mention."""
        seen: dict[str, Actor] = {}
        for token in span:
            for actor in self.actors_of(token):
                seen.setdefault(actor.id, actor)
        return list(seen.values())

    def mention_span(self, token: Token) -> Span | None:
        """The whole mention (contiguous tokens of the same actor) around ``token``."""
        actor_id = self.token_actor.get(token.i)
        if actor_id is None:
            return None
        start = end = token.i
        while start > 0 and self.token_actor.get(start - 1) == actor_id:
            start -= 1
        while end + 1 < len(self.doc) and self.token_actor.get(end + 1) == actor_id:
            end += 1
        return self.doc[start : end + 1]

    def party(self, token: Token) -> list[Party]:
        """The event party (or parties) a token stands for, with the mention text."""
        span = self.mention_span(token)
        text = span.text if span is not None else token.text
        return [Party(a.id, a.country, a.sector, text) for a in self.actors_of(token)]
