"""The /method/ page text: every formula with the live weights, thresholds and labels.

Built from the same constants the scoring code uses, so the page cannot drift from it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from kamsite.escape import markdown_text
from kamsite.glossary import word
from kamsite.model.portfolio import (
    DEFAULT_STAGE_PROBABILITY,
    Criterion,
    Language,
    PortfolioSettings,
    Stage,
)
from kamsite.score.attention import (
    DEFAULT_TARGET,
    REASONS,
    SEVERITY,
    attitude_steps,
    tier_weights,
)
from kamsite.score.commercial import US
from kamsite.score.flags import GOING_COLD_DAYS, flag_condition
from kamsite.score.plan import KEY_INFLUENCE, MIN_STAKEHOLDERS, check_labels
from kamsite.score.progress import AT_RISK, ON_TRACK
from kamsite.score.results import FlagCode, Quadrant


@dataclass(frozen=True, slots=True)
class MethodSection:
    """One heading of the method page; `anchor` is stable across languages for links."""

    anchor: str
    title: str
    body: str


_STAGE_NOTES: dict[Stage, tuple[str, str]] = {
    Stage.discover: ("information gathering", "信息收集"),
    Stage.qualify: ("filtering", "筛选"),
    Stage.shape_solution: ("solution shaping", "方案引导"),
    Stage.recommend: ("brand recommendation", "品牌推荐"),
    Stage.uncover_needs: ("needs discovery", "需求挖掘"),
    Stage.key_person_meeting: ("private meeting with the key person", "与关键人私下会面"),
    Stage.negotiate: ("commercial negotiation", "商务谈判"),
    Stage.commit: ("intent reached", "达成意向"),
    Stage.won: ("won (closed, not in the pipeline)", "赢单（已关闭，不计入管道）"),
    Stage.lost: ("lost (closed, not in the pipeline)", "丢单（已关闭，不计入管道）"),
}

_QUADRANT_NOTES: dict[Quadrant, tuple[str, str]] = {
    Quadrant.strategic: (
        "attractive and we are strong: invest and build partnership",
        "战略客户：客户有吸引力且我方实力强，重点投入、发展伙伴关系",
    ),
    Quadrant.develop: (
        "attractive but we are weak: build our strength selectively",
        "发展客户：客户有吸引力但我方实力弱，有选择地提升实力",
    ),
    Quadrant.maintain: (
        "less attractive, we are strong: serve efficiently, protect margin",
        "维持客户：吸引力较低而我方实力强，高效服务、保持利润",
    ),
    Quadrant.opportunistic: (
        "less attractive and we are weak: serve opportunistically at low cost",
        "机会客户：吸引力低且我方实力弱，低成本、机会性地服务",
    ),
}


def _num(value: float) -> str:
    return f"{value:g}"


def _cell(text: str) -> str:
    """Our own prose in a table cell (it may use Markdown on purpose)."""
    return text.replace("|", "\\|").replace("\n", " ")


class _Writer:
    def __init__(self, settings: PortfolioSettings) -> None:
        self.settings = settings
        self.zh = settings.language is Language.zh

    def t(self, en: str, zh: str) -> str:
        return zh if self.zh else en

    def criteria_table(self, criteria: Mapping[str, Criterion]) -> str:
        head = self.t("| criterion | label | weight wᵢ |", "| 指标 | 名称 | 权重 wᵢ |")
        rows = [
            f"| `{key}` | {markdown_text(c.label or key)} | {_num(c.weight)} |"
            for key, c in criteria.items()
        ]
        return "\n".join([head, "| --- | --- | ---: |", *rows])

    def matrix(self) -> MethodSection:
        scoring = self.settings.scoring
        ta, ts = _num(scoring.thresholds.attractiveness), _num(scoring.thresholds.strength)
        quadrants = "\n".join(f"- **{q.value}**: {self.t(*_QUADRANT_NOTES[q])}" for q in Quadrant)
        body = self.t(
            "The portfolio matrix is McDonald's key-account portfolio analysis, with both axes "
            "normalised to 0..100. Each criterion is scored 1..5 in the account's `assessment`.\n\n"
            "**Attractiveness** of the account to us: `A = 100 × Σ wᵢ (sᵢ − 1) / 4`.\n\n",
            "组合矩阵采用 McDonald 的大客户组合分析，两个维度均归一化到 0..100。"
            "每个指标在客户文件的 `assessment` 中按 1..5 打分。\n\n"
            "**客户吸引力**：`A = 100 × Σ wᵢ (sᵢ − 1) / 4`。\n\n",
        )
        body += self.criteria_table(scoring.attractiveness) + "\n\n"
        body += self.t(
            "**Strength**, our business strength in the account: `S`, the same formula.\n\n",
            "**我方实力**（我方在该客户的业务实力）：`S`，公式相同。\n\n",
        )
        body += self.criteria_table(scoring.strength) + "\n\n"
        body += self.t(
            f"Without an `assessment`, A and S are empty.\n\n**Quadrant** with thresholds "
            f"tA = {ta} and tS = {ts}: A ≥ tA and S ≥ tS → strategic; A ≥ tA, S < tS → develop; "
            "A < tA, S ≥ tS → maintain; otherwise opportunistic (empty when A or S is).\n\n",
            f"没有 `assessment` 时 A 和 S 为空。\n\n**象限**（阈值 tA = {ta}，tS = {ts}）："
            "A ≥ tA 且 S ≥ tS → strategic；A ≥ tA 且 S < tS → develop；"
            "A < tA 且 S ≥ tS → maintain；否则 opportunistic（A 或 S 为空时为空）。\n\n",
        )
        return MethodSection("matrix", self.t("Portfolio matrix", "客户组合矩阵"), body + quadrants)

    def competition(self) -> MethodSection:
        return MethodSection(
            "competitive-position",
            self.t("Competitive position", "竞争地位"),
            self.t(
                "`CP = Σ importanceₙ × usₙ / Σ importanceₙ × bestₙ` over the customer's needs, "
                f"where `bestₙ` is the highest rating of need n among `{US}` and the "
                f"competitors. CP ≤ 1; 1 means we lead or tie on every need. Only needs that "
                f"rate `{US}` count; empty if none does.",
                "`CP = Σ 重要性ₙ × 我方评分ₙ / Σ 重要性ₙ × 最高评分ₙ`，按客户需求计算，"
                f"`最高评分ₙ` 为 `{US}` 与各竞争对手在需求 n 上的最高评分。CP ≤ 1；"
                f"1 表示我方在每项需求上领先或持平。只计入给 `{US}` 打分的需求；没有则为空。",
            ),
        )

    def relationships(self) -> MethodSection:
        return MethodSection(
            "relationships",
            self.t("Relationships and the decision chain", "关系与决策链"),
            self.t(
                "**Relationship** per stakeholder, from the six dimensions of relationship "
                "planning (acceptance, participation, information sharing, day-to-day guidance, "
                "project support, competitive preference, each 0..5): "
                "`R = 20 × mean(six dimensions)`, 0..100; empty if not assessed.\n\n"
                "**Relationship health** `H = Σ influence × R / Σ influence` over assessed "
                "stakeholders; empty if none.\n\n"
                "**Decision coverage** `DC`: the share (0..1) of stakeholders with role "
                "`decision_maker` or `economic_buyer` whose attitude is `champion` or "
                "`supporter`; empty if there is no such stakeholder.\n\n"
                "People whose `status` is `left` or `moved` stay in the plan, shown faded with "
                "the date of the change, but take part in no score, check or flag.",
                "**关系得分**（每位关键人）：按关系规划的六个维度（认可度、参与度、信息分享、"
                "日常指导、项目支持、竞争倾向，各 0..5）计算 `R = 20 × 六维平均值`，0..100；"
                "未评估则为空。\n\n"
                "**关系健康度** `H = Σ 影响力 × R / Σ 影响力`，只计已评估的关键人；没有则为空。\n\n"
                "**决策覆盖率** `DC`：角色为 `decision_maker` 或 `economic_buyer` 的关键人中，"
                "态度为 `champion` 或 `supporter` 的比例（0..1）；没有此类关键人则为空。\n\n"
                "`status` 为 `left`（离职）或 `moved`（调岗）的人员仍保留在计划中，以淡色显示"
                "并注明变动日期，但不参与任何评分、检查或风险标记。",
            ),
        )

    def stage_table(self) -> str:
        overrides = self.settings.scoring.stage_probability
        head = self.t("| stage | meaning | win probability |", "| 阶段 | 含义 | 赢单概率 |")
        rows = []
        for stage in Stage:
            p = _num(self.settings.scoring.probability(stage))
            if stage in overrides:
                default = _num(DEFAULT_STAGE_PROBABILITY[stage])
                p += self.t(
                    f" (set in portfolio.yaml; default {default})",
                    f"（portfolio.yaml 设定；默认 {default}）",
                )
            rows.append(f"| `{stage.value}` | {self.t(*_STAGE_NOTES[stage])} | {p} |")
        return "\n".join([head, "| --- | --- | ---: |", *rows])

    def revenue(self) -> MethodSection:
        fy = self.settings.fiscal_year
        body = self.t(
            f"For the fiscal year FY{fy}:\n\n"
            "- **Revenue gap** `G = target − (forecast, else actual, else 0)`: the shortfall "
            f"expected at year end (the performance gap); empty without a FY{fy} target. The "
            "forecast comes first because the actual to date understates the year.\n"
            "- **Weighted pipeline** `WP = Σ amount × p` over open opportunities (not `won` or "
            "`lost`) whatever their close date, p being the opportunity's `probability` or its "
            "stage's default below; an opportunity without an amount adds 0.\n"
            f"- **Fiscal-year pipeline** `WPFY`: the same sum over open opportunities whose "
            f"`close` date is in FY{fy} or earlier (a deal that slipped and is still open "
            "counts); an opportunity without a `close` date counts toward no year.\n"
            "- **Pipeline coverage** `PC = WPFY / Rem`, where `Rem = target − actual` (0 "
            "without an actual) is what is left to win this year; empty unless Rem > 0. "
            "It is the sales-operations ratio of this year's pipeline to this year's remaining "
            "target: deals closing next year do not cover this year.\n"
            "- **Share of wallet** `SW = actual / wallet`; empty if either is missing or the "
            "wallet is 0.\n\n"
            "Wherever revenue of several accounts is shown (the dashboard for the portfolio, a "
            "strategy page for its accounts, a team page for the accounts a person owns) it is "
            f"the same five figures: **target** Σ FY{fy} target; **expected at year end** Σ of "
            "each account's forecast, else its actual to date (what G subtracts); **actual** to "
            "date; **gap** Σ G over the accounts with a target, so target − gap is what those "
            "accounts are expected to close at (the page says so when some accounts have no "
            f"target); **vs FY{fy - 1}** the expected revenue of the accounts that have a "
            f"FY{fy - 1} actual against that actual, so the same accounts are compared. A share "
            "of the portfolio (a person's, the top three accounts') is a share of the expected "
            "revenue. A *forecast* is only what an account's `forecast` says: the KPI measure "
            "`revenue_forecast` and the totals of `kamsite score` add those up, without the "
            "actual of an account that has none.\n\n",
            f"按财年 FY{fy}：\n\n"
            "- **收入缺口** `G = 目标 − (预测，否则实际，否则 0)`：预计年末的差距（业绩差距）；"
            f"没有 FY{fy} 目标则为空。预测优先，因为截至目前的实际收入会低估全年。\n"
            "- **加权商机** `WP = Σ 金额 × p`，计入所有未关闭的商机（非 `won`/`lost`），"
            "不论预计关闭日期；p 为商机的 `probability`，否则为下表中阶段的默认值；"
            "没有金额的商机计 0。\n"
            f"- **本财年商机** `WPFY`：同样的加权和，只计 `close` 日期在 FY{fy} 或更早的"
            "未关闭商机（延期但仍未关闭的商机也计入）；没有 `close` 日期的商机不计入任何年度。\n"
            "- **商机覆盖率** `PC = WPFY / Rem`，其中 `Rem = 目标 − 实际`（无实际则为 0）"
            "是本年尚待完成的收入；Rem > 0 时才计算，否则为空。即销售运营中的本年商机与本年"
            "剩余目标之比：明年关闭的商机不能覆盖今年。\n"
            "- **钱包份额** `SW = 实际收入 / wallet`；任一缺失或 wallet 为 0 时为空。\n\n"
            "凡展示多个客户的收入（总览为整个组合，战略页为其涉及的客户，团队页为某人负责的客户），"
            f"都是同样五个数：**目标** FY{fy} 目标之和；**全年预计** 各客户的预测之和（无预测取"
            "截至目前的实际，即 G 所减去的数）；**实际** 截至目前；**缺口** 有目标客户的 G 之和，"
            "因此 目标 − 缺口 即这些客户的全年预计（有客户没有目标时页面会注明）；"
            f"**较 FY{fy - 1}** 只比较有 FY{fy - 1} 实际的客户：其全年预计与上年实际之比。"
            "占组合的比例（某人的、前三大客户的）均按全年预计计算。*预测*仅指客户文件中的 "
            "`forecast`：KPI 度量 `revenue_forecast` 与 `kamsite score` 的汇总只累加这些值，"
            "没有预测的客户不以实际代替。\n\n",
        )
        return MethodSection(
            "revenue", self.t("Revenue and pipeline", "收入与商机"), body + self.stage_table()
        )

    def plan(self) -> MethodSection:
        labels = check_labels(self.settings)
        checks = "\n".join(f"{i}. {label}" for i, label in enumerate(labels, start=1))
        return MethodSection(
            "plan-completeness",
            self.t("Plan completeness", "计划完整度"),
            self.t(
                "`P = 10 × (checks passed)`, 0..100. An open action is one that is `planned`, "
                "`in_progress` or `blocked`; stakeholders are counted only while active.\n\n",
                "`P = 10 × 通过的检查项数`，0..100。未完成行动指状态为 `planned`、"
                "`in_progress` 或 `blocked` 的行动；只计在职（active）的关键人。\n\n",
            )
            + checks,
        )

    def flags(self) -> MethodSection:
        head = self.t("| flag | raised when |", "| 风险标记 | 触发条件 |")
        rows = [
            f"| `{code.value}` | {_cell(flag_condition(code, self.settings))} |"
            for code in sorted(FlagCode, key=lambda c: c.value)
        ]
        note = self.t(
            f"Key stakeholders are those with influence ≥ {KEY_INFLUENCE}; "
            f"{MIN_STAKEHOLDERS} owned stakeholders avoid single threading; a contact goes cold "
            f"after {GOING_COLD_DAYS} days. An item is overdue when it is still open (an action "
            "planned, in progress or blocked; an opportunity neither won nor lost) and its due "
            "date is before the as-of date; due on the as-of date is not late yet. Each raised "
            "flag names the items that raised it.",
            f"关键人指影响力 ≥ {KEY_INFLUENCE} 的关键人；至少 {MIN_STAKEHOLDERS} 位有负责人的关键人"
            f"才不算单线联系；超过 {GOING_COLD_DAYS} 天未联系视为关系变冷。"
            "逾期指事项仍未完成（行动为计划中、进行中或受阻；商机未赢单也未丢单）且截止日期早于"
            "基准日；截止日期当天不算逾期。每个风险标记都列出触发它的具体条目。",
        )
        body = "\n".join([head, "| --- | --- |", *rows])
        return MethodSection("risk-flags", self.t("Risk flags", "风险标记"), body + "\n\n" + note)

    def attention(self) -> MethodSection:
        language = self.settings.language
        weights, steps = tier_weights(language), attitude_steps(language)
        default = word(DEFAULT_TARGET, language)
        head = self.t("| flag | severity |", "| 风险标记 | 严重度 |")
        rows = [
            f"| `{code.value}` | {SEVERITY[code]} |"
            for code in sorted(FlagCode, key=lambda c: (-SEVERITY[c], c.value))
        ]
        table = "\n".join([head, "| --- | ---: |", *rows])
        fy = self.settings.fiscal_year
        return MethodSection(
            "attention",
            self.t("Attention priority", "关注优先级"),
            self.t(
                "The dashboard's *accounts needing attention* and the order of /risks/ rank "
                "accounts by `priority = severity × worth`:\n\n"
                "- **severity** = Σ of the severities of the flags the account raises (table "
                "below): 3 when a decision goes against us or this year's revenue is not "
                "covered, 2 when work or relationships slip, 1 for a gap in the plan;\n"
                f"- **worth** = tier weight × (1 + stake ÷ the largest stake in the portfolio), "
                f"with tier weights {weights}; the **stake** is the account's FY{fy} revenue "
                "target, else its revenue expected at year end (its forecast, else its actual), "
                "so worth runs from 1 to 8.\n\n"
                "Ties go to the larger stake, then to the account id. An account without flags "
                f"has priority 0 and is not listed. Each listed account shows its {REASONS} most "
                "severe flags, each with the first item that raised it.\n\n"
                f"The *influential people* page lists active people with influence ≥ "
                f"{KEY_INFLUENCE}, worst first: furthest below their target attitude (the "
                f"attitude of their `target`, else {default}; in steps {steps}), then longest "
                "without contact (never contacted first), then the most influential.\n\n",
                "总览中的*需要关注的客户*以及 /risks/ 页面的顺序，按 "
                "`优先级 = 严重度 × 价值` 排列：\n\n"
                "- **严重度** = 客户触发的各风险标记的严重度之和（见下表）："
                "决策不利于我方或本年收入未被覆盖为 3，执行或关系下滑为 2，计划缺项为 1；\n"
                f"- **价值** = 分级权重 ×（1 + 涉及收入 ÷ 组合中最大的涉及收入），分级权重为 "
                f"{weights}；**涉及收入**为客户 FY{fy} 的收入目标，否则为全年预计"
                "（预测，否则为实际），因此价值在 1 到 8 之间。\n\n"
                "优先级相同时涉及收入大者在前，再按客户标识排序。"
                "没有风险标记的客户优先级为 0，不列出。"
                f"每个列出的客户显示其最严重的 {REASONS} 个风险标记，"
                "以及触发各标志的第一个条目。\n\n"
                f"*高影响力人员*页列出影响力 ≥ {KEY_INFLUENCE} 的在职人员，最需关注者在前："
                f"先按态度距目标的差距（目标为其 `target` 的态度，否则为{default}；"
                f"按 {steps} 逐级计），"
                "再按未联系时间（从未联系者在前），再按影响力。\n\n",
            )
            + table,
        )

    def progress(self) -> MethodSection:
        on, risk = _num(ON_TRACK), _num(AT_RISK)
        fy = self.settings.fiscal_year
        return MethodSection(
            "progress",
            self.t("Progress of strategies and objectives", "战略与目标进度"),
            self.t(
                "A strategy runs from `start` = Jan 1 of `horizon.from` to `end` = Dec 31 of "
                "`horizon.to`.\n\n"
                "- KPI progress `π = (actual − baseline) / (target − baseline)`, clamped to 0..1 "
                "(the same formula serves `direction: down` KPIs).\n"
                "- Expected progress `ε = (as_of − start) / (end − start)` in days, clamped to "
                "0..1.\n"
                f"- Status: `on_track` if π ≥ {on} ε, `at_risk` if π ≥ {risk} ε, else `off_track`; "
                "`unknown` when baseline, target or actual is missing or target = baseline.\n"
                "- An objective takes its worst KPI's status (off_track < at_risk < on_track); "
                "it is unknown only if all its KPIs are.\n\n"
                "KPIs of an account's own objectives use the same rule over the objective's own "
                f"time frame: `start` = its `from` (default Jan 1 of FY{fy}), `end` = its `by` "
                f"(default Dec 31 of FY{fy}). So an objective for 2027 is not judged in 2026. A "
                "time frame of a single day (`from` = `by`) expects nothing before that day and "
                "everything from it on.",
                "战略周期从 `horizon.from` 年 1 月 1 日（`start`）到 `horizon.to` 年 12 月 31 日"
                "（`end`）。\n\n"
                "- KPI 进度 `π = (实际 − 基线) / (目标 − 基线)`，限制在 0..1"
                "（同一公式适用于 `direction: down` 的 KPI）。\n"
                "- 预期进度 `ε = (as_of − start) / (end − start)`（按天），限制在 0..1。\n"
                f"- 状态：π ≥ {on} ε 为 `on_track`，π ≥ {risk} ε 为 `at_risk`，否则为 "
                "`off_track`；基线、目标或实际缺失，或目标等于基线时为 `unknown`。\n"
                "- 目标的状态取其最差 KPI 的状态（off_track < at_risk < on_track）；"
                "只有全部 KPI 都为 unknown 时才为 unknown。\n\n"
                "客户自身目标的 KPI 采用同样规则，周期为该目标自己的时间范围：`start` 为其 `from`"
                f"（默认 FY{fy} 的 1 月 1 日），`end` 为其 `by`（默认 FY{fy} 的 12 月 31 日）。"
                "因此 2027 年的目标不会在 2026 年被评判。只有一天的时间范围（`from` = `by`）"
                "在该日之前不要求进度，从该日起要求全部完成。",
            ),
        )

    def numbers(self) -> MethodSection:
        return MethodSection(
            "numbers",
            self.t("Numbers and rounding", "数值与取整"),
            self.t(
                "Scores are computed from the plan files and portfolio.yaml as of the reporting "
                "date (`as_of` in portfolio.yaml, else `KAMSITE_AS_OF`, else today). Every "
                "comparison with a threshold uses the number rounded to 6 decimals, so float "
                "noise never flips a result; pages show numbers rounded half-up to 1 decimal; "
                "`kamsite score --format json` gives them unrounded. Portfolio totals add up "
                "FY revenue actual, target and forecast, WP, WPFY and G over the accounts that "
                "have them, and count accounts per tier, quadrant and flag.",
                "所有得分按基准日（portfolio.yaml 的 `as_of`，否则环境变量 `KAMSITE_AS_OF`，"
                "否则今天）由计划文件和 portfolio.yaml 计算。与阈值比较时一律先四舍五入到 6 位"
                "小数，避免浮点误差影响结果；页面显示四舍五入到 1 位小数；"
                "`kamsite score --format json` 输出未取整的数值。组合汇总对有数据的客户累加"
                "财年实际、目标、预测收入及 WP、WPFY、G，并按分级、象限和风险标记统计客户数。",
            ),
        )


def explain(settings: PortfolioSettings) -> tuple[MethodSection, ...]:
    """The method sections in reading order, in `settings.language`."""
    w = _Writer(settings)
    return (
        w.matrix(),
        w.competition(),
        w.relationships(),
        w.revenue(),
        w.plan(),
        w.flags(),
        w.attention(),
        w.progress(),
        w.numbers(),
    )


def method_markdown(settings: PortfolioSettings) -> str:
    """The whole page body; headings carry the anchors so links survive a language switch."""
    title = "计分方法" if settings.language is Language.zh else "How the scores are computed"
    parts = [f"# {title}\n"]
    parts += [f"## {s.title} {{#{s.anchor}}}\n\n{s.body}\n" for s in explain(settings)]
    return "\n".join(parts)
