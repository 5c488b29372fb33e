"""The portfolio review (DESIGN.md §6): what needs attention, revenue, overdue tasks, people.

Views the dashboard, strategy, team, risks and relationships pages share, so a sales
leader's Monday questions get the same answer wherever they are asked. The numbers come
from `kamsite.score.attention` and `kamsite.score.revenue`; this module only formats them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from kamsite.model import Strategy
from kamsite.model.execution import is_open
from kamsite.model.strategy import MapObjective, Task
from kamsite.pages.context import Site, account_url, strategy_url
from kamsite.pages.markup import href
from kamsite.pages.views import Due, Evidence, Link, Term
from kamsite.pages.widgets import flag_views
from kamsite.score import display
from kamsite.score.attention import (
    DEFAULT_TARGET,
    REASONS,
    Attention,
    key_people,
    needing_attention,
)
from kamsite.score.numbers import percent, r6
from kamsite.score.revenue import Revenue

ATTENTION_ON_DASHBOARD = 5


@dataclass(frozen=True, slots=True)
class Figure:
    """One revenue figure: `value` with its unit, `hint` how it is computed (tooltip)."""

    label: str
    value: str
    hint: str


@dataclass(frozen=True, slots=True)
class RevenueView:
    """The reconciled revenue figures of a set of accounts, shown the same way everywhere."""

    title: str
    figures: tuple[Figure, ...]
    note: str


def revenue_view(site: Site, r: Revenue, *, share: bool) -> RevenueView:
    """`share`: also say how much of the portfolio this set carries (not for the portfolio).

    The gap covers only the accounts with a target; when some have none, its label names
    what it subtracts, so the figures shown add up.
    """
    say = site.say
    fy = r.fiscal_year
    growth = "—" if r.growth is None else ("+" if r.growth > 0 else "") + percent(r.growth)
    gap = say("fig_gap_planned", planned=site.money(r.target - r.gap)) if r.unplanned else None
    figures = [
        Figure(say("fig_target", fy=fy), site.money(r.target), say("hint_target", fy=fy)),
        Figure(say("fig_expected"), site.money(r.expected), say("hint_expected")),
        Figure(say("fig_actual"), site.money(r.actual), say("hint_actual", fy=fy)),
        Figure(gap or say("fig_gap"), site.money(r.gap), say("hint_gap", fy=fy)),
        Figure(
            say("fig_growth", year=fy - 1),
            growth,
            say("hint_growth", year=fy - 1, previous=site.money(r.previous), n=r.compared),
        ),
    ]
    if share:
        figures.append(Figure(say("fig_share"), percent(r.share), say("hint_share")))
    note = say("revenue_note", unit=site.unit, fy=fy)
    if r.unplanned:
        note += " " + say("revenue_unplanned", value=site.money(r.unplanned), fy=fy)
    return RevenueView(say("revenue_fy", fy=fy), tuple(figures), note)


@dataclass(frozen=True, slots=True)
class Reason:
    """A flag behind an account's priority and the first item that raised it."""

    flag: Term
    evidence: Evidence | None
    more: int


@dataclass(frozen=True, slots=True)
class AttentionLine:
    rank: int
    account: Link
    tier: Term | None
    owner: Link | None
    priority: str
    severity: int
    worth: str
    stake: str
    reasons: tuple[Reason, ...]
    more: int


def _hundredths(value: float) -> str:
    """Half-up to two decimals, like `display` to one: worth (1..8) to a tenth would make
    severity × worth miss the priority shown (4 × 1.1 for 4.2)."""
    return str(Decimal(repr(r6(value))).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


def attention_line(site: Site, here: str, rank: int, a: Attention) -> AttentionLine:
    account = site.content.accounts[a.id]
    shown = flag_views(site, a.reasons[:REASONS], href(here, account_url(a.id)))
    return AttentionLine(
        rank=rank,
        account=site.account(here, a.id),
        tier=site.term(account.tier),
        owner=site.member(here, account.owner),
        priority=display(a.priority),
        severity=a.severity,
        worth=_hundredths(a.worth),
        stake=site.money(a.stake),
        reasons=tuple(
            Reason(f.term, f.evidence[0] if f.evidence else None, max(0, len(f.evidence) - 1))
            for f in shown
        ),
        more=max(0, len(a.reasons) - REASONS),
    )


def attention_lines(site: Site, here: str, limit: int | None = None) -> tuple[AttentionLine, ...]:
    """Accounts that raise a flag, highest priority first."""
    flagged = needing_attention(site.ranking)[:limit]
    return tuple(attention_line(site, here, n, a) for n, a in enumerate(flagged, start=1))


@dataclass(frozen=True, slots=True)
class OwnerShare:
    owner: Link | None
    revenue: str
    share: str


@dataclass(frozen=True, slots=True)
class ConcentrationView:
    """`top` names the largest accounts, `top_share` their share of the FY revenue expected
    at year end; `owners` what each owner's accounts are expected to close at, as on the
    team pages."""

    top: tuple[Link, ...]
    top_share: str
    owners: tuple[OwnerShare, ...]


def concentration_view(site: Site, here: str) -> ConcentrationView:
    c = site.concentration
    return ConcentrationView(
        top=tuple(site.account(here, key) for key in c.top),
        top_share=percent(c.top_share),
        owners=tuple(
            OwnerShare(site.member(here, owner), site.money(r.expected), percent(r.share))
            for owner, r in c.owners
        ),
    )


@dataclass(frozen=True, slots=True)
class OpenTask:
    strategy: Strategy
    objective: MapObjective
    task: Task


@dataclass(frozen=True, slots=True)
class TaskLine:
    """A strategy task in a cross-strategy list."""

    what: Link
    strategy: Link
    owner: Link | None
    due: Due
    status: Term


def open_tasks(site: Site) -> list[OpenTask]:
    """Open strategy tasks, overdue first, then by due date (undated last)."""
    found = [
        OpenTask(s, o, t)
        for key in sorted(site.content.strategies)
        for s in [site.content.strategies[key]]
        for o in s.map
        for t in o.tasks
        if is_open(t.status)
    ]

    def key(item: OpenTask) -> tuple[bool, bool, dt.date, str, str, str]:
        due = item.task.due
        late = site.overdue(due, item.task.status)
        return (
            not late,
            due is None,
            due or dt.date.max,
            item.strategy.id,
            item.objective.id,
            item.task.id,
        )

    return sorted(found, key=key)


def overdue_tasks(site: Site) -> list[OpenTask]:
    return [t for t in open_tasks(site) if site.overdue(t.task.due, t.task.status)]


def task_lines(site: Site, here: str, items: Iterable[OpenTask]) -> tuple[TaskLine, ...]:
    """Each task links to its objective on the strategy page."""
    return tuple(
        TaskLine(
            what=Link(t.task.what, f"{href(here, strategy_url(t.strategy.id))}#{t.objective.id}"),
            strategy=Link(t.strategy.title, href(here, strategy_url(t.strategy.id))),
            owner=site.member(here, t.task.owner),
            due=site.due(t.task.due, t.task.status),
            status=site.word(t.task.status),
        )
        for t in items
    )


@dataclass(frozen=True, slots=True)
class PersonLine:
    """An influential person across accounts: `target` their target attitude (supporter when
    the plan sets none: `target_set` False), `shortfall` the steps of attitude still to win,
    `since` the last contact in words."""

    name: Link
    local_name: str | None
    title: str | None
    account: Link
    roles: tuple[Term, ...]
    influence: int
    attitude: Term
    target: Term
    target_set: bool
    shortfall: int
    last_contact: str
    since: str
    owner: Link | None


def relationships_page(site: Site) -> Iterator[str]:
    here = "relationships/"
    lines = []
    for k in key_people(site.accounts(), site.as_of):
        a, s = k.account, k.person
        lines.append(
            PersonLine(
                name=Link(s.name, f"{href(here, account_url(a.id))}#{s.id}"),
                local_name=s.local_name,
                title=s.title,
                account=site.account(here, a.id),
                roles=tuple(site.word(r) for r in s.roles),
                influence=s.influence,
                attitude=site.word(s.attitude),
                target=site.word(s.target.attitude if s.target is not None else DEFAULT_TARGET),
                target_set=s.target is not None,
                shortfall=k.shortfall,
                last_contact=site.date(s.last_contact),
                since=site.ago(s.last_contact) or site.say("never"),
                owner=site.member(here, s.owner),
            )
        )
    return site.stream(
        "relationships.html", people=tuple(lines), default_target=site.say.value(DEFAULT_TARGET)
    )
