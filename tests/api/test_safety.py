"""Write refusal, request size limits and SQL injection in every filter (issue 8, item 4)."""

from __future__ import annotations

import shutil
from urllib.parse import quote

import httpx
import pytest

from api.corpus import N_ARTICLES, N_EVENTS, write_store
from api.server import TOKEN, error_shape, serve

ARTICLE = {"text": "Iran condemned the sanctions.", "title": "Test", "published": "2020-01-09"}

INJECTIONS = [
    "' OR 1=1 --",
    "IRN'; DROP TABLE articles; --",
    '" OR ""="',
    "%' UNION SELECT id, text, NULL, NULL FROM articles --",
    "1); DELETE FROM events; --",
    "\\'; SELECT 1; --",
    "$q",
    "?",
]

# Every string filter of every read route.
FILTERS = {
    "/api/articles": ["source", "q"],
    "/api/events": ["actor", "recipient", "type", "q", "article_id", "modality"],
    "/api/actors": ["q"],
    "/api/quotes": ["speaker", "q", "article_id"],
    "/api/search": ["q"],
    "/api/network": ["modality", "since"],
    "/api/alerts": ["as_of"],
}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return write_store(tmp_path_factory.mktemp("safety") / "corpus.duckdb")


@pytest.fixture(scope="module")
def writable(corpus, tmp_path_factory):
    db = tmp_path_factory.mktemp("writable") / "corpus.duckdb"
    shutil.copy(corpus, db)
    with (
        serve(db, token=TOKEN, max_bytes=10_000) as url,
        httpx.Client(base_url=url, timeout=30) as http,
    ):
        yield http


@pytest.fixture(scope="module")
def readonly(corpus):
    with serve(corpus) as url, httpx.Client(base_url=url, timeout=30) as http:
        yield http


def auth(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def test_post_without_a_token_is_401(writable):
    response = writable.post("/api/articles", json=ARTICLE)
    assert response.status_code == 401 and error_shape(response.json(), 401)
    assert response.headers["www-authenticate"] == "Bearer"


def test_post_with_a_wrong_token_is_403(writable):
    for header in (auth("wrong"), auth(TOKEN + "x"), {"Authorization": f"Basic {TOKEN}"}):
        response = writable.post("/api/articles", json=ARTICLE, headers=header)
        assert response.status_code in (401, 403) and error_shape(
            response.json(), response.status_code
        )
    assert writable.get("/api/articles").json()["total"] == N_ARTICLES


def test_post_with_the_token_stores_the_article(writable):
    response = writable.post("/api/articles", json=ARTICLE, headers=auth(TOKEN))
    assert response.status_code == 201, response.text
    body = response.json()
    assert body["ok"] and body["stored"]
    record = writable.get(body["record"]).json()
    assert record["article"]["text"] == ARTICLE["text"]
    again = writable.post("/api/articles", json=ARTICLE, headers=auth(TOKEN)).json()
    assert again["id"] == body["id"] and not again["stored"]


def test_post_validates_the_body(writable):
    for bad in ({}, {"text": ""}, {"text": "x", "published": "soon"}, {"text": "x", "evil": 1}):
        response = writable.post("/api/articles", json=bad, headers=auth(TOKEN))
        assert response.status_code == 422 and error_shape(response.json(), 422), bad


def test_request_over_the_size_limit_is_413(writable):
    big = {**ARTICLE, "text": "x" * 20_000}
    response = writable.post("/api/articles", json=big, headers=auth(TOKEN))
    assert response.status_code == 413 and error_shape(response.json(), 413)


def test_chunked_request_over_the_limit_is_413(writable):
    def chunks():
        yield b'{"text": "'
        for _ in range(50):
            yield b"x" * 1000
        yield b'"}'

    response = writable.post(
        "/api/articles", content=chunks(),
        headers={**auth(TOKEN), "Content-Type": "application/json"},
    )  # fmt: skip
    assert response.status_code == 413 and error_shape(response.json(), 413)


def test_read_only_server_refuses_every_write(readonly):
    for headers in ({}, auth(TOKEN)):
        response = readonly.post("/api/articles", json=ARTICLE, headers=headers)
        assert response.status_code == 403 and error_shape(response.json(), 403)
        assert "FLASHPOINT_API_TOKEN" in response.json()["error"]


@pytest.mark.parametrize("route", sorted(FILTERS))
def test_sql_injection_in_every_filter_is_harmless(readonly, route):
    base = {"/api/search": {"q": "x"}}.get(route, {})
    for name in FILTERS[route]:
        for payload in INJECTIONS:
            response = readonly.get(route, params={**base, name: payload})
            assert response.status_code in (200, 400, 422), (route, name, payload, response.text)
            body = response.json()
            if response.status_code != 200:
                assert error_shape(body, response.status_code)
            elif isinstance(body, dict) and "items" in body:
                assert body["items"] == [] and body["total"] in (0, None), (route, name, payload)
            elif route == "/api/search":
                assert body["articles"] == body["events"] == body["quotes"] == []
    assert readonly.get("/api/articles").json()["total"] == N_ARTICLES
    assert readonly.get("/api/events").json()["total"] == N_EVENTS


def test_injection_in_path_parameters_is_harmless(readonly):
    for payload in INJECTIONS:
        segment = quote(payload, safe="")
        assert readonly.get(f"/api/articles/{segment}").status_code == 404
        response = readonly.get(f"/api/actors/{segment}/neighbours")
        assert response.status_code in (200, 404) and response.json().get("partners", []) == []
        dyad = readonly.get("/api/dyad", params={"a": payload, "b": "IRN"})
        assert dyad.status_code == 200 and dyad.json()["series"] == []
    assert readonly.get("/api/articles").json()["total"] == N_ARTICLES


def test_reads_go_on_while_articles_are_written(writable):
    """Writers hold the write lock; readers use their own cursors and are never refused."""
    from concurrent.futures import ThreadPoolExecutor

    before = writable.get("/api/articles").json()["total"]

    def write(i: int) -> int:
        body = {"text": f"Concurrent article number {i}.", "published": "2020-01-09"}
        return writable.post("/api/articles", json=body, headers=auth(TOKEN)).status_code

    def read(i: int) -> int:
        response = writable.get("/api/events", params={"limit": 20, "offset": i % 3})
        return response.status_code

    with ThreadPoolExecutor(max_workers=6) as pool:
        writes = pool.map(write, range(15))
        reads = pool.map(read, range(60))
        assert set(writes) == {201} and set(reads) == {200}
    after = writable.get("/api/articles").json()["total"]
    assert after == before + 15
