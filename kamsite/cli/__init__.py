"""`kamsite` command line: thin click adapters over the core.

Each command's module is imported only when that command runs, so `kamsite validate`
(run on every commit by the pre-commit hook) never pays for pages, graphs or git.
"""

from __future__ import annotations

import importlib

import click

from kamsite import __version__

_COMMANDS = {
    "validate": "kamsite.cli.validate",
    "score": "kamsite.cli.score",
    "diff": "kamsite.cli.diff",
    "history": "kamsite.cli.history",
    "graph": "kamsite.cli.graph",
    "pages": "kamsite.cli.pages",
    "schema": "kamsite.cli.schema",
    "new": "kamsite.cli.new",
    "init": "kamsite.cli.init",
}


class _LazyGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(_COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        module = _COMMANDS.get(cmd_name)
        if module is None:
            return None
        command = getattr(importlib.import_module(module), cmd_name)
        assert isinstance(command, click.Command)
        return command


@click.group(cls=_LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="kamsite")
def main() -> None:
    """Key account plans as code: validate, score, draw, review and publish them."""
