"""`kamsite graph ID`: an account's decision chain or a strategy's map, as SVG or DOT."""

from __future__ import annotations

from pathlib import Path

import click

from kamsite.cli.options import content_option, load_or_exit
from kamsite.graph import Diagram, GraphvizMissing, RenderError
from kamsite.model import Content, resolve_as_of
from kamsite.pipeline import account_diagram, cached_renderer, strategy_diagram
from kamsite.score import score_portfolio


def _diagram(content: Content, item: str, kind: str) -> Diagram:
    in_accounts = item in content.accounts and kind in ("auto", "account")
    in_strategies = item in content.strategies and kind in ("auto", "strategy")
    if in_accounts and in_strategies:
        raise click.UsageError(f"{item} is both an account and a strategy: pass --kind")
    if not in_accounts and not in_strategies:
        raise click.UsageError(f"no account or strategy with id {item}")
    try:
        as_of = resolve_as_of(content.settings)
    except ValueError as exc:
        raise click.UsageError(str(exc)) from None
    scores = score_portfolio(content, as_of)
    if in_accounts:
        return account_diagram(content, scores, item)
    return strategy_diagram(content, scores, item)


@click.command()
@click.argument("item", metavar="ACCOUNT_OR_STRATEGY")
@content_option
@click.option(
    "--format", "fmt", type=click.Choice(["svg", "dot"]), default="svg", show_default=True
)
@click.option(
    "--kind",
    type=click.Choice(["auto", "account", "strategy"]),
    default="auto",
    show_default=True,
    help="Only needed when an account and a strategy share the id.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Write to this file instead of stdout.",
)
def graph(item: str, content_dir: Path, fmt: str, kind: str, output: Path | None) -> None:
    """Draw an account's decision chain or a strategy's map (DESIGN.md §5)."""
    result = load_or_exit(content_dir)
    assert result.content is not None  # load_or_exit exits otherwise
    diagram = _diagram(result.content, item, kind)
    if fmt == "dot":
        text = diagram.dot
    else:
        try:
            text = cached_renderer().svg(diagram)
        except (GraphvizMissing, RenderError) as exc:
            raise click.ClickException(str(exc)) from None
    if output is None:
        # Bytes, so Chinese labels never depend on the terminal's locale.
        click.echo(text.encode("utf-8"), nl=False)
    else:
        output.write_text(text, encoding="utf-8")
