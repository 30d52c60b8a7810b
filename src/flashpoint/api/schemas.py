"""Response and request models of the JSON API (they also make the OpenAPI docs)."""

from __future__ import annotations

import datetime as dt
from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ConfigDict, Field

T = TypeVar("T")


class Page(BaseModel, Generic[T]):
    """One page of results; ``total`` counts every match (None when not counted)."""

    items: list[T]
    total: int | None
    limit: int
    offset: int
    has_more: bool


class ArticleOut(BaseModel):
    id: str
    title: str | None
    published: dt.date | None
    source: str | None
    url: str | None
    chars: int | None = None
    events: int | None = None
    quotes: int | None = None


class EventOut(BaseModel):
    model_config = ConfigDict(extra="ignore")

    article_id: str
    event_id: str
    day: dt.date | None
    type: str
    mode: str | None = None
    context: list[str] | None = None
    cameo: str | None = None
    quad_class: int | None = None
    score: float | None = None
    goldstein: float | None = None
    modality: str
    attributed_to: str | None = None
    actor: list[str | None] = []
    recipient: list[str | None] = []
    actor_text: list[str | None] = []
    recipient_text: list[str | None] = []
    # why a party's code was filled in (null: stated in the clause; "location", "domestic")
    actor_inferred: list[str | None] = []
    recipient_inferred: list[str | None] = []
    date_text: str | None = None
    location: dict[str, Any] | None = None
    evidence_start: int | None = None
    evidence_end: int | None = None
    evidence_text: str | None = None
    trigger_start: int | None = None
    trigger_end: int | None = None
    trigger_text: str | None = None
    confidence: float | None = None
    title: str | None = None
    published: dt.date | None = None
    source: str | None = None
    url: str | None = None


class ActorOut(BaseModel):
    code: str
    name: str | None
    events: int
    as_actor: int
    as_recipient: int
    articles: int


class QuoteOut(BaseModel):
    model_config = ConfigDict(extra="ignore")

    article_id: str
    quote_id: str
    kind: str | None
    speaker: str | None
    speaker_name: str | None
    speaker_text: str | None
    speaker_by: str | None  # 'rules' or 'ranker'; None for rows stored before it existed
    cue_text: str | None
    content_start: int | None
    content_end: int | None
    content_text: str | None
    published: dt.date | None
    title: str | None


class DyadPoint(BaseModel):
    model_config = ConfigDict(extra="allow")  # one column per PLOVER type as well

    period: dt.date
    events: int
    quad1: int
    quad2: int
    quad3: int
    quad4: int
    score_sum: float
    score_mean: float | None
    goldstein_sum: float | None
    asserted: int
    negated: int
    hypothetical: int
    future: int
    attributed: int


class DyadOut(BaseModel):
    a: str
    b: str
    by: str
    directed: bool
    modality: list[str]
    series: list[DyadPoint]


class Edge(BaseModel):
    source: str
    target: str
    events: int
    coop: int
    conflict: int
    weight: int
    sign: int
    score_sum: float | None
    score_mean: float | None


class Node(BaseModel):
    code: str
    events: int
    coop: int
    conflict: int
    x: float = Field(description="layout position in [0, 1]")
    y: float = Field(description="layout position in [0, 1]")


class NetworkOut(BaseModel):
    nodes: list[Node]
    edges: list[Edge]


class Neighbour(BaseModel):
    code: str
    partner: str
    relation: str
    events: int
    coop: int
    conflict: int
    weight: int
    score_sum: float | None
    score_mean: float | None


class NeighboursOut(BaseModel):
    code: str
    partners: list[Neighbour]
    rivals: list[Neighbour]


class AlertOut(BaseModel):
    a: str
    b: str
    conflict_events: int
    baseline_median: float
    baseline_mad: float
    z: float
    window_start: dt.date
    window_end: dt.date
    events: list[EventOut] = []


class SearchOut(BaseModel):
    q: str
    articles: list[dict[str, Any]]
    events: list[dict[str, Any]]
    quotes: list[dict[str, Any]]


class ArticleIn(BaseModel):
    """An article to analyse and store (``POST /api/articles``)."""

    model_config = ConfigDict(extra="forbid")

    text: str = Field(min_length=1, description="the article text; offsets refer to it")
    title: str | None = None
    published: dt.date | None = None
    source: str | None = None
    url: str | None = None
    id: str | None = Field(default=None, max_length=200)


class Stored(BaseModel):
    ok: bool = True
    id: str
    stored: bool = Field(description="False when the same content was already stored")
    events: int
    quotes: int
    record: str = Field(description="where the stored analysis is served")


class ErrorOut(BaseModel):
    """The one error shape of every 4xx/5xx response."""

    ok: bool = False
    error: str
    status: int
