"""Page layouts are Jinja2 templates (issue 10): overrides, escaping, determinism, raw blocks.

Pages are generated in-process from the hostile portfolio of conftest (no MkDocs, no
Graphviz), so these run in a blink; the built site is covered by test_site_build.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import pytest
from conftest import SCRIPT, TEMPLATE, hostile_portfolio
from jinja2 import TemplateSyntaxError
from jinja2.exceptions import SecurityError

from kamsite.model import Account, Content, PortfolioSettings, Strategy, Team
from kamsite.pagecache import RAW_CLOSE, RAW_OPEN
from kamsite.pages import Drawings, generate_pages, template_sources
from kamsite.score import score_portfolio

ACCOUNT_PAGES = re.compile(r"^accounts/[^/]+/index\.md$")
OVERRIDE = """{% import "_kam.html" as kam with context %}
{{ page_title(page.name) }}
{% filter raw %}
<p class="overridden">Our own layout for {{ page.name }}, owner {{ kam.link(page.owner) }}</p>
{% endfilter %}
"""


AS_OF = dt.date(2026, 11, 1)


def hostile_content(language: str = "en") -> Content:
    files: dict[str, Any] = hostile_portfolio(language)
    accounts = [v for k, v in files.items() if k.startswith("accounts/")]
    strategies = [v for k, v in files.items() if k.startswith("strategies/")]
    return Content(
        settings=PortfolioSettings.model_validate(files["portfolio.yaml"]),
        team=Team.model_validate(files["team.yaml"]),
        accounts={a["id"]: Account.model_validate(a) for a in accounts},
        strategies={s["id"]: Strategy.model_validate(s) for s in strategies},
    )


def generate(content: Content, overrides: Path | None = None) -> dict[str, str]:
    scores = score_portfolio(content, AS_OF)
    return generate_pages(content, scores, Drawings(), AS_OF, overrides=overrides)


@pytest.fixture(scope="module")
def content() -> Content:
    return hostile_content()


def test_an_override_replaces_the_account_layout_on_every_account_page(
    content: Content, tmp_path: Path
) -> None:
    (tmp_path / "account.html").write_text(OVERRIDE, encoding="utf-8")
    plain = generate(content)
    pages = generate(content, overrides=tmp_path)
    accounts = [path for path in pages if ACCOUNT_PAGES.match(path)]
    assert len(accounts) == 2
    for path in accounts:
        assert '<p class="overridden">Our own layout for ' in pages[path]
        assert "<script>" not in pages[path].replace(RAW_OPEN, "")
    evil = pages["accounts/evil-corp/index.md"]
    assert "&lt;script&gt;kamhostile()&lt;/script&gt;" in evil  # content text still escaped
    assert TEMPLATE in evil  # and never evaluated as a template
    others = [path for path in pages if not ACCOUNT_PAGES.match(path)]
    assert others and all(pages[path] == plain[path] for path in others)


def test_an_override_may_use_the_shared_macros_of_the_package(
    content: Content, tmp_path: Path
) -> None:
    (tmp_path / "account.html").write_text(OVERRIDE, encoding="utf-8")
    page = generate(content, overrides=tmp_path)["accounts/evil-corp/index.md"]
    assert 'owner <a href="../../team/amy/">Amy &lt;script&gt;' in page


def test_an_html_block_is_the_raw_filter_streamed(content: Content, tmp_path: Path) -> None:
    """`{% html %}` (what the portfolio-wide layouts use, so their rows are not gathered in
    memory) makes the page `{% filter raw %}` makes, in the sandbox too, whitespace at the
    block's edges and escaping included."""
    layout = """{{ page_title("People") }}
{% BLOCK %}

  <table>{% for p in people %}<tr><td>{{ p.name.text }}</td></tr>
{% endfor %}</table>
  {% if not people %}none{% endif %}

{% ENDBLOCK %}
"""
    pages = {}
    for tag, end in (("filter raw", "endfilter"), ("html", "endhtml")):
        (tmp_path / tag).mkdir()
        source = layout.replace("ENDBLOCK", end).replace("BLOCK", tag)
        (tmp_path / tag / "relationships.html").write_text(source, encoding="utf-8")
        pages[tag] = generate(content, overrides=tmp_path / tag)["relationships/index.md"]
    assert pages["html"] == pages["filter raw"]
    assert f"\n{RAW_OPEN}\n<table><tr><td>" in pages["html"]
    assert f"</table>\n{RAW_CLOSE}\n" in pages["html"]
    assert "&lt;script&gt;kamhostile()" in pages["html"] and "<script>" not in pages["html"]


@pytest.mark.parametrize("layout", ["relationships", "actions", "risks"])
def test_a_streamed_layout_makes_the_page_the_raw_filter_makes(
    content: Content, tmp_path: Path, layout: str
) -> None:
    """The layouts whose tables grow with the portfolio stream their blocks (`{% html %}`);
    the same layouts written with `{% filter raw %}` give the same pages, byte for byte."""
    source = (Path(__file__).parents[1] / "kamsite" / "templates" / f"{layout}.html").read_text()
    assert "{% html %}" in source
    filtered = source.replace("{% html %}", "{% filter raw %}").replace(
        "{% endhtml %}", "{% endfilter %}"
    )
    (tmp_path / f"{layout}.html").write_text(filtered, encoding="utf-8")
    path = f"{layout}/index.md"
    streamed = generate(content)[path]
    assert RAW_OPEN in streamed and generate(content, overrides=tmp_path)[path] == streamed


def test_a_broken_override_fails_loudly(content: Content, tmp_path: Path) -> None:
    (tmp_path / "account.html").write_text("{% if %}", encoding="utf-8")
    with pytest.raises(TemplateSyntaxError):
        generate(content, overrides=tmp_path)


def test_template_sources_name_every_override_file_in_order(tmp_path: Path) -> None:
    assert template_sources(None) == b""
    assert template_sources(tmp_path / "missing") == b""
    (tmp_path / "b.html").write_text("B", encoding="utf-8")
    (tmp_path / "a.html").write_text("A", encoding="utf-8")
    first = template_sources(tmp_path)
    assert first.index(b"a.html") < first.index(b"b.html")
    (tmp_path / "a.html").write_text("A2", encoding="utf-8")
    assert template_sources(tmp_path) != first


def test_two_generations_are_identical(content: Content) -> None:
    assert generate(content) == generate(content)


def test_every_raw_block_is_closed_and_holds_no_marker_of_its_own(content: Content) -> None:
    for path, page in generate(content).items():
        blocks = re.findall(f"\n{RAW_OPEN}\n(.*?)\n{RAW_CLOSE}\n", page, re.S)
        assert page.count(RAW_OPEN) == page.count(RAW_CLOSE) == len(blocks), path
        assert all("kamsite:raw" not in block for block in blocks), path


def test_hostile_text_is_escaped_everywhere(content: Content) -> None:
    for path, page in generate(content).items():
        html = "".join(re.findall(f"{RAW_OPEN}(.*?){RAW_CLOSE}", page, re.S))
        assert SCRIPT not in html, path
        assert not re.search(r"<[^>]*\son\w+\s*=", html), path  # no event-handler attribute
        assert not re.search(r"""(?:href|src)\s*=\s*["']?\s*javascript:""", html, re.I), path


def test_markdown_headings_stay_flush_left(content: Content) -> None:
    """Templates are indented for reading; Markdown would take an indented heading for code."""
    for path, page in generate(content).items():
        assert not re.search(r"^[ \t]+#", page, re.M), path


def test_the_hostile_name_is_one_cell_of_the_people_table(content: Content) -> None:
    page = generate(content)["accounts/evil-corp/index.md"]
    assert (
        '<strong class="kam-name">Pipe|Name &lt;script&gt;kamhostile()&lt;/script&gt;</strong>'
        in page
    )


@pytest.mark.parametrize(
    "reach", ["page.__class__.__init__.__globals__", "cells.link.__globals__", "kam.name.__code__"]
)
def test_an_override_cannot_reach_python(content: Content, tmp_path: Path, reach: str) -> None:
    """A layout is a repository file a pull request can change: it renders sandboxed, the
    cell helpers written in Python (`kamsite.pages.cells`) included."""
    (tmp_path / "account.html").write_text(
        '{% import "_kam.html" as kam with context %}{{ ' + reach + " }}", encoding="utf-8"
    )
    with pytest.raises(SecurityError):
        generate(content, overrides=tmp_path)
