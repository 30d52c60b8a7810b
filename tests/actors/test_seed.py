"""Issue 3's Must-show list on the seed article (needs ../shared)."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

import pytest

from flashpoint.actors.index import ActorIndex
from flashpoint.ingest.boilerplate import find_skipped, mask
from flashpoint.ingest.readers import read_text_article

from .helpers import actor, mention_texts, nlp, resolver

pytestmark = pytest.mark.shared


@lru_cache(maxsize=2)
def _seed(path: str, day: dt.date) -> ActorIndex:
    with open(path, "rb") as data:
        article = read_text_article(data.read(), name=path, published=day)
    # the doc is parsed from the text with boilerplate and title blanked, as the engine does
    spans = [(s.start, s.end) for s in find_skipped(article.text)]
    if article.title_span is not None:
        spans.append((article.title_span.start, article.title_span.end))
    return resolver().resolve(nlp()(mask(article.text, spans)), article)


@pytest.fixture
def seed(shared_dir) -> ActorIndex:
    return _seed(str(shared_dir / "seed" / "article.txt"), dt.date(2020, 2, 25))


def _facts(index: ActorIndex, name: str) -> tuple:
    found = actor(index, name)
    return found.kind, found.country, found.sector, found.former


def test_heads_of_state_as_of_the_date(seed):
    assert _facts(seed, "Vladimir Putin") == ("person", "RUS", "GOV", False)
    assert _facts(seed, "Donald Trump") == ("person", "USA", "GOV", False)
    assert _facts(seed, "Barack Obama")[1:] == ("USA", "GOV", True)
    assert _facts(seed, "Qassem Soleimani")[:3] == ("person", "IRN", "MIL")


def test_rassam_former_diplomat_with_his_mentions(seed):
    rassam = actor(seed, "Hossein Rassam")
    assert (rassam.country, rassam.former) == ("IRN", True)
    assert rassam.description == "former Iranian diplomat"
    mentions = mention_texts(rassam)
    assert "Mr Rassam" in mentions and "He" in mentions
    assert "The Iran International editor" in mentions


def test_kendall_taylor_wintour_and_seats(seed):
    assert _facts(seed, "Andrea Kendall-Taylor")[1:4:2] == ("USA", True)
    assert _facts(seed, "Patrick Wintour") == ("person", "GBR", "MED", False)
    assert _facts(seed, "Pentagon")[1:3] == ("USA", "MIL")
    assert {"Tehran", "the Islamic Republic"} <= set(mention_texts(actor(seed, "Iran")))
    assert "Moscow" in mention_texts(actor(seed, "Russia"))


def test_no_region_or_teaser_is_an_actor(seed):
    names = {a.name for a in seed.actors}
    assert not names & {
        "Middle East",
        "the Middle East",
        "EXPLAINED",
        "World War 3",
        "Persian Gulf",
    }
    assert "Middle East" in {p.name for p in seed.places}


def test_the_two_nations_are_russia_and_iran(seed):
    token = next(t for t in seed.doc if t.text == "nations" and t.nbor(-1).text == "two")
    assert [a.country for a in seed.actors_of(token)] == ["RUS", "IRN"]


def test_every_mention_slices_back(seed):
    text = seed.doc.text
    for found in seed.actors:
        for mention in found.mentions:
            assert text[mention.start : mention.end] == mention.text


def test_trump_holds_no_office_in_2015(shared_dir):
    index = _seed(str(shared_dir / "seed" / "article.txt"), dt.date(2015, 6, 1))
    trump = actor(index, "Donald Trump")
    assert (trump.sector, trump.former) == (None, False)
