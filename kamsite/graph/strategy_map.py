"""The strategy map of one strategy (DESIGN.md §5) as DOT.

Four horizontal bands, financial on top, each a cluster whose objectives share
one rank; an invisible chain through the bands fixes their order even when no
edge crosses them. `supports` edges (cause → effect) that rise are laid
out top-down from the effect (`dir=back`, so the arrow still points at it); the
others (same band, or downward: a warning, not an error) get constraint=false so
they cannot reorder the bands. Fill by status, CSFs with a thick border and a badge; nodes link to
the objective's anchor on the strategy page.
"""

from __future__ import annotations

from collections.abc import Mapping
from urllib.parse import quote

from kamsite.graph import analysis, labels
from kamsite.graph.dot import FONT, INK, Cell, DotGraph, Span, Tip, Value, stack, table
from kamsite.graph.render import Diagram
from kamsite.graph.text import clean, wrap
from kamsite.model.portfolio import Language
from kamsite.model.strategy import MapObjective, Perspective, Strategy

STATUS_FILL = {
    "on_track": "#81c784",
    "at_risk": "#ffb74d",
    "off_track": "#e57373",
    "unknown": "#e0e0e0",
}
BANDS = (Perspective.financial, Perspective.customer, Perspective.internal, Perspective.learning)
TITLE_SIZE = 10  # points; ×4/3 on screen at natural size: 13.3 px
TEXT_SIZE = 9  # the smallest text in the picture: 12 px
TITLE_WIDTH = 22  # display units (a CJK character is two)


def _objective(objective: MapObjective, status: str, lang: Language) -> dict[str, Value]:
    title = clean(objective.title)
    badge = labels.status(status, lang) if status != "unknown" else ""
    if objective.csf:
        badge = " · ".join(part for part in (labels.word("csf", lang), badge) if part)
    rows = [
        [Span(line, bold=objective.csf, size=TITLE_SIZE)] for line in wrap(title, TITLE_WIDTH, 4)
    ]
    if badge:
        rows.append([Span(badge, size=TEXT_SIZE)])
    tip = (title, labels.value(objective.perspective, lang), labels.status(status, lang))
    return {
        "label": stack(rows),
        "tooltip": Tip(tip + ((labels.word("csf", lang),) if objective.csf else ())),
        "URL": "#" + quote(objective.id, safe=""),
        "fillcolor": STATUS_FILL[status],
        "penwidth": 3.5 if objective.csf else 1.0,
        "class": f"objective status-{status}" + (" csf" if objective.csf else ""),
    }


def _legend(lang: Language) -> dict[str, Value]:
    samples = tuple(
        Cell(
            (Span(labels.status(status, lang), size=TEXT_SIZE, color="#000000"),),
            fill=fill,
            border=True,
        )
        for status, fill in STATUS_FILL.items()
    )
    notes = tuple(
        Cell((Span(labels.word(key, lang), size=TEXT_SIZE),), colspan=2)
        for key in ("csf_legend", "supports")
    )
    title = Cell((Span(labels.word("legend", lang), bold=True, size=TEXT_SIZE),), colspan=4)
    return {"label": table([(title,), samples, notes]), "labelloc": "b"}


def strategy_map(
    strategy: Strategy,
    *,
    status: Mapping[str, str] | None = None,
    language: str = "en",
) -> Diagram:
    """The strategy map; `status` maps objective id → on_track | at_risk | off_track | unknown."""
    lang = labels.language(language)
    statuses = status or {}
    for value in statuses.values():
        if value not in STATUS_FILL:
            raise ValueError(f"unknown objective status {value!r}")
    graph = DotGraph(
        graph={
            "rankdir": "TB",
            "bgcolor": "transparent",
            "fontname": FONT,
            "fontcolor": INK,
            "nodesep": 0.18,
            "ranksep": 0.4,
            **_legend(lang),
        },
        node_defaults={
            "shape": "box",
            "style": "rounded,filled",
            "fontname": FONT,
            "fontcolor": "#000000",
            "color": INK,
            "margin": "0.08,0.04",
        },
        edge_defaults={"color": INK, "fontname": FONT},
    )
    for index, band in enumerate(BANDS):
        cluster = f"{index}:{band.value}"
        graph.cluster(
            cluster,
            {
                "label": stack([[Span(labels.value(band, lang), bold=True, size=10)]], 0),
                "labeljust": "l",
                "labelloc": "t",
                "style": "rounded",
                "color": INK,
                "class": f"band band-{band.value}",
            },
            same_rank=True,
        )
        graph.node(
            f"b:{index}",
            {"shape": "point", "style": "invis", "width": 0.01, "label": ""},
            cluster=cluster,
        )
        if index:
            graph.edge(f"b:{index - 1}", f"b:{index}", {"style": "invis"})
    ranks = {o.id: BANDS.index(o.perspective) for o in strategy.map}
    for objective in strategy.map:
        attrs = _objective(objective, statuses.get(objective.id, "unknown"), lang)
        cluster = f"{ranks[objective.id]}:{objective.perspective.value}"
        graph.node(f"o:{objective.id}", attrs, cluster=cluster)
    for cause, effect in analysis.strategy_graph(strategy).edges:
        if ranks[effect] < ranks[cause]:  # upward, as it should be: lay out top-down
            graph.edge(f"o:{effect}", f"o:{cause}", {"dir": "back", "penwidth": 1.3})
        else:
            graph.edge(f"o:{cause}", f"o:{effect}", {"constraint": "false", "penwidth": 1.3})
    return Diagram(
        dot=graph.source(),
        prefix=f"sm-{strategy.id}",
        label=labels.word("strategy_map", lang, name=clean(strategy.title)),
    )
