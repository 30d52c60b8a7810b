"""Docs that can drift are checked against the code (the CLI reference has its own test)."""

from dataclasses import fields
from pathlib import Path

from flashpoint.settings import Settings

ROOT = Path(__file__).resolve().parent.parent


def test_every_setting_is_in_the_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for setting in fields(Settings):
        assert f"FLASHPOINT_{setting.name.upper()}" in readme, setting.name
        assert setting.metadata.get("help"), f"setting {setting.name} has no help text"


def test_readme_links_point_to_files_that_exist():
    import re

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for target in re.findall(r"\]\(((?:docs|src|examples)/[^)#]+)\)", readme):
        assert (ROOT / target).exists(), target
