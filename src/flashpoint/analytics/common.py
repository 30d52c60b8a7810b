"""Shared pieces of the analytics queries."""

from __future__ import annotations

from collections.abc import Sequence

from flashpoint.errors import FlashpointError
from flashpoint.store.queries import DateLike, Where, date_range, modality_filter

PERIODS = ("day", "week", "month", "quarter", "year")
Modalities = str | Sequence[str] | None


class AnalyticsError(FlashpointError):
    """An analytics call got an option it cannot use."""


def check_period(by: str) -> str:
    if by not in PERIODS:
        raise AnalyticsError(f"unknown period {by!r}; use one of {', '.join(PERIODS)}")
    return by


def event_filter(
    *, since: DateLike, until: DateLike, modality: Modalities, attributed: bool
) -> Where:
    """Conditions on ``event_dyads`` rows: date range, modality, attributed or not."""
    where = Where()
    where.add("day IS NOT NULL")
    date_range(where, "day", since, until)
    modality_filter(where, "modality", modality)
    if not attributed:
        where.add("attributed_to IS NULL")
    return where


def dyad_table(*, dedup: bool) -> str:
    """The view analytics read: one row per event, or one per event cluster with ``dedup``."""
    return "event_dyads_dedup" if dedup else "event_dyads"
