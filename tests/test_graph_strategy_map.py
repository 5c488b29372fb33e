"""The strategy map (DESIGN.md §5): bands top-down, links, status colours, CSFs."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_graph_support import NS, nodes, objective, render, strategy

from kamsite.graph import strategy_map
from kamsite.graph.strategy_map import STATUS_FILL

MAP = [
    objective("learn", "learning", supports=["proc"]),
    objective("proc", "internal", supports=["cust"], csf=True),
    objective("cust", "customer", supports=["money"]),
    objective("money", "financial"),
    objective("down", "financial", supports=["learn2"]),  # a downward edge: a warning only
    objective("learn2", "learning"),
]


def _top(path: str) -> float:
    return min(
        float(pair.split(",")[1]) for pair in path.replace("M", " ").replace("C", " ").split()
    )


def test_bands_top_down_financial_customer_internal_learning(tmp_path: Path) -> None:
    root = render(strategy_map(strategy(MAP)), tmp_path)
    found = {n.href: n.box for n in nodes(root) if n.href}
    assert found["#money"].bottom < found["#cust"].top
    assert found["#cust"].bottom < found["#proc"].top
    assert found["#proc"].bottom < found["#learn"].top
    assert found["#down"].top == found["#money"].top  # same band, same rank
    assert found["#learn2"].top == found["#learn"].top
    bands = [g for g in root.iter(f"{NS}g") if "band" in g.attrib.get("class", "").split()]
    titles = [next(g.iter(f"{NS}text")).text for g in bands]
    tops = [_top(next(g.iter(f"{NS}path")).attrib["d"]) for g in bands]
    ordered = [title for _, title in sorted(zip(tops, titles, strict=True))]
    assert ordered == ["Financial", "Customer", "Internal processes", "Learning and growth"]


def test_every_objective_linked_coloured_by_status_csf_emphasised(tmp_path: Path) -> None:
    status = {"money": "on_track", "cust": "at_risk", "proc": "off_track"}
    root = render(strategy_map(strategy(MAP), status=status), tmp_path)
    found = {n.href: n for n in nodes(root) if n.href}
    assert set(found) == {f"#{o['id']}" for o in MAP}
    assert found["#money"].texts[0] == "Money"
    assert "csf" in found["#proc"].classes and "csf" not in found["#cust"].classes
    assert "CSF · Off track" in found["#proc"].texts
    fills = {}
    for group in root.iter(f"{NS}g"):
        classes = group.attrib.get("class", "").split()
        if "objective" in classes:
            shape = next(group.iter(f"{NS}path"))
            fills[classes[2].removeprefix("status-")] = (
                shape.attrib["fill"],
                float(shape.attrib.get("stroke-width", "1")),
            )
    assert fills["on_track"] == (STATUS_FILL["on_track"], 1.0)
    assert fills["off_track"] == (STATUS_FILL["off_track"], 3.5)
    assert fills["unknown"][0] == STATUS_FILL["unknown"]


def test_supports_edges_point_at_the_effect(tmp_path: Path) -> None:
    plan = strategy(
        [objective("cause", "learning", supports=["effect"]), objective("effect", "financial")]
    )
    root = render(strategy_map(plan), tmp_path)
    found = {n.href: n.box for n in nodes(root) if n.href}
    (edge,) = [g for g in root.iter(f"{NS}g") if g.attrib.get("class") == "edge"]
    head = next(edge.iter(f"{NS}polygon"))
    tip_y = min(float(p.split(",")[1]) for p in head.attrib["points"].split())
    assert abs(tip_y - found["#effect"].bottom) < 2


def test_unknown_status_is_a_wiring_bug() -> None:
    with pytest.raises(ValueError, match="unknown objective status"):
        strategy_map(strategy(MAP), status={"money": "green"})
