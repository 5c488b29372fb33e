"""Trend pictures: one account's scores over its Git history as small multiples (the
dashboard's movement on the matrix is `movement.py`).

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
from kamsite.graph.placement import text_width
from kamsite.graph.plot import add, done, n, svg_root
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
    svg = svg_root(WIDTH, height, "kamsite-trends", label, "img", TEXT_SIZE)
    dates = sorted({d for panel in panels for d, _v in panel.points})
    axis = _Axis(dates, PANEL_W - PLOT_LEFT - PLOT_RIGHT)
    for index, panel in enumerate(panels):
        row, column = divmod(index, COLUMNS)
        left = column * (PANEL_W + GAP_X)
        _panel(svg, panel, left, row * (PANEL_H + GAP_Y), axis, lang)
    return done(svg)


__all__ = [
    "TrendPanel",
    "shown",
    "trend_panels_svg",
]
