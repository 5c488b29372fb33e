"""Team pages (`/team/` and `/team/<member-id>/`): one person's share of the portfolio."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from kamsite.model.account import Account, Stakeholder
from kamsite.model.team import Member
from kamsite.pages.context import Site, account_url, member_url
from kamsite.pages.markup import href
from kamsite.pages.portfolio import ActionLine, OpenAction, action_lines, open_actions
from kamsite.pages.views import Link, Term


@dataclass
class Duties:
    owned: list[Account] = field(default_factory=list)
    sponsored: list[Account] = field(default_factory=list)
    teams: list[Account] = field(default_factory=list)
    stakeholders: list[tuple[Account, Stakeholder]] = field(default_factory=list)
    actions: list[OpenAction] = field(default_factory=list)


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
    for item in open_actions(site):
        if item.action.owner:
            found[item.action.owner].actions.append(item)
    return found


@dataclass(frozen=True)
class MemberLine:
    """One member in the team index, with the counts of what they carry."""

    name: Link
    local_name: str | None
    role: str | None
    owned: int
    sponsored: int
    stakeholders: int
    actions: int


@dataclass(frozen=True)
class AccountItem:
    account: Link
    tier: Term | None
    quadrant: Term | None


@dataclass(frozen=True)
class OwnedPerson:
    """A stakeholder this member owns, linking to their row on the account page."""

    name: Link
    local_name: str | None
    title: str | None
    account: Link
    influence: int
    attitude: Term
    last_contact: str


@dataclass(frozen=True)
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


def team_index_page(site: Site, all_duties: dict[str, Duties]) -> str:
    here = "team/"
    lines = []
    for m in site.content.team.members:
        d = all_duties.get(m.id, Duties())
        lines.append(
            MemberLine(
                name=Link(m.name, href(here, member_url(m.id))),
                local_name=m.local_name,
                role=m.role,
                owned=len(d.owned),
                sponsored=len(d.sponsored),
                stakeholders=len(d.stakeholders),
                actions=len(d.actions),
            )
        )
    return site.render("team_index.html", members=tuple(lines))


def _accounts(site: Site, here: str, accounts: list[Account]) -> tuple[AccountItem, ...]:
    return tuple(
        AccountItem(
            site.account(here, a.id),
            site.term(a.tier),
            site.term(site.account_scores[a.id].quadrant),
        )
        for a in accounts
    )


def member_page(site: Site, member: Member, d: Duties) -> str:
    here = member_url(member.id)
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
    )
    return site.render("member.html", page=view)
