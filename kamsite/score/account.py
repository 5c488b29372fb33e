"""One account's scorecard, assembled from the single-purpose score modules."""

from __future__ import annotations

import datetime as dt

from kamsite.model.account import Account
from kamsite.model.portfolio import PortfolioSettings
from kamsite.score import commercial, matrix, relationship
from kamsite.score.flags import Measures, risk_flags
from kamsite.score.levels import score_levels
from kamsite.score.plan import plan_checks, plan_completeness
from kamsite.score.progress import expected_progress, objective_period, score_objective
from kamsite.score.results import AccountScore
from kamsite.score.risks import risk_exposures


def score_account(account: Account, settings: PortfolioSettings, as_of: dt.date) -> AccountScore:
    """Only active stakeholders are scored: left and moved people stay in the plan for the
    record and are counted nowhere.
    """
    scoring = settings.scoring
    fy = settings.fiscal_year
    row = account.revenue_for(fy)
    a = matrix.attractiveness(account, scoring.attractiveness)
    s = matrix.strength(account, scoring.strength)
    weighted = commercial.weighted_opportunities(account, scoring)
    wpfy = commercial.fiscal_year_pipeline(account, weighted, fy)
    rem = commercial.remaining(row)
    measures = Measures(
        decision_coverage=relationship.decision_coverage(account),
        weighted_pipeline_fy=wpfy,
        remaining=rem,
        pipeline_coverage=commercial.pipeline_coverage(wpfy, rem),
        quadrant=matrix.quadrant(a, s, scoring.thresholds),
    )
    checks = plan_checks(account, settings, as_of)
    people = account.active_stakeholders
    rs = {st.id: relationship.relationship(st) for st in people}
    cp = commercial.competitive_position(account)
    health = relationship.relationship_health((st.influence, rs[st.id]) for st in people)
    completeness = plan_completeness(checks)
    levels = score_levels(
        {
            "attractiveness": a,
            "strength": s,
            "competitive_position": cp,
            "relationship_health": health,
            "decision_coverage": measures.decision_coverage,
            "pipeline_coverage": measures.pipeline_coverage,
            "plan_completeness": completeness,
        },
        scoring.thresholds,
    )
    objectives = tuple(
        score_objective(o.id, o.kpis, expected_progress(*objective_period(o, fy), as_of))
        for o in account.objectives
    )
    return AccountScore(
        id=account.id,
        name=account.name,
        local_name=account.local_name,
        tier=account.tier,
        attractiveness=a,
        strength=s,
        quadrant=measures.quadrant,
        competitive_position=cp,
        relationship_health=health,
        decision_coverage=measures.decision_coverage,
        revenue_gap=commercial.revenue_gap(row),
        weighted_pipeline=commercial.weighted_pipeline(account, weighted),
        weighted_pipeline_fy=wpfy,
        pipeline_coverage=measures.pipeline_coverage,
        share_of_wallet=commercial.share_of_wallet(row, account.wallet),
        plan_completeness=completeness,
        checks=checks,
        flags=risk_flags(account, settings, as_of, measures),
        stakeholders=rs,
        objectives=objectives,
        revenue_actual=row.actual if row else None,
        revenue_target=row.target if row else None,
        revenue_forecast=row.forecast if row else None,
        revenue_remaining=rem,
        levels=levels,
        ranking=commercial.ranking(account),
        opportunities=weighted,
        risks=risk_exposures(account),
    )
