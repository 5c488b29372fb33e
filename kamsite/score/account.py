"""One account's scorecard, assembled from the single-purpose score modules."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

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
    return redate(undated(account, settings), account, settings, as_of)


def undated(account: Account, settings: PortfolioSettings) -> AccountScore:
    """Everything of the scorecard that the as-of date does not change; `redate` adds the
    rest. A long history scores the same file version at many dates: it keeps this part."""
    scoring = settings.scoring
    row = account.revenue_for(settings.fiscal_year)
    a = matrix.attractiveness(account, scoring.attractiveness)
    s = matrix.strength(account, scoring.strength)
    weighted = commercial.weighted_opportunities(account, scoring)
    wpfy = commercial.fiscal_year_pipeline(account, weighted, settings.fiscal_year)
    rem = commercial.remaining(row)
    people = account.active_stakeholders
    rs = {st.id: relationship.relationship(st) for st in people}
    return AccountScore(
        id=account.id,
        name=account.name,
        local_name=account.local_name,
        tier=account.tier,
        attractiveness=a,
        strength=s,
        quadrant=matrix.quadrant(a, s, scoring.thresholds),
        competitive_position=commercial.competitive_position(account),
        relationship_health=relationship.relationship_health(
            (st.influence, rs[st.id]) for st in people
        ),
        decision_coverage=relationship.decision_coverage(account),
        revenue_gap=commercial.revenue_gap(row),
        weighted_pipeline=commercial.weighted_pipeline(account, weighted),
        weighted_pipeline_fy=wpfy,
        pipeline_coverage=commercial.pipeline_coverage(wpfy, rem),
        share_of_wallet=commercial.share_of_wallet(row, account.wallet),
        plan_completeness=0,
        checks=(),
        flags=(),
        stakeholders=rs,
        objectives=(),
        revenue_actual=row.actual if row else None,
        revenue_target=row.target if row else None,
        revenue_forecast=row.forecast if row else None,
        revenue_remaining=rem,
        levels={},
        ranking=commercial.ranking(account),
        opportunities=weighted,
        risks=risk_exposures(account),
    )


def redate(
    base: AccountScore, account: Account, settings: PortfolioSettings, as_of: dt.date
) -> AccountScore:
    """`base` (from `undated`) as of `as_of`: plan checks, flags, objectives and the levels."""
    checks = plan_checks(account, settings, as_of)
    completeness = plan_completeness(checks)
    measures = Measures(
        decision_coverage=base.decision_coverage,
        weighted_pipeline_fy=base.weighted_pipeline_fy,
        remaining=base.revenue_remaining,
        pipeline_coverage=base.pipeline_coverage,
        quadrant=base.quadrant,
    )
    levels = score_levels(
        {
            "attractiveness": base.attractiveness,
            "strength": base.strength,
            "competitive_position": base.competitive_position,
            "relationship_health": base.relationship_health,
            "decision_coverage": base.decision_coverage,
            "pipeline_coverage": base.pipeline_coverage,
            "plan_completeness": completeness,
        },
        settings.scoring.thresholds,
    )
    fy = settings.fiscal_year
    objectives = tuple(
        score_objective(o.id, o.kpis, expected_progress(*objective_period(o, fy), as_of))
        for o in account.objectives
    )
    return replace(
        base,
        plan_completeness=completeness,
        checks=checks,
        flags=risk_flags(account, settings, as_of, measures),
        objectives=objectives,
        levels=levels,
    )
