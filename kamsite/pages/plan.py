"""Objectives, actions, reviews and risks of an account page."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from markupsafe import Markup

from kamsite.model import Account
from kamsite.pages.context import Site, strategy_url
from kamsite.pages.markup import href, rich
from kamsite.pages.views import Due, KpiRow, Link, Term
from kamsite.pages.widgets import kpi_rows
from kamsite.score import AccountScore
from kamsite.score.numbers import percent
from kamsite.score.progress import objective_period


@dataclass(frozen=True, slots=True)
class ObjectiveView:
    """`period` is the objective's own time frame, `expected` the share of it elapsed."""

    id: str
    statement: str
    notes: Markup
    status: Term | None
    period: str
    expected: str
    contributes_to: tuple[Link, ...]
    kpis: tuple[KpiRow, ...]


@dataclass(frozen=True, slots=True)
class ActionRow:
    id: str
    what: str
    notes: Markup
    owner: Link | None
    due: Due
    status: Term
    stakeholders: tuple[Link, ...]
    objective: Link | None


@dataclass(frozen=True, slots=True)
class ReviewRow:
    date: str
    kind: Term
    by: tuple[Link, ...]
    summary: Markup


@dataclass(frozen=True, slots=True)
class RiskRow:
    id: str
    what: str
    likelihood: int
    impact: int
    exposure: int
    level: str
    mitigation: str | None
    owner: Link | None


def objectives(site: Site, here: str, a: Account, score: AccountScore) -> tuple[ObjectiveView, ...]:
    scored = {o.id: o for o in score.objectives}
    fy = site.content.settings.fiscal_year
    views = []
    for objective in a.objectives:
        result = scored.get(objective.id)
        kpi_scores = {k.id: k for k in result.kpis} if result is not None else {}
        links = tuple(_strategy_objective(here, ref) for ref in objective.contributes_to)
        start, end = objective_period(objective, fy)
        views.append(
            ObjectiveView(
                id=objective.id,
                statement=objective.statement,
                notes=rich(objective.notes),
                status=site.term(result.status) if result is not None else None,
                period=site.say("time_frame", start=site.date(start), end=site.date(end)),
                expected=percent(result.expected) if result is not None else "—",
                contributes_to=links,
                kpis=kpi_rows(site, objective.kpis, kpi_scores),
            )
        )
    return tuple(views)


def _strategy_objective(here: str, ref: str) -> Link:
    strategy, objective = ref.split("/", 1)
    return Link(ref, f"{href(here, strategy_url(strategy))}#{objective}")


def _objective(here: str, a: Account, ref: str | None) -> Link | None:
    """An account objective by its statement, a strategy objective by its reference."""
    if ref is None:
        return None
    if "/" in ref:
        return _strategy_objective(here, ref)
    statements = {o.id: o.statement for o in a.objectives}
    return Link(statements.get(ref, ref), f"#{ref}")


def people_links(
    names: Mapping[str, str], ids: tuple[str, ...], base: str = ""
) -> tuple[Link, ...]:
    """Stakeholders by name (`names`: id → name), linking to their rows on the account page
    at `base`; an action's `stakeholder` and `stakeholders` alike (`Action.people`)."""
    return tuple(Link(names.get(i, i), f"{base}#{i}") for i in ids)


def actions(site: Site, here: str, a: Account) -> tuple[ActionRow, ...]:
    names = {s.id: s.name for s in a.stakeholders}
    ordered = sorted(a.actions, key=lambda x: (x.due is None, x.due, x.id))
    return tuple(
        ActionRow(
            id=x.id,
            what=x.what,
            notes=rich(x.notes),
            owner=site.member(here, x.owner),
            due=site.due(x.due, x.status),
            status=site.word(x.status),
            stakeholders=people_links(names, x.people),
            objective=_objective(here, a, x.objective),
        )
        for x in ordered
    )


def reviews(site: Site, here: str, a: Account) -> tuple[ReviewRow, ...]:
    return tuple(
        ReviewRow(
            date=site.date(r.date),
            kind=site.word(r.kind),
            by=site.members_of(here, r.by),
            summary=rich(r.summary),
        )
        for r in sorted(a.reviews, key=lambda r: r.date, reverse=True)
    )


def risks(site: Site, here: str, a: Account, score: AccountScore) -> tuple[RiskRow, ...]:
    exposure = score.risks
    ordered = sorted(a.risks, key=lambda r: (-exposure[r.id].value, r.id))
    return tuple(
        RiskRow(
            id=r.id,
            what=r.what,
            likelihood=r.likelihood,
            impact=r.impact,
            exposure=exposure[r.id].value,
            level=exposure[r.id].band.value,
            mitigation=r.mitigation,
            owner=site.member(here, r.owner),
        )
        for r in ordered
    )
