"""Every account formula of DESIGN.md §4 and its null rule, with values worked by hand."""

from __future__ import annotations

from typing import Any

import pytest
from score_support import ALL_FIVES_A, ALL_FIVES_S, FY, clean, person, rel, score_one

from kamsite.score import Quadrant

NORTHWIND_ASSESSMENT = {
    "attractiveness": {
        "revenue_potential": {"score": 5},
        "financial_security": {"score": 4},
        "relationship": {"score": 3},
        "influence": {"score": 5},
        "innovation": {"score": 4},
        "strategic_fit": {"score": 5},
    },
    "strength": {
        "offer_fit": {"score": 4},
        "relationship_depth": {"score": 3},
        "share_of_wallet": {"score": 2},
        "delivery_record": {"score": 4},
    },
}

CUSTOM_SCORING = {
    "attractiveness": {"size": {"weight": 0.6}, "growth": {"weight": 0.4}},
    "strength": {"fit": {"weight": 1.0}},
}
CUSTOM_ASSESSMENT = {
    "attractiveness": {"size": {"score": 4}, "growth": {"score": 2}},
    "strength": {"fit": {"score": 3}},
}


def test_attractiveness_and_strength_with_default_weights() -> None:
    s = score_one(clean(assessment=NORTHWIND_ASSESSMENT))
    # A = 100 (.30·4 + .20·3 + .15·2 + .15·4 + .10·3 + .10·4) / 4 = 85
    assert s.attractiveness == pytest.approx(85.0)
    # S = 100 (.35·3 + .25·2 + .20·1 + .20·3) / 4 = 58.75
    assert s.strength == pytest.approx(58.75)
    assert s.quadrant is Quadrant.strategic


def test_custom_weights_replace_the_defaults() -> None:
    s = score_one(clean(assessment=CUSTOM_ASSESSMENT), scoring=CUSTOM_SCORING)
    assert s.attractiveness == pytest.approx(100 * (0.6 * 3 / 4 + 0.4 * 1 / 4))  # 55
    assert s.strength == pytest.approx(50.0)


def test_extremes_are_0_and_100() -> None:
    ones = {
        "attractiveness": {k: {"score": 1} for k in ALL_FIVES_A},
        "strength": {k: {"score": 1} for k in ALL_FIVES_S},
    }
    assert score_one(clean(assessment=ones)).attractiveness == 0
    assert score_one(clean()).strength == pytest.approx(100)


def test_no_assessment_means_null_a_s_and_quadrant() -> None:
    s = score_one(clean(assessment=None))
    assert (s.attractiveness, s.strength, s.quadrant) == (None, None, None)


@pytest.mark.parametrize(
    ("thresholds", "quadrant"),
    [
        ({"attractiveness": 55, "strength": 50}, Quadrant.strategic),  # both on the line
        ({"attractiveness": 55, "strength": 51}, Quadrant.develop),
        ({"attractiveness": 56, "strength": 50}, Quadrant.maintain),
        ({"attractiveness": 56, "strength": 51}, Quadrant.opportunistic),
    ],
)
def test_quadrants_and_thresholds_are_inclusive(
    thresholds: dict[str, float], quadrant: Quadrant
) -> None:
    scoring = CUSTOM_SCORING | {"thresholds": thresholds}
    s = score_one(clean(assessment=CUSTOM_ASSESSMENT, tier=None), scoring=scoring)
    assert s.quadrant is quadrant


def test_threshold_comparison_ignores_float_noise() -> None:
    s = score_one(
        clean(assessment=NORTHWIND_ASSESSMENT),
        scoring={"thresholds": {"attractiveness": 85, "strength": 58.75}},
    )
    assert s.strength != 58.75  # 58.74999999999999 in binary floating point
    assert s.quadrant is Quadrant.strategic


def _need(nid: str, importance: int, **ratings: int) -> dict[str, Any]:
    return {"id": nid, "need": nid, "importance": importance, "ratings": ratings}


def test_competitive_position_weights_by_importance_and_skips_needs_without_us() -> None:
    needs = [
        _need("uptime", 5, us=4, rival=5),
        _need("price", 3, us=3, rival=2),
        _need("speed", 2, rival=4),  # does not rate us: left out
    ]
    s = score_one(clean(needs=needs))
    assert s.competitive_position == pytest.approx((5 * 4 + 3 * 3) / (5 * 5 + 3 * 3))


def test_competitive_position_is_1_when_we_lead_or_tie_everywhere() -> None:
    needs = [_need("a", 5, us=4, rival=4), _need("b", 1, us=5, rival=2), _need("c", 2, us=3)]
    assert score_one(clean(needs=needs)).competitive_position == 1.0


@pytest.mark.parametrize("needs", [[], [_need("speed", 2, rival=4)]])
def test_competitive_position_null_without_a_need_rating_us(needs: list[Any]) -> None:
    assert score_one(clean(needs=needs)).competitive_position is None


def test_relationship_per_stakeholder_in_file_order_and_health() -> None:
    people = [
        person("zed", influence=5, relationship=rel(3, 2, 2, 1, 2, 2)),  # R = 20·2 = 40
        person("amy", influence=2, relationship=rel(5, 5, 5, 5, 5, 5)),  # R = 100
        person("unassessed", influence=4),
    ]
    s = score_one(clean(stakeholders=people))
    assert list(s.stakeholders.items()) == [
        ("zed", pytest.approx(40.0)),
        ("amy", pytest.approx(100.0)),
        ("unassessed", None),
    ]
    assert s.relationship_health == pytest.approx((5 * 40 + 2 * 100) / 7)


def test_relationship_takes_fractional_dimensions() -> None:
    s = score_one(clean(stakeholders=[person("x", relationship=rel(0, 0, 0, 0, 0, 2.5))]))
    assert s.stakeholders["x"] == pytest.approx(20 * 2.5 / 6)


def test_relationship_health_null_when_nobody_is_assessed() -> None:
    s = score_one(clean())
    assert s.relationship_health is None
    assert set(s.stakeholders.values()) == {None}


def test_decision_coverage_counts_decision_makers_and_economic_buyers() -> None:
    people = [
        person("ceo", roles=["decision_maker"], attitude="supporter"),
        person("cfo", roles=["economic_buyer", "influencer"], attitude="neutral"),
        person("cto", roles=["decision_maker"], attitude="champion"),
        person("coo", roles=["economic_buyer"], attitude="opponent"),
        person("fan", roles=["coach"], attitude="champion"),  # not a decider
    ]
    assert score_one(clean(stakeholders=people)).decision_coverage == 0.5


def test_decision_coverage_null_without_deciders() -> None:
    people = [person("fan", roles=["coach"], attitude="champion"), person("x")]
    assert score_one(clean(stakeholders=people)).decision_coverage is None


@pytest.mark.parametrize(
    ("row", "gap"),
    [
        # G = target − (forecast, else actual, else 0): the shortfall expected at year end
        ({"actual": 80, "forecast": 95, "target": 100}, 5),  # the forecast wins over the actual
        ({"forecast": 90, "target": 100}, 10),
        ({"actual": 80, "target": 100}, 20),  # no forecast: the actual
        ({"target": 100}, 100),
        ({"actual": 120, "target": 100}, -20),
        ({"actual": 80, "forecast": 90}, None),  # no target
    ],
)
def test_revenue_gap(row: dict[str, float], gap: float | None) -> None:
    s = score_one(clean(revenue=[{"year": FY - 1, "target": 999}, {"year": FY, **row}]))
    assert s.revenue_gap == gap


def test_revenue_gap_null_without_a_row_for_the_fiscal_year() -> None:
    s = score_one(clean(revenue=[{"year": FY + 1, "actual": 5, "target": 10}]))
    assert (s.revenue_gap, s.pipeline_coverage, s.share_of_wallet) == (None, None, None)


OPPORTUNITIES = [
    {"id": "a", "name": "A", "stage": "commit", "amount": 40, "close": "2026-12-15"},  # .85 → 34
    {
        "id": "b",
        "name": "B",
        "stage": "recommend",
        "amount": 50,
        "probability": 0.5,
    },  # 25, no close
    {"id": "c", "name": "C", "stage": "won", "amount": 100, "close": "2026-03-01"},  # closed
    {"id": "d", "name": "D", "stage": "lost", "amount": 10, "close": "2026-04-01"},  # closed
    {"id": "e", "name": "E", "stage": "discover", "close": "2026-06-30"},  # no amount
    {"id": "f", "name": "F", "stage": "negotiate", "amount": 20, "close": "2027-01-01"},  # 13
    {"id": "g", "name": "G", "stage": "qualify", "amount": 30, "close": "2025-11-30"},  # 3
]


def test_weighted_pipeline_counts_every_open_deal_whatever_its_close() -> None:
    s = score_one(clean(opportunities=OPPORTUNITIES))
    # WP = a 40·.85 + b 50·.5 + f 20·.65 + g 30·.1 = 34 + 25 + 13 + 3
    assert s.weighted_pipeline == pytest.approx(75)


def test_fiscal_year_pipeline_counts_open_deals_closing_by_the_year_end() -> None:
    s = score_one(clean(opportunities=OPPORTUNITIES))
    # WPFY = a 34 (closes Dec 2026) + g 3 (slipped from 2025, still open); b has no close date,
    # f closes Jan 1 2027, c/d are closed, e has no amount
    assert s.weighted_pipeline_fy == pytest.approx(37)
    # PC = WPFY / Rem, Rem = target 100 − actual 80 = 20
    assert s.pipeline_coverage == pytest.approx(37 / 20)


def test_pipeline_coverage_divides_by_target_minus_actual_not_by_the_gap() -> None:
    """The issue's case: a forecast shrinks G, while coverage still needs what is left to win."""
    s = score_one(
        clean(
            revenue=[{"year": FY, "actual": 96, "target": 140, "forecast": 131}],
            opportunities=[
                {"id": "x", "name": "X", "stage": "commit", "amount": 20, "close": "2026-12-20"},
                {"id": "y", "name": "Y", "stage": "recommend", "amount": 60, "close": "2027-03-31"},
            ],
        )
    )
    assert s.revenue_gap == 140 - 131  # 9
    assert s.revenue_remaining == 140 - 96  # 44
    assert s.weighted_pipeline == pytest.approx(17 + 18)  # 20·.85 + 60·.3
    assert s.weighted_pipeline_fy == pytest.approx(17)  # y closes in 2027
    assert s.pipeline_coverage == pytest.approx(17 / 44)  # 0.386…, not 35 / 9 = 3.9


def test_remaining_without_an_actual_is_the_whole_target() -> None:
    s = score_one(clean(revenue=[{"year": FY, "forecast": 90, "target": 100}]))
    assert s.revenue_remaining == 100
    assert s.weighted_pipeline_fy == 34  # the clean plan's deal: 40 · .85, closing 2026-12-15
    assert s.pipeline_coverage == pytest.approx(34 / 100)


def test_stage_probability_override_from_portfolio() -> None:
    s = score_one(
        clean(opportunities=OPPORTUNITIES),
        scoring={"stage_probability": {"commit": 0.9, "recommend": 0.1}},
    )
    # commit overridden to .9; the explicit probability of b still wins over the stage
    assert s.weighted_pipeline == pytest.approx(40 * 0.9 + 25 + 13 + 3)
    assert s.weighted_pipeline_fy == pytest.approx(40 * 0.9 + 3)


def test_weighted_pipeline_is_zero_without_open_opportunities() -> None:
    s = score_one(clean(opportunities=[]))
    assert (s.weighted_pipeline, s.weighted_pipeline_fy) == (0, 0)
    assert s.pipeline_coverage == 0


@pytest.mark.parametrize(
    "row",
    [
        {"actual": 100, "target": 100},  # Rem = 0
        {"actual": 120, "target": 100},  # Rem < 0
        {"actual": 100, "forecast": 90, "target": 100},  # G = 10 > 0, yet nothing left to win
        {"actual": 100},  # no target
    ],
)
def test_pipeline_coverage_null_unless_something_is_left_to_win(row: dict[str, float]) -> None:
    assert score_one(clean(revenue=[{"year": FY, **row}])).pipeline_coverage is None


def test_share_of_wallet() -> None:
    assert score_one(clean()).share_of_wallet == pytest.approx(80 / 400)


@pytest.mark.parametrize(
    "change",
    [
        {"wallet": None},
        {"wallet": 0},
        {"revenue": [{"year": FY, "forecast": 90, "target": 100}]},
    ],
)
def test_share_of_wallet_null_rules(change: dict[str, Any]) -> None:
    assert score_one(clean(**change)).share_of_wallet is None


def test_assessment_missing_a_portfolio_criterion_scores_null_not_partial() -> None:
    # validation rejects this file; scoring unvalidated content must still not invent a number
    s = score_one(clean(assessment=NORTHWIND_ASSESSMENT), scoring=CUSTOM_SCORING)
    assert (s.attractiveness, s.strength, s.quadrant) == (None, None, None)
