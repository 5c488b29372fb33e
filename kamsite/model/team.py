"""`team.yaml`: our people, referenced by id as owners and sponsors."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from kamsite.model.common import Id, Strict_, Text


class Member(Strict_):
    id: Id
    name: Text
    role: Text | None = None
    email: Text | None = None
    local_name: Text | None = None


class Team(Strict_):
    kind: Literal["team"]
    members: list[Member] = Field(default_factory=list)
