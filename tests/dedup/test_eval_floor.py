"""Gold gate for cross-article dedup (``flashpoint eval dedup``): floors that refuse to drop.

Measured at limit 80 on a cold cache (the first 80 articles, 15 gold events): ARI 0.946,
purity 0.988, inverse purity 0.975. Floors sit about 0.02 below.
"""

from __future__ import annotations

import pytest

from flashpoint.evaluation import dedup

LIMIT = 80
FLOORS = {"ari": 0.92, "purity": 0.96, "inverse_purity": 0.95}


@pytest.mark.shared
def test_dedup_floors(engine, shared_dir, tmp_path, monkeypatch):
    # a fresh cache: the gate scores this engine, not analyses cached by an older one
    monkeypatch.setenv("FLASHPOINT_DEDUP_CACHE", str(tmp_path / "dedup-cache.duckdb"))
    metrics = dedup.run(engine, shared_dir, limit=LIMIT)["metrics"]
    assert metrics["articles"] == LIMIT and metrics["not_analysed"] == 0
    for name, floor in FLOORS.items():
        assert metrics[name] >= floor, f"{name} {metrics[name]:.4f} fell below {floor}"
