"""`strategies/<id>.yaml`: a BLM strategy from gap to execution."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Literal

from pydantic import Field, ValidationInfo, field_validator, model_validator

from kamsite.model.common import Bool, Date, Id, Int, Kpi, Markdown, Number, Status, Strict_, Text


class Scope(StrEnum):
    portfolio = "portfolio"
    account = "account"


class GapKind(StrEnum):
    performance = "performance"
    opportunity = "opportunity"


class Perspective(StrEnum):
    """Balanced-scorecard perspectives, top band first."""

    financial = "financial"
    customer = "customer"
    internal = "internal"
    learning = "learning"


PERSPECTIVE_RANK = {
    Perspective.learning: 0,
    Perspective.internal: 1,
    Perspective.customer: 2,
    Perspective.financial: 3,
}

Year = Annotated[Int, Field(ge=1900, le=2999)]


class Horizon(Strict_):
    """The years the strategy covers."""

    from_: Year = Field(alias="from", description="First year / 起始年")
    to: Year = Field(description="Last year / 结束年")

    @model_validator(mode="after")
    def _ordered(self) -> Horizon:
        if self.to < self.from_:
            raise ValueError("horizon `to` must not be before `from`")
        return self


class Gap(Strict_):
    """A performance or opportunity gap, where a BLM strategy starts."""

    id: Id = Field(description="Gap id, unique among the gaps / 差距标识")
    kind: GapKind = Field(
        description="`performance`: results vs goals; `opportunity`: what we miss / 差距类型"
    )
    metric: Text | None = Field(default=None, description="What is measured / 衡量指标")
    target: Number | None = Field(default=None, description="Where we want to be / 目标值")
    actual: Number | None = Field(default=None, description="Where we are / 实际值")
    root_causes: list[Text] = Field(default_factory=list, description="Root causes / 根因")
    description: Markdown | None = Field(default=None, description="Details, Markdown / 说明")


class Insight(Strict_):
    """Market insight: the five looks."""

    macro: list[Text] = Field(
        default_factory=list, description="Macro environment (PEST) / 宏观环境"
    )
    industry: list[Text] = Field(default_factory=list, description="The industry / 行业")
    customers: list[Text] = Field(default_factory=list, description="Customers / 客户")
    competitors: list[Text] = Field(default_factory=list, description="Competitors / 竞争对手")
    self_: list[Text] = Field(
        default_factory=list, alias="self", description="Ourselves (SWOT) / 自身"
    )


class Goal(Strict_):
    """A goal of the strategic intent."""

    id: Id = Field(description="Goal id, unique among the goals / 目标标识")
    statement: Text = Field(description="The goal in one sentence / 目标陈述")
    metric: Text | None = Field(default=None, description="What is measured / 衡量指标")
    target: Number | Text | None = Field(
        default=None, description="Value to reach (number or text) / 目标值"
    )
    year: Year | None = Field(default=None, description="Year to reach it / 目标年份")


class Milestone(Strict_):
    """A dated milestone on the way."""

    date: Date = Field(description="Date of the milestone / 日期")
    what: Text = Field(description="What is reached / 里程碑内容")


class Intent(Strict_):
    """Strategic intent: mission, vision, goals and milestones."""

    mission: Text | None = Field(default=None, description="Mission / 使命")
    vision: Text | None = Field(default=None, description="Vision / 愿景")
    goals: list[Goal] = Field(default_factory=list, description="Goals / 战略目标")
    milestones: list[Milestone] = Field(default_factory=list, description="Milestones / 里程碑")


class Design(Strict_):
    """Business design: how the strategy makes money and stays in control."""

    customer_selection: Markdown | None = Field(
        default=None, description="Which customers we serve / 客户选择"
    )
    value_proposition: Markdown | None = Field(
        default=None, description="What we offer them / 价值主张"
    )
    value_capture: Markdown | None = Field(
        default=None, description="How we earn from it / 价值获取"
    )
    scope: Markdown | None = Field(default=None, description="What we do and buy in / 活动范围")
    strategic_control: Markdown | None = Field(
        default=None, description="What keeps the advantage / 战略控制点"
    )
    risk_management: Markdown | None = Field(
        default=None, description="Risks and their handling / 风险管理"
    )


class Measure(StrEnum):
    """Portfolio figures a strategy KPI can take as its actual (DESIGN.md §3.4)."""

    revenue_actual = "revenue_actual"
    revenue_forecast = "revenue_forecast"
    weighted_pipeline_fy = "weighted_pipeline_fy"
    decision_coverage = "decision_coverage"
    key_stakeholders_owned = "key_stakeholders_owned"
    plans_current = "plans_current"


class StrategyKpi(Kpi):
    """A KPI of the strategy map: its actual is typed, or measured from the accounts.

    A `measure` reads the strategy's accounts (all of them for `scope: portfolio`, the one
    named for `scope: account`) as of `as_of`. `revenue_actual`, `revenue_forecast` and
    `weighted_pipeline_fy`: the accounts' fiscal-year figures summed in the portfolio unit
    (accounts without the figure add nothing). `decision_coverage`: % of the active decision
    makers and economic buyers, pooled across the accounts, who are champion or supporter.
    `key_stakeholders_owned`: % of the active stakeholders with influence ≥ 4 who have an
    owner. `plans_current`: % of the accounts reviewed within `stale_after_days` (the
    STALE_PLAN rule). Percentages run 0..100, so 80% is written `target: 80`. With nothing
    to measure (no account has the figure, no such people, no accounts) the actual is null
    and the KPI's status unknown.
    """

    measure: Measure | None = Field(
        default=None,
        description="Take the actual from the strategy's accounts as of `as_of` instead of"
        " typing it (then no `actual`): revenue and pipeline sums in the portfolio unit,"
        " the others percentages 0..100 / 由客户数据计算实际值（此时不填 actual）",
    )

    @field_validator("measure")
    @classmethod
    def _not_with_actual(cls, measure: Measure | None, info: ValidationInfo) -> Measure | None:
        """Checked on `measure` so the finding points at it; `actual` is validated first."""
        if measure is not None and info.data.get("actual") is not None:
            raise ValueError(
                f"`measure: {measure}` computes the actual from the accounts; remove `actual`"
                " (or remove `measure` to keep typing the actual)"
            )
        return measure


class Task(Strict_):
    """A task that decodes an objective into work."""

    id: Id = Field(description="Task id, unique within its objective / 任务标识")
    what: Text = Field(description="What is to be done / 任务内容")
    owner: Id | None = Field(default=None, description="Responsible team member id / 负责人")
    due: Date | None = Field(default=None, description="Due date / 截止日期")
    status: Status = Field(default=Status.planned, description="Progress / 状态")


class MapObjective(Strict_):
    """An objective on the strategy map."""

    id: Id = Field(description="Objective id, unique on the map / 目标标识")
    perspective: Perspective = Field(description="Band of the strategy map / 平衡计分卡层面")
    title: Text = Field(description="The objective in a few words / 目标名称")
    csf: Bool = Field(default=False, description="A critical success factor / 关键成功要素")
    supports: list[Id] = Field(
        default_factory=list,
        description="Ids of the objectives this one drives (cause → effect) / 支撑的目标",
    )
    owner: Id | None = Field(default=None, description="Responsible team member id / 负责人")
    kpis: list[StrategyKpi] = Field(
        default_factory=list, description="How progress is measured / 指标"
    )
    tasks: list[Task] = Field(default_factory=list, description="Decomposed tasks / 分解任务")
    description: Markdown | None = Field(default=None, description="Details, Markdown / 说明")


class Strategy(Strict_):
    """A strategy, from gap to execution (BLM)."""

    kind: Literal["strategy"] = Field(description="Always `strategy` / 文件类型")
    id: Id = Field(description="Strategy id; equals the file name / 战略标识，与文件名相同")
    title: Text = Field(description="Title / 标题")
    scope: Scope = Field(
        default=Scope.portfolio,
        description="`portfolio`: all accounts; `account`: the one named in `account` / 范围",
    )
    account: Id | None = Field(
        default=None, description="Account id when scope is account / 客户标识"
    )
    owner: Id | None = Field(default=None, description="Responsible team member id / 负责人")
    horizon: Horizon = Field(description="Years covered / 战略周期")
    summary: Markdown | None = Field(default=None, description="Summary, Markdown / 概述")
    gaps: list[Gap] = Field(default_factory=list, description="Gaps / 差距分析")
    insight: Insight | None = Field(
        default=None, description="Market insight, the five looks / 市场洞察"
    )
    intent: Intent | None = Field(default=None, description="Strategic intent / 战略意图")
    innovation_focus: list[Text] = Field(
        default_factory=list, description="Innovation focus / 创新焦点"
    )
    design: Design | None = Field(default=None, description="Business design / 业务设计")
    map: list[MapObjective] = Field(
        default_factory=list, description="The strategy map's objectives / 战略地图"
    )

    @model_validator(mode="after")
    def _account_scope(self) -> Strategy:
        if self.scope is Scope.account and self.account is None:
            raise ValueError("a strategy with scope: account must name its `account`")
        return self
