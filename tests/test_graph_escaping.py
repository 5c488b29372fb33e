"""Hostile text from pull requests comes out of the real `dot` as text: never DOT, never markup."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from test_graph_support import NS, account, nodes, person, render, strategy

from kamsite.graph import Diagram, Renderer, decision_chain, strategy_map
from kamsite.graph.decision_chain import NAME_WIDTH
from kamsite.graph.dot import DotGraph, Html, Span, Tip, lines
from kamsite.graph.text import clean, clip, isolate

HOSTILE = [
    'quote " and "" double',
    "back\\slash \\N \\G \\E \\T \\H \\L \\n \\l \\r \\\\ end\\",
    '"]; evil [label="pwned"]; x [label="',
    "<b>bold</b> <script>alert(1)</script> & &amp; &lt; &#60; &nbsp;",
    "{record|fields} <port> | }{",
    "line one\nline two\r\nthree\tfour",
    "emoji 👩\u200d💻 🚀 and CJK 北风电信",
    "مرحبا بالعالم עברית mixed with Latin",
    "\u202eright-to-left override\u202c and \u2066isolate",
    "control \x00\x01\x07\x1b[31m chars \x7f and \ufffe",
    "' single 'quotes' and `backticks`",
    "]]]>",
]


def _shown(text: str) -> str:
    return isolate(clean(text))


@pytest.mark.parametrize("payload", HOSTILE)
def test_label_and_tooltip_come_out_verbatim(payload: str, tmp_path: Path) -> None:
    graph = DotGraph()
    graph.node("a", {"label": lines([[Span(payload, bold=True)]]), "tooltip": Tip((payload,))})
    graph.node("b", {"label": lines([[Span("plain")]]), "URL": "#b"})
    root = render(Diagram(graph.source(), "t", "test"), tmp_path)
    found = nodes(root)
    assert len(found) == 2  # no node smuggled in through the label
    texts = {text for node in found for text in node.texts}
    assert texts == {_shown(payload), "plain"}
    assert {n.href: n.tooltip for n in found} == {None: _shown(payload), "#b": "plain"}
    assert not list(root.iter(f"{NS}script")) and not list(root.iter("script"))
    assert not [el for el in root.iter() if el.tag in (f"{NS}b", "b")]


def test_cleaning_keeps_the_words() -> None:
    assert _shown("line one\nline two") == "line one line two"
    assert _shown("a \x00 b") == "a \ufffd b"
    assert _shown("\u202eevil") == "evil"
    assert _shown("עברית") == "\u2068עברית\u2069"


def test_content_cannot_be_passed_as_a_raw_attribute() -> None:
    graph = DotGraph()
    graph.node("a", {"label": 'x"]; evil [label="y'})
    with pytest.raises(ValueError, match="not a safe DOT attribute value"):
        graph.source()


def test_long_names_are_clipped_in_labels_but_whole_in_the_page(tmp_path: Path) -> None:
    name = "N" * 2000
    acc = account([person("long", name, title="T" * 2000, unit="U" * 2000)])
    root = render(decision_chain(acc), tmp_path)
    (node,) = [n for n in nodes(root) if "stakeholder" in n.classes]
    assert node.texts[0].startswith("NNNN") and node.texts[0].endswith("…")
    assert len(node.texts[0]) < 40
    assert node.box.width < 400


@pytest.mark.parametrize("payload", HOSTILE)
def test_hostile_stakeholders_and_objectives_render(payload: str, tmp_path: Path) -> None:
    acc = account(
        [
            person("boss", payload, title=payload, unit=payload, owner="li-na"),
            person("aide", "Aide", unit=payload, reports_to="boss"),
        ],
        local_name=payload,
    )
    root = render(decision_chain(acc, language="zh"), tmp_path / "a")
    hrefs = sorted(n.href for n in nodes(root) if n.href)
    assert hrefs == ["#aide", "#boss"]
    (boss,) = [n for n in nodes(root) if n.href == "#boss"]
    assert boss.texts[0] == isolate(clip(clean(payload), NAME_WIDTH))
    assert boss.tooltip is not None and boss.tooltip.split("\n")[0] == _shown(payload)
    clusters = [g for g in root.iter(f"{NS}g") if g.attrib.get("class") == "cluster"]
    assert len(clusters) == 1

    plan = strategy([{"id": "o", "perspective": "customer", "title": payload}])
    root = render(strategy_map(plan), tmp_path / "s")
    (obj,) = [n for n in nodes(root) if n.href == "#o"]
    assert obj.tooltip is not None and obj.tooltip.split("\n")[0] == _shown(payload)


def test_svg_is_one_element_without_prolog_doctype_or_comments(tmp_path: Path) -> None:
    acc = account([person("a", "<?xml?><!DOCTYPE x><!-- c -->")])
    svg = Renderer(tmp_path).svg(decision_chain(acc))
    assert svg.startswith("<svg ") and svg.endswith("</svg>\n")
    assert "<!--" not in svg and "<!DOCTYPE" not in svg and "<?xml" not in svg
    assert ET.fromstring(svg).tag == f"{NS}svg"


def test_html_markup_is_only_built_by_the_emitter() -> None:
    assert lines([[Span("<i>")]]) == Html("&lt;i&gt;")
