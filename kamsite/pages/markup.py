"""The HTML side of generated pages: raw blocks, relative links and sanitized Markdown fields.

Pages are Markdown for headings (toc, search sections) and raw HTML blocks for
everything else: a raw block is passed through by Markdown untouched, so the
escaping done by the templates (Jinja2 autoescape, MarkupSafe) is the escaping
that reaches the browser, in tables too (no `|` or `{{` surprises from Markdown
table syntax). `Markup` marks the only HTML that is not escaped: sanitized
Markdown fields from `rich` and the SVG kamsite draws itself.
"""

from __future__ import annotations

import posixpath
from functools import lru_cache

import markdown
import nh3
from markupsafe import Markup


@lru_cache(maxsize=65536)
def href(here: str, target: str) -> str:
    """Relative URL from page URL `here` to page URL `target` (both like `accounts/x/`).

    Cached: a portfolio links the same few hundred pages from every page.
    """
    rel = posixpath.relpath(target or ".", here or ".")
    return "./" if rel == "." else rel + "/"


RAW_OPEN = "<!-- kamsite:raw -->"
RAW_CLOSE = "<!-- /kamsite:raw -->"


def block(fragment: str) -> str:
    """A raw HTML block in Markdown, set apart by blank lines so Markdown leaves it alone.

    The marker comments let an adapter hand the block past its Markdown engine
    untouched (content cannot forge them: text is escaped, rich text loses comments).
    """
    return f"\n{RAW_OPEN}\n{fragment.strip()}\n{RAW_CLOSE}\n"


_SCHEMES = {"http", "https", "mailto"}


def _keep_attribute(element: str, attribute: str, value: str) -> str | None:
    """Images only from the site itself: a remote src would be a request at view time."""
    if element == "img" and attribute == "src":
        local = "://" not in value and not value.startswith("//") and ":" not in value
        return value if local else None
    return value


_MARKDOWN = markdown.Markdown(extensions=["tables", "sane_lists", "fenced_code"])


@lru_cache(maxsize=4096)
def rich(source: str | None) -> Markup:
    """A Markdown field (notes, summary, why, description) as sanitized HTML.

    One reused converter: building a `Markdown` per field costs more than converting it.
    """
    if not source:
        return Markup("")
    rendered = _MARKDOWN.reset().convert(source)
    clean = nh3.clean(
        rendered,
        url_schemes=_SCHEMES,
        attribute_filter=_keep_attribute,
    )
    return Markup('<div class="kam-md">{}</div>').format(Markup(clean.strip()))
