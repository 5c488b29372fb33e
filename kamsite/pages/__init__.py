"""The generated site as in-memory Markdown files keyed by their path under the docs dir.

Core, not plugin code: any builder can register these (MkDocs) or write them to
a folder (builders that run no MkDocs plugins).
"""

from __future__ import annotations

from kamsite.model import Content
from kamsite.pages.account import account_page


def generate_pages(content: Content) -> dict[str, str]:
    pages = {f"accounts/{a.id}.md": account_page(a) for a in content.accounts.values()}
    return dict(sorted(pages.items()))
