"""`kamsite` command line: thin click adapters over the core (DESIGN.md §7)."""

from __future__ import annotations

import click

from kamsite import __version__
from kamsite.cli.diff import diff
from kamsite.cli.graph import graph
from kamsite.cli.init import init
from kamsite.cli.new import new
from kamsite.cli.pages import pages
from kamsite.cli.schema import schema
from kamsite.cli.score import score
from kamsite.cli.validate import validate


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="kamsite")
def main() -> None:
    """Key account plans as code: validate, score, draw and review them."""


for command in (validate, score, diff, graph, pages, schema, new, init):
    main.add_command(command)
