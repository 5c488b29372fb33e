"""Options and output helpers every command shares."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from kamsite.diagnostics import as_text, summary
from kamsite.validate import ValidationResult, validate_content

content_option = click.option(
    "--content",
    "content_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("content"),
    show_default=True,
    help="The content directory (portfolio.yaml, team.yaml, accounts/, strategies/).",
)


def load_or_exit(content_dir: Path) -> ValidationResult:
    """Validate; on errors print them to stderr and exit 1: consumers need valid content."""
    result = validate_content(content_dir)
    if not result.ok or result.content is None:
        click.echo(as_text(result.diagnostics), err=True, nl=False)
        click.echo(summary(result.diagnostics, result.files), err=True)
        raise SystemExit(1)
    return result


def echo(text: str, **kwargs: Any) -> None:
    click.echo(text, nl=False, **kwargs)
