"""Domain records of the output contract ``flashpoint.article/1`` (see docs/schema.md).

Every record is a plain dataclass; ``to_dict()`` gives exactly the JSON contract. Every
``Span`` holds offsets into the *original* article text, so ``text[start:end] == span.text``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

SCHEMA = "flashpoint.article/1"

ActorKind = Literal["person", "organization", "country", "group"]
Modality = Literal["asserted", "negated", "hypothetical", "future"]
QuoteKind = Literal["direct", "indirect"]
SpeakerBy = Literal["rules", "ranker"]

PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT",
    "REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE",
    "COERCE", "ASSAULT",
)  # fmt: skip
MODALITIES = ("asserted", "negated", "hypothetical", "future")


def stable_id(text: str) -> str:
    """An article id from its content, for inputs that bring none."""
    return "a" + hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


@dataclass(frozen=True)
class Span:
    """A stretch of the original article text: ``text == original[start:end]``."""

    start: int
    end: int
    text: str

    @classmethod
    def of(cls, original: str, start: int, end: int) -> Span:
        return cls(start, end, original[start:end])


@dataclass
class Article:
    """One input article; ``text`` is the original text every offset refers to."""

    id: str
    text: str
    title: str | None = None
    published: dt.date | None = None
    source: str | None = None
    url: str | None = None
    title_span: Span | None = None  # where the title sits inside ``text``, if it does

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "published": self.published.isoformat() if self.published else None,
            "source": self.source,
            "url": self.url,
            "text": self.text,
        }


@dataclass
class Actor:
    id: str
    name: str
    kind: ActorKind
    country: str | None = None
    sector: str | None = None
    former: bool = False
    description: str | None = None
    mentions: list[Span] = field(default_factory=list)
    kb_id: str | None = None  # knowledge-base entry this actor was resolved to, if any

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out["mentions"] = [asdict(m) for m in self.mentions]
        return out


@dataclass
class Party:
    """One actor or recipient of an event: a resolved actor, or just a code and its text.

    ``inferred`` says why a code the clause does not state was filled in (None when the
    clause states it): ``location`` (from the place tied to the event) or ``domestic`` (the
    home country of the other side, or of the protesters). See events/implied.py.
    """

    ref: str | None
    code: str | None
    sector: str | None
    text: str
    inferred: str | None = None


@dataclass
class Event:
    id: str
    type: str
    modality: Modality
    evidence: Span
    trigger: Span
    actor: list[Party] = field(default_factory=list)
    recipient: list[Party] = field(default_factory=list)
    mode: str | None = None
    context: list[str] = field(default_factory=list)
    cameo: str | None = None
    quad_class: int | None = None
    score: float | None = None
    goldstein: float | None = None
    attributed_to: str | None = None
    date: str | None = None
    date_precision: str | None = None
    date_text: str | None = None
    location: dict[str, Any] | None = None
    confidence: float = 0.5

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "type": self.type,
            "mode": self.mode,
            "context": list(self.context),
            "cameo": self.cameo,
            "quad_class": self.quad_class,
            "score": self.score,
            "goldstein": self.goldstein,
            "modality": self.modality,
            "actor": [asdict(p) for p in self.actor],
            "recipient": [asdict(p) for p in self.recipient],
            "attributed_to": self.attributed_to,
            "date": self.date,
            "date_precision": self.date_precision,
            "date_text": self.date_text,
            "location": self.location,
            "evidence": asdict(self.evidence),
            "trigger": asdict(self.trigger),
            "confidence": round(self.confidence, 3),
        }


@dataclass
class Quote:
    id: str
    kind: QuoteKind
    content: Span
    cue: Span | None = None
    speaker: str | None = None
    speaker_text: str | None = None
    continues: bool = False
    speaker_by: SpeakerBy = "rules"  # who chose the speaker: the cue rules or the ranker

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind,
            "speaker": self.speaker,
            "speaker_text": self.speaker_text,
            "speaker_by": self.speaker_by,
            "cue": asdict(self.cue) if self.cue else None,
            "content": asdict(self.content),
            "continues": self.continues,
        }


@dataclass
class Skipped:
    """Boilerplate that is recorded but not analysed (aggregator lines, related links)."""

    start: int
    end: int
    text: str
    reason: str


@dataclass
class Analysis:
    """The full analysis of one article: the ``flashpoint.article/1`` record."""

    article: Article
    actors: list[Actor] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    headline: dict[str, Any] | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": SCHEMA,
            "article": self.article.to_dict(),
            "actors": [a.to_dict() for a in self.actors],
            "events": [e.to_dict() for e in self.events],
            "quotes": [q.to_dict() for q in self.quotes],
            "skipped": [asdict(s) for s in self.skipped],
            "warnings": list(self.warnings),
            "headline": self.headline,
        }
