"""The decision chain of one account (DESIGN.md §5) as DOT.

Org hierarchy boss before report, one box per `unit`, informal influence dashed
and thicker when stronger (laid out so it never bends the hierarchy, see `_links`),
fill by attitude, border by influence, ★ before a key person's name, a line for the
response mode and the competitor someone leans to. People who left or moved stay in
their place, faded and dashed with the date of the change. Each node links to the
stakeholder's anchor on the account page. Buying-center roles no active person holds
appear as dashed placeholders so the gap is seen, not inferred.

Read at its natural size (docs/graphs.md): the smallest label text is 9 pt, 12 CSS
px, and nodes are kept narrow (titles wrapped at `LINE_WIDTH`) so a chain of ~25
people stays near the width of a page. A hierarchy that would be wider top-down
than `WIDE` is drawn left to right instead (boss on the left): a tall picture
scrolls with the page, a wide one only in its own box.
"""

from __future__ import annotations

from collections.abc import Mapping
from urllib.parse import quote

from kamsite.graph import analysis, labels
from kamsite.graph.dot import FONT, INK, Cell, DotGraph, Span, Tip, Value, stack, table
from kamsite.graph.render import Diagram
from kamsite.graph.text import clean, clip, pack, width, wrap
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
# Someone who left or moved: a pale box with dark text (7:1), dashed, in both palettes.
GONE_COLORS = ("#f5f5f5", "#424242")
KEY_MARK = "★ "
STRENGTH_WIDTH = {Strength.weak: 1.0, Strength.medium: 2.0, Strength.strong: 3.5}
NAME_SIZE = 11  # points; ×4/3 on screen at natural size: 14.7 px
TEXT_SIZE = 9  # the smallest text in the picture: 12 px
NAME_WIDTH = 20  # display units (a CJK character is two)
LINE_WIDTH = 20
MARGIN = "0.08,0.04"  # inches around a node's label
NODESEP, RANKSEP = 0.18, 0.4  # inches
SIDEWAYS_RANKSEP = 0.3  # inches: levels side by side need less room than stacked
CLUSTER_MARGIN = 8  # points: Graphviz's default space inside a unit's box
WIDE = 825.0  # points (1,100 px): a top-down chain estimated wider is drawn left to right
_UNIT_PT = 0.56  # estimated width of one display unit, in ems (CJK 0.5, Latin text ~0.55)


def _person_name(name: str, local_name: str | None, lang: Language) -> str:
    return clean(local_name if lang is Language.zh and local_name else name)


def _owner_names(team: Team | None, lang: Language) -> dict[str, str]:
    if team is None:
        return {}
    return {m.id: _person_name(m.name, m.local_name, lang) for m in team.members}


def _score(person: Stakeholder, value: float | None, lang: Language) -> str:
    """R, or for someone gone the change and its date, since they are scored nowhere."""
    if not person.active:
        date = person.since.isoformat() if person.since else ""
        return labels.word(person.status.value, lang, date=date).strip()
    if value is None:
        return labels.word("unassessed", lang)
    return labels.word("relationship", lang, score=labels.number(value))


def _leaning(person: Stakeholder, rivals: Mapping[str, str], lang: Language) -> list[str]:
    """The response mode and the competitor the person leans to, where the plan says."""
    found = [labels.value(person.mode, lang)] if person.mode else []
    if person.prefers:
        name = clean(rivals.get(person.prefers, person.prefers))
        found.append(labels.word("prefers", lang, name=name))
    return found


def _owner(person: Stakeholder, owners: Mapping[str, str], lang: Language) -> str:
    if person.owner is None:
        return labels.word("no_owner", lang)
    return labels.word("owner", lang, name=owners.get(person.owner, person.owner))


def _rows(
    person: Stakeholder,
    owners: Mapping[str, str],
    rivals: Mapping[str, str],
    score: str,
    lang: Language,
) -> list[list[Span]]:
    """The label, line by line: (★) name, title, roles, mode and leaning, R, our owner."""
    name = _person_name(person.name, person.local_name, lang)
    title = clean(person.title or "")
    roles = [labels.value(role, lang) for role in person.roles]
    owner = _owner(person, owners, lang)
    mark = KEY_MARK if person.key_person else ""
    rows = [[Span(mark + clip(name, NAME_WIDTH), bold=True, size=NAME_SIZE)]]
    rows += [[Span(line, size=TEXT_SIZE)] for line in wrap(title, LINE_WIDTH, 3) if line]
    rows += [[Span(line, size=TEXT_SIZE)] for line in pack(roles, LINE_WIDTH, 2)]
    for item in _leaning(person, rivals, lang):
        rows += [[Span(line, size=TEXT_SIZE)] for line in wrap(item, LINE_WIDTH, 2)]
    rows.append([Span(score, size=TEXT_SIZE)])
    rows += [[Span(line, size=TEXT_SIZE)] for line in wrap(owner, LINE_WIDTH, 2)]
    return rows


def _stakeholder(
    person: Stakeholder,
    rows: list[list[Span]],
    owners: Mapping[str, str],
    rivals: Mapping[str, str],
    score: str,
    lang: Language,
) -> dict[str, Value]:
    fill, ink = ATTITUDE_COLORS[person.attitude] if person.active else GONE_COLORS
    name = _person_name(person.name, person.local_name, lang)
    title = clean(person.title or "")
    roles = " · ".join(labels.value(role, lang) for role in person.roles)
    owner = _owner(person, owners, lang)
    key = labels.word("key_person", lang) if person.key_person else ""
    tip = [clip(name, 200), key, clip(title, 200), clean(person.unit or ""), roles]
    tip += [labels.value(person.attitude, lang), *_leaning(person, rivals, lang)]
    tip += [score, clip(owner, 200)]
    gone = "" if person.active else " gone"
    attrs: dict[str, Value] = {
        "label": stack(rows),
        "tooltip": Tip(tuple(clip(line, 200) for line in tip if line)),
        "URL": "#" + quote(person.id, safe=""),
        "fillcolor": fill,
        "fontcolor": ink,
        "penwidth": 0.4 + 0.6 * person.influence if person.active else 1.0,
        "class": f"stakeholder{gone} attitude-{person.attitude.value}",
    }
    if not person.active:
        attrs["style"] = "rounded,filled,dashed"
    return attrs


def _width(rows: list[list[Span]]) -> float:
    """Estimated width of a node in points: its widest line and the margins."""
    text = max(
        sum(width(span.text) * _UNIT_PT * (span.size or TEXT_SIZE) for span in row) for row in rows
    )
    return text + 16


def _widths(
    sizes: Mapping[str, float], depth: Mapping[str, int], unit: Mapping[str, str]
) -> tuple[float, float]:
    """Estimated widths in points of the chain drawn top-down and drawn sideways.

    Top-down, a unit's box spans the levels of its people and is as wide as its widest
    level; boxes spanning the same level stand side by side, so the widest such row of
    boxes sets the width. Sideways, the widest node of each level does.
    """
    boxes: dict[str, dict[int, list[float]]] = {}
    for key in sorted(sizes):
        box = unit.get(key) or key  # someone without a unit is a box of their own
        boxes.setdefault(box, {}).setdefault(depth.get(key, 0), []).append(sizes[key])
    gap = NODESEP * 72
    spans = []
    for box, rows in boxes.items():
        inner = max(sum(row) + gap * (len(row) - 1) for row in rows.values())
        margin = 2 * CLUSTER_MARGIN if box in unit.values() else 0.0
        spans.append((min(rows), max(rows), inner + margin))
    top_down = max(
        sum(w for lo, hi, w in spans if lo <= level <= hi)
        + gap * (sum(1 for lo, hi, _ in spans if lo <= level <= hi) - 1)
        for level in {lo for lo, _, _ in spans}
    )
    levels: dict[int, float] = {}
    for key, wide in sizes.items():
        levels[depth.get(key, 0)] = max(levels.get(depth.get(key, 0), 0.0), wide)
    units = {u for u in unit.values() if u}
    sideways = sum(levels.values()) + SIDEWAYS_RANKSEP * 72 * (len(levels) - 1)
    sideways += 2 * CLUSTER_MARGIN * min(len(units), len(levels))
    return top_down, sideways


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


def _legend(lang: Language, sideways: bool) -> dict[str, Value]:
    """Three samples a row and one note a row: no wider than a few nodes."""
    samples = [
        Cell((Span(labels.value(att, lang), size=TEXT_SIZE, color=ink),), fill=fill, border=True)
        for att, (fill, ink) in ATTITUDE_COLORS.items()
    ]

    def note(key: str) -> tuple[Cell]:
        return (Cell((Span(labels.word(key, lang), size=TEXT_SIZE),), colspan=3),)

    title = Cell((Span(labels.word("legend", lang), bold=True, size=TEXT_SIZE),), colspan=3)
    return {
        "label": table(
            [
                (title,),
                tuple(samples[:3]),
                tuple(samples[3:]),
                note("reports_to_sideways" if sideways else "reports_to"),
                note("influences"),
                note("border_influence"),
                note("key_person_legend"),
                note("gone_legend"),
                note("placeholder"),
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
    rivals = {c.id: c.name for c in account.competitors}
    score = {p.id: _score(p, scores.get(p.id), lang) for p in account.stakeholders}
    rows = {p.id: _rows(p, owners, rivals, score[p.id], lang) for p in account.stakeholders}
    # A role held only by someone who left is a gap again.
    active = account.model_copy(update={"stakeholders": account.active_stakeholders})
    missing = analysis.missing_roles(active)
    placeholders = {
        role.value: [
            [Span(labels.value(role, lang), size=TEXT_SIZE)],
            [Span(labels.word("unidentified", lang), size=TEXT_SIZE)],
        ]
        for role in missing
    }
    depth = {f"s:{key}": level for key, level in analysis.levels(account).items()}
    sizes = {f"s:{key}": _width(value) for key, value in rows.items()}
    sizes |= {f"z:{key}": _width(value) for key, value in placeholders.items()}
    units = {f"s:{p.id}": clean(p.unit or "") for p in account.stakeholders}
    top_down, across = _widths(sizes, depth, units) if sizes else (0.0, 0.0)
    sideways = top_down > WIDE and across < top_down
    graph = DotGraph(
        graph={
            "rankdir": "LR" if sideways else "TB",
            "bgcolor": "transparent",
            "fontname": FONT,
            "fontcolor": INK,
            "nodesep": NODESEP,
            "ranksep": SIDEWAYS_RANKSEP if sideways else RANKSEP,
            **_legend(lang, sideways),
        },
        node_defaults={
            "shape": "box",
            "style": "rounded,filled",
            "fontname": FONT,
            "color": INK,
            "margin": MARGIN,
        },
        edge_defaults={"color": INK, "fontname": FONT},
    )
    for unit in sorted({clean(p.unit or "") for p in account.stakeholders} - {""}):
        graph.cluster(
            unit,
            {
                "label": stack([[Span(clip(unit, 40), bold=True, size=TEXT_SIZE + 1)]], 0),
                "labeljust": "l",
                "labelloc": "t",
                "style": "rounded,dashed",
                "color": INK,
            },
        )
    for person in account.stakeholders:
        attrs = _stakeholder(person, rows[person.id], owners, rivals, score[person.id], lang)
        graph.node(f"s:{person.id}", attrs, cluster=clean(person.unit or "") or None)
    for role in missing:
        text = labels.word("not_identified", lang, role=labels.value(role, lang))
        graph.node(
            f"z:{role.value}",
            {
                "label": stack(placeholders[role.value]),
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
