"""Hand-built analyses for store and analytics tests: every span slices back exactly."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from flashpoint.models import Actor, Analysis, Article, Event, Party, Quote, Skipped, Span

QUAD = {"AGREE": 1, "CONSULT": 1, "AID": 2, "COOPERATE": 2, "ACCUSE": 3, "THREATEN": 3,
        "SANCTION": 4, "ASSAULT": 4, "COERCE": 4}  # fmt: skip
SCORE = {1: 2.0, 2: 6.0, 3: -3.0, 4: -8.0}
VERB = {"AGREE": "agreed with", "CONSULT": "met", "AID": "sent aid to",
        "COOPERATE": "worked with", "ACCUSE": "accused", "THREATEN": "threatened",
        "SANCTION": "sanctioned", "ASSAULT": "struck", "COERCE": "seized ships of"}  # fmt: skip


@dataclass
class Spec:
    """One event to write into an article: ``actor`` TYPE ``recipient``."""

    actor: str
    type: str
    recipient: str
    modality: str = "asserted"
    date: str | None = None
    attributed: bool = False


def make_analysis(
    article_id: str,
    specs: list[Spec],
    *,
    published: dt.date | None = dt.date(2020, 1, 6),
    title: str | None = "A title",
    source: str | None = "Wire",
    lead: str = "Officials spoke on Monday.",
) -> Analysis:
    """An article whose text has one sentence per event spec, with actors and one quote."""
    parts = [lead]
    events: list[Event] = []
    offset = len(lead) + 1
    for i, spec in enumerate(specs):
        verb = VERB[spec.type]
        sentence = f"{spec.actor} {verb} {spec.recipient}."
        start = offset
        parts.append(sentence)
        offset += len(sentence) + 1
        events.append(_event(i, spec, start, sentence, verb))
    text = " ".join(parts) + '\nSource: Read Full Article\n"We stand firm," the minister said.'
    article = Article(article_id, text, title=title, published=published, source=source,
                      url=f"https://example.org/{article_id}")  # fmt: skip
    src = text.index("Source:")
    quote_start = text.index('"We') + 1
    said = text.index("said")
    return Analysis(
        article=article,
        actors=_actors(text, specs),
        events=events,
        quotes=[
            Quote(
                "q1",
                "direct",
                Span.of(text, quote_start, quote_start + 13),
                cue=Span.of(text, said, said + 4),
                speaker=None,
                speaker_text="the minister",
                speaker_by="ranker",
            )
        ],  # fmt: skip
        skipped=[Skipped(src, src + 25, text[src : src + 25], "aggregator")],
        warnings=["a warning"],
        headline={"score": 1.5, "type": specs[0].type if specs else None},
    )


def _event(i: int, spec: Spec, start: int, sentence: str, verb: str) -> Event:
    quad = QUAD[spec.type]
    trigger_start = start + len(spec.actor) + 1
    return Event(
        id=f"e{i + 1}",
        type=spec.type,
        modality=spec.modality,  # type: ignore[arg-type]
        evidence=Span(start, start + len(sentence), sentence),
        trigger=Span(trigger_start, trigger_start + len(verb), verb),
        actor=[Party(f"act_{spec.actor}", spec.actor, "GOV", spec.actor)],
        recipient=[Party(None, spec.recipient, None, spec.recipient)],
        context=["military"] if quad == 4 else [],
        cameo={1: "030", 2: "070", 3: "111", 4: "163"}[quad],
        quad_class=quad,
        score=SCORE[quad],
        goldstein=SCORE[quad] / 1.0,
        attributed_to="act_X" if spec.attributed else None,
        date=spec.date,
        date_precision="day" if spec.date else None,
        date_text="Monday" if spec.date else None,
        location={"name": "Geneva", "country": "CHE", "lat": 46.2, "lon": 6.14} if i == 0 else None,
        confidence=0.8,
    )


def _actors(text: str, specs: list[Spec]) -> list[Actor]:
    actors: dict[str, Actor] = {}
    for spec in specs:
        code = spec.actor
        if code in actors:
            continue
        start = text.index(code)
        actors[code] = Actor(f"act_{code}", code, "country", country=code, sector="GOV",
                             mentions=[Span.of(text, start, start + len(code))])  # fmt: skip
    return list(actors.values())


class StubEngine:
    """Stands in for the NLP engine in ingest tests: one ASSAULT event per article.

    Texts containing ``FAIL`` come back as an ``ArticleError``, like an article the real
    engine cannot analyse. ``analysed`` records every article id it was asked about.
    """

    def __init__(self) -> None:
        self.analysed: list[str] = []

    def analyze_many(self, articles):  # type: ignore[no-untyped-def]
        from flashpoint.errors import ArticleError

        for article in articles:
            if isinstance(article, ArticleError):
                yield article
                continue
            self.analysed.append(article.id)
            if "FAIL" in article.text:
                yield ArticleError(article.id, "analysis failed: stub refuses FAIL")
                continue
            yield stub_analysis(article)


def stub_analysis(article: Article) -> Analysis:
    first = article.text.split(".")[0]
    evidence = Span.of(article.text, 0, len(first))
    trigger = Span.of(article.text, 0, min(3, len(first)))
    event = Event("e1", "ASSAULT", "asserted", evidence, trigger,
                  actor=[Party(None, "USA", None, "USA")],
                  recipient=[Party(None, "IRN", None, "IRN")],
                  cameo="190", quad_class=4, score=-10.0, goldstein=-10.0)  # fmt: skip
    return Analysis(article=article, events=[event])
