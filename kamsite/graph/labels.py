"""The words inside the pictures, in the portfolio's `language` (en | zh)."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from enum import Enum

from kamsite import glossary
from kamsite.model.account import Tier
from kamsite.model.portfolio import Language
from kamsite.score.results import KpiStatus, Quadrant

_WORDS: dict[str, dict[Language, str]] = {
    # what happened to people who are gone
    "prefers": {Language.en: "leans to {name}", Language.zh: "倾向 {name}"},
    "left": {Language.en: "Left {date}", Language.zh: "{date} 离职"},
    "moved": {Language.en: "Moved {date}", Language.zh: "{date} 调岗"},
    "key_person": {Language.en: "Key person", Language.zh: "关键人物"},
    "no_tier": {Language.en: "No tier", Language.zh: "未分级"},
    # phrases
    "not_identified": {Language.en: "{role} — not identified", Language.zh: "{role} — 未识别"},
    "unidentified": {Language.en: "— not identified", Language.zh: "— 未识别"},
    "owner": {Language.en: "Owner: {name}", Language.zh: "负责人：{name}"},
    "no_owner": {Language.en: "No owner on our side", Language.zh: "我方无负责人"},
    "relationship": {Language.en: "R {score}", Language.zh: "关系 {score}"},
    "unassessed": {Language.en: "R not assessed", Language.zh: "关系 未评估"},
    "csf": {Language.en: "CSF", Language.zh: "关键成功因素"},
    "legend": {Language.en: "Legend", Language.zh: "图例"},
    "reports_to": {
        Language.en: "─── reports to (boss above); ─▶ also influences",
        Language.zh: "─── 汇报关系（上级在上）；─▶ 同时有影响",
    },
    "reports_to_sideways": {
        Language.en: "─── reports to (boss on the left); ─▶ also influences",
        Language.zh: "─── 汇报关系（上级在左）；─▶ 同时有影响",
    },
    "influences": {
        Language.en: "╌╌╌ influences (thicker = stronger)",
        Language.zh: "╌╌╌ 影响（越粗越强）",
    },
    "border_influence": {
        Language.en: "thicker border = more influence on the decision",
        Language.zh: "边框越粗 = 对决策影响越大",
    },
    "key_person_legend": {
        Language.en: "★ key person",
        Language.zh: "★ 关键人物",
    },
    "gone_legend": {
        Language.en: "faded dashed box = left or moved (not counted)",
        Language.zh: "淡色虚线框 = 已离职或调岗（不计入）",
    },
    "placeholder": {
        Language.en: "dashed box = buying-center role nobody holds",
        Language.zh: "虚线框 = 无人担任的采购角色",
    },
    "csf_legend": {
        Language.en: "thick border = critical success factor (CSF)",
        Language.zh: "粗边框 = 关键成功因素",
    },
    "supports": {
        Language.en: "─▶ supports (cause → effect)",
        Language.zh: "─▶ 支撑（因 → 果）",
    },
    "strength_axis": {Language.en: "Our strength S", Language.zh: "我方实力 S"},
    "attractiveness_axis": {Language.en: "Attractiveness A", Language.zh: "客户吸引力 A"},
    "bubble": {
        Language.en: "bubble area = FY revenue",
        Language.zh: "气泡面积 = 本财年收入",
    },
    "revenue": {Language.en: "Revenue {amount}", Language.zh: "收入 {amount}"},
    "tier": {Language.en: "Tier: {tier}", Language.zh: "分级：{tier}"},
    "decision_chain": {Language.en: "Decision chain: {name}", Language.zh: "决策链：{name}"},
    "strategy_map": {Language.en: "Strategy map: {name}", Language.zh: "战略地图：{name}"},
    "matrix": {Language.en: "Portfolio matrix", Language.zh: "客户组合矩阵"},
}

_TENTH = Decimal("0.1")
_MILLIONTH = Decimal("0.000001")


def language(value: str) -> Language:
    """The label language; anything but en/zh is a caller's bug, so it raises."""
    return Language(value)


def word(key: str, lang: Language, **fields: str) -> str:
    """A label in `lang`; `fields` fill the phrase's placeholders."""
    return _WORDS[key][lang].format(**fields)


def value(item: Enum, lang: Language) -> str:
    """An enum value in the glossary's words (the site's), capitalised to start a label."""
    text = glossary.word(item, lang)
    return text[:1].upper() + text[1:]


def tier(key: str, lang: Language) -> str:
    """A tier by its value, or `no_tier`."""
    return word("no_tier", lang) if key == "no_tier" else value(Tier(key), lang)


def quadrant(key: str, lang: Language) -> str:
    return value(Quadrant(key), lang)


def status(key: str, lang: Language) -> str:
    return value(KpiStatus(key), lang)


def number(value: float) -> str:
    """Half-up to one decimal after rounding to 6 places (DESIGN.md §4 display rule)."""
    exact = Decimal(repr(value)).quantize(_MILLIONTH, rounding=ROUND_HALF_UP)
    shown = exact.quantize(_TENTH, rounding=ROUND_HALF_UP)
    return str(shown.copy_abs() if shown.is_zero() else shown)
