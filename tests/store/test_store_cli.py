"""The corpus commands through click's CliRunner, over real store files."""

from __future__ import annotations

import csv
import datetime as dt
import json

import duckdb
import pytest
from click.testing import CliRunner
from store_factory import Spec, StubEngine, make_analysis

from flashpoint.cli.main import cli
from flashpoint.store import Store
from flashpoint.store.export import GDELT_COLUMNS


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "cli.duckdb"
    with Store.open(path) as store:
        store.write([
            make_analysis("a1", [Spec("USA", "SANCTION", "IRN", date="2020-01-03"),
                                 Spec("RUS", "AGREE", "IRN"),
                                 Spec("USA", "ASSAULT", "IRN", modality="future")],
                          published=dt.date(2020, 1, 6)),
            make_analysis("a2", [Spec("IRN", "THREATEN", "USA"), Spec("RUS", "AID", "IRN")],
                          published=dt.date(2020, 2, 10), title="<script>alert(1)</script>"),
        ])  # fmt: skip
    return path


def run(*args: str, **kwargs):
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False, **kwargs)


def test_events_in_every_format(db):
    result = run("events", "--db", db, "--format", "json", "--actor", "usa")
    assert result.exit_code == 0
    found = json.loads(result.stdout)
    assert [(e["type"], e["modality"]) for e in found] == [("SANCTION", "asserted"),
                                                            ("ASSAULT", "future")]  # fmt: skip
    assert found[0]["evidence_text"] == "USA sanctioned IRN."
    rows = list(csv.DictReader(run("events", "--db", db, "--format", "csv").stdout.splitlines()))
    assert len(rows) == 5 and rows[0]["type"] == "SANCTION"
    table = run("events", "--db", db, "--modality", "asserted", "--since", "2020-02-01",
                env={"COLUMNS": "200"}).stdout  # fmt: skip
    assert "THREATEN" in table and "SANCTION" not in table


def test_events_without_a_store_is_a_usage_error(tmp_path):
    result = run("events", "--db", tmp_path / "none.duckdb")
    assert result.exit_code == 2 and "flashpoint ingest" in result.stderr


def test_dyad_network_alerts_quotes(db):
    series = json.loads(run("dyad", "USA", "IRN", "--db", db, "--format", "json").stdout)
    assert [(r["period"], r["events"], r["quad4"], r["quad3"], r["future"]) for r in series] == [
        ("2020-01-01", 1, 1, 0, 1), ("2020-02-01", 1, 0, 1, 0)]  # fmt: skip
    weekly = run("dyad", "usa", "irn", "--db", db, "--by", "week", "--directed", "--format", "csv")
    assert weekly.exit_code == 0 and weekly.stdout.startswith("period,events,")

    edges = json.loads(run("network", "--db", db, "--format", "json").stdout)
    signs = {(e["source"], e["target"]): e["sign"] for e in edges}
    assert signs == {("IRN", "USA"): -1, ("IRN", "RUS"): 1}
    mine = json.loads(run("network", "--db", db, "--actor", "IRN", "--format", "json").stdout)
    assert [(n["relation"], n["partner"]) for n in mine] == [("partner", "RUS"), ("rival", "USA")]

    assert json.loads(run("alerts", "--db", db, "--format", "json").stdout) == []
    quotes = json.loads(
        run("quotes", "--db", db, "--speaker", "Minister", "--format", "json").stdout
    )
    assert [q["content_text"] for q in quotes] == ["We stand firm"] * 2


def test_check_passes_then_finds_a_corrupted_span(db):
    result = run("check", "--db", db)
    assert result.exit_code == 0 and "ok" in result.stdout and "events 5" in result.stdout
    conn = duckdb.connect(str(db))
    conn.execute("UPDATE events SET evidence_start = evidence_start + 1 WHERE event_id = 'e2'")
    conn.close()
    result = run("check", "--db", db)
    assert result.exit_code == 1
    assert "evidence span does not slice back: 2" in result.stderr


def test_gdelt_export_has_61_csv_columns_and_loads_in_duckdb(db, tmp_path):
    out = tmp_path / "events.gdelt.csv"
    result = run("export", "--db", db, "--format", "gdelt", "--out", out)
    assert result.exit_code == 0 and "exported 4 events" in result.stderr
    with out.open(encoding="utf-8", newline="") as f:
        lines = list(csv.reader(f))
    assert len(lines) == 5 and all(len(line) == 61 for line in lines)
    relation = duckdb.sql(f"SELECT * FROM read_csv('{out}')")
    assert relation.columns == list(GDELT_COLUMNS) and len(GDELT_COLUMNS) == 61
    rows = relation.order("SQLDATE").fetchall()
    first = dict(zip(relation.columns, rows[0], strict=True))
    assert (first["SQLDATE"], first["Actor1Code"], first["Actor1CountryCode"]) == (
        20200103, "USAGOV", "USA")  # fmt: skip
    assert (first["Actor2CountryCode"], first["EventCode"], first["EventRootCode"]) == (
        "IRN", "163", "16")  # fmt: skip
    assert (first["QuadClass"], first["GoldsteinScale"], first["NumMentions"]) == (4, -8.0, 1)
    assert (
        first["SOURCEURL"] == "https://example.org/a1" and first["ActionGeo_CountryCode"] == "CHE"
    )
    assert len({row[0] for row in rows}) == 4  # GLOBALEVENTID unique


def test_gdelt_columns_match_the_codebook(shared_dir):
    names = [row["name"] for row in csv.DictReader(
        (shared_dir / "formats" / "gdelt2_events_schema.csv").open(encoding="utf-8"))]  # fmt: skip
    assert tuple(names) == GDELT_COLUMNS


def test_plover_export_is_json_lines(db):
    result = run("export", "--db", db, "--format", "plover", "--modality", "all")
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(records) == 5
    first = records[0]
    assert first["id"] == "a1-e1" and first["date"] == "2020-01-03"
    assert first["actor"] == [{"code": "USA", "sector": "GOV", "entity_text": "USA"}]
    assert first["event"] == ["SANCTION"] and first["event_text"] == ["USA sanctioned IRN."]


def test_ingest_stores_logs_failures_and_resumes(tmp_path):
    source = tmp_path / "news.jsonl"
    source.write_text(
        '{"id": "j1", "text": "Missiles hit the base. Later.", "date": "2020-01-03"}\n'
        "this line is not JSON\n"
        '{"id": "j2", "text": "Troops moved. Then.", "date": "2020-01-04"}\n',
        encoding="utf-8",
    )
    db = tmp_path / "in.duckdb"
    first = run("ingest", source, "--db", db, "--batch-size", "2", obj={"engine": StubEngine()})
    assert first.exit_code == 1
    assert "2 stored" in first.stdout and "1 failed" in first.stdout
    assert "news.jsonl:2" in first.stderr
    engine = StubEngine()
    second = run("ingest", source, "--db", db, obj={"engine": engine})
    assert "0 stored" in second.stdout and "2 unchanged" in second.stdout
    assert engine.analysed == []
    with Store.open(db, read_only=True) as store:
        assert [a["id"] for a in store.articles()] == ["j2", "j1"]
        assert len(store.runs()) == 2 and len(store.errors()) == 2


def test_ingest_of_a_missing_path_is_a_usage_error(tmp_path):
    result = run("ingest", tmp_path / "nope.jsonl", "--db", tmp_path / "x.duckdb")
    assert result.exit_code == 2 and "no such file" in result.stderr


def test_every_corpus_command_has_help():
    from flashpoint.cli.store_cmds import COMMANDS

    for command in COMMANDS:
        assert command.help, command.name
        assert run(command.name, "--help").exit_code == 0


def test_parquet_export_loads_in_duckdb_and_pandas(db, tmp_path):
    out = tmp_path / "it's events.parquet"  # a quote in the path must not break the COPY
    result = run("export", "--db", db, "--format", "parquet", "--out", out, "--modality", "all")
    assert result.exit_code == 0 and "exported 5 events" in result.stderr
    relation = duckdb.sql(f"SELECT * FROM read_parquet('{str(out).replace(chr(39), chr(39) * 2)}')")
    assert relation.shape[0] == 5 and "evidence_text" in relation.columns
    import pandas

    frame = pandas.read_parquet(out)
    assert frame["type"].tolist()[0] == "SANCTION"
    assert run("export", "--db", db, "--format", "parquet").exit_code == 2


def test_gdelt_export_loads_in_pandas(db, tmp_path):
    import pandas

    out = tmp_path / "events.csv"
    run("export", "--db", db, "--format", "gdelt", "--out", out)
    frame = pandas.read_csv(out)
    assert frame.shape == (4, 61)
