"""The decision chain of one account (DESIGN.md §5) as DOT.

Org hierarchy top-down (boss above report), one box per `unit`, informal
influence dashed and thicker when stronger (laid out so it never bends the
hierarchy, see `_links`), fill by attitude, border by influence. Each node
links to the stakeholder's anchor on the account page. Buying-center roles
nobody holds appear as dashed placeholders so the gap is seen, not inferred.
"""

from __future__ import annotations

from collections.abc import Mapping
from urllib.parse import quote

from kamsite.graph import analysis, labels
from kamsite.graph.dot import FONT, INK, Cell, DotGraph, Span, Tip, Value, lines, table
from kamsite.graph.render import Diagram
from kamsite.graph.text import clean, clip, wrap
from kamsite.model.account import Account, Attitude, Stakeholder, Strength
from kamsite.model.portfolio import Language
from kamsite.model.team import Team

# attitude -> (fill, text colour chosen for contrast with that fill)
ATTITUDE_COLORS: dict[Attitude, tuple[str, str]] = {
    Attitude.champion: ("#1b5e20", "#ffffff"),
    Attitude.supporter: ("#66bb6a", "#000000"),
    Attitude.neutral: ("#bdbdbd", "#000000"),
    Attitude.skeptic: ("#fb8c00", "#000000"),
    Attitude.opponent: ("#c62828", "#ffffff"),
    Attitude.unknown: ("#ffffff", "#000000"),
}
STRENGTH_WIDTH = {Strength.weak: 1.0, Strength.medium: 2.0, Strength.strong: 3.5}
NAME_WIDTH = 28
LINE_WIDTH = 34


def _person_name(name: str, local_name: str | None, lang: Language) -> str:
    return clean(local_name if lang is Language.zh and local_name else name)


def _owner_names(team: Team | None, lang: Language) -> dict[str, str]:
    if team is None:
        return {}
    return {m.id: _person_name(m.name, m.local_name, lang) for m in team.members}


def _score(value: float | None, lang: Language) -> str:
    if value is None:
        return labels.word("unassessed", lang)
    return labels.word("relationship", lang, score=labels.number(value))


def _stakeholder(
    person: Stakeholder, owners: Mapping[str, str], score: str, lang: Language
) -> dict[str, Value]:
    fill, ink = ATTITUDE_COLORS[person.attitude]
    name = _person_name(person.name, person.local_name, lang)
    title = clean(person.title or "")
    roles = " · ".join(labels.word(role.value, lang) for role in person.roles)
    if person.owner is None:
        owner = labels.word("no_owner", lang)
    else:
        owner = labels.word("owner", lang, name=owners.get(person.owner, person.owner))
    rows = [[Span(clip(name, NAME_WIDTH), bold=True, size=13)]]
    rows += [[Span(line, size=11)] for line in wrap(title, LINE_WIDTH, 2) if line]
    if roles:
        rows.append([Span(clip(roles, LINE_WIDTH), size=10)])
    rows.append([Span(score, size=10)])
    rows.append([Span(clip(owner, LINE_WIDTH), size=10)])
    tip = [clip(name, 200), clip(title, 200), clean(person.unit or ""), roles]
    tip += [labels.word(person.attitude.value, lang), score, clip(owner, 200)]
    return {
        "label": lines(rows),
        "tooltip": Tip(tuple(line for line in tip if line)),
        "URL": "#" + quote(person.id, safe=""),
        "fillcolor": fill,
        "fontcolor": ink,
        "penwidth": 0.4 + 0.6 * person.influence,
        "class": f"stakeholder attitude-{person.attitude.value}",
    }


def _links(account: Account) -> list[tuple[str, str, dict[str, Value]]]:
    """One DOT edge per pair of people, laid out along the hierarchy, never against it.

    Graphviz 2.43 aborts (class2.c merge_chain) on parallel edges between
    clusters, so a reporting line and an influence between the same two people,
    or influence both ways, share one edge: solid when it is a reporting line,
    dashed otherwise, an arrowhead at whoever is influenced, width by the
    strongest influence. The edge runs from the boss, else from the higher of the
    two; a pure influence has weight=0 (and minlen=0 within one level) so it
    moves nobody up or down.
    """
    graph = analysis.influence_graph(account)
    depth = analysis.levels(account)
    edges = []
    for pair in sorted({tuple(sorted(edge)) for edge in graph.edges}):
        first, second = pair
        boss_second = graph.has_edge(second, first) and graph.edges[second, first]["reports"]
        boss_first = graph.has_edge(first, second) and graph.edges[first, second]["reports"]
        if boss_second or (not boss_first and depth[second] < depth[first]):
            first, second = second, first
        down = graph.edges[first, second] if graph.has_edge(first, second) else {}
        up = graph.edges[second, first] if graph.has_edge(second, first) else {}
        strengths = [d["strength"] for d in (down, up) if d.get("strength")]
        attrs: dict[str, Value] = {
            "dir": "both",
            "arrowhead": "normal" if down.get("strength") else "none",
            "arrowtail": "normal" if up.get("strength") else "none",
            "arrowsize": 0.7,
            "penwidth": max((STRENGTH_WIDTH[Strength(w)] for w in strengths), default=1.2),
        }
        if not down.get("reports"):
            attrs |= {"style": "dashed", "weight": 0}
            if depth[first] == depth[second]:
                attrs["minlen"] = 0
        edges.append((f"s:{first}", f"s:{second}", attrs))
    return edges


def _legend(lang: Language) -> dict[str, Value]:
    samples = tuple(
        Cell((Span(labels.word(att.value, lang), size=10, color=ink),), fill=fill, border=True)
        for att, (fill, ink) in ATTITUDE_COLORS.items()
    )

    def note(key: str) -> Cell:
        return Cell((Span(labels.word(key, lang), size=10),), colspan=3)

    return {
        "label": table(
            [
                (Cell((Span(labels.word("legend", lang), bold=True, size=10),), colspan=6),),
                samples,
                (note("reports_to"), note("influences")),
                (note("border_influence"), note("placeholder")),
            ]
        ),
        "labelloc": "b",
    }


def decision_chain(
    account: Account,
    *,
    team: Team | None = None,
    relationship: Mapping[str, float | None] | None = None,
    language: str = "en",
) -> Diagram:
    """The decision chain of `account`; `relationship` maps stakeholder id → R (0..100)."""
    lang = labels.language(language)
    scores = relationship or {}
    owners = _owner_names(team, lang)
    graph = DotGraph(
        graph={
            "rankdir": "TB",
            "bgcolor": "transparent",
            "fontname": FONT,
            "fontcolor": INK,
            "nodesep": 0.35,
            "ranksep": 0.55,
            **_legend(lang),
        },
        node_defaults={
            "shape": "box",
            "style": "rounded,filled",
            "fontname": FONT,
            "color": INK,
            "margin": "0.15,0.07",
        },
        edge_defaults={"color": INK, "fontname": FONT},
    )
    for unit in sorted({clean(p.unit or "") for p in account.stakeholders} - {""}):
        graph.cluster(
            unit,
            {
                "label": lines([[Span(clip(unit, 48), bold=True, size=11)]]),
                "labeljust": "l",
                "labelloc": "t",
                "style": "rounded,dashed",
                "color": INK,
            },
        )
    for person in account.stakeholders:
        attrs = _stakeholder(person, owners, _score(scores.get(person.id), lang), lang)
        graph.node(f"s:{person.id}", attrs, cluster=clean(person.unit or "") or None)
    for role in analysis.missing_roles(account):
        text = labels.word("not_identified", lang, role=labels.word(role.value, lang))
        graph.node(
            f"z:{role.value}",
            {
                "label": lines([[Span(text, size=11)]]),
                "tooltip": Tip((text,)),
                "style": "rounded,dashed",
                "fontcolor": INK,
                "class": "placeholder",
            },
        )
    for tail, head, attrs in _links(account):
        graph.edge(tail, head, attrs)
    name = clean(account.local_name if lang is Language.zh and account.local_name else account.name)
    return Diagram(
        dot=graph.source(),
        prefix=f"dc-{account.id}",
        label=labels.word("decision_chain", lang, name=name),
    )
