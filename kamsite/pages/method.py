"""The method page (`/method/`): every score explained from the live config.

The text comes from `kamsite.score.method`, which reads the same constants as the
scoring code. Its bodies embed criterion labels from portfolio.yaml, which is
content like any other, so each body is rendered and sanitized here before it
reaches the page.
"""

from __future__ import annotations

from kamsite.pages.context import Site
from kamsite.pages.markdown import page_title
from kamsite.pages.markup import block, rich
from kamsite.pages.widgets import heading
from kamsite.score.method import explain


def method_page(site: Site) -> str:
    say = site.say
    parts = [page_title(say("method"))]
    for section in explain(site.content.settings):
        parts.append(heading(2, section.title, section.anchor))
        parts.append(block(rich(section.body)))
    return "\n".join(parts)
