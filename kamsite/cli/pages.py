"""`kamsite pages --out DIR`: the generated pages as Markdown files, for builders without plugins.

Zensical (Material's successor) reads mkdocs.yml and a docs folder but runs no
MkDocs plugins; point it at a folder holding content/pages plus these files.
"""

from __future__ import annotations

from pathlib import Path

import click

from kamsite.cli.options import content_option, load_or_exit
from kamsite.graph import GraphvizMissing, RenderError
from kamsite.model import resolve_as_of
from kamsite.pages import write_pages
from kamsite.pipeline import build_pages, cached_renderer, overrides_dir


@click.command()
@content_option
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    required=True,
    help="Folder to write <section>/<id>/index.md files into.",
)
@click.option(
    "--theme",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="The site's theme folder, whose kamsite/ holds layout overrides "
    "(default: theme/ beside the content dir).",
)
def pages(content_dir: Path, out: Path, theme: Path | None) -> None:
    """Write every generated page (dashboard, accounts, strategies, …) as Markdown."""
    result = load_or_exit(content_dir)
    content = result.content
    assert content is not None  # load_or_exit exits otherwise
    try:
        resolve_as_of(content.settings)
    except ValueError as exc:
        raise click.UsageError(str(exc)) from None
    project = content_dir.resolve().parent
    overrides = overrides_dir(theme if theme is not None else project / "theme")
    try:
        generated = build_pages(
            result.keys,
            result.fingerprint,
            content_dir.resolve(),
            lambda: content,
            cached_renderer(),
            overrides,
        ).documents()
    except (GraphvizMissing, RenderError) as exc:
        raise click.ClickException(str(exc)) from None
    write_pages(generated, out)
    click.echo(f"wrote {len(generated)} pages to {out}", err=True)
