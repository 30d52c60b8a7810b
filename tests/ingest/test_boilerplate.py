from __future__ import annotations

import pytest

from flashpoint.ingest.boilerplate import find_skipped, mask

ARTICLE = (
    "Ministers meet in Vienna\n\n"
    "The talks resumed on Monday.\n"
    "Nuclear talks: Why envoys fear a collapse [INSIGHT]\n"
    "  READ MORE: Sanctions tighten on shipping\n"
    "Officials said progress was slow.\n"
    "Source: Read Full Article"
)


def test_boilerplate_lines_are_recorded_with_exact_offsets():
    skipped = find_skipped(ARTICLE)
    assert [s.reason for s in skipped] == ["related-link", "related-link", "aggregator"]
    for span in skipped:
        assert ARTICLE[span.start : span.end] == span.text
    assert skipped[1].text.startswith("READ MORE")  # leading spaces are not part of the span


@pytest.mark.parametrize(
    "line",
    [
        "The minister said the talks were more important than ever.",
        "Sources: officials in Tehran",
        "He read the full article aloud to reporters in Geneva on Friday.",
    ],
)
def test_ordinary_sentences_are_not_boilerplate(line):
    assert find_skipped(line) == []


def test_mask_keeps_length_and_newlines():
    spans = [(s.start, s.end) for s in find_skipped(ARTICLE)]
    masked = mask(ARTICLE, spans)
    assert len(masked) == len(ARTICLE)
    assert [i for i, c in enumerate(masked) if c == "\n"] == [
        i for i, c in enumerate(ARTICLE) if c == "\n"
    ]
    assert "INSIGHT" not in masked and "Read Full" not in masked
    assert "Officials said progress was slow." in masked
