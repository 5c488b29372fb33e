"""`inline_svg` writes straight from the parse, byte for byte what rewriting the tree wrote."""

from __future__ import annotations

import math
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from conftest import REPO
from test_graph_escaping import HOSTILE
from test_graph_support import account, person, strategy

from kamsite.graph import Diagram, Renderer, decision_chain, strategy_map
from kamsite.graph.dot import INK
from kamsite.graph.svg import _POINTS, _PREFIX, _URL_REF, FONT_STACK, SVG_NS, XLINK_NS, inline_svg
from kamsite.graph.text import clean
from kamsite.model import resolve_as_of
from kamsite.pipeline import account_diagram, strategy_diagram
from kamsite.score import score_portfolio
from kamsite.validate import validate_content


def _local(name: str) -> tuple[str | None, str]:
    if name.startswith("{"):
        namespace, _, local = name[1:].partition("}")
        return namespace, local
    return None, name


def _pixels(length: str) -> str:
    found = _POINTS.match(length)
    if found is None:
        return length
    return str(math.ceil(float(found.group(1)) * 4 / 3 - 1e-9))


def reference(raw: str, prefix: str, label: str) -> str:
    """The tree-rewriting `inline_svg` that the one-pass writer replaced, as it was."""
    if not _PREFIX.match(prefix):
        raise ValueError(prefix)
    root = ET.fromstring(raw)
    for parent in list(root.iter()):
        for child in list(parent):
            if _local(child.tag)[1] == "title":
                parent.remove(child)
    defined = {el.attrib["id"] for el in root.iter() if "id" in el.attrib}

    def ref(target: str) -> str:
        return f"{prefix}-{target}" if target in defined else target

    for element in root.iter():
        element.tag = _local(element.tag)[1]
        attrs: dict[str, str] = {}
        title = None
        for name, value in element.attrib.items():
            namespace, local = _local(name)
            if namespace == XLINK_NS and local == "title":
                title = value
                continue
            if local == "id":
                value = f"{prefix}-{value}"
            elif local == "href" and element.tag != "a" and value.startswith("#"):
                value = "#" + ref(value[1:])
            elif value == INK:
                value = "currentColor"
            elif local == "font-family":
                continue
            if "url(#" in value:
                value = _URL_REF.sub(lambda m: f"url(#{ref(m.group(1))})", value)
            attrs[local] = value
        element.attrib.clear()
        element.attrib.update(attrs)
        if title is not None:
            tip = ET.Element("title")
            tip.text = title
            tip.tail = "\n"
            element.insert(0, tip)
        if len(element):
            element.text = "\n"
        element.tail = "\n" if element.tail is not None else None
    for side in ("width", "height"):
        if side in root.attrib:
            root.attrib[side] = _pixels(root.attrib[side])
    root.attrib = {
        "xmlns": SVG_NS,
        "class": "kamsite-graph",
        "aria-label": clean(label),
        "font-family": FONT_STACK,
        **root.attrib,
    }
    return ET.tostring(root, encoding="unicode").strip() + "\n"


def _portfolio(content_dir: Path) -> list[Diagram]:
    result = validate_content(content_dir, cache_dir=False)
    assert result.content is not None
    content = result.content
    scores = score_portfolio(content, resolve_as_of(content.settings))
    diagrams = [account_diagram(content, scores, a) for a in content.accounts]
    return diagrams + [strategy_diagram(content, scores, s) for s in content.strategies]


def _hostile() -> list[Diagram]:
    diagrams = [
        Diagram(
            'digraph { node1 [style=filled fillcolor="red:blue" URL="#node1" label="x"] }',
            "g",
            "gradient",
        ),
    ]
    for n, payload in enumerate(HOSTILE):
        people = [
            person("boss", payload, title=payload, unit=payload, owner="li-na"),
            person("aide", "Aide", unit=payload, reports_to="boss"),
        ]
        acc = account(people, id=f"h{n}", name=payload, local_name=payload)
        plan = strategy([{"id": "o", "perspective": "customer", "title": payload}])
        diagrams += [decision_chain(acc, language="zh"), strategy_map(plan)]
    return diagrams


@pytest.mark.parametrize(
    "source", ["content", "tests/fixtures/realistic/content", "hostile"], ids=str
)
def test_same_bytes_as_the_tree_rewrite_on_real_dot_output(source: str, tmp_path: Path) -> None:
    diagrams = _hostile() if source == "hostile" else _portfolio(REPO / source)
    raws = Renderer(tmp_path).raw_many([d.dot for d in diagrams])
    labels = [*HOSTILE, "Plain label"]
    for n, (raw, diagram) in enumerate(zip(raws, diagrams, strict=True)):
        label = diagram.label if n % 2 else labels[n % len(labels)]
        assert inline_svg(raw, diagram.prefix, label) == reference(raw, diagram.prefix, label)


XL = f'xmlns="{SVG_NS}" xmlns:xlink="{XLINK_NS}"'
EDGE_CASES = [
    # an empty tooltip, a group left with nothing but its title, an empty leaf text
    f'<svg {XL} width="10pt"><g id="a"><a xlink:href="#a" xlink:title=""><text></text></a>'
    "</g>\n<g id='b'>\n<title>b</title>\n</g></svg>",
    # escapes and character references in text and attributes, tabs and newlines kept
    f'<svg {XL} height="7.5pt" viewBox="0 0 1 1"><text x="&#45;1" class="a&amp;b &lt;&quot;">'
    "&#45;&gt; &amp;amp; &lt;script&gt; &#160;\t]]&gt;</text>"
    f'<g id="n1" fill="url(#n1)" style="a&#10;b&#9;c&#13;d"><a xlink:href="#n1" '
    'xlink:title="line&#10;two &quot;q&quot; &amp;"><path d="M0,0" stroke="#010203"/></a>'
    '<use href="#n1"/><use href="#missing" fill="url(#missing)"/></g></svg>',
    # a comment, a processing instruction and CDATA inside
    f'<?xml version="1.0"?>\n<!DOCTYPE svg>\n<!-- c --><svg {XL}><?pi x?><text><![CDATA[<b>&]]>'
    "</text><!-- inner --></svg>",
    # foreign attributes and elements: only the local names are kept
    f'<svg {XL} xmlns:x="urn:x"><x:g x:id="q" font-family="F"><title>t</title></x:g></svg>',
    # an internal entity is expanded by the parser, markup and all, in both
    '<!DOCTYPE svg [<!ENTITY e "<b>x</b>y">]><svg><text>&e;</text></svg>',
]


@pytest.mark.parametrize("raw", EDGE_CASES)
def test_same_bytes_as_the_tree_rewrite_on_edge_cases(raw: str) -> None:
    assert inline_svg(raw, "p", "Label <&>\n") == reference(raw, "p", "Label <&>\n")


@pytest.mark.parametrize(
    "raw",
    [
        f"<svg {XL}><text>&nbsp;</text></svg>",
        f"<svg {XL}><text>unclosed</svg>",
        f"<svg {XL}><text a='1' a='2'/></svg>",
    ],
)
def test_what_does_not_parse_is_refused(raw: str) -> None:
    with pytest.raises(ET.ParseError):
        inline_svg(raw, "p", "label")
