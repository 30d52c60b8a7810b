"""Event dedup over hand-built reports: one strike reported twice is one event cluster."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest
from dedup_helpers import ALL, LATER_STRIKE, STRIKE_A, STRIKE_B, TALKS, report

from flashpoint.analytics.common import AnalyticsError
from flashpoint.analytics.dedup import (
    average_linkage,
    cluster_articles,
    cluster_events,
    load_articles,
    load_reports,
    stored_clusters,
    tfidf,
    tokens,
)
from flashpoint.store import Store


@pytest.fixture
def store(tmp_path):
    with Store.open(tmp_path / "dedup.duckdb") as store:
        store.write(ALL)
        yield store


def _groups(clusters):
    return sorted(sorted(m["article_id"] for m in c["members"]) for c in clusters)


def test_two_reports_of_one_strike_are_one_cluster(store):
    clusters = cluster_events(store)
    assert _groups(clusters) == [["paper-2", "wire-1"], ["wire-3"], ["wire-4"]]
    strike = clusters[0]  # most reported first
    assert strike["report_count"] == 2 and strike["event_count"] == 2
    # the representative is the earliest report; the dyad is unordered
    assert (strike["article_id"], strike["a"], strike["b"]) == ("wire-1", "IRN", "ISR")
    assert str(strike["first_day"]) == "2021-03-09" and str(strike["last_day"]) == "2021-03-10"


def test_type_family_window_and_similarity_are_rules(store):
    by_type = cluster_events(store, family="type")  # ASSAULT vs COERCE: two families
    assert ["paper-2", "wire-1"] not in _groups(by_type)
    wide = cluster_events(store, window_days=60)  # the April strike joins within 60 days
    assert ["paper-2", "wire-1", "wire-4"] in _groups(wide)
    strict = cluster_events(store, min_similarity=0.99)
    assert all(c["report_count"] == 1 for c in strict)
    with pytest.raises(AnalyticsError, match="type family"):
        cluster_events(store, family="cameo")


def test_filters_only_choose_what_is_returned(store):
    assert _groups(cluster_events(store, min_reports=2)) == [["paper-2", "wire-1"]]
    assert _groups(cluster_events(store, since="2021-04-01")) == [["wire-4"]]
    assert _groups(cluster_events(store, until="2021-03-09")) == [["paper-2", "wire-1"]]


def test_saved_clusters_and_the_dedup_view(store):
    cluster_events(store, save=True)
    saved = stored_clusters(store)
    assert _groups(saved) == [["paper-2", "wire-1"], ["wire-3"], ["wire-4"]]
    assert saved[0]["report_count"] == 2
    raw = store.conn.execute("SELECT count(*) FROM event_dyads").fetchone()
    dedup = store.conn.execute(
        "SELECT count(*), max(report_count) FROM event_dyads_dedup"
    ).fetchone()
    assert raw == (4,) and dedup == (3, 2)
    cluster_events(store, save=True)  # a refresh replaces, never appends
    assert store.conn.execute("SELECT count(*) FROM event_clusters").fetchone() == (3,)


def test_a_reanalysed_article_counts_as_itself_until_the_next_save(store):
    cluster_events(store, save=True)
    changed = report(
        "paper-2", STRIKE_B.article.text + " Damascus denied it.", [
            (STRIKE_B.events[0].evidence.text, "strike", "IRN", "COERCE", "ISR")],
        published=dt.date(2021, 3, 10), title="Air strike on Iranian depot near Damascus",
    )  # fmt: skip
    assert store.write([changed]).replaced == 1
    count = "SELECT count(*) FROM event_dyads_dedup"
    assert store.conn.execute(count).fetchone() == (4,)
    cluster_events(store, save=True)
    assert store.conn.execute(count).fetchone() == (3,)


def test_saving_needs_a_writable_store(store, tmp_path):
    store.close()
    with Store.open(store.path, read_only=True) as reader, pytest.raises(AnalyticsError):
        cluster_events(reader, save=True)


def test_article_clusters_link_by_event_or_text(store):
    articles, reports = load_articles(store), load_reports(store)
    # article clusters are stories: the April strike on the same depot joins by its text
    groups = sorted(sorted(g) for g in cluster_articles(articles, reports))
    assert groups == [["paper-2", "wire-1", "wire-4"], ["wire-3"]]
    events_only = cluster_articles(articles, reports, method="single", text_threshold=2.0)
    assert sorted(sorted(g) for g in events_only) == [["paper-2", "wire-1"], ["wire-3"], ["wire-4"]]
    no_links = cluster_articles(articles, reports, text_threshold=2.0, use_events=False)
    assert len(no_links) == 4


def test_text_features():
    words = ["struck", "depots", "near", "damascus"]
    assert tokens("The U.S. struck 3 depots near Damascus") == words
    a, b, c = tfidf(["jets struck depot", "jets struck depot", "fishing quotas"])
    assert sum(w * w for w in a.values()) == pytest.approx(1.0)
    assert a == b and not set(a) & set(c)


def test_average_linkage_does_not_chain():
    # 0-1 and 1-2 are similar, 0-2 are not: single linkage would chain all three
    sims = np.array([[1.0, 0.6, 0.0], [0.6, 1.0, 0.5], [0.0, 0.5, 1.0]])
    assert average_linkage(sims, 0.4) == [[0, 1], [2]]
    assert average_linkage(sims, 0.2) == [[0, 1, 2]]  # mean(0.0, 0.5) = 0.25


@pytest.mark.parametrize("analysis", [STRIKE_A, STRIKE_B, TALKS, LATER_STRIKE])
def test_helpers_slice_back(analysis):
    text = analysis.article.text
    for event in analysis.events:
        assert text[event.evidence.start : event.evidence.end] == event.evidence.text
