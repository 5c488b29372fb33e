"""`kamsite diff`: what a change does to the portfolio, for the PR review (DESIGN.md §7, §8)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path

import click

from kamsite.cache import cache_root
from kamsite.cli.options import content_option, echo
from kamsite.diff import (
    RevisionError,
    Snapshot,
    compare,
    find_repo,
    read_revision,
    read_working_tree,
    render_json,
    render_markdown,
)
from kamsite.diff.markdown import REPORT_LIMIT, SUMMARY_LIMIT
from kamsite.diff.picture import change_diagrams
from kamsite.graph.render import (
    Diagram,
    GraphvizMissing,
    Renderer,
    RenderError,
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
@click.option(
    "--graphs",
    "graphs_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Also write <account>.svg here: the decision-chain change of each changed account.",
)
@click.option(
    "--max-chars",
    type=click.IntRange(10_000, SUMMARY_LIMIT),
    default=REPORT_LIMIT,
    show_default=True,
    help=f"Markdown only: cut between items, largest changes first, to fit a PR comment "
    f"(up to {SUMMARY_LIMIT:,} still fits a 1 MiB job summary).",
)
@click.option(
    "--base-label",
    metavar="TEXT",
    help="Name BASE in the report (e.g. main) instead of the revision as given; its short "
    "commit id stays beside the name.",
)
@click.option(
    "--head-label",
    metavar="TEXT",
    help="Name HEAD in the report (e.g. 'this branch'); as --base-label.",
)
def diff(
    base: str,
    head: str | None,
    content_dir: Path,
    fmt: str,
    graphs_dir: Path | None,
    max_chars: int,
    base_label: str | None,
    head_label: str | None,
) -> None:
    """Compare BASE with HEAD (git revisions; HEAD defaults to the working tree).

    Exit 0 with a report, even when a side has validation errors (the report lists them);
    2 when a revision or the repository cannot be found.
    """
    try:
        repo = find_repo(content_dir)
        before = _named(read_revision(repo, base), base_label)
        after = read_revision(repo, head) if head is not None else read_working_tree(repo)
        after = _named(after, head_label)
    except RevisionError as exc:
        raise click.UsageError(str(exc)) from None
    result = compare(before, after, content_dir=repo.content_name)
    echo(render_json(result) if fmt == "json" else render_markdown(result, max_chars))
    if graphs_dir is not None:
        _write_graphs(change_diagrams(result, before, after), graphs_dir)


def _named(snapshot: Snapshot, label: str | None) -> Snapshot:
    """A side under the caller's name: CI compares commit ids but names them as branches."""
    return replace(snapshot, name=label) if label else snapshot


def _write_graphs(diagrams: Mapping[str, Diagram], target: Path) -> None:
    """Standalone SVG files (Graphviz's own, with their XML prolog), one per account."""
    keys = sorted(diagrams)
    try:
        svgs = Renderer(cache_root()).raw_many([diagrams[k].dot for k in keys])
    except (GraphvizMissing, RenderError) as exc:
        raise click.ClickException(str(exc)) from None
    target.mkdir(parents=True, exist_ok=True)
    for key, svg in zip(keys, svgs, strict=True):
        (target / f"{key}.svg").write_text(svg, encoding="utf-8")
