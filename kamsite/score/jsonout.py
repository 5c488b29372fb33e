"""The `kamsite score --format json` object of DESIGN.md §7: unrounded numbers, nulls kept."""

from __future__ import annotations

from typing import Any

from kamsite.score.results import (
    AccountScore,
    ObjectiveScore,
    PortfolioScores,
    StrategyScore,
    Totals,
)


def _account(a: AccountScore, stakeholders: bool) -> dict[str, Any]:
    shown: dict[str, Any] = {
        "id": a.id,
        "tier": a.tier.value if a.tier else None,
        "attractiveness": a.attractiveness,
        "strength": a.strength,
        "quadrant": a.quadrant.value if a.quadrant else None,
        "competitive_position": a.competitive_position,
        "relationship_health": a.relationship_health,
        "decision_coverage": a.decision_coverage,
        "revenue_gap": a.revenue_gap,
        "weighted_pipeline": a.weighted_pipeline,
        "weighted_pipeline_fy": a.weighted_pipeline_fy,
        "pipeline_coverage": a.pipeline_coverage,
        "share_of_wallet": a.share_of_wallet,
        "plan_completeness": a.plan_completeness,
        "flags": list(a.flag_codes),
    }
    if stakeholders:
        shown["stakeholders"] = [{"id": k, "relationship": r} for k, r in a.stakeholders.items()]
    return shown


def _objective(o: ObjectiveScore) -> dict[str, Any]:
    return {
        "id": o.id,
        "status": o.status.value,
        "kpis": [{"id": k.id, "progress": k.progress, "status": k.status.value} for k in o.kpis],
    }


def _strategy(s: StrategyScore) -> dict[str, Any]:
    return {"id": s.id, "objectives": [_objective(o) for o in s.objectives]}


def _totals(t: Totals) -> dict[str, Any]:
    return {
        "fiscal_year": t.fiscal_year,
        "accounts": t.accounts,
        "revenue": {
            "actual": t.revenue_actual,
            "target": t.revenue_target,
            "forecast": t.revenue_forecast,
        },
        "weighted_pipeline": t.weighted_pipeline,
        "weighted_pipeline_fy": t.weighted_pipeline_fy,
        "revenue_gap": t.revenue_gap,
        "tiers": dict(t.tiers),
        "quadrants": dict(t.quadrants),
        "flags": {code: list(ids) for code, ids in t.flags.items()},
    }


def to_json(scores: PortfolioScores, *, stakeholders: bool = True) -> dict[str, Any]:
    """`stakeholders=False`: accounts without their people (`kamsite history`'s points)."""
    accounts = sorted(scores.accounts, key=lambda a: a.id)
    return {
        "as_of": scores.as_of.isoformat(),
        "accounts": [_account(a, stakeholders) for a in accounts],
        "strategies": [_strategy(s) for s in sorted(scores.strategies, key=lambda s: s.id)],
        "totals": _totals(scores.totals),
    }
