"""Risk flags of DESIGN.md §4, each with the evidence (which item, why) that raised it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

from kamsite.model.account import Account, Attitude, Role, Stakeholder, Tier
from kamsite.model.execution import is_overdue
from kamsite.model.portfolio import Language, PortfolioSettings
from kamsite.score.numbers import r6
from kamsite.score.plan import KEY_INFLUENCE, MIN_STAKEHOLDERS, is_stale
from kamsite.score.relationship import is_decider
from kamsite.score.results import Evidence, Fact, Flag, FlagCode, Quadrant

GOING_COLD_DAYS = 90

# The condition of each flag, for the method page; {days} is stale_after_days.
FLAG_CONDITIONS: dict[FlagCode, tuple[str, str]] = {
    FlagCode.STALE_PLAN: (
        "`reviewed` is missing or older than {days} days.",
        "未填写 `reviewed`，或距今超过 {days} 天。",
    ),
    FlagCode.OVERDUE_ACTION: (
        "An open action (planned, in_progress, blocked), or the next step of an open "
        "opportunity, is due before the as-of date.",
        "存在截止日期早于基准日的未完成行动（planned、in_progress、blocked），"
        "或未关闭商机的下一步已过截止日期。",
    ),
    FlagCode.NO_SPONSOR: ("No executive sponsor is named.", "未指定高层发起人。"),
    FlagCode.DECISION_MAKER_UNCOVERED: (
        "Decision coverage DC is 0: no decision maker or economic buyer is a champion or "
        "supporter.",
        "决策覆盖率 DC 为 0：没有任何决策者或经济买家是支持者或拥护者。",
    ),
    FlagCode.OPPONENT_DECISION_MAKER: (
        f"A decision maker or economic buyer, or anyone with influence ≥ {KEY_INFLUENCE}, is an "
        "opponent.",
        f"有决策者、经济买家或影响力 ≥ {KEY_INFLUENCE} 的关键人持反对态度。",
    ),
    FlagCode.SINGLE_THREADED: (
        f"Fewer than {MIN_STAKEHOLDERS} stakeholders have an owner on our side.",
        f"有我方负责人的关键人少于 {MIN_STAKEHOLDERS} 位。",
    ),
    FlagCode.NO_COACH: ("No stakeholder has the role coach.", "没有任何关键人担任教练（coach）。"),
    FlagCode.LOW_PIPELINE_COVERAGE: (
        "Pipeline coverage PC is below 1.0: the weighted pipeline closing this fiscal year "
        "(WPFY) does not cover what is left to win (target − actual).",
        "商机覆盖率 PC 低于 1.0：本财年内关闭的加权商机（WPFY）不足以覆盖尚待完成的收入"
        "（目标 − 实际）。",
    ),
    FlagCode.TIER_MISMATCH: (
        "Tier strategic or key but quadrant opportunistic, or tier ordinary but quadrant "
        "strategic.",
        "分级为 strategic 或 key 但象限为 opportunistic，或分级为 ordinary 但象限为 strategic。",
    ),
    FlagCode.KEY_STAKEHOLDER_UNOWNED: (
        f"A stakeholder with influence ≥ {KEY_INFLUENCE} has no owner.",
        f"影响力 ≥ {KEY_INFLUENCE} 的关键人没有我方负责人。",
    ),
    FlagCode.GOING_COLD: (
        f"A stakeholder with influence ≥ {KEY_INFLUENCE} has no `last_contact` or none in the "
        f"last {GOING_COLD_DAYS} days.",
        f"影响力 ≥ {KEY_INFLUENCE} 的关键人没有 `last_contact`，或最近 {GOING_COLD_DAYS} "
        "天内未联系。",
    ),
}


def flag_condition(code: FlagCode, settings: PortfolioSettings) -> str:
    en, zh = FLAG_CONDITIONS[code]
    return (zh if settings.language is Language.zh else en).format(days=settings.stale_after_days)


@dataclass(frozen=True, slots=True)
class Measures:
    """The already computed numbers some flags test; `remaining` is Rem = target − actual."""

    decision_coverage: float | None
    weighted_pipeline_fy: float
    remaining: float | None
    pipeline_coverage: float | None
    quadrant: Quadrant | None


def _person(s: Stakeholder) -> tuple[tuple[str, Fact], ...]:
    """Who: by name, and by local name where the portfolio's language asks for it."""
    return (("who", s.name), ("local", s.local_name))


def _stale(a: Account, s: PortfolioSettings, as_of: dt.date) -> Iterator[Evidence]:
    if not is_stale(a.reviewed, as_of, s.stale_after_days):
        return
    if a.reviewed is None:
        yield Evidence(("reviewed",), "no_review")
        return
    days = (as_of - a.reviewed).days
    facts = (("date", a.reviewed), ("days", days), ("limit", s.stale_after_days))
    yield Evidence(("reviewed",), "review_old", facts)


def _overdue(a: Account, as_of: dt.date) -> Iterator[Evidence]:
    """Open actions, then open opportunities' next steps: both are work we promised by a date."""
    for action in a.actions:
        if action.due is None or not is_overdue(action.due, action.status, as_of):
            continue
        facts: tuple[tuple[str, Fact], ...] = (
            ("what", action.what),
            ("status", action.status),
            ("due", action.due),
            ("days", (as_of - action.due).days),
        )
        yield Evidence(("actions", action.id), "action_overdue", facts)
    for opp in a.opportunities:
        step = opp.next_step
        if step is None or step.due is None or not is_overdue(step.due, opp.stage, as_of):
            continue
        facts = (
            ("what", opp.name),
            ("stage", opp.stage),
            ("due", step.due),
            ("days", (as_of - step.due).days),
        )
        yield Evidence(("opportunities", opp.id), "step_overdue", facts)


def _no_sponsor(a: Account) -> Iterator[Evidence]:
    if a.sponsor is None:
        yield Evidence(("sponsor",), "no_sponsor")


def _uncovered(a: Account, m: Measures) -> Iterator[Evidence]:
    if m.decision_coverage is None or r6(m.decision_coverage) != 0:
        return
    for s in a.active_stakeholders:
        if is_decider(s):
            facts = (*_person(s), ("roles", tuple(s.roles)), ("attitude", s.attitude))
            yield Evidence(("stakeholders", s.id), "decider_not_won", facts)


def _opponent(a: Account) -> Iterator[Evidence]:
    """Deciders, and anyone weighty enough to swing the decision whatever their role."""
    for s in a.active_stakeholders:
        if s.attitude is Attitude.opponent and (is_decider(s) or s.influence >= KEY_INFLUENCE):
            facts = (*_person(s), ("roles", tuple(s.roles)), ("influence", s.influence))
            yield Evidence(("stakeholders", s.id), "opponent", facts)


def _single_threaded(a: Account) -> Iterator[Evidence]:
    owned = sum(1 for s in a.active_stakeholders if s.owner is not None)
    if owned < MIN_STAKEHOLDERS:
        facts = (("owned", owned), ("needed", MIN_STAKEHOLDERS))
        yield Evidence(("stakeholders",), "few_owned", facts)


def _no_coach(a: Account) -> Iterator[Evidence]:
    if not any(Role.coach in s.roles for s in a.active_stakeholders):
        yield Evidence(("stakeholders",), "no_coach")


def _low_coverage(m: Measures, s: PortfolioSettings) -> Iterator[Evidence]:
    if m.pipeline_coverage is None or r6(m.pipeline_coverage) >= 1.0:
        return
    facts = (
        ("wpfy", m.weighted_pipeline_fy),
        ("remaining", m.remaining),
        ("coverage", m.pipeline_coverage),
        ("fy", s.fiscal_year),
        ("unit", s.unit or s.currency),
    )
    yield Evidence(("opportunities",), "pipeline_short", facts)


def _tier_mismatch(a: Account, m: Measures) -> Iterator[Evidence]:
    if a.tier is None or m.quadrant is None:
        return
    if (a.tier in (Tier.strategic, Tier.key) and m.quadrant is Quadrant.opportunistic) or (
        a.tier is Tier.ordinary and m.quadrant is Quadrant.strategic
    ):
        yield Evidence(("tier",), "tier_vs_quadrant", (("tier", a.tier), ("quadrant", m.quadrant)))


def _unowned(a: Account) -> Iterator[Evidence]:
    for s in a.active_stakeholders:
        if s.influence >= KEY_INFLUENCE and s.owner is None:
            facts = (*_person(s), ("influence", s.influence))
            yield Evidence(("stakeholders", s.id), "unowned", facts)


def _going_cold(a: Account, as_of: dt.date) -> Iterator[Evidence]:
    for s in a.active_stakeholders:
        if s.influence < KEY_INFLUENCE:
            continue
        if s.last_contact is None:
            facts = (*_person(s), ("influence", s.influence))
            yield Evidence(("stakeholders", s.id), "never_contacted", facts)
        elif (days := (as_of - s.last_contact).days) > GOING_COLD_DAYS:
            facts = (*_person(s), ("influence", s.influence), ("date", s.last_contact))
            yield Evidence(("stakeholders", s.id), "contact_old", (*facts, ("days", days)))


def risk_flags(
    account: Account, settings: PortfolioSettings, as_of: dt.date, measures: Measures
) -> tuple[Flag, ...]:
    """Raised flags only, sorted by code; evidence in file order."""
    found = {
        FlagCode.STALE_PLAN: _stale(account, settings, as_of),
        FlagCode.OVERDUE_ACTION: _overdue(account, as_of),
        FlagCode.NO_SPONSOR: _no_sponsor(account),
        FlagCode.DECISION_MAKER_UNCOVERED: _uncovered(account, measures),
        FlagCode.OPPONENT_DECISION_MAKER: _opponent(account),
        FlagCode.SINGLE_THREADED: _single_threaded(account),
        FlagCode.NO_COACH: _no_coach(account),
        FlagCode.LOW_PIPELINE_COVERAGE: _low_coverage(measures, settings),
        FlagCode.TIER_MISMATCH: _tier_mismatch(account, measures),
        FlagCode.KEY_STAKEHOLDER_UNOWNED: _unowned(account),
        FlagCode.GOING_COLD: _going_cold(account, as_of),
    }
    flags = (Flag(code, tuple(evidence)) for code, evidence in found.items())
    return tuple(sorted((f for f in flags if f.evidence), key=lambda f: f.code.value))
