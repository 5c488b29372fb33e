"""`kamsite new account|strategy ID`: a skeleton that validates as written."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path
from typing import TypeVar

import click
from pydantic import ValidationError

from kamsite import skeleton
from kamsite.cli.options import content_option
from kamsite.load import LoadError, parse
from kamsite.model import PortfolioSettings, Strategy, Team
from kamsite.model.common import ID_PATTERN

_Model = TypeVar("_Model", PortfolioSettings, Team, Strategy)


@click.group()
def new() -> None:
    """Create a new content file from a skeleton."""


@new.command("account")
@click.argument("account_id", metavar="ID")
@click.option("--name", required=True, help="The customer's name as people say it.")
@content_option
def new_account(account_id: str, name: str, content_dir: Path) -> None:
    """Write content/accounts/ID.yaml; never overwrites an existing plan."""
    text = skeleton.account(_checked(account_id), name, _context(content_dir))
    _write(content_dir / "accounts" / f"{account_id}.yaml", text)


@new.command("strategy")
@click.argument("strategy_id", metavar="ID")
@click.option("--title", required=True, help="The strategy's title.")
@content_option
def new_strategy(strategy_id: str, title: str, content_dir: Path) -> None:
    """Write content/strategies/ID.yaml; never overwrites an existing strategy."""
    text = skeleton.strategy(_checked(strategy_id), title, _context(content_dir))
    _write(content_dir / "strategies" / f"{strategy_id}.yaml", text)


def _checked(ident: str) -> str:
    if not re.match(ID_PATTERN, ident):
        raise click.BadParameter(
            "use 1-64 lowercase letters, digits, '-' or '_', starting with a letter or digit",
            param_hint="ID",
        )
    return ident


def _write(target: Path, text: str) -> None:
    if target.exists() or target.with_suffix(".yml").exists():
        click.echo(f"{target} already exists; refusing to overwrite it", err=True)
        raise SystemExit(1)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    click.echo(f"wrote {target}")


def _read(path: Path, model: type[_Model]) -> _Model | None:
    """A content file's model, or None when it is missing or does not validate."""
    try:
        return model.model_validate(parse(path.read_bytes()).data)
    except (OSError, LoadError, ValidationError):
        return None


def _context(content_dir: Path) -> skeleton.Context:
    """The examples name this portfolio's own criteria, people, objectives and accounts."""
    team = _read(content_dir / "team.yaml", Team)
    context = skeleton.Context(members=tuple(m.id for m in team.members) if team else ())
    settings = _read(content_dir / "portfolio.yaml", PortfolioSettings)
    if settings is not None:
        context = replace(
            context,
            fiscal_year=settings.fiscal_year,
            attractiveness=tuple(settings.scoring.attractiveness),
            strength=tuple(settings.scoring.strength),
        )
    paths = sorted(content_dir.glob("strategies/*.yaml"))
    mapped = (s for path in paths if (s := _read(path, Strategy)) is not None and s.map)
    strategy = next(mapped, None)
    if strategy is not None:
        context = replace(context, objective=f"{strategy.id}/{strategy.map[0].id}")
    accounts = sorted(p.stem for p in content_dir.glob("accounts/*.yaml"))
    if accounts and re.match(ID_PATTERN, accounts[0]):
        context = replace(context, account=accounts[0])
    return context
