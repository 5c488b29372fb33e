"""What a change does, as plain frozen data: every renderer reads the same facts."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

from kamsite.diagnostics import Diagnostic
from kamsite.model.portfolio import Language
from kamsite.score.numbers import r6

Value = str | float | int | None
FileStatus = Literal["added", "removed", "renamed", "modified"]
State = Literal["absent", "invalid", "valid"]
ItemKind = Literal["portfolio", "team", "account", "strategy"]

# Metrics where a fall is an improvement; every other metric improves by rising.
LOWER_IS_BETTER = frozenset({"revenue_gap"})
WORKING_TREE = "working tree"


@dataclass(frozen=True)
class FileChange:
    status: FileStatus
    path: str
    old_path: str | None = None


@dataclass(frozen=True)
class ScoreDelta:
    """`direction` is up/down, or set/unset when one side is null; `better` is None then."""

    metric: str
    before: float | None
    after: float | None
    direction: Literal["up", "down", "set", "unset"]
    better: bool | None


def score_delta(metric: str, before: float | None, after: float | None) -> ScoreDelta | None:
    """None when nothing moved, compared at 6 decimals so float noise is no change."""
    if before is None and after is None:
        return None
    if before is None:
        return ScoreDelta(metric, before, after, "set", None)
    if after is None:
        return ScoreDelta(metric, before, after, "unset", None)
    if r6(before) == r6(after):
        return None
    up = r6(after) > r6(before)
    return ScoreDelta(
        metric, before, after, "up" if up else "down", up != (metric in LOWER_IS_BETTER)
    )


@dataclass(frozen=True)
class FieldChange:
    """A plain field of an account, strategy or setting: tier, quadrant, sponsor, weights…"""

    field: str
    before: Value
    after: Value


@dataclass(frozen=True)
class Event:
    """One change to an item inside a file.

    section: stakeholder | opportunity | action | objective | kpi | task | risk | member
    kind: added | removed | attitude | influence | owner | relationship | roles | reports_to |
    stage | won | lost | amount | closed | reopened | status | overdue | progress
    """

    section: str
    kind: str
    id: str
    name: str
    before: Value = None
    after: Value = None


@dataclass(frozen=True)
class FlagChange:
    code: str
    change: Literal["raised", "cleared"]
    evidence: tuple[str, ...] = ()


@dataclass(frozen=True)
class DiagnosticChange:
    change: Literal["introduced", "fixed"]
    diagnostic: Diagnostic


@dataclass(frozen=True)
class ItemDiff:
    """One account, strategy or settings file that changed, keyed by its id on HEAD."""

    kind: ItemKind
    id: str
    name: str
    before: State
    after: State
    file: FileChange | None = None
    fields: tuple[FieldChange, ...] = ()
    scores: tuple[ScoreDelta, ...] = ()
    flags: tuple[FlagChange, ...] = ()
    events: tuple[Event, ...] = ()
    diagnostics: tuple[DiagnosticChange, ...] = ()

    @property
    def moves(self) -> bool:
        """Whether anything a reviewer weighs moved (not only wording or layout)."""
        return bool(
            (self.file is not None and self.file.status != "modified")
            or self.before != self.after
            or self.fields
            or self.scores
            or self.flags
            or self.events
            or self.diagnostics
        )


@dataclass(frozen=True)
class Side:
    """What each side of the comparison was and whether its portfolio validated.

    `name`: the branch or ref the side was given as, or the label a caller chose; None for a
    bare commit id and the working tree. `commit`: None for the working tree. `excluded`: ids
    of the accounts that do not validate while the portfolio does, so that side's scores and
    totals leave them out.
    """

    name: str | None
    files: int
    errors: int
    warnings: int
    valid: bool
    commit: str | None = None
    excluded: tuple[str, ...] = ()

    @property
    def label(self) -> str:
        return side_label(self, WORKING_TREE)


def side_label(side: Side, working_tree: str) -> str:
    """`main (abc1234)` for a named commit, `abc1234` for a bare one, else the name or
    `working_tree`: a reviewer sees which branch and which commit without a lookup."""
    if side.commit is None:
        return side.name or working_tree
    short = side.commit[:7]
    return f"{side.name} ({short})" if side.name else short


@dataclass(frozen=True)
class Diff:
    base: Side
    head: Side
    as_of: dt.date
    items: tuple[ItemDiff, ...] = ()
    totals: tuple[ScoreDelta, ...] = field(default=())
    language: Language = Language.en
    """The portfolio's `language`: the words of the Markdown report."""

    @property
    def moving(self) -> tuple[ItemDiff, ...]:
        return tuple(item for item in self.items if item.moves)

    @property
    def quiet(self) -> tuple[ItemDiff, ...]:
        return tuple(item for item in self.items if not item.moves)
