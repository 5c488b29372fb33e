"""Strategy pages (`/strategies/` and `/strategies/<id>/`): BLM from gap to tasks."""

from __future__ import annotations

from kamsite.model import Strategy
from kamsite.model.strategy import Perspective
from kamsite.pages.context import Site, strategy_url
from kamsite.pages.markdown import page_title
from kamsite.pages.markup import Cell, Safe, block, bullets, esc, href, join, link, rich, table, tag
from kamsite.pages.widgets import heading, kpi_table, status_chip
from kamsite.score import KpiStatus, ObjectiveScore, display
from kamsite.score.numbers import percent

_PERSPECTIVES = {p: n for n, p in enumerate(Perspective)}


def strategies_index_page(site: Site) -> str:
    say = site.say
    here = "strategies/"
    rows: list[list[Cell]] = []
    for key in sorted(site.content.strategies):
        s = site.content.strategies[key]
        scored = site.strategy_scores.get(s.id)
        statuses = [o.status for o in scored.objectives] if scored else []
        counts = join(
            (status_chip(say, st) for st in KpiStatus if st in statuses),
            " ",
        )
        rows.append(
            [
                link(href(here, strategy_url(s.id)), s.title),
                say.value(s.scope),
                site.account(here, s.account) if s.account else esc(None),
                f"{s.horizon.from_}–{s.horizon.to}",
                site.member(here, s.owner),
                len(s.map),
                counts or esc(None),
            ]
        )
    headers = [
        say("strategy"),
        say("scope"),
        say("account"),
        say("horizon"),
        say("owner"),
        say("objectives"),
        say("status"),
    ]
    body = table(headers, rows, sortable=True, numeric=(5,)) if rows else tag("p", say("nothing"))
    return "\n".join([page_title(say("strategies")), block(body)])


def _nothing(site: Site) -> Safe:
    return tag("p", site.say("nothing"), class_="kam-muted")


def _gaps(site: Site, s: Strategy) -> Safe:
    if not s.gaps:
        return _nothing(site)
    say = site.say
    rows: list[list[Cell]] = [
        [
            join([tag("strong", g.metric or g.id), rich(g.description)]),
            say.value(g.kind),
            display(g.target),
            display(g.actual),
            display(None if g.target is None or g.actual is None else g.target - g.actual),
            bullets(g.root_causes) or esc(None),
        ]
        for g in s.gaps
    ]
    headers = [
        say("metric"),
        say("kind"),
        say("target"),
        say("actual"),
        say("gaps"),
        say("root_causes"),
    ]
    return table(headers, rows, numeric=(2, 3, 4))


def _insight(site: Site, s: Strategy) -> Safe:
    if s.insight is None:
        return _nothing(site)
    say = site.say
    looks = [
        ("look_macro", s.insight.macro),
        ("look_industry", s.insight.industry),
        ("look_customers", s.insight.customers),
        ("look_competitors", s.insight.competitors),
        ("look_self", s.insight.self_),
    ]
    boxes = [
        tag("div", join([tag("h4", say(key)), bullets(items) or tag("p", "—")]), class_="kam-quad")
        for key, items in looks
    ]
    return tag("div", join(boxes), class_="kam-quads kam-quads--five")


def _intent(site: Site, s: Strategy) -> Safe:
    intent = s.intent
    say = site.say
    parts: list[Safe] = []
    if intent is not None:
        facts = [
            tag("div", join([tag("dt", say(key)), tag("dd", value)]))
            for key, value in (("mission", intent.mission), ("vision", intent.vision))
        ]
        parts.append(tag("dl", join(facts), class_="kam-facts"))
        if intent.goals:
            rows: list[list[Cell]] = [
                [
                    g.statement,
                    g.metric,
                    display(g.target) if isinstance(g.target, float | int) else g.target,
                    g.year,
                ]
                for g in intent.goals
            ]
            parts.append(table([say("goals"), say("metric"), say("target"), say("year")], rows))
        if intent.milestones:
            rows = [
                [site.date(m.date), m.what] for m in sorted(intent.milestones, key=lambda m: m.date)
            ]
            parts.append(table([say("date"), say("milestones")], rows))
    if s.innovation_focus:
        parts.append(tag("h3", say("innovation_focus"), class_="kam-subhead"))
        parts.append(bullets(s.innovation_focus))
    return join(parts) if parts else _nothing(site)


def _design(site: Site, s: Strategy) -> Safe:
    d = s.design
    if d is None:
        return _nothing(site)
    say = site.say
    fields = (
        "customer_selection",
        "value_proposition",
        "value_capture",
        "scope",
        "strategic_control",
        "risk_management",
    )
    items = [
        tag(
            "div",
            join([tag("dt", say(f"design_{f}")), tag("dd", rich(getattr(d, f)) or esc(None))]),
        )
        for f in fields
    ]
    return tag("dl", join(items), class_="kam-facts kam-facts--wide")


def _objectives(site: Site, here: str, s: Strategy) -> Safe:
    if not s.map:
        return _nothing(site)
    say = site.say
    scored = site.strategy_scores.get(s.id)
    by_id: dict[str, ObjectiveScore] = {o.id: o for o in scored.objectives} if scored else {}
    titles = {o.id: o.title for o in s.map}
    parts: list[Safe] = []
    if scored is not None:
        parts.append(
            tag(
                "p",
                f"{say('expected_progress')}: {percent(scored.expected_progress)}",
                class_="kam-muted",
            )
        )
    for o in sorted(s.map, key=lambda o: (_PERSPECTIVES[o.perspective], o.id)):
        result = by_id.get(o.id)
        kpis = {k.id: k for k in result.kpis} if result else {}
        head = [
            tag("strong", o.title),
            " ",
            status_chip(say, result.status) if result else "",
            " ",
            tag("span", say("csf"), class_="kam-chip kam-chip--csf") if o.csf else "",
        ]
        meta = [
            f"{say('perspective')}: {say.value(o.perspective)} · {say('owner')}: ",
            site.member(here, o.owner),
        ]
        if o.supports:
            meta += [" · → ", join((link(f"#{t}", titles.get(t, t)) for t in o.supports), ", ")]
        parts.append(
            tag(
                "div",
                join([join(head), tag("div", join(meta), class_="kam-muted")]),
                id=o.id,
                class_="kam-objective",
            )
        )
        parts.append(rich(o.description))
        if o.kpis:
            parts.append(kpi_table(say, o.kpis, kpis))
    return join(parts)


def _tasks(site: Site, here: str, s: Strategy) -> Safe:
    say = site.say
    rows: list[list[Cell]] = []
    for o in s.map:
        for t in o.tasks:
            late = site.overdue(t.due, t.status)
            rows.append(
                [
                    t.what,
                    link(f"#{o.id}", o.title),
                    site.member(here, t.owner),
                    join(
                        [
                            site.date(t.due),
                            " ",
                            tag("span", say("overdue"), class_="kam-chip kam-chip--flag"),
                        ]
                    )
                    if late
                    else site.date(t.due),
                    status_chip(say, t.status),
                ]
            )
    if not rows:
        return _nothing(site)
    headers = [say("what"), say("objective"), say("owner"), say("due"), say("status")]
    return table(headers, rows, sortable=True)


def strategy_page(site: Site, s: Strategy) -> str:
    here = strategy_url(s.id)
    say = site.say
    facts = [
        tag("div", join([tag("dt", label), tag("dd", value)]))
        for label, value in (
            (say("scope"), esc(say.value(s.scope))),
            (say("account"), site.account(here, s.account) if s.account else esc(None)),
            (say("owner"), site.member(here, s.owner)),
            (say("horizon"), esc(f"{s.horizon.from_}–{s.horizon.to}")),
        )
    ]
    svg = site.drawings.strategy_maps.get(s.id, "")
    graph = (
        tag("div", Safe(svg), class_="kam-graph kam-graph--map", data_search_exclude="true")
        if svg
        else _nothing(site)
    )
    sections = (
        ("gaps", "gaps", _gaps(site, s)),
        ("insight", "insight", _insight(site, s)),
        ("intent", "intent", _intent(site, s)),
        ("design", "design", _design(site, s)),
        ("strategy_map", "map", graph),
        ("objectives", "objectives", _objectives(site, here, s)),
        ("tasks", "tasks", _tasks(site, here, s)),
    )
    parts = [
        page_title(s.title),
        block(
            tag(
                "div",
                join([tag("dl", join(facts), class_="kam-facts"), rich(s.summary)]),
                class_="kam-header",
            )
        ),
    ]
    for label, anchor, body in sections:
        parts.append(heading(2, say(label), f"kam-{anchor}"))
        parts.append(block(body))
    return "\n".join(parts)
