"""Hostile articles written through the real API and engine, then viewed in Chromium
(issue 8, item 4). tests/api/test_safety.py covers tokens, 413 and SQL injection in every
filter; tests/web covers hand-built XSS records. Here the payloads go the way an attacker's
would: POST /api/articles -> the real engine (so actor names and quotes are *extracted*
from hostile text) -> store -> JSON API and dashboard.
"""

from __future__ import annotations

import threading
import time
from dataclasses import replace
from pathlib import Path
from urllib.parse import quote, urlparse

import httpx
import pytest
import uvicorn

from api.server import TOKEN, error_shape, free_port
from flashpoint.api import create_app
from flashpoint.settings import Settings
from flashpoint.validate import span_problems

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]  # fmt: skip
AUTH = {"Authorization": f"Bearer {TOKEN}"}
PAYLOADS = [
    "<script>window.__xss=1</script>",
    "<img src=x onerror=window.__xss=2>",
    "<svg onload=window.__xss=3>",
    '"><iframe src="javascript:window.__xss=4">',
    "</textarea></title></script><script>window.__xss=5</script>",
    "{{7*7}}${7*7}<%= 7*7 %>",
]
HOSTILE = [
    {
        "id": "hostile-1",
        "title": PAYLOADS[0] + " Russia warns " + PAYLOADS[1],
        "source": PAYLOADS[2],
        "url": "javascript:window.__xss=9",
        "published": "2020-01-09",
        "text": (
            f'President Putin{PAYLOADS[2]} said: "{PAYLOADS[1]} we will respond." '
            f"Russia condemned Ukraine {PAYLOADS[3]} on Monday. {PAYLOADS[4]} "
            f"Iran's foreign minister {PAYLOADS[0]} Zarif met Russian envoys in Moscow, "
            f"officials said. “{PAYLOADS[5]} {PAYLOADS[0]},” Zarif told reporters."
        ),
    },
    {
        "id": "hostile-2",
        "title": PAYLOADS[4],
        "published": "2020-01-10",
        "text": f"The United States sanctioned {PAYLOADS[1]}Iran on Tuesday. “{PAYLOADS[3]}” said the envoy.",
    },
]


@pytest.fixture(scope="module")
def server(engine, tmp_path_factory):
    """A real uvicorn server with the real engine behind POST /api/articles."""
    db = tmp_path_factory.mktemp("safety") / "hostile.duckdb"
    settings = replace(Settings(), api_token=TOKEN, max_request_bytes=200_000)
    app = create_app(settings, db=db, analyzer=lambda: engine)
    port = free_port()
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning")
    uv = uvicorn.Server(config)
    thread = threading.Thread(target=uv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not uv.started and time.monotonic() < deadline:
        time.sleep(0.05)
    url = f"http://127.0.0.1:{port}"
    with httpx.Client(base_url=url, timeout=60) as http:
        for article in HOSTILE:
            response = http.post("/api/articles", json=article, headers=AUTH)
            assert response.status_code == 201, response.text
        yield http
    uv.should_exit = True
    thread.join(timeout=10)


def test_hostile_text_is_stored_verbatim_and_extracted_records_carry_it(server):
    record = server.get("/api/articles/hostile-1").json()
    assert record["article"]["text"] == HOSTILE[0]["text"]
    assert record["article"]["title"] == HOSTILE[0]["title"]
    assert span_problems(record) == []
    quotes = " ".join(q["content"]["text"] for q in record["quotes"])
    assert PAYLOADS[1] in quotes or PAYLOADS[5] in quotes  # payloads reached extracted records
    assert (
        server.get("/api/articles/hostile-1").headers["content-type"].startswith("application/json")
    )


@pytest.mark.parametrize("payload", PAYLOADS)
def test_payload_in_a_path_or_query_never_comes_back_as_markup(server, payload):
    page = server.get(f"/articles/{quote(payload, safe='')}")
    assert page.status_code == 404 and payload not in page.text  # escaped when echoed
    if page.headers["content-type"].startswith("text/html"):
        assert "script-src 'self'" in page.headers["content-security-policy"]
        assert page.headers["x-content-type-options"] == "nosniff"
    else:  # a "/" in the payload leaves the page route: the JSON 404 echoes nothing
        assert page.headers["content-type"].startswith("application/json")
    for route in ("/api/events", "/api/quotes", "/api/articles"):
        response = server.get(route, params={"q": payload})
        assert response.status_code == 200 and response.headers["content-type"].startswith(
            "application/json"
        )


def test_a_pathological_article_over_the_api_is_a_clear_error_and_serving_goes_on(server):
    started = time.monotonic()
    body = {"id": "run-on", "text": "Iran attacked Iraq " * 3000}
    response = server.post("/api/articles", json=body, headers=AUTH)
    assert 400 <= response.status_code < 500 and error_shape(response.json(), response.status_code)
    assert "tokens long" in response.json()["error"]
    assert time.monotonic() - started < 30
    assert server.get("/api/articles").json()["total"] == len(HOSTILE)


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        pytest.skip("Debian chromium is not installed at /usr/bin/chromium")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=ARGS)
        yield browser
        browser.close()


def open_page(browser, url: str):
    """A page that may only reach the test server; dialogs and errors are recorded."""
    context = browser.new_context()
    page = context.new_page()
    page.problems = []
    page.route(
        "**/*",
        lambda route: (
            route.continue_()
            if urlparse(route.request.url).hostname == "127.0.0.1"
            else route.abort()
        ),
    )
    page.on("dialog", lambda dialog: (page.problems.append(dialog.message), dialog.dismiss()))
    page.on("pageerror", lambda exc: page.problems.append(str(exc)))
    page.goto(url)
    return context, page


@pytest.mark.parametrize("article_id", ["hostile-1", "hostile-2"])
def test_extracted_payloads_stay_inert_on_the_article_page(server, browser, article_id):
    context, page = open_page(browser, f"{server.base_url}/articles/{article_id}")
    try:
        page.wait_for_selector("#article-text")
        page.locator("#article-text").hover()
        assert page.evaluate("typeof window.__xss") == "undefined" and page.problems == []
        assert page.locator("main script, main img, main svg, main iframe").count() == 0
        assert page.locator("a[href^='javascript']").count() == 0
        shown = page.locator("main").inner_text()
        article = next(a for a in HOSTILE if a["id"] == article_id)
        assert article["title"] in page.locator("#article-title").inner_text()
        for payload in PAYLOADS:
            if payload in article["text"]:
                assert payload in shown, payload  # shown literally, as text
    finally:
        context.close()


def test_extracted_payloads_stay_inert_on_the_dashboard(server, browser):
    context, page = open_page(browser, f"{server.base_url}/")
    try:
        page.wait_for_load_state("networkidle")
        assert page.evaluate("typeof window.__xss") == "undefined" and page.problems == []
        assert page.locator("main script, main iframe").count() == 0
    finally:
        context.close()
