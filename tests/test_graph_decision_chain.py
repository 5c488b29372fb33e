"""The decision chain picture (DESIGN.md §5) as drawn by the real `dot`."""

from __future__ import annotations

import itertools
from pathlib import Path

from test_graph_support import NS, TEAM, account, nodes, person, render

from kamsite.graph import decision_chain
from kamsite.graph.decision_chain import ATTITUDE_COLORS
from kamsite.model.account import Attitude

PEOPLE = [
    person(
        "ceo",
        "Chen Gang",
        title="CEO",
        unit="Executive",
        roles=["decision_maker"],
        influence=5,
        attitude="neutral",
        owner="wang-qiang",
        influences=[{"to": "cfo", "strength": "strong"}],
    ),
    person(
        "cfo",
        "Wu Lei",
        title="CFO",
        unit="Finance",
        roles=["economic_buyer"],
        influence=4,
        attitude="opponent",
        reports_to="ceo",
    ),
    person(
        "cto",
        "Liu Yang",
        title="CTO",
        unit="Technology",
        roles=["technical_buyer"],
        influence=4,
        attitude="champion",
        reports_to="ceo",
        owner="li-na",
        influences=[{"to": "ceo", "strength": "weak"}],
    ),
]


def test_one_linked_labelled_node_per_stakeholder(tmp_path: Path) -> None:
    acc = account(PEOPLE)
    root = render(decision_chain(acc, team=TEAM, relationship={"ceo": 43.333}), tmp_path)
    found = {n.href: n for n in nodes(root) if "stakeholder" in n.classes}
    assert set(found) == {"#ceo", "#cfo", "#cto"}
    ceo = found["#ceo"]
    assert ceo.texts[:2] == ("Chen Gang", "CEO")
    assert "Decision maker" in ceo.texts and "R 43.3" in ceo.texts
    assert "Owner: Wang Qiang" in ceo.texts
    assert "No owner on our side" in found["#cfo"].texts
    assert "R not assessed" in found["#cfo"].texts
    assert ceo.tooltip is not None and ceo.tooltip.startswith("Chen Gang\nCEO\nExecutive")


def test_fill_by_attitude_and_border_by_influence(tmp_path: Path) -> None:
    root = render(decision_chain(account(PEOPLE)), tmp_path)
    fills = {}
    widths = {}
    for group in root.iter(f"{NS}g"):
        if "stakeholder" not in group.attrib.get("class", ""):
            continue
        attitude = group.attrib["class"].split("attitude-")[1]
        shape = group.find(f".//{NS}path")
        assert shape is not None
        fills[attitude] = shape.attrib["fill"]
        widths[attitude] = float(shape.attrib.get("stroke-width", "1"))
    assert fills == {
        "neutral": ATTITUDE_COLORS[Attitude.neutral][0],
        "opponent": ATTITUDE_COLORS[Attitude.opponent][0],
        "champion": ATTITUDE_COLORS[Attitude.champion][0],
    }
    assert widths["neutral"] > widths["opponent"]  # influence 5 vs 4


def test_placeholders_for_roles_nobody_holds(tmp_path: Path) -> None:
    root = render(decision_chain(account(PEOPLE)), tmp_path)
    placeholders = sorted(n.texts[0] for n in nodes(root) if "placeholder" in n.classes)
    assert placeholders == ["Coach — not identified", "User buyer — not identified"]
    complete = [*PEOPLE, person("u", roles=["user_buyer", "coach"])]
    root = render(decision_chain(account(complete)), tmp_path)
    assert not [n for n in nodes(root) if "placeholder" in n.classes]
    root = render(decision_chain(account([]), language="zh"), tmp_path)
    texts = sorted(n.texts[0] for n in nodes(root) if "placeholder" in n.classes)
    assert "经济买家 — 未识别" in texts and len(texts) == 5


def test_hierarchy_top_down_clusters_by_unit_and_dashed_influence(tmp_path: Path) -> None:
    root = render(decision_chain(account(PEOPLE)), tmp_path)
    found = {n.href: n for n in nodes(root) if "stakeholder" in n.classes}
    assert found["#ceo"].box.bottom < found["#cfo"].box.top  # boss above report
    assert found["#ceo"].box.bottom < found["#cto"].box.top
    clusters = [g for g in root.iter(f"{NS}g") if g.attrib.get("class") == "cluster"]
    labels = sorted(t.text or "" for g in clusters for t in g.iter(f"{NS}text"))
    assert labels == ["Executive", "Finance", "Technology"]
    edges = [g for g in root.iter(f"{NS}g") if g.attrib.get("class") == "edge"]
    paths = [g.find(f"{NS}path") for g in edges]
    dashed = [p for p in paths if p is not None and "stroke-dasharray" in p.attrib]
    solid = [p for p in paths if p is not None and "stroke-dasharray" not in p.attrib]
    assert len(solid) == 2 and len(dashed) == 2
    assert sorted(float(p.attrib.get("stroke-width", "1")) for p in dashed) == [1.0, 3.5]


def test_legend_is_in_the_picture(tmp_path: Path) -> None:
    root = render(decision_chain(account(PEOPLE)), tmp_path)
    texts = {t.text for t in root.iter(f"{NS}text")}
    assert {"Legend", "Champion", "Supporter", "Neutral", "Skeptic", "Opponent"} <= texts


def test_chinese_labels_get_wider_boxes_and_never_overlap(tmp_path: Path) -> None:
    latin = "Abcdefgh"
    chinese = "王建国李建华张"
    people = [
        person("a", latin, title="x"),
        person("b", chinese + "伟", title="x"),
        *(
            person(
                f"p{i}",
                "北风电信集团有限公司" + str(i),
                title="总经理助理兼网络规划部主任",
                unit="网络部" if i % 2 else "财务部",
                reports_to="b" if i else None,
                roles=["influencer", "coach"],
            )
            for i in range(8)
        ),
    ]
    root = render(decision_chain(account(people), language="zh"), tmp_path)
    found = {n.href: n for n in nodes(root) if n.href}
    assert found["#b"].box.width > 1.3 * found["#a"].box.width
    boxes = [n.box for n in nodes(root)]
    for one, other in itertools.combinations(boxes, 2):
        assert not one.overlaps(other)


def test_owner_names_follow_the_language(tmp_path: Path) -> None:
    root = render(decision_chain(account(PEOPLE), team=TEAM, language="zh"), tmp_path)
    found = {n.href: n for n in nodes(root) if n.href}
    assert "负责人：王强" in found["#ceo"].texts
