"""Articles from URLs and RSS/Atom feeds (what a user asked for; see fetch.py for safety)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from typing import Any

from flashpoint.errors import ArticleError
from flashpoint.ingest.fetch import FetchError, FetchPolicy, fetch


def read_url(url: str, *, policy: FetchPolicy, overrides: Any) -> Iterator[Any]:
    """One article for a page URL, or one per entry for a feed URL."""
    from flashpoint.ingest.readers import read_html_article

    try:
        page = fetch(url, policy=policy)
    except FetchError as exc:
        yield ArticleError(url, str(exc))
        return
    if page.is_feed:
        yield from read_feed(page.body, name=url, policy=policy, overrides=overrides)
        return
    meta = {**overrides.__dict__, "url": overrides.url or page.url}
    try:
        yield read_html_article(page.body, name=url, **meta)
    except ArticleError as exc:
        yield exc


def read_feed(data: bytes, *, name: str, policy: FetchPolicy, overrides: Any) -> Iterator[Any]:
    """Each feed entry's page (fetched under the same policy), else the entry's own text."""
    import feedparser

    data = _without_doctype(data)
    if b"<!entity" in data[:65536].lower():
        yield ArticleError(
            name, "the feed declares XML entities in a way that cannot be removed; refused"
        )
        return
    feed = feedparser.parse(data)
    if feed.bozo and not feed.entries:
        yield ArticleError(name, f"not a readable RSS/Atom feed: {feed.get('bozo_exception')}")
        return
    for entry in feed.entries:
        yield _entry_article(entry, name=name, policy=policy, overrides=overrides)


def _entry_article(entry: Any, *, name: str, policy: FetchPolicy, overrides: Any) -> Any:
    from flashpoint.ingest.readers import _article, read_html_article

    link = entry.get("link")
    published = overrides.published or _entry_date(entry)
    title = overrides.title or entry.get("title")
    if link:
        try:
            page = fetch(link, policy=policy)
            return read_html_article(
                page.body,
                name=link,
                published=published,
                title=title,
                source=overrides.source,
                url=link,
            )
        except (FetchError, ArticleError):
            pass  # fall back to the text the feed itself carries
    text = _entry_text(entry)
    if not text:
        return ArticleError(
            link or name, "feed entry has no text and its page could not be fetched"
        )
    return _article(
        text,
        id=entry.get("id") or link,
        title=title,
        published=published,
        source=overrides.source,
        url=link,
    )


def _entry_text(entry: Any) -> str:
    import trafilatura

    html = (entry.get("content") or [{}])[0].get("value") or entry.get("summary") or ""
    if "<" not in html:
        return str(html).strip()
    return (
        trafilatura.extract(f"<html><body><article>{html}</article></body></html>") or ""
    ).strip()


# An internal DTD subset is where billion-laughs and external entities live; feeds do not
# need one. expat stops the expansion only after ~8 MB (seconds of work), so the DOCTYPE
# is removed before parsing and undefined entities stay as text (issue 8, fuzzing).
_DOCTYPE = re.compile(rb"<!DOCTYPE[^\[>]*(\[[^\]]*\])?\s*>", re.IGNORECASE)


def _without_doctype(data: bytes) -> bytes:
    head, tail = data[:65536], data[65536:]
    return _DOCTYPE.sub(b"", head, count=1) + tail


def _entry_date(entry: Any) -> dt.date | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    return dt.date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday) if parsed else None
