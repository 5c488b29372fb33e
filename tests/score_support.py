"""Model builders for the score tests: a clean account plus one change per test."""

from __future__ import annotations

import datetime as dt
from typing import Any

from kamsite.model import Account, Content, PortfolioSettings, Strategy, Team
from kamsite.score import AccountScore, PortfolioScores, score_portfolio

AS_OF = dt.date(2026, 11, 1)
FY = 2026

ALL_FIVES_A = {
    key: {"score": 5}
    for key in (
        "revenue_potential",
        "financial_security",
        "relationship",
        "influence",
        "innovation",
        "strategic_fit",
    )
}
ALL_FIVES_S = {
    key: {"score": 5}
    for key in ("offer_fit", "relationship_depth", "share_of_wallet", "delivery_record")
}


def rel(*six: float) -> dict[str, float]:
    keys = (
        "acceptance",
        "participation",
        "information",
        "guidance",
        "project_support",
        "competitive_preference",
    )
    return dict(zip(keys, six, strict=True))


def person(pid: str, **fields: Any) -> dict[str, Any]:
    """An owned, recently contacted stakeholder of influence 3 with no role."""
    base: dict[str, Any] = {
        "id": pid,
        "name": pid.title(),
        "influence": 3,
        "owner": "li-na",
        "last_contact": "2026-10-15",
    }
    return base | fields


def clean(**fields: Any) -> dict[str, Any]:
    """An account that passes all ten checks and raises no flag as of AS_OF."""
    base: dict[str, Any] = {
        "kind": "account",
        "id": "acme",
        "name": "Acme",
        "tier": "strategic",
        "owner": "li-na",
        "sponsor": "wang-qiang",
        "reviewed": "2026-10-01",
        "revenue": [{"year": FY, "actual": 80, "target": 100}],
        "wallet": 400,
        "assessment": {"attractiveness": ALL_FIVES_A, "strength": ALL_FIVES_S},
        "competitors": [{"id": "rival", "name": "Rival"}],
        "value_proposition": {
            "quantified": ["q"],
            "psychological": ["p"],
            "customer_commitments": ["c"],
            "tracking": ["t"],
        },
        "stakeholders": [
            person("boss", influence=5, roles=["decision_maker"], attitude="champion"),
            person("buyer", influence=4, roles=["economic_buyer"], attitude="supporter"),
            person("insider", roles=["coach"], attitude="supporter"),
        ],
        "opportunities": [
            {"id": "deal", "name": "Deal", "stage": "commit", "amount": 40, "close": "2026-12-15"}
        ],
        "objectives": [
            {
                "id": "grow",
                "statement": "Grow",
                "kpis": [{"id": "k", "name": "K", "baseline": 0, "target": 10, "actual": 9}],
            }
        ],
        "actions": [{"id": "visit", "what": "Visit", "owner": "li-na", "due": "2026-12-01"}],
    }
    return base | fields


def settings(**fields: Any) -> PortfolioSettings:
    return PortfolioSettings.model_validate(
        {"kind": "portfolio", "name": "Test", "fiscal_year": FY} | fields
    )


def content(
    accounts: list[dict[str, Any]] | None = None,
    strategies: list[dict[str, Any]] | None = None,
    **settings_fields: Any,
) -> Content:
    return Content(
        settings=settings(**settings_fields),
        team=Team(kind="team"),
        accounts={a["id"]: Account.model_validate(a) for a in accounts or []},
        strategies={s["id"]: Strategy.model_validate(s) for s in strategies or []},
    )


def scores(
    accounts: list[dict[str, Any]] | None = None,
    strategies: list[dict[str, Any]] | None = None,
    as_of: dt.date = AS_OF,
    **settings_fields: Any,
) -> PortfolioScores:
    return score_portfolio(content(accounts, strategies, **settings_fields), as_of)


def score_one(
    account: dict[str, Any], as_of: dt.date = AS_OF, **settings_fields: Any
) -> AccountScore:
    (only,) = scores([account], as_of=as_of, **settings_fields).accounts
    return only
