"""The account page (`/accounts/<id>/`): the whole plan, in the order a review meeting reads it."""

from __future__ import annotations

from kamsite.model import Account
from kamsite.model.account import Need, Stakeholder
from kamsite.model.portfolio import Stage
from kamsite.pages.context import Site, account_url, strategy_url
from kamsite.pages.markdown import page_title
from kamsite.pages.markup import Cell, Safe, block, bullets, esc, href, join, link, rich, table, tag
from kamsite.pages.widgets import (
    due_cell,
    flag_list,
    heading,
    kpi_table,
    member_list,
    score_badges,
    status_chip,
)
from kamsite.score import AccountScore, display
from kamsite.score.commercial import US
from kamsite.score.numbers import percent

_DIMENSIONS = (
    "acceptance",
    "participation",
    "information",
    "guidance",
    "project_support",
    "competitive_preference",
)
_STAGE_ORDER = {stage: n for n, stage in enumerate(Stage)}


def account_page(site: Site, account: Account) -> str:
    here = account_url(account.id)
    score = site.account_scores[account.id]
    say = site.say
    title = account.name + (f" · {account.local_name}" if account.local_name else "")
    parts = [page_title(title), block(_header(site, here, account, score))]
    sections = (
        ("overview", "overview", _overview(site, account, score)),
        ("decision_chain", "decision-chain", _decision_chain(site, here, account, score)),
        ("needs", "needs", _needs(site, account)),
        ("swot", "swot", _swot(site, account)),
        ("value_proposition", "value-proposition", _value_proposition(site, account)),
        ("opportunities", "opportunities", _opportunities(site, account)),
        ("objectives", "objectives", _objectives(site, here, account, score)),
        ("actions", "actions", _actions(site, here, account)),
        ("reviews", "reviews", _reviews(site, here, account)),
        ("risks", "risks", _risks(site, here, account)),
    )
    for label, anchor, body in sections:
        parts.append(heading(2, say(label), f"kam-{anchor}"))
        parts.append(block(body))
    return "\n".join(parts)


def _fact(label: str, value: Cell) -> Safe:
    return tag("div", join([tag("dt", label), tag("dd", value)]))


def _header(site: Site, here: str, a: Account, score: AccountScore) -> Safe:
    say = site.say
    facts = [
        _fact(say("tier"), say.value(a.tier)),
        _fact(say("stage"), say.value(a.stage)),
        _fact(say("purchase_category"), say.value(a.purchase_category)),
        _fact(say("owner"), site.member(here, a.owner)),
        _fact(say("sponsor"), site.member(here, a.sponsor)),
        _fact(say("account_team"), member_list(site, here, a.team)),
        _fact(say("industry"), a.industry),
        _fact(say("region"), a.region),
        _fact(say("reviewed"), site.date(a.reviewed)),
    ]
    return tag(
        "div",
        join(
            [
                tag("dl", join(facts), class_="kam-facts"),
                score_badges(say, score),
                tag("h3", say("flags"), class_="kam-subhead"),
                flag_list(score.flags, say),
            ]
        ),
        class_="kam-header",
    )


def _nothing(site: Site) -> Safe:
    return tag("p", site.say("nothing"), class_="kam-muted")


def _overview(site: Site, a: Account, score: AccountScore) -> Safe:
    say = site.say
    fy = site.content.settings.fiscal_year
    rows = [
        [str(r.year), site.money(r.actual), site.money(r.target), site.money(r.forecast)]
        for r in sorted(a.revenue, key=lambda r: r.year)
    ]
    facts = [
        _fact(f"{say('revenue_gap')} FY{fy}", site.money(score.revenue_gap)),
        _fact(say("weighted_pipeline"), site.money(score.weighted_pipeline)),
        _fact(say("share_of_wallet"), percent(score.share_of_wallet)),
        _fact(say("wallet"), site.money(a.wallet)),
    ]
    revenue = (
        table(
            [say("year"), say("actual"), say("target"), say("forecast")],
            rows,
            numeric=(0, 1, 2, 3),
        )
        if rows
        else _nothing(site)
    )
    return join(
        [
            rich(a.summary),
            tag("dl", join(facts), class_="kam-facts"),
            tag("h3", say("revenue_by_year"), class_="kam-subhead"),
            revenue,
        ]
    )


def _stakeholder_name(s: Stakeholder) -> Safe:
    local = tag("span", s.local_name, class_="kam-local") if s.local_name else ""
    return join([tag("strong", s.name), " " if local else "", local])


def _decision_chain(site: Site, here: str, a: Account, score: AccountScore) -> Safe:
    say = site.say
    if not a.stakeholders:
        return tag("p", say("no_graph"), class_="kam-muted")
    svg = site.drawings.decision_chains.get(a.id, "")
    graph = (
        tag("div", Safe(svg), class_="kam-graph kam-graph--chain", data_search_exclude="true")
        if svg
        else Safe("")
    )
    headers = [
        say("name"),
        say("title"),
        say("unit"),
        say("roles"),
        say("influence"),
        say("attitude"),
        *(say(f"dim_{d}") for d in _DIMENSIONS),
        say("relationship"),
        say("owner"),
        say("target"),
        say("last_contact"),
    ]
    rows: list[list[Cell]] = []
    for s in a.stakeholders:
        dims: list[Cell] = (
            [display(getattr(s.relationship, d)) for d in _DIMENSIONS]
            if s.relationship is not None
            else ["—"] * len(_DIMENSIONS)
        )
        target = (
            join(
                [
                    say.value(s.target.attitude),
                    f" · {site.date(s.target.by)}" if s.target.by else "",
                ]
            )
            if s.target is not None
            else esc(None)
        )
        rows.append(
            [
                join([_stakeholder_name(s), rich(s.notes)]),
                s.title,
                s.unit,
                join((say.value(r) for r in s.roles), ", ") if s.roles else esc(None),
                s.influence,
                tag(
                    "span",
                    say.value(s.attitude),
                    class_=f"kam-attitude kam-attitude--{s.attitude.value}",
                ),
                *dims,
                display(score.stakeholders.get(s.id)),
                site.member(here, s.owner),
                target,
                site.date(s.last_contact),
            ]
        )
    numeric = (4, *range(6, 13))
    return join(
        [
            graph,
            table(
                headers,
                rows,
                sortable=True,
                row_ids=[s.id for s in a.stakeholders],
                numeric=numeric,
            ),
            tag("p", say("dimensions_note"), class_="kam-muted"),
        ]
    )


def _ranking(a: Account) -> list[tuple[str, float]]:
    """Each rated party's importance-weighted mean rating over the needs it is rated on."""
    parties = [US, *(c.id for c in a.competitors)]
    result = []
    for party in parties:
        rated = [n for n in a.needs if party in n.ratings]
        weight = sum(n.importance for n in rated)
        if weight:
            result.append((party, sum(n.importance * n.ratings[party] for n in rated) / weight))
    return sorted(result, key=lambda item: (-item[1], item[0]))


def _needs(site: Site, a: Account) -> Safe:
    say = site.say
    names = {c.id: c.name for c in a.competitors}
    parts: list[Safe] = []
    if a.needs:
        rivals = sorted({key for n in a.needs for key in n.ratings if key != US})
        headers = [
            say("need"),
            say("type"),
            say("importance"),
            say("us"),
            *(names.get(r, r) for r in rivals),
        ]

        def row(n: Need) -> list[Cell]:
            return [
                join([esc(n.need), rich(n.notes)]),
                say.value(n.type),
                n.importance,
                n.ratings.get(US),
                *(n.ratings.get(r) for r in rivals),
            ]

        ordered = sorted(a.needs, key=lambda n: (-n.importance, n.id))
        parts.append(
            table(
                headers, [row(n) for n in ordered], sortable=True, numeric=range(2, 4 + len(rivals))
            )
        )
        ranking = [
            [str(i + 1), say("us") if party == US else names.get(party, party), display(value)]
            for i, (party, value) in enumerate(_ranking(a))
        ]
        parts.append(
            table(["#", say("competitors"), say("importance") + " × 1–5"], ranking, numeric=(0, 2))
        )
    if a.competitors:
        parts.append(tag("h3", say("competitors"), class_="kam-subhead"))
        rows = [
            [
                join([tag("strong", c.name), rich(c.notes)]),
                say.value(c.position),
                display(c.share),
                bullets(c.strengths) or esc(None),
                bullets(c.weaknesses) or esc(None),
            ]
            for c in a.competitors
        ]
        parts.append(
            table(
                [say("name"), say("position"), say("share"), say("strengths"), say("weaknesses")],
                rows,
                numeric=(2,),
            )
        )
    return join(parts) if parts else _nothing(site)


def _quadrants(cells: list[tuple[str, list[str]]]) -> Safe:
    boxes = [
        tag("div", join([tag("h4", title), bullets(items) or tag("p", "—")]), class_="kam-quad")
        for title, items in cells
    ]
    return tag("div", join(boxes), class_="kam-quads")


def _swot(site: Site, a: Account) -> Safe:
    if a.swot is None:
        return _nothing(site)
    say = site.say
    return _quadrants(
        [
            (say("strengths"), a.swot.strengths),
            (say("weaknesses"), a.swot.weaknesses),
            (say("opportunities_swot"), a.swot.opportunities),
            (say("threats"), a.swot.threats),
        ]
    )


def _value_proposition(site: Site, a: Account) -> Safe:
    vp = a.value_proposition
    if vp is None:
        return _nothing(site)
    say = site.say
    return _quadrants(
        [
            (say("vp_quantified"), vp.quantified),
            (say("vp_psychological"), vp.psychological),
            (say("vp_customer_commitments"), vp.customer_commitments),
            (say("vp_tracking"), vp.tracking),
        ]
    )


def _opportunities(site: Site, a: Account) -> Safe:
    if not a.opportunities:
        return _nothing(site)
    say = site.say
    scoring = site.content.settings.scoring
    names = {c.id: c.name for c in a.competitors}
    people = {s.id: s.name for s in a.stakeholders}
    rows: list[list[Cell]] = []
    for o in sorted(a.opportunities, key=lambda o: (_STAGE_ORDER[o.stage], o.id)):
        p = o.probability if o.probability is not None else scoring.probability(o.stage)
        weighted = None if o.amount is None else o.amount * p
        rows.append(
            [
                join([tag("strong", o.name), rich(o.notes)]),
                say.value(o.stage),
                site.money(o.amount),
                percent(p),
                site.money(weighted),
                site.date(o.close),
                join((link(f"#{s}", people.get(s, s)) for s in o.stakeholders), ", ") or esc(None),
                join((names.get(c, c) for c in o.competitors), ", ") or esc(None),
            ]
        )
    headers = [
        say("opportunities"),
        say("stage"),
        say("amount"),
        say("probability"),
        say("weighted"),
        say("close"),
        say("stakeholders"),
        say("competitors"),
    ]
    return table(headers, rows, sortable=True, numeric=(2, 3, 4))


def _objectives(site: Site, here: str, a: Account, score: AccountScore) -> Safe:
    if not a.objectives:
        return _nothing(site)
    say = site.say
    scored = {o.id: o for o in score.objectives}
    parts = []
    for objective in a.objectives:
        result = scored.get(objective.id)
        kpi_scores = {k.id: k for k in result.kpis} if result is not None else {}
        links = [
            link(f"{href(here, strategy_url(ref.split('/')[0]))}#{ref.split('/')[1]}", ref)
            for ref in objective.contributes_to
        ]
        head = [
            tag("strong", objective.statement),
            " ",
            status_chip(say, result.status) if result is not None else "",
        ]
        if links:
            head += [
                tag("span", say("contributes_to") + ": ", class_="kam-muted"),
                join(links, ", "),
            ]
        parts.append(tag("div", join(head), id=objective.id, class_="kam-objective"))
        parts.append(rich(objective.notes))
        if objective.kpis:
            parts.append(kpi_table(say, objective.kpis, kpi_scores))
    return join(parts)


def _actions(site: Site, here: str, a: Account) -> Safe:
    if not a.actions:
        return _nothing(site)
    say = site.say
    people = {s.id: s.name for s in a.stakeholders}
    ordered = sorted(a.actions, key=lambda x: (x.due is None, x.due, x.id))
    rows: list[list[Cell]] = []
    for x in ordered:
        due = due_cell(site, x.due, x.status)
        rows.append(
            [
                join([esc(x.what), rich(x.notes)]),
                site.member(here, x.owner),
                due,
                status_chip(say, x.status),
                link(f"#{x.stakeholder}", people.get(x.stakeholder, x.stakeholder))
                if x.stakeholder
                else esc(None),
                x.objective,
            ]
        )
    headers = [
        say("what"),
        say("owner"),
        say("due"),
        say("status"),
        say("stakeholder"),
        say("objective"),
    ]
    return table(headers, rows, sortable=True, row_ids=[x.id for x in ordered])


def _reviews(site: Site, here: str, a: Account) -> Safe:
    if not a.reviews:
        return _nothing(site)
    say = site.say
    rows = [
        [site.date(r.date), say.value(r.kind), member_list(site, here, r.by), rich(r.summary)]
        for r in sorted(a.reviews, key=lambda r: r.date, reverse=True)
    ]
    return table([say("date"), say("kind"), say("by"), say("overview")], rows)


def _risks(site: Site, here: str, a: Account) -> Safe:
    if not a.risks:
        return _nothing(site)
    say = site.say
    ordered = sorted(a.risks, key=lambda r: (-r.likelihood * r.impact, r.id))
    rows: list[list[Cell]] = [
        [
            r.what,
            r.likelihood,
            r.impact,
            tag(
                "span",
                str(r.likelihood * r.impact),
                class_=f"kam-exposure kam-exposure--{_exposure(r.likelihood * r.impact)}",
            ),
            r.mitigation,
            site.member(here, r.owner),
        ]
        for r in ordered
    ]
    headers = [
        say("risks"),
        say("likelihood"),
        say("impact"),
        say("exposure"),
        say("mitigation"),
        say("owner"),
    ]
    return table(headers, rows, sortable=True, row_ids=[r.id for r in ordered], numeric=(1, 2, 3))


def _exposure(value: int) -> str:
    return "high" if value >= 15 else "medium" if value >= 8 else "low"
