"""A Dask LocalCluster run writes what one process computes, once, and keeps bad articles."""

from __future__ import annotations

import json

import pytest
from scale_articles import articles, bad_article

from flashpoint.scale.dataset import load_parquet_into_store, read_table
from flashpoint.store.db import Store


@pytest.fixture(scope="module")
def cluster():
    from distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                      dashboard_address=":0", silence_logs=40) as local:  # fmt: skip
        yield local


@pytest.fixture(scope="module")
def first_run(cluster, tmp_path_factory):
    from flashpoint.scale.dask import run_dask

    out = tmp_path_factory.mktemp("dataset")
    summary = run_dask(out_dir=out, articles=[*articles(), bad_article()],
                       scheduler=cluster.scheduler_address, batch_size=4)  # fmt: skip
    return out, summary


def _files(out):
    return {p.relative_to(out): p.stat().st_mtime_ns for p in out.rglob("*") if p.is_file()}


def test_dask_output_equals_the_single_process_output(first_run, engine):
    out, summary = first_run
    expected = sorted((a.to_dict() for a in engine.analyze_many(articles())),
                      key=lambda r: r["article"]["id"])  # fmt: skip
    got = sorted((json.loads(t) for t in read_table(out, "articles").column("record_json")
                  .to_pylist()), key=lambda r: r["article"]["id"])  # fmt: skip
    assert got == expected
    events = read_table(out, "events").to_pylist()
    assert sorted(e["event_id"] for e in events) == sorted(
        e["id"] for r in expected for e in r["events"])  # fmt: skip
    assert summary.articles == len(articles()) and summary.skipped_batches == 0
    assert {p.name for p in (out / "articles").iterdir()} == {
        "month=2020-01", "month=2020-02", "month=2020-03"}  # fmt: skip


def test_a_bad_article_is_an_error_row_and_the_rest_is_written(first_run):
    out, summary = first_run
    errors = read_table(out, "errors").to_pylist()
    assert [(e["article_id"], e["reason"], e["month"]) for e in errors] == [
        ("bad", "the article text is empty", "2020-02")]  # fmt: skip
    feb = {r["id"] for r in read_table(out, "articles").to_pylist() if r["month"] == "2020-02"}
    assert feb == {"t04", "t05", "t06"}
    assert summary.errors == 1


def test_a_rerun_writes_nothing_new(first_run, cluster):
    from flashpoint.scale.dask import run_dask

    out, first = first_run
    before = _files(out)
    again = run_dask(out_dir=out, articles=[*articles(), bad_article()],
                     scheduler=cluster.scheduler_address, batch_size=4)  # fmt: skip
    assert again.skipped_batches == again.batches == first.batches
    assert again.articles == 0
    assert _files(out) == before
    assert not list(out.rglob("*.tmp"))


def test_the_dataset_loads_into_the_store(first_run, tmp_path, engine):
    out, _ = first_run
    with Store.open(tmp_path / "loaded.duckdb") as store:
        loaded = load_parquet_into_store(out, store)
        assert loaded.stored == len(articles())
        assert loaded.failed == [("bad", "the article text is empty")]
        assert store.analysis("t01") == engine.analyze(articles()[1]).to_dict()
        assert load_parquet_into_store(out, store).stored == 0  # already stored


def test_scaled_ingest_on_a_cluster_fills_the_store(cluster, tmp_path):
    from flashpoint.scale.ingest import scaled_ingest
    from flashpoint.settings import Settings

    with Store.open(tmp_path / "scaled.duckdb") as store:
        summary = scaled_ingest([*articles(), bad_article()], store=store, settings=Settings(),
                                scheduler=cluster.scheduler_address,
                                parquet_dir=tmp_path / "parquet")  # fmt: skip
        assert summary.stored == len(articles()) and len(summary.failed) == 1
        assert store.counts()["articles"] == len(articles())


def test_a_failing_task_is_retried(cluster, tmp_path):
    import cloudpickle
    import scale_articles

    from flashpoint.scale.dask import run_dask

    cloudpickle.register_pickle_by_value(scale_articles)  # workers cannot import tests/
    flaky = scale_articles.FlakyFactory(str(tmp_path / "failed-once"))
    summary = run_dask(out_dir=tmp_path / "out", articles=articles()[:2], batch_size=4,
                       scheduler=cluster.scheduler_address, engine_factory=flaky)  # fmt: skip
    assert (tmp_path / "failed-once").exists()
    assert summary.articles == 2 and summary.errors == 0
