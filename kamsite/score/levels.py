"""How good each headline score is (good, fair, poor), so every view colours it the same way.

Attractiveness and strength read against the portfolio's own matrix thresholds:
at or above the threshold is good, from `FAIR_SHARE` of it fair. The other
scores have fixed bands; pipeline coverage and decision coverage use the same
lines as their flags (PC < 1, DC = 0), so a badge never says good while a flag fires.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum

from kamsite.model.portfolio import Thresholds
from kamsite.score.numbers import r6

FAIR_SHARE = 0.6
# (good from, fair from) of the scores with fixed bands.
BANDS: dict[str, tuple[float, float]] = {
    "competitive_position": (0.9, 0.7),
    "relationship_health": (60, 40),
    "pipeline_coverage": (1.0, 0.5),
    "plan_completeness": (80, 50),
}


class Level(StrEnum):
    good = "good"
    fair = "fair"
    poor = "poor"
    none = "none"


def level(value: float | None, good: float, fair: float) -> Level:
    if value is None:
        return Level.none
    if r6(value) >= r6(good):
        return Level.good
    return Level.fair if r6(value) >= r6(fair) else Level.poor


def decision_level(value: float | None) -> Level:
    """Half the deciders on side is good; anyone at all is fair; none is the flag."""
    if value is None:
        return Level.none
    return Level.good if r6(value) >= 0.5 else Level.fair if r6(value) > 0 else Level.poor


def score_levels(values: Mapping[str, float | None], thresholds: Thresholds) -> dict[str, Level]:
    """The level of each headline score; `values` is keyed like the `AccountScore` fields."""
    bands = {
        "attractiveness": (thresholds.attractiveness, FAIR_SHARE * thresholds.attractiveness),
        "strength": (thresholds.strength, FAIR_SHARE * thresholds.strength),
        **BANDS,
    }
    levels = {key: level(values[key], *band) for key, band in bands.items()}
    levels["decision_coverage"] = decision_level(values["decision_coverage"])
    return levels
