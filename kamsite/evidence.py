"""Flag evidence in words: the scores say which item raised a flag and the facts it quotes
(`kamsite.score.results.Evidence`), this module says it in the portfolio's language.

People, actions and opportunities by name (a person's local name in a Chinese portfolio),
enum values in the glossary's words, amounts with their unit. The result is plain text: the
page's template or the report's Markdown escaping makes it safe where it lands.
"""

from __future__ import annotations

import datetime as dt
from enum import Enum

from kamsite.glossary import named, word
from kamsite.model.portfolio import Language
from kamsite.score.numbers import display
from kamsite.score.results import Evidence, Fact

_PHRASES: dict[str, tuple[str, str]] = {
    "no_review": ("no review date", "没有复盘日期"),
    "review_old": (
        "last reviewed {date}, {days_ago} (limit {limit} days)",
        "上次复盘 {date}，已过 {days} 天（上限 {limit} 天）",
    ),
    "action_overdue": (
        "{what} ({status}) was due {due}, {days_ago}",
        "{what}（{status}）应于 {due} 完成，已逾期 {days} 天",
    ),
    "step_overdue": (
        "next step of {what} ({stage}) was due {due}, {days_ago}",
        "{what}（{stage}）的下一步应于 {due} 完成，已逾期 {days} 天",
    ),
    "no_sponsor": ("no executive sponsor", "未指定高层发起人"),
    "decider_not_won": ("{who} ({roles}) is {attitude}", "{who}（{roles}）态度为{attitude}"),
    "opponent": (
        "{who} ({roles}, influence {influence}) is an opponent",
        "{who}（{roles}，影响力 {influence}）持反对态度",
    ),
    "few_owned": (
        "stakeholders with an owner on our side: {owned}, {needed} needed",
        "有我方负责人的关键人 {owned} 位，至少需要 {needed} 位",
    ),
    "no_coach": ("no stakeholder is a coach", "没有关键人担任教练"),
    "pipeline_short": (
        "weighted pipeline {wpfy} {unit} closing by FY{fy} covers {coverage}× the "
        "{remaining} {unit} left to win",
        "FY{fy} 内关闭的加权商机 {wpfy} {unit} 仅覆盖尚待完成收入 {remaining} {unit} 的 "
        "{coverage} 倍",
    ),
    "tier_vs_quadrant": (
        "tier {tier} but quadrant {quadrant}",
        "分级为{tier}，但象限为{quadrant}",
    ),
    "unowned": (
        "{who} (influence {influence}) has no owner",
        "{who}（影响力 {influence}）没有我方负责人",
    ),
    "never_contacted": (
        "{who} (influence {influence}): no recorded contact",
        "{who}（影响力 {influence}）：没有联系记录",
    ),
    "contact_old": (
        "{who} (influence {influence}): last contact {date}, {days_ago}",
        "{who}（影响力 {influence}）：上次联系 {date}，已过 {days} 天",
    ),
}


def days_ago(days: int) -> str:
    """English count of days with its plural ("1 day ago", "2 days ago")."""
    return f"{days} day ago" if days == 1 else f"{days} days ago"


def _shown(value: Fact, language: Language) -> str:
    if isinstance(value, Enum):
        return word(value, language)
    if isinstance(value, tuple):
        return ("、" if language is Language.zh else ", ").join(_shown(v, language) for v in value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float):
        return display(value)
    return "" if value is None else str(value)


def evidence_text(evidence: Evidence, language: Language) -> str:
    """One evidence item as a phrase; a person by their local name in Chinese when they have one."""
    facts = dict(evidence.facts)
    zh = language is Language.zh
    local = facts.pop("local", None)
    if isinstance(who := facts.get("who"), str):
        facts["who"] = named(who, local if isinstance(local, str) else None, language)
    fields = {key: _shown(value, language) for key, value in facts.items()}
    days = facts.get("days")
    if isinstance(days, int):
        fields["days_ago"] = days_ago(days)
    en, zh_phrase = _PHRASES[evidence.kind]
    return (zh_phrase if zh else en).format(**fields)
