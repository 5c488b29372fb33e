"""A tiny DOT emitter: synthetic node ids, every string escaped, sorted output.

Why our own and not the `graphviz` package: hostile text must never become DOT
syntax or label markup, and the same graph must give the same bytes whatever
order the YAML listed things in (cache keys and PR diffs depend on it).

Escaping, proved against the real `dot` by tests/test_graph_escaping.py:

- Text (labels, tooltips) is cleaned (`text.clean`) and then XML-escaped, with
  `{`, `|` and `}` as character references too. After that it holds no `"` and no
  `<`/`>`, so it can neither end a quoted DOT string nor open markup in an HTML label.
- Graphviz expands `\\N`, `\\G`, `\\n`… even after decoding entities, so a backslash
  is doubled in labels; tooltips are expanded twice, so there it is written four times.
- Anything else (colours, styles, URLs we build from ids) must match a strict
  pattern, so a piece of content passed by mistake fails loudly instead of injecting.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from kamsite.graph.text import clean, isolate

FONT = "Noto Sans CJK SC"
# "The page's text colour": svg.py turns it into currentColor so lines and text
# follow Material's light and dark palettes. No real picture uses this colour.
INK = "#010203"

_SAFE_VALUE = re.compile(r"^[-#A-Za-z0-9 ,._:/%~]*$")
_XML = str.maketrans(
    {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"}
    | {"{": "&#123;", "|": "&#124;", "}": "&#125;"}
)


def _escape(text: str, backslash: str) -> str:
    return isolate(clean(text)).translate(_XML).replace("\\", backslash)


def _safe(value: str) -> str:
    if not _SAFE_VALUE.match(value):
        raise ValueError(f"not a safe DOT attribute value: {value!r}")
    return value


@dataclass(frozen=True)
class Html:
    """Markup of an HTML-like label; build it only with `lines` or `table`."""

    markup: str


@dataclass(frozen=True)
class Tip:
    """A tooltip: lines of plain text (each cleaned and escaped)."""

    lines: tuple[str, ...]


Value = str | int | float | Html | Tip


@dataclass(frozen=True)
class Span:
    """A run of label text; `color` and `size` are our constants, never content."""

    text: str
    bold: bool = False
    size: int | None = None  # points; Graphviz drops any fraction
    color: str | None = None


@dataclass(frozen=True)
class Cell:
    """A legend table cell: text on an optional fill, with or without a border."""

    spans: tuple[Span, ...]
    fill: str | None = None
    border: bool = False
    colspan: int = 1


def _number(value: float) -> str:
    return format(value, "g")


def _span(span: Span) -> str:
    markup = _escape(span.text, "\\\\")
    if span.bold:
        markup = f"<B>{markup}</B>"
    font = []
    if span.size is not None:
        font.append(f'POINT-SIZE="{span.size:d}"')
    if span.color is not None:
        font.append(f'COLOR="{_safe(span.color)}"')
    if font:
        markup = f"<FONT {' '.join(font)}>{markup}</FONT>"
    return markup


def lines(rows: Iterable[Sequence[Span]]) -> Html:
    """A label of centred lines, each a sequence of spans."""
    return Html("<BR/>".join("".join(_span(span) for span in row) for row in rows))


def stack(rows: Iterable[Sequence[Span]], padding: int = 1) -> Html:
    """Centred lines with room between them: one table row per line.

    Graphviz puts `<BR/>` lines one em apart, so CJK glyphs of adjacent lines
    touch; a row per line, padded, leaves a visible gap (about 1.3 em at 9 pt).
    """
    body = "".join(f"<TR><TD>{''.join(_span(span) for span in row)}</TD></TR>" for row in rows)
    return Html(
        f'<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="{padding:d}">{body}</TABLE>'
    )


def table(rows: Iterable[Sequence[Cell]]) -> Html:
    """A borderless table (legends): cells may carry a fill sample and a border."""
    body = []
    for row in rows:
        cells = []
        for cell in row:
            attrs = [
                f'BORDER="{1 if cell.border else 0}"',
                f'COLOR="{INK}"',
                f'COLSPAN="{cell.colspan:d}"',
            ]
            if cell.fill is not None:
                attrs.append(f'BGCOLOR="{_safe(cell.fill)}"')
            cells.append(f"<TD {' '.join(attrs)}>{''.join(_span(s) for s in cell.spans)}</TD>")
        body.append(f"<TR>{''.join(cells)}</TR>")
    return Html(
        f'<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="4" CELLPADDING="3">{"".join(body)}</TABLE>'
    )


def _value(value: Value) -> str:
    if isinstance(value, Html):
        return f"<{value.markup}>"
    if isinstance(value, Tip):
        return '"' + "&#10;".join(_escape(line, "\\\\\\\\") for line in value.lines) + '"'
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return _number(value)
    return f'"{_safe(value)}"'


def _attrs(attrs: Mapping[str, Value]) -> str:
    return ", ".join(f"{name}={_value(attrs[name])}" for name in sorted(attrs))


@dataclass
class DotGraph:
    """A directed graph keyed by our own strings; ids are assigned at emit time."""

    graph: dict[str, Value] = field(default_factory=dict)
    node_defaults: dict[str, Value] = field(default_factory=dict)
    edge_defaults: dict[str, Value] = field(default_factory=dict)
    _nodes: dict[str, tuple[str | None, dict[str, Value]]] = field(default_factory=dict)
    _clusters: dict[str, tuple[bool, dict[str, Value]]] = field(default_factory=dict)
    _edges: list[tuple[str, str, dict[str, Value]]] = field(default_factory=list)

    def node(self, key: str, attrs: Mapping[str, Value], cluster: str | None = None) -> None:
        if cluster is not None and cluster not in self._clusters:
            raise KeyError(f"unknown cluster {cluster!r}")
        self._nodes[key] = (cluster, dict(attrs))

    def cluster(self, key: str, attrs: Mapping[str, Value], same_rank: bool = False) -> None:
        """A boxed group; `same_rank` puts all its nodes on one rank (strategy bands)."""
        self._clusters[key] = (same_rank, dict(attrs))

    def edge(self, tail: str, head: str, attrs: Mapping[str, Value]) -> None:
        if tail not in self._nodes or head not in self._nodes:
            raise KeyError(f"edge {tail!r} -> {head!r} names an unknown node")
        self._edges.append((tail, head, dict(attrs)))

    def source(self) -> str:
        """The DOT text: same graph, same bytes, whatever order things were added in."""
        ids = {key: f"n{index}" for index, key in enumerate(sorted(self._nodes))}
        out = ["digraph G {"]
        for name, attrs in (
            ("graph", self.graph),
            ("node", self.node_defaults),
            ("edge", self.edge_defaults),
        ):
            if attrs:
                out.append(f"  {name} [{_attrs(attrs)}];")
        for index, key in enumerate(sorted(self._clusters)):
            same_rank, attrs = self._clusters[key]
            out.append(f"  subgraph cluster_{index} {{")
            out.append(f"    graph [{_attrs(attrs)}];")
            members = [k for k in sorted(self._nodes) if self._nodes[k][0] == key]
            if same_rank:
                out.append("    { rank=same;")
            out.extend(f"    {ids[k]} [{_attrs(self._nodes[k][1])}];" for k in members)
            if same_rank:
                out.append("    }")
            out.append("  }")
        out.extend(
            f"  {ids[key]} [{_attrs(attrs)}];"
            for key, (cluster, attrs) in sorted(self._nodes.items())
            if cluster is None
        )
        edges = sorted((ids[tail], ids[head], _attrs(attrs)) for tail, head, attrs in self._edges)
        out.extend(f"  {tail} -> {head} [{attrs}];" for tail, head, attrs in edges)
        out.append("}")
        return "\n".join(out) + "\n"
