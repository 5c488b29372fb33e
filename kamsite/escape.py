"""Content text made inert for Markdown: the one escaper every Markdown producer uses.

Content comes from pull requests, so any text that lands in generated Markdown
(site pages, the method page, tables) goes through here: HTML-escaped so no
markup survives, then Markdown's own escapable characters backslashed so no
emphasis, link or table syntax survives, all on one line.
"""

from __future__ import annotations

import html
import re

# Python-Markdown's escapable characters, plus `|` (tables). `<` and `&` are HTML-escaped.
_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|>])")


def markdown_text(value: object) -> str:
    escaped = html.escape(" ".join(str(value).split()), quote=False)
    return _SPECIAL.sub(r"\\\1", escaped.replace("&gt;", ">"))
