"""`kamsite schema`: JSON Schemas so editors check plans as they are typed, and the field
reference rendered from them."""

from __future__ import annotations

import json
from pathlib import Path

import click

from kamsite.reference import render_reference
from kamsite.schema import all_schemas


@click.command()
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Write <kind>.schema.json files (or reference.md) here; without it, print to stdout.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["json", "markdown"]),
    default="json",
    show_default=True,
    help="json: the schemas (draft-07); markdown: the field reference of every content file.",
)
def schema(out: Path | None, fmt: str) -> None:
    """JSON Schema (draft-07) for each kind of content file, or the field reference."""
    if fmt == "markdown":
        _emit(render_reference(), None if out is None else out / "reference.md")
    elif out is None:
        _emit(_json(all_schemas()), None)
    else:
        for kind, body in all_schemas().items():
            _emit(_json(body), out / f"{kind}.schema.json")


def _json(value: object) -> str:
    return json.dumps(value, indent=2, ensure_ascii=False, sort_keys=True) + "\n"


def _emit(text: str, target: Path | None) -> None:
    if target is None:
        click.echo(text, nl=False)
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    click.echo(f"wrote {target}")
