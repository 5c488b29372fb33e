"""Strategy KPIs with `measure:`: each measure against a hand-computed value, per scope."""

from __future__ import annotations

from typing import Any

import pytest
from score_support import AS_OF, clean, content, person, scores

from kamsite.model.strategy import Measure, Strategy
from kamsite.score import KpiScore, KpiStatus, StrategyScore, score_portfolio, to_json
from kamsite.score.measures import Scored, in_scope

# as_of 2026-11-01 with the default stale_after_days of 90.
ALPHA = clean(
    id="alpha",
    reviewed="2026-10-01",  # 31 days: current
    revenue=[{"year": 2026, "actual": 80, "target": 100, "forecast": 90}],
    # commit 0.85 × 40 = 34 closing this FY
    opportunities=[
        {"id": "d", "name": "D", "stage": "commit", "amount": 40, "close": "2026-12-15"}
    ],
    stakeholders=[
        person("boss", influence=5, roles=["decision_maker"], attitude="champion"),
        person("buyer", influence=4, roles=["economic_buyer"], attitude="skeptic"),
        person("expert", influence=4, owner=None),
        person("clerk", influence=3, owner=None),  # below the key influence: not counted
        person(  # left: counted nowhere, though a favourable, unowned decision maker
            "gone",
            influence=5,
            roles=["decision_maker"],
            attitude="supporter",
            owner=None,
            status="left",
            since="2026-09-01",
        ),
    ],
)
BETA = clean(
    id="beta",
    reviewed="2026-06-01",  # 153 days: stale
    revenue=[{"year": 2026, "actual": 20, "target": 50}],  # no forecast
    opportunities=[
        {"id": "q", "name": "Q", "stage": "qualify", "amount": 30, "close": "2026-11-30"},  # 3
        {"id": "later", "name": "L", "stage": "commit", "amount": 50, "close": "2027-03-01"},
    ],
    stakeholders=[
        person("cfo", influence=4, roles=["economic_buyer"], attitude="supporter"),
        person(
            "ceo",
            influence=5,
            roles=["decision_maker", "economic_buyer"],
            attitude="supporter",
            owner=None,
        ),
        person(
            "moved",
            influence=4,
            roles=["decision_maker"],
            attitude="opponent",
            owner=None,
            status="moved",
            since="2026-10-01",
        ),
    ],
)
# Never reviewed (stale), no revenue rows, no pipeline, nobody mapped.
GAMMA = clean(id="gamma", reviewed=None, revenue=[], opportunities=[], stakeholders=[])
ACCOUNTS = [ALPHA, BETA, GAMMA]

PORTFOLIO = {
    Measure.revenue_actual: 100.0,  # 80 + 20; gamma has no figure
    Measure.revenue_forecast: 90.0,  # alpha's only
    Measure.weighted_pipeline_fy: 37.0,  # 34 + 3 + 0
    Measure.decision_coverage: 75.0,  # boss, cfo, ceo of boss, buyer, cfo, ceo
    Measure.key_stakeholders_owned: 60.0,  # boss, buyer, cfo of boss, buyer, expert, cfo, ceo
    Measure.plans_current: 100 / 3,  # alpha of three
}
ALPHA_ONLY = {
    Measure.revenue_actual: 80.0,
    Measure.revenue_forecast: 90.0,
    Measure.weighted_pipeline_fy: 34.0,
    Measure.decision_coverage: 50.0,  # boss of boss, buyer
    Measure.key_stakeholders_owned: 200 / 3,  # boss, buyer of boss, buyer, expert
    Measure.plans_current: 100.0,
}
GAMMA_ONLY: dict[Measure, float | None] = {
    Measure.revenue_actual: None,
    Measure.revenue_forecast: None,
    Measure.weighted_pipeline_fy: 0.0,  # a pipeline that is empty, not unknown
    Measure.decision_coverage: None,
    Measure.key_stakeholders_owned: None,
    Measure.plans_current: 0.0,
}
NOTHING = dict.fromkeys(Measure)


def measured_kpi(name: Measure, **more: Any) -> dict[str, Any]:
    return {"id": f"k-{name}", "name": str(name), "measure": str(name)} | more


def strategy(*kpis: dict[str, Any], **fields: Any) -> dict[str, Any]:
    return {
        "kind": "strategy",
        "id": "plan",
        "title": "Plan",
        "horizon": {"from": 2026, "to": 2026},
        "map": [{"id": "o", "perspective": "financial", "title": "O", "kpis": list(kpis)}],
    } | fields


def scored(accounts: list[dict[str, Any]], *kpis: dict[str, Any], **fields: Any) -> StrategyScore:
    (only,) = scores(accounts, [strategy(*kpis, **fields)]).strategies
    return only


def actuals(accounts: list[dict[str, Any]], **fields: Any) -> dict[Measure, float | None]:
    s = scored(accounts, *(measured_kpi(m) for m in Measure), **fields)
    return {m: k.actual for m, k in zip(Measure, s.objectives[0].kpis, strict=True)}


@pytest.mark.parametrize(
    ("accounts", "fields", "expected"),
    [
        (ACCOUNTS, {}, PORTFOLIO),
        (ACCOUNTS, {"scope": "account", "account": "alpha"}, ALPHA_ONLY),
        (ACCOUNTS, {"scope": "account", "account": "gamma"}, GAMMA_ONLY),
        (ACCOUNTS, {"scope": "account", "account": "unknown"}, NOTHING),
        ([], {}, NOTHING),
    ],
    ids=["portfolio", "account", "account without data", "unknown account", "no accounts"],
)
def test_each_measure_over_the_strategys_accounts(
    accounts: list[dict[str, Any]], fields: dict[str, Any], expected: dict[Measure, Any]
) -> None:
    found = actuals(accounts, **fields)
    assert found == {m: pytest.approx(v) if v is not None else None for m, v in expected.items()}


def test_people_who_left_or_moved_change_nothing() -> None:
    """Without them the pools are the same: their attitude and owner never count."""
    active_only = [
        a | {"stakeholders": [p for p in a["stakeholders"] if "status" not in p]} for a in ACCOUNTS
    ]
    assert actuals(active_only) == actuals(ACCOUNTS)


def test_stale_after_days_decides_plans_current() -> None:
    s = scores(
        ACCOUNTS, [strategy(measured_kpi(Measure.plans_current))], stale_after_days=160
    ).strategies[0]
    assert s.objectives[0].kpis[0].actual == pytest.approx(200 / 3)  # beta is current now


def kpi_scores(accounts: list[dict[str, Any]], *kpis: dict[str, Any]) -> list[KpiScore]:
    return list(scored(accounts, *kpis).objectives[0].kpis)


def test_progress_and_status_follow_the_measured_actual() -> None:
    # horizon 2026 as of 2026-11-01: ε = 304 / 364 ≈ .835; on track from .585, at risk from .334
    revenue, coverage = kpi_scores(
        ACCOUNTS,
        measured_kpi(Measure.revenue_actual, baseline=0, target=200),  # π = 100 / 200
        measured_kpi(Measure.decision_coverage, baseline=50, target=80),  # π = 25 / 30
    )
    assert (revenue.actual, revenue.status) == (100.0, KpiStatus.at_risk)
    assert revenue.progress == pytest.approx(0.5)
    assert (coverage.actual, coverage.status) == (75.0, KpiStatus.on_track)
    assert coverage.progress == pytest.approx(25 / 30)


def test_a_measure_scores_exactly_as_the_same_typed_actual() -> None:
    typed, measured = kpi_scores(
        ACCOUNTS,
        {"id": "typed", "name": "T", "baseline": 50, "target": 100, "actual": 75},
        measured_kpi(Measure.decision_coverage, baseline=50, target=100),
    )
    assert (measured.actual, measured.progress, measured.status) == (
        typed.actual,
        typed.progress,
        typed.status,
    )


def test_a_null_measure_is_unknown_like_a_kpi_without_actual() -> None:
    s = scored(
        [GAMMA],
        measured_kpi(Measure.decision_coverage, baseline=0, target=100),
        {"id": "typed", "name": "T", "baseline": 0, "target": 10, "actual": 1},
    )
    (objective,) = s.objectives
    assert (objective.kpis[0].actual, objective.kpis[0].progress, objective.kpis[0].status) == (
        None,
        None,
        KpiStatus.unknown,
    )
    assert objective.status is KpiStatus.off_track  # the typed KPI decides, as §4 says


def test_the_json_shape_of_a_measured_kpi_is_unchanged() -> None:
    result = scores(
        ACCOUNTS, [strategy(measured_kpi(Measure.revenue_actual, baseline=0, target=200))]
    )
    (kpi,) = to_json(result)["strategies"][0]["objectives"][0]["kpis"]
    assert kpi == {"id": "k-revenue_actual", "progress": 0.5, "status": "at_risk"}


def test_results_do_not_depend_on_the_order_of_accounts() -> None:
    assert actuals(ACCOUNTS[::-1]) == actuals(ACCOUNTS)


def test_several_kpis_with_one_measure_read_the_same_value() -> None:
    """A measure is computed once per strategy, so two KPIs asking for it cannot disagree."""
    twice = scored(
        ACCOUNTS,
        measured_kpi(Measure.revenue_actual, id="a"),
        measured_kpi(Measure.revenue_actual, id="b", baseline=0, target=200),
    )
    a, b = twice.objectives[0].kpis
    assert a.actual == b.actual == 100.0 and b.progress == 0.5


class _NoScan(dict[str, Scored]):
    """A portfolio that fails when read whole: only a lookup by id is allowed."""

    def values(self) -> Any:
        raise AssertionError("an account strategy read every account")

    def __iter__(self) -> Any:
        raise AssertionError("an account strategy read every account")


def test_an_account_strategy_looks_its_account_up_by_id() -> None:
    """Scoring stays linear: an account strategy never reads the other accounts."""
    found = content(ACCOUNTS)
    by_id = {a.id: Scored(found.accounts[a.id], a) for a in score_portfolio(found, AS_OF).accounts}
    portfolio = _NoScan(by_id)
    own = Strategy.model_validate(strategy(scope="account", account="beta"))
    assert in_scope(own, portfolio) == (by_id["beta"],)
    lost = Strategy.model_validate(strategy(scope="account", account="unknown"))
    assert in_scope(lost, portfolio) == ()
