"""The portfolio matrix (DESIGN.md §5): accounts by strength S (x) and attractiveness A (y).

Written as SVG directly rather than through Graphviz (`neato -n2` with pinned
positions). The matrix is a chart, not a graph: every position is given by the
data, and what matters is axes, ticks, threshold lines and quadrant labels,
which Graphviz has no notion of and would need as invisible pinned nodes. Writing
it ourselves with ElementTree gives exact coordinates, XML escaping for free,
no process to run or cache, and byte-identical output. The one thing Graphviz
would add — measured text widths — is estimated generously by `placement`, which
puts each name beside its bubble (or further out, with a leader line) where it
overlaps no other name.
"""

from __future__ import annotations

import math
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import dataclass

from kamsite.graph import labels
from kamsite.graph.placement import Bubble, Label, Rect, place_labels
from kamsite.graph.plot import Square, add, done, leader, n, safe_url, tier_key
from kamsite.graph.svg import FONT_STACK, SVG_NS
from kamsite.graph.text import clean, clip, isolate
from kamsite.model.portfolio import Language
from kamsite.score.numbers import display

TIER_COLORS = {
    "strategic": "#8e24aa",
    "key": "#1e88e5",
    "important": "#00897b",
    "ordinary": "#9e9e9e",
    "no_tier": "#d7ccc8",
}
WIDTH, HEIGHT = 760, 540
LEFT, TOP, SIDE = 70, 24, 440  # the plot is a SIDE × SIDE square
LEGEND_X = LEFT + SIDE + 40
MAX_RADIUS, MIN_RADIUS = 32.0, 3.0
LABELLED_UP_TO = 30  # beyond this many bubbles, names would only overlap: tooltips carry them
LABEL_SIZE = 11  # px
NAME_WIDTH = 24  # display units of a bubble's name (a CJK character is two)
SQUARE = Square(LEFT, TOP, SIDE)


@dataclass(frozen=True)
class MatrixPoint:
    """One account to place; `href` is the link to its page (relative or http[s])."""

    account_id: str
    name: str
    tier: str | None
    attractiveness: float
    strength: float
    revenue: float | None
    href: str


def _legend(svg: ET.Element, lang: Language) -> None:
    at = (LEGEND_X + 8, LEGEND_X + 22, TOP + 10)
    y = tier_key(svg, TIER_COLORS.items(), lang, at=at, r="7", opacity="0.75", font_size="12")
    add(svg, "text", labels.word("bubble", lang), x=n(LEGEND_X), y=n(y + 6), font_size="11")


def _bubble(
    svg: ET.Element,
    point: MatrixPoint,
    radius: float,
    lang: Language,
    unit: str,
    label: Label | None,
) -> None:
    tier = point.tier or "no_tier"
    name = clean(point.name)
    tip = [
        clip(name, 200),
        labels.word("tier", lang, tier=labels.tier(tier, lang)),
        f"A {display(point.attractiveness)} · S {display(point.strength)}",
    ]
    if point.revenue is not None:
        amount = f"{display(point.revenue)} {clean(unit)}".strip()
        tip.append(labels.word("revenue", lang, amount=amount))
    link = add(svg, "a", href=safe_url(point.href), class_=f"account tier-{tier}")
    add(link, "title", "\n".join(isolate(line) for line in tip))
    x, y = SQUARE.x(point.strength), SQUARE.y(point.attractiveness)
    hollow = not point.revenue
    add(
        link,
        "circle",
        cx=n(x),
        cy=n(y),
        r=n(radius),
        fill="none" if hollow else TIER_COLORS[tier],
        fill_opacity="0.75",
        stroke="currentColor",
        stroke_dasharray="3,2" if hollow else "none",
    )
    if label is None:
        return
    leader(link, label)
    add(
        link,
        "text",
        isolate(clip(name, NAME_WIDTH)),
        x=n(label.x),
        y=n(label.y),
        text_anchor=label.anchor,
        font_size=str(LABEL_SIZE),
    )


def portfolio_matrix_svg(
    points: Sequence[MatrixPoint],
    *,
    attractiveness_threshold: float = 50,
    strength_threshold: float = 50,
    unit: str = "",
    language: str = "en",
) -> str:
    """The matrix as an inline `<svg>`; bubble area ∝ revenue, no revenue → small hollow ring.

    The biggest bubbles are drawn first so small ones stay on top and clickable.
    """
    lang = labels.language(language)
    title = labels.word("matrix", lang)
    svg = ET.Element(
        "svg",
        {
            "xmlns": SVG_NS,
            "class": "kamsite-graph kamsite-matrix",
            "viewBox": f"0 0 {WIDTH} {HEIGHT}",
            "width": str(WIDTH),
            "height": str(HEIGHT),
            "aria-label": title,
            "font-family": FONT_STACK,
            "fill": "currentColor",
        },
    )
    svg.text = "\n"
    thresholds = (attractiveness_threshold, strength_threshold)
    SQUARE.frame(svg, lang, thresholds, tick_size="11", tick_gap=16, title_gap=38)
    _legend(svg, lang)
    largest = max((p.revenue or 0.0 for p in points), default=0.0)
    ordered = sorted(points, key=lambda p: (-(p.revenue or 0.0), p.account_id))
    bubbles = []
    for point in ordered:
        share = (point.revenue or 0.0) / largest if largest > 0 else 0.0
        radius = max(MAX_RADIUS * math.sqrt(share), MIN_RADIUS)
        bubbles.append(Bubble(SQUARE.x(point.strength), SQUARE.y(point.attractiveness), radius))
    if len(points) <= LABELLED_UP_TO:
        names = [clip(clean(p.name), NAME_WIDTH) for p in ordered]
        bounds = Rect(LEFT + 1, TOP + 1, LEGEND_X - 6, TOP + SIDE - 1)
        spots = place_labels(bubbles, names, LABEL_SIZE, bounds, SQUARE.corner_boxes(lang))
    else:
        spots = [None] * len(ordered)
    for point, bubble, spot in zip(ordered, bubbles, spots, strict=True):
        _bubble(svg, point, bubble.r, lang, unit, spot)
    return done(svg)
