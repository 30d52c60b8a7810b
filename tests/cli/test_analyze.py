from __future__ import annotations

import json

from click.testing import CliRunner

from flashpoint.cli.main import cli
from flashpoint.validate import span_problems

GOOD_ONE = "Iran condemned the US sanctions on Monday."
GOOD_TWO = "Russia and Iran held talks in Moscow on Tuesday."


def run(*args: str, input: str | None = None):  # noqa: A002
    return CliRunner().invoke(cli, list(args), input=input, catch_exceptions=False)


def test_jsonl_batch_keeps_order_and_reports_bad_items(tmp_path):
    path = tmp_path / "batch.jsonl"
    path.write_bytes(
        b"\n".join(
            [
                json.dumps({"id": "a", "text": GOOD_ONE, "date": "2020-01-06"}).encode(),
                b"{broken",
                json.dumps({"id": "c", "text": ""}).encode(),
                json.dumps({"id": "d", "text": GOOD_TWO}).encode(),
            ]
        )
    )
    result = run("analyze", str(path), "--format", "jsonl")
    assert result.exit_code == 1
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r.get("article", {}).get("id") or r["error"]["id"] for r in records][0] == "a"
    assert [("error" in r) for r in records] == [False, True, True, False]
    assert "not valid JSON" in records[1]["error"]["reason"]
    assert records[3]["article"]["id"] == "d"
    for record in (records[0], records[3]):
        assert span_problems(record) == []


def test_json_for_one_article_from_stdin_with_metadata():
    result = run(
        "analyze",
        "-",
        "--format",
        "json",
        "--date",
        "2020-01-06",
        "--source",
        "Desk",
        input=GOOD_ONE,
    )
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout)
    assert record["schema"] == "flashpoint.article/1"
    assert record["article"]["published"] == "2020-01-06" and record["article"]["source"] == "Desk"


def test_garbage_files_fail_one_by_one(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)))
    (tmp_path / "latin.txt").write_bytes("Caf\u00e9 diplomacy in Paris.".encode("latin-1"))
    (tmp_path / "good.txt").write_text(GOOD_TWO, encoding="utf-8")
    result = run("analyze", str(tmp_path), "--format", "jsonl")
    assert result.exit_code == 1
    records = [json.loads(line) for line in result.stdout.splitlines()]
    reasons = {
        r["error"]["id"].rsplit("/", 1)[-1]: r["error"]["reason"] for r in records if "error" in r
    }
    assert set(reasons) == {"empty.txt", "binary.txt", "latin.txt"}
    assert (
        "binary" in reasons["binary.txt"]
        and "UTF-8" in reasons["latin.txt"]
        and "empty" in reasons["empty.txt"]
    )
    assert sum("article" in r for r in records) == 1


def test_usage_errors_exit_2(tmp_path):
    assert run("analyze", str(tmp_path / "nope.txt")).exit_code == 2
    assert run("analyze", "-", "--date", "25/02/2020", input=GOOD_ONE).exit_code == 2


def test_table_view_shows_events_and_evidence():
    result = run("analyze", "-", "--date", "2020-01-06", input=GOOD_ONE)
    assert result.exit_code == 0
    assert "Events" in result.stdout and "sanctions" in result.stdout
