"""The portfolio matrix: positions, threshold lines, bubbles ∝ revenue, links and tooltips."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from test_graph_support import NS

from kamsite.graph import MatrixPoint, portfolio_matrix_svg
from kamsite.graph.matrix import LEFT, SIDE, TIER_COLORS, TOP

POINTS = [
    MatrixPoint("big", "Big Co", "strategic", 80.0, 60.0, 400.0, "../accounts/big/"),
    MatrixPoint("small", "Small 小公司", "key", 20.0, 90.0, 100.0, "../accounts/small/"),
    MatrixPoint("none", "No Revenue", None, 50.0, 50.0, None, "../accounts/none/"),
]


def _bubbles(svg: str) -> dict[str, tuple[ET.Element, ET.Element, str]]:
    root = ET.fromstring(svg)
    found = {}
    for link in root.iter(f"{NS}a"):
        circle = link.find(f"{NS}circle")
        title = link.find(f"{NS}title")
        assert circle is not None and title is not None and title.text
        found[link.attrib["href"]] = (link, circle, title.text)
    return found


def test_each_account_is_a_linked_bubble_with_a_tooltip() -> None:
    found = _bubbles(portfolio_matrix_svg(POINTS, unit="M CNY"))
    assert set(found) == {p.href for p in POINTS}
    _, circle, tip = found["../accounts/big/"]
    assert tip.splitlines() == [
        "Big Co",
        "Tier: Strategic",
        "A 80.0 · S 60.0",
        "Revenue 400.0 M CNY",
    ]
    assert circle.attrib["fill"] == TIER_COLORS["strategic"]


def test_positions_and_bubble_area_proportional_to_revenue() -> None:
    found = _bubbles(portfolio_matrix_svg(POINTS))
    _, big, _ = found["../accounts/big/"]
    _, small, _ = found["../accounts/small/"]
    assert float(big.attrib["cx"]) == pytest.approx(LEFT + SIDE * 0.6)
    assert float(big.attrib["cy"]) == pytest.approx(TOP + SIDE * 0.2)
    ratio = (float(big.attrib["r"]) / float(small.attrib["r"])) ** 2
    assert ratio == pytest.approx(4.0)
    _, hollow, _ = found["../accounts/none/"]
    assert hollow.attrib["fill"] == "none"


def test_threshold_lines_and_quadrant_labels() -> None:
    svg = portfolio_matrix_svg(
        POINTS, attractiveness_threshold=60, strength_threshold=40, language="zh"
    )
    root = ET.fromstring(svg)
    lines = [el for el in root.iter(f"{NS}line") if el.attrib.get("stroke-dasharray")]
    xs = [float(el.attrib["x1"]) for el in lines if el.attrib["x1"] == el.attrib["x2"]]
    ys = [float(el.attrib["y1"]) for el in lines if el.attrib["y1"] == el.attrib["y2"]]
    assert xs == [pytest.approx(LEFT + SIDE * 0.4)]
    assert ys == [pytest.approx(TOP + SIDE * 0.4)]
    texts = {el.text for el in root.iter(f"{NS}text")}
    assert {"核心型", "发展型", "维持型", "机会型"} <= texts


def test_hostile_names_and_links() -> None:
    evil = MatrixPoint("x", '<script>alert(1)</script> & "', "key", 1, 1, 1, "a b/<x>")
    svg = portfolio_matrix_svg([evil])
    root = ET.fromstring(svg)
    assert not [el for el in root.iter() if el.tag.endswith("script")]
    (link,) = root.iter(f"{NS}a")
    assert link.attrib["href"] == "a%20b/%3Cx%3E"
    title = link.find(f"{NS}title")
    assert title is not None and title.text is not None
    assert title.text.startswith('<script>alert(1)</script> & "')
    with pytest.raises(ValueError, match="only relative and http"):
        portfolio_matrix_svg([MatrixPoint("x", "x", None, 1, 1, 1, "javascript:alert(1)")])


def test_text_and_lines_follow_the_page_colour_and_output_is_stable() -> None:
    svg = portfolio_matrix_svg(POINTS)
    root = ET.fromstring(svg)
    assert root.attrib["fill"] == "currentColor"
    strokes = {el.attrib.get("stroke") for el in root.iter() if "stroke" in el.attrib}
    assert strokes == {"currentColor"}
    assert svg == portfolio_matrix_svg(list(reversed(POINTS)))
    assert " id=" not in svg  # nothing that could clash between pictures on one page
