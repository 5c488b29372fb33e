"""Every account's path on the portfolio matrix over the last quarters (the dashboard's
movement picture): the matrix's square (`plot.Square`), one arrow-tipped path per account,
old steps hollow, the latest filled in its tier's colour and named.

Plain SVG like the other charts: text escaped by the serializer, `currentColor` for both
palettes, no ids, byte-identical output for the same input.
"""

from __future__ import annotations

import datetime as dt
import math
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import dataclass

from kamsite.graph import labels
from kamsite.graph.matrix import LABELLED_UP_TO, LEFT, NAME_WIDTH, SIDE, SQUARE, TIER_COLORS, TOP
from kamsite.graph.placement import Bubble, Rect, place_labels
from kamsite.graph.plot import add, done, leader, n, safe_url, svg_root, tier_key
from kamsite.graph.text import clean, clip, isolate
from kamsite.graph.trend_words import trend_word
from kamsite.model.portfolio import Language
from kamsite.score.numbers import display

# The portfolio matrix's square (the same place as on the matrix), labels at 12 px.
M_WIDTH, M_HEIGHT = 780, 540
M_LEGEND_X = LEFT + SIDE + 36
LATEST_R, STEP_R = 6.0, 3.0
TEXT_SIZE = 12


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
    x = M_LEGEND_X
    dot, text = x + 20, x + 36
    colors = [(tier, TIER_COLORS[tier]) for tier in tiers]
    y = tier_key(svg, colors, lang, at=(dot, text, TOP + 10), r=n(LATEST_R), opacity="0.85")
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
    spots = [(SQUARE.x(s.strength), SQUARE.y(s.attractiveness)) for s in path.steps]
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
    title = trend_word("movement", lang)
    svg = svg_root(M_WIDTH, M_HEIGHT, "kamsite-movement", title, "group", TEXT_SIZE)
    thresholds = (attractiveness_threshold, strength_threshold)
    SQUARE.frame(svg, lang, thresholds, tick_size=None, tick_gap=17, title_gap=40)
    ordered = sorted((p for p in paths if p.steps), key=lambda p: p.account_id)
    tiers = sorted({p.tier or "no_tier" for p in ordered}, key=list(TIER_COLORS).index)
    _legend(svg, lang, tiers)
    links = [_path(svg, path, lang) for path in ordered]
    if not ordered or len(ordered) > LABELLED_UP_TO:
        return done(svg)
    bubbles = [
        Bubble(SQUARE.x(p.steps[-1].strength), SQUARE.y(p.steps[-1].attractiveness), LATEST_R)
        for p in ordered
    ]
    names = [clip(clean(p.name), NAME_WIDTH) for p in ordered]
    corners = SQUARE.corner_boxes(lang)
    bounds = Rect(LEFT + 1, TOP + 1, M_LEGEND_X - 6, TOP + SIDE - 1)
    for link, name, spot in zip(
        links, names, place_labels(bubbles, names, TEXT_SIZE, bounds, corners), strict=True
    ):
        if spot is None:
            continue
        leader(link, spot)
        add(link, "text", isolate(name), x=n(spot.x), y=n(spot.y), text_anchor=spot.anchor)
    return done(svg)


__all__ = ["MovementPath", "MovementStep", "movement_svg"]
