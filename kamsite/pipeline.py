"""content → validated → scored → drawn → pages: the one path the plugin and every command take.

Pages are a pure function of the content files, `as_of`, the Graphviz build and
kamsite's own code and libraries (`kamsite.cache.code_stamp`); the stored page
set is keyed by exactly those and signed, since it is markup that goes straight
into the site. One entry is kept per project: the cache never grows with history.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from pathlib import Path

from kamsite.cache import SignedStore, cache_root, code_stamp, project_slot
from kamsite.graph import (
    Diagram,
    MatrixPoint,
    Renderer,
    decision_chain,
    portfolio_matrix_svg,
    strategy_map,
)
from kamsite.model import Content
from kamsite.pages import generate_pages, template_sources
from kamsite.pages.context import Drawings, account_url
from kamsite.score import AccountScore, PortfolioScores, score_portfolio


def cached_renderer() -> Renderer:
    """A Graphviz renderer over the shared, signed picture cache."""
    return Renderer(cache_root())


def account_diagram(content: Content, scores: PortfolioScores, account_id: str) -> Diagram:
    score = next(a for a in scores.accounts if a.id == account_id)
    return decision_chain(
        content.accounts[account_id],
        team=content.team,
        relationship=score.stakeholders,
        language=content.settings.language.value,
    )


def strategy_diagram(content: Content, scores: PortfolioScores, strategy_id: str) -> Diagram:
    scored = next((s for s in scores.strategies if s.id == strategy_id), None)
    status = {o.id: o.status.value for o in scored.objectives} if scored else {}
    return strategy_map(
        content.strategies[strategy_id], status=status, language=content.settings.language.value
    )


def _revenue(a: AccountScore) -> float | None:
    """The bubble size: FY revenue actual, else forecast, else target."""
    for value in (a.revenue_actual, a.revenue_forecast, a.revenue_target):
        if value is not None:
            return value
    return None


def _matrix(content: Content, scores: PortfolioScores) -> str:
    points = [
        MatrixPoint(
            account_id=a.id,
            name=a.name,
            tier=a.tier.value if a.tier else None,
            attractiveness=a.attractiveness,
            strength=a.strength,
            revenue=_revenue(a),
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
    """Every decision chain (an empty one still shows the missing roles), map and the matrix,
    in one batch so Graphviz runs in parallel."""
    accounts = sorted(content.accounts)
    strategies = sorted(content.strategies)
    diagrams = [account_diagram(content, scores, key) for key in accounts]
    diagrams += [strategy_diagram(content, scores, key) for key in strategies]
    svgs = renderer.svg_many(diagrams)
    return Drawings(
        decision_chains=dict(zip(accounts, svgs[: len(accounts)], strict=True)),
        strategy_maps=dict(zip(strategies, svgs[len(accounts) :], strict=True)),
        matrix=_matrix(content, scores),
    )


def _page_key(fingerprint: str, as_of: dt.date, drawing: str, overrides: Path | None) -> str:
    digest = hashlib.sha256()
    for part in ("kamsite-pages", code_stamp(), fingerprint, as_of.isoformat(), drawing):
        digest.update(part.encode("utf-8") + b"\0")
    digest.update(template_sources(overrides))
    return digest.hexdigest()


def _stored_pages(store: SignedStore, slot: str, key: str) -> dict[str, str] | None:
    payload = store.read(slot)
    if payload is None:
        return None
    try:
        stored = json.loads(payload)
    except ValueError:
        return None
    if not isinstance(stored, dict) or stored.get("key") != key:
        return None
    pages = stored.get("pages")
    if not isinstance(pages, dict) or not all(isinstance(v, str) for v in pages.values()):
        return None
    return pages


def overrides_dir(theme: Path) -> Path | None:
    """A portfolio's page layouts: `kamsite/` in its theme folder, when there is one."""
    folder = theme / "kamsite"
    return folder if folder.is_dir() else None


def site_pages(
    content: Content,
    fingerprint: str,
    as_of: dt.date,
    renderer: Renderer,
    project: Path,
    overrides: Path | None = None,
) -> dict[str, str]:
    """Score, draw and generate, or the stored set when its key matches (a warm build).

    `overrides`: the folder whose `<kind>.html` layouts replace kamsite's own.
    """
    store = SignedStore(cache_root() / "pages")
    slot = project_slot(project)
    key = _page_key(fingerprint, as_of, renderer.version(), overrides)
    pages = _stored_pages(store, slot, key)
    if pages is None:
        scores = score_portfolio(content, as_of)
        drawings = draw(content, scores, renderer)
        pages = generate_pages(content, scores, drawings, as_of, overrides=overrides)
        store.write(slot, json.dumps({"key": key, "pages": pages}).encode())
    return pages
