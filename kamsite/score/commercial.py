"""The money side of an account: competitive position, revenue gap, pipeline, wallet share."""

from __future__ import annotations

from kamsite.model.account import Account, RevenueRow
from kamsite.model.portfolio import Scoring, Stage
from kamsite.score.numbers import r6

US = "us"
CLOSED_STAGES = frozenset({Stage.won, Stage.lost})


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


def revenue_gap(row: RevenueRow | None) -> float | None:
    """Target minus actual, else forecast, else 0: what is still to be won this fiscal year."""
    if row is None or row.target is None:
        return None
    if row.actual is not None:
        return row.target - row.actual
    if row.forecast is not None:
        return row.target - row.forecast
    return row.target


def weighted_pipeline(account: Account, scoring: Scoring) -> float:
    """Open opportunities only; one without an amount adds nothing rather than voiding the sum."""
    total = 0.0
    for opp in account.opportunities:
        if opp.stage in CLOSED_STAGES or opp.amount is None:
            continue
        p = opp.probability if opp.probability is not None else scoring.probability(opp.stage)
        total += opp.amount * p
    return total


def pipeline_coverage(wp: float, gap: float | None) -> float | None:
    if gap is None or r6(gap) <= 0:
        return None
    return wp / gap


def share_of_wallet(row: RevenueRow | None, wallet: float | None) -> float | None:
    """None also for a zero wallet: a share of nothing is undefined, not infinite."""
    if row is None or row.actual is None or wallet is None or wallet == 0:
        return None
    return row.actual / wallet
