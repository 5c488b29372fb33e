"""Where the portfolio matrix writes each account's name: beside its bubble, never on another name.

Greedy and deterministic. Bubbles come in priority order (the caller puts the
largest first) and each label takes the first free spot in a fixed list: right of
its bubble, left, above, below, the four diagonals, then rings further out in
sixteen directions with a leader line back to the bubble. A spot is free when the
label's box stays inside `bounds`, touches no label or leader line placed before
it and no fixed obstacle (the quadrant names), and, on a first pass, no other
bubble either. A label with no free spot is left out: the bubble's tooltip still
names the account. Widths are estimated, not measured (there is no font at build
time), generously: a wide (CJK) character one em, anything else 0.6 em.
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

GAP = 3.0  # px between a bubble and its label
RINGS = (14.0, 28.0, 44.0, 62.0, 84.0, 110.0, 140.0, 180.0)  # px beyond the bubble's edge
DIRECTIONS = 16
ASCENT, DESCENT = (
    1.16,
    0.29,
)  # of the font size above and below the baseline: the line box of Noto CJK


@dataclass(frozen=True)
class Rect:
    left: float
    top: float
    right: float
    bottom: float

    def overlaps(self, other: Rect) -> bool:
        return not (
            self.right <= other.left
            or other.right <= self.left
            or self.bottom <= other.top
            or other.bottom <= self.top
        )

    def inside(self, other: Rect) -> bool:
        return (
            other.left <= self.left
            and self.right <= other.right
            and other.top <= self.top
            and self.bottom <= other.bottom
        )

    def grown(self, by: float) -> Rect:
        return Rect(self.left - by, self.top - by, self.right + by, self.bottom + by)


@dataclass(frozen=True)
class Bubble:
    x: float
    y: float
    r: float

    def touches(self, rect: Rect) -> bool:
        nearest_x = min(max(self.x, rect.left), rect.right)
        nearest_y = min(max(self.y, rect.top), rect.bottom)
        return math.hypot(self.x - nearest_x, self.y - nearest_y) < self.r


@dataclass(frozen=True)
class Label:
    """A placed label: text anchor point (baseline), `anchor` as in SVG, an optional leader."""

    x: float
    y: float
    anchor: str
    box: Rect
    leader: tuple[float, float, float, float] | None = None


def text_width(text: str, size: float) -> float:
    """A generous estimate of the rendered width of `text` at `size` px."""
    return size * sum(1.0 if unicodedata.east_asian_width(c) in "WF" else 0.6 for c in text)


def text_box(x: float, y: float, width: float, size: float, anchor: str) -> Rect:
    """The box of text drawn at baseline point (x, y) with SVG `text-anchor`."""
    left = {"start": x, "middle": x - width / 2, "end": x - width}[anchor]
    return Rect(left, y - ASCENT * size, left + width, y + DESCENT * size)


def _at(
    px: float, py: float, dx: float, dy: float, width: float, size: float
) -> tuple[float, float, str]:
    """Baseline point and anchor of a label whose box touches (px, py) on the side facing
    direction (dx, dy) from the bubble (screen coordinates: dy > 0 is down)."""
    anchor = "start" if dx > 0.3 else "end" if dx < -0.3 else "middle"
    height = (ASCENT + DESCENT) * size
    if dy < -0.3:  # label above the point
        top = py - height
    elif dy > 0.3:
        top = py
    else:
        top = py - height / 2
    return px, top + ASCENT * size, anchor


def _candidates(bubble: Bubble, width: float, size: float) -> list[Label]:
    x, y, r = bubble.x, bubble.y, bubble.r
    spots: list[Label] = []
    near = (
        (1.0, 0.0),
        (-1.0, 0.0),
        (0.0, -1.0),
        (0.0, 1.0),
        (0.7071, -0.7071),
        (0.7071, 0.7071),
        (-0.7071, -0.7071),
        (-0.7071, 0.7071),
    )
    for dx, dy in near:
        lx, ly, anchor = _at(x + dx * (r + GAP), y + dy * (r + GAP), dx, dy, width, size)
        spots.append(Label(lx, ly, anchor, text_box(lx, ly, width, size, anchor)))
    # right, left, up, down first, then the diagonals, then the rest of the compass
    order = sorted(range(DIRECTIONS), key=lambda k: (k % 4 != 0, k % 2 != 0, k))
    for ring in RINGS:
        for k in order:
            angle = 2 * math.pi * k / DIRECTIONS
            dx, dy = math.cos(angle), -math.sin(angle)
            px, py = x + dx * (r + ring), y + dy * (r + ring)
            lx, ly, anchor = _at(px, py, dx, dy, width, size)
            leader = (x + dx * r, y + dy * r, px, py)
            spots.append(Label(lx, ly, anchor, text_box(lx, ly, width, size, anchor), leader))
    return spots


def _crosses(segment: tuple[float, float, float, float], rect: Rect) -> bool:
    """Whether a line segment passes through `rect` (sampled: leaders are short)."""
    x1, y1, x2, y2 = segment
    steps = max(2, int(math.hypot(x2 - x1, y2 - y1) / 2))
    return any(
        rect.left < x1 + (x2 - x1) * t / steps < rect.right
        and rect.top < y1 + (y2 - y1) * t / steps < rect.bottom
        for t in range(steps + 1)
    )


def place_labels(
    bubbles: Sequence[Bubble],
    texts: Sequence[str],
    size: float,
    bounds: Rect,
    obstacles: Sequence[Rect] = (),
) -> list[Label | None]:
    """A label spot for each bubble (in the given priority order), or None if none is free."""
    placed: list[Label] = []
    result: list[Label | None] = []
    for index, (bubble, text) in enumerate(zip(bubbles, texts, strict=True)):
        width = text_width(text, size)
        others = [b for i, b in enumerate(bubbles) if i != index]
        found = None
        for avoid_bubbles in (True, False):
            for spot in _candidates(bubble, width, size):
                box = spot.box.grown(1.0)
                if not spot.box.inside(bounds) or bubble.touches(spot.box):
                    continue
                if any(box.overlaps(o) for o in obstacles):
                    continue
                if any(box.overlaps(p.box) for p in placed):
                    continue
                if any(p.leader and _crosses(p.leader, box) for p in placed):
                    continue
                if spot.leader and any(_crosses(spot.leader, p.box) for p in placed):
                    continue
                if avoid_bubbles and any(b.touches(spot.box) for b in others):
                    continue
                found = spot
                break
            if found is not None:
                break
        if found is not None:
            placed.append(found)
        result.append(found)
    return result
