"""`kamsite schema`: write JSON Schemas so editors check plans as they are typed."""

from __future__ import annotations

import json
from pathlib import Path

import click

from kamsite.schema import all_schemas


@click.command()
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Write <kind>.schema.json files here; without it, print all schemas as one JSON object.",
)
def schema(out: Path | None) -> None:
    """JSON Schema (draft-07) for each kind of content file."""
    schemas = all_schemas()
    if out is None:
        click.echo(json.dumps(schemas, indent=2, ensure_ascii=False, sort_keys=True))
        return
    out.mkdir(parents=True, exist_ok=True)
    for kind, body in schemas.items():
        target = out / f"{kind}.schema.json"
        target.write_text(json.dumps(body, indent=2, ensure_ascii=False, sort_keys=True) + "\n")
        click.echo(f"wrote {target}")
