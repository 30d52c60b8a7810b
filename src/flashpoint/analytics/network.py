"""The actor network: signed, weighted edges of cooperation and conflict between codes."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from flashpoint.analytics.common import Modalities, dyad_table, event_filter
from flashpoint.store.queries import DateLike, rows

if TYPE_CHECKING:
    from flashpoint.store.db import Store


def network(
    store: Store,
    *,
    since: DateLike = None,
    until: DateLike = None,
    modality: Modalities = "asserted",
    attributed: bool = False,
    directed: bool = False,
    min_events: int = 1,
    dedup: bool = False,
) -> list[dict[str, Any]]:
    """Edges between actor codes (country, IGO or group codes) over a period.

    With ``dedup``, reports grouped into one event cluster by ``flashpoint clusters --save``
    count once (see analytics/dedup.py).

    Each edge has ``source``, ``target`` (ordered alphabetically unless ``directed``),
    ``events``, ``coop`` (QuadClass 1–2), ``conflict`` (QuadClass 3–4), ``weight`` =
    coop − conflict, ``sign`` (+1 cooperation, −1 conflict, 0 balanced), and the summed and
    mean PLOVER ``score``. Filters as in ``dyad_series``. Heaviest edges first.
    """
    where = event_filter(since=since, until=until, modality=modality, attributed=attributed)
    ends = (
        "source_code AS source, target_code AS target"
        if directed
        else "least(source_code, target_code) AS source, "
        "greatest(source_code, target_code) AS target"
    )
    sql = f"""
        WITH ev AS (
            SELECT DISTINCT article_id, event_id, {ends}, quad_class, score
            FROM {dyad_table(dedup=dedup)} {where.sql()}),
        edges AS (
            SELECT source, target, count(*) AS events,
                   count(*) FILTER (WHERE quad_class IN (1, 2)) AS coop,
                   count(*) FILTER (WHERE quad_class IN (3, 4)) AS conflict,
                   sum(score) AS score_sum, avg(score) AS score_mean
            FROM ev GROUP BY source, target)
        SELECT source, target, events, coop, conflict, coop - conflict AS weight,
               sign(coop - conflict)::INTEGER AS sign, score_sum, score_mean
        FROM edges WHERE events >= ?
        ORDER BY events DESC, abs(coop - conflict) DESC, source, target"""
    return rows(store.conn, sql, [*where.params, min_events])


def neighbours(
    store: Store,
    code: str,
    *,
    top: int = 5,
    since: DateLike = None,
    until: DateLike = None,
    modality: Modalities = "asserted",
) -> list[dict[str, Any]]:
    """The top partners (most cooperative edges) and rivals (most conflictual) of ``code``.

    Rows are network edges seen from ``code``: ``partner`` code, ``relation``
    (``partner`` or ``rival``), and the edge's counts, weight and score.
    """
    code = code.upper()
    edges = network(store, since=since, until=until, modality=modality)
    mine = [
        {"code": code, "partner": e["target"] if e["source"] == code else e["source"], **e}
        for e in edges
        if code in (e["source"], e["target"])
    ]
    partners = sorted((e for e in mine if e["weight"] > 0), key=lambda e: -e["weight"])[:top]
    rivals = sorted((e for e in mine if e["weight"] < 0), key=lambda e: e["weight"])[:top]
    return [{**e, "relation": "partner"} for e in partners] + [
        {**e, "relation": "rival"} for e in rivals
    ]
