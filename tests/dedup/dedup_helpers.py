"""Hand-built analyses for the dedup tests: texts written here, one event per sentence given."""

from __future__ import annotations

import datetime as dt

from flashpoint.models import Analysis, Article, Event, Party, Span

QUAD = {"ASSAULT": 4, "COERCE": 4, "SANCTION": 4, "CONSULT": 1, "AGREE": 1, "AID": 2}


def report(
    article_id: str,
    text: str,
    events: list[tuple[str, str, str, str, str]],
    *,
    published: dt.date,
    title: str,
) -> Analysis:
    """An analysis of ``text`` with one event per (sentence, trigger, actor, TYPE, recipient)."""
    article = Article(article_id, text, title=title, published=published, source="Wire")
    found = []
    for i, (sentence, trigger, actor, kind, recipient) in enumerate(events):
        start = text.index(sentence)
        at = text.index(trigger, start)
        found.append(
            Event(
                id=f"e{i + 1}",
                type=kind,
                modality="asserted",
                evidence=Span.of(text, start, start + len(sentence)),
                trigger=Span.of(text, at, at + len(trigger)),
                actor=[Party(None, actor, "GOV", actor)],
                recipient=[Party(None, recipient, "GOV", recipient)],
                quad_class=QUAD[kind],
                confidence=0.7,
            )
        )
    return Analysis(article=article, events=found)


STRIKE_A = report(
    "wire-1",
    "Israeli jets struck an Iranian weapons depot near Damascus on Tuesday, killing four "
    "guards. Syrian state media said air defences fired missiles at the jets.",
    [("Israeli jets struck an Iranian weapons depot near Damascus on Tuesday, killing four "
      "guards.", "struck", "ISR", "ASSAULT", "IRN")],
    published=dt.date(2021, 3, 9),
    title="Israeli jets strike Iranian depot near Damascus",
)  # fmt: skip
STRIKE_B = report(
    "paper-2",
    "An Israeli air strike hit an Iranian weapons depot outside Damascus late on Tuesday, "
    "a monitoring group said. Four guards died in the Damascus depot strike.",
    [("An Israeli air strike hit an Iranian weapons depot outside Damascus late on Tuesday, "
      "a monitoring group said.", "strike", "IRN", "COERCE", "ISR")],
    published=dt.date(2021, 3, 10),
    title="Air strike on Iranian depot near Damascus kills four",
)  # fmt: skip
TALKS = report(
    "wire-3",
    "French and German ministers met in Berlin on Wednesday to discuss fishing quotas in the "
    "North Sea. They agreed to meet again in May.",
    [("French and German ministers met in Berlin on Wednesday to discuss fishing quotas in the "
      "North Sea.", "met", "FRA", "CONSULT", "DEU")],
    published=dt.date(2021, 3, 10),
    title="France and Germany discuss North Sea fishing quotas",
)  # fmt: skip
LATER_STRIKE = report(
    "wire-4",
    "Israeli jets struck an Iranian weapons depot near Damascus again on Friday, killing two "
    "guards.",
    [("Israeli jets struck an Iranian weapons depot near Damascus again on Friday, killing two "
      "guards.", "struck", "ISR", "ASSAULT", "IRN")],
    published=dt.date(2021, 4, 23),
    title="Israeli jets strike Iranian depot near Damascus again",
)  # fmt: skip
ALL = [STRIKE_A, STRIKE_B, TALKS, LATER_STRIKE]
