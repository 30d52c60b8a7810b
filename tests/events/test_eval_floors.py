"""Gold-data gate for the events stage (issue 4): pinned floors that may only rise.

Each floor is about 0.02 below what was measured when it was pinned; raise them when the
scores rise, never lower them silently.
"""

from __future__ import annotations

import pytest

from flashpoint.evaluation import conflibert, factuality, gsr

pytestmark = pytest.mark.shared

FLOORS = {  # measured 2026-11-25 (second push): gsr 0.801 / 0.789 / 0.559; meantime 0.510 /
    # 0.538 / 0.519; conflibert 0.619 / 0.578. The full-record and MEANTIME floors sit at the
    # issue's targets (0.55, 0.50), closer than 0.02 to the measured value on purpose.
    "plover-gsr": {"type_accuracy": 0.78, "type_macro_f1": 0.77, "full_record_match": 0.55},
    "meantime": {"certainty_macro_f1": 0.50, "polarity_macro_f1": 0.52, "time_macro_f1": 0.50},
    "conflibert": {"accuracy": 0.60, "macro_f1": 0.56},
}
SUITES = {"plover-gsr": gsr, "meantime": factuality, "conflibert": conflibert}


@pytest.mark.parametrize("name", list(FLOORS))
def test_eval_floor(engine, shared_dir, name):
    result = SUITES[name].run(engine, shared_dir)
    for metric, floor in FLOORS[name].items():
        assert result["metrics"][metric] >= floor, (name, metric, result["metrics"])


def test_meantime_beats_the_majority_baseline(engine, shared_dir):
    metrics = factuality.run(engine, shared_dir)["metrics"]
    for dim in ("certainty", "polarity", "time"):
        assert metrics[f"{dim}_macro_f1"] > metrics[f"{dim}_majority_macro_f1"] + 0.1
