"""The generated site as in-memory Markdown files keyed by their path under the docs dir.

Core, not plugin code: MkDocs registers these as generated files, and
`write_pages` puts the same set in a folder for builders that run no MkDocs
plugins (Zensical). Every item page is `<section>/<id>/index.md`, so its URL is
`/<section>/<id>/` and an id such as `index` cannot clash with the section index.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from functools import partial
from pathlib import Path

from kamsite.cache import SignedStore
from kamsite.model import Content
from kamsite.pagecache import join, split
from kamsite.pages.account import account_page
from kamsite.pages.context import Drawings, Site
from kamsite.pages.method import method_page
from kamsite.pages.portfolio import accounts_index_page, actions_page, dashboard_page, risks_page
from kamsite.pages.review import relationships_page
from kamsite.pages.strategy import strategies_index_page, strategy_page
from kamsite.pages.team import Duties, duties, member_page, team_index_page
from kamsite.pages.templates import template_sources
from kamsite.pages.trends import Trends
from kamsite.score import PortfolioScores

SECTION_PAGES = (
    "index.md",
    "accounts/index.md",
    "strategies/index.md",
    "team/index.md",
    "actions/index.md",
    "risks/index.md",
    "relationships/index.md",
    "method/index.md",
)


def account_page_path(account_id: str) -> str:
    return f"accounts/{account_id}/index.md"


def indexed(path: str) -> bool:
    """Whether search reads a page's tables. Search covers accounts and stakeholders: the
    account and strategy pages that hold them, and the method. The listing pages (dashboard,
    indexes, team, actions, risks, relationships) repeat what those hold, so a hit there
    would only echo the account's own row; they are found by their titles and headings."""
    if path in SECTION_PAGES:
        return path == "method/index.md"
    return path.startswith(("accounts/", "strategies/"))


Page = str | Iterator[str]
"""A page as made: its text, or the pieces its layout renders (`Site.stream`)."""


def page_makers(
    content: Content,
    scores: PortfolioScores,
    drawings: Drawings,
    as_of: dt.date,
    *,
    overrides: Path | None = None,
    memo: SignedStore | None = None,
    trends: Trends | None = None,
) -> dict[str, Callable[[], Page]]:
    """Every generated page as a function that makes it, so a caller can make only the pages
    whose inputs changed (an account page needs only its account's drawing).

    `overrides` is a folder (a portfolio's `theme/kamsite/`) whose `<kind>.html` files
    replace the packaged layouts of the same name; `memo` keeps rendered pages by their
    view (see `Site.memo`); `trends` are the history pictures (none without a history).
    """
    return makers_of(Site(content, scores, drawings, as_of, overrides, memo, trends))


def makers_of(site: Site) -> dict[str, Callable[[], Page]]:
    """`page_makers` of a site a caller keeps (to `prepare` it before forking workers)."""
    content = site.content
    everyone = duties(site)
    makers: dict[str, Callable[[], Page]] = {
        "index.md": lambda: dashboard_page(site),
        "accounts/index.md": lambda: accounts_index_page(site),
        "strategies/index.md": lambda: strategies_index_page(site),
        "team/index.md": lambda: team_index_page(site, everyone),
        "actions/index.md": lambda: actions_page(site),
        "risks/index.md": lambda: risks_page(site),
        "relationships/index.md": lambda: relationships_page(site),
        "method/index.md": lambda: method_page(site),
    }
    for account in site.accounts():
        makers[account_page_path(account.id)] = partial(account_page, site, account)
    for key in sorted(content.strategies):
        makers[f"strategies/{key}/index.md"] = partial(strategy_page, site, content.strategies[key])
    for member in content.team.members:
        mine = everyone.get(member.id, Duties())
        makers[f"team/{member.id}/index.md"] = partial(member_page, site, member, mine)
    return dict(sorted(makers.items()))


def generate_pages(
    content: Content,
    scores: PortfolioScores,
    drawings: Drawings,
    as_of: dt.date,
    *,
    overrides: Path | None = None,
) -> dict[str, str]:
    """Every generated page, sorted by path; a pure function of its arguments and templates.
    Each is the text `split` and `join` give back (raw blocks without the whitespace at
    their edges), as a build stores and publishes it."""
    makers = page_makers(content, scores, drawings, as_of, overrides=overrides)
    return {path: join(split(make(), indexed=False)) for path, make in makers.items()}


def write_pages(pages: dict[str, str], folder: Path) -> None:
    """Write the set under `folder` (UTF-8, LF), for site builders that run no MkDocs plugins."""
    for path, markdown in pages.items():
        target = folder / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(markdown, encoding="utf-8", newline="\n")


__all__ = [
    "SECTION_PAGES",
    "Drawings",
    "Page",
    "account_page_path",
    "generate_pages",
    "indexed",
    "makers_of",
    "page_makers",
    "template_sources",
    "write_pages",
]
