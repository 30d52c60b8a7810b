"""The speaker ranker: its training, its tie rule, its weights file, and how it overrules."""

from __future__ import annotations

import dataclasses
import datetime as dt
import random

import pytest

from flashpoint.engine import Engine
from flashpoint.models import Article
from flashpoint.quotes import ranker
from flashpoint.quotes.lexicon import load_lexicon
from flashpoint.settings import Settings

# written for these tests: the rules give the quote no actor ("the bulletin added"), and it
# runs over two paragraphs (the first marked ``continues``)
BULLETIN = (
    "Hannah Becker, the chief negotiator of Austria, arrived in Vienna on Tuesday for the "
    "talks.\n\n“The talks will be difficult and long, and nobody should expect a quick deal."
    "\n\n“We will stay at the table for as long as it takes,” the bulletin added.\n"
)


def _synthetic(rng: random.Random, n: int) -> list[tuple[list[ranker.Candidate], list[bool]]]:
    """Quotes whose right candidate alone is named in the quote's paragraph; every candidate
    has a random distance, so only ``same_paragraph`` tells them apart."""
    out = []
    for _ in range(n):
        right = rng.randrange(4)
        cands = [
            ranker.Candidate(
                f"A{i}",
                {"distance_before": rng.random(), "same_paragraph": float(i == right)},
            )
            for i in range(4)
        ]
        out.append((cands, [i == right for i in range(4)]))
    return out


def test_fit_learns_which_feature_marks_the_speaker():
    rng = random.Random(7)
    weights = ranker.fit(_synthetic(rng, 60), steps=150)
    assert weights["same_paragraph"] > 1.0
    assert abs(weights["distance_before"]) < weights["same_paragraph"] / 2
    unseen = _synthetic(rng, 40)
    picked = [ranker.best(cands, weights) for cands, _ in unseen]
    assert all(ok[cands.index(p)] for (cands, ok), p in zip(unseen, picked, strict=True))


def test_fit_refuses_data_without_a_right_candidate():
    cands = [ranker.Candidate("A1", {"person": 1.0}), ranker.Candidate(None, {"keep": 1.0})]
    with pytest.raises(ValueError, match="no quote has a right candidate"):
        ranker.fit([(cands, [False, False])])


def test_a_tie_goes_to_the_rules():
    other = ranker.Candidate("A2", {"person": 1.0})
    rules = ranker.Candidate("A1", {"person": 1.0, "rule": 1.0})
    assert ranker.best([other, rules], {"person": 1.0}) is rules
    assert ranker.best([other, rules], {"person": 1.0, "rule": -0.5}) is other


def test_the_shipped_weights_cover_exactly_the_features():
    weights = ranker.load_weights()
    assert set(weights) == set(ranker.FEATURES)
    # the rules' own answer must carry weight, or the ranker would ignore every cue
    assert weights["rule"] > 0 and weights["rule_cued"] > 0


@pytest.fixture(scope="module")
def rules_only():
    engine = Engine(dataclasses.replace(Settings(), speaker_ranker=False))
    return engine.analyze_with_doc(Article(id="t", text=BULLETIN, published=dt.date(2021, 3, 16)))


def test_without_the_ranker_every_speaker_is_the_rules(rules_only):
    _, analysis = rules_only
    direct = [q for q in analysis.quotes if q.kind == "direct"]
    assert len(direct) == 2 and direct[0].continues
    assert all(q.speaker_by == "rules" and q.speaker is None for q in direct)


def test_the_ranker_overrules_explains_and_keeps_a_quote_whole(rules_only):
    doc, analysis = rules_only
    quotes = [dataclasses.replace(q) for q in analysis.quotes]
    becker = next(a for a in analysis.actors if a.name == "Hannah Becker")
    # weights that distrust an answer naming no actor and like persons
    ranker.rerank(doc, quotes, analysis.actors, load_lexicon(), {"keep": -5.0, "person": 1.0})
    direct = [q for q in quotes if q.kind == "direct"]
    assert [q.speaker for q in direct] == [becker.id, becker.id]
    assert all(q.speaker_by == "ranker" for q in direct)
    # the words that last named her before the quote, so the record can be checked
    assert direct[0].speaker_text in {m.text for m in becker.mentions}


def test_zero_weights_change_nothing(rules_only):
    doc, analysis = rules_only
    quotes = [dataclasses.replace(q) for q in analysis.quotes]
    ranker.rerank(doc, quotes, analysis.actors, load_lexicon(), {})
    assert quotes == analysis.quotes


# written for these tests: the rules' answers here come from words that say who spoke
QUEEN = (
    'Boris Johnson said: "We will deliver."\n\n'
    'The queen sent a message to the nation: "We will meet again."'
)
PRONOUN = (
    "Ruth Adeyemi, who sells fish at the harbour, says that she does blame the mayor. But "
    "Ms. Lindqvist is not, in her view, the real culprit.\n\n"
    '"Frankly, the harbour fees hurt me more than the flood did," she says.'
)


@pytest.mark.parametrize(
    ("text", "published", "speaker"),
    [(QUEEN, dt.date(2020, 4, 5), None), (PRONOUN, dt.date(2021, 3, 16), "Ruth Adeyemi")],
)
def test_the_rules_stand_where_their_words_say_who_spoke(text, published, speaker):
    engine = Engine(dataclasses.replace(Settings(), speaker_ranker=False))
    doc, analysis = engine.analyze_with_doc(Article(id="t", text=text, published=published))
    names = {a.id: a.name for a in analysis.actors}
    last = [q for q in analysis.quotes if q.kind == "direct"][-1]
    assert names.get(last.speaker or "") == speaker  # the rules' answer
    # weights that would hand any quote to a person named before it, were it allowed
    weights = {"keep": -5.0, "rule": -5.0, "person": 1.0}
    ranker.rerank(doc, analysis.quotes, analysis.actors, load_lexicon(), weights)
    assert names.get(last.speaker or "") == speaker and last.speaker_by == "rules"
