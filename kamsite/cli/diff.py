"""`kamsite diff`: what a change does to the portfolio, for the PR review (DESIGN.md §7, §8)."""

from __future__ import annotations

from pathlib import Path

import click

from kamsite.cli.options import content_option, echo
from kamsite.diff import (
    RevisionError,
    compare,
    find_repo,
    read_revision,
    read_working_tree,
    render_json,
    render_markdown,
)


@click.command()
@click.argument("base")
@click.argument("head", required=False)
@content_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["markdown", "json"]),
    default="markdown",
    show_default=True,
)
def diff(base: str, head: str | None, content_dir: Path, fmt: str) -> None:
    """Compare BASE with HEAD (git revisions; HEAD defaults to the working tree).

    Exit 0 with a report, even when a side has validation errors (the report lists them);
    2 when a revision or the repository cannot be found.
    """
    try:
        repo = find_repo(content_dir)
        before = read_revision(repo, base)
        after = read_revision(repo, head) if head is not None else read_working_tree(repo)
    except RevisionError as exc:
        raise click.UsageError(str(exc)) from None
    result = compare(before, after, content_dir=repo.content_name)
    echo(render_json(result) if fmt == "json" else render_markdown(result))
