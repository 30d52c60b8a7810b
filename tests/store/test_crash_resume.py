"""kill -9 of a real `flashpoint ingest`, then a rerun: every article once, check passes
(issue 8, item 2). ``bench/crash_resume.py`` runs the same with 10 trials of 300 articles.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench"


@pytest.mark.skipif(os.name != "posix", reason="needs SIGKILL")
def test_ingest_killed_at_random_moments_resumes_to_every_article_once(monkeypatch):
    monkeypatch.syspath_prepend(str(BENCH))
    import crash_resume

    results = crash_resume.run(trials=2, articles=30, seed=3, window=6.0)
    for result in results:
        assert result.ok, result
        assert result.articles == 30


def test_generated_articles_are_distinct(monkeypatch):
    monkeypatch.syspath_prepend(str(BENCH))
    import crash_resume

    records = crash_resume.make_articles(200, seed=1)
    assert len({r["text"] for r in records}) == len({r["id"] for r in records}) == 200
