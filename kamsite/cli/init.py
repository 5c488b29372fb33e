"""`kamsite init DIR`: a new portfolio repository that validates, builds and reviews at once."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import click

from kamsite import __version__, scaffold
from kamsite.schema import all_schemas


def _files(language: str, name: str | None) -> dict[str, str]:
    out = scaffold.render(language, name, __version__, dt.date.today())
    for kind, body in all_schemas().items():
        text = json.dumps(body, indent=2, ensure_ascii=False, sort_keys=True) + "\n"
        out[f"schemas/{kind}.schema.json"] = text
    return dict(sorted(out.items()))


@click.command()
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path))
@click.option(
    "--language",
    type=click.Choice(scaffold.LANGUAGES),
    default="en",
    show_default=True,
    help="Language of the site and the example content.",
)
@click.option("--name", default=None, help="The portfolio's name (the site title).")
@click.option(
    "--force",
    is_flag=True,
    help="Write into a non-empty DIR; files already there are kept, never overwritten.",
)
def init(directory: Path, language: str, name: str | None, force: bool) -> None:
    """Scaffold a portfolio repository: content, mkdocs.yml, CI workflows, editor schemas."""
    if directory.exists() and any(directory.iterdir()) and not force:
        raise click.UsageError(f"{directory} is not empty; pass --force to add the missing files")
    written, kept = [], []
    for path, text in _files(language, name).items():
        target = directory / path
        if target.exists():
            kept.append(path)
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8", newline="\n")
        written.append(path)
    for path in written:
        click.echo(f"wrote {directory / path}")
    for path in kept:
        click.echo(f"kept  {directory / path} (already there)")
    click.echo(
        f"\nNext: cd {directory} && pip install -r requirements.txt && kamsite validate "
        "&& mkdocs serve",
        err=True,
    )
