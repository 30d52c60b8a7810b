from pathlib import Path

from flashpoint.cli.main import cli
from flashpoint.cli.reference import render

DOC = Path(__file__).resolve().parents[2] / "docs" / "cli.md"


def test_cli_reference_matches_the_commands():
    assert DOC.read_text(encoding="utf-8") == render(), (
        "docs/cli.md is out of date: run `.venv/bin/python -m flashpoint.cli.reference > docs/cli.md`"
    )


def test_every_command_and_option_is_in_the_reference():
    text = DOC.read_text(encoding="utf-8")
    for name, command in cli.commands.items():
        assert f"## flashpoint {name}" in text
        for param in command.params:
            for opt in getattr(param, "opts", []):
                if opt.startswith("--"):
                    assert opt in text, f"{name} {opt} missing from docs/cli.md"
