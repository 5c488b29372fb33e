"""The scored history as series: each account's state at each point, by day and by quarter;
no language."""

from __future__ import annotations

import bisect
import datetime as dt
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from kamsite.history import Point
from kamsite.score.numbers import r6

State = Mapping[str, Any]
"""One account in one point: the `kamsite score --format json` fields."""


def number(state: State | None, metric: str) -> float | None:
    value = None if state is None else state.get(metric)
    if isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value):
        return float(value)
    return None


class Timeline:
    """The scored points, oldest first, with each account's state in each point indexed once
    (a lookup per account and point instead of a search)."""

    def __init__(self, points: Sequence[Point]) -> None:
        self.points = tuple(points)
        self.states: dict[str, dict[int, State]] = {}
        for index, point in enumerate(self.points):
            for state in point.accounts:
                key = state.get("id")
                if isinstance(key, str):
                    self.states.setdefault(key, {})[index] = state

    def of(self, account_id: str) -> list[tuple[dt.date, State]]:
        """The account's states in the points that have it (valid ones), oldest first."""
        found = self.states.get(account_id, {})
        return [(self.points[i].date, found[i]) for i in sorted(found)]


def account_days(timeline: Timeline, account_id: str) -> list[tuple[dt.date, State | None]]:
    """The account through the history, one entry a day from its first valid appearance: the
    day's last commit that has it, else None (the tree did not validate, or it was gone)."""
    found = timeline.states.get(account_id, {})
    if not found:
        return []
    days: dict[dt.date, State | None] = {}
    for index in range(min(found), len(timeline.points)):
        day, state = timeline.points[index].date, found.get(index)
        if state is not None or days.get(day) is None:
            days[day] = state
    return sorted(days.items(), key=lambda item: item[0])


def quarter_ends(start: dt.date, end: dt.date) -> list[dt.date]:
    """Quarter ends strictly between `start` and `end`, oldest first."""
    found = []
    for year in range(start.year, end.year + 1):
        for month, day in ((3, 31), (6, 30), (9, 30), (12, 31)):
            q = dt.date(year, month, day)
            if start < q < end:
                found.append(q)
    return found


@dataclass(frozen=True, slots=True)
class Step:
    date: dt.date
    state: State


def account_steps(timeline: Timeline, account_id: str, start: dt.date, end: dt.date) -> list[Step]:
    """The account's state at each quarter end in (start, end), then its latest; an account
    with no quarter end in its history takes its commits in the window instead."""
    states = timeline.of(account_id)
    if not states:
        return []
    dates = [d for d, _s in states]

    def at(day: dt.date) -> State | None:
        index = bisect.bisect_right(dates, day)
        return states[index - 1][1] if index else None

    steps = [Step(q, s) for q in quarter_ends(start, end) if (s := at(q)) is not None]
    if not steps:
        steps = [Step(d, s) for d, s in states if d > start][:-1]
    return [*steps, Step(states[-1][0], states[-1][1])]


def matrix_steps(steps: Sequence[Step]) -> list[Step]:
    """The steps that have a place on the matrix (A and S); a run of steps at one place is
    drawn once, dated by its first step (the latest keeps its own date)."""
    placed = [
        s
        for s in steps
        if number(s.state, "attractiveness") is not None and number(s.state, "strength") is not None
    ]
    merged: list[Step] = []
    for index, step in enumerate(placed):
        if merged and position(merged[-1]) == position(step):
            if index == len(placed) - 1:
                merged[-1] = step
        else:
            merged.append(step)
    return merged


def position(step: Step) -> tuple[float, float]:
    a, s = number(step.state, "attractiveness"), number(step.state, "strength")
    assert a is not None and s is not None
    return r6(a), r6(s)
