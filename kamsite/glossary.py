"""The words for every value of the content format and the scores, in English and Chinese,
using the method's terms: one glossary for the site, the pictures and the review report, so a
value reads the same everywhere.

Keyed by domain (the enum's class name, or a name such as "dimension" for keys that are not an
enum), because one value can mean different things: tier `strategic` (战略级) is not quadrant
`strategic` (核心型). A value missing from its domain is looked for in the others (a change
whose kind alone does not say which enum it is, e.g. the status of an account objective or of a
strategy objective), then reads as written, underscores as spaces.
"""

from __future__ import annotations

from enum import Enum

from kamsite.model.portfolio import Language

_WORDS: dict[str, dict[str, tuple[str, str]]] = {
    "Tier": {
        "strategic": ("strategic", "战略级"),
        "key": ("key", "重点级"),
        "important": ("important", "重要级"),
        "ordinary": ("ordinary", "普通级"),
    },
    "Quadrant": {
        "strategic": ("core", "核心型"),
        "develop": ("develop", "发展型"),
        "maintain": ("maintain", "维持型"),
        "opportunistic": ("opportunistic", "机会型"),
    },
    "RelationshipStage": {
        "exploratory": ("exploratory", "探索阶段"),
        "basic": ("basic", "基础阶段"),
        "cooperative": ("cooperative", "合作阶段"),
        "interdependent": ("interdependent", "相互依存阶段"),
        "integrated": ("integrated", "一体化阶段"),
    },
    "PurchaseCategory": {
        "strategic": ("strategic purchase", "战略采购"),
        "leverage": ("leverage", "杠杆采购"),
        "bottleneck": ("bottleneck", "瓶颈采购"),
        "routine": ("routine", "常规采购"),
    },
    "NeedType": {
        "functional": ("functional", "功能价值"),
        "economic": ("economic", "经济价值"),
        "psychological": ("psychological", "心理价值"),
    },
    "Position": {
        "incumbent": ("incumbent", "在位者"),
        "challenger": ("challenger", "挑战者"),
        "niche": ("niche", "细分"),
    },
    "OrgLevel": {
        "executive": ("executive", "高层"),
        "management": ("management", "中层"),
        "operational": ("operational", "基层"),
    },
    "Role": {
        "decision_maker": ("decision maker", "决策者"),
        "economic_buyer": ("economic buyer", "经济买家"),
        "technical_buyer": ("technical buyer", "技术买家"),
        "user_buyer": ("user buyer", "使用者"),
        "procurement": ("procurement", "采购"),
        "influencer": ("influencer", "影响者"),
        "gatekeeper": ("gatekeeper", "把关者"),
        "coach": ("coach", "教练"),
    },
    "Attitude": {
        "champion": ("champion", "倡导者"),
        "supporter": ("supporter", "支持者"),
        "neutral": ("neutral", "中立"),
        "skeptic": ("skeptic", "怀疑者"),
        "opponent": ("opponent", "反对者"),
        "unknown": ("unknown", "未知"),
    },
    "Mode": {
        "growth": ("growth mode", "成长模式"),
        "trouble": ("trouble mode", "困境模式"),
        "even_keel": ("even-keel mode", "平稳模式"),
        "overconfident": ("overconfident mode", "过度自信模式"),
    },
    "Strength": {
        "weak": ("weak", "弱"),
        "medium": ("medium", "中"),
        "strong": ("strong", "强"),
    },
    "PersonStatus": {
        "active": ("active", "在职"),
        "left": ("left", "离职"),
        "moved": ("moved", "调岗"),
    },
    "Status": {
        "planned": ("planned", "计划中"),
        "in_progress": ("in progress", "进行中"),
        "done": ("done", "已完成"),
        "blocked": ("blocked", "受阻"),
        "dropped": ("dropped", "已放弃"),
    },
    "Direction": {"up": ("up", "越高越好"), "down": ("down", "越低越好")},
    "Cadence": {
        "once": ("once", "一次性"),
        "monthly": ("monthly", "每月"),
        "quarterly": ("quarterly", "每季度"),
        "semiannual": ("semiannual", "每半年"),
        "annual": ("annual", "每年"),
    },
    "ReviewKind": {
        "quarterly": ("quarterly", "季度复盘"),
        "annual": ("annual", "年度复盘"),
        "relationship": ("relationship", "关系复盘"),
        "win_loss": ("win/loss", "赢输复盘"),
    },
    "Scope": {"portfolio": ("portfolio", "客户组合"), "account": ("account", "单一客户")},
    "GapKind": {
        "performance": ("performance gap", "业绩差距"),
        "opportunity": ("opportunity gap", "机会差距"),
    },
    "Perspective": {
        "financial": ("financial", "财务"),
        "customer": ("customer", "客户"),
        "internal": ("internal processes", "内部流程"),
        "learning": ("learning and growth", "学习与成长"),
    },
    "Stage": {
        "discover": ("discover", "信息收集"),
        "qualify": ("qualify", "筛选"),
        "shape_solution": ("shape solution", "方案引导"),
        "recommend": ("recommend", "品牌推荐"),
        "uncover_needs": ("uncover needs", "需求挖掘"),
        "key_person_meeting": ("key person meeting", "关键人会面"),
        "negotiate": ("negotiate", "商务谈判"),
        "commit": ("commit", "达成意向"),
        "won": ("won", "赢单"),
        "lost": ("lost", "丢单"),
    },
    "Measure": {
        "revenue_actual": ("revenue to date", "实际收入"),
        "revenue_forecast": ("revenue forecast", "收入预测"),
        "weighted_pipeline_fy": (
            "weighted pipeline closing this fiscal year",
            "本财年内关闭的加权商机",
        ),
        "decision_coverage": ("decision makers won, %", "已争取的决策者占比 %"),
        "key_stakeholders_owned": ("key people with an owner, %", "有我方负责人的关键人占比 %"),
        "plans_current": ("plans reviewed in time, %", "按时复盘的计划占比 %"),
    },
    "KpiStatus": {
        "on_track": ("on track", "正常"),
        "at_risk": ("at risk", "有风险"),
        "off_track": ("off track", "偏离"),
        "unknown": ("unknown", "未知"),
    },
    "FlagCode": {
        "STALE_PLAN": ("Stale plan", "计划过期"),
        "OVERDUE_ACTION": ("Overdue action", "行动逾期"),
        "NO_SPONSOR": ("No sponsor", "无高层发起人"),
        "DECISION_MAKER_UNCOVERED": ("Decision maker not won", "决策者未争取"),
        "OPPONENT_DECISION_MAKER": ("Opponent decision maker", "决策者反对"),
        "SINGLE_THREADED": ("Single-threaded", "单线联系"),
        "NO_COACH": ("No coach", "无教练"),
        "LOW_PIPELINE_COVERAGE": ("Low pipeline coverage", "商机覆盖不足"),
        "TIER_MISMATCH": ("Tier mismatch", "分级与象限不符"),
        "KEY_STAKEHOLDER_UNOWNED": ("Key stakeholder unowned", "关键人无负责人"),
        "GOING_COLD": ("Going cold", "关系变冷"),
    },
    # The six dimensions of a relationship, as the relationship-planning source names them.
    "dimension": {
        "acceptance": ("acceptance", "接受认可度"),
        "participation": ("participation", "活动参与度"),
        "information": ("information sharing", "信息传递度"),
        "guidance": ("day-to-day guidance", "日常指导度"),
        "project_support": ("project support", "项目支持度"),
        "competitive_preference": ("competitive preference", "竞争偏向度"),
    },
}


_ANY: dict[str, tuple[str, str]] = {}
for _values in reversed(_WORDS.values()):
    _ANY.update(_values)


def term(domain: str, value: str, language: Language) -> str:
    """`value` of `domain` in `language` (see the module's docstring for values not listed)."""
    words = _WORDS.get(domain, {}).get(value) or _ANY.get(value)
    if words is None:
        return value.replace("_", " ")
    return words[1] if language is Language.zh else words[0]


def word(value: Enum, language: Language) -> str:
    """An enum value in `language`, its domain being its enum class."""
    return term(type(value).__name__, str(value.value), language)


def domains() -> dict[str, tuple[str, ...]]:
    """Every domain with its values, for tests that check no two words of a domain clash."""
    return {domain: tuple(values) for domain, values in _WORDS.items()}


def named(name: str, local_name: str | None, language: Language) -> str:
    """A person's or account's name as a reader of `language` knows it: the local name in a
    Chinese portfolio when there is one."""
    return local_name if language is Language.zh and local_name else name
