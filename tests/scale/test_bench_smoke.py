"""Every benchmark runs in its --smoke form, prints its figures and leaves the docs alone."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs" / "benchmarks.md"


@pytest.mark.parametrize(
    ("script", "figure"),
    [
        ("pipeline_ratio.py", "ratio full / bare"),
        ("ingest.py", "pool of 2 processes"),
        ("dask_scale.py", "LocalCluster, 2 worker(s)"),
        ("api_latency.py", "event search (text, 50)"),
    ],
)
def test_benchmark_smoke(script, figure):
    before = DOCS.stat().st_mtime_ns if DOCS.exists() else None
    done = subprocess.run([sys.executable, str(ROOT / "bench" / script), "--smoke"],
                          capture_output=True, text=True, timeout=300, cwd=ROOT)  # fmt: skip
    assert done.returncode == 0, done.stderr[-3000:]
    assert figure in done.stdout
    assert "| run |" in done.stdout or "| cluster |" in done.stdout or "| query |" in done.stdout
    assert (DOCS.stat().st_mtime_ns if DOCS.exists() else None) == before
