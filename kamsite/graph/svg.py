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
_XLINK_TITLE = f"{{{XLINK_NS}}}title"
_ATTRIBUTE_SPECIAL = re.compile('[&<>"\r\n\t]')
_POINTS = re.compile(r"^([0-9]+(?:\.[0-9]*)?)pt$")
PX_PER_PT = 4 / 3


def _pixels(length: str) -> str:
    """A Graphviz length (`123pt`) as whole CSS pixels, rounded up; anything else as is."""
    found = _POINTS.match(length)
    if found is None:
        return length
    return str(math.ceil(float(found.group(1)) * PX_PER_PT - 1e-9))


def _text(text: str) -> str:
    """Text escaped as `ET.tostring` escapes it, so the output is what it always was."""
    if "&" in text:
        text = text.replace("&", "&amp;")
    if "<" in text:
        text = text.replace("<", "&lt;")
    if ">" in text:
        text = text.replace(">", "&gt;")
    return text


def _attribute(value: str) -> str:
    """An attribute value escaped as `ET.tostring` escapes it (line ends and tabs kept)."""
    value = _text(value)
    if '"' in value:
        value = value.replace('"', "&quot;")
    if "\r" in value:
        value = value.replace("\r", "&#13;")
    if "\n" in value:
        value = value.replace("\n", "&#10;")
    if "\t" in value:
        value = value.replace("\t", "&#09;")
    return value


def inline_svg(raw: str, prefix: str, label: str) -> str:
    """Graphviz SVG → an `<svg>` element for inlining; `label` is its accessible name.

    Parsed by ElementTree (malformed input or an unknown entity raises), then written
    by `_Writer` in one pass: rewriting the tree and `ET.tostring` cost twice as much.
    """
    if not _PREFIX.match(prefix):
        raise ValueError(f"id prefix {prefix!r} must be a letter followed by [A-Za-z0-9_-]")
    root = ET.fromstring(raw)
    defined = {el.attrib["id"] for el in root.iter() if "id" in el.attrib}
    head = {
        "xmlns": SVG_NS,
        "class": "kamsite-graph",
        "aria-label": clean(label),
        "font-family": FONT_STACK,
    }
    out: list[str] = []
    _Writer(prefix, defined, out).element(root, head)
    return "".join(out).strip() + "\n"


class _Writer:
    """Writes each element as inline SVG (see the module docstring) straight from the parse."""

    def __init__(self, prefix: str, defined: set[str], out: list[str]) -> None:
        self.prefix = prefix
        self.defined = defined
        self.out = out
        self.names: dict[str, str] = {}  # `{namespace}local` → local: a few dozen names

    def local(self, name: str) -> str:
        local = self.names[name] = name.rpartition("}")[2]
        return local

    def ref(self, target: str) -> str:
        return f"{self.prefix}-{target}" if target in self.defined else target

    def url(self, found: re.Match[str]) -> str:
        return f"url(#{self.ref(found.group(1))})"

    def element(self, element: ET.Element, head: dict[str, str] | None = None) -> None:
        names = self.names
        tag = names.get(element.tag) or self.local(element.tag)
        attrs: dict[str, str] = {}
        title = None
        for name, value in element.items():
            if name == _XLINK_TITLE:
                title = value
                continue
            local = names.get(name) or self.local(name)
            if local == "id":
                value = f"{self.prefix}-{value}"
            elif local == "href" and tag != "a" and value.startswith("#"):
                value = "#" + self.ref(value[1:])
            elif value == INK:
                value = "currentColor"
            elif local == "font-family":
                continue  # set once on the root, with fallbacks for readers without Noto
            if "url(#" in value:
                value = _URL_REF.sub(self.url, value)
            attrs[local] = value
        if head is not None:  # the root
            for side in ("width", "height"):
                if side in attrs:
                    attrs[side] = _pixels(attrs[side])
            attrs = head | attrs
        # Graphviz's own `<title>`s go; an `xlink:title` becomes the first child.
        children = (
            [
                child
                for child in element
                if (names.get(child.tag) or self.local(child.tag)) != "title"
            ]
            if len(element)
            else ()
        )
        write = self.out.append
        write(f"<{tag}")
        for name, value in attrs.items():
            if _ATTRIBUTE_SPECIAL.search(value):
                value = _attribute(value)
            write(f' {name}="{value}"')
        if children or title is not None:
            # No blank or indented lines: Markdown must not end the HTML block or see code.
            write(">\n")
            if title:
                write(f"<title>{_text(title)}</title>\n")
            elif title is not None:
                write("<title />\n")
            for child in children:
                self.element(child)
            write(f"</{tag}>")
        elif element.text:
            write(f">{_text(element.text)}</{tag}>")
        else:
            write(" />")
        if element.tail is not None:
            write("\n")
