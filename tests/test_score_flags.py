"""Each risk flag raised (with the evidence naming the item) and not raised."""

from __future__ import annotations

from typing import Any

import pytest
from score_support import ALL_FIVES_A, ALL_FIVES_S, FY, clean, person, score_one

from kamsite.score import AccountScore, Flag, FlagCode

STAKEHOLDERS = clean()["stakeholders"]
ONES = {
    "attractiveness": {k: {"score": 1} for k in ALL_FIVES_A},
    "strength": {k: {"score": 1} for k in ALL_FIVES_S},
}


def flag(s: AccountScore, code: FlagCode) -> Flag | None:
    return next((f for f in s.flags if f.code is code), None)


def refs(s: AccountScore, code: FlagCode) -> list[tuple[str, ...]]:
    found = flag(s, code)
    assert found is not None, f"{code} not raised; flags: {s.flag_codes}"
    return [e.ref for e in found.evidence]


def test_clean_plan_raises_nothing() -> None:
    assert score_one(clean()).flags == ()


def test_flags_sorted_by_code() -> None:
    s = score_one({"kind": "account", "id": "bare", "name": "Bare", "tier": "key"})
    assert s.flag_codes == ("NO_COACH", "NO_SPONSOR", "SINGLE_THREADED", "STALE_PLAN")
    assert list(s.flag_codes) == sorted(s.flag_codes)


def test_stale_plan_missing_review() -> None:
    s = score_one(clean(reviewed=None))
    assert s.flag_codes == ("STALE_PLAN",)
    (evidence,) = s.flags[0].evidence
    assert evidence.ref == ("reviewed",)
    assert evidence.message == "no review date"


def test_stale_plan_old_review_and_the_boundary() -> None:
    s = score_one(clean(reviewed="2026-08-02"))
    (evidence,) = s.flags[0].evidence
    assert evidence.message == "last reviewed 2026-08-02, 91 days ago (limit 90)"
    assert score_one(clean(reviewed="2026-08-03")).flags == ()


def test_overdue_action_names_each_open_overdue_action() -> None:
    actions = [
        {"id": "late", "what": "W", "owner": "li-na", "due": "2026-10-31"},
        {"id": "done", "what": "W", "owner": "li-na", "due": "2026-01-01", "status": "done"},
        {"id": "dropped", "what": "W", "due": "2026-01-01", "status": "dropped"},
        {"id": "today", "what": "W", "owner": "li-na", "due": "2026-11-01"},
        {"id": "stuck", "what": "W", "owner": "li-na", "due": "2026-01-01", "status": "blocked"},
        {
            "id": "going",
            "what": "W",
            "owner": "li-na",
            "due": "2026-10-01",
            "status": "in_progress",
        },
    ]
    s = score_one(clean(actions=actions))
    assert s.flag_codes == ("OVERDUE_ACTION",)
    assert refs(s, FlagCode.OVERDUE_ACTION) == [
        ("actions", "late"),
        ("actions", "stuck"),
        ("actions", "going"),
    ]
    assert s.flags[0].evidence[0].message == "late (planned) was due 2026-10-31, 1 day ago"


def test_no_sponsor() -> None:
    s = score_one(clean(sponsor=None))
    assert s.flag_codes == ("NO_SPONSOR",)
    assert refs(s, FlagCode.NO_SPONSOR) == [("sponsor",)]


def test_decision_maker_uncovered_lists_every_decider() -> None:
    people = [
        person("ceo", influence=2, roles=["decision_maker"], attitude="neutral"),
        person("cfo", influence=2, roles=["economic_buyer"], attitude="skeptic"),
        person("fan", roles=["coach"], attitude="champion"),
    ]
    s = score_one(clean(stakeholders=people))
    assert s.decision_coverage == 0
    assert s.flag_codes == ("DECISION_MAKER_UNCOVERED",)
    assert refs(s, FlagCode.DECISION_MAKER_UNCOVERED) == [
        ("stakeholders", "ceo"),
        ("stakeholders", "cfo"),
    ]
    assert s.flags[0].evidence[1].message == "cfo (economic_buyer) is skeptic"


def test_decision_maker_uncovered_not_raised_when_coverage_is_null_or_positive() -> None:
    no_deciders = [person(p, roles=["coach"]) for p in ("a", "b", "c")]
    assert (
        flag(score_one(clean(stakeholders=no_deciders)), FlagCode.DECISION_MAKER_UNCOVERED) is None
    )
    half = [*STAKEHOLDERS, person("cfo", roles=["economic_buyer"], attitude="neutral")]
    assert flag(score_one(clean(stakeholders=half)), FlagCode.DECISION_MAKER_UNCOVERED) is None


def test_opponent_decision_maker() -> None:
    people = [
        *STAKEHOLDERS,
        person("cfo", roles=["economic_buyer"], attitude="opponent"),
        person("critic", roles=["influencer"], attitude="opponent"),  # not a decider
    ]
    s = score_one(clean(stakeholders=people))
    assert s.flag_codes == ("OPPONENT_DECISION_MAKER",)
    assert refs(s, FlagCode.OPPONENT_DECISION_MAKER) == [("stakeholders", "cfo")]


def test_opponent_outside_the_decision_makers_is_not_flagged() -> None:
    people = [*STAKEHOLDERS, person("critic", roles=["gatekeeper"], attitude="opponent")]
    assert score_one(clean(stakeholders=people)).flags == ()


def test_single_threaded() -> None:
    people = [*STAKEHOLDERS[:2], person("insider", roles=["coach"], owner=None)]
    s = score_one(clean(stakeholders=people))
    assert s.flag_codes == ("SINGLE_THREADED",)
    assert s.flags[0].evidence[0].message == "2 stakeholder(s) with an owner, 3 needed"


def test_no_coach() -> None:
    people = [*STAKEHOLDERS[:2], person("insider", roles=["influencer"])]
    s = score_one(clean(stakeholders=people))
    assert s.flag_codes == ("NO_COACH",)
    assert refs(s, FlagCode.NO_COACH) == [("stakeholders",)]


def test_low_pipeline_coverage() -> None:
    s = score_one(
        clean(opportunities=[{"id": "d", "name": "D", "stage": "recommend", "amount": 40}])
    )
    assert s.pipeline_coverage == pytest.approx(12 / 20)
    assert s.flag_codes == ("LOW_PIPELINE_COVERAGE",)
    assert s.flags[0].evidence[0].message == (
        "weighted pipeline 12.0 covers 0.6× the revenue gap 20.0"
    )


@pytest.mark.parametrize(
    "change",
    [
        {"revenue": [{"year": FY, "actual": 100, "target": 100}], "opportunities": []},  # PC null
        {
            "opportunities": [
                {"id": "d", "name": "D", "stage": "commit", "amount": 20, "probability": 1.0}
            ]
        },  # PC exactly 1
        {
            # G = 1.0 − 0.7 = 0.30000000000000004, WP = 0.3: PC = 0.999…98, 1.0 at 6 decimals
            "revenue": [{"year": FY, "actual": 0.7, "target": 1.0}],
            "opportunities": [
                {"id": "d", "name": "D", "stage": "commit", "amount": 0.3, "probability": 1.0}
            ],
        },
    ],
)
def test_low_pipeline_coverage_not_raised(change: dict[str, Any]) -> None:
    s = score_one(clean(**change))
    assert flag(s, FlagCode.LOW_PIPELINE_COVERAGE) is None


def test_zero_pipeline_against_a_gap_is_low_coverage() -> None:
    s = score_one(clean(opportunities=[{"id": "d", "name": "D", "stage": "won", "amount": 20}]))
    assert s.pipeline_coverage == 0
    assert s.flag_codes == ("LOW_PIPELINE_COVERAGE",)


@pytest.mark.parametrize(
    ("tier", "assessment", "raised"),
    [
        ("strategic", ONES, True),
        ("key", ONES, True),
        ("important", ONES, False),
        (None, ONES, False),
        ("ordinary", None, False),  # no quadrant
        ("ordinary", {"attractiveness": ALL_FIVES_A, "strength": ALL_FIVES_S}, True),
        ("strategic", {"attractiveness": ALL_FIVES_A, "strength": ALL_FIVES_S}, False),
    ],
)
def test_tier_mismatch(tier: str | None, assessment: Any, raised: bool) -> None:
    s = score_one(clean(tier=tier, assessment=assessment))
    found = flag(s, FlagCode.TIER_MISMATCH)
    assert (found is not None) is raised
    if found:
        assert found.evidence[0].ref == ("tier",)
        assert found.evidence[0].message == f"tier {tier} but quadrant {s.quadrant}"


def test_key_stakeholder_unowned() -> None:
    people = [
        *STAKEHOLDERS,
        person("vip", influence=4, owner=None),
        person("minor", influence=3, owner=None),
    ]
    s = score_one(clean(stakeholders=people))
    assert s.flag_codes == ("KEY_STAKEHOLDER_UNOWNED",)
    assert refs(s, FlagCode.KEY_STAKEHOLDER_UNOWNED) == [("stakeholders", "vip")]
    assert s.flags[0].evidence[0].message == "vip (influence 4) has no owner"


def test_going_cold() -> None:
    people = [
        *STAKEHOLDERS,
        person("cold", influence=5, last_contact="2026-08-02"),  # 91 days
        person("never", influence=4, last_contact=None),
        person("edge", influence=4, last_contact="2026-08-03"),  # 90 days: still warm
        person("minor", influence=3, last_contact=None),
    ]
    s = score_one(clean(stakeholders=people))
    assert s.flag_codes == ("GOING_COLD",)
    assert refs(s, FlagCode.GOING_COLD) == [("stakeholders", "cold"), ("stakeholders", "never")]
    assert [e.message for e in s.flags[0].evidence] == [
        "cold (influence 5): last contact 2026-08-02, 91 days ago",
        "never (influence 4): no recorded contact",
    ]


def test_evidence_follows_language() -> None:
    s = score_one(clean(sponsor=None, reviewed=None), language="zh")
    assert [e.message for f in s.flags for e in f.evidence] == ["未指定高层发起人", "没有复盘日期"]
