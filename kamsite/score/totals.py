"""Portfolio totals (last line of DESIGN.md §4), computed from the account scorecards."""

from __future__ import annotations

from collections.abc import Sequence

from kamsite.model.account import Tier
from kamsite.score.commercial import total
from kamsite.score.results import AccountScore, FlagCode, Quadrant, Totals

NONE = "none"


def _count(keys: Sequence[str], values: Sequence[str | None]) -> dict[str, int]:
    """Every key listed (zeros included) so the shape never depends on the data."""
    counts = dict.fromkeys([*map(str, keys), NONE], 0)
    for value in values:
        counts[str(value) if value is not None else NONE] += 1
    return counts


def _sum(values: Sequence[float | None]) -> float:
    """`commercial.total`, but 0 over no figures: a total is always a number."""
    return total(values) or 0.0


def _by_flag(accounts: Sequence[AccountScore]) -> dict[str, tuple[str, ...]]:
    """Every flag code, sorted, with the ids of the accounts raising it (in account order)."""
    ids: dict[FlagCode, list[str]] = {code: [] for code in FlagCode}
    for account in accounts:
        for flag in account.flags:
            ids[flag.code].append(account.id)
    return {str(code): tuple(ids[code]) for code in sorted(FlagCode)}


def totals(accounts: Sequence[AccountScore], fiscal_year: int) -> Totals:
    """Sums skip nulls: an account without a target adds nothing to Σ target or Σ gap."""
    return Totals(
        fiscal_year=fiscal_year,
        accounts=len(accounts),
        revenue_actual=_sum([a.revenue_actual for a in accounts]),
        revenue_target=_sum([a.revenue_target for a in accounts]),
        revenue_forecast=_sum([a.revenue_forecast for a in accounts]),
        weighted_pipeline=_sum([a.weighted_pipeline for a in accounts]),
        weighted_pipeline_fy=_sum([a.weighted_pipeline_fy for a in accounts]),
        revenue_gap=_sum([a.revenue_gap for a in accounts]),
        tiers=_count(list(Tier), [a.tier for a in accounts]),
        quadrants=_count(list(Quadrant), [a.quadrant for a in accounts]),
        flags=_by_flag(accounts),
    )
