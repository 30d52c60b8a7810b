"""Killing a writing process (SIGKILL, no clean-up) loses nothing it committed."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from flashpoint.store import Store

CHILD = textwrap.dedent("""
    import sys, time
    sys.path.insert(0, {factory_dir!r})
    from store_factory import Spec, make_analysis
    from flashpoint.store import Store

    def analyses():
        for i in range(100):
            if i == 6:
                print("committed", flush=True)
                time.sleep(60)  # killed here, halfway through the fourth batch
            yield make_analysis(f"k{{i}}", [Spec("USA", "ASSAULT", "IRN")], lead=f"Report {{i}}.")

    with Store.open({db!r}) as store:
        store.write(analyses(), batch_size=2)
""")


@pytest.mark.skipif(os.name != "posix", reason="needs SIGKILL")
def test_sigkill_mid_batch_keeps_the_committed_batches(tmp_path):
    db = tmp_path / "killed.duckdb"
    code = CHILD.format(factory_dir=str(Path(__file__).parent), db=str(db))
    child = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout is not None and child.stdout.readline().strip() == "committed"
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
    with Store.open(db) as store:
        assert sorted(a["id"] for a in store.articles()) == [f"k{i}" for i in range(6)]
        assert store.check() == []
        resumed = store.write(make_more(), batch_size=2)
        assert (resumed.stored, resumed.unchanged) == (2, 6)


def make_more():
    from store_factory import Spec, make_analysis

    return [
        make_analysis(f"k{i}", [Spec("USA", "ASSAULT", "IRN")], lead=f"Report {i}.")
        for i in range(8)
    ]
