"""Property tests of the input readers: any bytes in, an Article or a clear error out."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from flashpoint.errors import ArticleError
from flashpoint.ingest.boilerplate import find_skipped, mask
from flashpoint.ingest.readers import FieldMap, Overrides, read_csv, read_jsonl, read_text_article
from flashpoint.models import Article

PIECES = list("abc XYZ.,;:\n\"'“”‘’[]()-\u202e\u05d0\x00") + [
    "[INSIGHT]",
    "Source: Read Full Article",
    "READ MORE: ",
]
NEWSY = st.lists(st.sampled_from(PIECES), max_size=120).map("".join)


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=2000))
def test_any_bytes_give_an_article_or_an_article_error(data):
    try:
        article = read_text_article(data, name="fuzz.txt")
    except ArticleError as exc:
        assert exc.reason
        return
    assert isinstance(article, Article) and article.text.strip()
    if article.title_span is not None:
        assert (
            article.text[article.title_span.start : article.title_span.end]
            == article.title_span.text
        )


@settings(max_examples=300, deadline=None)
@given(NEWSY)
def test_skipped_spans_slice_back_and_masking_keeps_offsets(text):
    skipped = find_skipped(text)
    for span in skipped:
        assert text[span.start : span.end] == span.text
    masked = mask(text, [(s.start, s.end) for s in skipped])
    assert len(masked) == len(text)
    for i, (a, b) in enumerate(zip(text, masked, strict=True)):
        assert a == b or (b == " " and any(s.start <= i < s.end for s in skipped))


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.text(max_size=80),
            st.dictionaries(
                st.sampled_from(["id", "text", "date", "title"]),
                st.one_of(st.text(max_size=40), st.integers(), st.none()),
            ),
        ),
        max_size=8,
    )
)
def test_jsonl_lines_map_one_to_one_to_results(lines):
    encoded = [line if isinstance(line, str) else json.dumps(line) for line in lines]
    nonblank = [line for line in encoded if line.strip() and "\n" not in line and "\r" not in line]
    results = list(
        read_jsonl(iter(nonblank), name="f.jsonl", fields=FieldMap(), overrides=Overrides())
    )
    assert len(results) == len(nonblank)
    assert all(isinstance(r, (Article, ArticleError)) for r in results)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=600))
def test_csv_never_raises(text):
    for result in read_csv(
        iter(text.splitlines(keepends=True)), name="f.csv", fields=FieldMap(), overrides=Overrides()
    ):
        assert isinstance(result, (Article, ArticleError))
