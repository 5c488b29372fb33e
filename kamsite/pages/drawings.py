"""Every picture the site shows, drawn in one batch so Graphviz runs in parallel and cached."""

from __future__ import annotations

from kamsite.graph import (
    Diagram,
    MatrixPoint,
    Renderer,
    decision_chain,
    portfolio_matrix_svg,
    strategy_map,
)
from kamsite.model import Content
from kamsite.pages.context import Drawings, account_url
from kamsite.score import AccountScore, PortfolioScores


def _matrix(content: Content, scores: PortfolioScores) -> str:
    """Accounts with A and S; bubble area by FY revenue (actual, else forecast, else target)."""

    def revenue(a: AccountScore) -> float | None:
        for value in (a.revenue_actual, a.revenue_forecast, a.revenue_target):
            if value is not None:
                return value
        return None

    points = [
        MatrixPoint(
            account_id=a.id,
            name=a.name,
            tier=a.tier.value if a.tier else None,
            attractiveness=a.attractiveness,
            strength=a.strength,
            revenue=revenue(a),
            href=account_url(a.id),  # relative to the dashboard, which sits at the root
        )
        for a in scores.accounts
        if a.attractiveness is not None and a.strength is not None
    ]
    thresholds = content.settings.scoring.thresholds
    return portfolio_matrix_svg(
        points,
        attractiveness_threshold=thresholds.attractiveness,
        strength_threshold=thresholds.strength,
        unit=content.settings.unit,
        language=content.settings.language.value,
    )


def draw(content: Content, scores: PortfolioScores, renderer: Renderer) -> Drawings:
    """Every decision chain (an empty one still shows the missing roles), map and the matrix."""
    language = content.settings.language.value
    account_scores = {a.id: a for a in scores.accounts}
    strategy_scores = {s.id: s for s in scores.strategies}
    accounts = sorted(content.accounts)
    strategies = sorted(content.strategies)
    diagrams: list[Diagram] = [
        decision_chain(
            content.accounts[key],
            team=content.team,
            relationship=account_scores[key].stakeholders,
            language=language,
        )
        for key in accounts
    ]
    for key in strategies:
        scored = strategy_scores.get(key)
        status = {o.id: o.status.value for o in scored.objectives} if scored else {}
        diagrams.append(strategy_map(content.strategies[key], status=status, language=language))
    svgs = renderer.svg_many(diagrams)
    return Drawings(
        decision_chains=dict(zip(accounts, svgs[: len(accounts)], strict=True)),
        strategy_maps=dict(zip(strategies, svgs[len(accounts) :], strict=True)),
        matrix=_matrix(content, scores),
    )
