"""Direct quotations found from the quote marks alone (no parse needed).

A quotation is a list of *parts*: one per paragraph it covers. A paragraph that opens a quote
and does not close it continues into the next paragraph when that one opens with a quote mark
(the newspaper convention; issue 5). Unbalanced marks never raise: the quote is closed at the
paragraph end and a warning names the offset.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

OPEN_DOUBLE = "“„"
CLOSE_DOUBLE = "”"
STRAIGHT = '"'
OPEN_SINGLE = "‘"
CLOSE_SINGLE = "’"
PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
WORD = re.compile(r"\w+(?:['’]\w+)*")
SCARE_MAX_WORDS = 3


@dataclass
class RawQuote:
    """One direct quotation: content parts (start, end), excluding the marks."""

    parts: list[tuple[int, int]] = field(default_factory=list)
    opens: list[int] = field(default_factory=list)  # offset of each part's opening mark
    close: int | None = None  # offset of the closing mark; None when it never closes
    single: bool = False  # marked with ‘...’ rather than double quotes
    paragraph_initial: bool = False  # the first opening mark starts its paragraph

    @property
    def start(self) -> int:
        return self.parts[0][0]

    @property
    def end(self) -> int:
        return self.parts[-1][1]


@lru_cache(maxsize=8)
def paragraphs(text: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of each paragraph: text between blank lines, blanked boilerplate included.
    Cached: the quote stage asks for every quote of an article."""
    bounds, start = [], 0
    for match in PARAGRAPH_BREAK.finditer(text):
        bounds.append((start, match.start()))
        start = match.end()
    bounds.append((start, len(text)))
    out = []
    for s, e in bounds:
        stripped = text[s:e].lstrip()
        if stripped:
            out.append((e - len(stripped), e))
    return tuple(out)


def find_direct_quotes(text: str) -> tuple[list[RawQuote], list[str]]:
    """All double-quoted (and clear single-quoted) quotations in ``text``, with warnings."""
    warnings: list[str] = []
    quotes: list[RawQuote] = []
    pending: RawQuote | None = None  # a quote left open at the end of the previous paragraph
    paras = paragraphs(text)
    for index, (start, end) in enumerate(paras):
        next_opens = index + 1 < len(paras) and _opens_with_mark(text, paras[index + 1][0])
        found, pending = _scan_paragraph(text, start, end, pending, next_opens, warnings)
        quotes.extend(q for q in found if q.parts)  # an empty pair of marks ("") is no quote
    quotes.extend(_single_quotes(text, paras, quotes))
    quotes.sort(key=lambda q: q.start)
    return [q for q in quotes if not is_scare_quote(text, q)], warnings


def _two_apostrophes(text: str, i: int) -> bool:
    """ "would be appropriate'' until": two straight apostrophes after a word close a
    double-quoted quote (a wire-service typing convention, 70 of 23,534 AllSides articles)."""
    return text[i : i + 2] == "''" and i > 0 and not text[i - 1].isspace()


def _opens_with_mark(text: str, start: int) -> bool:
    return text[start : start + 1] in (OPEN_DOUBLE + STRAIGHT)


def _scan_paragraph(
    text: str,
    start: int,
    end: int,
    pending: RawQuote | None,
    next_opens: bool,
    warnings: list[str],
) -> tuple[list[RawQuote], RawQuote | None]:
    found: list[RawQuote] = []
    current, open_at, mark = pending, -1, ""
    for i in range(start, end):
        ch = text[i]
        if ch in OPEN_DOUBLE or (ch == STRAIGHT and not mark):
            if mark:  # an opening mark inside an open quote: the previous one never closed
                warnings.append(f"unbalanced quote mark at {open_at}: closed at the next opening")
                _add_part(text, current, open_at, i)
                found.append(_finish(current, None))
                current = None
            if not (current is pending and current is not None and i == start):
                current = RawQuote(paragraph_initial=(i == start))
            current.opens.append(i)
            open_at, mark = i, ch
        elif mark and (ch in CLOSE_DOUBLE or ch == STRAIGHT or _two_apostrophes(text, i)):
            mixed = (ch == STRAIGHT) != (mark == STRAIGHT) and not _two_apostrophes(text, i)
            if mixed and not _mixed_close(text, open_at, i, end, mark):
                continue  # a different kind of mark nested inside: part of the content
            _add_part(text, current, open_at, i)
            found.append(_finish(current, i))
            current, mark = None, ""
        elif ch in CLOSE_DOUBLE and not mark:
            warnings.append(f"closing quote mark at {i} without an opening one: ignored")
    if not mark:
        return found, None
    _add_part(text, current, open_at, end)
    if next_opens:
        return found, current  # runs on into the next paragraph, which reopens it
    warnings.append(f"quote opened at {open_at} is never closed: ended at its paragraph")
    found.append(_finish(current, None))
    return found, None


def _mixed_close(text: str, open_at: int, at: int, end: int, mark: str) -> bool:
    """“...\" : a straight mark closes a curly quote when no curly close follows (and back);
    or when it is shaped as a closing mark (after a word or punctuation, before a space) and
    no straight quote nested inside is still open: “I am grateful," Pompeo said. "His ...”"""
    expected = STRAIGHT if mark == STRAIGHT else CLOSE_DOUBLE
    followed = at + 1 >= end or not text[at + 1].isalnum()
    if followed and expected not in text[at + 1 : end]:
        return True
    if mark == STRAIGHT:  # "...” with no curly quote opened inside
        return followed and OPEN_DOUBLE[0] not in text[open_at + 1 : at]
    shaped = not text[at - 1].isspace() and followed
    return shaped and text.count(STRAIGHT, open_at + 1, at) % 2 == 0


def _add_part(text: str, quote: RawQuote | None, open_at: int, close_at: int) -> None:
    if quote is None:
        return
    start, end = open_at + 1, close_at
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        quote.parts.append((start, end))


def _finish(quote: RawQuote | None, close: int | None) -> RawQuote:
    assert quote is not None
    quote.close = close
    return quote


def _single_quotes(
    text: str, paras: tuple[tuple[int, int], ...], doubles: list[RawQuote]
) -> list[RawQuote]:
    """‘...’ quotations outside double quotes; ’ is also the apostrophe, so be strict."""
    inside = [(q.opens[0], q.end + 1) for q in doubles if q.opens]
    out: list[RawQuote] = []
    for start, end in paras:
        for match in re.finditer(
            r"(?:(?<=\s)|(?<=^)|(?<=[(\[]))‘(\S[^‘]*?)’(?!\w)", text[start:end]
        ):
            open_at = start + match.start()
            if any(a <= open_at < b for a, b in inside):
                continue
            quote = RawQuote(single=True, paragraph_initial=(open_at == start))
            quote.opens.append(open_at)
            _add_part(text, quote, open_at, start + match.end() - 1)
            quote.close = start + match.end() - 1
            if quote.parts:
                out.append(quote)
    return out


def word_count(text: str) -> int:
    return len(WORD.findall(text))


def is_scare_quote(text: str, quote: RawQuote) -> bool:
    """1–3 quoted words inside a sentence are a scare quote or a term, not a quotation."""
    if len(quote.parts) > 1:
        return False
    start, end = quote.parts[0]
    content = text[start:end]
    if word_count(content) > SCARE_MAX_WORDS:
        return False
    # “No,” he said / “I did,” said the parson: short speech ends in punctuation or stands alone.
    return not (content[-1:] in ",.!?" or quote.paragraph_initial)
