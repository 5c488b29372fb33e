"""The decision-chain section of an account page: the graph and the people in it."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from markupsafe import Markup

from kamsite.model import Account
from kamsite.model.account import Stakeholder
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


@dataclass(frozen=True, slots=True)
class Heat:
    """A relationship dimension: the value shown, its 0..5 step for the heat-map colour (None
    when unassessed) and the target score set for it, if any."""

    value: str
    step: int | None
    target: str | None


@dataclass(frozen=True, slots=True)
class Person:
    """One stakeholder; `dimensions` are the six relationship cells in `DIMENSIONS` order."""

    id: str
    name: str
    local_name: str | None
    title: str | None
    unit: str | None
    roles: tuple[Term, ...]
    influence: int
    attitude: Term
    mode: Term | None
    prefers: str | None  # the competitor's name
    key_person: bool
    dimensions: tuple[Heat, ...]
    relationship: str
    owner: Link | None
    target: Term | None
    target_by: str | None
    last_contact: str
    last_contact_ago: str | None
    notes: Markup
    gone: Term | None  # left or moved: listed, faded, scored nowhere
    since: str | None


def _person(
    site: Site, here: str, s: Stakeholder, score: AccountScore, rivals: Mapping[str, str]
) -> Person:
    return Person(
        id=s.id,
        name=s.name,
        local_name=s.local_name,
        title=s.title,
        unit=s.unit,
        roles=tuple(site.word(r) for r in s.roles),
        influence=s.influence,
        attitude=site.word(s.attitude),
        mode=site.term(s.mode),
        prefers=rivals.get(s.prefers, s.prefers) if s.prefers else None,
        key_person=s.key_person,
        dimensions=_heat(s),
        relationship=display(score.stakeholders.get(s.id)),
        owner=site.member(here, s.owner),
        target=site.word(s.target.attitude) if s.target is not None else None,
        target_by=site.date(s.target.by) if s.target is not None and s.target.by else None,
        last_contact=site.date(s.last_contact),
        last_contact_ago=site.ago(s.last_contact),
        notes=rich(s.notes),
        gone=None if s.active else site.word(s.status),
        since=site.date(s.since) if s.since else None,
    )


def _heat(s: Stakeholder) -> tuple[Heat, ...]:
    targets = s.target.relationship if s.target is not None else None
    cells = []
    for d in DIMENSIONS:
        goal = getattr(targets, d) if targets is not None else None
        target = None if goal is None else _score(float(goal))
        if s.relationship is None:
            cells.append(Heat("—", None, target))
            continue
        value = float(getattr(s.relationship, d))
        cells.append(Heat(_score(value), min(5, max(0, int(value + 0.5))), target))
    return tuple(cells)


def _score(value: float) -> str:
    """A 0..5 score as people write it: 3, not 3.0 (a half stays 2.5)."""
    return str(int(value)) if value == int(value) else display(value)


def people(site: Site, here: str, a: Account, score: AccountScore) -> tuple[Person, ...]:
    """Everyone in the plan, active or not: who left or moved is shown, faded, for the record."""
    rivals = {c.id: c.name for c in a.competitors}
    return tuple(_person(site, here, s, score, rivals) for s in a.stakeholders)


def chain(site: Site, a: Account) -> Markup:
    """The drawn decision chain (kamsite's own SVG), or nothing when none was drawn."""
    return Markup(site.drawings.decision_chains.get(a.id, ""))
