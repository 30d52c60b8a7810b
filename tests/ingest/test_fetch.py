"""Fetch safety against real servers on loopback (issue 6 item 1, issue 8 item 3)."""

from __future__ import annotations

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from flashpoint.errors import ArticleError
from flashpoint.ingest.fetch import FetchError, FetchPolicy, check_url, fetch
from flashpoint.ingest.readers import read_articles

PAGE = (
    "<html><head><title>Envoys meet</title></head><body><article>"
    + "<p>Iran's foreign minister met his Russian counterpart in Moscow on Monday to discuss the nuclear agreement.</p>" * 4
    + "</article></body></html>"
).encode()
FEED = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>Desk</title>
<item><title>Talks</title><link>http://127.0.0.1:{port}/page</link><pubDate>Mon, 06 Jan 2020 10:00:00 GMT</pubDate></item>
<item><title>No page</title><link>http://127.0.0.1:{port}/missing</link><description>Iraq summoned the US ambassador on Monday.</description></item>
</channel></rss>"""


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args):  # keep test output clean
        pass

    def do_GET(self):  # noqa: N802 - http.server's naming
        port = self.server.server_address[1]
        routes = {
            "/page": lambda: self._send(PAGE, "text/html"),
            "/feed": lambda: self._send(FEED.replace(b"{port}", str(port).encode()), "application/rss+xml"),
            "/huge": lambda: self._send(b"x" * 3_000_000, "text/html"),
            "/slow": self._slow,
            "/loop": lambda: self._redirect("/loop"),
            "/to-page": lambda: self._redirect("/page"),
        }
        routes.get(self.path, lambda: self.send_error(404))()

    def _send(self, body, kind):
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _redirect(self, where):
        self.send_response(302)
        self.send_header("Location", where)
        self.end_headers()

    def _slow(self):
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.end_headers()
        for _ in range(50):  # a slow-drip body: one byte every 0.1 s
            self.wfile.write(b"x")
            self.wfile.flush()
            time.sleep(0.1)


@pytest.fixture(scope="module")
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


LOCAL = FetchPolicy(allow_private=True, timeout=2, deadline=1.5, max_bytes=1_000_000)


@pytest.mark.parametrize(
    "url",
    ["http://127.0.0.1/", "http://localhost:8080/x", "http://10.1.2.3/", "http://192.168.0.1/",
     "http://169.254.169.254/latest/meta-data/", "http://[::1]/", "http://0.0.0.0/", "file:///etc/passwd",
     "ftp://example.org/"],
)  # fmt: skip
def test_non_public_and_non_http_urls_are_refused_before_connecting(url):
    with pytest.raises(FetchError, match="refused|only http"):
        check_url(url, allow_private=False)


def test_loopback_server_is_refused_without_allow_private(server):
    with pytest.raises(FetchError, match="allow-private"):
        fetch(f"{server}/page")


def test_page_and_redirect_are_fetched_with_allow_private(server):
    assert fetch(f"{server}/to-page", policy=LOCAL).body == PAGE


@pytest.mark.parametrize(("path", "message"), [("/huge", "larger than"), ("/slow", "longer than"), ("/loop", "redirects"), ("/missing", "HTTP 404")])
def test_oversized_slow_looping_and_missing_responses_are_cut(server, path, message):
    started = time.monotonic()
    with pytest.raises(FetchError, match=message):
        fetch(f"{server}{path}", policy=LOCAL)
    assert time.monotonic() - started < 4


def test_feed_entries_become_articles_and_fall_back_to_entry_text(server):
    items = list(read_articles([f"{server}/feed"], fetch_policy=LOCAL))
    assert len(items) == 2
    assert not isinstance(items[0], ArticleError) and "Russian counterpart" in items[0].text
    assert items[0].title == "Talks" and items[0].published is not None
    assert not isinstance(items[1], ArticleError) and "summoned" in items[1].text


def test_refused_url_is_a_per_item_error(server):
    [item] = list(read_articles([f"{server}/page"]))
    assert isinstance(item, ArticleError) and "refused" in item.reason
