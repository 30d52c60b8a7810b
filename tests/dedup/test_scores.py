"""The clustering scores of ``flashpoint eval dedup`` against known values."""

from __future__ import annotations

import pytest

from flashpoint.cli.watch_cmds import parse_duration
from flashpoint.evaluation.dedup import adjusted_rand_index, labels, purity, scores


def test_identical_and_relabelled_partitions_score_one():
    assert adjusted_rand_index([1, 1, 2, 2, 3], [1, 1, 2, 2, 3]) == 1.0
    assert adjusted_rand_index([1, 1, 2, 2, 3], ["b", "b", "a", "a", "c"]) == 1.0


def test_known_small_examples():
    # Hubert & Arabie: index 1, expected 2*1/6 = 1/3, max (2+1)/2 = 3/2 -> (2/3)/(7/6) = 4/7
    assert adjusted_rand_index([0, 0, 1, 1], [0, 0, 1, 2]) == pytest.approx(4 / 7)
    assert adjusted_rand_index([0, 0, 1, 2], [0, 0, 1, 1]) == pytest.approx(4 / 7)
    # a split that crosses every gold pair scores below chance
    assert adjusted_rand_index([0, 0, 1, 1], [0, 1, 0, 1]) == pytest.approx(-0.5)
    # all singletons against one cluster: no agreement beyond chance
    assert adjusted_rand_index([0, 0, 0, 0], [0, 1, 2, 3]) == 0.0
    with pytest.raises(ValueError):
        adjusted_rand_index([0, 1], [0])


def test_purity_and_inverse_purity():
    truth, predicted = ["x", "x", "x", "y", "y"], [1, 1, 2, 2, 2]
    assert purity(truth, predicted) == pytest.approx(4 / 5)  # cluster 2 holds one x, two y
    assert purity(predicted, truth) == pytest.approx(4 / 5)
    found = scores(truth, predicted)
    assert found["predicted_clusters"] == 2 and found["gold_clusters"] == 2
    assert found["f_purity"] == pytest.approx(0.8)


def test_labels_from_groups():
    assert labels([["b", "c"], ["a"]], ["a", "b", "c"]) == [1, 0, 0]


@pytest.mark.parametrize(
    ("text", "seconds"), [("30s", 30), ("15m", 900), ("1h", 3600), ("1h30m", 5400), ("90", 90),
                          ("0.5s", 0.5), ("2d", 172800)],
)  # fmt: skip
def test_durations(text, seconds):
    assert parse_duration(text) == seconds


@pytest.mark.parametrize("text", ["", "m", "15 minutes", "1x", "h1", "-5s"])
def test_bad_durations(text):
    with pytest.raises(ValueError, match="not a duration"):
        parse_duration(text)
