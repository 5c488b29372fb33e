"""Pictures of the portfolio (DESIGN.md §5): decision chains, strategy maps, the matrix.

Build a `Diagram` with `decision_chain` or `strategy_map`, draw it (and many at
once, in parallel, cached) with `Renderer`; the matrix is plain SVG from
`portfolio_matrix_svg`. Every result is an `<svg>` element to inline in a page.
"""

from kamsite.graph.analysis import (
    InfluencePath,
    central_influencers,
    champion_paths,
    influence_graph,
    missing_roles,
    reports_to_cycles,
    strategy_graph,
    unowned,
)
from kamsite.graph.decision_chain import decision_chain
from kamsite.graph.matrix import MatrixPoint, portfolio_matrix_svg
from kamsite.graph.render import (
    Diagram,
    GraphvizMissing,
    Renderer,
    RenderError,
)
from kamsite.graph.strategy_map import strategy_map

__all__ = [
    "Diagram",
    "GraphvizMissing",
    "InfluencePath",
    "MatrixPoint",
    "RenderError",
    "Renderer",
    "central_influencers",
    "champion_paths",
    "decision_chain",
    "influence_graph",
    "missing_roles",
    "portfolio_matrix_svg",
    "reports_to_cycles",
    "strategy_graph",
    "strategy_map",
    "unowned",
]
