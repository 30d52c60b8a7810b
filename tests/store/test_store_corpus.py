"""``open_corpus`` (``flashpoint.open``): every query is a pandas DataFrame."""

from __future__ import annotations

import pytest
from store_factory import Spec, make_analysis

from flashpoint.corpus import open_corpus
from flashpoint.store import Store


@pytest.fixture
def path(tmp_path):
    path = tmp_path / "c.duckdb"
    with Store.open(path) as store:
        store.write(
            [make_analysis("a1", [Spec("USA", "SANCTION", "IRN"), Spec("RUS", "AID", "IRN")])]
        )
    return path


def test_corpus_reads_the_store(path):
    with open_corpus(path) as corpus:
        assert "1 articles, 2 events" in repr(corpus)
        assert corpus.analysis("a1")["article"]["id"] == "a1"
        assert corpus.store.read_only


def test_with_pandas_every_query_is_a_dataframe(path):
    with open_corpus(path) as corpus:
        assert list(corpus.events(actor="USA")["type"]) == ["SANCTION"]
        assert len(corpus.actors()) == 2 and len(corpus.quotes()) == 1
        assert corpus.dyad("USA", "IRN")["quad4"].tolist() == [1]
        assert set(corpus.network()["sign"]) == {-1, 1}
        assert corpus.alerts().empty
        assert corpus.sql("SELECT count(*) AS n FROM events")["n"].tolist() == [2]
