"""Read articles from .txt, .html, JSONL, CSV files, folders and stdin.

Readers never raise for one bad record: they yield an ``ArticleError`` naming the record
and the reason, and go on with the next (issue 2: one broken article never stops a batch).
"""

from __future__ import annotations

import csv
import datetime as dt
import gzip
import io
import json
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

from flashpoint.errors import ArticleError, InputError
from flashpoint.ingest.fetch import FetchPolicy
from flashpoint.models import Article, Span, stable_id

TEXT_SUFFIXES = {".txt", ".text"}
HTML_SUFFIXES = {".html", ".htm"}
RECORD_SUFFIXES = {".jsonl", ".ndjson", ".csv", ".rss", ".atom", ".xml"}
MAX_CSV_COLUMNS = 1_000


@dataclass(frozen=True)
class FieldMap:
    """Which record fields hold what; each entry lists accepted names, first match wins."""

    id: tuple[str, ...] = ("id",)
    title: tuple[str, ...] = ("title", "headline")
    date: tuple[str, ...] = ("date", "published", "published_at", "publish_date")
    source: tuple[str, ...] = ("source", "publisher")
    url: tuple[str, ...] = ("url", "link")
    text: tuple[str, ...] = ("text", "body", "content")

    def override(self, **names: str | None) -> FieldMap:
        """A copy where the given fields are read from exactly the named column."""
        given = {key: (value,) for key, value in names.items() if value}
        return FieldMap(**{**self.__dict__, **given})


@dataclass(frozen=True)
class Overrides:
    """Metadata given on the command line; it wins over what the input says."""

    published: dt.date | None = None
    title: str | None = None
    source: str | None = None
    url: str | None = None


def read_articles(
    paths: Iterable[str],
    *,
    fields: FieldMap | None = None,
    overrides: Overrides | None = None,
    fetch_policy: FetchPolicy | None = None,
) -> Iterator[Article | ArticleError]:
    """Articles from files, folders (recursively), URLs, feeds or ``-`` (stdin), in order."""
    fields = fields or FieldMap()
    overrides = overrides or Overrides()
    for name in paths:
        if name.startswith(("http://", "https://")):
            from flashpoint.ingest.feeds import read_url

            yield from read_url(name, policy=fetch_policy or FetchPolicy(), overrides=overrides)
            continue
        if name == "-":
            yield _one(
                lambda: read_text_article(
                    sys.stdin.buffer.read(), name="<stdin>", **_kw(overrides)
                ),
                "<stdin>",
            )
            continue
        path = Path(name)
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file() and _readable(p)):
                yield from read_file(child, fields=fields, overrides=overrides)
        else:
            yield from read_file(path, fields=fields, overrides=overrides)


def read_file(
    path: Path, *, fields: FieldMap, overrides: Overrides
) -> Iterator[Article | ArticleError]:
    """All articles of one file; unreadable files raise ``InputError`` (a usage problem)."""
    if not path.exists():
        raise InputError(f"{path}: no such file or folder")
    suffixes = _suffixes(path)
    if suffixes & {".jsonl", ".ndjson"}:
        yield from read_jsonl(_open_text(path), name=str(path), fields=fields, overrides=overrides)
    elif ".csv" in suffixes:
        yield from read_csv(_open_text(path), name=str(path), fields=fields, overrides=overrides)
    elif suffixes & {".rss", ".atom", ".xml"}:
        from flashpoint.ingest.feeds import read_feed

        yield from read_feed(
            path.read_bytes(), name=str(path), policy=FetchPolicy(), overrides=overrides
        )
    elif suffixes & HTML_SUFFIXES:
        yield _one(
            lambda: read_html_article(path.read_bytes(), name=str(path), **_kw(overrides)),
            str(path),
        )
    else:
        yield _one(
            lambda: read_text_article(path.read_bytes(), name=str(path), **_kw(overrides)),
            str(path),
        )


def read_text_article(
    data: bytes,
    *,
    name: str,
    published: dt.date | None = None,
    title: str | None = None,
    source: str | None = None,
    url: str | None = None,
) -> Article:
    """A plain-text article; its first line is the title when a blank line follows it."""
    text = decode(data, name=name)
    title_span = _title_span(text)
    if title is None and title_span is not None:
        title = title_span.text
    return _article(
        text, title=title, title_span=title_span, published=published, source=source, url=url
    )


def read_html_article(
    data: bytes,
    *,
    name: str,
    published: dt.date | None = None,
    title: str | None = None,
    source: str | None = None,
    url: str | None = None,
) -> Article:
    """The main text of an HTML page (trafilatura); offsets refer to that extracted text."""
    import trafilatura

    html = decode(data, name=name)
    document = trafilatura.bare_extraction(html, output_format="python", with_metadata=True)
    text = getattr(document, "text", None) if document is not None else None
    if not text or not text.strip():
        raise ArticleError(name, "no article text found in the HTML page (is it a news article?)")
    found_title = getattr(document, "title", None)
    found_date = _parse_date(getattr(document, "date", None))
    return _article(
        text,
        title=title or found_title,
        published=published or found_date,
        source=source or getattr(document, "sitename", None),
        url=url or getattr(document, "url", None),
    )


def read_jsonl(
    stream: Iterable[str], *, name: str, fields: FieldMap, overrides: Overrides
) -> Iterator[Article | ArticleError]:
    for number, line in enumerate(stream, start=1):
        if not line.strip():
            continue
        where = f"{name}:{number}"
        if (bad := _bad_utf8(where, line)) is not None:
            yield bad
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield ArticleError(
                where, f"line {number} is not valid JSON ({exc.msg} at column {exc.colno})"
            )
            continue
        except RecursionError:  # "[[[[..." thousands deep escaped as a crash (issue 8)
            yield ArticleError(where, f"line {number} is JSON nested too deeply to read")
            continue
        if not isinstance(record, dict):
            yield ArticleError(where, f"line {number} is JSON but not an object")
            continue
        yield _one(
            partial(from_record, record, fields=fields, overrides=overrides, where=where), where
        )


def read_csv(
    stream: Iterable[str], *, name: str, fields: FieldMap, overrides: Overrides
) -> Iterator[Article | ArticleError]:
    csv.field_size_limit(2**31 - 1)  # news bodies are longer than csv's 128 KiB default
    reader = csv.DictReader(stream)
    if (bad := _wide_header(reader, name)) is not None:
        yield bad
        return
    while True:
        try:
            record = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield ArticleError(f"{name}:{reader.line_num}", f"malformed CSV row: {exc}")
            continue
        where = f"{name}:{reader.line_num}"
        if (bad := _bad_utf8(where, json.dumps(record, ensure_ascii=False))) is not None:
            yield bad
            continue
        yield _one(
            partial(from_record, record, fields=fields, overrides=overrides, where=where), where
        )


def _wide_header(reader: csv.DictReader[str], name: str) -> ArticleError | None:
    """Refuse a header of more than ``MAX_CSV_COLUMNS`` names: DictReader fills every
    column of every row, so a million-column header costs seconds per row (issue 8)."""
    try:
        width = len(reader.fieldnames or ())
    except csv.Error as exc:
        return ArticleError(f"{name}:1", f"malformed CSV header: {exc}")
    if width <= MAX_CSV_COLUMNS:
        return None
    return ArticleError(
        f"{name}:1",
        f"the CSV header has {width:,} columns, over the limit of {MAX_CSV_COLUMNS:,}; "
        f"is it a CSV file?",
    )


def from_record(
    record: dict[str, Any], *, fields: FieldMap, overrides: Overrides, where: str
) -> Article:
    """An article from one JSON/CSV record, mapped through ``fields``."""
    text = _field(record, fields.text)
    if not isinstance(text, str) or not text.strip():
        raise ArticleError(
            _field(record, fields.id) or where,
            f"no article text in field(s) {', '.join(fields.text)}; name the text column "
            f"with --text-field",
        )
    given_id = _field(record, fields.id)
    return _article(
        text,
        id=str(given_id) if given_id not in (None, "") else None,
        title=overrides.title or _str(_field(record, fields.title)),
        published=overrides.published or _parse_date(_field(record, fields.date)),
        source=overrides.source or _str(_field(record, fields.source)),
        url=overrides.url or _str(_field(record, fields.url)),
    )


def decode(data: bytes, *, name: str) -> str:
    """UTF-8 text of a file, or an ``ArticleError`` that says how to fix the encoding."""
    if b"\x00" in data[:8192]:
        raise ArticleError(name, "this looks like a binary file (it contains NUL bytes), not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ArticleError(
            name,
            f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
            f"re-encode the file as UTF-8, e.g. `iconv -f latin1 -t utf-8`",
        ) from None
    if not text.strip():
        raise ArticleError(name, "the file is empty (no article text)")
    return text


def _article(text: str, *, id: str | None = None, **meta: Any) -> Article:  # noqa: A002
    return Article(id=id or stable_id(text), text=text, **meta)


def _title_span(text: str) -> Span | None:
    first, sep, rest = text.partition("\n")
    if not sep or not first.strip() or not rest.startswith(("\n", "\r\n")):
        return None
    start = len(first) - len(first.lstrip())
    end = len(first.rstrip())
    return Span.of(text, start, end)


def _parse_date(value: Any) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip()[:10])
    except ValueError:
        return None


def _field(record: dict[str, Any], names: tuple[str, ...]) -> Any:
    for key in names:
        if key in record and record[key] not in (None, ""):
            return record[key]
    return None


def _str(value: Any) -> str | None:
    return None if value is None else str(value)


def _kw(overrides: Overrides) -> dict[str, Any]:
    return dict(overrides.__dict__)


def _one(make: Any, where: str) -> Article | ArticleError:
    try:
        article: Article = make()
        return article
    except ArticleError as exc:
        return exc
    except (OSError, ValueError) as exc:
        return ArticleError(where, f"cannot read: {exc}")


def _suffixes(path: Path) -> set[str]:
    return {s.lower() for s in path.suffixes}


def _readable(path: Path) -> bool:
    return bool(_suffixes(path) & (TEXT_SUFFIXES | HTML_SUFFIXES | RECORD_SUFFIXES))


def _open_text(path: Path) -> Iterator[str]:
    """Lines of a (possibly gzipped) UTF-8 record file.

    Invalid bytes are kept as lone surrogates so that only the records holding them fail
    (``_bad_utf8``), not the whole file.
    """
    raw = gzip.open(path, "rb") if path.suffix.lower() == ".gz" else path.open("rb")  # noqa: SIM115 - closed by the with below
    with (
        raw,
        io.TextIOWrapper(raw, encoding="utf-8", errors="surrogateescape", newline="") as stream,
    ):
        yield from stream


_SURROGATE = re.compile("[\udc80-\udcff]")


def _bad_utf8(where: str, value: str) -> ArticleError | None:
    found = _SURROGATE.search(value)
    if found is None:
        return None
    byte = ord(found.group()) - 0xDC00
    return ArticleError(
        where,
        f"record holds bytes that are not valid UTF-8 (0x{byte:02x}); re-encode the file as UTF-8",
    )
