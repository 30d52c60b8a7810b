"""Escalation alerts: dyads whose conflict this week is far above their own baseline."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from flashpoint.analytics.common import AnalyticsError
from flashpoint.store.queries import DateLike, as_date, events, rows

if TYPE_CHECKING:
    from flashpoint.store.db import Store

MAD_TO_SD = 1.4826  # makes the MAD a consistent estimate of the SD for normal data


def alerts(
    store: Store,
    *,
    window_days: int = 7,
    baseline_days: int = 90,
    z: float = 3.0,
    as_of: DateLike = None,
    min_events: int = 3,
    min_scale: float = 1.0,
    with_events: bool = True,
) -> list[dict[str, Any]]:
    """Dyads whose conflict intensity in the latest window is far above their baseline.

    The statistic. For each unordered pair of actor codes, ``x_w`` is the number of
    conflict events (QuadClass 3 or 4, asserted by the article, not attributed) in window
    ``w``: window 0 is the ``window_days`` days ending on ``as_of`` (inclusive), windows
    1..k the ``k = baseline_days // window_days`` windows before it (empty windows count 0).
    The robust z-score of the latest window is

        z = (x_0 − median(x_1..x_k)) / max(1.4826 · MAD(x_1..x_k), min_scale)

    where MAD is the median absolute deviation; 1.4826 · MAD estimates the standard
    deviation and ignores the outlying weeks a mean/SD baseline would absorb. ``min_scale``
    (default one event) keeps a dyad with a flat or empty baseline from dividing by zero, so
    a quiet dyad alerts when its week exceeds the baseline median by ``z`` events. A dyad
    alerts when ``z >= z`` and ``x_0 >= min_events``.

    ``as_of`` defaults to the latest publication date in the store (else the latest event
    day), so a historical corpus cut at a date gives that date's alerts; event days after
    the newest article (scheduled or mis-dated events) never move the window. Each alert carries its ``events`` (the conflict events
    of window 0) unless ``with_events=False``. Strongest alerts first.
    """
    if window_days < 1 or baseline_days < window_days:
        raise AnalyticsError("need window_days >= 1 and baseline_days >= window_days")
    end = as_date(as_of) or _latest_day(store)
    if end is None:
        return []
    k = baseline_days // window_days
    found = rows(
        store.conn,
        _ALERTS,
        {
            "as_of": end,
            "window": window_days,
            "k": k,
            "z": z,
            "min_events": min_events,
            "min_scale": min_scale,
            "c": MAD_TO_SD,
        },
    )
    start = end - dt.timedelta(days=window_days - 1)
    for alert in found:
        alert["window_start"], alert["window_end"] = start, end
        if with_events:
            alert["events"] = _window_events(store, alert["a"], alert["b"], start, end)
    return found


def _latest_day(store: Store) -> dt.date | None:
    row = store.conn.execute(
        "SELECT coalesce((SELECT max(published) FROM articles), (SELECT max(day) FROM event_facts))"
    ).fetchone()
    return row[0] if row else None


def _window_events(
    store: Store, a: str, b: str, start: dt.date, end: dt.date
) -> list[dict[str, Any]]:
    found: dict[tuple[str, str], dict[str, Any]] = {}
    for actor, recipient in ((a, b), (b, a)):
        for event in events(
            store.conn,
            actor=actor,
            recipient=recipient,
            quad_class=(3, 4),
            modality="asserted",
            attributed=False,
            since=start,
            until=end,
            limit=None,
        ):
            found[(event["article_id"], event["event_id"])] = event
    return sorted(found.values(), key=lambda e: (e["day"], e["article_id"], e["event_id"]))


_ALERTS = """
WITH ev AS (
    SELECT DISTINCT article_id, event_id,
           least(source_code, target_code) AS a, greatest(source_code, target_code) AS b,
           CAST(floor(date_diff('day', day, $as_of) / $window) AS INTEGER) AS w
    FROM event_dyads
    WHERE quad_class IN (3, 4) AND modality = 'asserted' AND attributed_to IS NULL
      AND day <= $as_of AND date_diff('day', day, $as_of) < $window * ($k + 1)),
counts AS (SELECT a, b, w, count(*) AS x FROM ev GROUP BY a, b, w),
grid AS (
    SELECT a, b, unnest(range(1, $k + 1)) AS w FROM counts WHERE w = 0),
baseline AS (
    SELECT g.a, g.b, median(coalesce(c.x, 0)) AS baseline_median,
           mad(coalesce(c.x, 0)) AS baseline_mad
    FROM grid g LEFT JOIN counts c USING (a, b, w) GROUP BY g.a, g.b),
scored AS (
    SELECT c.a, c.b, c.x AS conflict_events, s.baseline_median, s.baseline_mad,
           (c.x - s.baseline_median) / greatest($c * s.baseline_mad, $min_scale) AS z
    FROM counts c JOIN baseline s USING (a, b) WHERE c.w = 0)
SELECT * FROM scored WHERE z >= $z AND conflict_events >= $min_events
ORDER BY z DESC, a, b"""
