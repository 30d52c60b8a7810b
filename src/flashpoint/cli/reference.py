"""docs/cli.md is generated from ``--help`` so the reference cannot drift (a test checks it).

Regenerate with ``.venv/bin/python -m flashpoint.cli.reference > docs/cli.md``.
"""

from __future__ import annotations

import click

from flashpoint.cli.main import cli

HEADER = """# CLI reference

Generated from `flashpoint --help` by `python -m flashpoint.cli.reference > docs/cli.md`;
`tests/cli/test_reference.py` fails when this file and the commands disagree.
"""


def _help(command: click.Command, name: str) -> str:
    context = click.Context(command, info_name=name, terminal_width=100, max_content_width=100)
    return command.get_help(context)


def render() -> str:
    """The whole reference: the group's help, then each command's, in name order."""
    parts = [HEADER, "## flashpoint\n", "```text", _help(cli, "flashpoint"), "```\n"]
    for name in sorted(cli.commands):
        parts += [
            f"## flashpoint {name}\n",
            "```text",
            _help(cli.commands[name], f"flashpoint {name}"),
            "```\n",
        ]
    return "\n".join(parts)


if __name__ == "__main__":  # pragma: no cover
    click.echo(render(), nl=False)
