"""Hand-built ActorIndex objects, so quote tests do not depend on the actor resolver."""

from __future__ import annotations

import datetime as dt

from spacy.language import Language
from spacy.tokens import Doc

from flashpoint.actors.index import ActorIndex
from flashpoint.models import Actor, Article


def hand_index(doc: Doc, people: dict[str, tuple[str, str]]) -> ActorIndex:
    """``{"Hartmann": ("A1", "person")}``: every token with that text mentions that actor."""
    index = ActorIndex(doc)
    for word, (actor_id, kind) in people.items():
        if actor_id not in {a.id for a in index.actors}:
            index.add(Actor(actor_id, word, kind))  # type: ignore[arg-type]
        for token in doc:
            if token.text == word:
                index.token_actor[token.i] = actor_id
    return index


def article_of(text: str, published: dt.date | None = dt.date(2021, 3, 16)) -> Article:
    return Article(id="t", text=text, published=published)


def parse(nlp: Language, text: str) -> Doc:
    return nlp(text)
