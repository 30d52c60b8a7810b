"""The only conftest: shared fixtures for every test folder."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlparse

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def engine():
    """One loaded engine for the whole run (the model loads in about a second)."""
    from flashpoint.engine import Engine

    return Engine()


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """``../shared`` (gold data, corpora); tests that need it skip cleanly without it."""
    if not (SHARED / "gold").is_dir():
        pytest.skip("../shared is not present (gold data and corpora are optional)")
    return SHARED


@pytest.fixture(scope="session")
def seed_analysis(engine, shared_dir):
    """The seed article analysed as published on 2020-02-25, as the issues specify."""
    import datetime as dt

    from flashpoint.ingest.readers import read_text_article

    path = shared_dir / "seed" / "article.txt"
    article = read_text_article(path.read_bytes(), name=str(path), published=dt.date(2020, 2, 25))
    return engine.analyze(article)


CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]  # fmt: skip


@pytest.fixture(scope="module")
def browser():
    from playwright import sync_api

    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser, base_url):
    """A page that may only talk to the test server (the module's ``base_url`` fixture);
    anything else is blocked and recorded."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.outside = []  # requests that tried to leave loopback
    page.problems = []  # console errors, page errors, dialogs

    def guard(route):
        host = urlparse(route.request.url).hostname
        if host == "127.0.0.1":
            route.continue_()
        else:
            page.outside.append(route.request.url)
            route.abort()

    page.route("**/*", guard)
    page.on("pageerror", lambda exc: page.problems.append(f"pageerror: {exc}"))
    page.on("console", lambda msg: msg.type == "error" and page.problems.append(msg.text))
    page.on(
        "dialog",
        lambda dialog: (page.problems.append(f"dialog: {dialog.message}"), dialog.dismiss()),
    )
    page.base = base_url
    yield page
    context.close()
