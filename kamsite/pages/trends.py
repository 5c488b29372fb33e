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

import bisect
import datetime as dt
import hashlib
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from markupsafe import Markup

from kamsite.cache import SignedStore
from kamsite.diff import RevisionError
from kamsite.diff.markdown import flag_phrase, score_phrase
from kamsite.diff.phrases import NAME_LIMIT, TOP_FIELDS, Safe, domain, event_phrase, value
from kamsite.diff.result import Event, FieldChange, FlagChange
from kamsite.diff.words import Words
from kamsite.glossary import named
from kamsite.graph import labels as graph_labels
from kamsite.graph.movement import MovementPath, MovementStep, movement_svg
from kamsite.graph.text import clean, clip
from kamsite.graph.trend import Kind, TrendPanel, shown, trend_panels_svg
from kamsite.graph.trend_words import trend_word
from kamsite.history import HistoryCache, HistoryUnavailable, Point, read_history
from kamsite.history.moves import Moved, all_moved, default_store
from kamsite.history.trees import ContentHistory, Unavailable, content_history
from kamsite.model import Content
from kamsite.model.account import Account
from kamsite.model.portfolio import Language
from kamsite.pages.markup import href
from kamsite.pages.views import Link
from kamsite.score.numbers import display, r6
from kamsite.score.results import Quadrant

WINDOW_DAYS = 365
"""The dashboard's four quarters: quarter ends within this many days before the latest commit."""
MOVERS = 10
MOVED_LINES = 30
"""Lines of "what moved" shown; the rest are counted."""

_WORDS: dict[str, tuple[str, str]] = {
    "title": ("Trends", "趋势"),
    "unavailable.outside": (
        "History unavailable: this site was built outside Git, so it shows no trends.",
        "历史不可用：本站点在 Git 仓库之外构建，因此不显示趋势。",
    ),
    "unavailable.shallow": (
        "History unavailable: this site was built from a shallow clone, so it shows no trends "
        "(fetch the full history: git fetch --unshallow).",
        "历史不可用：本站点基于浅克隆构建，因此不显示趋势"
        "（请获取完整历史：git fetch --unshallow）。",
    ),
    "unavailable.empty": (
        "History unavailable: the repository has no commits yet.",
        "历史不可用：仓库尚无提交。",
    ),
    "unavailable.unreadable": (
        "History unavailable: Git could not read the content's history.",
        "历史不可用：Git 无法读取内容的历史。",
    ),
    "no_account_history": (
        "No committed history of this account yet: its trends start with its first commit.",
        "该客户尚无已提交的历史：趋势从其首次提交开始。",
    ),
    "commits": ("{n} commits", "{n} 次提交"),
    "commit": ("1 commit", "1 次提交"),
    "caption": (
        "{commits} from {first} to {last}, one point a day (its last commit); a gap is a commit "
        "whose content did not validate. Dashed lines: the portfolio's thresholds.",
        "{first} 至 {last} 共 {commits}，每天一个点（当天最后一次提交）；断开处表示该提交的内容"
        "未通过校验。虚线：组合的阈值。",
    ),
    "moved.reviews": ("What moved since the review of {date}", "自 {date} 评审以来的变化"),
    "moved.commits": ("What moved in the latest change", "最近一次变更的变化"),
    "moved.range": (
        "Commit {base} ({base_date}) → {head} ({head_date}), both scored as of {as_of}.",
        "提交 {base}（{base_date}）→ {head}（{head_date}），均按 {as_of} 计算评分。",
    ),
    "moved.nothing": (
        "Nothing moved: no score, flag, relationship or status changed.",
        "无变化：评分、风险标记、关系和状态均未变动。",
    ),
    "moved.only_one": (
        "One version of this plan is committed: nothing to compare yet.",
        "该计划仅有一个已提交版本：暂无可比较的内容。",
    ),
    "moved.more": ("… and {n} more", "……另有 {n} 项"),
    "moved.scores": ("Scores: {scores}", "评分：{scores}"),
    "dashboard.title": ("Movement over the last four quarters", "近四个季度的变化"),
    "dashboard.none": ("No committed history yet.", "尚无已提交的历史。"),
    "dashboard.caption": (
        "Each account's path on the portfolio matrix from {first} to {last}: where it stood at "
        "each quarter end (or at each commit, for an account younger than a quarter), then its "
        "latest commit (the filled dot). Only the latest step is named; hover a path for its "
        "dates.",
        "{first} 至 {last} 各客户在客户组合矩阵上的路径：每个季度末的位置（不足一个季度的客户为每次"
        "提交的位置），最后是最新提交（实心点）。仅标注最新位置；悬停路径可查看日期。",
    ),
    "movers.title": ("Biggest movers", "变化最大的客户"),
    "movers.caption": (
        "Ranked by the largest change along the path above: in A, S or H (points, 0–100), or in "
        "weighted pipeline (per cent of the larger value).",
        "按上图路径上最大的变化排序：A、S 或 H（分，0–100），或加权商机（占较大值的百分比）。",
    ),
    "movers.nothing": (
        "No account moved in A, S, H or weighted pipeline over these quarters.",
        "这几个季度没有客户的 A、S、H 或加权商机发生变化。",
    ),
    "col.account": ("Account", "客户"),
    "col.period": ("From → to", "起 → 止"),
    "col.quadrant": ("Quadrant", "象限"),
    "change": ("{before} → {after} ({delta})", "{before} → {after}（{delta}）"),
}

_METRICS: tuple[tuple[str, Kind], ...] = (
    ("attractiveness", "score"),
    ("strength", "score"),
    ("relationship_health", "score"),
    ("decision_coverage", "percent"),
    ("weighted_pipeline", "amount"),
    ("plan_completeness", "whole"),
)
_MOVER_METRICS = ("attractiveness", "strength", "relationship_health", "weighted_pipeline")


def _say(lang: Language, key: str, **fields: object) -> str:
    en, zh = _WORDS[key]
    return (zh if lang is Language.zh else en).format(**fields)


# --- the views the templates read ------------------------------------------------------------


@dataclass(frozen=True)
class MovedView:
    """What moved between two commits of one plan: `lines` in the portfolio's language."""

    heading: str
    range: str
    lines: tuple[str, ...]
    nothing: str | None


@dataclass(frozen=True)
class AccountTrendsView:
    """The body of an account page's `kam-trends` section: a note, or the picture and moves."""

    title: str
    note: str | None
    chart: Markup | None = None
    chart_label: str = ""
    caption: str = ""
    moved: MovedView | None = None


@dataclass(frozen=True)
class MoverRow:
    account: Link
    period: tuple[str, str]
    quadrant: str
    cells: tuple[str, ...]


@dataclass(frozen=True)
class DashboardTrendsView:
    """The dashboard's movement: the matrix picture and the biggest movers, or a note."""

    title: str
    note: str | None
    matrix: Markup | None = None
    matrix_label: str = ""
    caption: str = ""
    movers_title: str = ""
    movers_caption: str = ""
    columns: tuple[str, ...] = ()
    movers: tuple[MoverRow, ...] = ()
    movers_nothing: str = ""


@dataclass(frozen=True)
class Trends:
    """Everything the pages show of the history, by account id; `stamp` names the history."""

    stamp: str
    language: Language
    note: str | None
    accounts: Mapping[str, AccountTrendsView]
    dashboard: DashboardTrendsView

    def account(self, account_id: str) -> AccountTrendsView:
        found = self.accounts.get(account_id)
        if found is not None:
            return found
        return AccountTrendsView(
            _say(self.language, "title"), self.note or _say(self.language, "no_account_history")
        )

    def account_key(self, account_id: str) -> str:
        """A digest of all an account page shows of the history: part of its page cache key,
        so a page is made again only when its own trends changed."""
        return _digest(self.account(account_id))

    def dashboard_key(self) -> str:
        return _digest(self.dashboard)


def _digest(view: object) -> str:
    """Views are frozen dataclasses of text, numbers and Markup: their repr is their content."""
    return hashlib.sha256(repr(view).encode("utf-8", "surrogatepass")).hexdigest()


# --- what moved, in words ----------------------------------------------------------------------


_PLAIN = Safe(text=clean, name=lambda name: clip(clean(name), NAME_LIMIT), ident=str)
"""Content text on the page: plain, one line, clipped names; the template escapes it."""


def event_text(e: Event, w: Words) -> str:
    """`kamsite diff`'s phrase for an event, as plain text (the page escapes it)."""
    return event_phrase(e, w, _PLAIN)


def field_text(f: FieldChange, w: Words) -> str:
    kind = domain("account", f.field)
    before, after = value(f.before, w, kind, _PLAIN), value(f.after, w, kind, _PLAIN)
    return f"{w.term(f.field)} {before} → {after}"


def _flag_text(f: FlagChange, w: Words) -> str:
    try:
        return flag_phrase(f, w)
    except ValueError:  # a code this kamsite no longer knows
        return w(f"flag.{f.change}", code=f.code)


def moved_lines(moved: Moved, w: Words) -> list[str]:
    """Tier and quadrant first, then the scores in one line, flags, events, other fields."""
    lines = [field_text(f, w) for f in moved.fields if f.field in TOP_FIELDS]
    if moved.scores:
        scores = " · ".join(score_phrase(d, w) for d in moved.scores)
        lines.append(_say(w.language, "moved.scores", scores=scores))
    lines += [_flag_text(f, w) for f in moved.flags]
    lines += [event_text(e, w) for e in moved.events]
    lines += [field_text(f, w) for f in moved.fields if f.field not in TOP_FIELDS]
    return lines


def moved_view(moved: Moved | None, lang: Language) -> MovedView:
    if moved is None:
        return MovedView(_say(lang, "moved.commits"), "", (), _say(lang, "moved.only_one"))
    w = Words(lang)
    lines = moved_lines(moved, w)
    if len(lines) > MOVED_LINES:
        rest = len(lines) - (MOVED_LINES - 1)
        lines = [*lines[: MOVED_LINES - 1], _say(lang, "moved.more", n=rest)]
    heading = (
        _say(lang, "moved.reviews", date=moved.since.isoformat())
        if moved.basis == "reviews" and moved.since is not None
        else _say(lang, "moved.commits")
    )
    span = _say(
        lang,
        "moved.range",
        base=moved.base[:7],
        base_date=moved.base_date.isoformat(),
        head=moved.head[:7],
        head_date=moved.head_date.isoformat(),
        as_of=moved.as_of.isoformat(),
    )
    return MovedView(heading, span, tuple(lines), None if lines else _say(lang, "moved.nothing"))


# --- series -------------------------------------------------------------------------------------


State = Mapping[str, Any]
"""One account in one point: the `kamsite score --format json` fields."""


def _number(state: State | None, metric: str) -> float | None:
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
                points=tuple((day, _number(state, metric)) for day, state in days),
                reference=reference,
                reference_label=""
                if reference is None
                else trend_word("threshold", lang, value=display(reference)),
            )
        )
    return panels


def _commit_count(points: Sequence[Point], first: dt.date, lang: Language) -> str:
    n = sum(1 for p in points if p.date >= first)
    return _say(lang, "commit") if n == 1 else _say(lang, "commits", n=f"{n:,}")


def account_view(
    account: Account, timeline: Timeline, moved: Moved | None, content: Content
) -> AccountTrendsView:
    lang = content.settings.language
    days = account_days(timeline, account.id)
    if not days:
        return AccountTrendsView(_say(lang, "title"), _say(lang, "no_account_history"))
    label = trend_word("trends", lang, name=clean(account.name))
    chart = trend_panels_svg(_panels(days, content), label=label, language=lang.value)
    first, last = days[0][0], days[-1][0]
    caption = _say(
        lang,
        "caption",
        commits=_commit_count(timeline.points, first, lang),
        first=first.isoformat(),
        last=last.isoformat(),
    )
    return AccountTrendsView(
        title=_say(lang, "title"),
        note=None,
        chart=Markup(chart),
        chart_label=label,
        caption=caption,
        moved=moved_view(moved, lang),
    )


# --- the dashboard: movement over the last four quarters --------------------------------------


def quarter_ends(start: dt.date, end: dt.date) -> list[dt.date]:
    """Quarter ends strictly between `start` and `end`, oldest first."""
    found = []
    for year in range(start.year, end.year + 1):
        for month, day in ((3, 31), (6, 30), (9, 30), (12, 31)):
            q = dt.date(year, month, day)
            if start < q < end:
                found.append(q)
    return found


@dataclass(frozen=True)
class _Step:
    date: dt.date
    state: State


def account_steps(timeline: Timeline, account_id: str, start: dt.date, end: dt.date) -> list[_Step]:
    """The account's state at each quarter end in (start, end), then its latest; an account
    with no quarter end in its history takes its commits in the window instead."""
    states = timeline.of(account_id)
    if not states:
        return []
    dates = [d for d, _s in states]

    def at(day: dt.date) -> State | None:
        index = bisect.bisect_right(dates, day)
        return states[index - 1][1] if index else None

    steps = [_Step(q, s) for q in quarter_ends(start, end) if (s := at(q)) is not None]
    if not steps:
        steps = [_Step(d, s) for d, s in states if d > start][:-1]
    return [*steps, _Step(states[-1][0], states[-1][1])]


def matrix_steps(steps: Sequence[_Step]) -> list[_Step]:
    """The steps that have a place on the matrix (A and S); a run of steps at one place is
    drawn once, dated by its first step (the latest keeps its own date)."""
    placed = [
        s
        for s in steps
        if _number(s.state, "attractiveness") is not None
        and _number(s.state, "strength") is not None
    ]
    merged: list[_Step] = []
    for index, step in enumerate(placed):
        if merged and _position(merged[-1]) == _position(step):
            if index == len(placed) - 1:
                merged[-1] = step
        else:
            merged.append(step)
    return merged


def _position(step: _Step) -> tuple[float, float]:
    a, s = _number(step.state, "attractiveness"), _number(step.state, "strength")
    assert a is not None and s is not None
    return r6(a), r6(s)


def _delta(before: float | None, after: float | None) -> float | None:
    return None if before is None or after is None else after - before


def movement(first: State, last: State) -> float:
    """How far an account moved: the largest change in A, S or H (points) or in weighted
    pipeline (per cent of the larger of the two values)."""
    found = [0.0]
    for metric in ("attractiveness", "strength", "relationship_health"):
        d = _delta(_number(first, metric), _number(last, metric))
        if d is not None:
            found.append(abs(d))
    before, after = _number(first, "weighted_pipeline"), _number(last, "weighted_pipeline")
    if before is not None and after is not None and max(abs(before), abs(after)) > 0:
        found.append(100 * abs(after - before) / max(abs(before), abs(after)))
    return r6(max(found))


def _signed(value: float) -> str:
    text = display(value)
    return text if text.startswith("-") or text == "0.0" else f"+{text}"


def _change(metric: str, first: State, last: State, lang: Language) -> str:
    kind: Kind = "amount" if metric == "weighted_pipeline" else "score"
    before, after = _number(first, metric), _number(last, metric)
    d = _delta(before, after)
    if d is None or r6(d) == 0:
        return shown(kind, after)
    return _say(
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
    title = _say(lang, "dashboard.title")
    if not timeline.points:
        return DashboardTrendsView(title, _say(lang, "dashboard.none"))
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
                    steps=tuple(MovementStep(s.date, *_position(s)) for s in drawn),
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
        _say(lang, "col.account"),
        _say(lang, "col.period"),
        _say(lang, "col.quadrant"),
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
        caption=_say(lang, "dashboard.caption", first=first_day.isoformat(), last=end.isoformat()),
        movers_title=_say(lang, "movers.title"),
        movers_caption=_say(lang, "movers.caption"),
        columns=columns,
        movers=tuple(row for _m, _id, row in ranked),
        movers_nothing=_say(lang, "movers.nothing"),
    )


# --- the entry points ------------------------------------------------------------------------


def _unavailable(reason: str, content: Content) -> Trends:
    lang = content.settings.language
    note = _say(lang, f"unavailable.{reason}")
    return Trends(
        stamp=f"unavailable:{reason}",
        language=lang,
        note=note,
        accounts={
            key: AccountTrendsView(_say(lang, "title"), note) for key in sorted(content.accounts)
        },
        dashboard=DashboardTrendsView(_say(lang, "dashboard.title"), note),
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
    "Trends",
    "known_history",
    "trends_for",
    "trends_stamp",
]
