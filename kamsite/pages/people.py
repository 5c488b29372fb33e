"""The decision-chain section of an account page: the graph and the people in it."""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from kamsite.model import Account
from kamsite.model.account import Stakeholder
from kamsite.model.stakeholder import PersonStatus
from kamsite.pages.context import Site
from kamsite.pages.markup import rich
from kamsite.pages.views import Link, Term
from kamsite.score import AccountScore, display

DIMENSIONS = (
    "acceptance",
    "participation",
    "information",
    "guidance",
    "project_support",
    "competitive_preference",
)


@dataclass(frozen=True)
class Heat:
    """A relationship dimension: the value shown and its 0..5 step for the heat-map colour."""

    value: str
    step: int


@dataclass(frozen=True)
class Person:
    """One stakeholder; `dimensions` are the six relationship scores in `DIMENSIONS` order,
    None when not assessed."""

    id: str
    name: str
    local_name: str | None
    title: str | None
    unit: str | None
    roles: tuple[Term, ...]
    influence: int
    attitude: Term
    dimensions: tuple[Heat, ...] | None
    relationship: str
    owner: Link | None
    target: Term | None
    target_by: str | None
    last_contact: str
    last_contact_ago: str | None
    notes: Markup
    gone: Term | None  # left or moved: listed, but no longer in the role we plan around
    since: str | None


def _person(site: Site, here: str, s: Stakeholder, score: AccountScore) -> Person:
    return Person(
        id=s.id,
        name=s.name,
        local_name=s.local_name,
        title=s.title,
        unit=s.unit,
        roles=tuple(site.word(r) for r in s.roles),
        influence=s.influence,
        attitude=site.word(s.attitude),
        dimensions=_heat(s),
        relationship=display(score.stakeholders.get(s.id)),
        owner=site.member(here, s.owner),
        target=site.word(s.target.attitude) if s.target is not None else None,
        target_by=site.date(s.target.by) if s.target is not None and s.target.by else None,
        last_contact=site.date(s.last_contact),
        last_contact_ago=site.ago(s.last_contact),
        notes=rich(s.notes),
        gone=None if s.status is PersonStatus.active else site.word(s.status),
        since=site.date(s.since) if s.since else None,
    )


def _heat(s: Stakeholder) -> tuple[Heat, ...] | None:
    if s.relationship is None:
        return None
    values = [float(getattr(s.relationship, d)) for d in DIMENSIONS]
    return tuple(Heat(_score(v), min(5, max(0, int(v + 0.5)))) for v in values)


def _score(value: float) -> str:
    """A 0..5 score as people write it: 3, not 3.0 (a half stays 2.5)."""
    return str(int(value)) if value == int(value) else display(value)


def people(site: Site, here: str, a: Account, score: AccountScore) -> tuple[Person, ...]:
    return tuple(_person(site, here, s, score) for s in a.stakeholders)


def chain(site: Site, a: Account) -> Markup:
    """The drawn decision chain (kamsite's own SVG), or nothing when none was drawn."""
    return Markup(site.drawings.decision_chains.get(a.id, ""))
