"""`accounts/<id>.yaml`: one key account plan."""

from __future__ import annotations

from enum import StrEnum
from functools import cached_property
from typing import Annotated, Literal

from pydantic import Field

from kamsite.model.common import (
    Amount,
    Date,
    Id,
    Int,
    Level,
    Markdown,
    Number,
    Score,
    Strict_,
    Text,
)
from kamsite.model.execution import (
    AccountObjective,
    Action,
    Engagement,
    Opportunity,
    Resource,
    Review,
    Risk,
)
from kamsite.model.stakeholder import Attitude, Role, Stakeholder, Strength


class Tier(StrEnum):
    strategic = "strategic"
    key = "key"
    important = "important"
    ordinary = "ordinary"


class RelationshipStage(StrEnum):
    exploratory = "exploratory"
    basic = "basic"
    cooperative = "cooperative"
    interdependent = "interdependent"
    integrated = "integrated"


class PurchaseCategory(StrEnum):
    strategic = "strategic"
    leverage = "leverage"
    bottleneck = "bottleneck"
    routine = "routine"


class NeedType(StrEnum):
    functional = "functional"
    economic = "economic"
    psychological = "psychological"


class Position(StrEnum):
    incumbent = "incumbent"
    challenger = "challenger"
    niche = "niche"


class RevenueRow(Strict_):
    """Revenue of one fiscal year."""

    year: Annotated[Int, Field(ge=1900, le=2999)] = Field(description="Fiscal year / 财年")
    actual: Amount | None = Field(default=None, description="Revenue booked / 实际收入")
    target: Amount | None = Field(default=None, description="Revenue target / 目标收入")
    forecast: Amount | None = Field(
        default=None, description="Expected revenue at year end / 预测收入"
    )


class Rated(Strict_):
    """One criterion's score."""

    score: Score = Field(description="Score 1 (poor) .. 5 (excellent) / 评分 1..5")
    why: Markdown | None = Field(default=None, description="Why this score, Markdown / 评分理由")


class Assessment(Strict_):
    """Scores for the criteria of portfolio.yaml `scoring` (all of them, keyed by criterion id)."""

    attractiveness: dict[Id, Rated] = Field(
        default_factory=dict, description="How attractive the account is to us / 客户吸引力"
    )
    strength: dict[Id, Rated] = Field(
        default_factory=dict, description="Our business strength in the account / 我方实力"
    )


class Need(Strict_):
    """A benefit the customer needs, and how well each supplier meets it."""

    id: Id = Field(description="Need id, unique in this file / 需求标识，文件内唯一")
    need: Text = Field(description="The need in the customer's words / 需求描述")
    type: NeedType | None = Field(default=None, description="Kind of value / 价值类型")
    importance: Level = Field(description="Importance to the customer, 1..5 / 重要性")
    ratings: dict[Id, Level] = Field(
        default_factory=dict,
        description="How well each meets it, 1..5; keys `us` and competitor ids / 竞争排名",
    )
    notes: Markdown | None = Field(default=None, description="Notes, Markdown / 备注")


class Competitor(Strict_):
    """A competitor in this account."""

    id: Id = Field(description="Competitor id, unique in this file / 竞争对手标识，文件内唯一")
    name: Text = Field(description="Company name / 名称")
    position: Position | None = Field(default=None, description="Their position here / 竞争地位")
    share: Annotated[Number, Field(ge=0, le=100)] | None = Field(
        default=None, description="Their share of the wallet, % / 份额 %"
    )
    strengths: list[Text] = Field(default_factory=list, description="Their strengths / 优势")
    weaknesses: list[Text] = Field(default_factory=list, description="Their weaknesses / 劣势")
    notes: Markdown | None = Field(default=None, description="Notes, Markdown / 备注")


class Swot(Strict_):
    """Our position in this account."""

    strengths: list[Text] = Field(default_factory=list, description="Our strengths / 优势")
    weaknesses: list[Text] = Field(default_factory=list, description="Our weaknesses / 劣势")
    opportunities: list[Text] = Field(default_factory=list, description="Opportunities / 机会")
    threats: list[Text] = Field(default_factory=list, description="Threats / 威胁")


class ValueProposition(Strict_):
    """The four quadrants of the value proposition."""

    quantified: list[Text] = Field(
        default_factory=list,
        description="Quantified functional and economic value / 可量化的功能与经济价值",
    )
    psychological: list[Text] = Field(
        default_factory=list, description="Psychological value / 心理价值"
    )
    customer_commitments: list[Text] = Field(
        default_factory=list, description="What the customer commits to in return / 客户承诺"
    )
    tracking: list[Text] = Field(
        default_factory=list, description="How the value delivered is tracked / 跟踪措施"
    )


class Account(Strict_):
    """A key account plan."""

    kind: Literal["account"] = Field(description="Always `account` / 文件类型")
    id: Id = Field(description="Account id; equals the file name / 客户标识，与文件名相同")
    name: Text = Field(description="The customer's name as people say it / 客户名称")
    local_name: Text | None = Field(
        default=None, description="Name in the local language / 本地语言名称"
    )
    industry: Text | None = Field(default=None, description="Industry / 行业")
    region: Text | None = Field(default=None, description="Sales region / 区域")
    tier: Tier | None = Field(default=None, description="Declared account tier / 客户分级")
    stage: RelationshipStage | None = Field(
        default=None, description="Stage of the relationship / 关系发展阶段"
    )
    purchase_category: PurchaseCategory | None = Field(
        default=None,
        description="How the customer sees what we sell (Kraljic) / 客户采购定位（卡拉杰克）",
    )
    owner: Id | None = Field(
        default=None, description="Key account manager: a team member id / 客户经理"
    )
    sponsor: Id | None = Field(
        default=None, description="Executive sponsor: a team member id / 高层发起人"
    )
    team: list[Id] = Field(
        default_factory=list, description="Cross-functional account team: member ids / 客户团队"
    )
    reviewed: Date | None = Field(
        default=None, description="Date of the last plan review / 最近一次计划评审日期"
    )
    summary: Markdown | None = Field(
        default=None, description="Why the account matters, Markdown / 客户概述"
    )
    revenue: list[RevenueRow] = Field(
        default_factory=list, description="Revenue by fiscal year / 按财年的收入"
    )
    wallet: Amount | None = Field(
        default=None,
        description="The customer's yearly spend in our categories / 客户在我方品类的年度支出",
    )
    assessment: Assessment | None = Field(
        default=None, description="Attractiveness and strength scores / 吸引力与实力评估"
    )
    needs: list[Need] = Field(
        default_factory=list, description="Benefit needs and competitive ranking / 客户需求"
    )
    competitors: list[Competitor] = Field(
        default_factory=list, description="Competitors in this account / 竞争对手"
    )
    swot: Swot | None = Field(default=None, description="SWOT of our position / SWOT 分析")
    value_proposition: ValueProposition | None = Field(
        default=None, description="The four-quadrant value proposition / 价值主张"
    )
    stakeholders: list[Stakeholder] = Field(
        default_factory=list, description="The decision chain: the customer's people / 决策链"
    )
    opportunities: list[Opportunity] = Field(
        default_factory=list, description="Sales opportunities, the pipeline / 商机"
    )
    objectives: list[AccountObjective] = Field(
        default_factory=list, description="The account's own objectives / 客户目标"
    )
    actions: list[Action] = Field(default_factory=list, description="The action plan / 行动计划")
    engagements: list[Engagement] = Field(
        default_factory=list,
        description="Organisation-level engagements with the customer / 组织客户关系活动",
    )
    resources: list[Resource] = Field(
        default_factory=list, description="Resources we commit to the account / 资源投入"
    )
    reviews: list[Review] = Field(default_factory=list, description="Reviews held / 评审记录")
    risks: list[Risk] = Field(default_factory=list, description="Risks to the plan / 风险")

    def revenue_for(self, year: int) -> RevenueRow | None:
        return next((row for row in self.revenue if row.year == year), None)

    @cached_property
    def active_stakeholders(self) -> tuple[Stakeholder, ...]:
        """The people every score, check and flag counts (`Stakeholder.active`), in file order.

        Kept on the (frozen) model: scores ask for it a dozen times per account, and
        `kamsite history` scores the same account model at many commits."""
        return tuple(s for s in self.stakeholders if s.active)


# Re-exported: the rest of kamsite imports every account-file model from here.
__all__ = [
    "Account",
    "AccountObjective",
    "Action",
    "Assessment",
    "Attitude",
    "Competitor",
    "Engagement",
    "Need",
    "Opportunity",
    "Rated",
    "Resource",
    "RevenueRow",
    "Review",
    "Risk",
    "Role",
    "Stakeholder",
    "Strength",
    "Tier",
]
