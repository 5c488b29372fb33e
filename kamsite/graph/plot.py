"""Plain-SVG drawing shared by the charts kamsite writes itself (the matrix, the trends).

ElementTree does the escaping; these helpers keep numbers, links and the A × S frame the
same in every picture: the portfolio matrix and the movement matrix are one square, with
one set of ticks, threshold lines and quadrant names.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import quote, urlsplit

from kamsite.graph import labels
from kamsite.graph.placement import Label, Rect, text_box, text_width
from kamsite.graph.svg import FONT_STACK, SVG_NS
from kamsite.graph.text import clean
from kamsite.model.portfolio import Language

CORNER_SIZE = 14  # px, the quadrant names


def n(value: float) -> str:
    """A coordinate: two decimals, so output is byte-identical across runs and machines."""
    return f"{value:.2f}"


def add(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    """A child element; attribute names end in `_` to dodge keywords and use `_` for `-`."""
    element = ET.SubElement(
        parent, tag, {k.rstrip("_").replace("_", "-"): v for k, v in attrs.items()}
    )
    element.text = text
    element.tail = "\n"
    return element


def safe_url(href: str) -> str:
    """Percent-encoded, and only relative or http(s): no `javascript:` from anywhere."""
    if urlsplit(href).scheme not in ("", "http", "https"):
        raise ValueError(f"refusing link {href!r}: only relative and http(s) URLs")
    return quote(href, safe=":/?#[]@!$&'()*+,;=%-._~")


def svg_root(
    width: int, height: int, css: str, label: str, role: str, font_size: int
) -> ET.Element:
    """An inline `<svg>` at its natural size, named for screen readers, in the page's ink."""
    svg = ET.Element(
        "svg",
        {
            "xmlns": SVG_NS,
            "class": f"kamsite-graph {css}",
            "viewBox": f"0 0 {width} {height}",
            "width": str(width),
            "height": str(height),
            "role": role,
            "aria-label": clean(label),
            "font-family": FONT_STACK,
            "font-size": str(font_size),
            "fill": "currentColor",
        },
    )
    svg.text = "\n"
    return svg


def tier_key(
    svg: ET.Element,
    colors: Iterable[tuple[str, str]],
    lang: Language,
    *,
    at: tuple[float, float, float],
    r: str,
    opacity: str,
    **text: str,
) -> float:
    """A row per tier (24 apart): a dot of its colour and its name; `at` is the dot's x, the
    name's x and the first row's y. Returns the y of the row after the last."""
    dot, name, y = at
    for tier, color in colors:
        add(
            svg,
            "circle",
            cx=n(dot),
            cy=n(y),
            r=r,
            fill=color,
            fill_opacity=opacity,
            stroke="currentColor",
        )
        add(svg, "text", labels.tier(tier, lang), x=n(name), y=n(y + 4), **text)
        y += 24
    return y


def done(svg: ET.Element) -> str:
    return ET.tostring(svg, encoding="unicode") + "\n"


def leader(parent: ET.Element, label: Label) -> None:
    """The thin line from a name placed away from its bubble back to the bubble."""
    if label.leader is None:
        return
    x1, y1, x2, y2 = label.leader
    add(
        parent,
        "line",
        x1=n(x1),
        y1=n(y1),
        x2=n(x2),
        y2=n(y2),
        stroke="currentColor",
        stroke_width="0.75",
        stroke_opacity="0.6",
    )


@dataclass(frozen=True)
class Square:
    """The A × S plot: a `side` × `side` square at (`left`, `top`), strength on x."""

    left: float
    top: float
    side: float

    def x(self, strength: float) -> float:
        return self.left + self.side * min(max(strength, 0.0), 100.0) / 100

    def y(self, attractiveness: float) -> float:
        return self.top + self.side * (1 - min(max(attractiveness, 0.0), 100.0) / 100)

    def corners(self) -> list[tuple[str, float, float, str]]:
        """The quadrant names in the plot's corners: key, baseline point, text-anchor."""
        bottom, right = self.top + self.side, self.left + self.side
        return [
            ("strategic", right - 8, self.top + 18, "end"),
            ("develop", self.left + 8, self.top + 18, "start"),
            ("maintain", right - 8, bottom - 10, "end"),
            ("opportunistic", self.left + 8, bottom - 10, "start"),
        ]

    def corner_boxes(self, lang: Language) -> list[Rect]:
        """Where the quadrant names are, so no account name is placed over them."""
        return [
            text_box(x, y, text_width(labels.quadrant(key, lang), CORNER_SIZE), CORNER_SIZE, anchor)
            for key, x, y, anchor in self.corners()
        ]

    def frame(
        self,
        svg: ET.Element,
        lang: Language,
        thresholds: tuple[float, float],
        *,
        tick_size: str | None,
        tick_gap: float,
        title_gap: float,
    ) -> None:
        """Border, ticks, the dashed threshold lines (A, S), axis titles and quadrant names.

        `tick_size` None: ticks take the picture's own font size.
        """
        t_a, t_s = thresholds
        left, top, side = self.left, self.top, self.side
        bottom, right = top + side, left + side
        add(
            svg,
            "rect",
            x=n(left),
            y=n(top),
            width=n(side),
            height=n(side),
            fill="none",
            stroke="currentColor",
        )
        size = {} if tick_size is None else {"font_size": tick_size}
        for tick in (0, 25, 50, 75, 100):
            add(
                svg,
                "text",
                str(tick),
                x=n(self.x(tick)),
                y=n(bottom + tick_gap),
                text_anchor="middle",
                **size,
            )
            add(
                svg,
                "text",
                str(tick),
                x=n(left - 8),
                y=n(self.y(tick) + 4),
                text_anchor="end",
                **size,
            )
        dashed = {"stroke": "currentColor", "stroke_dasharray": "6,4", "stroke_opacity": "0.7"}
        add(svg, "line", x1=n(self.x(t_s)), y1=n(top), x2=n(self.x(t_s)), y2=n(bottom), **dashed)
        add(svg, "line", x1=n(left), y1=n(self.y(t_a)), x2=n(right), y2=n(self.y(t_a)), **dashed)
        add(
            svg,
            "text",
            labels.word("strength_axis", lang),
            x=n(left + side / 2),
            y=n(bottom + title_gap),
            text_anchor="middle",
            font_size="13",
        )
        middle = n(top + side / 2)
        add(
            svg,
            "text",
            labels.word("attractiveness_axis", lang),
            x="18",
            y=middle,
            text_anchor="middle",
            font_size="13",
            transform=f"rotate(-90 18 {middle})",
        )
        for key, x, y, anchor in self.corners():
            add(
                svg,
                "text",
                labels.quadrant(key, lang),
                x=n(x),
                y=n(y),
                text_anchor=anchor,
                font_size=str(CORNER_SIZE),
                font_weight="bold",
                fill_opacity="0.45",
            )
