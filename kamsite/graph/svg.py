"""Graphviz SVG made fit to inline in an HTML page, several per page, in light and dark.

- The XML prolog, doctype and comments go (an HTML page may hold no prolog, and
  Graphviz's comments carry our synthetic ids and its version).
- Every `id` gets the diagram's prefix, and so does every `url(#…)` reference and
  the `href` of any non-link element pointing at one of them. The `href` of an `<a>`
  is ours — a page anchor like `#chen-gang` — and is left alone even when an id
  such as `node1` happens to be spelled the same.
- `xlink:href` becomes `href` (SVG 2) and `xlink:title` a `<title>` child, which
  browsers show as the tooltip; Graphviz's own `<title>`s (`n0`, `n0->n1`) go.
- One font-family with fallbacks on the root replaces Graphviz's per-element one.
- The INK sentinel colour becomes `currentColor`, so text and lines follow the page;
  fills are left as drawn so their text keeps its contrast.
- `width`/`height` become whole CSS pixels (Graphviz writes points: ×4/3) beside the
  `viewBox`: the natural size, at which a 9 pt label is 12 px. The page shows the
  picture at that size (scrolling it in its own box) and never shrinks it on screen.
"""

from __future__ import annotations

import math
import re
import xml.etree.ElementTree as ET

from kamsite.graph.dot import FONT, INK
from kamsite.graph.text import clean

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"
FONT_STACK = f"{FONT}, Noto Sans SC, Source Han Sans SC, PingFang SC, Microsoft YaHei, sans-serif"
_PREFIX = re.compile(r"^[A-Za-z][A-Za-z0-9_-]*$")
_URL_REF = re.compile(r"url\(#([^)]+)\)")
_POINTS = re.compile(r"^([0-9]+(?:\.[0-9]*)?)pt$")
PX_PER_PT = 4 / 3


def _pixels(length: str) -> str:
    """A Graphviz length (`123pt`) as whole CSS pixels, rounded up; anything else as is."""
    found = _POINTS.match(length)
    if found is None:
        return length
    return str(math.ceil(float(found.group(1)) * PX_PER_PT - 1e-9))


def _local(name: str) -> tuple[str | None, str]:
    if name.startswith("{"):
        namespace, _, local = name[1:].partition("}")
        return namespace, local
    return None, name


def inline_svg(raw: str, prefix: str, label: str) -> str:
    """Graphviz SVG → an `<svg>` element for inlining; `label` is its accessible name."""
    if not _PREFIX.match(prefix):
        raise ValueError(f"id prefix {prefix!r} must be a letter followed by [A-Za-z0-9_-]")
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
                continue  # set once on the root, with fallbacks for readers without Noto
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
        # No blank or indented lines: Markdown must not end the HTML block or see code.
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
