"""The headline signal: alarm terms in the title against hedges in the body."""

from __future__ import annotations

from flashpoint.headline.signal import headline_signal
from flashpoint.models import Article, Event, Span


def article_with_title(title: str, body: str) -> Article:
    text = f"{title}\n\n{body}"
    return Article(id="t", text=text, title=title, title_span=Span.of(text, 0, len(title)))


def blank_title(nlp, article: Article):
    title_len = len(article.title or "")
    return nlp(" " * title_len + article.text[title_len:])


def test_alarm_title_over_hedged_body(engine):
    article = article_with_title(
        "WORLD WAR 3 threat: rivals could clash",
        "It is not a certainty that the rivals will clash. Officials may meet in May, reportedly.",
    )
    block = headline_signal(article, blank_title(engine.nlp, article), [], [])
    alarm_texts = [a["text"] for a in block["alarm_terms"]]
    assert "WORLD WAR 3" in alarm_texts and "threat" in alarm_texts
    hedges = [h["text"] for h in block["body_hedges"]]
    assert "not a certainty" in hedges and "may" in hedges and "reportedly" in hedges
    assert "May" not in hedges  # the month
    for span in block["alarm_terms"] + block["body_hedges"]:
        assert article.text[span["start"] : span["end"]] == span["text"]
    assert 0.4 <= block["score"] <= 1.0
    assert len(block["reasons"]) == 4


def test_calm_title_scores_zero(engine):
    article = article_with_title(
        "Ministers meet in Geneva", "Ministers met and agreed a statement."
    )
    block = headline_signal(article, blank_title(engine.nlp, article), [], [])
    assert block["alarm_terms"] == [] and block["score"] == 0.0


def test_shares_of_hypothetical_and_attributed_events(engine):
    article = article_with_title("War fears grow", "Leaders may meet. Troops withdrew.")
    span = Span.of(article.text, 0, 3)
    events = [
        Event("E1", "CONSULT", "hypothetical", span, span, attributed_to="A1"),
        Event("E2", "RETREAT", "asserted", span, span),
    ]
    block = headline_signal(article, blank_title(engine.nlp, article), events, [])
    assert block["hypothetical_share"] == 0.5 and block["attributed_share"] == 0.5


def test_title_outside_the_text_has_no_offsets(engine):
    article = Article(id="t", text="Body only, it could happen.", title="Crisis looms")
    block = headline_signal(article, engine.nlp(article.text), [], [])
    assert block["alarm_terms"] == [{"text": "Crisis", "start": None, "end": None, "weight": 0.35}]
