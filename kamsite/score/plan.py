"""The ten plan-completeness checks of DESIGN.md §4 and `P = 10 × passed`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from kamsite.model.account import Account, Role
from kamsite.model.execution import is_open
from kamsite.model.portfolio import Language, PortfolioSettings
from kamsite.score.results import Check

KEY_INFLUENCE = 4
MIN_STAKEHOLDERS = 3


@dataclass(frozen=True, slots=True)
class _Context:
    account: Account
    settings: PortfolioSettings
    as_of: dt.date


def is_stale(reviewed: dt.date | None, as_of: dt.date, stale_after_days: int) -> bool:
    """Shared with the STALE_PLAN flag so check 8 and the flag can never disagree."""
    return reviewed is None or (as_of - reviewed).days > stale_after_days


def _assessment(c: _Context) -> bool:
    return c.account.assessment is not None


def _stakeholders(c: _Context) -> bool:
    return len(c.account.active_stakeholders) >= MIN_STAKEHOLDERS


def _decision_maker(c: _Context) -> bool:
    return any(Role.decision_maker in s.roles for s in c.account.active_stakeholders)


def _key_owned(c: _Context) -> bool:
    people = c.account.active_stakeholders
    return all(s.owner is not None for s in people if s.influence >= KEY_INFLUENCE)


def _value_proposition(c: _Context) -> bool:
    vp = c.account.value_proposition
    return vp is not None and all(
        (vp.quantified, vp.psychological, vp.customer_commitments, vp.tracking)
    )


def _kpi_target(c: _Context) -> bool:
    return any(k.target is not None for o in c.account.objectives for k in o.kpis)


def _actions_planned(c: _Context) -> bool:
    return all(
        a.owner is not None and a.due is not None for a in c.account.actions if is_open(a.status)
    )


def _reviewed(c: _Context) -> bool:
    return not is_stale(c.account.reviewed, c.as_of, c.settings.stale_after_days)


def _competitor(c: _Context) -> bool:
    return bool(c.account.competitors)


def _revenue_target(c: _Context) -> bool:
    row = c.account.revenue_for(c.settings.fiscal_year)
    return row is not None and row.target is not None


# (key, test, English label, Chinese label); the order is the §4 numbering.
CHECKS: tuple[tuple[str, Callable[[_Context], bool], str, str], ...] = (
    ("assessment", _assessment, "Attractiveness and strength assessed", "已完成吸引力与实力评估"),
    ("stakeholders", _stakeholders, "At least 3 stakeholders mapped", "至少识别 3 位关键人"),
    ("decision_maker", _decision_maker, "A decision maker identified", "已识别决策者"),
    (
        "key_owned",
        _key_owned,
        "Every stakeholder with influence ≥ 4 has an owner",
        "影响力 ≥ 4 的关键人均有我方负责人",
    ),
    (
        "value_proposition",
        _value_proposition,
        "All four value-proposition quadrants filled",
        "价值主张四个象限均已填写",
    ),
    ("kpi_target", _kpi_target, "An objective with a KPI target", "至少一个目标设有带目标值的 KPI"),
    (
        "actions_planned",
        _actions_planned,
        "Every open action has an owner and a due date",
        "所有未完成行动均有负责人和截止日期",
    ),
    ("reviewed", _reviewed, "Plan reviewed within {days} days", "计划在 {days} 天内复盘过"),
    ("competitor", _competitor, "At least one competitor analysed", "至少分析一个竞争对手"),
    ("revenue_target", _revenue_target, "A revenue target for FY{fy}", "已设定 FY{fy} 收入目标"),
)


def check_labels(settings: PortfolioSettings) -> tuple[str, ...]:
    """The ten labels in the portfolio's language with the live config filled in."""
    zh = settings.language is Language.zh
    return tuple(
        (zh_label if zh else en).format(days=settings.stale_after_days, fy=settings.fiscal_year)
        for _key, _test, en, zh_label in CHECKS
    )


def plan_checks(account: Account, settings: PortfolioSettings, as_of: dt.date) -> tuple[Check, ...]:
    """Which checks pass, without language: `check_labels` says what each is."""
    context = _Context(account, settings, as_of)
    return tuple(
        Check(number=i + 1, key=key, passed=test(context))
        for i, (key, test, _en, _zh) in enumerate(CHECKS)
    )


def plan_completeness(checks: tuple[Check, ...]) -> int:
    return 10 * sum(1 for check in checks if check.passed)
