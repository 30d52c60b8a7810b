"""The dashboard in Debian's Chromium, driven by Playwright (issue 6 item 8, issue 8 item 4).

No browser is downloaded: the tests use /usr/bin/chromium and skip when it is missing.
Each view is screenshotted; test_demo_views.py shoots the demo corpus into docs/screenshots/.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

from api.corpus import XSS_CODE, write_store
from api.server import serve
from conftest import CHROMIUM

SHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(),
    reason="Debian chromium is not installed at /usr/bin/chromium (apt-get install chromium)",
)


@pytest.fixture(scope="module")
def base_url(tmp_path_factory):
    db = write_store(tmp_path_factory.mktemp("web") / "corpus.duckdb")
    with serve(db) as url:
        yield url


def expect(locator):
    from playwright.sync_api import expect as playwright_expect

    return playwright_expect(locator)


def shoot(locator, name: str) -> None:
    """A screenshot of one view; into docs/screenshots/ only when FLASHPOINT_SCREENSHOTS=1
    (so a test run does not rewrite tracked files), else into a temporary folder."""
    folder = (
        SHOTS
        if os.environ.get("FLASHPOINT_SCREENSHOTS") == "1"
        else Path(tempfile.gettempdir()) / "flashpoint-shots"
    )
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.png"
    locator.screenshot(path=str(path))
    assert path.stat().st_size > 1000, f"empty screenshot {path}"


def open_dashboard(page):
    page.goto(page.base + "/")
    page.wait_for_selector("#network-graph .node")
    page.wait_for_selector("#events-table tbody tr")
    page.wait_for_selector("#timeline-chart .main-svg")
    page.wait_for_selector("#alerts-list .alert")


def test_dashboard_loads_every_view_offline(page):
    open_dashboard(page)
    codes = page.locator("#network-graph .node").evaluate_all(
        "nodes => nodes.map(n => n.getAttribute('data-code'))"
    )
    assert {"USA", "IRN", "RUS", "SYR", "PRK"} <= set(codes)
    assert "USA–IRN" in page.locator("#dyad-summary").inner_text()
    assert page.locator("#alerts-list .alert").first.get_attribute("data-dyad") == "IRN-USA"
    assert page.evaluate("typeof window.Plotly") == "object"
    shoot(page.locator("#timeline"), "fixture-timeline")
    shoot(page.locator("#alerts"), "fixture-alerts")
    assert page.outside == [] and page.problems == []


def test_clicking_a_node_lists_its_partners_and_rivals(page):
    open_dashboard(page)
    page.locator('#network-graph .node[data-code="RUS"]').click()
    page.wait_for_selector("#partners-title")
    assert page.locator("#partners-title").inner_text() == "RUS"
    partners = page.locator("#partners ul.partners li").all_inner_texts()
    rivals = page.locator("#partners ul.rivals li").all_inner_texts()
    assert any(p.startswith("SYR") for p in partners)
    assert any(r.startswith("UKR") for r in rivals)
    assert "selected" in (
        page.locator('#network-graph .node[data-code="RUS"]').get_attribute("class") or ""
    )
    shoot(page.locator("#network"), "fixture-network")


def test_filtering_the_event_table_changes_its_rows(page):
    open_dashboard(page)
    before = page.locator("#events-count").inner_text()
    page.fill("#events-form input[name=actor]", "RUS")
    page.select_option("#events-form select[name=quad]", "4")
    page.click("#events-form button[type=submit]")
    expect(page.locator("#events-count")).to_contain_text("of 1")
    rows = page.locator("#events-table tbody tr")
    assert rows.count() == 1 and page.locator("#events-count").inner_text() != before
    assert rows.first.locator("td").nth(1).inner_text() == "RUS"
    assert rows.first.locator("mark.trigger").inner_text() == "seized ships of"
    assert rows.first.locator(".badge").inner_text() == "asserted"
    page.fill("#events-form input[name=actor]", "")
    page.select_option("#events-form select[name=quad]", "")
    page.select_option("#events-form select[name=modality]", "future")
    page.click("#events-form button[type=submit]")
    expect(page.locator("#events-count")).to_contain_text("of 2")
    badges = page.locator("#events-table .badge").all_inner_texts()
    assert badges == ["future", "future"]
    page.select_option("#events-form select[name=modality]", "")
    page.click("#events-form button[type=submit]")
    expect(page.locator("#events-count")).to_contain_text("1–25")
    shoot(page.locator("#events"), "fixture-events")


def test_modality_toggle_changes_the_timeline(page):
    open_dashboard(page)
    before = page.locator("#dyad-summary").inner_text()
    page.check('#dyad-form input[value="future"]')
    page.check('#dyad-form input[value="hypothetical"]')
    page.click("#dyad-form button[type=submit]")
    expect(page.locator("#dyad-summary")).not_to_have_text(before)
    assert "future" in page.locator("#dyad-summary").inner_text()


def test_event_link_opens_the_article_with_highlighted_spans(page):
    open_dashboard(page)
    page.fill("#events-form input[name=q]", "struck Iran")
    page.click("#events-form button[type=submit]")
    expect(page.locator("#events-count")).to_contain_text("of 2")
    page.locator("#events-table a.article-link").first.click()
    page.wait_for_selector("#article-text")
    assert "/articles/t-2019-12-29#event-e1" in page.url
    text = page.locator("#article-text")
    for kind in ("actor", "event", "trigger", "quote"):
        assert text.locator(f".hl-{kind}").count() > 0, kind
    assert "struck" in text.locator(".hl-trigger").all_inner_texts()
    actors = set(text.locator(".hl-actor").all_inner_texts())
    assert {"The United States", "Iran"} <= actors
    assert "We will defend our interests" in " ".join(text.locator(".hl-quote").all_inner_texts())
    page.goto(page.base + "/articles/t-2020-01-05")
    shoot(page.locator("main"), "fixture-article")
    assert page.outside == [] and page.problems == []


def test_script_in_title_and_text_renders_as_text(page):
    page.goto(page.base + "/articles/t-xss")
    page.wait_for_selector("#article-text")
    assert page.evaluate("typeof window.__xss") == "undefined"
    assert "<script>window.__xss=1</script>" in page.locator("#article-title").inner_text()
    assert '<img src=x onerror="window.__xss=2">' in page.locator("#article-title").inner_text()
    body = page.locator("#article-text").inner_text()
    assert (
        "<script>window.__xss=1</script>" in body and "<img src=x onerror=window.__xss=2>" in body
    )
    assert page.locator("main script, main img, #article-text b").count() == 0
    assert page.locator("a[href^='javascript']").count() == 0
    assert "<script>window.__xss=3</script>" in page.locator(".meta").inner_text()
    assert "<b onmouseover=alert(1)>the envoy</b>" in page.locator("ul.quotes").inner_text()
    page.locator("#article-text").hover()
    assert page.evaluate("typeof window.__xss") == "undefined" and page.problems == []


def test_xss_payloads_stay_inert_in_the_dashboard(page):
    open_dashboard(page)
    page.fill("#events-form input[name=since]", "2019-03-01")
    page.fill("#events-form input[name=until]", "2019-03-01")
    page.click("#events-form button[type=submit]")
    expect(page.locator("#events-count")).to_contain_text("of 1")
    link = page.locator("#events-table a.article-link")
    assert link.get_attribute("title") == (
        '<script>window.__xss=1</script> Breaking <img src=x onerror="window.__xss=2">'
    )
    assert page.locator("#events-table img, #events-table script").count() == 0
    assert XSS_CODE in page.locator("#events-table tbody td").nth(3).inner_text()
    node = page.locator("#network-graph .node").filter(has_text="<IMG")
    assert node.count() == 1 and node.locator("text").text_content() == XSS_CODE.upper()
    node.click()
    expect(page.locator("#partners-title")).to_have_text(XSS_CODE.upper())
    assert page.locator("#partners img, #network-graph img").count() == 0
    assert page.evaluate("typeof window.__xss") == "undefined" and page.problems == []


def test_unknown_article_page_is_404(page):
    response = page.goto(page.base + "/articles/%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E")
    assert response is not None and response.status == 404
    assert "<img src=x onerror=alert(1)>" in page.locator("code").inner_text()
    assert [p for p in page.problems if "status of 404" not in p] == []


def test_alerts_panel_follows_its_date(page):
    open_dashboard(page)
    page.fill("#alerts-form input[name=as_of]", "2019-08-01")
    page.click("#alerts-form button[type=submit]")
    expect(page.locator("#alerts-list")).to_contain_text("No dyad is above its baseline")
    page.fill("#alerts-form input[name=as_of]", "2020-01-08")
    page.click("#alerts-form button[type=submit]")
    expect(page.locator("#alerts-list .alert h3")).to_have_text("IRN–USA")
    assert page.locator("#alerts-list .alert li").count() >= 3
