"""The validated portfolio as one value: what scoring, graphs and pages consume."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping
from dataclasses import dataclass, field

from kamsite.model.account import Account
from kamsite.model.portfolio import PortfolioSettings
from kamsite.model.strategy import Strategy
from kamsite.model.team import Member, Team

AS_OF_ENV = "KAMSITE_AS_OF"


@dataclass(frozen=True)
class Content:
    """Everything that validated; accounts and strategies keyed and sorted by id."""

    settings: PortfolioSettings
    team: Team
    accounts: Mapping[str, Account] = field(default_factory=dict)
    strategies: Mapping[str, Strategy] = field(default_factory=dict)

    def member(self, member_id: str | None) -> Member | None:
        if member_id is None:
            return None
        return next((m for m in self.team.members if m.id == member_id), None)


def resolve_as_of(
    settings: PortfolioSettings,
    environ: Mapping[str, str] | None = None,
    today: dt.date | None = None,
) -> dt.date:
    """`portfolio.as_of`, else env KAMSITE_AS_OF, else today."""
    return as_of_date(settings.as_of, environ, today)


def as_of_inputs() -> str:
    """What decides `as_of` when portfolio.yaml names none (`$KAMSITE_AS_OF`, else today):
    part of the key of every cached result that depends on `as_of`."""
    return f"{os.environ.get(AS_OF_ENV, '')}\0{dt.date.today().isoformat()}"


def as_of_date(
    declared: dt.date | None,
    environ: Mapping[str, str] | None = None,
    today: dt.date | None = None,
) -> dt.date:
    """The same rule for a declared `as_of` read without a valid portfolio.yaml (validation)."""
    if declared is not None:
        return declared
    env = os.environ if environ is None else environ
    raw = env.get(AS_OF_ENV)
    if raw:
        try:
            return dt.date.fromisoformat(raw)
        except ValueError:
            raise ValueError(f"{AS_OF_ENV}={raw!r} is not a date written YYYY-MM-DD") from None
    return today or dt.date.today()
