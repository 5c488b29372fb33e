"""The scorecard values: plain frozen data, so every renderer shows the same numbers."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from enum import Enum, StrEnum
from typing import TypeAlias

from kamsite.model.account import Tier
from kamsite.score.commercial import Standing, Weighted
from kamsite.score.levels import Level
from kamsite.score.risks import Exposure


class Quadrant(StrEnum):
    """McDonald's key-account portfolio quadrants (attractiveness × our strength)."""

    strategic = "strategic"
    develop = "develop"
    maintain = "maintain"
    opportunistic = "opportunistic"


class KpiStatus(StrEnum):
    on_track = "on_track"
    at_risk = "at_risk"
    off_track = "off_track"
    unknown = "unknown"


class FlagCode(StrEnum):
    STALE_PLAN = "STALE_PLAN"
    OVERDUE_ACTION = "OVERDUE_ACTION"
    NO_SPONSOR = "NO_SPONSOR"
    DECISION_MAKER_UNCOVERED = "DECISION_MAKER_UNCOVERED"
    OPPONENT_DECISION_MAKER = "OPPONENT_DECISION_MAKER"
    SINGLE_THREADED = "SINGLE_THREADED"
    NO_COACH = "NO_COACH"
    LOW_PIPELINE_COVERAGE = "LOW_PIPELINE_COVERAGE"
    TIER_MISMATCH = "TIER_MISMATCH"
    KEY_STAKEHOLDER_UNOWNED = "KEY_STAKEHOLDER_UNOWNED"
    GOING_COLD = "GOING_COLD"


Fact: TypeAlias = str | int | float | dt.date | Enum | tuple[Enum, ...] | None


@dataclass(frozen=True, slots=True)
class Evidence:
    """Which item raised a flag and why, without language: `ref` is the item's path in the
    account file, e.g. ('actions', 'x'); `kind` names the reason and `facts` the names, numbers
    and dates it quotes. `kamsite.evidence` says it in words."""

    ref: tuple[str, ...]
    kind: str
    facts: tuple[tuple[str, Fact], ...] = ()


@dataclass(frozen=True, slots=True)
class Flag:
    code: FlagCode
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True, slots=True)
class Check:
    """One of the ten plan-completeness checks (`plan.check_labels` says them in words)."""

    number: int
    key: str
    passed: bool


@dataclass(frozen=True, slots=True)
class KpiScore:
    """`actual` is the KPI's own, or the one its `measure` takes from the portfolio."""

    id: str
    progress: float | None
    status: KpiStatus
    actual: float | None = None


@dataclass(frozen=True, slots=True)
class ObjectiveScore:
    """`expected` is ε, the share of the objective's time frame elapsed at `as_of`."""

    id: str
    status: KpiStatus
    kpis: tuple[KpiScore, ...]
    expected: float


@dataclass(frozen=True, slots=True)
class AccountScore:
    """Every §4 number of one account; None wherever §4 says null."""

    id: str
    name: str
    local_name: str | None
    tier: Tier | None
    attractiveness: float | None
    strength: float | None
    quadrant: Quadrant | None
    competitive_position: float | None
    relationship_health: float | None
    decision_coverage: float | None
    revenue_gap: float | None
    weighted_pipeline: float
    weighted_pipeline_fy: float
    pipeline_coverage: float | None
    share_of_wallet: float | None
    plan_completeness: int
    checks: tuple[Check, ...]
    flags: tuple[Flag, ...]
    stakeholders: Mapping[str, float | None]  # R of each active stakeholder, in file order
    objectives: tuple[ObjectiveScore, ...]
    revenue_actual: float | None
    revenue_target: float | None
    revenue_forecast: float | None
    revenue_remaining: float | None  # Rem = target − actual, the denominator of PC
    # What views show beside the §4 numbers, computed once so every view agrees:
    levels: Mapping[str, Level]  # good/fair/poor of each headline score, by field name
    ranking: tuple[Standing, ...]  # rated parties on the needs, best first
    opportunities: Mapping[str, Weighted]  # probability and weighted amount, by id
    risks: Mapping[str, Exposure]  # likelihood × impact, by id

    @property
    def flag_codes(self) -> tuple[str, ...]:
        return tuple(flag.code.value for flag in self.flags)


@dataclass(frozen=True, slots=True)
class StrategyScore:
    id: str
    expected_progress: float
    objectives: tuple[ObjectiveScore, ...]


@dataclass(frozen=True, slots=True)
class Totals:
    """Portfolio sums for the fiscal year; `tiers`/`quadrants` count unset ones under "none"."""

    fiscal_year: int
    accounts: int
    revenue_actual: float
    revenue_target: float
    revenue_forecast: float
    weighted_pipeline: float
    weighted_pipeline_fy: float
    revenue_gap: float
    tiers: Mapping[str, int]
    quadrants: Mapping[str, int]
    flags: Mapping[str, tuple[str, ...]]


@dataclass(frozen=True, slots=True)
class PortfolioScores:
    as_of: dt.date
    fiscal_year: int
    accounts: tuple[AccountScore, ...]
    strategies: tuple[StrategyScore, ...]
    totals: Totals
