"""`kamsite new account ID --name NAME`: a plan skeleton that validates as written."""

from __future__ import annotations

import re
from pathlib import Path

import click

from kamsite import skeleton
from kamsite.cli.options import content_option
from kamsite.model.common import ID_PATTERN


@click.group()
def new() -> None:
    """Create a new content file from a skeleton."""


@new.command("account")
@click.argument("account_id", metavar="ID")
@click.option("--name", required=True, help="The customer's name as people say it.")
@content_option
def new_account(account_id: str, name: str, content_dir: Path) -> None:
    """Write content/accounts/ID.yaml; never overwrites an existing plan."""
    if not re.match(ID_PATTERN, account_id):
        raise click.BadParameter(
            "use 1-64 lowercase letters, digits, '-' or '_', starting with a letter or digit",
            param_hint="ID",
        )
    target = content_dir / "accounts" / f"{account_id}.yaml"
    if target.exists() or target.with_suffix(".yml").exists():
        click.echo(f"{target} already exists; refusing to overwrite it", err=True)
        raise SystemExit(1)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(skeleton.account(account_id, name), encoding="utf-8")
    click.echo(f"wrote {target}")
