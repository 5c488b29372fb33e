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
from urllib.parse import quote, urlsplit

from kamsite.graph import labels
from kamsite.graph.placement import Bubble, Label, Rect, place_labels, text_box, text_width
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
CORNER_SIZE = 14  # px, the quadrant names


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


def _url(href: str) -> str:
    """Percent-encoded, and only relative or http(s): no `javascript:` from anywhere."""
    if urlsplit(href).scheme not in ("", "http", "https"):
        raise ValueError(f"refusing link {href!r}: only relative and http(s) URLs")
    return quote(href, safe=":/?#[]@!$&'()*+,;=%-._~")


def _n(value: float) -> str:
    return f"{value:.2f}"


def _x(strength: float) -> float:
    return LEFT + SIDE * min(max(strength, 0.0), 100.0) / 100


def _y(attractiveness: float) -> float:
    return TOP + SIDE * (1 - min(max(attractiveness, 0.0), 100.0) / 100)


def _add(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    element = ET.SubElement(
        parent, tag, {k.rstrip("_").replace("_", "-"): v for k, v in attrs.items()}
    )
    element.text = text
    element.tail = "\n"
    return element


def _frame(svg: ET.Element, lang: Language, t_a: float, t_s: float) -> None:
    bottom, right = TOP + SIDE, LEFT + SIDE
    _add(
        svg,
        "rect",
        x=_n(LEFT),
        y=_n(TOP),
        width=_n(SIDE),
        height=_n(SIDE),
        fill="none",
        stroke="currentColor",
    )
    for tick in (0, 25, 50, 75, 100):
        _add(
            svg,
            "text",
            str(tick),
            x=_n(_x(tick)),
            y=_n(bottom + 16),
            text_anchor="middle",
            font_size="11",
        )
        _add(
            svg,
            "text",
            str(tick),
            x=_n(LEFT - 8),
            y=_n(_y(tick) + 4),
            text_anchor="end",
            font_size="11",
        )
    dashed = {"stroke": "currentColor", "stroke_dasharray": "6,4", "stroke_opacity": "0.7"}
    _add(svg, "line", x1=_n(_x(t_s)), y1=_n(TOP), x2=_n(_x(t_s)), y2=_n(bottom), **dashed)
    _add(svg, "line", x1=_n(LEFT), y1=_n(_y(t_a)), x2=_n(right), y2=_n(_y(t_a)), **dashed)
    _add(
        svg,
        "text",
        labels.word("strength_axis", lang),
        x=_n(LEFT + SIDE / 2),
        y=_n(bottom + 38),
        text_anchor="middle",
        font_size="13",
    )
    _add(
        svg,
        "text",
        labels.word("attractiveness_axis", lang),
        x="18",
        y=_n(TOP + SIDE / 2),
        text_anchor="middle",
        font_size="13",
        transform=f"rotate(-90 18 {_n(TOP + SIDE / 2)})",
    )
    for key, x, y, anchor in _corners():
        _add(
            svg,
            "text",
            labels.word(key, lang),
            x=_n(x),
            y=_n(y),
            text_anchor=anchor,
            font_size=str(CORNER_SIZE),
            font_weight="bold",
            fill_opacity="0.45",
        )


def _corners() -> list[tuple[str, float, float, str]]:
    """The quadrant names in the plot's corners: key, baseline point, text-anchor."""
    bottom, right = TOP + SIDE, LEFT + SIDE
    return [
        ("strategic", right - 8, TOP + 18, "end"),
        ("develop", LEFT + 8, TOP + 18, "start"),
        ("maintain", right - 8, bottom - 10, "end"),
        ("opportunistic", LEFT + 8, bottom - 10, "start"),
    ]


def _corner_boxes(lang: Language) -> list[Rect]:
    return [
        text_box(x, y, text_width(labels.word(key, lang), CORNER_SIZE), CORNER_SIZE, anchor)
        for key, x, y, anchor in _corners()
    ]


def _legend(svg: ET.Element, lang: Language) -> None:
    y = TOP + 10
    for tier, color in TIER_COLORS.items():
        _add(
            svg,
            "circle",
            cx=_n(LEGEND_X + 8),
            cy=_n(y),
            r="7",
            fill=color,
            fill_opacity="0.75",
            stroke="currentColor",
        )
        _add(svg, "text", labels.word(tier, lang), x=_n(LEGEND_X + 22), y=_n(y + 4), font_size="12")
        y += 24
    _add(svg, "text", labels.word("bubble", lang), x=_n(LEGEND_X), y=_n(y + 6), font_size="11")


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
        labels.word("tier", lang, tier=labels.word(tier, lang)),
        f"A {display(point.attractiveness)} · S {display(point.strength)}",
    ]
    if point.revenue is not None:
        amount = f"{display(point.revenue)} {clean(unit)}".strip()
        tip.append(labels.word("revenue", lang, amount=amount))
    link = _add(svg, "a", href=_url(point.href), class_=f"account tier-{tier}")
    _add(link, "title", "\n".join(isolate(line) for line in tip))
    x, y = _x(point.strength), _y(point.attractiveness)
    hollow = not point.revenue
    _add(
        link,
        "circle",
        cx=_n(x),
        cy=_n(y),
        r=_n(radius),
        fill="none" if hollow else TIER_COLORS[tier],
        fill_opacity="0.75",
        stroke="currentColor",
        stroke_dasharray="3,2" if hollow else "none",
    )
    if label is None:
        return
    if label.leader is not None:
        x1, y1, x2, y2 = label.leader
        _add(
            link,
            "line",
            x1=_n(x1),
            y1=_n(y1),
            x2=_n(x2),
            y2=_n(y2),
            stroke="currentColor",
            stroke_width="0.75",
            stroke_opacity="0.6",
        )
    _add(
        link,
        "text",
        isolate(clip(name, NAME_WIDTH)),
        x=_n(label.x),
        y=_n(label.y),
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
    _frame(svg, lang, attractiveness_threshold, strength_threshold)
    _legend(svg, lang)
    largest = max((p.revenue or 0.0 for p in points), default=0.0)
    ordered = sorted(points, key=lambda p: (-(p.revenue or 0.0), p.account_id))
    bubbles = []
    for point in ordered:
        share = (point.revenue or 0.0) / largest if largest > 0 else 0.0
        radius = max(MAX_RADIUS * math.sqrt(share), MIN_RADIUS)
        bubbles.append(Bubble(_x(point.strength), _y(point.attractiveness), radius))
    if len(points) <= LABELLED_UP_TO:
        names = [clip(clean(p.name), NAME_WIDTH) for p in ordered]
        bounds = Rect(LEFT + 1, TOP + 1, LEGEND_X - 6, TOP + SIDE - 1)
        spots = place_labels(bubbles, names, LABEL_SIZE, bounds, _corner_boxes(lang))
    else:
        spots = [None] * len(ordered)
    for point, bubble, spot in zip(ordered, bubbles, spots, strict=True):
        _bubble(svg, point, bubble.r, lang, unit, spot)
    return ET.tostring(svg, encoding="unicode") + "\n"
