"""HTML fragments for generated pages; every piece of content text is escaped on the way in.

Pages are Markdown for headings (toc, search sections) and raw HTML blocks for
everything else: a raw block is passed through by Markdown untouched, so the
escaping done here is the escaping that reaches the browser, in tables too (no
`|` or `{{` surprises from Markdown table syntax).
"""

from __future__ import annotations

import html
import posixpath
from collections.abc import Iterable, Sequence
from functools import lru_cache

import markdown
import nh3


class Safe(str):
    """HTML that is already escaped or sanitized; anything else is escaped when joined."""

    __slots__ = ()


Cell = str | int | float | None


def esc(value: Cell) -> Safe:
    """Text for an HTML text node or attribute; `None` and "" show as a dash."""
    if isinstance(value, Safe):
        return value
    if value is None or value == "":
        return Safe("—")
    return Safe(html.escape(str(value), quote=True))


def join(parts: Iterable[Cell], sep: str = "") -> Safe:
    return Safe(sep.join(esc(p) for p in parts))


def tag(name: str, body: Cell = "", **attrs: Cell) -> Safe:
    """`<name attrs>body</name>`; attribute names end in `_` to dodge keywords (`class_`)."""
    rendered = "".join(
        f' {key.rstrip("_").replace("_", "-")}="{esc(value)}"'
        for key, value in attrs.items()
        if value is not None
    )
    inner = esc(body) if body != "" else ""
    return Safe(f"<{name}{rendered}>{inner}</{name}>")


def link(href: str, body: Cell, **attrs: Cell) -> Safe:
    return tag("a", body, href=href, **attrs)


def href(here: str, target: str) -> str:
    """Relative URL from page URL `here` to page URL `target` (both like `accounts/x/`)."""
    rel = posixpath.relpath(target or ".", here or ".")
    return "./" if rel == "." else rel + "/"


def badge(label: str, value: str, kind: str) -> Safe:
    """A score badge; `kind` is a CSS modifier chosen by us, never content text."""
    return tag(
        "span",
        join(
            [
                tag("span", label, class_="kam-badge__label"),
                tag("span", value, class_="kam-badge__value"),
            ]
        ),
        class_=f"kam-badge kam-badge--{kind}",
    )


def chip(text: str, kind: str) -> Safe:
    return tag("span", text, class_=f"kam-chip kam-chip--{kind}")


def table(
    headers: Sequence[Cell],
    rows: Iterable[Sequence[Cell]],
    *,
    sortable: bool = False,
    row_ids: Sequence[str] | None = None,
    numeric: Iterable[int] = (),
) -> Safe:
    """A table; `numeric` columns are right-aligned and sort by their number."""
    right = set(numeric)
    head = join(
        tag("th", h, class_="kam-num" if i in right else None) for i, h in enumerate(headers)
    )
    body = []
    for n, row in enumerate(rows):
        # A newline between cells: search indexes text without tags, and "2026-09-26李建国"
        # glued together would be one token that no query for the name matches.
        cells = join(
            (tag("td", c, class_="kam-num" if i in right else None) for i, c in enumerate(row)),
            "\n",
        )
        row_id = row_ids[n] if row_ids is not None else None
        body.append(tag("tr", cells, id=row_id))
    attrs = {"class_": "kam-table" + (" kam-sortable" if sortable else "")}
    return tag(
        "div",
        tag(
            "table", join([tag("thead", tag("tr", head)), tag("tbody", join(body, "\n"))]), **attrs
        ),
        class_="kam-table-wrap",
    )


def bullets(items: Iterable[Cell]) -> Safe:
    lines = [tag("li", item) for item in items]
    return tag("ul", join(lines)) if lines else Safe("")


RAW_OPEN = "<!-- kamsite:raw -->"
RAW_CLOSE = "<!-- /kamsite:raw -->"


def block(fragment: Safe) -> str:
    """A raw HTML block in Markdown, set apart by blank lines so Markdown leaves it alone.

    The marker comments let an adapter hand the block past its Markdown engine
    untouched (content cannot forge them: text is escaped, rich text loses comments).
    """
    return f"\n{RAW_OPEN}\n{fragment}\n{RAW_CLOSE}\n"


_SCHEMES = {"http", "https", "mailto"}


def _keep_attribute(element: str, attribute: str, value: str) -> str | None:
    """Images only from the site itself: a remote src would be a request at view time."""
    if element == "img" and attribute == "src":
        local = "://" not in value and not value.startswith("//") and ":" not in value
        return value if local else None
    return value


_MARKDOWN = markdown.Markdown(extensions=["tables", "sane_lists", "fenced_code"])


@lru_cache(maxsize=4096)
def rich(source: str | None) -> Safe:
    """A Markdown field (notes, summary, why, description) as sanitized HTML.

    One reused converter: building a `Markdown` per field costs more than converting it.
    """
    if not source:
        return Safe("")
    rendered = _MARKDOWN.reset().convert(source)
    clean = nh3.clean(
        rendered,
        url_schemes=_SCHEMES,
        attribute_filter=_keep_attribute,
    )
    return Safe(f'<div class="kam-md">{clean.strip()}</div>')
