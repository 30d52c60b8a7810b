"""The codebook data is consistent: types, scores, CAMEO codes, cue lists."""

from __future__ import annotations

import pytest

from flashpoint.events.codebook import load_codebook
from flashpoint.models import PLOVER_TYPES


@pytest.fixture(scope="module")
def book():
    return load_codebook()


def test_every_plover_type_has_a_score_and_quad_class(book):
    assert set(book.plover) == set(PLOVER_TYPES)
    for ptype in PLOVER_TYPES:
        assert -10 <= book.plover[ptype]["score"] <= 10
        assert book.plover[ptype]["quad_class"] in (1, 2, 3, 4)


def test_every_lexicon_entry_has_a_known_type_and_cameo_code(book):
    triggers = [t for table in (book.verbs, book.nouns) for ts in table.values() for t in ts]
    assert len(triggers) > 300
    for trigger in triggers:
        assert trigger.type in PLOVER_TYPES, trigger
        assert trigger.cameo in book.cameo, trigger
        assert set(trigger.context) <= set(book.contexts), trigger


def test_cameo_table_has_goldstein_and_quad_class(book):
    assert len(book.cameo) > 300
    assert book.cameo["163"]["goldstein"] == "-6.5"
    assert {row["quad_class"] for row in book.cameo.values()} == {"1", "2", "3", "4"}


def test_cameo_to_plover_types_are_plover(book):
    assert {row["type"] for row in book.cameo2plover.values()} <= set(PLOVER_TYPES)


def test_mode_scores_come_from_table_2_2(book):
    retreat = book.coding(next(t for t in book.verbs["withdraw"] if not t.words))
    assert retreat.score == 8.0  # RETREAT: Withdraw
    assert book.plover["ASSAULT"]["modes"]["drone"] == -9.5


def test_statements_are_not_triggers(book):
    for lemma in ("say", "believe", "explain", "tell", "think"):
        assert lemma not in book.verbs


def test_light_verbs_are_not_lexicon_types(book):
    assert {"impose", "hold", "launch"} <= book.light_verbs
    assert "said" not in book.light_verbs


def test_cue_lists_are_loaded(book):
    for name in ("possible_modals", "future_modals", "reporting_verbs", "conditional_marks"):
        assert book.cues[name]
    assert "refuse" not in book.cues["negation_verbs"]  # refusing is itself REJECT
