"""``flashpoint clusters`` and ``flashpoint watch`` through click, over real store files.

The watch test serves an RSS feed written here from a loopback HTTP server; the feed gains an
item between the two polls (the test's stand-in for ``sleep`` adds it).
"""

from __future__ import annotations

import csv
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import click
import pytest
from click.testing import CliRunner
from dedup_helpers import ALL

from flashpoint.cli import dedup_cmds, watch_cmds
from flashpoint.errors import ArticleError
from flashpoint.models import Analysis, Event, Party, Span
from flashpoint.store import Store


@pytest.fixture
def cli() -> click.Group:
    group = click.Group()
    dedup_cmds.register(group)
    watch_cmds.register(group)
    return group


def run(cli, *args, **kwargs):
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False, **kwargs)


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "clusters.duckdb"
    with Store.open(path) as store:
        store.write(ALL)
    return path


def test_clusters_in_every_format(cli, db):
    found = json.loads(run(cli, "clusters", "--db", db, "--format", "json").stdout)
    assert [c["report_count"] for c in found] == [2, 1, 1]
    assert sorted(m["article_id"] for m in found[0]["members"]) == ["paper-2", "wire-1"]
    rows = list(csv.DictReader(run(cli, "clusters", "--db", db, "--format", "csv",
                                   "--no-dedup").stdout.splitlines()))  # fmt: skip
    assert len(rows) == 4 and {r["report_count"] for r in rows} == {"2", "1"}
    assert len({r["cluster_id"] for r in rows}) == 3
    table = run(cli, "clusters", "--db", db, "--min-reports", "2", env={"COLUMNS": "200"}).stdout
    assert table.startswith("1 event clusters, 2 reports") and "IRN" in table
    since = json.loads(run(cli, "clusters", "--db", db, "--format", "json",
                           "--since", "2021-04-01").stdout)  # fmt: skip
    assert [c["article_id"] for c in since] == ["wire-4"]


def test_clusters_save_needs_no_extra_step_to_count_once(cli, db):
    assert run(cli, "clusters", "--db", db, "--save", "--format", "json").exit_code == 0
    with Store.open(db, read_only=True) as store:
        assert store.conn.execute("SELECT count(*) FROM event_dyads_dedup").fetchone() == (3,)


def test_clusters_without_a_store_is_a_usage_error(cli, tmp_path):
    result = run(cli, "clusters", "--db", tmp_path / "none.duckdb")
    assert result.exit_code == 2 and "flashpoint ingest" in result.stderr


# -- watch ----------------------------------------------------------------------------------

ITEM = """<item><title>{title}</title><guid>{guid}</guid>
<pubDate>Mon, 06 Jan 2020 10:00:00 GMT</pubDate><description>{text}</description></item>"""
ITEMS = [
    ("Jets strike depot", "item-1", "Jets of the United States struck a depot in Iran on Monday."),
    ("Navy seizes tanker", "item-2", "The navy of the United States seized a tanker of Iran."),
]


class Feed:
    """A loopback HTTP server with one RSS feed at /feed.xml."""

    def __init__(self) -> None:
        self.items = ITEMS[:1]
        feed = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 - the http.server hook's name
                body = feed.xml().encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/rss+xml")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/feed.xml"

    def xml(self) -> str:
        items = "".join(ITEM.format(title=t, guid=g, text=x) for t, g, x in self.items)
        return (
            '<?xml version="1.0"?><rss version="2.0"><channel><title>Test wire</title>'
            f"<link>http://127.0.0.1/</link><description>t</description>{items}</channel></rss>"
        )


@pytest.fixture
def feed():
    feed = Feed()
    thread = threading.Thread(target=feed.server.serve_forever, daemon=True)
    thread.start()
    yield feed
    feed.server.shutdown()
    feed.server.server_close()


class ThreeStrikes:
    """Stands in for the engine: three USA→IRN assaults per article, enough for an alert."""

    def __init__(self) -> None:
        self.analysed: list[str] = []

    def analyze_many(self, articles):
        for article in articles:
            if isinstance(article, ArticleError):
                yield article
                continue
            self.analysed.append(article.id)
            span = Span.of(article.text, 0, len(article.text))
            events = [
                Event(f"e{i}", "ASSAULT", "asserted", span, Span.of(article.text, 0, 4),
                      actor=[Party(None, "USA", None, "USA")],
                      recipient=[Party(None, "IRN", None, "IRN")], quad_class=4, score=-9.0)
                for i in range(3)
            ]  # fmt: skip
            yield Analysis(article=article, events=events)


def _articles(db) -> list[str]:
    with Store.open(db, read_only=True) as store:
        found = store.conn.execute("SELECT title FROM articles ORDER BY title").fetchall()
    return [row[0] for row in found]


def test_watch_ingests_only_what_is_new_and_prints_alerts_once(cli, feed, tmp_path):
    db = tmp_path / "watch.duckdb"
    engine = ThreeStrikes()
    between: list[list[str]] = []

    def sleep(seconds: float) -> None:
        assert seconds == 0.5
        between.append(_articles(db))
        feed.items = ITEMS  # the second poll finds one more item

    result = run(cli, "watch", feed.url, "--db", db, "--every", "0.5s", "--max-polls", "3",
                 "--allow-private", obj={"engine": engine, "sleep": sleep})  # fmt: skip
    assert result.exit_code == 0, result.output
    assert between[0] == ["Jets strike depot"]
    assert _articles(db) == ["Jets strike depot", "Navy seizes tanker"]
    assert len(engine.analysed) == 2  # the stored item is never analysed again
    polls = [line for line in result.stdout.splitlines() if "] poll " in line]
    assert len(polls) == 3
    assert "1 seen, 1 new" in polls[0] and "2 seen, 1 new, 1 unchanged" in polls[1]
    assert "0 new" in polls[2]
    alerts = result.stdout.split("poll 3")[0].count("ALERT IRN–USA")
    assert alerts == 2 and "ALERT" not in result.stdout.split("poll 3")[1]


def test_watch_refuses_loopback_without_allow_private(cli, feed, tmp_path):
    db = tmp_path / "watch.duckdb"
    result = run(cli, "watch", feed.url, "--db", db, "--max-polls", "1",
                 obj={"engine": ThreeStrikes()})  # fmt: skip
    assert result.exit_code == 0
    assert "1 failed" in result.stdout and "private" in result.stderr.lower()
    assert _articles(db) == []


def test_watch_rejects_a_bad_interval(cli, tmp_path):
    result = CliRunner().invoke(cli, ["watch", "x.txt", "--every", "soon"])
    assert result.exit_code == 2 and "not a duration" in result.output
    result = CliRunner().invoke(cli, ["watch", "x.txt", "--every", "0s"])
    assert result.exit_code == 2 and "longer than zero" in result.output
