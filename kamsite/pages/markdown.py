"""Escaping for text from content files that lands in generated Markdown."""

from __future__ import annotations

import html
import re

_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~^$])")


def text(value: object) -> str:
    """Plain text in Markdown: HTML-escaped, Markdown specials backslashed, one line."""
    escaped = html.escape(" ".join(str(value).split()), quote=True)
    return _SPECIAL.sub(r"\\\1", escaped).replace("&lt;", "&lt;").replace("&gt;", "&gt;")


def cell(value: object) -> str:
    """A table cell: like text, and never empty so columns stay aligned."""
    return text(value) if value not in (None, "") else "—"
