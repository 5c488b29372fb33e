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
    # the review report's metric words (kamsite.diff.words) are these
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
    "gap": ("Gap", "差距"),
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
    "measured": ("computed from the accounts: {measure}", "由客户数据计算：{measure}"),
    "kpi_unit": ("Unit", "单位"),
    # the portfolio review: attention, revenue, owners, relationships
    "attention": ("Accounts needing attention", "需要关注的客户"),
    "attention_note": (
        "Priority = severity × worth: each raised flag weighs 1–3 by how much it threatens the "
        "account; worth = tier weight ({weights}) × (1 + revenue at stake ÷ the largest in the "
        "portfolio). At stake: the FY target, else the revenue expected at year end, in {unit}.",
        "优先级 = 严重度 × 价值：每个风险标记按威胁程度计 1–3 分；价值 = 分级权重（{weights}）"
        "×（1 + 涉及收入 ÷ 组合中最大的涉及收入）。涉及收入：财年目标，否则为全年预计，"
        "单位 {unit}。",
    ),
    "how_computed": ("How the priority is computed", "优先级如何计算"),
    "all_flags_risks": ("All flags and risks by account", "按客户查看全部风险标记与风险"),
    "rank": ("#", "序"),
    "priority": ("Priority", "优先级"),
    "at_stake": ("At stake", "涉及收入"),
    "reasons": ("Top reasons", "主要原因"),
    "more_evidence": ("+{n} more", "等 {n} 项"),
    "more_flags": ("Other flags: {n}", "其他标记：{n}"),
    "revenue_fy": ("Revenue FY{fy}", "FY{fy} 收入"),
    "fig_target": ("Target FY{fy}", "FY{fy} 目标"),
    "hint_target": ("Σ FY{fy} revenue target", "FY{fy} 收入目标之和"),
    "fig_expected": ("Expected at year end", "全年预计"),
    "hint_expected": (
        "Σ forecast, else actual to date, for each account",
        "各客户的预测之和（无预测则取截至目前的实际）",
    ),
    "fig_actual": ("Actual to date", "截至目前实际"),
    "hint_actual": ("Σ FY{fy} revenue booked so far", "FY{fy} 已实现收入之和"),
    "fig_gap": ("Gap (target − expected)", "缺口（目标 − 全年预计）"),
    "fig_gap_planned": (
        "Gap (target − {planned} expected from the accounts with a target)",
        "缺口（目标 − 有目标客户的全年预计 {planned}）",
    ),
    "hint_gap": (
        "Σ revenue gap G over the accounts with a FY{fy} target",
        "有 FY{fy} 目标的客户的收入缺口 G 之和",
    ),
    "fig_growth": ("vs FY{year} actual", "较 FY{year} 实际"),
    "hint_growth": (
        "expected at year end ÷ FY{year} actual ({previous}) − 1, both over the accounts with "
        "a FY{year} actual ({n})",
        "全年预计 ÷ FY{year} 实际（{previous}）− 1，两者都只计有 FY{year} 实际的客户（{n} 个）",
    ),
    "fig_share": ("Share of portfolio", "占组合比例"),
    "hint_share": (
        "this expected revenue ÷ the portfolio's",
        "本组全年预计 ÷ 组合全年预计",
    ),
    "revenue_note": (
        "Amounts in {unit}. Expected at year end: each account's FY{fy} forecast, else its "
        "actual to date; gap = target − expected over the accounts with a FY{fy} target, as on "
        "every page.",
        "金额单位：{unit}。全年预计：各客户 FY{fy} 的预测，无预测则取截至目前的实际；"
        "缺口 = 目标 − 全年预计，只计有 FY{fy} 目标的客户；各页面口径一致。",
    ),
    "revenue_unplanned": (
        "{value} of the expected revenue comes from accounts without a FY{fy} target.",
        "全年预计中有 {value} 来自没有 FY{fy} 目标的客户。",
    ),
    "revenue_of_strategy": (
        "Computed from this strategy's accounts (all accounts for a portfolio strategy, its "
        "account for an account strategy), beside the gaps written above.",
        "按本战略涉及的客户计算（组合战略为全部客户，客户战略为该客户），与上方填写的差距对照。",
    ),
    "concentration": ("Revenue concentration", "收入集中度"),
    "top_share": (
        "The top {n} accounts carry {share} of the FY{fy} revenue expected at year end:",
        "前 {n} 大客户占 FY{fy} 全年预计的 {share}：",
    ),
    "no_owner": ("no owner", "无负责人"),
    "overdue_tasks": ("Overdue strategy tasks", "逾期战略任务"),
    "overdue_count": ("{n} overdue", "{n} 项逾期"),
    "overdue_items": ("Overdue", "逾期"),
    "risks_order": (
        "Accounts in order of attention priority (as on the dashboard), each with every flag it "
        "raises, most severe first, and its risks by exposure.",
        "客户按关注优先级排列（与总览一致），列出每个客户的全部风险标记（严重者在前）及按风险值"
        "排列的风险。",
    ),
    "likelihood_impact": ("Likelihood × impact, 1–25", "可能性 × 影响，1–25"),
    "exposure_note": (
        "L × I: likelihood × impact, each 1–5, so 1–25.",
        "风险值 = 可能性 × 影响（各 1–5），即 1–25。",
    ),
    "relationship_score": (
        "Relationship score R = 20 × the mean of the six dimensions, 0–100",
        "关系得分 R = 20 × 六维度平均，0–100",
    ),
    "csf_full": ("Critical success factor", "关键成功因素"),
    "contributing": ("Account objectives contributing", "支撑该目标的客户目标"),
    "account_objective": ("Account objective", "客户目标"),
    "no_contributions": (
        "No account objective names this objective yet.",
        "尚无客户目标支撑该目标。",
    ),
    "team_note": (
        "Expected: FY revenue expected at year end (forecast, else actual) of the accounts a "
        "person owns, in {unit}; share: of the portfolio's. Flags: raised on the accounts they "
        "own. Overdue: their overdue actions and strategy tasks.",
        "全年预计：其负责客户的财年预测（无预测取实际），单位 {unit}；占比：占组合全年预计的比例。"
        "风险标记：其负责客户上的标记。逾期：其逾期的行动与战略任务。",
    ),
    "owned_objectives": ("Objectives and KPIs", "目标与 KPI"),
    "objectives_note": (
        "Strategy objectives this person owns, then the objectives of the accounts they own.",
        "此人负责的战略目标，以及其负责客户的目标。",
    ),
    "where": ("Strategy or account", "所属战略或客户"),
    "owned_tasks": ("Open strategy tasks", "未完成战略任务"),
    "owned_risks": ("Risks owned", "负责的风险"),
    "relationships": ("Influential people", "高影响力人员"),
    "relationships_order": (
        "Active people with influence ≥ 4 in every account, worst first: the furthest below "
        "their target attitude ({default} when the plan sets none), then the longest without "
        "contact (never contacted first), then the most influential.",
        "各客户中影响力 ≥ 4 的在职人员，最需关注者在前：先按态度距目标（未设目标时为{default}）"
        "的差距从大到小，再按未联系时间从长到短（从未联系者在前），再按影响力从高到低。",
    ),
    "person": ("Person", "人员"),
    "attitude_target": ("Attitude → target", "态度 → 目标"),
    "default_target_note": (
        "* no target set in the plan: {default} is assumed. Influence 1–5.",
        "* 计划中未设目标：按{default}计。影响力 1–5。",
    ),
    "steps_short": ("Below target by {n}", "低于目标 {n} 级"),
    "never": ("never", "从未联系"),
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
