"""Escaping for text from content files that lands in generated Markdown."""

from __future__ import annotations

import html
import json
import re

_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~^$])")


def text(value: object) -> str:
    """Plain text in Markdown: HTML-escaped, Markdown specials backslashed, one line."""
    escaped = html.escape(" ".join(str(value).split()), quote=True)
    return _SPECIAL.sub(r"\\\1", escaped).replace("&lt;", "&lt;").replace("&gt;", "&gt;")


def cell(value: object) -> str:
    """A table cell: like text, and never empty so columns stay aligned."""
    return text(value) if value not in (None, "") else "—"


def page_title(title: str) -> str:
    """Front matter with the HTML-escaped title, then the `#` heading.

    Without `title:` MkDocs takes the title from the heading and Material prints it
    through Jinja's `striptags`, which unescapes entities: a name such as
    `</title><script>` would come back as live markup in `<title>`. Material prints
    `page.meta.title` as given, so the escaped form is what reaches the page.
    """
    escaped = html.escape(" ".join(title.split()), quote=True)
    return f"---\ntitle: {json.dumps(escaped, ensure_ascii=False)}\n---\n\n# {text(title)}\n"
