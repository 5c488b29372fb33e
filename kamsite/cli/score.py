"""`kamsite score`: the §4 scores of a validated portfolio as a table, §7 JSON or CSV."""

from __future__ import annotations

from pathlib import Path

import click

from kamsite.cli.options import content_option, load_or_exit
from kamsite.diagnostics import as_text, inert, inert_json
from kamsite.model import resolve_as_of
from kamsite.score import score_portfolio
from kamsite.score.report import RENDERERS


@click.command()
@content_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(list(RENDERERS)),
    default="table",
    show_default=True,
)
def score(content_dir: Path, fmt: str) -> None:
    """Score every account and strategy as of portfolio.as_of, $KAMSITE_AS_OF or today."""
    result = load_or_exit(content_dir)
    assert result.content is not None  # load_or_exit exits otherwise
    click.echo(as_text(result.diagnostics), err=True, nl=False)
    try:
        as_of = resolve_as_of(result.content.settings)
    except ValueError as exc:
        raise click.UsageError(str(exc)) from None
    text = RENDERERS[fmt](score_portfolio(result.content, as_of))
    # CI logs what is printed: no workflow command from a name (JSON keeps its data exact).
    text = inert_json(text) if fmt == "json" else inert(text)
    # Echoed as bytes: the CSV BOM and Chinese names must not depend on the locale.
    click.echo(text.encode("utf-8"), nl=False)
