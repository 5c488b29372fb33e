"""Every picture the site shows, drawn in one batch so Graphviz runs in parallel and cached."""

from __future__ import annotations

from kamsite.graph.decision_chain import decision_chain
from kamsite.graph.render import Diagram, Renderer
from kamsite.graph.strategy_map import strategy_map
from kamsite.model import Content
from kamsite.pages.context import Drawings
from kamsite.score import PortfolioScores


def draw(content: Content, scores: PortfolioScores, renderer: Renderer) -> Drawings:
    """Decision chains for every account (even an empty one shows its missing roles) and maps."""
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
    )
