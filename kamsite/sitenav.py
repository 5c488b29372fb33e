"""The site's title and its nav section names, taken from the portfolio (DESIGN.md §6).

`mkdocs.yml` must name a `site_name` and usually lists the sections under English names,
so a `language: zh` portfolio would otherwise show an English title and sidebar. The
portfolio's `name` is the title; a nav entry that points at a generated section page shows
the section's label in `portfolio.language` unless its author chose other words. Pure
functions, so the MkDocs adapter only applies them.
"""

from __future__ import annotations

from markupsafe import Markup, escape

from kamsite.model.portfolio import Language
from kamsite.pages import SECTION_PAGES
from kamsite.pages.labels import Say

SECTION_LABELS: dict[str, str] = {
    path: "dashboard" if path == "index.md" else path.split("/")[0] for path in SECTION_PAGES
}
"""Label key of each generated section page: the section's folder, `dashboard` for the home
page. Derived from `SECTION_PAGES`, so a new section needs only its page and its label."""


def site_title(portfolio: object) -> Markup | None:
    """The site title from portfolio.yaml as parsed, read before validation (which reports
    a bad file): its `name` on one line, as the header and `<title>` show it; None when
    there is no usable name, so the `site_name` of mkdocs.yml stays.

    HTML-escaped, as Markup: the name comes from pull requests, and Material prints
    `site_name` both as it is and through `| e`, which leaves Markup alone.
    """
    name = portfolio.get("name") if isinstance(portfolio, dict) else None
    if not isinstance(name, str):
        return None
    return escape(" ".join(name.split())) or None


def section_title(path: str, title: str | None, language: Language) -> str | None:
    """The title a nav entry for the page at `path` (relative to the docs dir) should show
    instead of `title`, or None to leave the entry as it is.

    Only generated section pages are renamed, and only when the entry's title is missing or
    a default (see `_defaults`): other wording is the author's and stays, and so do free
    pages and nav sections.
    """
    key = SECTION_LABELS.get(path)
    if key is None:
        return None
    wanted = Say(language)(key)
    if title == wanted or (title is not None and title.strip().casefold() not in _defaults(key)):
        return None
    return wanted


def _defaults(key: str) -> set[str]:
    """Titles nobody chose, in any case: the section's label in any language (as `kamsite
    init` writes them, e.g. `Accounts` or `客户`) and its name as its URL spells it
    (`Relationships` for /relationships/), so a portfolio that changes language follows."""
    return {Say(each)(key).casefold() for each in Language} | {key.casefold()}
