"""The dashboard's movement: each account's path on the matrix over the last four quarters,
and the biggest movers."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from markupsafe import Markup

from kamsite.glossary import named
from kamsite.graph import labels as graph_labels
from kamsite.graph.movement import MovementPath, MovementStep, movement_svg
from kamsite.graph.text import clean
from kamsite.graph.trend import Kind, shown
from kamsite.graph.trend_words import trend_word
from kamsite.model import Content
from kamsite.model.portfolio import Language
from kamsite.pages.markup import href
from kamsite.pages.trends.timeline import (
    State,
    Timeline,
    account_steps,
    matrix_steps,
    number,
    position,
)
from kamsite.pages.trends.views import DashboardTrendsView, MoverRow
from kamsite.pages.trends.words import say
from kamsite.pages.views import Link
from kamsite.score.numbers import display, r6
from kamsite.score.results import Quadrant

WINDOW_DAYS = 365
"""The dashboard's four quarters: quarter ends within this many days before the latest commit."""


MOVERS = 10


_MOVER_METRICS = ("attractiveness", "strength", "relationship_health", "weighted_pipeline")


def _delta(before: float | None, after: float | None) -> float | None:
    return None if before is None or after is None else after - before


def movement(first: State, last: State) -> float:
    """How far an account moved: the largest change in A, S or H (points) or in weighted
    pipeline (per cent of the larger of the two values)."""
    found = [0.0]
    for metric in ("attractiveness", "strength", "relationship_health"):
        d = _delta(number(first, metric), number(last, metric))
        if d is not None:
            found.append(abs(d))
    before, after = number(first, "weighted_pipeline"), number(last, "weighted_pipeline")
    if before is not None and after is not None and max(abs(before), abs(after)) > 0:
        found.append(100 * abs(after - before) / max(abs(before), abs(after)))
    return r6(max(found))


def _signed(value: float) -> str:
    text = display(value)
    return text if text.startswith("-") or text == "0.0" else f"+{text}"


def _change(metric: str, first: State, last: State, lang: Language) -> str:
    kind: Kind = "amount" if metric == "weighted_pipeline" else "score"
    before, after = number(first, metric), number(last, metric)
    d = _delta(before, after)
    if d is None or r6(d) == 0:
        return shown(kind, after)
    return say(
        lang, "change", before=shown(kind, before), after=shown(kind, after), delta=_signed(d)
    )


def _quadrant(state: State, lang: Language) -> str:
    value = state.get("quadrant")
    known = [str(q) for q in Quadrant]
    return graph_labels.quadrant(value, lang) if isinstance(value, str) and value in known else "—"


def dashboard_view(
    timeline: Timeline, content: Content, account_ids: Sequence[str]
) -> DashboardTrendsView:
    settings = content.settings
    lang = settings.language
    title = say(lang, "dashboard.title")
    if not timeline.points:
        return DashboardTrendsView(title, say(lang, "dashboard.none"))
    end = timeline.points[-1].date
    start = end - dt.timedelta(days=WINDOW_DAYS)
    paths: list[MovementPath] = []
    rows: list[tuple[float, str, MoverRow]] = []
    starts: list[dt.date] = []
    for account_id in account_ids:
        account = content.accounts[account_id]
        steps = account_steps(timeline, account_id, start, end)
        drawn = matrix_steps(steps)
        if not steps:
            continue
        starts.append(steps[0].date)
        if drawn:
            paths.append(
                MovementPath(
                    account_id=account_id,
                    name=named(account.name, account.local_name, lang),
                    tier=account.tier.value if account.tier else None,
                    href=f"accounts/{account_id}/",
                    steps=tuple(MovementStep(s.date, *position(s)) for s in drawn),
                )
            )
        first, last = steps[0].state, steps[-1].state
        moved = movement(first, last) if len(steps) > 1 else 0.0
        if moved > 0:
            quadrants = [_quadrant(first, lang), _quadrant(last, lang)]
            row = MoverRow(
                account=Link(account.name, href("", f"accounts/{account_id}/")),
                period=(steps[0].date.isoformat(), steps[-1].date.isoformat()),
                quadrant=quadrants[1]
                if quadrants[0] == quadrants[1]
                else f"{quadrants[0]} → {quadrants[1]}",
                cells=tuple(_change(m, first, last, lang) for m in _MOVER_METRICS),
            )
            rows.append((moved, account_id, row))
    thresholds = settings.scoring.thresholds
    matrix = movement_svg(
        paths,
        attractiveness_threshold=thresholds.attractiveness,
        strength_threshold=thresholds.strength,
        language=lang.value,
    )
    first_day = min(starts, default=end)
    wp = trend_word("weighted_pipeline", lang)
    if settings.unit:
        wp = trend_word("with_unit", lang, title=wp, unit=clean(settings.unit))
    columns = (
        say(lang, "col.account"),
        say(lang, "col.period"),
        say(lang, "col.quadrant"),
        trend_word("attractiveness", lang),
        trend_word("strength", lang),
        trend_word("relationship_health", lang),
        wp,
    )
    ranked = sorted(rows, key=lambda r: (-r[0], r[1]))[:MOVERS]
    return DashboardTrendsView(
        title=title,
        note=None,
        matrix=Markup(matrix),
        matrix_label=trend_word("movement", lang),
        caption=say(lang, "dashboard.caption", first=first_day.isoformat(), last=end.isoformat()),
        movers_title=say(lang, "movers.title"),
        movers_caption=say(lang, "movers.caption"),
        columns=columns,
        movers=tuple(row for _m, _id, row in ranked),
        movers_nothing=say(lang, "movers.nothing"),
    )
