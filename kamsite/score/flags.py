"""Risk flags of DESIGN.md §4, each with the evidence (which item, why) that raised it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

from kamsite.model.account import Account, Attitude, Role, Stakeholder, Tier
from kamsite.model.common import OPEN_STATUSES
from kamsite.model.portfolio import Language, PortfolioSettings
from kamsite.score.numbers import display, r6
from kamsite.score.plan import KEY_INFLUENCE, MIN_STAKEHOLDERS, is_stale
from kamsite.score.relationship import is_decider
from kamsite.score.results import Evidence, Flag, FlagCode, Quadrant

GOING_COLD_DAYS = 90

# The condition of each flag, for the method page; {days} is stale_after_days.
FLAG_CONDITIONS: dict[FlagCode, tuple[str, str]] = {
    FlagCode.STALE_PLAN: (
        "`reviewed` is missing or older than {days} days.",
        "未填写 `reviewed`，或距今超过 {days} 天。",
    ),
    FlagCode.OVERDUE_ACTION: (
        "An open action (planned, in_progress, blocked) is due before the as-of date.",
        "存在截止日期早于基准日的未完成行动（planned、in_progress、blocked）。",
    ),
    FlagCode.NO_SPONSOR: ("No executive sponsor is named.", "未指定高层发起人。"),
    FlagCode.DECISION_MAKER_UNCOVERED: (
        "Decision coverage DC is 0: no decision maker or economic buyer is a champion or "
        "supporter.",
        "决策覆盖率 DC 为 0：没有任何决策者或经济买家是支持者或拥护者。",
    ),
    FlagCode.OPPONENT_DECISION_MAKER: (
        "A decision maker or economic buyer is an opponent.",
        "有决策者或经济买家持反对态度。",
    ),
    FlagCode.SINGLE_THREADED: (
        f"Fewer than {MIN_STAKEHOLDERS} stakeholders have an owner on our side.",
        f"有我方负责人的关键人少于 {MIN_STAKEHOLDERS} 位。",
    ),
    FlagCode.NO_COACH: ("No stakeholder has the role coach.", "没有任何关键人担任教练（coach）。"),
    FlagCode.LOW_PIPELINE_COVERAGE: (
        "Pipeline coverage PC is below 1.0: the weighted pipeline does not cover the gap.",
        "管道覆盖率 PC 低于 1.0：加权商机不足以弥补收入缺口。",
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


@dataclass(frozen=True)
class Measures:
    """The already computed numbers some flags test."""

    decision_coverage: float | None
    weighted_pipeline: float
    revenue_gap: float | None
    pipeline_coverage: float | None
    quadrant: Quadrant | None


class _Say:
    """Picks the evidence text in the portfolio language."""

    def __init__(self, language: Language) -> None:
        self.zh = language is Language.zh

    def __call__(self, en: str, zh: str) -> str:
        return zh if self.zh else en


def _roles(stakeholder: Stakeholder) -> str:
    return ", ".join(role.value for role in stakeholder.roles)


def _stale(a: Account, s: PortfolioSettings, as_of: dt.date, say: _Say) -> Iterator[Evidence]:
    if not is_stale(a.reviewed, as_of, s.stale_after_days):
        return
    if a.reviewed is None:
        yield Evidence(("reviewed",), say("no review date", "没有复盘日期"))
        return
    days = (as_of - a.reviewed).days
    yield Evidence(
        ("reviewed",),
        say(
            f"last reviewed {a.reviewed}, {days} days ago (limit {s.stale_after_days})",
            f"上次复盘 {a.reviewed}，已过 {days} 天（上限 {s.stale_after_days} 天）",
        ),
    )


def _overdue(a: Account, as_of: dt.date, say: _Say) -> Iterator[Evidence]:
    for action in a.actions:
        if action.status in OPEN_STATUSES and action.due is not None and action.due < as_of:
            days = (as_of - action.due).days
            yield Evidence(
                ("actions", action.id),
                say(
                    f"{action.id} ({action.status.value}) was due {action.due}, {days} days ago",
                    f"{action.id}（{action.status.value}）应于 {action.due} 完成，已逾期 {days} 天",
                ),
            )


def _no_sponsor(a: Account, say: _Say) -> Iterator[Evidence]:
    if a.sponsor is None:
        yield Evidence(("sponsor",), say("no executive sponsor", "未指定高层发起人"))


def _uncovered(a: Account, m: Measures, say: _Say) -> Iterator[Evidence]:
    if m.decision_coverage is None or r6(m.decision_coverage) != 0:
        return
    for s in a.stakeholders:
        if is_decider(s):
            yield Evidence(
                ("stakeholders", s.id),
                say(
                    f"{s.id} ({_roles(s)}) is {s.attitude.value}",
                    f"{s.id}（{_roles(s)}）态度为 {s.attitude.value}",
                ),
            )


def _opponent(a: Account, say: _Say) -> Iterator[Evidence]:
    for s in a.stakeholders:
        if is_decider(s) and s.attitude is Attitude.opponent:
            yield Evidence(
                ("stakeholders", s.id),
                say(f"{s.id} ({_roles(s)}) is an opponent", f"{s.id}（{_roles(s)}）持反对态度"),
            )


def _single_threaded(a: Account, say: _Say) -> Iterator[Evidence]:
    owned = sum(1 for s in a.stakeholders if s.owner is not None)
    if owned < MIN_STAKEHOLDERS:
        yield Evidence(
            ("stakeholders",),
            say(
                f"{owned} stakeholder(s) with an owner, {MIN_STAKEHOLDERS} needed",
                f"有负责人的关键人 {owned} 位，至少需要 {MIN_STAKEHOLDERS} 位",
            ),
        )


def _no_coach(a: Account, say: _Say) -> Iterator[Evidence]:
    if not any(Role.coach in s.roles for s in a.stakeholders):
        yield Evidence(("stakeholders",), say("no stakeholder is a coach", "没有关键人担任教练"))


def _low_coverage(m: Measures, say: _Say) -> Iterator[Evidence]:
    if m.pipeline_coverage is None or r6(m.pipeline_coverage) >= 1.0:
        return
    wp, gap, pc = display(m.weighted_pipeline), display(m.revenue_gap), display(m.pipeline_coverage)
    yield Evidence(
        ("opportunities",),
        say(
            f"weighted pipeline {wp} covers {pc}× the revenue gap {gap}",
            f"加权商机 {wp} 仅覆盖收入缺口 {gap} 的 {pc} 倍",
        ),
    )


def _tier_mismatch(a: Account, m: Measures, say: _Say) -> Iterator[Evidence]:
    if a.tier is None or m.quadrant is None:
        return
    if (a.tier in (Tier.strategic, Tier.key) and m.quadrant is Quadrant.opportunistic) or (
        a.tier is Tier.ordinary and m.quadrant is Quadrant.strategic
    ):
        yield Evidence(
            ("tier",),
            say(
                f"tier {a.tier.value} but quadrant {m.quadrant.value}",
                f"分级为 {a.tier.value}，但象限为 {m.quadrant.value}",
            ),
        )


def _unowned(a: Account, say: _Say) -> Iterator[Evidence]:
    for s in a.stakeholders:
        if s.influence >= KEY_INFLUENCE and s.owner is None:
            yield Evidence(
                ("stakeholders", s.id),
                say(
                    f"{s.id} (influence {s.influence}) has no owner",
                    f"{s.id}（影响力 {s.influence}）没有负责人",
                ),
            )


def _going_cold(a: Account, as_of: dt.date, say: _Say) -> Iterator[Evidence]:
    for s in a.stakeholders:
        if s.influence < KEY_INFLUENCE:
            continue
        if s.last_contact is None:
            yield Evidence(
                ("stakeholders", s.id),
                say(
                    f"{s.id} (influence {s.influence}): no recorded contact",
                    f"{s.id}（影响力 {s.influence}）：没有联系记录",
                ),
            )
        elif (days := (as_of - s.last_contact).days) > GOING_COLD_DAYS:
            yield Evidence(
                ("stakeholders", s.id),
                say(
                    f"{s.id} (influence {s.influence}): last contact {s.last_contact}, "
                    f"{days} days ago",
                    f"{s.id}（影响力 {s.influence}）：上次联系 {s.last_contact}，已过 {days} 天",
                ),
            )


def risk_flags(
    account: Account, settings: PortfolioSettings, as_of: dt.date, measures: Measures
) -> tuple[Flag, ...]:
    """Raised flags only, sorted by code; evidence in file order."""
    say = _Say(settings.language)
    found = {
        FlagCode.STALE_PLAN: _stale(account, settings, as_of, say),
        FlagCode.OVERDUE_ACTION: _overdue(account, as_of, say),
        FlagCode.NO_SPONSOR: _no_sponsor(account, say),
        FlagCode.DECISION_MAKER_UNCOVERED: _uncovered(account, measures, say),
        FlagCode.OPPONENT_DECISION_MAKER: _opponent(account, say),
        FlagCode.SINGLE_THREADED: _single_threaded(account, say),
        FlagCode.NO_COACH: _no_coach(account, say),
        FlagCode.LOW_PIPELINE_COVERAGE: _low_coverage(measures, say),
        FlagCode.TIER_MISMATCH: _tier_mismatch(account, measures, say),
        FlagCode.KEY_STAKEHOLDER_UNOWNED: _unowned(account, say),
        FlagCode.GOING_COLD: _going_cold(account, as_of, say),
    }
    flags = (Flag(code, tuple(evidence)) for code, evidence in found.items())
    return tuple(sorted((f for f in flags if f.evidence), key=lambda f: f.code.value))
