"""Analytics on hand-built analyses: dyad series, network signs, alerts."""

from __future__ import annotations

import datetime as dt

import pytest
from store_factory import Spec, make_analysis

from flashpoint import analytics
from flashpoint.analytics.common import AnalyticsError
from flashpoint.analytics.frames import MissingDependency, to_frame
from flashpoint.store import Store

AS_OF = dt.date(2020, 1, 6)


def weekly(
    code_a: str,
    code_b: str,
    type_: str,
    weeks: int,
    prefix: str,
    *,
    per_week: int = 1,
    first: int = 1,
) -> list:
    """One article a week (from ``first`` weeks before AS_OF) with ``per_week`` events."""
    return [
        make_analysis(f"{prefix}{i}", [Spec(code_a, type_, code_b)] * per_week,
                      published=AS_OF - dt.timedelta(days=7 * (i + first)))
        for i in range(weeks)
    ]  # fmt: skip


@pytest.fixture
def store(tmp_path):
    with Store.open(tmp_path / "a.duckdb") as store:
        yield store


def test_dyad_series_counts_by_month_type_quad_and_modality(store):
    store.write([
        make_analysis("j1", [Spec("USA", "SANCTION", "IRN"), Spec("IRN", "ACCUSE", "USA"),
                             Spec("USA", "CONSULT", "IRN", modality="hypothetical"),
                             Spec("USA", "ASSAULT", "IRN", attributed=True),
                             Spec("RUS", "AGREE", "IRN")], published=dt.date(2020, 1, 6)),
        make_analysis("m1", [Spec("USA", "AID", "IRN", date="2020-03-02")],
                      published=dt.date(2020, 3, 9)),
    ])  # fmt: skip
    jan, feb, mar = analytics.dyad_series(store, "usa", "irn", by="month")
    assert (jan["period"], feb["period"], mar["period"]) == (
        dt.date(2020, 1, 1), dt.date(2020, 2, 1), dt.date(2020, 3, 1))  # fmt: skip
    assert (jan["events"], jan["quad3"], jan["quad4"], jan["sanction"], jan["accuse"]) == (
        2, 1, 1, 1, 1)  # fmt: skip
    assert jan["score_sum"] == -11.0 and jan["score_mean"] == -5.5
    assert (jan["hypothetical"], jan["attributed"], jan["asserted"]) == (1, 1, 2)
    assert feb["events"] == 0 and feb["score_mean"] is None  # a gap month is filled
    assert (mar["events"], mar["quad2"], mar["aid"]) == (1, 1, 1)

    directed = analytics.dyad_series(store, "USA", "IRN", directed=True, until="2020-01-31")
    assert [(r["events"], r["accuse"]) for r in directed] == [(1, 0)]
    everything = analytics.dyad_series(store, "USA", "IRN", modality=None, attributed=True)
    assert everything[0]["events"] == 4
    assert analytics.dyad_series(store, "USA", "PRK") == []
    with pytest.raises(AnalyticsError, match="fortnight"):
        analytics.dyad_series(store, "USA", "IRN", by="fortnight")


def test_network_edges_carry_the_sign_of_cooperation_or_conflict(store):
    store.write([
        make_analysis("n1", [Spec("RUS", "AGREE", "IRN"), Spec("IRN", "COOPERATE", "RUS"),
                             Spec("USA", "SANCTION", "IRN"), Spec("USA", "ASSAULT", "IRN"),
                             Spec("USA", "CONSULT", "IRN"), Spec("USA", "AID", "GBR"),
                             Spec("USA", "THREATEN", "GBR")]),
    ])  # fmt: skip
    edges = {(e["source"], e["target"]): e for e in analytics.network(store)}
    assert edges[("IRN", "RUS")]["sign"] == 1 and edges[("IRN", "RUS")]["weight"] == 2
    assert edges[("IRN", "USA")]["sign"] == -1 and edges[("IRN", "USA")]["conflict"] == 2
    assert edges[("GBR", "USA")]["sign"] == 0
    directed = {(e["source"], e["target"]) for e in analytics.network(store, directed=True)}
    assert ("IRN", "RUS") in directed and ("RUS", "IRN") in directed
    around_iran = analytics.neighbours(store, "irn")
    assert [(n["relation"], n["partner"]) for n in around_iran] == [
        ("partner", "RUS"), ("rival", "USA")]  # fmt: skip
    assert analytics.network(store, since="2021-01-01") == []


def test_an_alert_fires_for_a_spike_with_the_events_behind_it(store):
    store.write(weekly("USA", "IRN", "ACCUSE", 12, "base"))
    spike = [
        Spec("USA", "ASSAULT", "IRN"),
        Spec("IRN", "THREATEN", "USA"),
        Spec("USA", "SANCTION", "IRN"),
        Spec("USA", "ASSAULT", "IRN", modality="future"),
    ]
    store.write([make_analysis("spike", spike, published=AS_OF)])  # fmt: skip
    assert analytics.alerts(store, as_of=AS_OF) == []  # (3 - 1) / 1 = z 2.0 < 3
    (alert,) = analytics.alerts(store, as_of=AS_OF, z=2.0)
    assert (alert["a"], alert["b"], alert["conflict_events"]) == ("IRN", "USA", 3)
    assert (alert["baseline_median"], alert["baseline_mad"], alert["z"]) == (1.0, 0.0, 2.0)
    # the future-tense assault is not behind the alert
    assert [e["type"] for e in alert["events"]] == ["ASSAULT", "THREATEN", "SANCTION"]
    assert alert["window_start"] == AS_OF - dt.timedelta(days=6)


def test_a_big_spike_passes_the_default_threshold_and_flat_data_never_alerts(store):
    store.write(weekly("USA", "IRN", "ACCUSE", 12, "base"))
    # four conflict events every week, the latest window included: high but not rising
    store.write(weekly("RUS", "UKR", "ACCUSE", 13, "flat", per_week=4, first=0))
    big = [Spec("USA", "ASSAULT", "IRN") for _ in range(6)]
    store.write([make_analysis("spike", big, published=AS_OF - dt.timedelta(days=2))])
    found = analytics.alerts(store, as_of=AS_OF)
    assert [(a["a"], a["b"], a["conflict_events"], a["z"]) for a in found] == [
        ("IRN", "USA", 6, 5.0)]  # fmt: skip
    scored = {(a["a"], a["b"]): a["z"] for a in analytics.alerts(store, as_of=AS_OF, z=-99)}
    assert scored[("RUS", "UKR")] == 0.0  # scored, and exactly at its baseline
    # the week before the spike: nothing stands out
    assert analytics.alerts(store, as_of=AS_OF - dt.timedelta(days=7)) == []


def test_alerts_default_to_the_latest_event_day_and_an_empty_store_has_none(store):
    assert analytics.alerts(store) == []
    store.write(weekly("USA", "IRN", "ACCUSE", 4, "w"))
    store.write([make_analysis("s", [Spec("USA", "ASSAULT", "IRN")] * 5, published=AS_OF)])
    (alert,) = analytics.alerts(store)
    assert alert["window_end"] == AS_OF


def test_to_frame_needs_pandas_and_says_so():
    try:
        import pandas  # noqa: F401
    except ImportError:
        with pytest.raises(MissingDependency, match="pip install pandas"):
            to_frame([{"a": 1}])
    else:
        assert list(to_frame([{"a": 1}]).columns) == ["a"]


def test_a_misdated_future_event_does_not_move_the_default_window(store):
    store.write(weekly("USA", "IRN", "ACCUSE", 4, "w"))
    store.write([make_analysis("s", [Spec("USA", "ASSAULT", "IRN")] * 5, published=AS_OF)])
    later = [Spec("USA", "CONSULT", "IRN", date="2020-10-11")]  # e.g. talks planned for October
    store.write([make_analysis("f", later, published=AS_OF - dt.timedelta(days=1))])
    (alert,) = analytics.alerts(store)
    assert alert["window_end"] == AS_OF
