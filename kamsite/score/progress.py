"""KPI progress against elapsed time: π, ε and the on/at/off-track status of §4."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from typing import TypeVar

from kamsite.model.common import Kpi
from kamsite.model.execution import AccountObjective
from kamsite.score.numbers import r6
from kamsite.score.results import KpiScore, KpiStatus, ObjectiveScore

K = TypeVar("K", bound=Kpi)

ON_TRACK = 0.7
AT_RISK = 0.4
# Worst first: an objective is as healthy as its weakest KPI.
_SEVERITY = (KpiStatus.off_track, KpiStatus.at_risk, KpiStatus.on_track)


def _clamp(value: float) -> float:
    return min(1.0, max(0.0, value))


def period(first_year: int, last_year: int) -> tuple[dt.date, dt.date]:
    """Jan 1 of the first year to Dec 31 of the last."""
    return dt.date(first_year, 1, 1), dt.date(last_year, 12, 31)


def objective_period(objective: AccountObjective, fiscal_year: int) -> tuple[dt.date, dt.date]:
    """An account objective's own time frame: `from`, else Jan 1 of the fiscal year, to `by`,
    else Dec 31 of it; so a 2027 objective is not judged against November 2026."""
    start, end = period(fiscal_year, fiscal_year)
    return objective.from_ or start, objective.by or end


def expected_progress(start: dt.date, end: dt.date, as_of: dt.date) -> float:
    """`ε = (as_of − start) / (end − start)` in days, clamped to 0..1.

    A period of one day (`from` = `by`) expects nothing before it and everything from it on,
    rather than dividing by zero; so does, at its later date, one running backwards (which
    validation rejects, but unvalidated content can still be scored).
    """
    if end <= start:
        return 1.0 if as_of >= max(start, end) else 0.0
    return _clamp((as_of - start).days / (end - start).days)


def kpi_progress(kpi: Kpi, actual: float | None) -> float | None:
    """`π = (actual − baseline) / (target − baseline)`, clamped; the sign handles `down` KPIs.

    `actual` is passed in: a strategy KPI may measure it rather than carry it.
    """
    if kpi.baseline is None or kpi.target is None or actual is None:
        return None
    if kpi.target == kpi.baseline:
        return None
    return _clamp((actual - kpi.baseline) / (kpi.target - kpi.baseline))


def kpi_status(progress: float | None, expected: float) -> KpiStatus:
    if progress is None:
        return KpiStatus.unknown
    if r6(progress) >= r6(ON_TRACK * expected):
        return KpiStatus.on_track
    if r6(progress) >= r6(AT_RISK * expected):
        return KpiStatus.at_risk
    return KpiStatus.off_track


def objective_status(statuses: Iterable[KpiStatus]) -> KpiStatus:
    """The worst known KPI status; unknown only when no KPI is known (or there are none)."""
    present = set(statuses)
    return next((s for s in _SEVERITY if s in present), KpiStatus.unknown)


def typed_actual(kpi: Kpi) -> float | None:
    return kpi.actual


def score_objective(
    objective_id: str,
    kpis: Sequence[K],
    expected: float,
    actual: Callable[[K], float | None] = typed_actual,
) -> ObjectiveScore:
    """`actual` gives each KPI's value: the typed one, or for a strategy its measure's."""
    scored = tuple(
        KpiScore(kpi.id, p, kpi_status(p, expected), value)
        for kpi in kpis
        for value in [actual(kpi)]
        for p in [kpi_progress(kpi, value)]
    )
    return ObjectiveScore(
        objective_id, objective_status(k.status for k in scored), scored, expected
    )
