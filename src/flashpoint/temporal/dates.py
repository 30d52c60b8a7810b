"""Event dates: date expressions resolved against the publication date (issue 5).

``resolve_date_expression(text, published)`` turns one expression into ``(iso, precision)``:
``iso`` is always a full ISO date (``YYYY-MM-DD``) — the *first day* of the period for
coarser precisions ("May last year" -> ``2019-05-01``, month) — and precision is one of
``day | week | month | year | range``; ``(None, "unresolved")`` when it cannot be resolved
(a relative expression without a publication date, or text dateparser cannot read).
Weeks start on Monday; a range ("the last few years") gives its first day (data/ranges.txt).

``assign_dates`` gives each event the date of an expression syntactically tied to its trigger
(the expression modifies the trigger, or a noun phrase that hangs from the trigger without an
intervening verb), then of one on a clause the trigger belongs to ("derailed on Wednesday,
killing seven"), else the publication date with precision ``published``.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from importlib import resources

from dateparser.date import DateDataParser
from spacy.tokens import Doc, Token
from spacy.tokens import Span as TokenSpan

from flashpoint.models import Article, Event
from flashpoint.nlp.attachment import scoping_heads, under
from flashpoint.nlp.text import text_of

LEADING = re.compile(
    r"^(?:(?:back|as early as|as late as|early|late|mid|around|about|at|in|on|since|by|until|"
    r"during|from|of|the|this past|over|before|after|earlier|later)\b[\s-]*)+",
    re.I,
)
MONTHS = "january february march april may june july august september october november december"
MONTH_NAMES = {name: i + 1 for i, name in enumerate(MONTHS.split())}
RELATIVE_YEAR = re.compile(r"^(\w+) (last|next|this) year$", re.I)
UNIT_OFFSET = re.compile(r"^(last|next|this|past) (week|month|year)$", re.I)
YEAR_ONLY = re.compile(r"^(1[89]\d\d|20\d\d)s?$")
ABSOLUTE_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
EXTRA_EXPRESSIONS = re.compile(
    r"\b(?:tomorrow|yesterday|today|tonight|last night|(?:last|next|this) "
    r"(?:week|month|year|monday|tuesday|wednesday|thursday|friday|saturday|sunday))\b",
    re.I,
)
NOUN_MODIFIER_DEPS = frozenset({"nummod", "amod", "compound", "poss", "nmod", "quantmod"})
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
WEEKDAY = re.compile(
    r"^(" + "|".join(WEEKDAYS) + r")(?:'s|’s)?(?: (?:morning|afternoon|evening|night))?$", re.I
)
NUMBER_WORDS = "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty"
DURATION = re.compile(
    rf"^(?:a|an|a few|few|several|many|\d+|{NUMBER_WORDS})(?: more)? "
    r"(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?)$",
    re.I,
)
FUTURE_AUX = frozenset({"will", "shall", "'ll", "’ll"})


def resolve_date_expression(
    text: str, published: dt.date | None, *, prefer: str = "past"
) -> tuple[str | None, str]:
    """``(iso date of the period's first day, precision)`` of one date expression."""
    expression = LEADING.sub("", text.strip().rstrip(".,;")).strip()
    if not expression:
        return None, "unresolved"
    if (year := YEAR_ONLY.match(expression)) is not None:
        return f"{year.group(1)}-01-01", "year"
    if DURATION.match(expression) or not re.search(r"[a-z]", expression, re.I):
        return None, "unresolved"  # "two days", "30": a length of time or a number, no date
    if published is None:
        return _absolute(expression)
    if (weekday := _weekday(expression, published, prefer)) is not None:
        return weekday, "day"
    for resolve in (_range, _relative_year, _unit_offset):
        found = resolve(expression.lower(), published)
        if found is not None:
            return found
    return _dateparser(expression, published, prefer)


def _weekday(expression: str, published: dt.date, prefer: str) -> str | None:
    """'Wednesday (night)': the latest such day on or before publication (next one if future)."""
    match = WEEKDAY.match(expression)
    if match is None:
        return None
    target = WEEKDAYS.index(match.group(1).lower())
    if prefer == "future":
        return (published + dt.timedelta(days=(target - published.weekday()) % 7)).isoformat()
    return (published - dt.timedelta(days=(published.weekday() - target) % 7)).isoformat()


def _absolute(expression: str) -> tuple[str | None, str]:
    """Without a publication date only expressions that name their year can be resolved."""
    if not ABSOLUTE_YEAR.search(expression):
        return None, "unresolved"
    return _dateparser(expression, None, "past")


@lru_cache(maxsize=1)
def _range_patterns() -> list[tuple[re.Pattern[str], str, str]]:
    data = resources.files("flashpoint.temporal").joinpath("data", "ranges.txt")
    rows = []
    for line in data.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            pattern, count, unit = line.split("\t")
            rows.append((re.compile(f"^{pattern}$"), count, unit))
    return rows


def _range(expression: str, published: dt.date) -> tuple[str, str] | None:
    for pattern, count, unit in _range_patterns():
        match = pattern.match(expression)
        if match is not None:
            n = int(match.expand(count))
            return _shift(published, unit, -n).isoformat(), "range"
    return None


def _relative_year(expression: str, published: dt.date) -> tuple[str, str] | None:
    """'May last year' (dateparser reads only the 'last year' half of it)."""
    match = RELATIVE_YEAR.match(expression)
    if match is None or match.group(1) not in MONTH_NAMES:
        return None
    year = published.year + {"last": -1, "next": 1, "this": 0}[match.group(2)]
    return dt.date(year, MONTH_NAMES[match.group(1)], 1).isoformat(), "month"


def _unit_offset(expression: str, published: dt.date) -> tuple[str, str] | None:
    """'last week' -> that week's Monday; 'next month' -> its first day."""
    match = UNIT_OFFSET.match(expression)
    if match is None:
        return None
    step = {"last": -1, "past": -1, "next": 1, "this": 0}[match.group(1)]
    unit = match.group(2)
    return _shift(published, unit, step).isoformat(), unit


def _shift(day: dt.date, unit: str, n: int) -> dt.date:
    """The first day of the unit ``n`` units away from ``day``'s unit."""
    if unit == "week":
        monday = day - dt.timedelta(days=day.weekday())
        return monday + dt.timedelta(weeks=n)
    if unit == "month":
        months = day.year * 12 + day.month - 1 + n
        return dt.date(months // 12, months % 12 + 1, 1)
    return dt.date(day.year + n, 1, 1)


@lru_cache(maxsize=64)
def _parser(prefer: str, base: dt.datetime | None) -> DateDataParser:
    """One parser per (preference, publication date): no shared mutable settings, so safe
    when articles are analysed in parallel threads."""
    settings: dict[str, object] = {"PREFER_DATES_FROM": prefer, "PREFER_DAY_OF_MONTH": "first"}
    if base is not None:
        settings["RELATIVE_BASE"] = base
    return DateDataParser(languages=["en"], settings=settings)


def _dateparser(expression: str, published: dt.date | None, prefer: str) -> tuple[str | None, str]:
    base = dt.datetime.combine(published, dt.time()) if published else None
    parser = _parser(prefer, base)
    try:
        data = parser.get_date_data(expression)
    except (ValueError, OverflowError):
        return None, "unresolved"
    if data.date_obj is None:
        return None, "unresolved"
    period = data.period if data.period in ("day", "week", "month", "year") else "day"
    day = data.date_obj.date()
    if data.period == "time" and published is not None:
        day = published  # "at around 6am": a time of the day of publication
    if period == "month":
        day = day.replace(day=1)
    elif period == "week":
        day = day - dt.timedelta(days=day.weekday())
    elif period == "year":
        day = dt.date(day.year, 1, 1)
    return day.isoformat(), period


# --- events --------------------------------------------------------------------------------


def date_expressions(doc: Doc) -> list[TokenSpan]:
    """spaCy DATE entities plus relative words the model sometimes misses ('tomorrow')."""
    found = [ent for ent in doc.ents if ent.label_ == "DATE"]
    taken = {t.i for ent in found for t in ent}
    for match in EXTRA_EXPRESSIONS.finditer(text_of(doc)):
        span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
        if span is not None and not any(t.i in taken for t in span):
            found.append(span)
    return sorted(found, key=lambda s: s.start)


def assign_dates(doc: Doc, events: list[Event], article: Article) -> None:
    """Set ``date``, ``date_precision`` and ``date_text`` on every event (mutates them)."""
    expressions = [(span, _anchor(span)) for span in date_expressions(doc)]
    for event in events:
        trigger = doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
        tied = _tied_expressions(expressions, trigger)
        prefer = "future" if _is_future(event, trigger) else "past"
        for span in tied:
            iso, precision = resolve_date_expression(span.text, article.published, prefer=prefer)
            if iso is not None or article.published is None:
                event.date, event.date_precision, event.date_text = iso, precision, span.text
                break
        else:
            _publication_date(event, article)


def _tied_expressions(
    expressions: list[tuple[TokenSpan, Token | None]], trigger: TokenSpan | None
) -> list[TokenSpan]:
    """Expressions under the trigger first, then those on a clause the trigger is part of."""
    if trigger is None:
        return []
    root = trigger.root
    direct = [span for span, anchor in expressions if under(anchor, root)]
    ancestors = scoping_heads(root)
    scoping = [span for span, anchor in expressions if anchor is not None and anchor.i in ancestors]
    return direct + [span for span in scoping if span not in direct]


def _publication_date(event: Event, article: Article) -> None:
    event.date = article.published.isoformat() if article.published else None
    event.date_precision = "published" if article.published else None
    event.date_text = None


def _anchor(span: TokenSpan) -> Token | None:
    """The word a date expression modifies: the head of 'in May 2018', of 'tomorrow'."""
    root = span.root
    if root.dep_ in NOUN_MODIFIER_DEPS:
        return root.head if root.head.pos_ in ("NOUN", "PROPN") else None
    if root.dep_ == "pobj" and root.head.dep_ == "prep":
        return root.head.head
    return root.head if root.head.i != root.i else None


def _is_future(event: Event, trigger: TokenSpan | None) -> bool:
    if event.modality == "future":
        return True
    root = trigger.root if trigger is not None else None
    return root is not None and any(c.lower_ in FUTURE_AUX for c in root.children)
