"""Attractiveness, strength and the quadrant of McDonald's portfolio matrix (0..100 axes)."""

from __future__ import annotations

from collections.abc import Mapping

from kamsite.model.account import Account, Rated
from kamsite.model.portfolio import Criterion, Thresholds
from kamsite.score.numbers import r6
from kamsite.score.results import Quadrant


def weighted_score(criteria: Mapping[str, Criterion], rated: Mapping[str, Rated]) -> float | None:
    """`100 × Σ wᵢ (sᵢ − 1) / 4`; None when a criterion is unrated, since a partial sum misleads.

    Validation already rejects a missing criterion, so None here means unvalidated input.
    """
    total = 0.0
    for key, criterion in criteria.items():
        entry = rated.get(key)
        if entry is None:
            return None
        total += criterion.weight * (entry.score - 1) / 4
    return 100 * total


def attractiveness(account: Account, criteria: Mapping[str, Criterion]) -> float | None:
    if account.assessment is None:
        return None
    return weighted_score(criteria, account.assessment.attractiveness)


def strength(account: Account, criteria: Mapping[str, Criterion]) -> float | None:
    if account.assessment is None:
        return None
    return weighted_score(criteria, account.assessment.strength)


def quadrant(a: float | None, s: float | None, thresholds: Thresholds) -> Quadrant | None:
    if a is None or s is None:
        return None
    attractive = r6(a) >= r6(thresholds.attractiveness)
    strong = r6(s) >= r6(thresholds.strength)
    if attractive:
        return Quadrant.strategic if strong else Quadrant.develop
    return Quadrant.maintain if strong else Quadrant.opportunistic
