"""Pages that aggregate across accounts: dashboard, accounts index, actions, risks.

They need every account at once, which is why page generation takes the whole
scored portfolio rather than one account at a time.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum

from markupsafe import Markup

from kamsite.model import Account
from kamsite.model.account import Action, Risk, Tier
from kamsite.model.execution import is_open
from kamsite.pages.context import Site, account_url
from kamsite.pages.markup import href
from kamsite.pages.plan import people_links
from kamsite.pages.review import (
    ATTENTION_ON_DASHBOARD,
    AttentionLine,
    ConcentrationView,
    RevenueView,
    TaskLine,
    attention_line,
    attention_lines,
    concentration_view,
    overdue_tasks,
    revenue_view,
    task_lines,
)
from kamsite.pages.views import Due, FlagView, Link, Term
from kamsite.pages.widgets import flag_views
from kamsite.score import display
from kamsite.score.attention import tier_weights
from kamsite.score.numbers import percent, times
from kamsite.score.results import Quadrant

TOP_RISKS = 10
OVERDUE_ON_DASHBOARD = 15


@dataclass(frozen=True, slots=True)
class OpenAction:
    account: Account
    action: Action


@dataclass(frozen=True, slots=True)
class AccountRisk:
    account: Account
    risk: Risk


@dataclass(frozen=True, slots=True)
class ActionLine:
    """An open action in a cross-account list."""

    what: Link
    account: Link
    owner: Link | None
    due: Due
    status: Term
    stakeholders: tuple[Link, ...]


@dataclass(frozen=True, slots=True)
class RiskLine:
    what: Link
    account: Link
    likelihood: int
    impact: int
    exposure: int
    mitigation: str | None
    owner: Link | None


@dataclass(frozen=True, slots=True)
class AccountLine:
    """One account in the accounts table: its scores ready to show."""

    name: Link
    local_name: str | None
    tier: Term | None
    quadrant: Term | None
    attractiveness: str
    strength: str
    relationship_health: str
    decision_coverage: str
    revenue_actual: str
    revenue_gap: str
    weighted_pipeline: str
    pipeline_coverage: str
    plan_completeness: int
    owner: Link | None
    flags: tuple[Term, ...]


@dataclass(frozen=True, slots=True)
class AccountTable:
    """The accounts table; amounts are shown without unit: `unit` ("M") heads their columns,
    `money` ("M CNY") says it in full."""

    unit: str
    money: str
    lines: tuple[AccountLine, ...]


@dataclass(frozen=True, slots=True)
class Count:
    name: str
    count: int


@dataclass(frozen=True, slots=True)
class Tile:
    label: str
    value: str


@dataclass(frozen=True, slots=True)
class Dashboard:
    """`revenue` the reconciled FY figures, `tiles` the pipeline beside them; `attention` the
    accounts to look at first; `overdue` and `overdue_tasks` the late actions and strategy
    tasks."""

    name: str
    currency: str
    unit: str
    fiscal_year: int
    revenue: RevenueView
    tiles: tuple[Tile, ...]
    attention: tuple[AttentionLine, ...]
    tier_weights: str
    concentration: ConcentrationView
    matrix: Markup
    tiers: tuple[Count, ...]
    quadrants: tuple[Count, ...]
    top_risks: tuple[RiskLine, ...]
    overdue: tuple[ActionLine, ...]
    overdue_tasks: tuple[TaskLine, ...]
    accounts: AccountTable


@dataclass(frozen=True, slots=True)
class AccountRisks:
    """One account on /risks/: its place in the attention ranking, all its flags (most
    severe first) and its risks (by exposure)."""

    account: AttentionLine
    flags: tuple[FlagView, ...]
    risks: tuple[RiskLine, ...]


def open_actions(site: Site) -> list[OpenAction]:
    """Open actions of every account, overdue first, then by due date (undated last)."""
    found = [OpenAction(a, x) for a in site.accounts() for x in a.actions if is_open(x.status)]

    def key(item: OpenAction) -> tuple[bool, bool, dt.date, str, str]:
        due = item.action.due
        late = site.overdue(due, item.action.status)
        return (not late, due is None, due or dt.date.max, item.account.id, item.action.id)

    return sorted(found, key=key)


def all_risks(site: Site) -> list[AccountRisk]:
    found = [AccountRisk(a, r) for a in site.accounts() for r in a.risks]
    scores = site.account_scores
    return sorted(
        found, key=lambda x: (-scores[x.account.id].risks[x.risk.id].value, x.account.id, x.risk.id)
    )


def action_lines(site: Site, here: str, items: list[OpenAction]) -> tuple[ActionLine, ...]:
    names: dict[str, dict[str, str]] = {}
    lines = []
    for item in items:
        x, a = item.action, item.account
        people = names.get(a.id)
        if people is None:  # once per account, not once per action
            people = names[a.id] = {s.id: s.name for s in a.stakeholders}
        target = href(here, account_url(a.id))
        lines.append(
            ActionLine(
                what=Link(x.what, f"{target}#{x.id}"),
                account=site.account(here, a.id),
                owner=site.member(here, x.owner),
                due=site.due(x.due, x.status),
                status=site.word(x.status),
                stakeholders=people_links(people, x.people, target),
            )
        )
    return tuple(lines)


def risk_lines(site: Site, here: str, items: list[AccountRisk]) -> tuple[RiskLine, ...]:
    return tuple(
        RiskLine(
            what=Link(x.risk.what, f"{href(here, account_url(x.account.id))}#{x.risk.id}"),
            account=site.account(here, x.account.id),
            likelihood=x.risk.likelihood,
            impact=x.risk.impact,
            exposure=site.account_scores[x.account.id].risks[x.risk.id].value,
            mitigation=x.risk.mitigation,
            owner=site.member(here, x.risk.owner),
        )
        for x in items
    )


def account_table(site: Site, here: str) -> AccountTable:
    settings = site.content.settings
    lines = []
    for a in site.accounts():
        s = site.account_scores[a.id]
        lines.append(
            AccountLine(
                name=Link(a.name, href(here, account_url(a.id))),
                local_name=a.local_name,
                tier=site.term(a.tier),
                quadrant=site.term(s.quadrant),
                attractiveness=display(s.attractiveness),
                strength=display(s.strength),
                relationship_health=display(s.relationship_health),
                decision_coverage=percent(s.decision_coverage),
                revenue_actual=display(s.revenue_actual),
                revenue_gap=display(s.revenue_gap),
                weighted_pipeline=display(s.weighted_pipeline),
                pipeline_coverage=times(s.pipeline_coverage),
                plan_completeness=s.plan_completeness,
                owner=site.member(here, a.owner),
                flags=tuple(site.flag(f.code) for f in s.flags),
            )
        )
    money = " ".join(x for x in (settings.unit, settings.currency) if x)
    return AccountTable(settings.unit or settings.currency, money, tuple(lines))


def _counts(site: Site, kind: type[StrEnum], counts: dict[str, int]) -> tuple[Count, ...]:
    say = site.say
    return tuple(
        Count(say("none") if key == "none" else say.value(kind(key)), n)
        for key, n in counts.items()
        if n
    )


def dashboard_page(site: Site) -> str:
    here = ""
    say = site.say
    t = site.scores.totals
    settings = site.content.settings
    overdue = [i for i in open_actions(site) if site.overdue(i.action.due, i.action.status)]
    view = Dashboard(
        name=settings.name,
        currency=settings.currency,
        unit=site.unit,
        fiscal_year=t.fiscal_year,
        revenue=revenue_view(site, site.revenue, share=False),
        tiles=(
            Tile(say("weighted_pipeline"), site.money(t.weighted_pipeline)),
            Tile(say("weighted_pipeline_fy", fy=t.fiscal_year), site.money(t.weighted_pipeline_fy)),
            Tile(say("accounts"), str(t.accounts)),
        ),
        attention=attention_lines(site, here, ATTENTION_ON_DASHBOARD),
        tier_weights=tier_weights(site.content.settings.language),
        concentration=concentration_view(site, here),
        matrix=Markup(site.drawings.matrix),
        tiers=_counts(site, Tier, dict(t.tiers)),
        quadrants=_counts(site, Quadrant, dict(t.quadrants)),
        top_risks=risk_lines(site, here, all_risks(site)[:TOP_RISKS]),
        overdue=action_lines(site, here, overdue[:OVERDUE_ON_DASHBOARD]),
        overdue_tasks=task_lines(site, here, overdue_tasks(site)[:OVERDUE_ON_DASHBOARD]),
        accounts=account_table(site, here),
    )
    movement = site.trends.dashboard if site.trends is not None else None
    return site.render("dashboard.html", page=view, movement=movement)


def accounts_index_page(site: Site) -> str:
    return site.render("accounts_index.html", accounts=account_table(site, "accounts/"))


def actions_page(site: Site) -> Iterator[str]:
    here = "actions/"
    return site.stream(
        "actions.html",
        actions=action_lines(site, here, open_actions(site)),
        tasks=task_lines(site, here, overdue_tasks(site)),
    )


def risks_page(site: Site) -> Iterator[str]:
    """Accounts in attention order, each with its flags and risks: one pass over the ranking."""
    here = "risks/"
    groups = []
    for rank, a in enumerate(site.ranking, start=1):
        account = site.content.accounts[a.id]
        if not a.reasons and not account.risks:
            continue
        exposure = site.account_scores[a.id].risks
        ordered = sorted(account.risks, key=lambda r: (-exposure[r.id].value, r.id))
        groups.append(
            AccountRisks(
                account=attention_line(site, here, rank, a),
                flags=flag_views(site, a.reasons, href(here, account_url(a.id))),
                risks=risk_lines(site, here, [AccountRisk(account, r) for r in ordered]),
            )
        )
    return site.stream("risks.html", accounts=tuple(groups))
