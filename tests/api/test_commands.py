"""``flashpoint serve`` and ``flashpoint demo`` (the README's main job), end to end.

``demo`` runs the real engine on a few demo articles; ``serve`` runs in a subprocess on a free
loopback port and must print its URL.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import click
import httpx
import pytest
from click.testing import CliRunner

from api.corpus import N_ARTICLES, write_store
from api.server import free_port, serve

DEMO = Path(__file__).resolve().parents[2] / "examples" / "articles" / "demo.jsonl"


def group() -> click.Group:
    # The real command group: a throw-away group would change the cached help option of
    # the shared command objects (click caches it per command), and docs/cli.md with it.
    from flashpoint.cli.main import cli

    return cli


def test_demo_corpus_is_well_formed():
    records = [json.loads(line) for line in DEMO.read_text(encoding="utf-8").splitlines()]
    assert len(records) >= 30
    assert len({r["id"] for r in records}) == len(records)
    for record in records:
        assert set(record) == {"id", "date", "source", "title", "text"}
        assert "2017-01-01" <= record["date"] <= "2020-12-31"
        sentences = record["text"].count(". ") + record["text"].count(".\n")
        assert 2 <= sentences <= 8, record["id"]


def test_serve_prints_the_url_and_answers(tmp_path):
    db = write_store(tmp_path / "corpus.duckdb")
    port = free_port()
    code = "from flashpoint.cli.serve_cmds import serve; serve(prog_name='flashpoint serve')"
    proc = subprocess.Popen(
        [sys.executable, "-c", code, "--db", str(db), "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        first = proc.stdout.readline() if proc.stdout else ""
        assert f"http://localhost:{port}/" in first and "read-only" in first
        for _ in range(100):
            try:
                response = httpx.get(f"http://127.0.0.1:{port}/api/articles", timeout=2)
                break
            except httpx.TransportError:
                time.sleep(0.1)
        assert response.json()["total"] == N_ARTICLES
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_serve_refuses_a_missing_store(tmp_path):
    result = CliRunner().invoke(group(), ["serve", "--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code != 0 and "flashpoint demo" in result.output


@pytest.fixture(scope="module")
def demo_store(tmp_path_factory):
    folder = tmp_path_factory.mktemp("demo")
    lines = DEMO.read_text(encoding="utf-8").splitlines()
    picked = [line for line in lines if "2020-01-0" in line.split('"date"')[1][:16]]
    articles = folder / "articles.jsonl"
    articles.write_text("\n".join(picked) + "\n", encoding="utf-8")
    db = folder / "demo.duckdb"
    args = ["demo", "--no-serve", "--db", str(db), "--articles", str(articles)]
    result = CliRunner().invoke(group(), args)
    assert result.exit_code == 0, result.output
    assert f"{len(picked)} stored" in result.output
    rerun = CliRunner().invoke(group(), args)
    assert f"{len(picked)} already stored" in rerun.output
    return db


def test_demo_through_the_real_engine_is_served(demo_store):
    with serve(demo_store) as url, httpx.Client(base_url=url, timeout=30) as http:
        articles = http.get("/api/articles").json()
        assert articles["total"] >= 2
        events = http.get("/api/events", params={"limit": 500}).json()
        assert events["total"] > 0
        for event in events["items"]:
            record = http.get(f"/api/articles/{event['article_id']}").json()
            text = record["article"]["text"]
            assert text[event["evidence_start"] : event["evidence_end"]] == event["evidence_text"]
        page = http.get(f"/articles/{events['items'][0]['article_id']}")
        assert page.status_code == 200 and 'class="hl hl-event' in page.text
        assert page.headers["content-security-policy"].startswith("default-src 'self'")
        assert http.get("/api/network").json()["nodes"]
