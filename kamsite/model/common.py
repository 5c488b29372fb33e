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
    id: Id
    name: Text
    unit: Text | None = None
    baseline: Number | None = None
    target: Number | None = None
    actual: Number | None = None
    direction: Direction = Direction.up
