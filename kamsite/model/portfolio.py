"""`portfolio.yaml`: settings, scoring weights and the reporting date."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Literal

from pydantic import Field

from kamsite.model.common import Date, Id, Int, Markdown, Number, Strict_, Text


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


CLOSED_STAGES = frozenset({Stage.won, Stage.lost})


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
    """One scoring criterion and its weight."""

    weight: Weight = Field(description="Weight 0..1; a group's weights sum to 1 / 权重")
    label: Text | None = Field(default=None, description="Name shown on pages / 显示名称")


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
    """Where the portfolio matrix splits high from low (0..100)."""

    attractiveness: Annotated[Number, Field(ge=0, le=100)] = Field(
        default=50, description="Attractiveness from which an account counts as high / 吸引力阈值"
    )
    strength: Annotated[Number, Field(ge=0, le=100)] = Field(
        default=50, description="Strength from which our position counts as high / 实力阈值"
    )


class Scoring(Strict_):
    """Criteria, weights and thresholds of the scores; every part has a default."""

    attractiveness: dict[Id, Criterion] = Field(
        default_factory=lambda: dict(DEFAULT_ATTRACTIVENESS),
        min_length=1,
        description="Attractiveness criteria by id, each with a weight / 客户吸引力评估标准",
    )
    strength: dict[Id, Criterion] = Field(
        default_factory=lambda: dict(DEFAULT_STRENGTH),
        min_length=1,
        description="Our strength criteria by id, each with a weight / 我方实力评估标准",
    )
    thresholds: Thresholds = Field(
        default_factory=Thresholds, description="Matrix thresholds / 矩阵阈值"
    )
    stage_probability: dict[Stage, Probability] = Field(
        default_factory=dict,
        description="Win probability 0..1 per opportunity stage, overriding the defaults"
        " / 各销售阶段的赢率",
    )

    def probability(self, stage: Stage) -> float:
        return self.stage_probability.get(stage, DEFAULT_STAGE_PROBABILITY[stage])


class PortfolioSettings(Strict_):
    """Settings of the whole portfolio."""

    kind: Literal["portfolio"] = Field(description="Always `portfolio` / 文件类型")
    name: Text = Field(description="Name of the portfolio, the site title / 组合名称")
    currency: Text = Field(default="CNY", description="Currency of all amounts / 货币")
    unit: Text = Field(
        default="", description="Unit of all amounts, e.g. `M` for millions / 金额单位"
    )
    fiscal_year: Annotated[Int, Field(ge=1900, le=2999)] = Field(
        description="The current fiscal year, for gaps and targets / 当前财年"
    )
    as_of: Date | None = Field(
        default=None,
        description="Reporting date; else env KAMSITE_AS_OF, else today / 报告基准日期",
    )
    language: Language = Field(
        default=Language.en, description="Language of the site's labels / 站点语言"
    )
    stale_after_days: Annotated[Int, Field(ge=1)] = Field(
        default=90, description="Days after which a plan review is stale / 计划评审过期天数"
    )
    scoring: Scoring = Field(
        default_factory=Scoring, description="Scoring criteria and weights / 评分规则"
    )
    description: Markdown | None = Field(
        default=None, description="About this portfolio, Markdown / 组合说明"
    )
