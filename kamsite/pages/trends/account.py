"""An account page's trend section: its scores over time as pictures, and what moved."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from markupsafe import Markup

from kamsite.graph.text import clean
from kamsite.graph.trend import Kind, TrendPanel, trend_panels_svg
from kamsite.graph.trend_words import trend_word
from kamsite.history import Point
from kamsite.history.moves import Moved
from kamsite.model import Content
from kamsite.model.account import Account
from kamsite.model.portfolio import Language
from kamsite.pages.trends.moved import moved_view
from kamsite.pages.trends.timeline import State, Timeline, account_days, number
from kamsite.pages.trends.views import AccountTrendsView
from kamsite.pages.trends.words import say
from kamsite.score.numbers import display

_METRICS: tuple[tuple[str, Kind], ...] = (
    ("attractiveness", "score"),
    ("strength", "score"),
    ("relationship_health", "score"),
    ("decision_coverage", "percent"),
    ("weighted_pipeline", "amount"),
    ("plan_completeness", "whole"),
)


def _panels(days: Sequence[tuple[dt.date, State | None]], content: Content) -> list[TrendPanel]:
    settings = content.settings
    lang = settings.language
    thresholds = settings.scoring.thresholds
    references = {"attractiveness": thresholds.attractiveness, "strength": thresholds.strength}
    panels = []
    for metric, kind in _METRICS:
        title = trend_word(metric, lang)
        if metric == "weighted_pipeline" and settings.unit:
            title = trend_word("with_unit", lang, title=title, unit=clean(settings.unit))
        reference = references.get(metric)
        panels.append(
            TrendPanel(
                title=title,
                kind=kind,
                points=tuple((day, number(state, metric)) for day, state in days),
                reference=reference,
                reference_label=""
                if reference is None
                else trend_word("threshold", lang, value=display(reference)),
            )
        )
    return panels


def _commit_count(points: Sequence[Point], first: dt.date, lang: Language) -> str:
    n = sum(1 for p in points if p.date >= first)
    return say(lang, "commit") if n == 1 else say(lang, "commits", n=f"{n:,}")


def account_view(
    account: Account, timeline: Timeline, moved: Moved | None, content: Content
) -> AccountTrendsView:
    lang = content.settings.language
    days = account_days(timeline, account.id)
    if not days:
        return AccountTrendsView(say(lang, "title"), say(lang, "no_account_history"))
    label = trend_word("trends", lang, name=clean(account.name))
    chart = trend_panels_svg(_panels(days, content), label=label, language=lang.value)
    first, last = days[0][0], days[-1][0]
    caption = say(
        lang,
        "caption",
        commits=_commit_count(timeline.points, first, lang),
        first=first.isoformat(),
        last=last.isoformat(),
    )
    return AccountTrendsView(
        title=say(lang, "title"),
        note=None,
        chart=Markup(chart),
        chart_label=label,
        caption=caption,
        moved=moved_view(moved, lang),
    )
