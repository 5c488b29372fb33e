"""The HTML side of generated pages: raw blocks, relative links and sanitized Markdown fields.

Pages are Markdown for headings (toc, search sections) and raw HTML blocks for
everything else: a raw block is passed through by Markdown untouched, so the
escaping done by the templates (Jinja2 autoescape, MarkupSafe) is the escaping
that reaches the browser, in tables too (no `|` or `{{` surprises from Markdown
table syntax). `Markup` marks the only HTML that is not escaped: sanitized
Markdown fields from `rich` and the SVG kamsite draws itself.
"""

from __future__ import annotations

import re
from functools import lru_cache

import markdown
import nh3
from markupsafe import Markup

from kamsite.pagecache import CLOSE_MARK, OPEN_MARK


@lru_cache(maxsize=65536)
def href(here: str, target: str) -> str:
    """Relative URL from page URL `here` to page URL `target` (both like `accounts/x/`, ids
    without dots: `kamsite.model.common.ID_PATTERN`), as `posixpath.relpath` gives it.

    By path segments, not `relpath` (which makes both paths absolute from the working
    directory first): the team pages of 5,000 accounts link 100,000 different pairs.
    """
    start = [part for part in here.split("/") if part]
    goal = [part for part in target.split("/") if part]
    same = 0
    for a, b in zip(start, goal, strict=False):
        if a != b:
            break
        same += 1
    steps = [".."] * (len(start) - same) + goal[same:]
    return "/".join(steps) + "/" if steps else "./"


def block(fragment: str) -> str:
    """A raw HTML block in Markdown, set apart by blank lines so Markdown leaves it alone.

    The marker comments let an adapter hand the block past its Markdown engine
    untouched (content cannot forge them: text is escaped, rich text loses comments). The
    whitespace at the block's edges goes where every page is split (`pagecache.split`).
    """
    return f"{OPEN_MARK}{fragment}{CLOSE_MARK}"


_SCHEMES = {"http", "https", "mailto"}


def _keep_attribute(element: str, attribute: str, value: str) -> str | None:
    """Images only from the site itself: a remote src would be a request at view time."""
    if element == "img" and attribute == "src":
        local = "://" not in value and not value.startswith("//") and ":" not in value
        return value if local else None
    return value


_MARKDOWN = markdown.Markdown(extensions=["tables", "sane_lists", "fenced_code"])

# Text that Markdown and nh3 both pass through unchanged inside one `<p>`: lines that
# start with a letter (no list, heading, quote, code or table line), single spaces (no
# hard break), no trailing space, and only letters, digits and punctuation that neither
# syntax gives a meaning: none of * _ ` [ ] < > & \ | # ~, no control character, no
# nbsp. Without < > & it is also safe to put into HTML as it is. `[^\W_]` is a Unicode
# letter or digit.
_WORD = r"(?:[^\W_]|[.,;:?!'\"()/%+=@\-–—…·×，。、；：？！“”‘’（）《》【】])"
_LINE = rf"[^\W\d_]{_WORD}*(?: {_WORD}+)*"
_PLAIN = re.compile(rf"{_LINE}(?:\n{_LINE})*\n*")


def _full(source: str) -> str:
    """Markdown to HTML, then nh3 keeps only the tags, attributes and URLs a field may use."""
    rendered = _MARKDOWN.reset().convert(source)
    clean = nh3.clean(
        rendered,
        url_schemes=_SCHEMES,
        attribute_filter=_keep_attribute,
    )
    return f'<div class="kam-md">{clean.strip()}</div>'


def _plain(source: str) -> str | None:
    """`_full`'s output for plain prose, without converting; None for anything else.

    Most notes are a sentence or two of plain prose, and converting costs ~50 µs each.
    """
    if _PLAIN.fullmatch(source) is None:
        return None
    text = source.rstrip("\n")
    return f'<div class="kam-md"><p>{text}</p></div>'


@lru_cache(maxsize=4096)
def rich(source: str | None) -> Markup:
    """A Markdown field (notes, summary, why, description) as sanitized HTML.

    One reused converter: building a `Markdown` per field costs more than converting it.
    """
    if not source:
        return Markup("")
    plain = _plain(source)
    return Markup(_full(source) if plain is None else plain)
