"""Trend pictures (DESIGN.md §6 "Trends"): one account's scores over its Git history as small
multiples, and every account's path on the portfolio matrix.

Plain SVG written with ElementTree, like the matrix (`matrix.py`): positions come from the
data, text is escaped by the serializer, output is byte-identical for the same input, and no
process runs. Text and lines are `currentColor`, so both of Material's palettes read them;
only the tier colours of the matrix are fixed fills. No element has an id, so any number of
these pictures can share a page. Labels are 12 px or more at the natural size, which the page
shows as is (the picture scrolls in its own box on a narrow screen).
"""

from __future__ import annotations

import datetime as dt
import math
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from kamsite.graph import labels
from kamsite.graph.matrix import TIER_COLORS
from kamsite.graph.placement import Bubble, Rect, place_labels, text_width
from kamsite.graph.plot import Square, add, done, leader, n, safe_url
from kamsite.graph.svg import FONT_STACK, SVG_NS
from kamsite.graph.text import clean, clip, isolate
from kamsite.graph.trend_words import trend_word
from kamsite.model.portfolio import Language
from kamsite.score.numbers import display, percent, r6

Kind = Literal["score", "whole", "percent", "amount"]
"""How a panel's values read: 0..100 scores, whole 0..100 (P), 0..1 shares, amounts."""

# Small multiples: three panels a row fill an 870 px content column (860 + a border).
WIDTH = 860
COLUMNS = 3
PANEL_W, PANEL_H, GAP_X, GAP_Y = 280, 170, 10, 16
PLOT_LEFT, PLOT_RIGHT = 48, 12  # inside a panel: room for tick labels and the last dot
PLOT_TOP, PLOT_BOTTOM = 30, 132
TITLE_SIZE, TEXT_SIZE = 13, 12

# The movement matrix: the portfolio matrix's frame, labels at 12 px.
M_WIDTH, M_HEIGHT = 780, 540
M_LEFT, M_TOP, M_SIDE = 70, 24, 440
M_LEGEND_X = M_LEFT + M_SIDE + 36
M_SQUARE = Square(M_LEFT, M_TOP, M_SIDE)
LATEST_R, STEP_R = 6.0, 3.0
LABELLED_UP_TO = 30
NAME_WIDTH = 24


def _root(width: int, height: int, css: str, label: str, role: str) -> ET.Element:
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
            "font-size": str(TEXT_SIZE),
            "fill": "currentColor",
        },
    )
    svg.text = "\n"
    return svg


# --- small multiples -------------------------------------------------------------------------


@dataclass(frozen=True)
class TrendPanel:
    """One score over time: `points` oldest first, at most one per date; None is a gap.

    `reference` draws a dashed line at that value (a quadrant threshold), `reference_label`
    its tooltip.
    """

    title: str
    kind: Kind
    points: tuple[tuple[dt.date, float | None], ...]
    reference: float | None = None
    reference_label: str = ""


def shown(kind: Kind, value: float | None) -> str:
    """A value as the site shows it: one decimal, a percentage, or a whole number (P)."""
    if value is None:
        return "—"
    if kind == "percent":
        return percent(value)
    if kind == "whole":
        return str(math.floor(r6(value) + 0.5))
    return display(value)


def _tick(kind: Kind, value: float) -> str:
    """An axis value: whole numbers without decimals (100, 50 %, 2,000)."""
    scaled = 100 * value if kind == "percent" else value
    if r6(scaled) != round(scaled):
        return shown(kind, value)
    whole = f"{round(scaled):,}"
    return f"{whole}%" if kind == "percent" else whole


def _nice(top: float) -> float:
    """The smallest 1, 2, 2.5 or 5 × 10ᵏ at or above `top` (> 0)."""
    power = 10.0 ** math.floor(math.log10(top))
    for step in (1.0, 2.0, 2.5, 5.0, 10.0):
        if step * power >= top * (1 - 1e-9):
            return step * power
    return 10 * power


def _scale(panel: TrendPanel) -> tuple[float, float]:
    if panel.kind in ("score", "whole"):
        return 0.0, 100.0
    if panel.kind == "percent":
        return 0.0, 1.0
    values = [v for _d, v in panel.points if v is not None and math.isfinite(v)]
    high = max([*values, 0.0])
    low = min([*values, 0.0])
    return (-_nice(-low) if low < 0 else 0.0), (_nice(high) if high > 0 else 1.0)


class _Axis:
    """Dates to x over every panel's dates, so the panels line up."""

    def __init__(self, dates: Sequence[dt.date], width: float) -> None:
        self.first = min(dates) if dates else None
        self.last = max(dates) if dates else None
        self.width = width
        self.xs = {day: self._x(day) for day in dates}

    def _x(self, day: dt.date) -> float:
        assert self.first is not None and self.last is not None
        span = (self.last - self.first).days
        if span == 0:
            return PLOT_LEFT + self.width / 2
        return PLOT_LEFT + self.width * (day - self.first).days / span

    def x(self, day: dt.date) -> float:
        found = self.xs.get(day)
        return self._x(day) if found is None else found


@dataclass(frozen=True)
class _Drawn:
    day: dt.date
    value: float
    x: float
    y: float


def _runs(points: Sequence[_Drawn | None]) -> list[list[_Drawn]]:
    """Consecutive drawn points; a None (no value) ends a run: a gap in the line."""
    runs: list[list[_Drawn]] = [[]]
    for point in points:
        if point is None:
            if runs[-1]:
                runs.append([])
        else:
            runs[-1].append(point)
    return [run for run in runs if run]


def _turns(run: Sequence[_Drawn]) -> tuple[list[_Drawn], list[_Drawn]]:
    """A run's line vertices (its ends and wherever the value changes: a flat stretch needs
    no points inside it) and its dots (its ends and each change, where the tooltip says when).
    A long history costs the changes, not the commits."""
    vertices, dots = [], []
    rounded = [r6(p.value) for p in run]
    last = len(run) - 1
    for k, point in enumerate(run):
        changed = k == 0 or rounded[k] != rounded[k - 1]
        if changed or k == last or rounded[k] != rounded[k + 1]:
            vertices.append(point)
        if changed or k == last:
            dots.append(point)
    return vertices, dots


def _panel(
    svg: ET.Element, panel: TrendPanel, left: float, top: float, axis: _Axis, lang: Language
) -> None:
    group = add(svg, "g", class_="kam-trend-panel", transform=f"translate({n(left)} {n(top)})")
    group.text = "\n"
    plot_w = PANEL_W - PLOT_LEFT - PLOT_RIGHT
    low, high = _scale(panel)

    def y(value: float) -> float:
        share = (min(max(value, low), high) - low) / (high - low)
        return PLOT_BOTTOM - (PLOT_BOTTOM - PLOT_TOP) * share

    latest = shown(panel.kind, panel.points[-1][1]) if panel.points else "—"
    value_w = text_width(latest, TITLE_SIZE)
    title_room = (PANEL_W - value_w - 8) / (TITLE_SIZE * 0.6)
    add(
        group,
        "text",
        isolate(clip(clean(panel.title), int(title_room))),
        x="0",
        y="16",
        font_size=str(TITLE_SIZE),
        font_weight="bold",
    )
    add(
        group,
        "text",
        latest,
        x=n(PANEL_W),
        y="16",
        text_anchor="end",
        font_size=str(TITLE_SIZE),
        font_weight="bold",
    )
    for index, tick in enumerate((low, (low + high) / 2, high)):
        add(
            group,
            "line",
            x1=n(PLOT_LEFT),
            x2=n(PLOT_LEFT + plot_w),
            y1=n(y(tick)),
            y2=n(y(tick)),
            stroke="currentColor",
            stroke_opacity="0.45" if index == 0 else "0.18",
        )
        add(
            group,
            "text",
            _tick(panel.kind, tick),
            x=n(PLOT_LEFT - 6),
            y=n(y(tick) + 4),
            text_anchor="end",
        )
    if panel.reference is not None and low <= panel.reference <= high:
        line = add(
            group,
            "line",
            x1=n(PLOT_LEFT),
            x2=n(PLOT_LEFT + plot_w),
            y1=n(y(panel.reference)),
            y2=n(y(panel.reference)),
            stroke="currentColor",
            stroke_dasharray="5,4",
            stroke_opacity="0.7",
        )
        add(line, "title", clean(panel.reference_label))
    if axis.first is not None and axis.last is not None:
        base = PLOT_BOTTOM + 18
        if axis.first == axis.last:
            add(
                group,
                "text",
                axis.first.isoformat(),
                x=n(axis.x(axis.first)),
                y=n(base),
                text_anchor="middle",
            )
        else:
            add(group, "text", axis.first.isoformat(), x=n(PLOT_LEFT), y=n(base))
            add(
                group,
                "text",
                axis.last.isoformat(),
                x=n(PLOT_LEFT + plot_w),
                y=n(base),
                text_anchor="end",
            )
    drawn = [
        None if v is None or not math.isfinite(v) else _Drawn(d, v, axis.x(d), y(v))
        for d, v in panel.points
    ]
    runs = _runs(drawn)
    valued = sum(len(run) for run in runs)
    for run in runs:
        vertices, dots = _turns(run)
        if len(vertices) > 1:
            add(
                group,
                "polyline",
                points=" ".join(f"{n(p.x)},{n(p.y)}" for p in vertices),
                fill="none",
                stroke="currentColor",
                stroke_width="2",
                stroke_linejoin="round",
                class_="kam-trend-line",
            )
        for p in dots:
            dot = add(
                group,
                "circle",
                cx=n(p.x),
                cy=n(p.y),
                r="4" if valued == 1 else "3",
                class_="kam-trend-dot",
            )
            words = {"date": p.day.isoformat(), "value": shown(panel.kind, p.value)}
            add(dot, "title", trend_word("point", lang, **words))
    if valued == 1:
        only = runs[0][0]
        right = only.x > PLOT_LEFT + plot_w / 2
        add(
            group,
            "text",
            shown(panel.kind, only.value),
            x=n(only.x - 8 if right else only.x + 8),
            y=n(only.y - 8),
            text_anchor="end" if right else "start",
        )
    if not valued:
        add(
            group,
            "text",
            trend_word("no_value", lang),
            x=n(PLOT_LEFT + plot_w / 2),
            y=n((PLOT_TOP + PLOT_BOTTOM) / 2 + 4),
            text_anchor="middle",
            fill_opacity="0.75",
        )


def trend_panels_svg(panels: Sequence[TrendPanel], *, label: str, language: str = "en") -> str:
    """The panels as one inline `<svg>`, three a row, sharing one date axis."""
    lang = labels.language(language)
    rows = max(1, -(-len(panels) // COLUMNS))
    height = rows * PANEL_H + (rows - 1) * GAP_Y
    svg = _root(WIDTH, height, "kamsite-trends", label, "img")
    dates = sorted({d for panel in panels for d, _v in panel.points})
    axis = _Axis(dates, PANEL_W - PLOT_LEFT - PLOT_RIGHT)
    for index, panel in enumerate(panels):
        row, column = divmod(index, COLUMNS)
        left = column * (PANEL_W + GAP_X)
        _panel(svg, panel, left, row * (PANEL_H + GAP_Y), axis, lang)
    return done(svg)


# --- movement on the matrix ------------------------------------------------------------------


@dataclass(frozen=True)
class MovementStep:
    """Where an account stood on the matrix at a date."""

    date: dt.date
    attractiveness: float
    strength: float


@dataclass(frozen=True)
class MovementPath:
    """One account's steps, oldest first; the last is where it stands now. `href` links to
    its page (relative or http[s])."""

    account_id: str
    name: str
    tier: str | None
    href: str
    steps: tuple[MovementStep, ...]


def _legend(svg: ET.Element, lang: Language, tiers: Sequence[str]) -> None:
    """Tier colours, then a sample path: an older step, and the arrow into the latest."""
    x, y = M_LEGEND_X, M_TOP + 10
    dot, text = x + 20, x + 36
    for tier in tiers:
        add(
            svg,
            "circle",
            cx=n(dot),
            cy=n(y),
            r=n(LATEST_R),
            fill=TIER_COLORS[tier],
            fill_opacity="0.85",
            stroke="currentColor",
        )
        add(svg, "text", labels.word(tier, lang), x=n(text), y=n(y + 4))
        y += 24
    y += 8
    add(svg, "circle", cx=n(dot), cy=n(y), r=n(STEP_R), fill="none", stroke="currentColor")
    add(svg, "text", trend_word("quarter_end", lang), x=n(text), y=n(y + 4))
    y += 24
    add(
        svg,
        "line",
        x1=n(x),
        y1=n(y),
        x2=n(dot),
        y2=n(y),
        stroke="currentColor",
        stroke_width="1.5",
        stroke_opacity="0.7",
    )
    _arrow(svg, (x, y), (dot, y), LATEST_R)
    add(
        svg,
        "circle",
        cx=n(dot),
        cy=n(y),
        r=n(LATEST_R),
        fill="none",
        stroke="currentColor",
        stroke_width="1.5",
    )
    add(svg, "text", trend_word("latest", lang), x=n(text), y=n(y + 4))


def _arrow(
    parent: ET.Element, start: tuple[float, float], end: tuple[float, float], r: float
) -> None:
    """An arrowhead on the segment start → end whose tip touches a circle of radius r at end;
    none when the segment is too short to carry one."""
    dx, dy = end[0] - start[0], end[1] - start[1]
    length = math.hypot(dx, dy)
    if length < r + 4:
        return
    ux, uy = dx / length, dy / length
    tip = (end[0] - ux * r, end[1] - uy * r)
    back = min(8.0, length - r)
    base = (tip[0] - ux * back, tip[1] - uy * back)
    wing = back / 2
    corners = [
        tip,
        (base[0] - uy * wing, base[1] + ux * wing),
        (base[0] + uy * wing, base[1] - ux * wing),
    ]
    add(
        parent,
        "polygon",
        points=" ".join(f"{n(a)},{n(b)}" for a, b in corners),
        fill="currentColor",
        fill_opacity="0.8",
    )


def _tip(path: MovementPath, lang: Language) -> str:
    lines = [clip(clean(path.name), 200)]
    for step in path.steps:
        words = {"a": display(step.attractiveness), "s": display(step.strength)}
        lines.append(trend_word("step", lang, date=step.date.isoformat(), **words))
    return "\n".join(isolate(line) for line in lines)


def _path(svg: ET.Element, path: MovementPath, lang: Language) -> ET.Element:
    """The trail (lines, older steps, the arrow into the latest) and the latest dot, as one
    link; the name is added to the link later, once every label has its place."""
    link = add(svg, "a", href=safe_url(path.href), class_="kam-movement")
    link.text = "\n"
    add(link, "title", _tip(path, lang))
    spots = [(M_SQUARE.x(s.strength), M_SQUARE.y(s.attractiveness)) for s in path.steps]
    if len(spots) > 1:
        add(
            link,
            "polyline",
            points=" ".join(f"{n(x)},{n(y)}" for x, y in spots),
            fill="none",
            stroke="currentColor",
            stroke_width="1.5",
            stroke_opacity="0.7",
            stroke_linejoin="round",
        )
        _arrow(link, spots[-2], spots[-1], LATEST_R)
    for x, y in spots[:-1]:
        add(link, "circle", cx=n(x), cy=n(y), r=n(STEP_R), fill="none", stroke="currentColor")
    x, y = spots[-1]
    add(
        link,
        "circle",
        cx=n(x),
        cy=n(y),
        r=n(LATEST_R),
        fill=TIER_COLORS[path.tier or "no_tier"],
        fill_opacity="0.85",
        stroke="currentColor",
    )
    return link


def movement_svg(
    paths: Sequence[MovementPath],
    *,
    attractiveness_threshold: float = 50,
    strength_threshold: float = 50,
    language: str = "en",
) -> str:
    """Each account's path over the matrix (strength x, attractiveness y), old to new; only the
    latest step is named (up to `LABELLED_UP_TO` accounts; the link's tooltip always is)."""
    lang = labels.language(language)
    svg = _root(M_WIDTH, M_HEIGHT, "kamsite-movement", trend_word("movement", lang), "group")
    thresholds = (attractiveness_threshold, strength_threshold)
    M_SQUARE.frame(svg, lang, thresholds, tick_size=None, tick_gap=17, title_gap=40)
    ordered = sorted((p for p in paths if p.steps), key=lambda p: p.account_id)
    tiers = sorted({p.tier or "no_tier" for p in ordered}, key=list(TIER_COLORS).index)
    _legend(svg, lang, tiers)
    links = [_path(svg, path, lang) for path in ordered]
    if not ordered or len(ordered) > LABELLED_UP_TO:
        return done(svg)
    bubbles = [
        Bubble(M_SQUARE.x(p.steps[-1].strength), M_SQUARE.y(p.steps[-1].attractiveness), LATEST_R)
        for p in ordered
    ]
    names = [clip(clean(p.name), NAME_WIDTH) for p in ordered]
    corners = M_SQUARE.corner_boxes(lang)
    bounds = Rect(M_LEFT + 1, M_TOP + 1, M_LEGEND_X - 6, M_TOP + M_SIDE - 1)
    for link, name, spot in zip(
        links, names, place_labels(bubbles, names, TEXT_SIZE, bounds, corners), strict=True
    ):
        if spot is None:
            continue
        leader(link, spot)
        add(link, "text", isolate(name), x=n(spot.x), y=n(spot.y), text_anchor=spot.anchor)
    return done(svg)


__all__ = [
    "MovementPath",
    "MovementStep",
    "TrendPanel",
    "movement_svg",
    "shown",
    "trend_panels_svg",
]
