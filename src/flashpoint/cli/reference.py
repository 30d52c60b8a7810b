"""docs/cli.md is generated from ``--help`` so the reference cannot drift (a test checks it).

Regenerate with ``.venv/bin/python -m flashpoint.cli.reference > docs/cli.md``.
"""

from __future__ import annotations

import click
from click.testing import CliRunner

from flashpoint.cli.main import cli

HEADER = """# CLI reference

Generated from `flashpoint --help` by `python -m flashpoint.cli.reference > docs/cli.md`;
`tests/cli/test_reference.py` fails when this file and the commands disagree.
"""


def _help(*args: str) -> str:
    """Exactly what ``flashpoint ARGS --help`` prints, at a fixed width of 100 columns."""
    result = CliRunner().invoke(cli, [*args, "--help"], terminal_width=100)
    if result.exit_code != 0:
        raise RuntimeError(f"flashpoint {' '.join(args)} --help failed: {result.output}")
    return result.output.rstrip("\n")


def render() -> str:
    """The whole reference: the group's help, then each command's, in name order."""
    parts = [HEADER, "## flashpoint\n", "```text", _help(), "```\n"]
    for name in sorted(cli.commands):
        parts += [f"## flashpoint {name}\n", "```text", _help(name), "```\n"]
    return "\n".join(parts)


if __name__ == "__main__":  # pragma: no cover
    click.echo(render(), nl=False)
