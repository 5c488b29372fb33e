"""One account's scorecard, assembled from the single-purpose score modules."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from kamsite.model.account import Account
from kamsite.model.portfolio import PortfolioSettings
from kamsite.score import commercial, matrix, relationship
from kamsite.score.flags import Measures, risk_flags
from kamsite.score.levels import score_levels
from kamsite.score.plan import plan_checks, plan_completeness
from kamsite.score.progress import expected_progress, period, score_objective
from kamsite.score.results import AccountScore
from kamsite.score.risks import risk_exposures


def score_account(
    account: Account, settings: PortfolioSettings, as_of: dt.date, labels: Sequence[str]
) -> AccountScore:
    """`labels` are the plan-check labels (`plan.check_labels`), made once per portfolio.

    Account objectives have no horizon of their own, so their KPIs run over the fiscal year.
    """
    scoring = settings.scoring
    row = account.revenue_for(settings.fiscal_year)
    a = matrix.attractiveness(account, scoring.attractiveness)
    s = matrix.strength(account, scoring.strength)
    gap = commercial.revenue_gap(row)
    weighted = commercial.weighted_opportunities(account, scoring)
    wp = commercial.weighted_pipeline(account, weighted)
    measures = Measures(
        decision_coverage=relationship.decision_coverage(account),
        weighted_pipeline=wp,
        revenue_gap=gap,
        pipeline_coverage=commercial.pipeline_coverage(wp, gap),
        quadrant=matrix.quadrant(a, s, scoring.thresholds),
    )
    checks = plan_checks(account, settings, as_of, labels)
    rs = [relationship.relationship(st) for st in account.stakeholders]
    influences = [st.influence for st in account.stakeholders]
    start, end = period(settings.fiscal_year, settings.fiscal_year)
    fy_expected = expected_progress(start, end, as_of)
    cp = commercial.competitive_position(account)
    health = relationship.relationship_health(zip(influences, rs, strict=True))
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
        revenue_gap=gap,
        weighted_pipeline=wp,
        pipeline_coverage=measures.pipeline_coverage,
        share_of_wallet=commercial.share_of_wallet(row, account.wallet),
        plan_completeness=completeness,
        checks=checks,
        flags=risk_flags(account, settings, as_of, measures),
        stakeholders={st.id: r for st, r in zip(account.stakeholders, rs, strict=True)},
        objectives=tuple(score_objective(o.id, o.kpis, fy_expected) for o in account.objectives),
        revenue_actual=row.actual if row else None,
        revenue_target=row.target if row else None,
        revenue_forecast=row.forecast if row else None,
        levels=levels,
        ranking=commercial.ranking(account),
        opportunities=weighted,
        risks=risk_exposures(account),
    )
