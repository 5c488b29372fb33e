"""Page labels in English and Chinese, picked by `portfolio.language`.

One table instead of scattered literals so a missing translation is a KeyError in
tests, not an English word on a Chinese page.
"""

from __future__ import annotations

from enum import Enum

from kamsite.evidence import days_ago
from kamsite.glossary import term, word
from kamsite.model.portfolio import Language

_LABELS: dict[str, tuple[str, str]] = {
    # sections and pages
    "dashboard": ("Dashboard", "总览"),
    "accounts": ("Accounts", "客户"),
    "strategies": ("Strategies", "战略"),
    "team": ("Team", "团队"),
    "actions": ("Actions", "行动"),
    "risks": ("Risks", "风险"),
    "method": ("Method", "方法"),
    # dashboard
    "as_of": ("As of", "基准日"),
    "fy_totals": ("Fiscal year {fy}", "{fy} 财年"),
    "revenue_actual": ("Revenue actual", "实际收入"),
    "revenue_target": ("Revenue target", "收入目标"),
    "revenue_forecast": ("Revenue forecast", "收入预测"),
    "revenue_gap": ("Revenue gap", "收入缺口"),
    "weighted_pipeline": ("Weighted pipeline", "加权商机"),
    "weighted_pipeline_fy": ("Weighted pipeline closing in FY{fy}", "FY{fy} 内关闭的加权商机"),
    "revenue_remaining": (
        "Left to win in FY{fy} (target − actual)",
        "FY{fy} 尚待完成（目标 − 实际）",
    ),
    "portfolio_matrix": ("Portfolio matrix", "客户组合矩阵"),
    "by_tier": ("Accounts by tier", "按分级"),
    "by_quadrant": ("Accounts by quadrant", "按象限"),
    "top_risks": ("Top risks", "主要风险"),
    "overdue_actions": ("Overdue actions", "逾期行动"),
    "all_accounts": ("All accounts", "全部客户"),
    "count": ("Count", "数量"),
    "none": ("none", "无"),
    # account
    "account": ("Account", "客户"),
    "tier": ("Tier", "分级"),
    "stage": ("Stage", "阶段"),
    "owner": ("Owner", "负责人"),
    "sponsor": ("Sponsor", "发起人"),
    "account_team": ("Account team", "客户团队"),
    "industry": ("Industry", "行业"),
    "region": ("Region", "区域"),
    "purchase_category": ("Purchase category", "采购类别"),
    "reviewed": ("Reviewed", "复盘日期"),
    "scores": ("Scores", "评分"),
    "attractiveness": ("Attractiveness", "吸引力"),
    "strength": ("Strength", "实力"),
    "quadrant": ("Quadrant", "象限"),
    "competitive_position": ("Competitive position", "竞争地位"),
    "relationship_health": ("Relationship health", "关系健康度"),
    "decision_coverage": ("Decision coverage", "决策覆盖率"),
    "pipeline_coverage": ("Pipeline coverage", "商机覆盖率"),
    "share_of_wallet": ("Share of wallet", "钱包份额"),
    "plan_completeness": ("Plan completeness", "计划完整度"),
    "flags": ("Flags", "风险标记"),
    "level_good": ("good", "良好"),
    "level_fair": ("fair", "一般"),
    "level_poor": ("poor", "差"),
    "level_none": ("not scored", "未评分"),
    "no_flags": ("No flags.", "无风险标记。"),
    "overview": ("Overview", "概况"),
    "revenue_by_year": ("Revenue by year", "历年收入"),
    "year": ("Year", "年度"),
    "actual": ("Actual", "实际"),
    "target": ("Target", "目标"),
    "forecast": ("Forecast", "预测"),
    "wallet": ("Wallet", "客户支出"),
    "decision_chain": ("Decision chain", "决策链"),
    "name": ("Name", "姓名"),
    "title": ("Title", "职务"),
    "unit": ("Unit", "部门"),
    "roles": ("Roles", "角色"),
    "influence": ("Influence", "影响力"),
    "attitude": ("Attitude", "态度"),
    "relationship": ("R", "关系 R"),
    "last_contact": ("Last contact", "最近联系"),
    "people_roles": ("People and roles", "人员与角色"),
    "relationship_dimensions": ("Relationship on six dimensions", "关系六维度"),
    "dimensions_note": (
        "Each dimension 0 (none) to 5 (full); R = 20 × their mean, 0–100. "
        "People not yet assessed show —; current → target where a target is set. "
        "People who left or moved are faded and scored nowhere.",
        "每个维度 0（无）到 5（充分）；R = 20 × 六项平均，0–100。未评估者显示 —；"
        "设有目标的维度显示 当前 → 目标。离职或调岗人员以淡色显示，不参与评分。",
    ),
    "influence_scale": ("Influence (1–\u20605)", "影响力（1–\u20605）"),
    "until": ("by {date}", "{date} 前"),
    "key_person": ("key person", "关键人物"),
    "mode": ("mode: {mode}", "反应模式：{mode}"),
    "prefers": ("leans to {name}", "倾向 {name}"),
    "target_short": ("target {value}", "目标 {value}"),
    "amounts_in": ("Amounts in {unit}", "金额单位：{unit}"),
    "title_unit": ("Title and unit", "职务与部门"),
    "no_graph": ("No stakeholders mapped yet.", "尚未绘制关键人。"),
    "needs": ("Needs and competitive ranking", "需求与竞争排名"),
    "need": ("Need", "需求"),
    "type": ("Type", "类型"),
    "importance": ("Importance", "重要性"),
    "us": ("Us", "我方"),
    "competitors": ("Competitors", "竞争对手"),
    "position": ("Position", "地位"),
    "share": ("Share %", "份额 %"),
    "strengths": ("Strengths", "优势"),
    "weaknesses": ("Weaknesses", "劣势"),
    "opportunities_swot": ("Opportunities", "机会"),
    "threats": ("Threats", "威胁"),
    "swot": ("SWOT", "SWOT 分析"),
    "value_proposition": ("Value proposition", "价值主张"),
    "vp_quantified": ("Quantified value", "可量化价值"),
    "vp_psychological": ("Psychological value", "心理价值"),
    "vp_customer_commitments": ("Customer commitments", "客户承诺"),
    "vp_tracking": ("Tracking measures", "跟踪措施"),
    "opportunities": ("Opportunities", "商机"),
    "amount": ("Amount", "金额"),
    "probability": ("Probability", "赢率"),
    "weighted": ("Weighted", "加权"),
    "close": ("Close", "预计关闭"),
    "stakeholders": ("Stakeholders", "关键人"),
    "next_step": ("Next step", "下一步"),
    "reason_won": ("Why won", "赢单原因"),
    "reason_lost": ("Why lost", "丢单原因"),
    "engagements": ("Organisation-level engagements", "组织客户关系"),
    "cadence": ("Cadence", "频率"),
    "next": ("Next", "下次"),
    "resources": ("Resources we commit", "资源投入"),
    "total": ("Total", "合计"),
    "time_frame": ("Time frame {start} – {end}", "时间范围 {start} – {end}"),
    "expected_by_now": ("expected by now {value}", "当前应完成 {value}"),
    "objectives": ("Objectives and KPIs", "目标与 KPI"),
    "objective": ("Objective", "目标"),
    "contributes_to": ("Contributes to", "支撑"),
    "kpi": ("KPI", "KPI"),
    "baseline": ("Baseline", "基线"),
    "progress": ("Progress", "进度"),
    "status": ("Status", "状态"),
    "what": ("What", "内容"),
    "due": ("Due", "截止"),
    "stakeholder": ("Stakeholder", "关键人"),
    "reviews": ("Reviews", "复盘"),
    "date": ("Date", "日期"),
    "kind": ("Kind", "类型"),
    "by": ("By", "参与人"),
    "likelihood": ("Likelihood", "可能性"),
    "impact": ("Impact", "影响"),
    "exposure": ("L\u00a0×\u00a0I", "风险值"),
    "mitigation": ("Mitigation", "应对"),
    "nothing": ("Nothing recorded.", "暂无记录。"),
    "overdue": ("overdue", "逾期"),
    "evidence": ("Evidence", "依据"),
    "flag": ("Flag", "标记"),
    # strategy
    "strategy": ("Strategy", "战略"),
    "scope": ("Scope", "范围"),
    "horizon": ("Horizon", "规划期"),
    "gaps": ("Gaps", "差距"),
    "metric": ("Metric", "指标"),
    "root_causes": ("Root causes", "根因"),
    "insight": ("Market insight (five looks)", "市场洞察（五看）"),
    "look_macro": ("Macro (PEST)", "看宏观"),
    "look_industry": ("Industry", "看行业"),
    "look_customers": ("Customers", "看客户"),
    "look_competitors": ("Competitors", "看对手"),
    "look_self": ("Ourselves", "看自己"),
    "intent": ("Strategic intent", "战略意图"),
    "mission": ("Mission", "使命"),
    "vision": ("Vision", "愿景"),
    "goals": ("Goals", "目标"),
    "milestones": ("Milestones", "里程碑"),
    "innovation_focus": ("Innovation focus", "创新焦点"),
    "design": ("Business design", "业务设计"),
    "design_customer_selection": ("Customer selection", "客户选择"),
    "design_value_proposition": ("Value proposition", "价值主张"),
    "design_value_capture": ("Value capture", "价值获取"),
    "design_scope": ("Scope of activities", "活动范围"),
    "design_strategic_control": ("Strategic control", "战略控制"),
    "design_risk_management": ("Risk management", "风险管理"),
    "strategy_map": ("Strategy map", "战略地图"),
    "perspective": ("Perspective", "层面"),
    "csf": ("CSF", "关键成功因素"),
    "tasks": ("Tasks", "任务"),
    "expected_progress": ("Expected progress", "预期进度"),
    # team
    "member": ("Member", "成员"),
    "role": ("Role", "岗位"),
    "owned_accounts": ("Accounts owned", "负责的客户"),
    "sponsored_accounts": ("Accounts sponsored", "发起的客户"),
    "team_accounts": ("Account teams", "参与的客户团队"),
    "owned_stakeholders": ("Stakeholders owned", "负责的关键人"),
    "open_actions": ("Open actions", "未完成行动"),
    # risks and method
    "account_flags": ("Account flags", "客户风险标记"),
    "account_risks": ("Account risks", "客户风险"),
    "condition": ("Condition", "条件"),
    "weight": ("Weight", "权重"),
    "criterion": ("Criterion", "评价项"),
    "threshold": ("Threshold", "阈值"),
    "checks": ("Plan checks", "计划检查项"),
    "default_probability": ("Win probability", "赢率"),
}


class Say:
    """Labels and enum values in one language."""

    def __init__(self, language: Language) -> None:
        self.language = language
        self.zh = language is Language.zh

    def __call__(self, key: str, **values: object) -> str:
        en, zh = _LABELS[key]
        return (zh if self.zh else en).format(**values)

    def days_ago(self, days: int) -> str:
        """`days` before the as-of date in words, with the right plural."""
        if days == 0:
            return "今天" if self.zh else "today"
        if days < 0:
            return f"{-days} 天后" if self.zh else f"in {-days} day{'s' if days != -1 else ''}"
        return f"{days} 天前" if self.zh else days_ago(days)

    def dimension(self, key: str) -> str:
        """One of the six dimensions of a relationship, named as the method names it."""
        text = term("dimension", key, self.language)
        return text[:1].upper() + text[1:]

    def value(self, item: Enum | None) -> str:
        """An enum value in the glossary's words; `—` when unset."""
        return "—" if item is None else word(item, self.language)
