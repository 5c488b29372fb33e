"""Trends on the site (DESIGN.md §6 "Trends"): what the content's Git history says, ready to show.

`trends_for` reads the scored history (`kamsite.history.read_history`, cached per commit) and
returns plain view objects: per account its scores over time as a picture and what moved since
the plan's previous review (the events `kamsite diff` reports, cached per pair of commits); for
the dashboard each account's path on the matrix over the last four quarters and the biggest
movers. Outside Git or on a shallow clone every view carries a one-line note instead.

Everything here is a function of the history and the current content (names, language,
thresholds): `trends_stamp` names the history cheaply, for a page cache key.
"""

from __future__ import annotations

from pathlib import Path

from kamsite.cache import SignedStore
from kamsite.diff import RevisionError
from kamsite.history import HistoryCache, HistoryUnavailable, read_history
from kamsite.history.moves import all_moved, default_store
from kamsite.history.trees import ContentHistory, Unavailable, content_history
from kamsite.model import Content
from kamsite.pages.trends.account import account_view
from kamsite.pages.trends.dashboard import dashboard_view
from kamsite.pages.trends.timeline import Timeline, account_days
from kamsite.pages.trends.views import (
    AccountTrendsView,
    DashboardTrendsView,
    MovedView,
    MoverRow,
    Trends,
)
from kamsite.pages.trends.words import say


def _unavailable(reason: str, content: Content) -> Trends:
    lang = content.settings.language
    note = say(lang, f"unavailable.{reason}")
    return Trends(
        stamp=f"unavailable:{reason}",
        language=lang,
        note=note,
        accounts={
            key: AccountTrendsView(say(lang, "title"), note) for key in sorted(content.accounts)
        },
        dashboard=DashboardTrendsView(say(lang, "dashboard.title"), note),
    )


def _reason(why: HistoryUnavailable) -> str:
    return why.reason if isinstance(why, Unavailable) else "unreadable"


Known = ContentHistory | HistoryUnavailable
"""The content's history, or why there is none: read once, used for the stamp and the trends."""


def known_history(content_dir: Path) -> Known:
    """One `git log`."""
    try:
        return content_history(content_dir)
    except HistoryUnavailable as why:
        return why


def trends_stamp(content_dir: Path, known: Known | None = None) -> str:
    """What the trends of `content_dir` depend on beyond the current content and kamsite's code:
    its newest content commit (which fixes all before it), or why there is no history.
    Part of a page cache key; `known` when the caller has read the history already."""
    history = known_history(content_dir) if known is None else known
    if isinstance(history, HistoryUnavailable):
        return f"unavailable:{_reason(history)}"
    return history.tip or "no-commits"


def trends_for(
    content_dir: Path,
    content: Content,
    cache: HistoryCache | None = None,
    *,
    store: SignedStore | None = None,
    known: Known | None = None,
) -> Trends:
    """Every trend view of the site built from `content` (the current files) in `content_dir`.

    Deterministic; warm (history and events cached), it costs two `git log`s (one when the
    caller passes the history it `known`) and a read per commit and per account. `cache`:
    keep one `HistoryCache` across rebuilds.
    """
    account_ids = sorted(content.accounts)
    history = known_history(content_dir) if known is None else known
    if isinstance(history, HistoryUnavailable):
        return _unavailable(_reason(history), content)
    try:
        cache = cache or HistoryCache.default()
        points = read_history(content_dir, cache=cache)
        moved = all_moved(history, account_ids, points, cache, store or default_store())
    except HistoryUnavailable as why:
        return _unavailable(_reason(why), content)
    except RevisionError:  # git failed on objects it listed (a partial clone, a broken repo)
        return _unavailable("unreadable", content)
    timeline = Timeline(points)
    accounts = {
        key: account_view(content.accounts[key], timeline, moved.get(key), content)
        for key in account_ids
    }
    return Trends(
        stamp=history.tip or "no-commits",
        language=content.settings.language,
        note=None,
        accounts=accounts,
        dashboard=dashboard_view(timeline, content, account_ids),
    )


__all__ = [
    "AccountTrendsView",
    "DashboardTrendsView",
    "MovedView",
    "MoverRow",
    "Timeline",
    "Trends",
    "account_days",
    "known_history",
    "trends_for",
    "trends_stamp",
]
