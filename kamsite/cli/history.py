"""`kamsite history`: one scored point per content commit, as a table, JSON or CSV."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from kamsite.cli.options import content_option
from kamsite.diagnostics import inert, inert_json
from kamsite.history import HistoryUnavailable, Point, RevisionError, read_history
from kamsite.history.report import RENDERERS


@click.command()
@content_option
@click.option(
    "--rev", metavar="REV", default="HEAD", show_default=True, help="The tip of the history."
)
@click.option(
    "--since",
    metavar="YYYY-MM-DD",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    help="Only commits with this committer date or later.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(list(RENDERERS)),
    default="table",
    show_default=True,
)
def history(content_dir: Path, rev: str, since: dt.datetime | None, fmt: str) -> None:
    """Score each commit of REV's first-parent history that changed the content, oldest first,
    as of its portfolio.as_of, else its committer date."""
    points: list[Point] = []
    try:
        points = read_history(content_dir, rev=rev, since=since.date() if since else None)
    except HistoryUnavailable as exc:
        click.echo(inert(f"history unavailable: {exc}"), err=True)
    except RevisionError as exc:
        raise click.UsageError(str(exc)) from None
    text = RENDERERS[fmt](points)
    # CI logs what is printed: no workflow command from a name (JSON keeps its data exact).
    text = inert_json(text) if fmt == "json" else inert(text)
    click.echo(text.encode("utf-8"), nl=False)
