"""Every dashboard view on the demo corpus analysed by the real engine, in Debian Chromium.

With FLASHPOINT_SCREENSHOTS=1 the screenshots land in docs/screenshots/ (how the committed
ones were made); otherwise in a temporary folder.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from api.server import serve
from conftest import CHROMIUM
from flashpoint.ingest.readers import read_articles
from flashpoint.store.db import Store
from flashpoint.store.ingest import ingest
from web.test_dashboard import expect, shoot

DEMO = Path(__file__).resolve().parents[2] / "examples" / "articles" / "demo.jsonl"

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(), reason="Debian chromium is not installed at /usr/bin/chromium"
)


@pytest.fixture(scope="module")
def base_url(tmp_path_factory, engine):
    db = tmp_path_factory.mktemp("demo") / "demo.duckdb"
    with Store.open(db) as store:
        summary = ingest(read_articles([str(DEMO)]), store=store, engine=engine, batch_size=16)
    assert summary.stored == summary.seen > 40 and not summary.failed
    with serve(db) as url:
        yield url


def test_demo_views_show_the_real_network_events_and_articles(page):
    page.goto(page.base + "/")
    page.wait_for_selector("#network-graph .node")
    page.wait_for_selector("#events-table tbody tr")
    page.wait_for_selector("#timeline-chart .main-svg")
    codes = set(
        page.locator("#network-graph .node").evaluate_all(
            "ns => ns.map(n => n.getAttribute('data-code'))"
        )
    )
    assert {"USA", "IRN", "PRK", "RUS"} <= codes
    page.locator('#network-graph .node[data-code="IRN"]').click()
    expect(page.locator("#partners-title")).to_have_text("IRN")
    assert any(
        r.startswith("USA") for r in page.locator("#partners ul.rivals li").all_inner_texts()
    )
    shoot(page.locator("#network"), "network")
    shoot(page.locator("#timeline"), "timeline")
    page.fill("#alerts-form input[name=as_of]", "2020-01-10")
    page.click("#alerts-form button[type=submit]")
    page.wait_for_timeout(500)
    shoot(page.locator("#alerts"), "alerts")
    page.fill("#events-form input[name=actor]", "USA")
    page.fill("#events-form input[name=recipient]", "IRN")
    page.click("#events-form button[type=submit]")
    expect(page.locator("#events-table tbody tr").first).to_be_visible()
    assert page.locator("#events-table mark.trigger").count() > 0
    shoot(page.locator("#events"), "events")
    page.goto(page.base + "/articles/demo-2020-01-03-soleimani")
    page.wait_for_selector("#article-text")
    text = page.locator("#article-text")
    assert "killed" in text.locator(".hl-trigger").all_inner_texts()
    assert any("Qassem Soleimani" in t for t in text.locator(".hl-actor").all_inner_texts())
    shoot(page.locator("main"), "article")
    assert page.outside == [] and page.problems == []
