"""The Markdown side of generated pages: front matter, title and section headings.

Content text in them is made inert for Markdown (`kamsite.escape`); the results
are `Markup` so a template prints them as they are.
"""

from __future__ import annotations

import html
import json
import re

from markupsafe import Markup

from kamsite.escape import markdown_text as text

_ANCHOR = re.compile(r"^[A-Za-z][A-Za-z0-9_-]*$")


def page_title(title: str) -> Markup:
    """Front matter with the HTML-escaped title, then the `#` heading.

    Without `title:` MkDocs takes the title from the heading and Material prints it
    through Jinja's `striptags`, which unescapes entities: a name such as
    `</title><script>` would come back as live markup in `<title>`. Material prints
    `page.meta.title` as given, so the escaped form is what reaches the page.
    """
    escaped = html.escape(" ".join(title.split()), quote=True)
    return Markup(
        f"---\ntitle: {json.dumps(escaped, ensure_ascii=False)}\n---\n\n# {text(title)}\n"
    )


def heading(level: int, title: str, anchor: str) -> Markup:
    """A Markdown heading (so it lands in the toc and splits search sections) with a fixed id.

    `anchor` is a fixed name chosen by the template; anything else is refused.
    """
    if not _ANCHOR.match(anchor):
        raise ValueError(f"not a heading anchor: {anchor!r}")
    return Markup(f"\n{'#' * level} {text(title)} {{#{anchor}}}\n")
