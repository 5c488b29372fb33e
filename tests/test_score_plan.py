"""The ten plan checks: the clean plan passes all; each change fails exactly one."""

from __future__ import annotations

from typing import Any

import pytest
from score_support import FY, clean, person, score_one, settings

from kamsite.score import Check
from kamsite.score.plan import check_labels


def failed(checks: tuple[Check, ...]) -> list[int]:
    return [c.number for c in checks if not c.passed]


def test_clean_plan_passes_all_ten_checks() -> None:
    s = score_one(clean())
    assert [c.number for c in s.checks] == list(range(1, 11))
    assert [c.key for c in s.checks] == [
        "assessment",
        "stakeholders",
        "decision_maker",
        "key_owned",
        "value_proposition",
        "kpi_target",
        "actions_planned",
        "reviewed",
        "competitor",
        "revenue_target",
    ]
    assert failed(s.checks) == []
    assert s.plan_completeness == 100


STAKEHOLDERS = clean()["stakeholders"]
VP = clean()["value_proposition"]
FAILING: list[tuple[int, dict[str, Any]]] = [
    (1, {"assessment": None}),
    (2, {"stakeholders": STAKEHOLDERS[:2]}),
    (3, {"stakeholders": [*STAKEHOLDERS[1:], person("x", roles=["influencer"])]}),
    (4, {"stakeholders": [*STAKEHOLDERS, person("vip", influence=4, owner=None)]}),
    (5, {"value_proposition": VP | {"tracking": []}}),
    (5, {"value_proposition": None}),
    (6, {"objectives": []}),
    (6, {"objectives": [{"id": "o", "statement": "S", "kpis": [{"id": "k", "name": "K"}]}]}),
    (7, {"actions": [{"id": "a", "what": "W", "owner": "li-na"}]}),
    (7, {"actions": [{"id": "a", "what": "W", "due": "2026-12-01", "status": "blocked"}]}),
    (8, {"reviewed": None}),
    (8, {"reviewed": "2026-08-02"}),  # 91 days before as_of
    (9, {"competitors": []}),
    (10, {"revenue": [{"year": FY, "actual": 80}]}),
    (10, {"revenue": [{"year": FY + 1, "target": 100}]}),
]


@pytest.mark.parametrize(("number", "change"), FAILING)
def test_each_check_fails_alone(number: int, change: dict[str, Any]) -> None:
    s = score_one(clean(**change))
    assert failed(s.checks) == [number]
    assert s.plan_completeness == 90


PASSING: list[tuple[int, dict[str, Any]]] = [
    (4, {"stakeholders": [*STAKEHOLDERS, person("minor", influence=3, owner=None)]}),
    (
        6,
        {
            "objectives": [
                {"id": "o", "statement": "S", "kpis": [{"id": "k", "name": "K", "target": 1}]}
            ]
        },
    ),
    (
        7,
        {
            "actions": [
                {"id": "a", "what": "W", "status": "done"},
                {"id": "b", "what": "W", "status": "dropped"},
            ]
        },
    ),
    (7, {"actions": []}),
    (8, {"reviewed": "2026-08-03"}),  # exactly 90 days
    (8, {"reviewed": "2026-11-20"}),  # dated after as_of
    (10, {"revenue": [{"year": FY, "target": 0}]}),
]


@pytest.mark.parametrize(("number", "change"), PASSING)
def test_edge_cases_that_still_pass(number: int, change: dict[str, Any]) -> None:
    s = score_one(clean(**change))
    assert s.checks[number - 1].passed


def test_stale_after_days_comes_from_the_portfolio() -> None:
    s = score_one(clean(reviewed="2026-10-01"), stale_after_days=30)  # 31 days
    assert failed(s.checks) == [8]
    assert check_labels(settings(stale_after_days=30))[7] == "Plan reviewed within 30 days"


def test_p_counts_passed_checks() -> None:
    s = score_one(clean(assessment=None, competitors=[], reviewed=None))
    assert failed(s.checks) == [1, 8, 9]
    assert s.plan_completeness == 70


def test_empty_plan_scores_vacuous_checks_only() -> None:
    bare = {"kind": "account", "id": "bare", "name": "Bare"}
    s = score_one(bare)
    assert [c.number for c in s.checks if c.passed] == [4, 7]  # nothing to own or to plan
    assert s.plan_completeness == 20


def test_labels_follow_language_and_the_checks_have_none() -> None:
    assert check_labels(settings(language="zh"))[9] == f"已设定 FY{FY} 收入目标"
    assert score_one(clean(), language="zh").checks == score_one(clean()).checks
