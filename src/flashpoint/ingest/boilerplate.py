"""Recognise boilerplate lines (aggregator footers, related-article links) as skipped spans.

Skipped text is never cut out of the article: ``mask`` blanks it with spaces so that every
offset the later stages produce is still an offset into the original text (issue 2).
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from flashpoint.models import Skipped


@lru_cache(maxsize=1)
def _patterns() -> list[tuple[str, re.Pattern[str]]]:
    """(reason, pattern) pairs from data/boilerplate.tsv, compiled once."""
    table = resources.files("flashpoint.ingest").joinpath("data/boilerplate.tsv").read_text("utf-8")
    rules = []
    for line in table.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        reason, pattern = line.split("\t", 1)
        rules.append((reason, re.compile(pattern, re.IGNORECASE)))
    return rules


def find_skipped(text: str) -> list[Skipped]:
    """Every boilerplate line of ``text``, with why it was skipped."""
    skipped = []
    for line in re.finditer(r"[^\n]+", text):
        content = line.group().strip()
        if not content:
            continue
        for reason, pattern in _patterns():
            if pattern.search(content):
                start = line.start() + (len(line.group()) - len(line.group().lstrip()))
                end = start + len(content)
                skipped.append(Skipped(start, end, text[start:end], reason))
                break
    return skipped


def mask(text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` with each span replaced by spaces (newlines kept): same length, same offsets."""
    if not spans:
        return text
    chars = list(text)
    for start, end in spans:
        for i in range(start, end):
            if chars[i] != "\n":
                chars[i] = " "
    return "".join(chars)
