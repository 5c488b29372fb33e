"""Strategy scorecard: every map objective's KPIs measured against the horizon elapsed."""

from __future__ import annotations

import datetime as dt

from kamsite.model.strategy import Strategy
from kamsite.score.progress import expected_progress, period, score_objective
from kamsite.score.results import StrategyScore


def score_strategy(strategy: Strategy, as_of: dt.date) -> StrategyScore:
    start, end = period(strategy.horizon.from_, strategy.horizon.to)
    expected = expected_progress(start, end, as_of)
    return StrategyScore(
        id=strategy.id,
        expected_progress=expected,
        objectives=tuple(score_objective(o.id, o.kpis, expected) for o in strategy.map),
    )
