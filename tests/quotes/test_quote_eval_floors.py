"""Extraction-quality gates: pinned floors ~0.02 below the measured figures (issue 5).

Measured with ``flashpoint eval quotes|litbank|fivew`` (see the closing note of issue 5);
raise a floor when the figure improves, never lower one silently.
"""

from __future__ import annotations

import pytest

from flashpoint.evaluation import fivew, litbank, newsquotes
from flashpoint.evaluation import quotes as quote_eval

# measured 2026-11-25 (8 fixtures, 31 direct / 24 indirect): all 1.0 after gender-aware
# pronouns and titled names (fixture 08 written after those rules, as a held-out check)
QUOTE_FLOORS = {
    "direct_recall": 0.98,
    "direct_precision": 0.98,
    "direct_speaker_accuracy": 0.97,
    "continues_accuracy": 0.98,
    "indirect_recall": 0.98,
    "indirect_precision": 0.98,
    "indirect_speaker_accuracy": 0.97,
}
# measured: litbank (20 texts, 509 quotes) recall 0.957, precision 0.917, speakers 0.380
# (0.349 before the speaker ranker, 2026-12-08)
LITBANK_FLOORS = {"direct_recall": 0.93, "direct_precision": 0.89, "speaker_accuracy": 0.36}
# measured 2026-11-25 (third push): news-quotes dev (140 articles, 1,209 quotes) recall
# 0.991, speakers 0.922, indirect (20 articles, 203 labels) recall 0.936, speakers 0.942; test
# (340 held-out articles, 2,826 quotes) recall 0.995, speakers 0.899, indirect (20 articles,
# 192 labels) recall 0.885, speakers 0.841. 2026-12-08: dev grows to 260 articles (2,077 quotes;
# recall 0.990, speakers 0.901 by the rules alone) and the speaker ranker, trained on dev only,
# gives dev speakers 0.911 (in-sample) and test speakers 0.917; indirect quotes unchanged. Test
# grows to 460 articles (3,801 quotes; 601-720 labelled after the ranker was final): recall
# 0.995, speakers 0.913 (rules alone 0.894). Later 2026-12-08: dev 380 articles (3,033 quotes;
# recall 0.990, speakers 0.919, rules alone 0.906), test 580 articles (4,696 quotes; recall
# 0.994, speakers 0.913, rules alone 0.893; indirect unchanged)
NEWS_FLOORS = {
    "dev": {
        "direct_recall": 0.98,
        "speaker_accuracy": 0.90,
        "indirect_recall": 0.91,
        "indirect_speaker_accuracy": 0.92,
    },
    "test": {
        "direct_recall": 0.98,
        "speaker_accuracy": 0.90,
        "indirect_recall": 0.86,
        "indirect_speaker_accuracy": 0.82,
    },
}
# measured: fivew (96 articles) date 0.505, place 0.083 (publication-date baseline 0.579)
FIVEW_FLOORS = {"date_agreement": 0.48, "place_agreement": 0.06}


def check(metrics: dict[str, float], floors: dict[str, float]) -> None:
    low = {k: (metrics[k], floor) for k, floor in floors.items() if metrics[k] < floor}
    assert not low, f"below the pinned floor (measured, floor): {low}"


def test_quote_fixtures(engine, tmp_path):
    check(quote_eval.run(engine, tmp_path)["metrics"], QUOTE_FLOORS)


@pytest.mark.shared
def test_litbank(engine, shared_dir):
    check(litbank.run(engine, shared_dir)["metrics"], LITBANK_FLOORS)


@pytest.mark.shared
def test_fivew(engine, shared_dir):
    check(fivew.run(engine, shared_dir)["metrics"], FIVEW_FLOORS)


@pytest.mark.shared
@pytest.mark.parametrize("split", list(NEWS_FLOORS))
def test_news_quotes(engine, shared_dir, split):
    check(newsquotes.run(engine, shared_dir, split=split)["metrics"], NEWS_FLOORS[split])
