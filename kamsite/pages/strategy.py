"""Strategy pages (`/strategies/` and `/strategies/<id>/`): BLM from gap to tasks."""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from kamsite.model import Strategy
from kamsite.model.strategy import Perspective, Scope
from kamsite.pages.context import Site, account_url, strategy_url
from kamsite.pages.markup import href, rich
from kamsite.pages.review import RevenueView, revenue_view
from kamsite.pages.views import Box, Due, KpiRow, Link, Term
from kamsite.pages.widgets import kpi_rows
from kamsite.score import KpiStatus, ObjectiveScore, display
from kamsite.score.numbers import percent
from kamsite.score.revenue import revenue

_PERSPECTIVES = {p: n for n, p in enumerate(Perspective)}
_DESIGN = (
    "customer_selection",
    "value_proposition",
    "value_capture",
    "scope",
    "strategic_control",
    "risk_management",
)


@dataclass(frozen=True, slots=True)
class StrategyLine:
    """One strategy in the index; `statuses` are its objectives' distinct statuses."""

    title: Link
    scope: Term
    account: Link | None
    horizon: str
    owner: Link | None
    objectives: int
    statuses: tuple[Term, ...]


@dataclass(frozen=True, slots=True)
class GapRow:
    metric: str
    description: Markup
    kind: Term
    target: str
    actual: str
    gap: str
    root_causes: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Goal:
    statement: str
    metric: str | None
    target: str | None
    year: int | None


@dataclass(frozen=True, slots=True)
class Milestone:
    date: str
    what: str


@dataclass(frozen=True, slots=True)
class Intent:
    mission: str | None
    vision: str | None
    goals: tuple[Goal, ...]
    milestones: tuple[Milestone, ...]


@dataclass(frozen=True, slots=True)
class DesignItem:
    label: str
    text: Markup


@dataclass(frozen=True, slots=True)
class Contribution:
    """An account objective that names a strategy objective in its `contributes_to`."""

    objective: Link
    account: Link
    status: Term | None


@dataclass(frozen=True, slots=True)
class MapObjective:
    """An objective of the strategy map; `supports` link to the objectives it drives,
    `contributions` the account objectives that contribute to it."""

    id: str
    title: str
    description: Markup
    status: Term | None
    csf: bool
    perspective: Term
    owner: Link | None
    supports: tuple[Link, ...]
    kpis: tuple[KpiRow, ...]
    contributions: tuple[Contribution, ...]


@dataclass(frozen=True, slots=True)
class TaskRow:
    what: str
    objective: Link
    owner: Link | None
    due: Due
    status: Term


@dataclass(frozen=True, slots=True)
class StrategyView:
    id: str
    title: str
    summary: Markup
    scope: Term
    account: Link | None
    owner: Link | None
    horizon: str
    gaps: tuple[GapRow, ...]
    revenue: RevenueView
    insight: tuple[Box, ...] | None
    intent: Intent | None
    innovation_focus: tuple[str, ...]
    design: tuple[DesignItem, ...] | None
    map: Markup
    expected_progress: str | None
    objectives: tuple[MapObjective, ...]
    tasks: tuple[TaskRow, ...]
    overdue_tasks: int


def strategies_index_page(site: Site) -> str:
    here = "strategies/"
    lines = []
    for key in sorted(site.content.strategies):
        s = site.content.strategies[key]
        scored = site.strategy_scores.get(s.id)
        statuses = {o.status for o in scored.objectives} if scored else set()
        lines.append(
            StrategyLine(
                title=Link(s.title, href(here, strategy_url(s.id))),
                scope=site.word(s.scope),
                account=site.account(here, s.account) if s.account else None,
                horizon=f"{s.horizon.from_}–{s.horizon.to}",
                owner=site.member(here, s.owner),
                objectives=len(s.map),
                statuses=tuple(site.word(st) for st in KpiStatus if st in statuses),
            )
        )
    return site.render("strategies_index.html", strategies=tuple(lines))


def _gaps(site: Site, s: Strategy) -> tuple[GapRow, ...]:
    return tuple(
        GapRow(
            metric=g.metric or g.id,
            description=rich(g.description),
            kind=site.word(g.kind),
            target=display(g.target),
            actual=display(g.actual),
            gap=display(None if g.target is None or g.actual is None else g.target - g.actual),
            root_causes=tuple(g.root_causes),
        )
        for g in s.gaps
    )


def _insight(site: Site, s: Strategy) -> tuple[Box, ...] | None:
    if s.insight is None:
        return None
    say = site.say
    return (
        Box(say("look_macro"), tuple(s.insight.macro)),
        Box(say("look_industry"), tuple(s.insight.industry)),
        Box(say("look_customers"), tuple(s.insight.customers)),
        Box(say("look_competitors"), tuple(s.insight.competitors)),
        Box(say("look_self"), tuple(s.insight.self_)),
    )


def _intent(site: Site, s: Strategy) -> Intent | None:
    intent = s.intent
    if intent is None:
        return None
    return Intent(
        mission=intent.mission,
        vision=intent.vision,
        goals=tuple(
            Goal(
                g.statement,
                g.metric,
                display(g.target) if isinstance(g.target, float | int) else g.target,
                g.year,
            )
            for g in intent.goals
        ),
        milestones=tuple(
            Milestone(site.date(m.date), m.what)
            for m in sorted(intent.milestones, key=lambda m: m.date)
        ),
    )


def _design(site: Site, s: Strategy) -> tuple[DesignItem, ...] | None:
    d = s.design
    if d is None:
        return None
    return tuple(DesignItem(site.say(f"design_{f}"), rich(getattr(d, f))) for f in _DESIGN)


def _objectives(site: Site, here: str, s: Strategy) -> tuple[MapObjective, ...]:
    scored = site.strategy_scores.get(s.id)
    by_id: dict[str, ObjectiveScore] = {o.id: o for o in scored.objectives} if scored else {}
    titles = {o.id: o.title for o in s.map}
    views = []
    for o in sorted(s.map, key=lambda o: (_PERSPECTIVES[o.perspective], o.id)):
        result = by_id.get(o.id)
        kpis = {k.id: k for k in result.kpis} if result else {}
        views.append(
            MapObjective(
                id=o.id,
                title=o.title,
                description=rich(o.description),
                status=site.term(result.status) if result else None,
                csf=o.csf,
                perspective=site.word(o.perspective),
                owner=site.member(here, o.owner),
                supports=tuple(Link(titles.get(t, t), f"#{t}") for t in o.supports),
                kpis=kpi_rows(site, o.kpis, kpis),
                contributions=_contributions(site, here, f"{s.id}/{o.id}"),
            )
        )
    return tuple(views)


def _contributions(site: Site, here: str, ref: str) -> tuple[Contribution, ...]:
    """From the site's one-pass index, so a strategy page never scans every account."""
    found = []
    for a, o in site.contributions.get(ref, []):
        scored = site.objective_scores.get(("account", a.id, o.id))
        found.append(
            Contribution(
                objective=Link(o.statement, f"{href(here, account_url(a.id))}#{o.id}"),
                account=site.account(here, a.id),
                status=site.term(scored.status) if scored is not None else None,
            )
        )
    return tuple(found)


def _tasks(site: Site, here: str, s: Strategy) -> tuple[TaskRow, ...]:
    """Overdue tasks first, then in map order: what is late is read before the rest."""
    rows = [
        TaskRow(
            what=t.what,
            objective=Link(o.title, f"#{o.id}"),
            owner=site.member(here, t.owner),
            due=site.due(t.due, t.status),
            status=site.word(t.status),
        )
        for o in s.map
        for t in o.tasks
    ]
    return tuple(sorted(rows, key=lambda row: not row.due.overdue))


def _revenue(site: Site, s: Strategy) -> RevenueView:
    """The strategy's accounts as its KPI measures read them: all for a portfolio strategy,
    its own account for an account strategy."""
    if s.scope is Scope.account:
        found = site.scored.get(s.account or "")
        own = [found] if found is not None else []
        fy = site.content.settings.fiscal_year
        return revenue_view(site, revenue(own, fy, site.revenue.expected), share=True)
    return revenue_view(site, site.revenue, share=False)


def strategy_view(site: Site, s: Strategy) -> StrategyView:
    here = strategy_url(s.id)
    scored = site.strategy_scores.get(s.id)
    return StrategyView(
        id=s.id,
        title=s.title,
        summary=rich(s.summary),
        scope=site.word(s.scope),
        account=site.account(here, s.account) if s.account else None,
        owner=site.member(here, s.owner),
        horizon=f"{s.horizon.from_}–{s.horizon.to}",
        gaps=_gaps(site, s),
        revenue=_revenue(site, s),
        insight=_insight(site, s),
        intent=_intent(site, s),
        innovation_focus=tuple(s.innovation_focus),
        design=_design(site, s),
        map=Markup(site.drawings.strategy_maps.get(s.id, "")),
        expected_progress=percent(scored.expected_progress) if scored else None,
        objectives=_objectives(site, here, s),
        tasks=(tasks := _tasks(site, here, s)),
        overdue_tasks=sum(1 for t in tasks if t.due.overdue),
    )


def strategy_page(site: Site, s: Strategy) -> str:
    return site.kept("strategy.html", page=strategy_view(site, s))
