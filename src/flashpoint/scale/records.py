"""``flashpoint.article/1`` records back into ``Analysis`` objects, and batch helpers.

Workers send plain ``to_dict()`` records to the parent (they pickle small and never depend
on the worker's classes); the store writes ``Analysis`` objects, so the parent rebuilds
them here. Only ``Article.title_span`` is lost, and the store does not keep it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Sequence
from typing import Any

from flashpoint.models import Actor, Analysis, Article, Event, Party, Quote, Skipped, Span

UNKNOWN_MONTH = "unknown"


def article_from_record(record: dict[str, Any]) -> Article:
    published = record.get("published")
    return Article(
        id=record["id"],
        text=record["text"],
        title=record.get("title"),
        published=dt.date.fromisoformat(published) if published else None,
        source=record.get("source"),
        url=record.get("url"),
    )


def analysis_from_record(record: dict[str, Any]) -> Analysis:
    """The ``Analysis`` whose ``to_dict()`` is ``record``."""
    return Analysis(
        article=article_from_record(record["article"]),
        actors=[_actor(a) for a in record["actors"]],
        events=[_event(e) for e in record["events"]],
        quotes=[_quote(q) for q in record["quotes"]],
        skipped=[Skipped(**s) for s in record["skipped"]],
        warnings=list(record["warnings"]),
        headline=record["headline"],
    )


def _actor(data: dict[str, Any]) -> Actor:
    return Actor(**{**data, "mentions": [Span(**m) for m in data["mentions"]]})


def _event(data: dict[str, Any]) -> Event:
    return Event(
        **{
            **data,
            "evidence": Span(**data["evidence"]),
            "trigger": Span(**data["trigger"]),
            "actor": [Party(**p) for p in data["actor"]],
            "recipient": [Party(**p) for p in data["recipient"]],
            "context": list(data["context"]),
        }
    )


def _quote(data: dict[str, Any]) -> Quote:
    cue = data.get("cue")
    return Quote(
        **{**data, "content": Span(**data["content"]), "cue": Span(**cue) if cue else None}
    )


def month_of(article: Article) -> str:
    """The partition of an article: its publication month ``YYYY-MM``, or ``unknown``."""
    return article.published.strftime("%Y-%m") if article.published else UNKNOWN_MONTH


def batch_key(ids: Sequence[str | None], *, prefix: str = "") -> str:
    """A name for a batch derived from its article ids, so a rerun finds the same name."""
    digest = hashlib.sha256("\n".join(i or "?" for i in ids).encode("utf-8", "surrogatepass"))
    return prefix + digest.hexdigest()[:24]
