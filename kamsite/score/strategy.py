"""Strategy scorecard: every map objective's KPIs measured against the horizon elapsed."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from kamsite.model.strategy import Measure, Strategy, StrategyKpi
from kamsite.score.measures import Basis, Scored, in_scope, measure
from kamsite.score.progress import expected_progress, period, score_objective
from kamsite.score.results import StrategyScore


def score_strategy(
    strategy: Strategy, as_of: dt.date, accounts: Mapping[str, Scored], stale_after_days: int
) -> StrategyScore:
    """`accounts`: every account of the portfolio by id; a KPI's `measure` reads those in scope.

    Each distinct measure is computed once per strategy, however many KPIs ask for it, and
    the strategy's accounts are gathered only when a KPI has a measure.
    """
    start, end = period(strategy.horizon.from_, strategy.horizon.to)
    expected = expected_progress(start, end, as_of)
    names = {kpi.measure for o in strategy.map for kpi in o.kpis if kpi.measure is not None}
    measured: dict[Measure, float | None] = {}
    if names:
        basis = Basis(in_scope(strategy, accounts), as_of, stale_after_days)
        measured = {name: measure(name, basis) for name in names}

    def actual(kpi: StrategyKpi) -> float | None:
        return kpi.actual if kpi.measure is None else measured[kpi.measure]

    return StrategyScore(
        id=strategy.id,
        expected_progress=expected,
        objectives=tuple(score_objective(o.id, o.kpis, expected, actual) for o in strategy.map),
    )
