"""`strategies/<id>.yaml`: a BLM strategy from gap to execution (DESIGN.md §3.4)."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Literal

from pydantic import Field, model_validator

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
    from_: Year = Field(alias="from")
    to: Year

    @model_validator(mode="after")
    def _ordered(self) -> Horizon:
        if self.to < self.from_:
            raise ValueError("horizon `to` must not be before `from`")
        return self


class Gap(Strict_):
    id: Id
    kind: GapKind
    metric: Text | None = None
    target: Number | None = None
    actual: Number | None = None
    root_causes: list[Text] = Field(default_factory=list)
    description: Markdown | None = None


class Insight(Strict_):
    macro: list[Text] = Field(default_factory=list)
    industry: list[Text] = Field(default_factory=list)
    customers: list[Text] = Field(default_factory=list)
    competitors: list[Text] = Field(default_factory=list)
    self_: list[Text] = Field(default_factory=list, alias="self")


class Goal(Strict_):
    id: Id
    statement: Text
    metric: Text | None = None
    target: Number | Text | None = None
    year: Year | None = None


class Milestone(Strict_):
    date: Date
    what: Text


class Intent(Strict_):
    mission: Text | None = None
    vision: Text | None = None
    goals: list[Goal] = Field(default_factory=list)
    milestones: list[Milestone] = Field(default_factory=list)


class Design(Strict_):
    customer_selection: Markdown | None = None
    value_proposition: Markdown | None = None
    value_capture: Markdown | None = None
    scope: Markdown | None = None
    strategic_control: Markdown | None = None
    risk_management: Markdown | None = None


class Task(Strict_):
    id: Id
    what: Text
    owner: Id | None = None
    due: Date | None = None
    status: Status = Status.planned


class MapObjective(Strict_):
    id: Id
    perspective: Perspective
    title: Text
    csf: Bool = False
    supports: list[Id] = Field(default_factory=list)
    owner: Id | None = None
    kpis: list[Kpi] = Field(default_factory=list)
    tasks: list[Task] = Field(default_factory=list)
    description: Markdown | None = None


class Strategy(Strict_):
    kind: Literal["strategy"]
    id: Id
    title: Text
    scope: Scope = Scope.portfolio
    account: Id | None = None
    owner: Id | None = None
    horizon: Horizon
    summary: Markdown | None = None
    gaps: list[Gap] = Field(default_factory=list)
    insight: Insight | None = None
    intent: Intent | None = None
    innovation_focus: list[Text] = Field(default_factory=list)
    design: Design | None = None
    map: list[MapObjective] = Field(default_factory=list)

    @model_validator(mode="after")
    def _account_scope(self) -> Strategy:
        if self.scope is Scope.account and self.account is None:
            raise ValueError("a strategy with scope: account must name its `account`")
        return self
