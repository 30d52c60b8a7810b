"""The only conftest: shared fixtures for every test folder."""

from __future__ import annotations

from pathlib import Path

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
