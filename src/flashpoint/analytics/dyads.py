"""Dyad series: how relations between two actors move over time."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from flashpoint.analytics.common import Modalities, check_period, dyad_table
from flashpoint.models import MODALITIES, PLOVER_TYPES
from flashpoint.store.queries import DateLike, Where, date_range, modality_filter, rows

if TYPE_CHECKING:
    from flashpoint.store.db import Store


def dyad_series(
    store: Store,
    a: str,
    b: str,
    *,
    by: str = "month",
    directed: bool = False,
    modality: Modalities = "asserted",
    attributed: bool = False,
    since: DateLike = None,
    until: DateLike = None,
    dedup: bool = False,
) -> list[dict[str, Any]]:
    """One row per period (``by``: day, week, month, quarter, year) between ``a`` and ``b``.

    With ``dedup``, the reports of one event cluster (``flashpoint clusters --save``) count once.

    Events of the pair (``a`` acting on ``b``, and with ``directed=False`` also ``b`` on
    ``a``), counted on their day (see the ``event_facts`` view). The main columns count the
    events whose modality is in ``modality`` (one value, a list, or None for all) and that
    the article asserts itself — unless ``attributed=True``, events known only from what
    someone says are left out of them:

    - ``events``; ``quad1``..``quad4`` (verbal/material cooperation, verbal/material
      conflict); ``score_sum`` and ``score_mean`` (PLOVER score); ``goldstein_sum``; one
      lower-case column per PLOVER type (``agree`` .. ``assault``).
    - Side counts over every event of the pair regardless of the filters, so hedged reports
      are visible but never mixed in: ``asserted``, ``negated``, ``hypothetical``,
      ``future`` (events the article states itself) and ``attributed``.

    Periods without events between the first and last are filled with zeros.
    """
    unit = check_period(by)
    pair = Where()
    codes = [a.upper(), b.upper()]
    pair_sql = "(source_code = ? AND target_code = ?)"
    if not directed:
        pair_sql += " OR (source_code = ? AND target_code = ?)"
        codes += [b.upper(), a.upper()]
    pair.add(f"({pair_sql})", *codes)
    pair.add("day IS NOT NULL")
    date_range(pair, "day", since, until)
    main = Where()
    modality_filter(main, "modality", modality)
    if not attributed:
        main.add("NOT attributed")
    sql = _SERIES.format(
        table=dyad_table(dedup=dedup),
        unit=unit,
        pair=pair.sql(),
        main=main.sql(),
        types=",\n".join(
            f"count(*) FILTER (WHERE type = '{t}') AS {t.lower()}" for t in PLOVER_TYPES
        ),
        type_cols=", ".join(f"coalesce(m.{t.lower()}, 0) AS {t.lower()}" for t in PLOVER_TYPES),
        sides=", ".join(
            f"count(*) FILTER (WHERE NOT attributed AND modality = '{m}') AS {m}"
            for m in MODALITIES
        ),
        side_cols=", ".join(f"coalesce(s.{m}, 0) AS {m}" for m in MODALITIES),
    )
    return rows(store.conn, sql, pair.params + main.params)


_SERIES = """
WITH ev AS (
    SELECT DISTINCT article_id, event_id, type, quad_class, score, goldstein, modality,
           attributed_to IS NOT NULL AS attributed,
           CAST(date_trunc('{unit}', day) AS DATE) AS period
    FROM {table} {pair}),
main AS (
    SELECT period, count(*) AS events,
           count(*) FILTER (WHERE quad_class = 1) AS quad1,
           count(*) FILTER (WHERE quad_class = 2) AS quad2,
           count(*) FILTER (WHERE quad_class = 3) AS quad3,
           count(*) FILTER (WHERE quad_class = 4) AS quad4,
           sum(score) AS score_sum, avg(score) AS score_mean, sum(goldstein) AS goldstein_sum,
           {types}
    FROM ev {main} GROUP BY period),
side AS (
    SELECT period, {sides}, count(*) FILTER (WHERE attributed) AS attributed
    FROM ev GROUP BY period),
periods AS (
    SELECT CAST(unnest(generate_series(min(period), max(period), INTERVAL 1 {unit}))
                AS DATE) AS period
    FROM ev HAVING count(*) > 0)
SELECT p.period, coalesce(m.events, 0) AS events,
       coalesce(m.quad1, 0) AS quad1, coalesce(m.quad2, 0) AS quad2,
       coalesce(m.quad3, 0) AS quad3, coalesce(m.quad4, 0) AS quad4,
       coalesce(m.score_sum, 0) AS score_sum, m.score_mean,
       coalesce(m.goldstein_sum, 0) AS goldstein_sum,
       {type_cols}, {side_cols}, coalesce(s.attributed, 0) AS attributed
FROM periods p LEFT JOIN main m USING (period) LEFT JOIN side s USING (period)
ORDER BY p.period"""
