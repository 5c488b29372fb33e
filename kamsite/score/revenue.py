"""One reconciled set of fiscal-year revenue figures over any set of accounts.

The dashboard, a strategy page and a team page each show revenue for a different set
of accounts (the portfolio, a strategy's, an owner's); computing all of them here, the
same way, is what makes their figures add up: `gap = target − forecast` over the
accounts with a target, exactly the Σ G of DESIGN.md §4.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from kamsite.model.account import Account, RevenueRow
from kamsite.score.commercial import revenue_gap

TOP = 3


def year_end(forecast: float | None, actual: float | None) -> float:
    """What the year is expected to close at: the forecast, else the actual to date, else 0.

    The revenue gap subtracts the same figure, so forecast and gap always reconcile.
    """
    if forecast is not None:
        return forecast
    return actual or 0.0


def at_stake(target: float | None, forecast: float | None, actual: float | None) -> float:
    """Revenue an account puts at stake this year: its target, else its year-end forecast."""
    return target if target is not None else year_end(forecast, actual)


def _year_end(row: RevenueRow | None) -> float:
    return 0.0 if row is None else year_end(row.forecast, row.actual)


@dataclass(frozen=True)
class Revenue:
    """Fiscal-year revenue of a set of accounts, in the portfolio unit.

    `forecast` is Σ year_end (forecast, else actual); `gap` is Σ G over the accounts with a
    target, so `target − gap` is the forecast of those accounts and `unplanned` the forecast
    of the others. `growth` compares the forecast with last year's actual (None without one);
    `share` is the forecast's share of the portfolio's (None when the portfolio's is 0).
    """

    fiscal_year: int
    accounts: int
    target: float
    forecast: float
    actual: float
    gap: float
    unplanned: float
    previous: float
    growth: float | None
    share: float | None


def revenue(accounts: Iterable[Account], fiscal_year: int, portfolio: float | None) -> Revenue:
    """The figures of `accounts`; `portfolio` is the portfolio's forecast, for `share`."""
    count = 0
    target = forecast = actual = gap = unplanned = previous = 0.0
    for a in accounts:
        count += 1
        row = a.revenue_for(fiscal_year)
        expected = _year_end(row)
        forecast += expected
        if row is not None:
            actual += row.actual or 0.0
        g = revenue_gap(row)
        if row is not None and row.target is not None and g is not None:
            target += row.target
            gap += g
        else:
            unplanned += expected
        last = a.revenue_for(fiscal_year - 1)
        if last is not None and last.actual is not None:
            previous += last.actual
    return Revenue(
        fiscal_year=fiscal_year,
        accounts=count,
        target=target,
        forecast=forecast,
        actual=actual,
        gap=gap,
        unplanned=unplanned,
        previous=previous,
        growth=forecast / previous - 1 if previous > 0 else None,
        share=forecast / portfolio if portfolio else None,
    )


def portfolio_revenue(accounts: Sequence[Account], fiscal_year: int) -> Revenue:
    """The whole portfolio: the figures every other set's `share` is taken of."""
    whole = revenue(accounts, fiscal_year, None)
    return revenue(accounts, fiscal_year, whole.forecast)


@dataclass(frozen=True)
class Concentration:
    """How much of the portfolio's forecast a few accounts and each owner carry.

    `top` are the largest accounts by forecast (ties by id), `top_share` their share;
    `owners` maps each account owner (None: accounts without one) to their share, largest
    first.
    """

    top: tuple[str, ...]
    top_share: float | None
    owners: tuple[tuple[str | None, float], ...]


def concentration(accounts: Sequence[Account], fiscal_year: int, top: int = TOP) -> Concentration:
    """One pass over the accounts; shares are of the portfolio's forecast."""
    expected = {a.id: _year_end(a.revenue_for(fiscal_year)) for a in accounts}
    total = sum(expected.values(), 0.0)
    largest = sorted(expected, key=lambda key: (-expected[key], key))[:top]
    owned: dict[str | None, float] = {}
    for a in accounts:
        owned[a.owner] = owned.get(a.owner, 0.0) + expected[a.id]
    owners = sorted(owned.items(), key=lambda item: (-item[1], item[0] is None, item[0] or ""))
    return Concentration(
        top=tuple(largest),
        top_share=sum(expected[k] for k in largest) / total if total > 0 else None,
        owners=tuple((owner, value / total) for owner, value in owners) if total > 0 else (),
    )
