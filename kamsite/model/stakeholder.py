"""The decision chain of an account: the customer's people and our relationship with each."""

from __future__ import annotations

from enum import StrEnum

from pydantic import Field, model_validator

from kamsite.model.common import Bool, Date, Dimension, Id, Level, Markdown, Strict_, Text


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


class PersonStatus(StrEnum):
    """Whether a person is still in the role we plan around (人员变动)."""

    active = "active"
    left = "left"
    moved = "moved"


class Influence(Strict_):
    """Informal influence of one stakeholder on another."""

    to: Id = Field(description="Stakeholder id of the person influenced / 被影响人")
    strength: Strength = Field(
        default=Strength.medium, description="How strong the influence is / 影响强度"
    )


_DIMENSIONS = {
    "acceptance": "Acceptance: they accept us and our people / 接受认可度",
    "participation": "Participation: they join our events and meetings / 活动参与度",
    "information": "Information sharing: they tell us what is going on / 信息传递度",
    "guidance": "Day-to-day guidance: they coach us how to win / 日常指导度",
    "project_support": "Project support: they back our projects / 项目支持度",
    "competitive_preference": "Competitive preference: they favour us over rivals / 竞争偏向度",
}


class Relationship(Strict_):
    """The six dimensions of relationship planning, each 0..5, all required when assessed."""

    acceptance: Dimension = Field(description=_DIMENSIONS["acceptance"])
    participation: Dimension = Field(description=_DIMENSIONS["participation"])
    information: Dimension = Field(description=_DIMENSIONS["information"])
    guidance: Dimension = Field(description=_DIMENSIONS["guidance"])
    project_support: Dimension = Field(description=_DIMENSIONS["project_support"])
    competitive_preference: Dimension = Field(description=_DIMENSIONS["competitive_preference"])

    def values(self) -> tuple[float, ...]:
        return (
            self.acceptance,
            self.participation,
            self.information,
            self.guidance,
            self.project_support,
            self.competitive_preference,
        )


class DimensionTargets(Strict_):
    """Target scores for any subset of the six dimensions (0..5)."""

    acceptance: Dimension | None = Field(default=None, description=_DIMENSIONS["acceptance"])
    participation: Dimension | None = Field(default=None, description=_DIMENSIONS["participation"])
    information: Dimension | None = Field(default=None, description=_DIMENSIONS["information"])
    guidance: Dimension | None = Field(default=None, description=_DIMENSIONS["guidance"])
    project_support: Dimension | None = Field(
        default=None, description=_DIMENSIONS["project_support"]
    )
    competitive_preference: Dimension | None = Field(
        default=None, description=_DIMENSIONS["competitive_preference"]
    )


class RelationshipTarget(Strict_):
    """Where we want the relationship with this person to be, and by when."""

    attitude: Attitude = Field(description="Attitude we want to reach / 目标态度")
    by: Date | None = Field(default=None, description="Date to reach it by / 目标日期")
    relationship: DimensionTargets | None = Field(
        default=None,
        description="Target score per relationship dimension, any subset / 各关系维度的目标分",
    )


class Stakeholder(Strict_):
    """A person in the customer's decision chain."""

    id: Id = Field(description="Person id, unique in this file / 人员标识，文件内唯一")
    name: Text = Field(description="Full name / 姓名")
    local_name: Text | None = Field(
        default=None, description="Name in the local language / 本地语言姓名"
    )
    title: Text | None = Field(default=None, description="Job title / 职务")
    unit: Text | None = Field(
        default=None,
        description="Department or business unit; groups people in the decision chain / 部门",
    )
    level: OrgLevel | None = Field(default=None, description="Organisation level / 组织层级")
    roles: list[Role] = Field(
        default_factory=list,
        description="Buying-center roles, one or more / 采购决策角色",
    )
    influence: Level = Field(
        description="Weight in the decision: 1 little .. 5 decisive / 决策影响力"
    )
    attitude: Attitude = Field(default=Attitude.unknown, description="Attitude to us / 对我方态度")
    mode: Mode | None = Field(default=None, description="Their response mode to change / 反应模式")
    prefers: Id | None = Field(
        default=None, description="Competitor id this person leans to / 倾向的竞争对手"
    )
    reports_to: Id | None = Field(
        default=None, description="Stakeholder id of their boss in this account / 汇报对象"
    )
    influences: list[Influence] = Field(
        default_factory=list, description="Informal influence on other stakeholders / 非正式影响"
    )
    owner: Id | None = Field(
        default=None, description="Our relationship owner: a team member id / 我方关系负责人"
    )
    relationship: Relationship | None = Field(
        default=None,
        description="The six relationship dimensions; omit the block if unassessed / 关系六维度",
    )
    target: RelationshipTarget | None = Field(
        default=None, description="Relationship goal / 关系目标"
    )
    key_person: Bool = Field(
        default=False,
        description="true: a key-person relationship (关键人); false: the broad base (普遍关系)",
    )
    status: PersonStatus = Field(
        default=PersonStatus.active,
        description="active, left (the customer) or moved (to another role); left and moved"
        " need `since` / 人员变动：在职、离职或调岗",
    )
    since: Date | None = Field(default=None, description="Date of the status change / 变动日期")
    last_contact: Date | None = Field(
        default=None, description="Date of our last meaningful contact / 最近接触日期"
    )
    notes: Markdown | None = Field(default=None, description="Notes, Markdown / 备注")

    @property
    def active(self) -> bool:
        """Still in the role we plan around: the one test every score, check, flag and page uses
        (left and moved people are listed, faded, and counted nowhere)."""
        return self.status is PersonStatus.active

    @model_validator(mode="after")
    def _dated_change(self) -> Stakeholder:
        if self.status is not PersonStatus.active and self.since is None:
            raise ValueError(f"status `{self.status}` needs `since`: the date of the change")
        return self
