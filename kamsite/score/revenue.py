"""One reconciled set of fiscal-year revenue figures over any set of accounts.

The dashboard, a strategy page and a team page each show revenue for a different set
of accounts (the portfolio, a strategy's, an owner's); computing all of them here, the
same way, from the account scorecards, is what makes their figures add up:
`gap = target − expected` over the accounts with a target, exactly the Σ G of DESIGN.md §4.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from kamsite.score.commercial import total, year_end
from kamsite.score.measures import Scored
from kamsite.score.numbers import r6
from kamsite.score.results import AccountScore

TOP = 3


def expected(score: AccountScore) -> float:
    """The account's FY revenue expected at year end (`commercial.year_end`): what G subtracts."""
    return year_end(score.revenue_forecast, score.revenue_actual)


@dataclass(frozen=True, slots=True)
class Revenue:
    """Fiscal-year revenue of a set of accounts, in the portfolio unit.

    `expected` is Σ year_end (forecast, else actual to date); `gap` is Σ G over the accounts
    with a target, so `target − gap` is what those accounts are expected to close at and
    `unplanned` what the others are. `growth` compares like with like: the expected revenue
    of the `compared` accounts that have last year's actual against that actual (`previous`);
    None when no account has one. `share` is `expected` over the portfolio's (None when the
    portfolio's is 0).
    """

    fiscal_year: int
    target: float
    expected: float
    actual: float
    gap: float
    unplanned: float
    compared: int
    previous: float
    growth: float | None
    share: float | None


def revenue(accounts: Iterable[Scored], fiscal_year: int, portfolio: float | None) -> Revenue:
    """The figures of `accounts` from their scorecards; the plan gives only last year's actual.

    `portfolio` is the portfolio's expected revenue, for `share`.
    """
    scored = tuple(accounts)
    scores = [s.score for s in scored]
    rows = [(s.score, s.account.revenue_for(fiscal_year - 1)) for s in scored]
    compared = [
        (score, row.actual) for score, row in rows if row is not None and row.actual is not None
    ]
    previous = sum((actual for _, actual in compared), 0.0)
    now = sum((expected(score) for score, _ in compared), 0.0)
    whole = sum((expected(s) for s in scores), 0.0)
    return Revenue(
        fiscal_year=fiscal_year,
        target=total(s.revenue_target for s in scores) or 0.0,
        expected=whole,
        actual=total(s.revenue_actual for s in scores) or 0.0,
        gap=total(s.revenue_gap for s in scores) or 0.0,
        unplanned=sum((expected(s) for s in scores if s.revenue_gap is None), 0.0),
        compared=len(compared),
        previous=previous,
        growth=now / previous - 1 if previous > 0 else None,
        share=whole / portfolio if portfolio else None,
    )


@dataclass(frozen=True, slots=True)
class Concentration:
    """How much of the portfolio's expected revenue a few accounts and each owner carry.

    `top` are the largest accounts by expected revenue (ties by id), `top_share` their share;
    `owners` each account owner (None: accounts without one) with the revenue of the accounts
    they own, its `share` of the portfolio's, largest first: the figures the team pages show.
    """

    top: tuple[str, ...]
    top_share: float | None
    owners: tuple[tuple[str | None, Revenue], ...]


def concentration(accounts: Sequence[Scored], fiscal_year: int, top: int = TOP) -> Concentration:
    """Linear in the accounts: one pass to group them, one `revenue` per owner's group."""
    by_id = {s.account.id: expected(s.score) for s in accounts}
    whole = sum(by_id.values(), 0.0)
    largest = sorted(by_id, key=lambda key: (-r6(by_id[key]), key))[:top]
    groups: dict[str | None, list[Scored]] = {}
    for s in accounts:
        groups.setdefault(s.account.owner, []).append(s)
    owned = [(owner, revenue(group, fiscal_year, whole)) for owner, group in groups.items()]
    return Concentration(
        top=tuple(largest),
        top_share=sum(by_id[k] for k in largest) / whole if whole > 0 else None,
        owners=tuple(
            sorted(owned, key=lambda item: (-r6(item[1].expected), item[0] is None, item[0] or ""))
        ),
    )
