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
    + "<p>Iran's foreign minister met his Russian counterpart in Moscow on Monday to discuss the nuclear agreement.</p>"
    * 4
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
            "/feed": lambda: self._send(
                FEED.replace(b"{port}", str(port).encode()), "application/rss+xml"
            ),
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


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/huge", "larger than"),
        ("/slow", "longer than"),
        ("/loop", "redirects"),
        ("/missing", "HTTP 404"),
    ],
)
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


# -- issue 8, item 3: address forms, redirects into private space, endless answers -------


@pytest.mark.parametrize(
    "url",
    ["http://[::ffff:127.0.0.1]/", "http://[::ffff:7f00:1]/", "http://[::ffff:169.254.169.254]/",
     "http://[::ffff:10.0.0.1]/", "http://[64:ff9b::7f00:1]/", "http://[::127.0.0.1]/",
     "http://[2002:7f00:1::]/", "http://2130706433/", "http://0177.0.0.1/", "http://0x7f.1/",
     "http://127.1/", "http://0/", "http://[fd00::1]/", "http://[fe80::1]/", "http://100.64.0.1/"],
)  # fmt: skip
def test_other_spellings_of_private_addresses_are_refused(url):
    with pytest.raises(FetchError, match="refused"):
        check_url(url, allow_private=False)


class Endless(BaseHTTPRequestHandler):
    """Chunked answers that never end (bounded here to 20 s so a failing test ends)."""

    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def do_GET(self):  # noqa: N802 - http.server's naming
        if self.path == "/trickle-headers":
            self.wfile.write(b"HTTP/1.1 200 OK\r\n")
            return self._drip(b"X", pause=0.2)
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        chunk = b"x" * 65536 if self.path == "/endless" else b"x"
        self._drip(
            b"%x\r\n%s\r\n" % (len(chunk), chunk), pause=0 if self.path == "/endless" else 0.05
        )

    def _drip(self, data, *, pause):
        stop = time.monotonic() + 20
        try:
            while time.monotonic() < stop:
                self.wfile.write(data)
                self.wfile.flush()
                time.sleep(pause)
        except OSError:
            pass  # the client hung up: what the test wants


@pytest.fixture(scope="module")
def endless():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Endless)
    httpd.daemon_threads = True
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/endless", "larger than"),
        ("/slow-chunks", "longer than"),
        ("/trickle-headers", "longer than"),
    ],
)
def test_endless_and_trickling_answers_are_cut(endless, path, message):
    started = time.monotonic()
    with pytest.raises(FetchError, match=message):
        fetch(f"{endless}{path}", policy=LOCAL)
    assert time.monotonic() - started < 5


def test_connection_failures_are_fetch_errors_and_per_item_errors():
    with pytest.raises(FetchError, match="cannot fetch"):
        fetch("http://127.0.0.1:1/", policy=LOCAL)
    [item] = list(read_articles(["http://127.0.0.1:1/"], fetch_policy=LOCAL))
    assert isinstance(item, ArticleError) and "cannot fetch" in item.reason


class Recorder(Handler):
    seen: list[str] = []

    def do_GET(self):  # noqa: N802 - http.server's naming
        Recorder.seen.append(self.path)
        if self.path == "/to-private":
            return self._redirect(f"http://127.0.0.1:{self.server.server_address[1]}/page")
        return super().do_GET()


@pytest.fixture
def public_looking(monkeypatch):
    """A server on 127.0.0.2 that the check takes for a public address; 127.0.0.1 stays
    private. Every socket still connects only to loopback. ``answers`` scripts the
    lookups of a host name, one per call (the last one repeats)."""
    from flashpoint.ingest import fetch as fetch_module

    real_addresses, real_public = fetch_module._addresses, fetch_module._is_public
    answers: dict[str, list[str]] = {}

    def addresses(host, port):
        queue = answers.get(host)
        if not queue:
            return real_addresses(host, port)
        return [fetch_module.ipaddress.ip_address(queue.pop(0) if len(queue) > 1 else queue[0])]

    monkeypatch.setattr(fetch_module, "_addresses", addresses)
    monkeypatch.setattr(
        fetch_module, "_is_public", lambda a: str(a) == "127.0.0.2" or real_public(a)
    )
    httpd = ThreadingHTTPServer(("127.0.0.2", 0), Recorder)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    Recorder.seen = []
    yield f"127.0.0.2:{httpd.server_address[1]}", answers
    httpd.shutdown()


def test_a_redirect_from_a_public_host_into_a_private_address_is_refused(public_looking):
    host, _ = public_looking
    with pytest.raises(FetchError, match="refused.*127.0.0.1"):
        fetch(f"http://{host}/to-private")
    assert Recorder.seen == ["/to-private"]  # the first hop was fetched, the second refused


def test_dns_rebinding_between_check_and_connect_is_refused(public_looking):
    host, answers = public_looking
    answers["news.example"] = ["127.0.0.2", "127.0.0.1"]  # public when checked, then loopback
    port = host.rsplit(":", 1)[1]
    with pytest.raises(FetchError, match="refused.*127.0.0.1"):
        fetch(f"http://news.example:{port}/page")
    assert Recorder.seen == []
