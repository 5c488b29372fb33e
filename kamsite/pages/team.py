"""Team pages (`/team/` and `/team/<member-id>/`): one person's share of the portfolio."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from kamsite.model.account import Account, Stakeholder
from kamsite.model.team import Member
from kamsite.pages.context import Site, account_url, member_url
from kamsite.pages.markdown import page_title
from kamsite.pages.markup import Cell, Safe, block, href, link, table, tag
from kamsite.pages.portfolio import OpenAction, actions_table, open_actions
from kamsite.pages.widgets import heading


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
        for s in a.stakeholders:
            if s.owner:
                found[s.owner].stakeholders.append((a, s))
    for item in open_actions(site):
        if item.action.owner:
            found[item.action.owner].actions.append(item)
    return found


def team_index_page(site: Site, all_duties: dict[str, Duties]) -> str:
    say = site.say
    here = "team/"
    rows: list[list[Cell]] = []
    for m in site.content.team.members:
        d = all_duties.get(m.id, Duties())
        rows.append(
            [
                link(href(here, member_url(m.id)), m.name),
                m.local_name,
                m.role,
                len(d.owned),
                len(d.sponsored),
                len(d.stakeholders),
                len(d.actions),
            ]
        )
    headers = [
        say("member"),
        say("name"),
        say("role"),
        say("owned_accounts"),
        say("sponsored_accounts"),
        say("owned_stakeholders"),
        say("open_actions"),
    ]
    return "\n".join(
        [page_title(say("team")), block(table(headers, rows, sortable=True, numeric=(3, 4, 5, 6)))]
    )


def _accounts(site: Site, here: str, accounts: list[Account]) -> Safe:
    if not accounts:
        return tag("p", site.say("nothing"), class_="kam-muted")
    say = site.say
    rows: list[list[Cell]] = []
    for a in accounts:
        s = site.account_scores[a.id]
        rows.append([site.account(here, a.id), say.value(a.tier), say.value(s.quadrant)])
    return table([say("account"), say("tier"), say("quadrant")], rows, sortable=True)


def member_page(site: Site, member: Member, d: Duties) -> str:
    say = site.say
    here = member_url(member.id)
    rows: list[list[Cell]] = [
        [
            link(f"{href(here, account_url(a.id))}#{s.id}", s.name),
            s.local_name,
            s.title,
            site.account(here, a.id),
            s.influence,
            tag(
                "span",
                say.value(s.attitude),
                class_=f"kam-attitude kam-attitude--{s.attitude.value}",
            ),
            site.date(s.last_contact),
        ]
        for a, s in d.stakeholders
    ]
    stakeholders = (
        table(
            [
                say("stakeholder"),
                say("name"),
                say("title"),
                say("account"),
                say("influence"),
                say("attitude"),
                say("last_contact"),
            ],
            rows,
            sortable=True,
            numeric=(4,),
        )
        if rows
        else tag("p", say("nothing"), class_="kam-muted")
    )
    title = member.name + (f" · {member.local_name}" if member.local_name else "")
    return "\n".join(
        [
            page_title(title),
            block(
                tag(
                    "p",
                    " · ".join(x for x in (member.role, member.email) if x) or "—",
                    class_="kam-muted",
                )
            ),
            heading(2, say("owned_accounts"), "kam-owned"),
            block(_accounts(site, here, d.owned)),
            heading(2, say("sponsored_accounts"), "kam-sponsored"),
            block(_accounts(site, here, d.sponsored)),
            heading(2, say("team_accounts"), "kam-teams"),
            block(_accounts(site, here, d.teams)),
            heading(2, say("owned_stakeholders"), "kam-stakeholders"),
            block(stakeholders),
            heading(2, say("open_actions"), "kam-actions"),
            block(
                actions_table(site, here, d.actions)
                if d.actions
                else tag("p", say("nothing"), class_="kam-muted")
            ),
        ]
    )
