"""Read routes of the JSON API: articles, events, actors, dyads, network, alerts, quotes, search.

Every filter reaches DuckDB as a SQL parameter (``store.queries`` / ``store.web_queries``);
nothing a client sends is formatted into SQL text.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query

from flashpoint import analytics
from flashpoint.api import schemas
from flashpoint.api.deps import reader
from flashpoint.api.errors import ApiError
from flashpoint.models import MODALITIES, PLOVER_TYPES
from flashpoint.store import Store, web_queries
from flashpoint.web.layout import force_layout

router = APIRouter(prefix="/api", tags=["read"])

StoreDep = Annotated[Store, Depends(reader)]
Code = Annotated[str | None, Query(max_length=64, description="actor code, e.g. IRN")]
Text = Annotated[str | None, Query(max_length=200)]
Since = Annotated[dt.date | None, Query(description="first day, YYYY-MM-DD (inclusive)")]
Until = Annotated[dt.date | None, Query(description="last day, YYYY-MM-DD (inclusive)")]
Limit = Annotated[int, Query(ge=1, le=500)]
Offset = Annotated[int, Query(ge=0, le=1_000_000)]
ModalityList = Annotated[
    list[str] | None,
    Query(description="asserted, negated, hypothetical, future (repeatable), or all"),
]
Period = Literal["day", "week", "month", "quarter", "year"]


def modalities(values: list[str] | None, *, default: list[str]) -> list[str] | None:
    """The modality filter: None means all; unknown values are refused."""
    if not values:
        return default or None
    if "all" in values:
        return None
    unknown = sorted(set(values) - set(MODALITIES))
    if unknown:
        raise ApiError(400, f"unknown modality {unknown[0]!r}; use {', '.join(MODALITIES)} or all")
    return values


def page(items: list[Any], total: int | None, limit: int, offset: int) -> dict[str, Any]:
    more = offset + len(items) < total if total is not None else len(items) > limit
    return {
        "items": items[:limit],
        "total": total,
        "limit": limit,
        "offset": offset,
        "has_more": more,
    }


@router.get("/articles", response_model=schemas.Page[schemas.ArticleOut])
def list_articles(
    store: StoreDep,
    source: Text = None,
    since: Since = None,
    until: Until = None,
    q: Annotated[str | None, Query(max_length=200, description="part of the title")] = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> dict[str, Any]:
    """Stored articles, newest first (without their text)."""
    filters: dict[str, Any] = {"source": source, "since": since, "until": until, "text": q}
    items = store.articles(**filters, limit=limit, offset=offset)
    return page(items, web_queries.count_articles(store.conn, **filters), limit, offset)


@router.get("/articles/{article_id}", response_model=dict[str, Any])
def get_article(store: StoreDep, article_id: str) -> dict[str, Any]:
    """The full stored ``flashpoint.article/1`` record of one article."""
    record = store.analysis(article_id)
    if record is None:
        raise ApiError(404, f"no article with id {article_id!r}")
    return record


@router.get("/events", response_model=schemas.Page[schemas.EventOut])
def list_events(
    store: StoreDep,
    actor: Code = None,
    recipient: Code = None,
    type: Annotated[str | None, Query(max_length=32, description="PLOVER type")] = None,  # noqa: A002
    quad: Annotated[int | None, Query(ge=1, le=4, description="QuadClass 1-4")] = None,
    modality: ModalityList = None,
    since: Since = None,
    until: Until = None,
    q: Annotated[str | None, Query(max_length=200, description="text in the evidence")] = None,
    article_id: Annotated[str | None, Query(max_length=200)] = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> dict[str, Any]:
    """Events with their parties, evidence and article, by day."""
    if type and type.upper() not in PLOVER_TYPES:
        raise ApiError(400, f"unknown event type {type!r}; use one of {', '.join(PLOVER_TYPES)}")
    filters: dict[str, Any] = {
        "actor": actor, "recipient": recipient, "type": type, "quad_class": quad,
        "modality": modalities(modality, default=[]), "since": since, "until": until,
        "text": q, "article_id": article_id,
    }  # fmt: skip
    items = store.events(**filters, limit=limit, offset=offset)
    return page(items, web_queries.count_events(store.conn, **filters), limit, offset)


@router.get("/actors", response_model=schemas.Page[schemas.ActorOut])
def list_actors(
    store: StoreDep,
    q: Annotated[str | None, Query(max_length=100, description="part of a code or name")] = None,
    limit: Limit = 100,
    offset: Offset = 0,
) -> dict[str, Any]:
    """Actor codes that take part in events, most active first."""
    items, total = web_queries.actor_codes(store.conn, q=q, limit=limit, offset=offset)
    return page(items, total, limit, offset)


@router.get("/actors/{code}/neighbours", response_model=schemas.NeighboursOut)
def actor_neighbours(
    store: StoreDep,
    code: str,
    since: Since = None,
    until: Until = None,
    modality: ModalityList = None,
    top: Annotated[int, Query(ge=1, le=50)] = 8,
) -> dict[str, Any]:
    """The top partners (cooperation) and rivals (conflict) of one actor code."""
    found = analytics.neighbours(
        store, code, top=top, since=since, until=until,
        modality=modalities(modality, default=["asserted"]),
    )  # fmt: skip
    return {
        "code": code.upper(),
        "partners": [n for n in found if n["relation"] == "partner"],
        "rivals": [n for n in found if n["relation"] == "rival"],
    }


@router.get("/dyad", response_model=schemas.DyadOut)
def dyad(
    store: StoreDep,
    a: Annotated[str, Query(max_length=64, description="first actor code")],
    b: Annotated[str, Query(max_length=64, description="second actor code")],
    by: Period = "month",
    directed: bool = False,
    modality: ModalityList = None,
    since: Since = None,
    until: Until = None,
) -> dict[str, Any]:
    """Counts, QuadClasses and PLOVER scores between two actors per period."""
    chosen = modalities(modality, default=["asserted"])
    series = analytics.dyad_series(
        store, a, b, by=by, directed=directed, modality=chosen, since=since, until=until
    )
    return {
        "a": a.upper(), "b": b.upper(), "by": by, "directed": directed,
        "modality": chosen or list(MODALITIES), "series": series,
    }  # fmt: skip


@router.get("/network", response_model=schemas.NetworkOut)
def network(
    store: StoreDep,
    since: Since = None,
    until: Until = None,
    modality: ModalityList = None,
    min_events: Annotated[int, Query(ge=1, le=10_000)] = 1,
    max_nodes: Annotated[int, Query(ge=2, le=300, description="keep the most active")] = 60,
) -> dict[str, Any]:
    """Signed, weighted edges between the most active actor codes, laid out for drawing."""
    edges = analytics.network(
        store, since=since, until=until, modality=modalities(modality, default=["asserted"]),
        min_events=min_events,
    )  # fmt: skip
    nodes = _nodes(edges)[:max_nodes]
    kept = {node["code"] for node in nodes}
    edges = [e for e in edges if e["source"] in kept and e["target"] in kept]
    layout = force_layout(
        list(kept), [(e["source"], e["target"], float(e["events"])) for e in edges]
    )
    for node in nodes:
        node["x"], node["y"] = layout[node["code"]]
    return {"nodes": nodes, "edges": edges}


def _nodes(edges: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One node per code with its summed counts, most active first."""
    totals: dict[str, dict[str, int]] = {}
    for edge in edges:
        for code in (edge["source"], edge["target"]):
            node = totals.setdefault(code, {"events": 0, "coop": 0, "conflict": 0})
            for key in node:
                node[key] += edge[key]
    ranked = sorted(totals.items(), key=lambda item: (-item[1]["events"], item[0]))
    return [{"code": code, **counts} for code, counts in ranked]


@router.get("/alerts", response_model=list[schemas.AlertOut])
def alerts(
    store: StoreDep,
    as_of: Annotated[dt.date | None, Query(description="last day of the window")] = None,
    window_days: Annotated[int, Query(ge=1, le=366)] = 7,
    baseline_days: Annotated[int, Query(ge=1, le=3660)] = 90,
    z: Annotated[float, Query(ge=0, le=100)] = 3.0,
    min_events: Annotated[int, Query(ge=1, le=10_000)] = 3,
) -> list[dict[str, Any]]:
    """Dyads whose conflict in the latest window is far above their own baseline."""
    return analytics.alerts(
        store, as_of=as_of, window_days=window_days, baseline_days=baseline_days, z=z,
        min_events=min_events,
    )  # fmt: skip


@router.get("/quotes", response_model=schemas.Page[schemas.QuoteOut])
def list_quotes(
    store: StoreDep,
    speaker: Annotated[str | None, Query(max_length=200, description="part of the speaker")] = None,
    q: Annotated[str | None, Query(max_length=200, description="text in the quote")] = None,
    article_id: Annotated[str | None, Query(max_length=200)] = None,
    since: Since = None,
    until: Until = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> dict[str, Any]:
    """Quotes with their speaker and article; ``total`` is not counted (see ``has_more``)."""
    items = store.quotes(
        speaker=speaker, text=q, article_id=article_id, since=since, until=until,
        limit=limit + 1, offset=offset,
    )  # fmt: skip
    return page(items, None, limit, offset)


@router.get("/search", response_model=schemas.SearchOut)
def search(
    store: StoreDep,
    q: Annotated[str, Query(min_length=1, max_length=200, description="text to find")],
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
) -> dict[str, Any]:
    """Articles (title or text), events (evidence) and quotes (content) that contain ``q``."""
    return {"q": q, **web_queries.search(store.conn, q, limit=limit)}
