"""Recognise boilerplate (aggregator footers, related-article links, hover cards) as skipped spans.

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
    """Every boilerplate line and hover card of ``text``, in text order, with why it was
    skipped."""
    skipped = _lines(text) + _hover_cards(text)
    return sorted(skipped, key=lambda s: s.start)


def _lines(text: str) -> list[Skipped]:
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


# A politician's hover card left inline by a page scrape (The Hill): after the name the
# text gives the full name again, glued to the headlines of related stories, and the card
# ends in "MORE": "Sen. John Kennedy John Neely KennedyMORE (R-La.)", "Al Gore Albert (Al)
# Arnold GoreWarren goes local in race ... MORE helped". The card starts where a run of up
# to five capitalised words (or "(Al)") ends in the surname written just before it, with a
# space or glued to it ("George PapadopoulosGeorge Demetrios Papadopoulos...").
_CARD_END = re.compile(r"(?<=\S) ?MORE\b")  # "...NBC MORE" too: the name decides
_CARD_SPAN = 900  # characters a card may span (headlines included), measured on AllSides
_WORD_BEFORE = re.compile(r"\b([A-Z][\w'’-]*[a-z])\s?$")
_NAME_WORD = re.compile(r"(?:[A-Z][\w.'’-]*|\([^()\n]{1,20}\)) ")  # "Neely ", "(Al) "


def _hover_cards(text: str) -> list[Skipped]:
    cards: list[Skipped] = []
    floor = 0
    for end in _CARD_END.finditer(text):
        line_start = text.rfind("\n", 0, end.start()) + 1
        start = _card_start(text, max(floor, line_start, end.start() - _CARD_SPAN), end.start())
        if start is None:
            continue
        cards.append(Skipped(start, end.end(), text[start : end.end()], "hover-card"))
        floor = end.end()
    return cards


def _card_start(text: str, low: int, high: int) -> int | None:
    """Where in [low, high) the full name repeating the word before it begins ("John
    Kennedy ^John Neely KennedyMORE"). Best is the earliest such name after a space and
    glued to what follows; then one glued to the name before ("George Papadopoulos^George
    Demetrios Papadopoulos...", not "John Mc^Cain John Sidney McCain"); then the last one
    followed by a space ("Paul Ryan ^Paul Davis Ryan Retirees should ...")."""
    glued_before = spaced_after = None
    for word in re.finditer(r"(?<=[\sa-z])[A-Z]", text[low:high]):
        at = low + word.start()
        before = _WORD_BEFORE.search(text, max(0, at - 40), at)
        if before is None:
            continue
        if (name_end := _full_name_end(text, at, before.group(1))) is None:
            continue
        if text[name_end] == " ":
            spaced_after = at
        elif not text[at - 1].isspace():
            glued_before = glued_before or at
        else:
            return at
    return glued_before or spaced_after


def _full_name_end(text: str, at: int, surname: str) -> int | None:
    """Where a run of one to five capitalised words from ``at`` ends in ``surname``, followed
    by a capital, a digit, a space or "MORE" (the shortest such run), else None."""
    for _ in range(5):
        if (word := _NAME_WORD.match(text, at)) is None:
            return None
        at = word.end()
        end = at + len(surname)
        after = text[end : end + 1]
        if text.startswith(surname, at) and (after.isupper() or after.isdigit() or after == " "):
            return end
    return None


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
