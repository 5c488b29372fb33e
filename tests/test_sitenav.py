"""The site title and nav section names follow the portfolio (kamsite.sitenav)."""

from __future__ import annotations

from pathlib import Path

import jinja2
import pytest
import yaml
from click.testing import CliRunner
from conftest import HOSTILE, REPO

from kamsite.cli import main
from kamsite.load import parse
from kamsite.model.portfolio import Language
from kamsite.pages import SECTION_PAGES
from kamsite.pages.labels import Say
from kamsite.sitenav import SECTION_LABELS, section_title, site_title

REALISTIC = REPO / "tests" / "fixtures" / "realistic" / "content"


def _nav(mkdocs_yml: Path) -> list[tuple[str | None, str]]:
    """(title, page) of each entry of a real mkdocs.yml nav; None where the title is left out."""
    entries: list[tuple[str | None, str]] = []
    for entry in yaml.safe_load(mkdocs_yml.read_text(encoding="utf-8"))["nav"]:
        if isinstance(entry, str):
            entries.append((None, entry))
        else:
            ((title, page),) = entry.items()
            entries.append((title, page))
    return entries


def _shown(entries: list[tuple[str | None, str]], language: Language) -> dict[str, str | None]:
    """What each entry shows once renamed: the new title, else the one it had."""
    return {page: section_title(page, title, language) or title for title, page in entries}


def _labels(language: Language) -> dict[str, str]:
    """Each section page's label in `language`."""
    return {page: Say(language)(key) for page, key in SECTION_LABELS.items()}


def test_every_section_page_has_a_label_in_every_language() -> None:
    assert set(SECTION_LABELS) == set(SECTION_PAGES)
    for language in Language:
        names = [Say(language)(key) for key in SECTION_LABELS.values()]
        assert len(set(names)) == len(names), names  # no two sections look alike in the nav


@pytest.mark.parametrize("language", list(Language))
def test_the_repo_nav_follows_the_portfolio_language(language: Language) -> None:
    entries = _nav(REPO / "mkdocs.yml")
    assert {page for _, page in entries} >= set(SECTION_PAGES)  # the nav lists every section
    shown = _shown(entries, language)
    assert {page: shown[page] for page in SECTION_PAGES} == _labels(language)
    # Free pages stay as authored.
    assert shown["playbook.md"] == "Playbook"
    assert shown["relationship-planning.md"] == "Relationship planning"


def test_the_repo_nav_reads_chinese_on_a_chinese_portfolio() -> None:
    shown = _shown(_nav(REPO / "mkdocs.yml"), Language.zh)
    assert {
        "index.md": "总览",
        "accounts/index.md": "客户",
        "strategies/index.md": "战略",
        "team/index.md": "团队",
        "actions/index.md": "行动",
        "risks/index.md": "风险",
        "method/index.md": "方法",
    }.items() <= shown.items()


@pytest.mark.parametrize(("written", "portfolio"), [("en", "zh"), ("zh", "en")])
def test_a_scaffold_whose_portfolio_changed_language_follows_it(
    tmp_path: Path, written: str, portfolio: str
) -> None:
    """The sections of a `kamsite init` nav follow a portfolio whose language changed
    afterwards; its free page keeps its name."""
    result = CliRunner().invoke(main, ["init", str(tmp_path / "port"), "--language", written])
    assert result.exit_code == 0, result.output
    entries = _nav(tmp_path / "port" / "mkdocs.yml")
    shown = _shown(entries, Language(portfolio))
    assert {page: shown[page] for page in SECTION_PAGES} == _labels(Language(portfolio))
    assert shown["playbook.md"] == {p: t for t, p in entries}["playbook.md"]


def test_a_section_named_as_its_url_is_a_default() -> None:
    assert section_title("risks/index.md", "risks", Language.zh) == "风险"
    assert section_title("team/index.md", "TEAM", Language.en) == "Team"


def test_a_section_entry_without_a_title_gets_the_label() -> None:
    assert section_title("team/index.md", None, Language.zh) == "团队"
    assert section_title("team/index.md", None, Language.en) == "Team"


def test_a_default_with_stray_spaces_is_still_a_default() -> None:
    assert section_title("risks/index.md", " Risks ", Language.zh) == "风险"
    assert section_title("risks/index.md", " Risks ", Language.en) == "Risks"


@pytest.mark.parametrize("title", ["Our customers", "客户清单", "Clients", "Accounts list"])
def test_the_authors_own_wording_stays(title: str) -> None:
    assert section_title("accounts/index.md", title, Language.zh) is None


@pytest.mark.parametrize(
    "path", ["playbook.md", "accounts/northwind-telecom/index.md", "team/amy/index.md", "x.md"]
)
def test_only_generated_section_pages_are_renamed(path: str) -> None:
    assert section_title(path, None, Language.zh) is None
    assert section_title(path, "Accounts", Language.zh) is None


def test_the_site_title_is_the_portfolio_name() -> None:
    document = parse((REALISTIC / "portfolio.yaml").read_bytes()).data
    assert site_title(document) == "海联通信技术有限公司 — 重点客户组合"
    assert site_title(parse((REPO / "content" / "portfolio.yaml").read_bytes()).data) == (
        "Huaxin Networks &amp; Industrial Systems — Key Accounts"
    )


def test_a_hostile_name_stays_text_where_material_prints_the_title() -> None:
    """MkDocs renders without autoescape; Material prints `site_name` both raw and `| e`."""
    title = site_title({"name": f"Acme & Co {HOSTILE}"})
    material = jinja2.Environment(autoescape=False).from_string(
        '<title>{{ config.site_name }}</title><a title="{{ config.site_name | e }}"'
        ' aria-label="{{ config.site_name }}">{{ config.site_name }}</a>'
    )
    html = material.render(config={"site_name": title})
    assert "<script" not in html and '" onerror' not in html and "&amp;amp;" not in html
    assert html.count("Acme &amp; Co &lt;script&gt;kamhostile()&lt;/script&gt;") == 4
    assert "{{ 7*7 }}" in html


def test_the_site_title_is_one_line() -> None:
    document = parse("kind: portfolio\nname: >\n  华东\n  大客户\n".encode()).data
    assert site_title(document) == "华东 大客户"


@pytest.mark.parametrize(
    "document",
    [None, [], "name", {}, {"name": None}, {"name": 42}, {"name": "  \n "}, {"kind": "team"}],
)
def test_no_usable_name_keeps_the_site_name_of_mkdocs_yml(document: object) -> None:
    assert site_title(document) is None
