"""`portfolio.yaml`: settings, scoring weights and the reporting date."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Literal

from pydantic import Field

from kamsite.model.common import Date, Id, Int, Number, Strict_, Text


class Language(StrEnum):
    en = "en"
    zh = "zh"


class Stage(StrEnum):
    """Opportunity stages in sales order; `won`/`lost` close an opportunity."""

    discover = "discover"
    qualify = "qualify"
    shape_solution = "shape_solution"
    recommend = "recommend"
    uncover_needs = "uncover_needs"
    key_person_meeting = "key_person_meeting"
    negotiate = "negotiate"
    commit = "commit"
    won = "won"
    lost = "lost"


DEFAULT_STAGE_PROBABILITY: dict[Stage, float] = {
    Stage.discover: 0.05,
    Stage.qualify: 0.10,
    Stage.shape_solution: 0.20,
    Stage.recommend: 0.30,
    Stage.uncover_needs: 0.40,
    Stage.key_person_meeting: 0.50,
    Stage.negotiate: 0.65,
    Stage.commit: 0.85,
    Stage.won: 1.0,
    Stage.lost: 0.0,
}

Probability = Annotated[Number, Field(ge=0, le=1)]
Weight = Annotated[Number, Field(ge=0, le=1)]


class Criterion(Strict_):
    weight: Weight
    label: Text | None = None


def _criteria(pairs: dict[str, tuple[float, str | None]]) -> dict[str, Criterion]:
    return {key: Criterion(weight=w, label=label) for key, (w, label) in pairs.items()}


DEFAULT_ATTRACTIVENESS = _criteria(
    {
        "revenue_potential": (0.30, "Future revenue and profit"),
        "financial_security": (0.20, "Financial security"),
        "relationship": (0.15, "Mutual relationship"),
        "influence": (0.15, "Industry influence"),
        "innovation": (0.10, "Joint innovation potential"),
        "strategic_fit": (0.10, "Fit with our strategy"),
    }
)
DEFAULT_STRENGTH = _criteria(
    {
        "offer_fit": (0.35, None),
        "relationship_depth": (0.25, None),
        "share_of_wallet": (0.20, None),
        "delivery_record": (0.20, None),
    }
)


class Thresholds(Strict_):
    attractiveness: Annotated[Number, Field(ge=0, le=100)] = 50
    strength: Annotated[Number, Field(ge=0, le=100)] = 50


class Scoring(Strict_):
    attractiveness: dict[Id, Criterion] = Field(
        default_factory=lambda: dict(DEFAULT_ATTRACTIVENESS), min_length=1
    )
    strength: dict[Id, Criterion] = Field(
        default_factory=lambda: dict(DEFAULT_STRENGTH), min_length=1
    )
    thresholds: Thresholds = Field(default_factory=Thresholds)
    stage_probability: dict[Stage, Probability] = Field(default_factory=dict)

    def probability(self, stage: Stage) -> float:
        return self.stage_probability.get(stage, DEFAULT_STAGE_PROBABILITY[stage])


class PortfolioSettings(Strict_):
    kind: Literal["portfolio"]
    name: Text
    currency: Text = "CNY"
    unit: Text = ""
    fiscal_year: Annotated[Int, Field(ge=1900, le=2999)]
    as_of: Date | None = None
    language: Language = Language.en
    stale_after_days: Annotated[Int, Field(ge=1)] = 90
    scoring: Scoring = Field(default_factory=Scoring)
    description: Text | None = None
