"""Escaping for text from content files that lands in generated Markdown."""

from __future__ import annotations

import html
import json

from kamsite.escape import markdown_text as text


def page_title(title: str) -> str:
    """Front matter with the HTML-escaped title, then the `#` heading.

    Without `title:` MkDocs takes the title from the heading and Material prints it
    through Jinja's `striptags`, which unescapes entities: a name such as
    `</title><script>` would come back as live markup in `<title>`. Material prints
    `page.meta.title` as given, so the escaped form is what reaches the page.
    """
    escaped = html.escape(" ".join(title.split()), quote=True)
    return f"---\ntitle: {json.dumps(escaped, ensure_ascii=False)}\n---\n\n# {text(title)}\n"
