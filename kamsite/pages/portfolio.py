"""Pages that aggregate across accounts: dashboard, accounts index, actions, risks.

They need every account at once, which is why page generation takes the whole
scored portfolio rather than one account at a time.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from kamsite.model import Account
from kamsite.model.account import Action, Risk
from kamsite.pages.context import Site, account_url, is_open
from kamsite.pages.markdown import page_title
from kamsite.pages.markup import Cell, Safe, block, esc, href, join, link, table, tag
from kamsite.pages.widgets import due_cell, flag_chip, heading, status_chip
from kamsite.score import display
from kamsite.score.numbers import percent, times

TOP_RISKS = 10
OVERDUE_ON_DASHBOARD = 15


@dataclass(frozen=True)
class OpenAction:
    account: Account
    action: Action


@dataclass(frozen=True)
class AccountRisk:
    account: Account
    risk: Risk


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
    return sorted(
        found, key=lambda x: (-x.risk.likelihood * x.risk.impact, x.account.id, x.risk.id)
    )


def actions_table(site: Site, here: str, items: list[OpenAction]) -> Safe:
    say = site.say
    names: dict[str, dict[str, str]] = {}
    rows: list[list[Cell]] = []
    for item in items:
        x, a = item.action, item.account
        people = names.setdefault(a.id, {s.id: s.name for s in a.stakeholders})
        target = href(here, account_url(a.id))
        due = due_cell(site, x.due, x.status)
        rows.append(
            [
                link(f"{target}#{x.id}", x.what),
                site.account(here, a.id),
                site.member(here, x.owner),
                due,
                status_chip(say, x.status),
                link(f"{target}#{x.stakeholder}", people.get(x.stakeholder, x.stakeholder))
                if x.stakeholder
                else esc(None),
            ]
        )
    headers = [
        say("what"),
        say("account"),
        say("owner"),
        say("due"),
        say("status"),
        say("stakeholder"),
    ]
    return table(headers, rows, sortable=True)


def _risks_table(site: Site, here: str, items: list[AccountRisk]) -> Safe:
    say = site.say
    rows: list[list[Cell]] = [
        [
            link(f"{href(here, account_url(x.account.id))}#{x.risk.id}", x.risk.what),
            site.account(here, x.account.id),
            x.risk.likelihood,
            x.risk.impact,
            x.risk.likelihood * x.risk.impact,
            x.risk.mitigation,
        ]
        for x in items
    ]
    headers = [
        say("risks"),
        say("account"),
        say("likelihood"),
        say("impact"),
        say("exposure"),
        say("mitigation"),
    ]
    return table(headers, rows, sortable=True, numeric=(2, 3, 4))


def accounts_table(site: Site, here: str) -> Safe:
    say = site.say
    rows: list[list[Cell]] = []
    for a in site.accounts():
        s = site.account_scores[a.id]
        name = join(
            [
                link(href(here, account_url(a.id)), a.name),
                *([" ", tag("span", a.local_name, class_="kam-local")] if a.local_name else []),
            ]
        )
        rows.append(
            [
                name,
                say.value(a.tier),
                say.value(s.quadrant),
                display(s.attractiveness),
                display(s.strength),
                display(s.relationship_health),
                percent(s.decision_coverage),
                site.money(s.revenue_actual),
                site.money(s.revenue_gap),
                site.money(s.weighted_pipeline),
                times(s.pipeline_coverage),
                s.plan_completeness,
                site.member(here, a.owner),
                join((flag_chip(f.code.value) for f in s.flags), " ") or esc(None),
            ]
        )
    headers = [
        say("account"),
        say("tier"),
        say("quadrant"),
        "A",
        "S",
        "H",
        "DC",
        say("actual"),
        say("revenue_gap"),
        "WP",
        "PC",
        "P",
        say("owner"),
        say("flags"),
    ]
    return table(headers, rows, sortable=True, numeric=range(3, 12))


def _counts(site: Site, title: str, counts: dict[str, int]) -> Safe:
    say = site.say
    rows: list[list[Cell]] = [
        [say("none") if key == "none" else say.value(key), n] for key, n in counts.items() if n
    ]
    return table([title, say("count")], rows, numeric=(1,))


def _tile(label: str, value: str) -> Safe:
    return tag(
        "div",
        join(
            [
                tag("div", value, class_="kam-tile__value"),
                tag("div", label, class_="kam-tile__label"),
            ]
        ),
        class_="kam-tile",
    )


def dashboard_page(site: Site) -> str:
    here = ""
    say = site.say
    t = site.scores.totals
    settings = site.content.settings
    tiles = tag(
        "div",
        join(
            [
                _tile(say("revenue_actual"), site.money(t.revenue_actual)),
                _tile(say("revenue_target"), site.money(t.revenue_target)),
                _tile(say("revenue_forecast"), site.money(t.revenue_forecast)),
                _tile(say("revenue_gap"), site.money(t.revenue_gap)),
                _tile(say("weighted_pipeline"), site.money(t.weighted_pipeline)),
                _tile(say("accounts"), str(t.accounts)),
            ]
        ),
        class_="kam-tiles",
    )
    matrix = site.drawings.matrix
    overdue = [i for i in open_actions(site) if site.overdue(i.action.due, i.action.status)]
    parts = [
        page_title(say("dashboard")),
        block(
            tag(
                "p",
                f"{settings.name} · {say('as_of')} {site.as_of.isoformat()} · {settings.currency}",
                class_="kam-muted",
            )
        ),
        heading(2, say("fy_totals", fy=t.fiscal_year), "kam-totals"),
        block(tiles),
        heading(2, say("portfolio_matrix"), "kam-matrix"),
        block(
            tag(
                "div",
                Safe(matrix),
                class_="kam-graph kam-graph--matrix",
                data_search_exclude="true",
            )
            if matrix
            else esc(None)
        ),
        heading(2, f"{say('by_tier')} · {say('by_quadrant')}", "kam-counts"),
        block(
            tag(
                "div",
                join(
                    [
                        _counts(site, say("tier"), dict(t.tiers)),
                        _counts(site, say("quadrant"), dict(t.quadrants)),
                    ]
                ),
                class_="kam-columns",
            )
        ),
        heading(2, say("top_risks"), "kam-top-risks"),
        block(_top_risks(site, here)),
        heading(2, say("overdue_actions"), "kam-overdue"),
        block(
            actions_table(site, here, overdue[:OVERDUE_ON_DASHBOARD])
            if overdue
            else tag("p", say("nothing"), class_="kam-muted")
        ),
        heading(2, say("all_accounts"), "kam-accounts"),
        block(accounts_table(site, here)),
    ]
    return "\n".join(parts)


def _top_risks(site: Site, here: str) -> Safe:
    risks = all_risks(site)[:TOP_RISKS]
    if not risks:
        return tag("p", site.say("nothing"), class_="kam-muted")
    return _risks_table(site, here, risks)


def accounts_index_page(site: Site) -> str:
    say = site.say
    return "\n".join([page_title(say("accounts")), block(accounts_table(site, "accounts/"))])


def actions_page(site: Site) -> str:
    say = site.say
    here = "actions/"
    items = open_actions(site)
    body = (
        actions_table(site, here, items) if items else tag("p", say("nothing"), class_="kam-muted")
    )
    return "\n".join([page_title(say("open_actions")), block(body)])


def risks_page(site: Site) -> str:
    say = site.say
    here = "risks/"
    flag_rows: list[list[Cell]] = []
    for a in site.accounts():
        for flag in site.account_scores[a.id].flags:
            evidence = join(tag("li", e.message) for e in flag.evidence)
            flag_rows.append(
                [flag_chip(flag.code.value), site.account(here, a.id), tag("ul", evidence)]
            )
    flags = (
        table([say("flag"), say("account"), say("evidence")], flag_rows, sortable=True)
        if flag_rows
        else tag("p", say("no_flags"), class_="kam-muted")
    )
    risks = all_risks(site)
    return "\n".join(
        [
            page_title(say("risks")),
            heading(2, say("account_flags"), "kam-flags"),
            block(flags),
            heading(2, say("account_risks"), "kam-risks"),
            block(
                _risks_table(site, here, risks)
                if risks
                else tag("p", say("nothing"), class_="kam-muted")
            ),
        ]
    )
