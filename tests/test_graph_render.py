"""Rendering: deterministic bytes, the disk cache, parallel failures, inline-safe SVG."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from test_graph_support import NS, TEAM, account, counting_dot, person

from kamsite.graph import (
    Diagram,
    GraphvizMissing,
    Renderer,
    RenderError,
    decision_chain,
)
from kamsite.graph.dot import INK

PEOPLE = [
    person("boss", "Boss", unit="HQ", roles=["decision_maker"], influence=5),
    person("aide", "Aide", unit="HQ", reports_to="boss", influences=[{"to": "boss"}]),
    person("tech", "Tech", unit="IT", reports_to="boss", attitude="champion"),
]


def _svg_calls(log: Path) -> list[str]:
    return [line for line in log.read_text().splitlines() if line == "-Tsvg"]


def test_same_input_same_bytes_across_runs_and_cache_dirs(tmp_path: Path) -> None:
    diagram = decision_chain(account(PEOPLE), team=TEAM)
    first = Renderer(tmp_path / "one").svg(diagram)
    again = Renderer(tmp_path / "one").svg(diagram)  # from the cache
    other = Renderer(tmp_path / "elsewhere" / "two").svg(diagram)  # rendered afresh
    assert first == again == other
    assert str(tmp_path) not in first


def test_yaml_order_does_not_change_the_dot() -> None:
    forward = decision_chain(account(PEOPLE)).dot
    backward = decision_chain(account(list(reversed(PEOPLE)))).dot
    assert forward == backward
    ids = re.findall(r"^\s+(n\d+) \[", forward, re.MULTILINE)
    assert sorted(ids) == sorted(f"n{i}" for i in range(len(ids)))


def test_a_cache_hit_runs_no_process(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    log = counting_dot(tmp_path / "bin")
    monkeypatch.setenv("PATH", str(tmp_path / "bin"))
    diagram = decision_chain(account(PEOPLE))
    cold = Renderer(tmp_path / "cache").svg(diagram)
    assert _svg_calls(log) == ["-Tsvg"]
    log.write_text("")
    warm = Renderer(tmp_path / "cache").svg(diagram)
    assert warm == cold
    assert log.read_text() == ""  # neither `dot -Tsvg` nor `dot -V`


def test_changing_one_stakeholder_rerenders_only_that_account(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    log = counting_dot(tmp_path / "bin")
    monkeypatch.setenv("PATH", str(tmp_path / "bin"))
    accounts = [account([*PEOPLE, person(f"p{i}")], id=f"acc{i}") for i in range(4)]
    renderer = Renderer(tmp_path / "cache")
    before = renderer.svg_many([decision_chain(a) for a in accounts])
    assert len(_svg_calls(log)) == 4
    log.write_text("")
    changed = [
        *PEOPLE[:2],
        person("tech", "Tech", unit="IT", reports_to="boss", attitude="opponent"),
    ]
    accounts[2] = account([*changed, person("p2")], id="acc2")
    after = renderer.svg_many([decision_chain(a) for a in accounts])
    assert _svg_calls(log) == ["-Tsvg"]
    assert [b == a for b, a in zip(before, after, strict=True)] == [True, True, False, True]


def test_missing_dot_says_what_to_install(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(GraphvizMissing, match="install the Debian package graphviz"):
        Renderer(tmp_path).svg(decision_chain(account(PEOPLE)))


def test_a_failing_worker_is_raised(tmp_path: Path) -> None:
    good = decision_chain(account(PEOPLE))
    bad = Diagram("digraph { this is not dot", "bad", "bad")
    with pytest.raises(RenderError, match="dot exited with"):
        Renderer(tmp_path).svg_many([good, bad, good])
    assert Renderer(tmp_path).svg(good)  # the good one was still rendered and cached


def test_ids_are_prefixed_so_pictures_share_a_page(tmp_path: Path) -> None:
    renderer = Renderer(tmp_path)
    one = decision_chain(account(PEOPLE, id="one", name="One"))
    two = decision_chain(account(PEOPLE, id="two", name="Two"))
    page = "<div>" + "".join(renderer.svg_many([one, two])) + "</div>"
    root = ET.fromstring(page)
    ids = [el.attrib["id"] for el in root.iter() if "id" in el.attrib]
    assert len(ids) == len(set(ids)) > 10
    assert all(i.startswith(("dc-one-", "dc-two-")) for i in ids)
    assert "xlink" not in page and "<title>n0</title>" not in page
    # page anchors are not internal references and stay as written
    hrefs = sorted({a.attrib["href"] for a in root.iter(f"{NS}a") if "href" in a.attrib})
    assert hrefs == ["#aide", "#boss", "#tech"]


def test_internal_references_follow_the_prefix(tmp_path: Path) -> None:
    gradient = 'digraph { node1 [style=filled fillcolor="red:blue" URL="#node1" label="x"] }'
    svg = Renderer(tmp_path).svg(Diagram(gradient, "g", "gradient"))
    refs = re.findall(r"url\(#([^)]+)\)", svg)
    defined = re.findall(r' id="([^"]+)"', svg)
    assert refs and all(ref in defined and ref.startswith("g-") for ref in refs)
    assert 'href="#node1"' in svg  # a link to the page, though `node1` is also a Graphviz id


def test_text_and_lines_take_the_page_colour(tmp_path: Path) -> None:
    svg = Renderer(tmp_path).svg(decision_chain(account(PEOPLE)))
    assert INK not in svg
    root = ET.fromstring(svg)
    edge_strokes = {
        el.attrib.get("stroke")
        for g in root.iter(f"{NS}g")
        if g.attrib.get("class") == "edge"
        for el in g
        if el.tag in (f"{NS}path", f"{NS}polygon")
    }
    assert edge_strokes == {"currentColor"}
    champion = next(
        g for g in root.iter(f"{NS}g") if "attitude-champion" in g.attrib.get("class", "")
    )
    assert {t.attrib["fill"] for t in champion.iter(f"{NS}text")} == {"#ffffff"}  # contrast
    assert root.attrib["class"] == "kamsite-graph" and "\n\n" not in svg


def test_bad_prefix_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="id prefix"):
        Renderer(tmp_path).svg(Diagram("digraph { a }", '1" onload="x', "x"))
