"""`team.yaml`: our people, referenced by id as owners and sponsors."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from kamsite.model.common import Id, Strict_, Text


class Member(Strict_):
    """One of our people."""

    id: Id = Field(description="Member id, used as owner, sponsor… in plans / 成员标识")
    name: Text = Field(description="Full name / 姓名")
    role: Text | None = Field(default=None, description="Job role / 岗位")
    email: Text | None = Field(default=None, description="E-mail address / 邮箱")
    local_name: Text | None = Field(
        default=None, description="Name in the local language / 本地语言姓名"
    )


class Team(Strict_):
    """Our people, referenced by id from plans and strategies."""

    kind: Literal["team"] = Field(description="Always `team` / 文件类型")
    members: list[Member] = Field(default_factory=list, description="Team members / 团队成员")
