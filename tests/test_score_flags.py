"""Each risk flag raised (with the evidence naming the item) and not raised."""

from __future__ import annotations

from typing import Any

import pytest
from score_support import ALL_FIVES_A, ALL_FIVES_S, FY, clean, person, score_one

from kamsite.evidence import evidence_text
from kamsite.glossary import word
from kamsite.model.account import Tier
from kamsite.model.portfolio import Language
from kamsite.score import AccountScore, Flag, FlagCode
from kamsite.score.results import Evidence

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


def text(e: Evidence, language: str = "en") -> str:
    return evidence_text(e, Language(language))


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
    assert text(evidence) == "no review date"


def test_stale_plan_old_review_and_the_boundary() -> None:
    s = score_one(clean(reviewed="2026-08-02"))
    (evidence,) = s.flags[0].evidence
    assert text(evidence) == "last reviewed 2026-08-02, 91 days ago (limit 90 days)"
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
    assert text(s.flags[0].evidence[0]) == "W (planned) was due 2026-10-31, 1 day ago"


def _deal(oid: str, stage: str, due: str | None, close: str = "2026-12-01") -> dict[str, Any]:
    step = {"what": "Call the buyer"} | ({"due": due} if due else {})
    return {"id": oid, "name": oid, "stage": stage, "amount": 40, "close": close, "next_step": step}


def test_an_overdue_next_step_is_flagged_like_an_overdue_action() -> None:
    deals = [
        _deal("late", "commit", "2026-10-20"),  # 12 days before as_of
        _deal("today", "commit", "2026-11-01"),  # due on as_of: not late yet
        _deal("later", "commit", "2026-11-30"),
        _deal("undated", "commit", None),
        _deal("won", "won", "2026-01-10", close="2026-02-01"),  # closed: its step is moot
        _deal("lost", "lost", "2026-01-10", close="2026-02-01"),
    ]
    actions = [{"id": "slow", "what": "W", "owner": "li-na", "due": "2026-10-31"}]
    s = score_one(clean(opportunities=deals, actions=actions))
    assert s.flag_codes == ("OVERDUE_ACTION",)
    assert refs(s, FlagCode.OVERDUE_ACTION) == [("actions", "slow"), ("opportunities", "late")]
    assert (
        text(s.flags[0].evidence[1]) == "next step of late (commit) was due 2026-10-20, 12 days ago"
    )
    zh = score_one(clean(opportunities=deals, actions=[]), language="zh")
    assert (
        text(zh.flags[0].evidence[0], "zh")
        == "late（达成意向）的下一步应于 2026-10-20 完成，已逾期 12 天"
    )


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
    assert text(s.flags[0].evidence[1]) == "Cfo (economic buyer) is skeptic"


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


def test_an_influential_opponent_is_flagged_whatever_the_role() -> None:
    """The issue's case: a procurement director of influence 4 turned opponent."""
    people = [
        *STAKEHOLDERS,
        person("procurer", influence=4, roles=["procurement"], attitude="opponent"),
        person("quiet", influence=3, roles=["gatekeeper"], attitude="opponent"),  # below 4
    ]
    s = score_one(clean(stakeholders=people))
    assert s.flag_codes == ("OPPONENT_DECISION_MAKER",)
    assert refs(s, FlagCode.OPPONENT_DECISION_MAKER) == [("stakeholders", "procurer")]
    assert text(s.flags[0].evidence[0]) == "Procurer (procurement, influence 4) is an opponent"
    zh = score_one(clean(stakeholders=people), language="zh")
    assert text(zh.flags[0].evidence[0], "zh") == "Procurer（采购，影响力 4）持反对态度"


def test_opponent_below_influence_4_outside_the_decision_makers_is_not_flagged() -> None:
    people = [*STAKEHOLDERS, person("critic", roles=["gatekeeper"], attitude="opponent")]
    assert score_one(clean(stakeholders=people)).flags == ()


def test_single_threaded() -> None:
    people = [*STAKEHOLDERS[:2], person("insider", roles=["coach"], owner=None)]
    s = score_one(clean(stakeholders=people))
    assert s.flag_codes == ("SINGLE_THREADED",)
    assert text(s.flags[0].evidence[0]) == "stakeholders with an owner on our side: 2, 3 needed"


def test_no_coach() -> None:
    people = [*STAKEHOLDERS[:2], person("insider", roles=["influencer"])]
    s = score_one(clean(stakeholders=people))
    assert s.flag_codes == ("NO_COACH",)
    assert refs(s, FlagCode.NO_COACH) == [("stakeholders",)]


CLOSE = "2026-12-01"  # inside FY2026


def test_low_pipeline_coverage() -> None:
    deal = {"id": "d", "name": "D", "stage": "recommend", "amount": 40, "close": CLOSE}
    s = score_one(clean(opportunities=[deal]))
    # WPFY = 40 · .3 = 12 against Rem = 100 − 80 = 20
    assert s.pipeline_coverage == pytest.approx(12 / 20)
    assert s.flag_codes == ("LOW_PIPELINE_COVERAGE",)
    assert text(s.flags[0].evidence[0]) == (
        "weighted pipeline 12.0 CNY closing by FY2026 covers 0.6× the 20.0 CNY left to win"
    )


def test_deals_closing_after_the_fiscal_year_do_not_cover_it() -> None:
    """WP 3.5× Rem, but all of it closes in 2027 or has no date: PC = 0 and the flag."""
    deals = [
        {"id": "next", "name": "N", "stage": "commit", "amount": 60, "close": "2027-01-15"},
        {"id": "undated", "name": "U", "stage": "commit", "amount": 40},
    ]
    s = score_one(clean(opportunities=deals))
    assert s.weighted_pipeline == pytest.approx(85)  # (60 + 40) · .85
    assert s.pipeline_coverage == 0
    assert s.flag_codes == ("LOW_PIPELINE_COVERAGE",)


@pytest.mark.parametrize(
    "change",
    [
        {"revenue": [{"year": FY, "actual": 100, "target": 100}], "opportunities": []},  # PC null
        {
            "opportunities": [
                {"id": "d", "name": "D", "stage": "commit", "amount": 20, "probability": 1.0}
                | {"close": CLOSE}
            ]
        },  # PC exactly 1
        {
            # Rem = 1.0 − 0.7 = 0.30000000000000004, WPFY = 0.3: PC = 0.999…98, 1.0 at 6 decimals
            "revenue": [{"year": FY, "actual": 0.7, "target": 1.0}],
            "opportunities": [
                {"id": "d", "name": "D", "stage": "commit", "amount": 0.3, "probability": 1.0}
                | {"close": CLOSE}
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
        assert text(found.evidence[0]) == (
            f"tier {word(Tier(tier), Language.en)} but quadrant "
            f"{word(s.quadrant, Language.en) if s.quadrant else ''}"
        )


def test_key_stakeholder_unowned() -> None:
    people = [
        *STAKEHOLDERS,
        person("vip", influence=4, owner=None),
        person("minor", influence=3, owner=None),
    ]
    s = score_one(clean(stakeholders=people))
    assert s.flag_codes == ("KEY_STAKEHOLDER_UNOWNED",)
    assert refs(s, FlagCode.KEY_STAKEHOLDER_UNOWNED) == [("stakeholders", "vip")]
    assert text(s.flags[0].evidence[0]) == "Vip (influence 4) has no owner"


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
    assert [text(e) for e in s.flags[0].evidence] == [
        "Cold (influence 5): last contact 2026-08-02, 91 days ago",
        "Never (influence 4): no recorded contact",
    ]


def test_evidence_follows_language() -> None:
    s = score_one(clean(sponsor=None, reviewed=None), language="zh")
    assert [text(e, "zh") for f in s.flags for e in f.evidence] == [
        "未指定高层发起人",
        "没有复盘日期",
    ]
