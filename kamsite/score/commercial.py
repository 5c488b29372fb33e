"""The money side of an account: competitive position, revenue gap, pipeline, wallet share."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from kamsite.model.account import Account, Opportunity, RevenueRow
from kamsite.model.execution import is_open
from kamsite.model.portfolio import Scoring
from kamsite.score.numbers import r6

US = "us"


def competitive_position(account: Account) -> float | None:
    """`Σ importance × us / Σ importance × best` over needs that rate `us`; 1 = lead or tie."""
    ours = best = 0.0
    rated = False
    for need in account.needs:
        us = need.ratings.get(US)
        if us is None:
            continue
        rated = True
        ours += need.importance * us
        best += need.importance * max(need.ratings.values())
    return ours / best if rated else None


def year_end(forecast: float | None, actual: float | None) -> float:
    """What the fiscal year is expected to close at: the forecast, else the actual to date,
    else 0. The one definition the revenue gap and every "expected at year end" figure use,
    so the two always reconcile (the raw `forecast` is a different number: it may be unset).
    """
    if forecast is not None:
        return forecast
    return actual or 0.0


def revenue_gap(row: RevenueRow | None) -> float | None:
    """`G = target − year_end`: the shortfall expected at year end; None without a target."""
    if row is None or row.target is None:
        return None
    return row.target - year_end(row.forecast, row.actual)


def total(values: Iterable[float | None]) -> float | None:
    """Σ of the figures present, skipping accounts without one; None when no account has one.

    The one sum behind the portfolio totals, the revenue of a set of accounts and the KPI
    measures, so a figure summed on two pages is the same number.
    """
    present = [v for v in values if v is not None]
    return sum(present, 0.0) if present else None


def remaining(row: RevenueRow | None) -> float | None:
    """`Rem = target − actual` (no actual: 0): what is still to be won this fiscal year."""
    if row is None or row.target is None:
        return None
    return row.target - (row.actual or 0.0)


@dataclass(frozen=True, slots=True)
class Weighted:
    """An opportunity's win probability (given, else the stage default) and amount × it."""

    probability: float
    weighted: float | None


def weighted_opportunities(account: Account, scoring: Scoring) -> dict[str, Weighted]:
    """Every opportunity by id, closed ones too (won 1.0, lost 0.0 by default)."""
    found = {}
    for opp in account.opportunities:
        p = opp.probability if opp.probability is not None else scoring.probability(opp.stage)
        found[opp.id] = Weighted(p, None if opp.amount is None else opp.amount * p)
    return found


def _open_values(
    account: Account, weighted: dict[str, Weighted]
) -> Iterator[tuple[Opportunity, float]]:
    """Open opportunities with their weighted amount; one without an amount adds nothing
    rather than voiding the sum."""
    for opp in account.opportunities:
        value = weighted[opp.id].weighted
        if is_open(opp.stage) and value is not None:
            yield opp, value


def weighted_pipeline(account: Account, weighted: dict[str, Weighted]) -> float:
    """`WP`: every open opportunity, whatever its close date."""
    return sum((value for _opp, value in _open_values(account, weighted)), 0.0)


def fiscal_year_pipeline(account: Account, weighted: dict[str, Weighted], year: int) -> float:
    """`WPFY`: open opportunities closing in `year` or before (a slipped deal still counts);
    one without a close date cannot be placed in a year, so it counts toward none."""
    return sum(
        (
            value
            for opp, value in _open_values(account, weighted)
            if opp.close is not None and opp.close.year <= year
        ),
        0.0,
    )


def pipeline_coverage(wpfy: float, rem: float | None) -> float | None:
    """`PC = WPFY / Rem`: this year's pipeline over what is left to win; None unless Rem > 0."""
    if rem is None or r6(rem) <= 0:
        return None
    return wpfy / rem


def share_of_wallet(row: RevenueRow | None, wallet: float | None) -> float | None:
    """None also for a zero wallet: a share of nothing is undefined, not infinite."""
    if row is None or row.actual is None or wallet is None or wallet == 0:
        return None
    return row.actual / wallet


@dataclass(frozen=True, slots=True)
class Standing:
    """A party's importance-weighted mean rating (1..5) over the needs it is rated on."""

    party: str
    rating: float


def ranking(account: Account) -> tuple[Standing, ...]:
    """`us` and each competitor that is rated, best first (ties by id): who leads on the needs."""
    standings = []
    for party in (US, *(c.id for c in account.competitors)):
        rated = [n for n in account.needs if party in n.ratings]
        weight = sum(n.importance for n in rated)
        if weight:
            mean = sum(n.importance * n.ratings[party] for n in rated) / weight
            standings.append(Standing(party, mean))
    return tuple(sorted(standings, key=lambda s: (-r6(s.rating), s.party)))
