"""The read routes of the JSON API against a real server on a loopback port (issue 6, item 5)."""

from __future__ import annotations

import httpx
import pytest

from api.corpus import N_ARTICLES, N_EVENTS, write_store
from api.server import error_shape, serve


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    db = write_store(tmp_path_factory.mktemp("api") / "corpus.duckdb")
    with serve(db) as url, httpx.Client(base_url=url, timeout=30) as http:
        yield http


def test_articles_are_paginated_with_a_total(client):
    first = client.get("/api/articles", params={"limit": 5}).json()
    second = client.get("/api/articles", params={"limit": 5, "offset": 5}).json()
    assert first["total"] == N_ARTICLES and first["has_more"]
    assert len(first["items"]) == 5 and len(second["items"]) == 5
    assert not {a["id"] for a in first["items"]} & {a["id"] for a in second["items"]}
    last = client.get("/api/articles", params={"limit": 5, "offset": N_ARTICLES - 2}).json()
    assert len(last["items"]) == 2 and not last["has_more"]


def test_article_filters(client):
    body = client.get("/api/articles", params={"since": "2020-01-01"}).json()
    assert {a["id"] for a in body["items"]} == {"t-2020-01-03", "t-2020-01-05", "t-2020-01-08"}
    assert body["total"] == 3


def test_article_record_is_the_stored_contract(client):
    record = client.get("/api/articles/t-2020-01-03").json()
    assert record["schema"] == "flashpoint.article/1"
    text = record["article"]["text"]
    for event in record["events"]:
        span = event["evidence"]
        assert text[span["start"] : span["end"]] == span["text"]


def test_unknown_article_is_404_in_the_error_shape(client):
    response = client.get("/api/articles/nope")
    assert response.status_code == 404
    assert error_shape(response.json(), 404)


def test_events_filters_and_total(client):
    every = client.get("/api/events", params={"limit": 500}).json()
    assert every["total"] == N_EVENTS == len(every["items"])
    usa_irn = client.get(
        "/api/events", params={"actor": "usa", "recipient": "IRN", "limit": 500}
    ).json()
    assert usa_irn["total"] == len(usa_irn["items"]) > 0
    assert all("USA" in e["actor"] and "IRN" in e["recipient"] for e in usa_irn["items"])
    assault = client.get("/api/events", params={"type": "ASSAULT", "quad": 4}).json()
    assert assault["items"] and all(e["type"] == "ASSAULT" for e in assault["items"])
    future = client.get("/api/events", params={"modality": "future"}).json()
    assert future["total"] == 2 and all(e["modality"] == "future" for e in future["items"])
    jan = client.get("/api/events", params={"since": "2020-01-01", "until": "2020-01-05"}).json()
    assert all("2020-01-01" <= e["day"] <= "2020-01-05" for e in jan["items"]) and jan["total"] == 5
    text = client.get("/api/events", params={"q": "SEIZED SHIPS"}).json()
    assert text["total"] == 2


def test_event_pages_do_not_overlap(client):
    seen = []
    for offset in range(0, N_EVENTS, 10):
        body = client.get("/api/events", params={"limit": 10, "offset": offset}).json()
        seen += [(e["article_id"], e["event_id"]) for e in body["items"]]
    assert len(seen) == len(set(seen)) == N_EVENTS


def test_event_trigger_lies_inside_its_evidence(client):
    for event in client.get("/api/events", params={"limit": 500}).json()["items"]:
        start = event["trigger_start"] - event["evidence_start"]
        end = event["trigger_end"] - event["evidence_start"]
        assert event["evidence_text"][start:end] == event["trigger_text"]


def test_bad_filters_get_the_error_shape(client):
    for params in (
        {"type": "BOMB"}, {"quad": 7}, {"modality": "maybe"}, {"since": "yesterday"},
        {"limit": 0}, {"limit": 100000}, {"offset": -1},
    ):  # fmt: skip
        response = client.get("/api/events", params=params)
        assert response.status_code in (400, 422), params
        assert error_shape(response.json(), response.status_code), params


def test_validation_error_names_the_parameter(client):
    body = client.get("/api/events", params={"quad": "x"}).json()
    assert body["status"] == 422 and "quad" in body["error"]
    assert body["details"][0]["where"] == "query.quad"


def test_unknown_route_and_method_use_the_error_shape(client):
    assert error_shape(client.get("/api/nothing").json(), 404)
    response = client.delete("/api/events")
    assert response.status_code == 405 and error_shape(response.json(), 405)


def test_actors_summarise_codes(client):
    body = client.get("/api/actors").json()
    codes = {a["code"]: a for a in body["items"]}
    assert body["total"] == len(codes) and {"USA", "IRN", "RUS", "PRK"} <= set(codes)
    assert codes["USA"]["name"] == "The United States"
    assert body["items"][0]["code"] == "USA"  # the most active actor first
    assert [a["code"] for a in client.get("/api/actors", params={"q": "korea"}).json()["items"]]


def test_dyad_series_peaks_in_january_2020(client):
    body = client.get("/api/dyad", params={"a": "USA", "b": "IRN", "by": "month"}).json()
    series = {p["period"]: p for p in body["series"]}
    peak = max(series.values(), key=lambda p: p["quad3"] + p["quad4"])
    assert peak["period"] == "2020-01-01"
    assert body["modality"] == ["asserted"]
    every = client.get(
        "/api/dyad", params={"a": "USA", "b": "IRN", "modality": ["asserted", "future"]}
    ).json()
    assert sum(p["events"] for p in every["series"]) > sum(p["events"] for p in body["series"])


def test_dyad_refuses_unknown_period(client):
    response = client.get("/api/dyad", params={"a": "USA", "b": "IRN", "by": "decade"})
    assert response.status_code == 422 and error_shape(response.json(), 422)


def test_network_nodes_and_edges(client):
    body = client.get("/api/network").json()
    codes = {n["code"] for n in body["nodes"]}
    assert {"USA", "IRN", "RUS", "SYR"} <= codes
    assert all(0 <= n["x"] <= 1 and 0 <= n["y"] <= 1 for n in body["nodes"])
    assert all(e["source"] in codes and e["target"] in codes for e in body["edges"])
    top = client.get("/api/network", params={"max_nodes": 3}).json()
    assert [n["code"] for n in top["nodes"]] == [n["code"] for n in body["nodes"]][:3]
    kept = {n["code"] for n in top["nodes"]}
    assert all({e["source"], e["target"]} <= kept for e in top["edges"])
    early = client.get("/api/network", params={"until": "2018-12-31"}).json()
    assert {n["code"] for n in early["nodes"]} < codes


def test_neighbours_split_partners_and_rivals(client):
    body = client.get("/api/actors/RUS/neighbours").json()
    assert "SYR" in [n["partner"] for n in body["partners"]]
    assert "UKR" in [n["partner"] for n in body["rivals"]]


def test_alerts_find_the_usa_iran_burst(client):
    alerts = client.get("/api/alerts").json()
    assert [(a["a"], a["b"]) for a in alerts] == [("IRN", "USA")]
    assert alerts[0]["window_end"] == "2020-01-08" and alerts[0]["events"]
    assert client.get("/api/alerts", params={"as_of": "2019-08-01"}).json() == []


def test_quotes_by_speaker(client):
    body = client.get("/api/quotes", params={"speaker": "foreign minister", "limit": 5}).json()
    assert len(body["items"]) == 5 and body["has_more"]
    assert all(q["speaker_text"] == "the foreign minister" for q in body["items"])
    assert client.get("/api/quotes", params={"speaker": "nobody"}).json()["items"] == []


def test_search_finds_titles_text_events_and_quotes(client):
    body = client.get("/api/search", params={"q": "seized ships"}).json()
    assert {e["article_id"] for e in body["events"]} == {"t-2018-11-25", "t-2019-07-19"}
    assert body["articles"]
    assert client.get("/api/search", params={"q": "defend our interests"}).json()["quotes"]
    assert client.get("/api/search").status_code == 422


def test_openapi_docs_list_every_route(client):
    paths = client.get("/openapi.json").json()["paths"]
    for path in ("/api/articles", "/api/events", "/api/actors", "/api/dyad", "/api/network",
                 "/api/alerts", "/api/quotes", "/api/search"):  # fmt: skip
        assert path in paths
    assert "post" in paths["/api/articles"]
    docs = client.get("/docs")
    assert docs.status_code == 200 and "GET /api/events" in docs.text
    assert "cdn" not in docs.text.lower()  # the reference works offline
    assert "actor code, e.g. IRN" in docs.text


def test_missing_store_is_503_in_the_error_shape(tmp_path):
    with serve(tmp_path / "absent.duckdb") as url:
        response = httpx.get(f"{url}/api/events")
    assert response.status_code == 503 and error_shape(response.json(), 503)
    assert "flashpoint ingest" in response.json()["error"]
