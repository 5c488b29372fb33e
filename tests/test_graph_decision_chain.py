"""The decision chain picture (DESIGN.md §5) as drawn by the real `dot`."""

from __future__ import annotations

import itertools
import random
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from test_graph_support import NS, TEAM, account, nodes, person, render

from kamsite.graph import Renderer, decision_chain
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
    placeholders = sorted(
        (n for n in nodes(root) if "placeholder" in n.classes), key=lambda n: n.texts
    )
    assert [n.texts for n in placeholders] == [
        ("Coach", "— not identified"),
        ("User buyer", "— not identified"),
    ]
    assert [n.tooltip for n in placeholders] == [
        "Coach — not identified",
        "User buyer — not identified",
    ]
    complete = [*PEOPLE, person("u", roles=["user_buyer", "coach"])]
    root = render(decision_chain(account(complete)), tmp_path)
    assert not [n for n in nodes(root) if "placeholder" in n.classes]
    root = render(decision_chain(account([]), language="zh"), tmp_path)
    texts = sorted(n.texts for n in nodes(root) if "placeholder" in n.classes)
    assert ("经济买家", "— 未识别") in texts and len(texts) == 5


def test_hierarchy_top_down_clusters_by_unit_and_influence(tmp_path: Path) -> None:
    pm = person("pm", unit="Technology", reports_to="cto", influences=[{"to": "cfo"}])
    root = render(decision_chain(account([*PEOPLE, pm])), tmp_path)
    found = {n.href: n for n in nodes(root) if "stakeholder" in n.classes}
    assert found["#ceo"].box.bottom < found["#cfo"].box.top  # boss above report
    assert found["#ceo"].box.bottom < found["#cto"].box.top
    assert found["#cto"].box.bottom < found["#pm"].box.top
    clusters = [g for g in root.iter(f"{NS}g") if g.attrib.get("class") == "cluster"]
    labels = sorted(t.text or "" for g in clusters for t in g.iter(f"{NS}text"))
    assert labels == ["Executive", "Finance", "Technology"]
    edges = []
    for group in root.iter(f"{NS}g"):
        if group.attrib.get("class") == "edge":
            path = group.find(f"{NS}path")
            assert path is not None
            edges.append(
                (
                    "dashed" if "stroke-dasharray" in path.attrib else "solid",
                    float(path.attrib.get("stroke-width", "1")),
                    len(group.findall(f"{NS}polygon")),  # arrowheads
                )
            )
    # one edge per pair: a reporting line that also carries influence gets its arrow
    assert sorted(edges) == [
        ("dashed", 2.0, 1),  # pm → cfo, medium
        ("solid", 1.0, 1),  # cto reports to ceo and influences him, weakly
        ("solid", 1.2, 0),  # pm reports to cto
        ("solid", 3.5, 1),  # ceo → cfo, strong, along the reporting line
    ]


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


def test_linked_both_ways_across_units_draws(tmp_path: Path) -> None:
    """Graphviz 2.43 aborted on parallel edges between clusters (class2.c merge_chain)."""
    people = [
        person("a", unit="U0", roles=["decision_maker"], influences=[{"to": "b"}, {"to": "d"}]),
        person("b", unit="U1", reports_to="a", influences=[{"to": "a", "strength": "strong"}]),
        person("c", unit="U0", reports_to="b", influences=[{"to": "d"}]),
        person("d", unit="U1", influences=[{"to": "c", "strength": "weak"}, {"to": "a"}]),
    ]
    root = render(decision_chain(account(people)), tmp_path)
    assert {n.href for n in nodes(root) if n.href} == {"#a", "#b", "#c", "#d"}
    edges = [g for g in root.iter(f"{NS}g") if g.attrib.get("class") == "edge"]
    assert len(edges) == 4  # a–b, b–c, c–d, a–d: one edge per pair


@pytest.mark.slow
def test_random_decision_chains_all_draw(tmp_path: Path) -> None:
    rng = random.Random(20261101)
    accounts = []
    for n in range(60):
        size = rng.randint(1, 25)
        people = [
            person(
                f"p{i}",
                unit=f"U{rng.randrange(4)}" if rng.random() < 0.8 else None,
                reports_to=f"p{rng.randrange(i)}" if i and rng.random() < 0.8 else None,
                attitude=rng.choice([a.value for a in Attitude]),
                influences=[
                    {"to": f"p{rng.randrange(size)}", "strength": rng.choice(["weak", "strong"])}
                    for _ in range(rng.randint(0, 3))
                ],
            )
            for i in range(size)
        ]
        accounts.append(account(people, id=f"a{n}"))
    svgs = Renderer(tmp_path).svg_many([decision_chain(a) for a in accounts])
    for acc, svg in zip(accounts, svgs, strict=True):
        links = {n.href for n in nodes(ET.fromstring(svg)) if n.href}
        assert links == {f"#{s.id}" for s in acc.stakeholders}


def test_key_person_mode_and_leaning_are_marked(tmp_path: Path) -> None:
    rival = {"id": "apex", "name": "Apex Networks"}
    people = [
        person("ceo", "Chen Gang", roles=["decision_maker"], key_person=True, mode="trouble"),
        person("cfo", "Wu Lei", roles=["economic_buyer"], prefers="apex", mode="even_keel"),
    ]
    root = render(decision_chain(account(people, competitors=[rival])), tmp_path)
    found = {n.href: n for n in nodes(root) if "stakeholder" in n.classes}
    assert found["#ceo"].texts[0] == "★ Chen Gang"
    assert "Trouble mode" in found["#ceo"].texts
    assert found["#ceo"].tooltip is not None and "Key person" in found["#ceo"].tooltip
    assert found["#cfo"].texts[0] == "Wu Lei"  # not a key person: no star
    assert found["#cfo"].texts[2:5] == ("Even-keel mode", "leans to Apex", "Networks")
    texts = {t.text for t in root.iter(f"{NS}text")}
    assert "★ key person" in texts  # the legend explains the mark
    zh = render(decision_chain(account(people, competitors=[rival]), language="zh"), tmp_path)
    cfo = next(n for n in nodes(zh) if n.href == "#cfo")
    assert cfo.texts[2:4] == ("平稳模式", "倾向 Apex Networks")


def test_people_who_left_or_moved_are_faded_dashed_and_dated(tmp_path: Path) -> None:
    people = [
        person("ceo", roles=["decision_maker"], attitude="champion"),
        person("coach", roles=["coach"], status="left", since="2026-08-31", attitude="champion"),
        person("cto", roles=["technical_buyer"], status="moved", since="2026-07-01"),
    ]
    diagram = decision_chain(account(people), relationship={"ceo": 60.0})
    root = render(diagram, tmp_path)
    found = {n.href: n for n in nodes(root) if "stakeholder" in n.classes}
    assert "gone" in found["#coach"].classes and "gone" not in found["#ceo"].classes
    assert "Left 2026-08-31" in found["#coach"].texts  # the date instead of R
    assert "Moved 2026-07-01" in found["#cto"].texts
    assert not any(t.startswith("R ") for t in found["#coach"].texts)
    for group in root.iter(f"{NS}g"):
        if "gone" in group.attrib.get("class", ""):
            shape = group.find(f".//{NS}path")
            assert shape is not None and "stroke-dasharray" in shape.attrib  # dashed border
            assert shape.attrib["fill"] == "#f5f5f5"  # faded, whatever the attitude
    # The only coach left, the only technical buyer moved: both roles are gaps again.
    placeholders = {n.texts[0] for n in nodes(root) if "placeholder" in n.classes}
    assert {"Coach", "Technical buyer"} <= placeholders


def test_new_labels_stay_at_least_9_points(tmp_path: Path) -> None:
    people = [
        person("a", key_person=True, mode="growth", prefers="r", status="left", since="2026-01-01"),
    ]
    diagram = decision_chain(account(people, competitors=[{"id": "r", "name": "R"}]))
    sizes = [float(s) for s in re.findall(r'POINT-SIZE="(\d+(?:\.\d+)?)"', diagram.dot)]
    assert sizes and min(sizes) >= 9
