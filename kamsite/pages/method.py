"""The method page (`/method/`): every score explained from the live config.

The text comes from `kamsite.score.method`, which reads the same constants as the
scoring code. Its bodies embed criterion labels from portfolio.yaml, which is
content like any other, so each body is rendered and sanitized here before it
reaches the page.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from kamsite.pages.context import Site
from kamsite.pages.markup import rich
from kamsite.score.method import explain


@dataclass(frozen=True, slots=True)
class MethodSection:
    """`anchor` is fixed by kamsite; `body` is the sanitized explanation."""

    title: str
    anchor: str
    body: Markup


def method_page(site: Site) -> str:
    sections = tuple(
        MethodSection(s.title, s.anchor, rich(s.body)) for s in explain(site.content.settings)
    )
    return site.render("method.html", sections=sections)
