"""Strategy KPIs that take their actual from the portfolio (`measure:`, DESIGN.md §3.4).

A measure reads the strategy's accounts, all of them for `scope: portfolio` and the
named one for `scope: account`, as of `as_of`. Sums are in the portfolio unit and
percentages are 0..100, the scale an author writes targets in (`target: 80`). A
measure with nothing to measure is null, so its KPI is `unknown` like one without an
actual, rather than a misleading 0.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from kamsite.model.account import Account, Stakeholder
from kamsite.model.strategy import Measure, Scope, Strategy
from kamsite.score.commercial import total
from kamsite.score.plan import KEY_INFLUENCE, is_stale
from kamsite.score.relationship import FAVOURABLE, is_decider
from kamsite.score.results import AccountScore


@dataclass(frozen=True, slots=True)
class Scored:
    """One account as the measures read it: its plan (people, review) and its scorecard."""

    account: Account
    score: AccountScore


@dataclass(frozen=True, slots=True)
class Basis:
    """What every measure of one strategy reads: its accounts and the staleness rule."""

    accounts: tuple[Scored, ...]
    as_of: dt.date
    stale_after_days: int


def in_scope(strategy: Strategy, accounts: Mapping[str, Scored]) -> tuple[Scored, ...]:
    """All accounts, or the strategy's own one (none when that account is unknown), looked
    up by id so that account strategies cost nothing per account of the portfolio."""
    if strategy.scope is Scope.account:
        found = accounts.get(strategy.account or "")
        return () if found is None else (found,)
    return tuple(accounts.values())


def _percent(people: Sequence[Stakeholder], counted: Callable[[Stakeholder], bool]) -> float | None:
    if not people:
        return None
    return 100 * sum(1 for p in people if counted(p)) / len(people)


def _people(basis: Basis) -> tuple[Stakeholder, ...]:
    """Active stakeholders of all the accounts in one pool: each person weighs the same,
    so an account with many decision makers counts for more than one with a single one."""
    return tuple(p for s in basis.accounts for p in s.account.active_stakeholders)


def _revenue_actual(basis: Basis) -> float | None:
    return total(s.score.revenue_actual for s in basis.accounts)


def _revenue_forecast(basis: Basis) -> float | None:
    """Σ of the `forecast` authors wrote, as the totals' `revenue_forecast`: an account
    without one adds nothing (its actual is not a forecast), unlike the pages' figure
    "expected at year end" (`commercial.year_end`)."""
    return total(s.score.revenue_forecast for s in basis.accounts)


def _weighted_pipeline_fy(basis: Basis) -> float | None:
    return total(s.score.weighted_pipeline_fy for s in basis.accounts)


def _decision_coverage(basis: Basis) -> float | None:
    deciders = [p for p in _people(basis) if is_decider(p)]
    return _percent(deciders, lambda p: p.attitude in FAVOURABLE)


def _key_stakeholders_owned(basis: Basis) -> float | None:
    key = [p for p in _people(basis) if p.influence >= KEY_INFLUENCE]
    return _percent(key, lambda p: p.owner is not None)


def _plans_current(basis: Basis) -> float | None:
    """The STALE_PLAN rule (`plan.is_stale`), so this share and the flags always agree."""
    if not basis.accounts:
        return None
    current = sum(
        1
        for s in basis.accounts
        if not is_stale(s.account.reviewed, basis.as_of, basis.stale_after_days)
    )
    return 100 * current / len(basis.accounts)


_MEASURES: dict[Measure, Callable[[Basis], float | None]] = {
    Measure.revenue_actual: _revenue_actual,
    Measure.revenue_forecast: _revenue_forecast,
    Measure.weighted_pipeline_fy: _weighted_pipeline_fy,
    Measure.decision_coverage: _decision_coverage,
    Measure.key_stakeholders_owned: _key_stakeholders_owned,
    Measure.plans_current: _plans_current,
}


def measure(name: Measure, basis: Basis) -> float | None:
    return _MEASURES[name](basis)
