"""Shared helpers of the actor tests: one model and one resolver per test session."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

import spacy

from flashpoint import make_article
from flashpoint.actors.index import ActorIndex
from flashpoint.actors.resolve import ActorResolver
from flashpoint.models import Actor
from flashpoint.settings import Settings


@lru_cache(maxsize=1)
def nlp() -> spacy.language.Language:
    return spacy.load(Settings().model)


@lru_cache(maxsize=1)
def resolver() -> ActorResolver:
    return ActorResolver(Settings())


def resolve(text: str, published: str | dt.date | None = "2020-02-25") -> ActorIndex:
    article = make_article(text, published=published)
    return resolver().resolve(nlp()(text), article)


def actor(index: ActorIndex, name: str) -> Actor:
    """The actor with this name; fails with the names that were found."""
    found = [a for a in index.actors if a.name == name]
    assert found, f"no actor {name!r}; found {[a.name for a in index.actors]}"
    return found[0]


def mention_texts(actor: Actor) -> list[str]:
    return [m.text for m in actor.mentions]
