"""Pictures sized to be read (issue 10): natural size, label sizes, compact layouts, matrix names.

The browser tests (test_browser_reading.py) check what a reader sees on a built site;
these check the SVG the page gets, without a browser, on the same two portfolios.
"""

from __future__ import annotations

import datetime as dt
import itertools
import math
import random
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from conftest import REPO
from test_graph_support import NS, account, nodes, person, render

from kamsite.graph import MatrixPoint, Renderer, decision_chain, portfolio_matrix_svg
from kamsite.graph.matrix import LEFT, LEGEND_X, SIDE, TOP
from kamsite.graph.placement import Rect, text_box, text_width
from kamsite.graph.text import pack, wrap
from kamsite.pipeline import account_diagram, strategy_diagram
from kamsite.score import score_portfolio
from kamsite.validate import validate_content

PORTFOLIOS = [REPO / "content", REPO / "tests" / "fixtures" / "realistic" / "content"]
MIN_LABEL_PX = 11.0
# Printed on A4 portrait the content column is ~762 px wide; labels of 12 px (9 pt) stay
# >= 8 px when a picture up to this wide is shrunk to it.
PRINTABLE_WIDTH = 1143


def _drawn(content_dir: Path, cache: Path) -> dict[str, str]:
    result = validate_content(content_dir)
    assert result.content is not None, result.diagnostics
    content = result.content
    scores = score_portfolio(content, dt.date(2026, 11, 1))
    diagrams = {
        f"accounts/{key}": account_diagram(content, scores, key) for key in content.accounts
    }
    diagrams |= {
        f"strategies/{key}": strategy_diagram(content, scores, key) for key in content.strategies
    }
    keys = sorted(diagrams)
    svgs = Renderer(cache).svg_many([diagrams[key] for key in keys])
    return dict(zip(keys, svgs, strict=True))


@pytest.fixture(scope="module")
def drawn(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    cache = tmp_path_factory.mktemp("graph-cache")
    found: dict[str, str] = {}
    for portfolio in PORTFOLIOS:
        found |= {f"{portfolio.parent.name}/{k}": v for k, v in _drawn(portfolio, cache).items()}
    return found


def _scale(root: ET.Element) -> float:
    """CSS px per SVG user unit at the picture's natural size."""
    view = [float(v) for v in root.attrib["viewBox"].split()]
    return min(float(root.attrib["width"]) / view[2], float(root.attrib["height"]) / view[3])


def test_natural_size_in_pixels_beside_the_viewbox(drawn: dict[str, str]) -> None:
    for name, svg in drawn.items():
        root = ET.fromstring(svg)
        width, height = root.attrib["width"], root.attrib["height"]
        assert width.isdigit() and height.isdigit(), name
        view = [float(v) for v in root.attrib["viewBox"].split()]
        assert int(width) == math.ceil(view[2] * 4 / 3 - 1e-9), name
        assert int(height) == math.ceil(view[3] * 4 / 3 - 1e-9), name


def test_every_label_is_at_least_11_px_at_natural_size(drawn: dict[str, str]) -> None:
    """Node labels, unit and band titles, legends: all of it readable without zooming."""
    small = {}
    for name, svg in drawn.items():
        root = ET.fromstring(svg)
        scale = _scale(root)
        sizes = [float(t.attrib["font-size"]) * scale for t in root.iter(f"{NS}text")]
        assert sizes, name
        if min(sizes) < MIN_LABEL_PX:
            small[name] = round(min(sizes), 1)
    assert not small


def test_pictures_stay_narrow_enough_to_print(drawn: dict[str, str]) -> None:
    """A 24-person chain included: wide hierarchies are drawn left to right."""
    wide = {n: int(ET.fromstring(s).attrib["width"]) for n, s in drawn.items()}
    assert not {n: w for n, w in wide.items() if w > PRINTABLE_WIDTH}
    chain = ET.fromstring(drawn["realistic/accounts/donghai-port"])
    people = [n for n in nodes(chain) if "stakeholder" in n.classes]
    assert len(people) >= 20


def test_a_wide_hierarchy_is_drawn_sideways_a_small_one_top_down(tmp_path: Path) -> None:
    wide = account(
        [person("boss", roles=["decision_maker"])]
        + [person(f"p{i}", title="Regional sales director", reports_to="boss") for i in range(12)]
    )
    root = render(decision_chain(wide), tmp_path)
    found = {n.href: n.box for n in nodes(root) if n.href}
    assert found["#boss"].right < min(box.left for key, box in found.items() if key != "#boss")
    assert any("boss on the left" in (t.text or "") for t in root.iter(f"{NS}text"))
    assert int(root.attrib["width"]) < 800
    small = account(
        [person("boss"), person("a", reports_to="boss"), person("b", reports_to="boss")]
    )
    root = render(decision_chain(small), tmp_path)
    found = {n.href: n.box for n in nodes(root) if n.href}
    assert found["#boss"].bottom < found["#a"].top and found["#boss"].bottom < found["#b"].top


def test_lines_of_a_label_do_not_touch(tmp_path: Path) -> None:
    """Graphviz puts <BR/> lines one em apart; CJK glyphs fill the em, so we space rows."""
    acc = account(
        [person("a", "王建国", title="副总经理（分管生产运营与信息化）", roles=["coach"])]
    )
    root = render(decision_chain(acc, language="zh"), tmp_path)
    (group,) = [g for g in root.iter(f"{NS}g") if "stakeholder" in g.attrib.get("class", "")]
    lines = [(float(t.attrib["y"]), float(t.attrib["font-size"])) for t in group.iter(f"{NS}text")]
    assert len(lines) >= 5
    for (above, _), (below, size) in itertools.pairwise(lines):
        assert below - above >= 1.25 * size


def test_chinese_wraps_evenly_and_never_before_closing_punctuation() -> None:
    assert wrap("集装箱码头一公司总经理", 20, 3) == ["集装箱码头", "一公司总经理"]
    for line in wrap("成为决策者信赖的顾问（尤其是财务和采购线），按年计价", 20, 4):
        assert line[0] not in "，。）、" and line[-1] != "（"
    assert wrap("Director, Industry Solutions (Private 5G)", 20, 3) == [
        "Director, Industry",
        "Solutions (Private",
        "5G)",
    ]
    assert wrap("N" * 100, 20, 2) == ["N" * 20, "N" * 19 + "…"]


def test_roles_break_between_roles_only() -> None:
    assert pack(["Influencer", "Technical buyer"], 20, 2) == ["Influencer", "Technical buyer"]
    assert pack(["Decision maker", "Influencer", "Coach"], 20, 2) == [
        "Decision maker",
        "Influencer · Coach",
    ]
    assert pack(["决策者", "影响者"], 20, 2) == ["决策者 · 影响者"]


NAMES = [
    "Northwind Telecom",
    "江淮电力集团",
    "Meridian Rail",
    "Harborview Commercial Bank",
    "东海港口集团有限公司",
    "Kestrel Motors",
    "Yangtze Steel",
    "Silverline Mining",
    "Eastport Logistics",
    "华北钢铁",
    "西江水务集团",
    "南方商业银行",
    "Acme Industrial Holdings",
    "Blue River Water",
    "Contoso Energy",
    "Fabrikam Foods",
    "Tailspin Toys",
    "Wide World Importers",
    "Litware Labs",
    "Adventure Works",
    "Woodgrove Bank",
    "Coho Winery",
    "Trey Research",
    "Fourth Coffee",
]


def _crowd(seed: int) -> list[MatrixPoint]:
    rng = random.Random(seed)
    return [
        MatrixPoint(
            f"a{i}",
            name,
            rng.choice(["strategic", "key", "important", "ordinary", None]),
            min(max(50 + rng.gauss(0, 12), 0), 100),
            min(max(50 + rng.gauss(0, 12), 0), 100),
            rng.choice([None, rng.uniform(1, 300)]),
            f"accounts/a{i}/",
        )
        for i, name in enumerate(NAMES)
    ]


def _label_boxes(svg: str) -> list[tuple[str, Rect]]:
    boxes = []
    for link in ET.fromstring(svg).iter(f"{NS}a"):
        text = link.find(f"{NS}text")
        if text is None or text.text is None:
            continue
        x, y = float(text.attrib["x"]), float(text.attrib["y"])
        width = text_width(text.text, float(text.attrib["font-size"]))
        boxes.append((text.text, text_box(x, y, width, 11, text.attrib["text-anchor"])))
    return boxes


@pytest.mark.parametrize("seed", range(8))
def test_matrix_names_never_overlap_and_stay_in_the_plot(seed: int) -> None:
    points = _crowd(seed)
    svg = portfolio_matrix_svg(points)
    boxes = _label_boxes(svg)
    assert len(boxes) >= len(points) * 0.75  # a name with no free spot is left to the tooltip
    plot = Rect(LEFT, TOP, LEGEND_X, TOP + SIDE)
    for name, box in boxes:
        assert plot.left <= box.left and box.right <= plot.right, name
        assert plot.top <= box.top and box.bottom <= plot.bottom, name
    for (one, a), (other, b) in itertools.combinations(boxes, 2):
        assert not a.overlaps(b), (one, other)
    assert svg == portfolio_matrix_svg(list(reversed(points)))  # deterministic


def test_matrix_names_sit_beside_their_bubble_when_there_is_room() -> None:
    points = [
        MatrixPoint("a", "Alpha", "key", 80, 20, 10, "a/"),
        MatrixPoint("b", "Beta", "key", 20, 80, 10, "b/"),
    ]
    root = ET.fromstring(portfolio_matrix_svg(points))
    for link in root.iter(f"{NS}a"):
        circle, text = link.find(f"{NS}circle"), link.find(f"{NS}text")
        assert circle is not None and text is not None
        assert float(text.attrib["x"]) == pytest.approx(
            float(circle.attrib["cx"]) + float(circle.attrib["r"]) + 3
        )
        assert link.find(f"{NS}line") is None  # no leader line needed


def test_a_crowded_matrix_uses_leader_lines() -> None:
    points = [MatrixPoint(f"p{i}", f"Account {i}", "key", 50, 50, 10, f"p{i}/") for i in range(12)]
    svg = portfolio_matrix_svg(points)
    assert len(ET.fromstring(svg).findall(f".//{NS}a/{NS}line")) > 0
    for (one, a), (other, b) in itertools.combinations(_label_boxes(svg), 2):
        assert not a.overlaps(b), (one, other)


def test_matrix_survives_huge_valid_numbers() -> None:
    points = [
        MatrixPoint("huge", "Huge", "strategic", 99.9, 0.1, 1e30, "h/"),
        MatrixPoint("tiny", "Tiny", "key", 0, 100, 1e-9, "t/"),
        MatrixPoint("zero", "Zero", None, 50, 50, 0.0, "z/"),
    ]
    svg = portfolio_matrix_svg(points, unit="M")
    assert len(ET.fromstring(svg).findall(f".//{NS}circle")) >= 3
    assert not re.search(r"\b(nan|inf)\b", svg)
