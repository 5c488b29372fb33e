"""Organisation-level engagements (组织客户关系) and the resources we commit (资源投入): the
relationship between the two companies beyond the people in the decision chain."""

from __future__ import annotations

from dataclasses import dataclass

from kamsite.model import Account
from kamsite.pages.context import Site
from kamsite.pages.views import Link, Term


@dataclass(frozen=True, slots=True)
class EngagementRow:
    id: str
    what: str
    cadence: Term | None
    next: str
    owner: Link | None


@dataclass(frozen=True, slots=True)
class ResourceRow:
    what: str
    amount: str
    owner: Link | None


@dataclass(frozen=True, slots=True)
class Resources:
    """`total` sums the amounts given; None when no resource has one."""

    rows: tuple[ResourceRow, ...]
    total: str | None


def engagements(site: Site, here: str, a: Account) -> tuple[EngagementRow, ...]:
    """In file order: a programme of meetings reads as the author planned it."""
    return tuple(
        EngagementRow(
            id=e.id,
            what=e.what,
            cadence=site.term(e.cadence),
            next=site.date(e.next),
            owner=site.member(here, e.owner),
        )
        for e in a.engagements
    )


def resources(site: Site, here: str, a: Account) -> Resources:
    amounts = [r.amount for r in a.resources if r.amount is not None]
    return Resources(
        rows=tuple(
            ResourceRow(r.what, site.money(r.amount), site.member(here, r.owner))
            for r in a.resources
        ),
        total=site.money(sum(amounts, 0.0)) if amounts else None,
    )
