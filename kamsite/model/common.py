"""Field types shared by every kind of content file.

Numbers are strict (a quoted "5" is a typo, not a score) and dates must be
written YYYY-MM-DD, because YAML 1.2 core schema leaves them as strings and
lax parsing would accept timestamps.
"""

from __future__ import annotations

import datetime as dt
import re
from enum import StrEnum
from typing import Annotated, Any

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    Strict,
    StringConstraints,
    WithJsonSchema,
)

from kamsite.model.compact import shared_fields

ID_PATTERN = r"^[a-z0-9][a-z0-9_-]{0,63}$"
REF_PATTERN = r"^[a-z0-9][a-z0-9_-]{0,63}/[a-z0-9][a-z0-9_-]{0,63}$"
_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _parse_date(value: Any) -> Any:
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if not isinstance(value, str) or not _DATE_RE.match(value):
        raise ValueError("expected a date written YYYY-MM-DD")
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise ValueError(f"{value} is not a calendar date ({exc})") from None


Id = Annotated[str, StringConstraints(pattern=ID_PATTERN)]
ObjectiveRef = Annotated[str, StringConstraints(pattern=REF_PATTERN)]
Date = Annotated[
    dt.date,
    BeforeValidator(_parse_date),
    WithJsonSchema({"type": "string", "format": "date", "pattern": _DATE_RE.pattern}),
]
Number = Annotated[float, Strict(), Field(allow_inf_nan=False)]
Int = Annotated[int, Strict()]
Bool = Annotated[bool, Strict()]
Score = Annotated[Number, Field(ge=1, le=5)]
Level = Annotated[Int, Field(ge=1, le=5)]
Dimension = Annotated[Number, Field(ge=0, le=5)]
Amount = Annotated[Number, Field(ge=0)]
Text = str
Markdown = str


class Strict_(BaseModel):
    """Base of every content model: unknown keys are errors, YAML keys are the aliases."""

    model_config = ConfigDict(extra="forbid", frozen=True, validate_by_alias=True)

    def model_post_init(self, context: Any, /) -> None:
        """Instances that set the same fields share one field set (`kamsite.model.compact`)."""
        object.__setattr__(self, "__pydantic_fields_set__", shared_fields(self.model_fields_set))


class Direction(StrEnum):
    up = "up"
    down = "down"


class Status(StrEnum):
    planned = "planned"
    in_progress = "in_progress"
    done = "done"
    blocked = "blocked"
    dropped = "dropped"


OPEN_STATUSES = frozenset({Status.planned, Status.in_progress, Status.blocked})


class Kpi(Strict_):
    """A measure with a baseline, a target and the latest actual value."""

    id: Id = Field(description="KPI id, unique in this file / 指标标识，文件内唯一")
    name: Text = Field(description="What is measured / 指标名称")
    unit: Text | None = Field(
        default=None, description="Unit shown with the numbers, e.g. `%` or `M` / 单位"
    )
    baseline: Number | None = Field(
        default=None, description="Value at the start of the time frame / 基线值"
    )
    target: Number | None = Field(
        default=None, description="Value to reach by the end of the time frame / 目标值"
    )
    actual: Number | None = Field(default=None, description="Latest measured value / 当前实际值")
    direction: Direction = Field(
        default=Direction.up,
        description="`up`: higher is better; `down`: lower is better / 方向：越高越好或越低越好",
    )
