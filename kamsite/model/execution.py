"""What we do in an account: opportunities, objectives, actions, engagements, resources,
reviews and risks."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Annotated

from pydantic import Field, model_validator

from kamsite.model.common import (
    OPEN_STATUSES,
    Amount,
    Date,
    Id,
    Kpi,
    Level,
    Markdown,
    ObjectiveRef,
    Status,
    Strict_,
    Text,
)
from kamsite.model.portfolio import CLOSED_STAGES, Probability, Stage

ActionObjectiveRef = Annotated[
    str, Field(pattern=r"^[a-z0-9][a-z0-9_-]{0,63}(/[a-z0-9][a-z0-9_-]{0,63})?$")
]

_OWNER = "Our person responsible: a team member id / 负责人（团队成员）"


def is_open(status: Status | Stage) -> bool:
    """Work still to do: an action or task planned, in progress or blocked; a deal not closed."""
    if isinstance(status, Stage):
        return status not in CLOSED_STAGES
    return status in OPEN_STATUSES


def is_overdue(due: dt.date | None, status: Status | Stage, as_of: dt.date) -> bool:
    """The one definition of overdue (actions, tasks, opportunity next steps): still open and due
    before `as_of`; due on `as_of` itself is not late yet."""
    return due is not None and due < as_of and is_open(status)


class Cadence(StrEnum):
    once = "once"
    monthly = "monthly"
    quarterly = "quarterly"
    semiannual = "semiannual"
    annual = "annual"


class ReviewKind(StrEnum):
    quarterly = "quarterly"
    annual = "annual"
    relationship = "relationship"
    win_loss = "win_loss"


class NextStep(Strict_):
    """The next thing that moves an opportunity forward."""

    what: Text = Field(description="What happens next / 下一步做什么")
    due: Date | None = Field(default=None, description="When it is due / 截止日期")


class Opportunity(Strict_):
    """A sales opportunity in the pipeline."""

    id: Id = Field(description="Opportunity id, unique in this file / 商机标识，文件内唯一")
    name: Text = Field(description="What we want to sell / 商机名称")
    stage: Stage = Field(description="Sales stage, or `won` / `lost` when closed / 销售阶段")
    amount: Amount | None = Field(
        default=None, description="Deal value in the portfolio currency and unit / 金额"
    )
    probability: Probability | None = Field(
        default=None, description="Win probability 0..1; default: the stage's / 赢率"
    )
    close: Date | None = Field(default=None, description="Expected close date / 预计签约日期")
    stakeholders: list[Id] = Field(
        default_factory=list, description="Stakeholder ids involved / 相关客户人员"
    )
    competitors: list[Id] = Field(
        default_factory=list, description="Competitor ids bidding / 参与竞争的对手"
    )
    owner: Id | None = Field(default=None, description=_OWNER)
    next_step: NextStep | None = Field(default=None, description="The next step / 下一步")
    reason: Markdown | None = Field(
        default=None, description="Why it was won or lost, Markdown / 赢单或丢单原因"
    )
    notes: Markdown | None = Field(default=None, description="Notes, Markdown / 备注")


class AccountObjective(Strict_):
    """A goal of the account plan, measured by KPIs over its own time frame."""

    id: Id = Field(description="Objective id, unique in this file / 目标标识，文件内唯一")
    statement: Text = Field(description="The objective in one sentence / 目标陈述")
    from_: Date | None = Field(
        default=None,
        alias="from",
        description="Start of the time frame; default Jan 1 of the fiscal year / 开始日期",
    )
    by: Date | None = Field(
        default=None,
        description="End of the time frame; default Dec 31 of the fiscal year / 完成日期",
    )
    contributes_to: list[ObjectiveRef] = Field(
        default_factory=list,
        description="Strategy objectives it serves, as <strategy-id>/<objective-id>"
        " / 支撑的战略目标",
    )
    kpis: list[Kpi] = Field(default_factory=list, description="How progress is measured / 衡量指标")
    notes: Markdown | None = Field(default=None, description="Notes, Markdown / 备注")

    @model_validator(mode="after")
    def _ordered(self) -> AccountObjective:
        if self.from_ is not None and self.by is not None and self.by < self.from_:
            raise ValueError(f"`by` {self.by} is before `from` {self.from_}")
        return self


class Action(Strict_):
    """A task of the action plan."""

    id: Id = Field(description="Action id, unique in this file / 行动标识，文件内唯一")
    what: Text = Field(description="What is to be done / 行动内容")
    owner: Id | None = Field(default=None, description=_OWNER)
    due: Date | None = Field(default=None, description="Due date / 截止日期")
    status: Status = Field(default=Status.planned, description="Progress / 状态")
    stakeholder: Id | None = Field(
        default=None, description="The stakeholder id it is aimed at / 针对的客户人员"
    )
    stakeholders: list[Id] = Field(
        default_factory=list,
        description="Several stakeholder ids it is aimed at (with or instead of `stakeholder`)"
        " / 针对的多位客户人员",
    )
    objective: ActionObjectiveRef | None = Field(
        default=None,
        description="Objective it serves: an account objective id or <strategy>/<objective>"
        " / 支撑的目标",
    )
    notes: Markdown | None = Field(default=None, description="Notes, Markdown / 备注")

    @property
    def people(self) -> tuple[str, ...]:
        """`stakeholder` and `stakeholders` as one list, in file order, each id once."""
        first = [self.stakeholder] if self.stakeholder else []
        return tuple(dict.fromkeys([*first, *self.stakeholders]))


class Engagement(Strict_):
    """An organisation-level meeting or programme with the customer (组织客户关系)."""

    id: Id = Field(description="Engagement id, unique in this file / 活动标识，文件内唯一")
    what: Text = Field(description="What the engagement is / 活动内容")
    cadence: Cadence | None = Field(default=None, description="How often it happens / 频率")
    next: Date | None = Field(default=None, description="Date of the next occurrence / 下次日期")
    owner: Id | None = Field(default=None, description=_OWNER)


class Resource(Strict_):
    """Something we commit to the account: people, budget, equipment (资源投入)."""

    what: Text = Field(description="What we commit / 投入的资源")
    amount: Amount | None = Field(
        default=None, description="Its value in the portfolio currency and unit / 金额"
    )
    owner: Id | None = Field(default=None, description=_OWNER)


class Review(Strict_):
    """A review held: of the plan, a relationship, or a won or lost deal."""

    date: Date = Field(description="Date of the review / 评审日期")
    kind: ReviewKind = Field(description="Kind of review / 评审类型")
    by: list[Id] = Field(default_factory=list, description="Team member ids present / 参与人")
    summary: Markdown | None = Field(
        default=None, description="What was found and decided, Markdown / 结论"
    )


class Risk(Strict_):
    """A risk to the plan."""

    id: Id = Field(description="Risk id, unique in this file / 风险标识，文件内唯一")
    what: Text = Field(description="What could go wrong / 风险描述")
    likelihood: Level = Field(description="Likelihood, 1 rare .. 5 almost certain / 可能性")
    impact: Level = Field(description="Impact, 1 minor .. 5 severe / 影响程度")
    mitigation: Text | None = Field(default=None, description="How we reduce it / 应对措施")
    owner: Id | None = Field(default=None, description=_OWNER)
