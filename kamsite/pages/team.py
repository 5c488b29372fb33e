"""Team pages (`/team/` and `/team/<member-id>/`): one person's share of the portfolio."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from kamsite.model import Strategy
from kamsite.model.account import Account, Stakeholder
from kamsite.model.strategy import MapObjective
from kamsite.model.team import Member
from kamsite.pages.context import Site, account_url, member_url, strategy_url
from kamsite.pages.markup import href
from kamsite.pages.portfolio import (
    AccountRisk,
    ActionLine,
    OpenAction,
    RiskLine,
    action_lines,
    open_actions,
    risk_lines,
)
from kamsite.pages.review import (
    OpenTask,
    RevenueView,
    TaskLine,
    open_tasks,
    revenue_view,
    task_lines,
)
from kamsite.pages.views import Link, Term
from kamsite.score import KpiStatus, ObjectiveScore
from kamsite.score.numbers import percent


@dataclass
class Duties:
    """What one person carries: accounts, people, strategy objectives, open work, risks."""

    owned: list[Account] = field(default_factory=list)
    sponsored: list[Account] = field(default_factory=list)
    teams: list[Account] = field(default_factory=list)
    stakeholders: list[tuple[Account, Stakeholder]] = field(default_factory=list)
    actions: list[OpenAction] = field(default_factory=list)
    objectives: list[tuple[Strategy, MapObjective]] = field(default_factory=list)
    tasks: list[OpenTask] = field(default_factory=list)
    risks: list[AccountRisk] = field(default_factory=list)


def duties(site: Site) -> dict[str, Duties]:
    """Everyone's duties in one pass over the portfolio, so N members cost one scan, not N."""
    found: dict[str, Duties] = defaultdict(Duties)
    for a in site.accounts():
        if a.owner:
            found[a.owner].owned.append(a)
        if a.sponsor:
            found[a.sponsor].sponsored.append(a)
        for member_id in a.team:
            found[member_id].teams.append(a)
        for s in a.active_stakeholders:  # who left or moved is no longer anyone's duty
            if s.owner:
                found[s.owner].stakeholders.append((a, s))
        for r in a.risks:
            if r.owner:
                found[r.owner].risks.append(AccountRisk(a, r))
    for item in open_actions(site):
        if item.action.owner:
            found[item.action.owner].actions.append(item)
    for key in sorted(site.content.strategies):
        strategy = site.content.strategies[key]
        for o in strategy.map:
            if o.owner:
                found[o.owner].objectives.append((strategy, o))
    for task in open_tasks(site):
        if task.task.owner:
            found[task.task.owner].tasks.append(task)
    return found


def _overdue(site: Site, d: Duties) -> int:
    """Overdue actions and strategy tasks (both lists are open work only)."""
    late = sum(1 for x in d.actions if site.overdue(x.action.due, x.action.status))
    return late + sum(1 for t in d.tasks if site.overdue(t.task.due, t.task.status))


@dataclass(frozen=True, slots=True)
class MemberLine:
    """One member in the team index: what they carry, the FY revenue expected of the accounts
    they own (`revenue`, with its share of the portfolio's, as on the dashboard), the flags
    those accounts raise and their overdue actions and strategy tasks."""

    name: Link
    local_name: str | None
    role: str | None
    owned: int
    sponsored: int
    stakeholders: int
    actions: int
    revenue: str
    share: str
    flags: int
    overdue: int


@dataclass(frozen=True, slots=True)
class AccountItem:
    account: Link
    tier: Term | None
    quadrant: Term | None
    flags: tuple[Term, ...]


@dataclass(frozen=True, slots=True)
class KpiLine:
    name: str
    progress: str
    status: Term | None


@dataclass(frozen=True, slots=True)
class ObjectiveLine:
    """An objective the member answers for: a strategy objective they own, or an objective
    of an account they own; `where` is its strategy or account."""

    objective: Link
    where: Link
    status: Term | None
    kpis: tuple[KpiLine, ...]


@dataclass(frozen=True, slots=True)
class OwnedPerson:
    """A stakeholder this member owns, linking to their row on the account page."""

    name: Link
    local_name: str | None
    title: str | None
    account: Link
    influence: int
    attitude: Term
    last_contact: str


@dataclass(frozen=True, slots=True)
class MemberView:
    name: str
    local_name: str | None
    role: str | None
    email: str | None
    owned: tuple[AccountItem, ...]
    sponsored: tuple[AccountItem, ...]
    teams: tuple[AccountItem, ...]
    stakeholders: tuple[OwnedPerson, ...]
    actions: tuple[ActionLine, ...]
    revenue: RevenueView | None
    objectives: tuple[ObjectiveLine, ...]
    tasks: tuple[TaskLine, ...]
    risks: tuple[RiskLine, ...]
    overdue: int


def team_index_page(site: Site, all_duties: dict[str, Duties]) -> str:
    here = "team/"
    lines = []
    for m in site.content.team.members:
        d = all_duties.get(m.id, Duties())
        owned = site.owned.get(m.id)
        lines.append(
            MemberLine(
                name=Link(m.name, href(here, member_url(m.id))),
                local_name=m.local_name,
                role=m.role,
                owned=len(d.owned),
                sponsored=len(d.sponsored),
                stakeholders=len(d.stakeholders),
                actions=len(d.actions),
                revenue=site.money(owned.expected) if owned else "—",
                share=percent(owned.share) if owned else "—",
                flags=sum(len(site.account_scores[a.id].flags) for a in d.owned),
                overdue=_overdue(site, d),
            )
        )
    return site.render("team_index.html", members=tuple(lines), unit=site.unit)


def _accounts(site: Site, here: str, accounts: list[Account]) -> tuple[AccountItem, ...]:
    return tuple(
        AccountItem(
            site.account(here, a.id),
            site.term(a.tier),
            site.term(site.account_scores[a.id].quadrant),
            tuple(site.flag(f.code) for f in site.account_scores[a.id].flags),
        )
        for a in accounts
    )


def _kpis(
    site: Site, scored: ObjectiveScore | None, names: Sequence[tuple[str, str]]
) -> tuple[KpiLine, ...]:
    """`names`: (KPI id, name) in file order; progress and status from the scores."""
    by_id = {k.id: k for k in scored.kpis} if scored is not None else {}
    lines = []
    for kid, name in names:
        k = by_id.get(kid)
        status = site.term(k.status) if k is not None else site.word(KpiStatus.unknown)
        lines.append(KpiLine(name, percent(k.progress) if k is not None else "—", status))
    return tuple(lines)


def _objectives(site: Site, here: str, d: Duties) -> tuple[ObjectiveLine, ...]:
    """Strategy objectives the member owns, then the objectives of the accounts they own."""
    lines = []
    for strategy, o in d.objectives:
        target = href(here, strategy_url(strategy.id))
        result = site.objective_scores.get(("strategy", strategy.id, o.id))
        lines.append(
            ObjectiveLine(
                objective=Link(o.title, f"{target}#{o.id}"),
                where=Link(strategy.title, target),
                status=site.term(result.status) if result is not None else None,
                kpis=_kpis(site, result, [(k.id, k.name) for k in o.kpis]),
            )
        )
    for a in d.owned:
        target = href(here, account_url(a.id))
        for ao in a.objectives:
            found = site.objective_scores.get(("account", a.id, ao.id))
            lines.append(
                ObjectiveLine(
                    objective=Link(ao.statement, f"{target}#{ao.id}"),
                    where=site.account(here, a.id),
                    status=site.term(found.status) if found is not None else None,
                    kpis=_kpis(site, found, [(k.id, k.name) for k in ao.kpis]),
                )
            )
    return tuple(lines)


def member_page(site: Site, member: Member, d: Duties) -> str:
    here = member_url(member.id)
    owned = site.owned.get(member.id)
    view = MemberView(
        name=member.name,
        local_name=member.local_name,
        role=member.role,
        email=member.email,
        owned=_accounts(site, here, d.owned),
        sponsored=_accounts(site, here, d.sponsored),
        teams=_accounts(site, here, d.teams),
        stakeholders=tuple(
            OwnedPerson(
                name=Link(s.name, f"{href(here, account_url(a.id))}#{s.id}"),
                local_name=s.local_name,
                title=s.title,
                account=site.account(here, a.id),
                influence=s.influence,
                attitude=site.word(s.attitude),
                last_contact=site.date(s.last_contact),
            )
            for a, s in d.stakeholders
        ),
        actions=action_lines(site, here, d.actions),
        revenue=revenue_view(site, owned, share=True) if owned else None,
        objectives=_objectives(site, here, d),
        tasks=task_lines(site, here, d.tasks),
        risks=risk_lines(site, here, sorted(d.risks, key=lambda x: _exposure(site, x))),
        overdue=_overdue(site, d),
    )
    return site.kept("member.html", page=view)


def _exposure(site: Site, x: AccountRisk) -> tuple[int, str, str]:
    return (-site.account_scores[x.account.id].risks[x.risk.id].value, x.account.id, x.risk.id)
