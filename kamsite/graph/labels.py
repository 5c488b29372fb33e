"""The words inside the pictures, in the portfolio's `language` (en | zh)."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from kamsite.model.portfolio import Language

_WORDS: dict[str, dict[Language, str]] = {
    # buying-center roles
    "decision_maker": {Language.en: "Decision maker", Language.zh: "决策者"},
    "economic_buyer": {Language.en: "Economic buyer", Language.zh: "经济买家"},
    "technical_buyer": {Language.en: "Technical buyer", Language.zh: "技术买家"},
    "user_buyer": {Language.en: "User buyer", Language.zh: "使用者"},
    "procurement": {Language.en: "Procurement", Language.zh: "采购"},
    "influencer": {Language.en: "Influencer", Language.zh: "影响者"},
    "gatekeeper": {Language.en: "Gatekeeper", Language.zh: "把关者"},
    "coach": {Language.en: "Coach", Language.zh: "教练"},
    # attitudes
    "champion": {Language.en: "Champion", Language.zh: "倡导者"},
    "supporter": {Language.en: "Supporter", Language.zh: "支持者"},
    "neutral": {Language.en: "Neutral", Language.zh: "中立"},
    "skeptic": {Language.en: "Skeptic", Language.zh: "怀疑者"},
    "opponent": {Language.en: "Opponent", Language.zh: "反对者"},
    "unknown": {Language.en: "Unknown", Language.zh: "未知"},
    # response modes and what happened to people who are gone
    "growth": {Language.en: "Growth mode", Language.zh: "成长模式"},
    "trouble": {Language.en: "Trouble mode", Language.zh: "困境模式"},
    "even_keel": {Language.en: "Even-keel mode", Language.zh: "平稳模式"},
    "overconfident": {Language.en: "Overconfident mode", Language.zh: "自满模式"},
    "prefers": {Language.en: "leans to {name}", Language.zh: "倾向 {name}"},
    "left": {Language.en: "Left {date}", Language.zh: "{date} 离职"},
    "moved": {Language.en: "Moved {date}", Language.zh: "{date} 调岗"},
    "key_person": {Language.en: "Key person", Language.zh: "关键人物"},
    # objective status
    "on_track": {Language.en: "On track", Language.zh: "正常"},
    "at_risk": {Language.en: "At risk", Language.zh: "有风险"},
    "off_track": {Language.en: "Off track", Language.zh: "偏离"},
    # perspectives
    "financial": {Language.en: "Financial", Language.zh: "财务"},
    "customer": {Language.en: "Customer", Language.zh: "客户"},
    "internal": {Language.en: "Internal processes", Language.zh: "内部运营"},
    "learning": {Language.en: "Learning and growth", Language.zh: "学习与成长"},
    # tiers and quadrants
    "strategic": {Language.en: "Strategic", Language.zh: "战略"},
    "key": {Language.en: "Key", Language.zh: "重点"},
    "important": {Language.en: "Important", Language.zh: "重要"},
    "ordinary": {Language.en: "Ordinary", Language.zh: "普通"},
    "no_tier": {Language.en: "No tier", Language.zh: "未分级"},
    "develop": {Language.en: "Develop", Language.zh: "发展"},
    "maintain": {Language.en: "Maintain", Language.zh: "维持"},
    "opportunistic": {Language.en: "Opportunistic", Language.zh: "机会"},
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


def number(value: float) -> str:
    """Half-up to one decimal after rounding to 6 places (DESIGN.md §4 display rule)."""
    exact = Decimal(repr(value)).quantize(_MILLIONTH, rounding=ROUND_HALF_UP)
    shown = exact.quantize(_TENTH, rounding=ROUND_HALF_UP)
    return str(shown.copy_abs() if shown.is_zero() else shown)
