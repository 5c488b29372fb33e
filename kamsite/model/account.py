"""`accounts/<id>.yaml`: one key account plan (DESIGN.md §3.3)."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Literal

from pydantic import Field

from kamsite.model.common import (
    Amount,
    Date,
    Dimension,
    Id,
    Int,
    Kpi,
    Level,
    Markdown,
    Number,
    ObjectiveRef,
    Score,
    Status,
    Strict_,
    Text,
)
from kamsite.model.portfolio import Probability, Stage

ActionObjectiveRef = Annotated[
    str, Field(pattern=r"^[a-z0-9][a-z0-9_-]{0,63}(/[a-z0-9][a-z0-9_-]{0,63})?$")
]


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


class OrgLevel(StrEnum):
    executive = "executive"
    management = "management"
    operational = "operational"


class Role(StrEnum):
    decision_maker = "decision_maker"
    economic_buyer = "economic_buyer"
    technical_buyer = "technical_buyer"
    user_buyer = "user_buyer"
    procurement = "procurement"
    influencer = "influencer"
    gatekeeper = "gatekeeper"
    coach = "coach"


class Attitude(StrEnum):
    champion = "champion"
    supporter = "supporter"
    neutral = "neutral"
    skeptic = "skeptic"
    opponent = "opponent"
    unknown = "unknown"


class Mode(StrEnum):
    growth = "growth"
    trouble = "trouble"
    even_keel = "even_keel"
    overconfident = "overconfident"


class Strength(StrEnum):
    weak = "weak"
    medium = "medium"
    strong = "strong"


class ReviewKind(StrEnum):
    quarterly = "quarterly"
    annual = "annual"
    relationship = "relationship"
    win_loss = "win_loss"


class RevenueRow(Strict_):
    year: Annotated[Int, Field(ge=1900, le=2999)]
    actual: Amount | None = None
    target: Amount | None = None
    forecast: Amount | None = None


class Rated(Strict_):
    score: Score
    why: Markdown | None = None


class Assessment(Strict_):
    attractiveness: dict[Id, Rated] = Field(default_factory=dict)
    strength: dict[Id, Rated] = Field(default_factory=dict)


class Need(Strict_):
    id: Id
    need: Text
    type: NeedType | None = None
    importance: Level
    ratings: dict[Id, Level] = Field(default_factory=dict)
    notes: Markdown | None = None


class Competitor(Strict_):
    id: Id
    name: Text
    position: Position | None = None
    share: Annotated[Number, Field(ge=0, le=100)] | None = None
    strengths: list[Text] = Field(default_factory=list)
    weaknesses: list[Text] = Field(default_factory=list)
    notes: Markdown | None = None


class Swot(Strict_):
    strengths: list[Text] = Field(default_factory=list)
    weaknesses: list[Text] = Field(default_factory=list)
    opportunities: list[Text] = Field(default_factory=list)
    threats: list[Text] = Field(default_factory=list)


class ValueProposition(Strict_):
    quantified: list[Text] = Field(default_factory=list)
    psychological: list[Text] = Field(default_factory=list)
    customer_commitments: list[Text] = Field(default_factory=list)
    tracking: list[Text] = Field(default_factory=list)


class Influence(Strict_):
    to: Id
    strength: Strength = Strength.medium


class Relationship(Strict_):
    """The six dimensions of relationship planning, all required when assessed."""

    acceptance: Dimension
    participation: Dimension
    information: Dimension
    guidance: Dimension
    project_support: Dimension
    competitive_preference: Dimension

    def values(self) -> tuple[float, ...]:
        return (
            self.acceptance,
            self.participation,
            self.information,
            self.guidance,
            self.project_support,
            self.competitive_preference,
        )


class RelationshipTarget(Strict_):
    attitude: Attitude
    by: Date | None = None


class Stakeholder(Strict_):
    id: Id
    name: Text
    local_name: Text | None = None
    title: Text | None = None
    unit: Text | None = None
    level: OrgLevel | None = None
    roles: list[Role] = Field(default_factory=list)
    influence: Level
    attitude: Attitude = Attitude.unknown
    mode: Mode | None = None
    prefers: Id | None = None
    reports_to: Id | None = None
    influences: list[Influence] = Field(default_factory=list)
    owner: Id | None = None
    relationship: Relationship | None = None
    target: RelationshipTarget | None = None
    last_contact: Date | None = None
    notes: Markdown | None = None


class Opportunity(Strict_):
    id: Id
    name: Text
    stage: Stage
    amount: Amount | None = None
    probability: Probability | None = None
    close: Date | None = None
    stakeholders: list[Id] = Field(default_factory=list)
    competitors: list[Id] = Field(default_factory=list)
    notes: Markdown | None = None


class AccountObjective(Strict_):
    id: Id
    statement: Text
    contributes_to: list[ObjectiveRef] = Field(default_factory=list)
    kpis: list[Kpi] = Field(default_factory=list)
    notes: Markdown | None = None


class Action(Strict_):
    id: Id
    what: Text
    owner: Id | None = None
    due: Date | None = None
    status: Status = Status.planned
    stakeholder: Id | None = None
    objective: ActionObjectiveRef | None = None
    notes: Markdown | None = None


class Review(Strict_):
    date: Date
    kind: ReviewKind
    by: list[Id] = Field(default_factory=list)
    summary: Markdown | None = None


class Risk(Strict_):
    id: Id
    what: Text
    likelihood: Level
    impact: Level
    mitigation: Text | None = None
    owner: Id | None = None


class Account(Strict_):
    kind: Literal["account"]
    id: Id
    name: Text
    local_name: Text | None = None
    industry: Text | None = None
    region: Text | None = None
    tier: Tier | None = None
    stage: RelationshipStage | None = None
    purchase_category: PurchaseCategory | None = None
    owner: Id | None = None
    sponsor: Id | None = None
    team: list[Id] = Field(default_factory=list)
    reviewed: Date | None = None
    summary: Markdown | None = None
    revenue: list[RevenueRow] = Field(default_factory=list)
    wallet: Amount | None = None
    assessment: Assessment | None = None
    needs: list[Need] = Field(default_factory=list)
    competitors: list[Competitor] = Field(default_factory=list)
    swot: Swot | None = None
    value_proposition: ValueProposition | None = None
    stakeholders: list[Stakeholder] = Field(default_factory=list)
    opportunities: list[Opportunity] = Field(default_factory=list)
    objectives: list[AccountObjective] = Field(default_factory=list)
    actions: list[Action] = Field(default_factory=list)
    reviews: list[Review] = Field(default_factory=list)
    risks: list[Risk] = Field(default_factory=list)

    def revenue_for(self, year: int) -> RevenueRow | None:
        return next((row for row in self.revenue if row.year == year), None)
