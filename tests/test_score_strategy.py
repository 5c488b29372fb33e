"""KPI progress π, expected progress ε, status over the horizon, objective worst status."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from score_support import clean, score_one, scores

from kamsite.score import KpiStatus, StrategyScore

HORIZON_DAYS = 1095  # 2027-01-01 .. 2029-12-31


def kpi(
    kid: str, baseline: float | None, target: float | None, actual: float | None, **more: Any
) -> dict[str, Any]:
    return {"id": kid, "name": kid, "baseline": baseline, "target": target, "actual": actual} | more


def strategy(*objectives: dict[str, Any], sid: str = "plan") -> dict[str, Any]:
    return {
        "kind": "strategy",
        "id": sid,
        "title": "Plan",
        "horizon": {"from": 2027, "to": 2029},
        "map": list(objectives),
    }


def objective(oid: str, *kpis: dict[str, Any]) -> dict[str, Any]:
    return {"id": oid, "perspective": "financial", "title": oid, "kpis": list(kpis)}


REVENUE = kpi("rev", 640, 900, 702)  # π = 62 / 260
CHURN = kpi("churn", 20, 10, 14, direction="down")  # π = (14 − 20) / (10 − 20) = 0.6


def score_strategy(as_of: dt.date, *objectives: dict[str, Any]) -> StrategyScore:
    (only,) = scores(strategies=[strategy(*objectives)], as_of=as_of).strategies
    return only


@pytest.mark.parametrize(
    ("as_of", "expected"),
    [
        (dt.date(2026, 6, 1), 0.0),  # before the horizon: clamped
        (dt.date(2027, 1, 1), 0.0),  # start
        (dt.date(2028, 7, 1), 547 / HORIZON_DAYS),  # 365 + 182 days in
        (dt.date(2029, 12, 31), 1.0),  # end
        (dt.date(2031, 1, 1), 1.0),  # after: clamped
    ],
)
def test_expected_progress(as_of: dt.date, expected: float) -> None:
    assert score_strategy(as_of).expected_progress == pytest.approx(expected)


def test_single_year_horizon() -> None:
    plan = strategy() | {"horizon": {"from": 2027, "to": 2027}}
    (s,) = scores(strategies=[plan], as_of=dt.date(2027, 7, 2)).strategies
    assert s.expected_progress == pytest.approx(182 / 364)


def test_progress_up_and_down() -> None:
    s = score_strategy(dt.date(2027, 1, 1), objective("o", REVENUE, CHURN))
    assert [k.progress for k in s.objectives[0].kpis] == [
        pytest.approx(62 / 260),
        pytest.approx(0.6),
    ]


def test_kpi_scores_carry_the_typed_actual() -> None:
    s = score_strategy(dt.date(2027, 1, 1), objective("o", REVENUE, kpi("none", 0, 1, None)))
    assert [k.actual for k in s.objectives[0].kpis] == [702, None]


@pytest.mark.parametrize(
    ("k", "progress"),
    [
        (kpi("worse", 20, 10, 25, direction="down"), 0.0),  # moved the wrong way: clamped
        (kpi("beyond", 20, 10, 5, direction="down"), 1.0),
        (kpi("over", 0, 10, 12), 1.0),
        (kpi("under", 10, 20, 4), 0.0),
        (kpi("down-written-as-up", 20, 10, 14), 0.6),  # the sign of target − baseline decides
    ],
)
def test_progress_is_clamped(k: dict[str, Any], progress: float) -> None:
    s = score_strategy(dt.date(2027, 1, 1), objective("o", k))
    assert s.objectives[0].kpis[0].progress == pytest.approx(progress)


@pytest.mark.parametrize(
    "k",
    [
        kpi("no-baseline", None, 10, 5),
        kpi("no-target", 0, None, 5),
        kpi("no-actual", 0, 10, None),
        kpi("flat", 5, 5, 7),
    ],
)
def test_unknown_when_a_value_is_missing_or_target_equals_baseline(k: dict[str, Any]) -> None:
    (scored,) = score_strategy(dt.date(2028, 1, 1), objective("o", k)).objectives[0].kpis
    assert (scored.progress, scored.status) == (None, KpiStatus.unknown)


@pytest.mark.parametrize(
    ("as_of", "status"),
    [
        (dt.date(2027, 1, 1), KpiStatus.on_track),  # ε = 0: anything is on track
        (dt.date(2028, 7, 1), KpiStatus.at_risk),  # ε ≈ .4995: .4·ε ≈ .1998 ≤ π ≈ .2385 < .3497
        (dt.date(2029, 12, 31), KpiStatus.off_track),  # ε = 1: π < .4
    ],
)
def test_status_at_start_middle_and_end(as_of: dt.date, status: KpiStatus) -> None:
    s = score_strategy(as_of, objective("o", REVENUE))
    assert s.objectives[0].kpis[0].status is status


@pytest.mark.parametrize(
    ("k", "status"),
    [
        (kpi("on-line", 0, 10, 7), KpiStatus.on_track),  # π = .7 = .7 ε
        (kpi("noisy-on-line", 0.1, 0.4, 0.31), KpiStatus.on_track),  # π = 0.6999999999999998
        (kpi("just-below", 0, 10, 6.99), KpiStatus.at_risk),
        (kpi("risk-line", 0, 10, 4), KpiStatus.at_risk),  # π = .4 = .4 ε
        (kpi("noisy-risk-line", 0, 0.1, 0.04), KpiStatus.at_risk),  # π = 0.39999999999999997
        (kpi("below-risk", 0, 10, 3.99), KpiStatus.off_track),
    ],
)
def test_status_thresholds_at_the_end(k: dict[str, Any], status: KpiStatus) -> None:
    s = score_strategy(dt.date(2029, 12, 31), objective("o", k))
    assert s.objectives[0].kpis[0].status is status


@pytest.mark.parametrize(
    ("actuals", "status"),
    [
        ((9, 5, None), KpiStatus.at_risk),  # worst known one; unknown is ignored
        ((9, 1, 5), KpiStatus.off_track),
        ((9, 8, None), KpiStatus.on_track),
        ((None, None), KpiStatus.unknown),
        ((), KpiStatus.unknown),
    ],
)
def test_objective_takes_worst_kpi_status(
    actuals: tuple[float | None, ...], status: KpiStatus
) -> None:
    kpis = [kpi(f"k{i}", 0, 10, a) for i, a in enumerate(actuals)]
    s = score_strategy(dt.date(2029, 12, 31), objective("o", *kpis))
    assert s.objectives[0].status is status


def test_objectives_and_kpis_in_file_order_strategies_by_id() -> None:
    plans = [
        strategy(
            objective("zeta", kpi("b", 0, 1, 1), kpi("a", 0, 1, 0)), objective("alpha"), sid="z"
        ),
        strategy(sid="a"),
    ]
    result = scores(strategies=plans)
    assert [s.id for s in result.strategies] == ["a", "z"]
    z = result.strategies[1]
    assert [o.id for o in z.objectives] == ["zeta", "alpha"]
    assert [k.id for k in z.objectives[0].kpis] == ["b", "a"]


def test_account_objective_kpis_run_over_the_fiscal_year() -> None:
    # as_of 2026-11-01 is 304 of 364 days into FY2026: ε = 304 / 364 ≈ .835
    objectives = [
        {
            "id": "share",
            "statement": "S",
            "kpis": [kpi("on", 10, 30, 22), kpi("risk", 10, 30, 18), kpi("off", 30, 10, 27)],
        }
    ]
    s = score_one(clean(objectives=objectives))
    (o,) = s.objectives
    assert [(k.progress, k.status) for k in o.kpis] == [
        (pytest.approx(0.6), KpiStatus.on_track),  # .6 ≥ .7 ε ≈ .585
        (pytest.approx(0.4), KpiStatus.at_risk),  # .334 ≤ .4 < .585
        (pytest.approx(0.15), KpiStatus.off_track),
    ]
    assert o.status is KpiStatus.off_track


def _objective(oid: str, progress: tuple[float, float, float], **frame: str) -> dict[str, Any]:
    return {"id": oid, "statement": oid, "kpis": [kpi("k", *progress)], **frame}


def test_account_objectives_are_judged_over_their_own_time_frame() -> None:
    s = score_one(
        clean(
            objectives=[
                # 2026-07-01 .. 2027-06-30 is 364 days, 123 of them gone: ε = 123 / 364 ≈ .338;
                # π = .3 ≥ .7 ε ≈ .237: on track (over the fiscal year, ε ≈ .835: off track)
                _objective("mid-year", (0, 10, 3), **{"from": "2026-07-01", "by": "2027-06-30"}),
                # from Jan 1 of FY by default to 2027-12-31: 729 days, 304 gone, ε ≈ .417;
                # π = .2 is below .7 ε ≈ .292 and at least .4 ε ≈ .167: at risk
                _objective("two-years", (0, 10, 2), by="2027-12-31"),
                # the case: meant for 2027, judged in November 2026: nothing expected yet
                _objective("next-year", (0, 10, 0), **{"from": "2027-01-01", "by": "2027-12-31"}),
                # the defaults: the fiscal year, ε = 304 / 364 ≈ .835; π = .5 < .7 ε ≈ .585
                _objective("this-year", (0, 10, 5)),
            ]
        )
    )
    found = {o.id: o for o in s.objectives}
    assert found["mid-year"].expected == pytest.approx(123 / 364)
    assert found["mid-year"].status is KpiStatus.on_track
    assert found["two-years"].expected == pytest.approx(304 / 729)
    assert found["two-years"].status is KpiStatus.at_risk
    assert found["next-year"].expected == 0
    assert found["next-year"].status is KpiStatus.on_track
    assert found["this-year"].expected == pytest.approx(304 / 364)
    assert found["this-year"].status is KpiStatus.at_risk


@pytest.mark.parametrize(
    ("frame", "expected"),
    [
        ({"from": "2026-11-01", "by": "2026-11-01"}, 1.0),  # a single day, reached
        ({"from": "2026-11-02", "by": "2026-11-02"}, 0.0),  # a single day, not yet reached
        # validation rejects these two (a defaulted end before the start); scoring still copes
        ({"by": "2025-12-31"}, 1.0),  # ended before the default start: everything is due
        ({"from": "2027-03-01"}, 0.0),  # starts after the default end: nothing is due yet
    ],
)
def test_a_time_frame_without_length_is_a_step_at_its_later_date(
    frame: dict[str, str], expected: float
) -> None:
    (o,) = score_one(clean(objectives=[_objective("o", (0, 10, 5), **frame)])).objectives
    assert o.expected == expected
