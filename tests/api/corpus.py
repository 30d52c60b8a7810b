"""A hand-built corpus for API and dashboard tests: every span slices back exactly.

Analyses are written through the store's own write API, so these tests do not depend on the
quality of the NLP stages. The corpus has a USA-IRN conflict burst in the first week of
January 2020 over a quiet baseline, so the alerts panel has something to show, and one
article full of XSS payloads in every text field.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from flashpoint.models import Actor, Analysis, Article, Event, Party, Quote, Span
from flashpoint.store import Store

NAMES = {
    "USA": "The United States", "IRN": "Iran", "RUS": "Russia", "PRK": "North Korea",
    "SYR": "Syria", "UKR": "Ukraine", "SAU": "Saudi Arabia", "YEM": "the Houthis",
    "ISR": "Israel", "CHN": "China", "TUR": "Turkey", "KOR": "South Korea",
}  # fmt: skip
QUAD = {"AGREE": 1, "CONSULT": 1, "SUPPORT": 1, "AID": 2, "COOPERATE": 2, "ACCUSE": 3,
        "THREATEN": 3, "SANCTION": 4, "ASSAULT": 4, "COERCE": 4}  # fmt: skip
SCORE = {1: 3.0, 2: 6.0, 3: -4.0, 4: -8.0}
VERB = {"AGREE": "agreed with", "CONSULT": "met", "SUPPORT": "praised", "AID": "sent aid to",
        "COOPERATE": "signed a defence pact with", "ACCUSE": "accused", "THREATEN": "threatened",
        "SANCTION": "imposed sanctions on", "ASSAULT": "struck", "COERCE": "seized ships of"}  # fmt: skip
PREFIX = {"asserted": "", "negated": "did not ", "hypothetical": "may ", "future": "will "}
BASE = {"agreed with": "agree with", "imposed sanctions on": "impose sanctions on",
        "sent aid to": "send aid to", "signed a defence pact with": "sign a defence pact with",
        "seized ships of": "seize ships of", "met": "meet", "praised": "praise",
        "accused": "accuse", "threatened": "threaten", "struck": "strike"}  # fmt: skip

XSS_TITLE = '<script>window.__xss=1</script> Breaking <img src=x onerror="window.__xss=2">'
XSS_CODE = '<img src=x onerror="window.__xss=6">'  # an actor code, drawn in the network
XSS_TEXT = (
    "Iran accused the United States. <script>window.__xss=1</script> "
    '"<img src=x onerror=window.__xss=2>" said <b onmouseover=alert(1)>the envoy</b>.'
)


@dataclass(frozen=True)
class Spec:
    actor: str
    type: str
    recipient: str
    day: str
    modality: str = "asserted"


# (article id, publication day, events) — facts in the style of the demo corpus.
ARTICLES: list[tuple[str, str, list[Spec]]] = [
    ("t-2017-08-08", "2017-08-08", [Spec("USA", "THREATEN", "PRK", "2017-08-08"),
                                    Spec("PRK", "THREATEN", "USA", "2017-08-09")]),
    ("t-2018-04-27", "2018-04-27", [Spec("PRK", "CONSULT", "KOR", "2018-04-27"),
                                    Spec("KOR", "AGREE", "PRK", "2018-04-27")]),
    ("t-2018-05-08", "2018-05-08", [Spec("USA", "SANCTION", "IRN", "2018-05-08"),
                                    Spec("IRN", "ACCUSE", "USA", "2018-05-09")]),
    ("t-2018-06-12", "2018-06-12", [Spec("USA", "CONSULT", "PRK", "2018-06-12"),
                                    Spec("PRK", "AGREE", "USA", "2018-06-12")]),
    ("t-2018-11-25", "2018-11-25", [Spec("RUS", "COERCE", "UKR", "2018-11-25"),
                                    Spec("UKR", "ACCUSE", "RUS", "2018-11-26")]),
    ("t-2019-02-28", "2019-02-28", [Spec("USA", "CONSULT", "PRK", "2019-02-27"),
                                    Spec("USA", "AGREE", "PRK", "2019-02-28", "negated")]),
    ("t-2019-05-10", "2019-05-10", [Spec("CHN", "THREATEN", "USA", "2019-05-10"),
                                    Spec("USA", "SANCTION", "CHN", "2019-05-10")]),
    ("t-2019-06-20", "2019-06-20", [Spec("IRN", "ASSAULT", "USA", "2019-06-20"),
                                    Spec("USA", "ASSAULT", "IRN", "2019-06-21", "hypothetical")]),
    ("t-2019-06-30", "2019-06-30", [Spec("USA", "CONSULT", "PRK", "2019-06-30")]),
    ("t-2019-07-19", "2019-07-19", [Spec("IRN", "COERCE", "USA", "2019-07-19"),
                                    Spec("RUS", "SUPPORT", "IRN", "2019-07-20")]),
    ("t-2019-09-16", "2019-09-16", [Spec("YEM", "ASSAULT", "SAU", "2019-09-14"),
                                    Spec("USA", "ACCUSE", "IRN", "2019-09-15")]),
    ("t-2019-09-17", "2019-09-17", [Spec("SAU", "ASSAULT", "YEM", "2019-09-17"),
                                    Spec("USA", "AID", "SAU", "2019-09-17", "future")]),
    ("t-2019-10-09", "2019-10-09", [Spec("TUR", "ASSAULT", "SYR", "2019-10-09"),
                                    Spec("USA", "THREATEN", "TUR", "2019-10-10")]),
    ("t-2019-10-22", "2019-10-22", [Spec("RUS", "AGREE", "TUR", "2019-10-22"),
                                    Spec("RUS", "COOPERATE", "SYR", "2019-10-22")]),
    ("t-2019-11-12", "2019-11-12", [Spec("ISR", "ASSAULT", "SYR", "2019-11-12"),
                                    Spec("RUS", "AID", "SYR", "2019-11-12")]),
    ("t-2019-12-13", "2019-12-13", [Spec("USA", "AGREE", "CHN", "2019-12-13"),
                                    Spec("CHN", "AGREE", "USA", "2019-12-13")]),
    ("t-2019-12-27", "2019-12-27", [Spec("RUS", "COOPERATE", "IRN", "2019-12-27"),
                                    Spec("CHN", "COOPERATE", "IRN", "2019-12-27")]),
    ("t-2019-12-29", "2019-12-29", [Spec("USA", "ASSAULT", "IRN", "2019-12-29")]),
    ("t-2020-01-03", "2020-01-03", [Spec("USA", "ASSAULT", "IRN", "2020-01-03"),
                                    Spec("IRN", "THREATEN", "USA", "2020-01-03")]),
    ("t-2020-01-05", "2020-01-05", [Spec("USA", "THREATEN", "IRN", "2020-01-05"),
                                    Spec("IRN", "ACCUSE", "USA", "2020-01-05"),
                                    Spec("RUS", "ACCUSE", "USA", "2020-01-05")]),
    ("t-2020-01-08", "2020-01-08", [Spec("IRN", "ASSAULT", "USA", "2020-01-08"),
                                    Spec("USA", "SANCTION", "IRN", "2020-01-08", "future"),
                                    Spec("USA", "THREATEN", "IRN", "2020-01-08")]),
]  # fmt: skip


def sentence_of(spec: Spec) -> tuple[str, int, int]:
    """The sentence of an event and its trigger's offsets inside it."""
    verb = VERB[spec.type]
    phrase = PREFIX[spec.modality] + (BASE.get(verb, verb) if spec.modality != "asserted" else verb)
    actor = NAMES[spec.actor]
    text = f"{actor} {phrase} {NAMES[spec.recipient]}."
    start = len(actor) + 1
    return text, start, start + len(phrase)


def build(article_id: str, day: str, specs: list[Spec]) -> Analysis:
    title = f"{NAMES[specs[0].actor]} and {NAMES[specs[0].recipient]}: {specs[0].type.lower()}"
    parts = [f"{title}.", "Officials spoke on the record."]
    events = []
    for i, spec in enumerate(specs):
        offset = len(" ".join(parts)) + 1
        sentence, t0, t1 = sentence_of(spec)
        parts.append(sentence)
        events.append(_event(f"e{i + 1}", spec, offset, sentence, t0, t1))
    quote = '"We will defend our interests," the foreign minister said.'
    text = " ".join(parts) + "\n\n" + quote
    q0 = text.index(quote) + 1
    cue = text.index("said", q0)
    article = Article(article_id, text, title=title, published=dt.date.fromisoformat(day),
                      source="Test Wire", url=f"https://example.org/{article_id}")  # fmt: skip
    return Analysis(
        article=article,
        actors=_actors(text, specs),
        events=events,
        quotes=[
            Quote(
                "q1",
                "direct",
                Span.of(text, q0, q0 + 29),
                cue=Span.of(text, cue, cue + 4),
                speaker_text="the foreign minister",
            )
        ],  # fmt: skip
    )


def _event(eid: str, spec: Spec, offset: int, sentence: str, t0: int, t1: int) -> Event:
    quad = QUAD[spec.type]
    return Event(
        id=eid, type=spec.type, modality=spec.modality,  # type: ignore[arg-type]
        evidence=Span(offset, offset + len(sentence), sentence),
        trigger=Span(offset + t0, offset + t1, sentence[t0:t1]),
        actor=[Party(f"act_{spec.actor}", spec.actor, "GOV", NAMES[spec.actor])],
        recipient=[Party(f"act_{spec.recipient}", spec.recipient, "GOV", NAMES[spec.recipient])],
        quad_class=quad, score=SCORE[quad], goldstein=SCORE[quad],
        cameo={1: "040", 2: "060", 3: "130", 4: "190"}[quad],
        date=spec.day, date_precision="day", confidence=0.9,
    )  # fmt: skip


def _actors(text: str, specs: list[Spec]) -> list[Actor]:
    codes = dict.fromkeys(c for s in specs for c in (s.actor, s.recipient))
    actors = []
    for code in codes:
        name = NAMES[code]
        mentions, start = [], text.find(name)
        while start >= 0:
            mentions.append(Span.of(text, start, start + len(name)))
            start = text.find(name, start + len(name))
        actors.append(Actor(f"act_{code}", name, "country", country=code, mentions=mentions))
    return actors


def xss_analysis() -> Analysis:
    """An article with script and onerror payloads in title, text, actor, event and quote."""
    text = XSS_TEXT
    evidence = "Iran accused the United States."
    q0 = text.index("<img")
    article = Article("t-xss", text, title=XSS_TITLE, published=dt.date(2019, 3, 1),
                      source='<script>window.__xss=3</script>', url="javascript:window.__xss=4")  # fmt: skip
    return Analysis(
        article=article,
        actors=[Actor("act_IRN", "<script>window.__xss=5</script>Iran", "country", country="IRN",
                      mentions=[Span.of(text, 0, 4)])],  # fmt: skip
        events=[Event("e1", "ACCUSE", "asserted", Span.of(text, 0, len(evidence)),
                      Span.of(text, 5, 13),
                      actor=[Party("act_IRN", "IRN", "GOV", "Iran")],
                      recipient=[Party(None, "USA", "GOV", "the United States"),
                                 Party(None, XSS_CODE, None, "the envoy")],
                      quad_class=3, score=-4.0, date="2019-03-01", date_precision="day")],
        quotes=[Quote("q1", "direct", Span.of(text, q0, text.index('"', q0)),
                      speaker_text="<b onmouseover=alert(1)>the envoy</b>")],
    )  # fmt: skip


def analyses() -> Iterator[Analysis]:
    for article_id, day, specs in ARTICLES:
        yield build(article_id, day, specs)
    yield xss_analysis()


def write_store(path: Path, items: Iterable[Analysis] | None = None) -> Path:
    with Store.open(path) as store:
        store.write(list(items if items is not None else analyses()))
        problems = store.check()
    assert not problems, problems
    return path


N_ARTICLES = len(ARTICLES) + 1
N_EVENTS = sum(len(specs) for _, _, specs in ARTICLES) + 1
