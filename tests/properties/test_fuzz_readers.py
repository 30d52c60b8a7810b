"""Hostile files and feeds through every reader (issue 8, item 1).

Each input gives Articles or ``ArticleError``s in bounded time: no exception, no entity
expansion, no local file read through an XML external entity.
"""

from __future__ import annotations

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from flashpoint.errors import ArticleError
from flashpoint.ingest.fetch import FetchPolicy
from flashpoint.ingest.readers import read_articles
from flashpoint.models import Article

LAUGHS = (
    '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY l0 "lol">'
    + "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10))
    + "]>"
)
ITEM = "<item><title>{title}</title><description>{text}</description></item>"


def feed(head: str, *, title: str, text: str) -> bytes:
    body = ITEM.format(title=title, text=text)
    return f'{head}<rss version="2.0"><channel><title>t</title>{body}</channel></rss>'.encode()


def read_all(path, **kwargs) -> list[Article | ArticleError]:
    started = time.monotonic()
    items = list(read_articles([str(path)], **kwargs))
    assert time.monotonic() - started < 20, "a reader took too long"
    assert all(isinstance(item, (Article, ArticleError)) for item in items)
    return items


def write(tmp_path, name: str, data: bytes):
    path = tmp_path / name
    path.write_bytes(data)
    return path


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=3000), st.sampled_from(["a.txt", "a.html", "a.jsonl", "a.csv", "a.rss"]))
def test_any_bytes_in_any_reader_give_articles_or_errors(tmp_path_factory, data, name):
    for item in read_all(write(tmp_path_factory.mktemp("fuzz"), name, data)):
        if isinstance(item, Article) and item.title_span is not None:
            span = item.title_span
            assert item.text[span.start : span.end] == span.text


INVALID_UTF8 = {
    "a.txt": b"Iran condemned \xff the sanctions.",
    "a.html": b"<html><body><p>Iran condemned \xc3 the sanctions.</p></body></html>",
    "a.jsonl": b'{"text": "Iran condemned \xed\xa0\x80 the sanctions."}\n{"text": "Fine text."}\n',
    "a.csv": b"id,text\n1,Iran condemned \xff the sanctions.\n2,Fine text.\n",
}


@pytest.mark.parametrize("name", sorted(INVALID_UTF8))
def test_invalid_utf8_fails_only_its_record_with_a_clear_error(tmp_path, name):
    items = read_all(write(tmp_path, name, INVALID_UTF8[name]))
    assert isinstance(items[0], ArticleError) and "UTF-8" in items[0].reason
    assert all(isinstance(item, Article) for item in items[1:])


def test_html_nested_ten_thousand_deep_is_an_article_or_a_clear_error(tmp_path):
    page = (
        "<div>" * 10_000 + "<p>Iran condemned the sanctions on Monday.</p>" * 20 + "</div>" * 10_000
    )
    [item] = read_all(write(tmp_path, "deep.html", page.encode()))
    assert isinstance(item, Article) or "no article text" in item.reason


def test_deeply_nested_json_is_a_clear_error_not_a_crash(tmp_path):
    data = b"[" * 100_000 + b"]" * 100_000 + b'\n{"text": "Iran condemned the sanctions."}\n'
    bad, good = read_all(write(tmp_path, "deep.jsonl", data))
    assert isinstance(bad, ArticleError) and "nested too deeply" in bad.reason
    assert isinstance(good, Article)


def test_million_column_csv_header_is_refused_quickly(tmp_path):
    header = ",".join(f"c{i}" for i in range(1_000_000))
    data = (header + "\n" + "x," * 50 + "\n").encode() * 1
    [item] = read_all(write(tmp_path, "wide.csv", data + b"1,2\n" * 200))
    assert isinstance(item, ArticleError) and "1,000,000 columns" in item.reason


def test_a_huge_csv_field_is_read(tmp_path):
    data = b"id,text\n1," + b"Iran said. " * 400_000 + b"\n2,Fine text.\n"
    big, fine = read_all(write(tmp_path, "big.csv", data))
    assert isinstance(big, Article) and len(big.text) > 4_000_000 and isinstance(fine, Article)


def test_billion_laughs_in_a_feed_file_is_not_expanded(tmp_path):
    data = feed(LAUGHS, title="&l9;", text="&l9; Iran condemned the sanctions.")
    started = time.monotonic()
    items = read_all(write(tmp_path, "laughs.rss", data * 1))
    assert time.monotonic() - started < 2  # the DTD is dropped: no partial expansion either
    for item in items:
        assert isinstance(item, ArticleError) or len(item.text) + len(item.title or "") < 1000


def test_external_entity_in_a_feed_file_reads_no_local_file(tmp_path):
    secret = write(tmp_path, "secret.txt", b"TOP-SECRET-CONTENT")
    head = f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x SYSTEM "file://{secret}">]>'
    data = feed(head, title="&x;", text="Before &x; after: Iran condemned the sanctions.")
    for item in read_all(write(tmp_path, "xxe.rss", data)):
        if isinstance(item, Article):
            assert "TOP-SECRET" not in item.text + (item.title or "")


@pytest.fixture(scope="module")
def hostile_feeds(tmp_path_factory):
    """A loopback server whose feeds carry billion-laughs and external entities."""
    secret = tmp_path_factory.mktemp("secret") / "secret.txt"
    secret.write_text("TOP-SECRET-CONTENT")
    xxe = f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x SYSTEM "file://{secret}">]>'
    bodies = {
        "/laughs": feed(LAUGHS, title="&l9;", text="&l9; Iran condemned the sanctions."),
        "/xxe": feed(xxe, title="&x;", text="Before &x; after: Iran condemned the sanctions."),
    }

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def do_GET(self):  # noqa: N802 - http.server's naming
            body = bodies.get(self.path, b"")
            self.send_response(200 if body else 404)
            self.send_header("Content-Type", "application/rss+xml")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


@pytest.mark.parametrize("path", ["/laughs", "/xxe"])
def test_hostile_feed_urls_neither_expand_nor_read_local_files(hostile_feeds, path):
    policy = FetchPolicy(allow_private=True, timeout=2, deadline=5)
    items = read_all(hostile_feeds + path, fetch_policy=policy)
    assert items
    for item in items:
        if isinstance(item, Article):
            seen = item.text + (item.title or "")
            assert "TOP-SECRET" not in seen and len(seen) < 1000
