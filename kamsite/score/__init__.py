"""Scores of DESIGN.md §4: pure functions of (content, as_of); renderers live in `report`."""

from kamsite.score.jsonout import to_json
from kamsite.score.numbers import display, r6
from kamsite.score.portfolio import score_portfolio
from kamsite.score.results import (
    AccountScore,
    Check,
    Evidence,
    Flag,
    FlagCode,
    KpiScore,
    KpiStatus,
    ObjectiveScore,
    PortfolioScores,
    Quadrant,
    StrategyScore,
    Totals,
)

__all__ = [
    "AccountScore",
    "Check",
    "Evidence",
    "Flag",
    "FlagCode",
    "KpiScore",
    "KpiStatus",
    "ObjectiveScore",
    "PortfolioScores",
    "Quadrant",
    "StrategyScore",
    "Totals",
    "display",
    "r6",
    "score_portfolio",
    "to_json",
]
