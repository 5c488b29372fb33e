"""Searching a Chinese portfolio in real chromium: a word inside a name finds its account.

Material's search indexes Chinese as words only when jieba is installed (a kamsite
dependency); without it 燕山电网有限公司 is one word and typing 电网 finds nothing. The
portfolio (tests/fixtures/search_zh) names three accounts after an everyday word each and
one after none of them; the sites are served over HTTP, as search needs.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
import yaml
from browser_support import Visit, served
from click.testing import CliRunner
from conftest import REPO, build, make_project

from kamsite.cli import main

pytestmark = [pytest.mark.slow]

CONTENT = REPO / "tests" / "fixtures" / "search_zh" / "content"
ACCOUNTS = {
    "电网": "yanshan-grid",  # 燕山电网有限公司
    "汽车": "huabei-auto",  # 华北汽车集团
    "物流": "shunda-logistics",  # 顺达物流股份
}
PERSON, PERSON_ROW = "欧阳明远", "ouyang-mingyuan"  # a stakeholder of yanshan-grid
RESULT = ".md-search-result__item a"


def _scaffolded(root: Path, language: str) -> Path:
    """What `kamsite init` writes (its mkdocs.yml and search settings) with the fixture's
    plans in place of the example ones, the portfolio in `language`."""
    result = CliRunner().invoke(main, ["init", str(root), "--language", language])
    assert result.exit_code == 0, result.output
    content = root / "content"
    shutil.rmtree(content / "accounts")
    shutil.rmtree(content / "strategies")
    for name in ("portfolio.yaml", "team.yaml"):
        (content / name).unlink()
    shutil.copytree(CONTENT, content, dirs_exist_ok=True)
    portfolio = content / "portfolio.yaml"
    text = portfolio.read_text(encoding="utf-8")
    portfolio.write_text(text.replace("language: zh", f"language: {language}"), encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def repo_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The fixture built with this repository's mkdocs.yml."""
    project = make_project(tmp_path_factory.mktemp("search") / "project", CONTENT, language="zh")
    with served(build(project)) as url:
        yield url


@pytest.fixture(scope="module", params=["zh", "en"])
def scaffold_site(tmp_path_factory: pytest.TempPathFactory, request: Any) -> Iterator[str]:
    """The fixture built with the mkdocs.yml `kamsite init` writes, in either language."""
    root = _scaffolded(tmp_path_factory.mktemp("scaffold") / "port", request.param)
    with served(build(root)) as url:
        yield url


def _search(visit: Visit, base: str, query: str, expected: str) -> list[tuple[str, str]]:
    """Type `query` into the site's search box; (path, fragment) of every result, read once
    a result whose link holds `expected` is shown."""
    page = visit.page
    page.goto(base, wait_until="networkidle")
    box = page.locator("input.md-search__input")
    box.click()
    box.fill(query)
    box.press("End")  # Material searches on keyup, which fill() does not send
    page.locator(f'{RESULT}[href*="{expected}"]').first.wait_for()
    hrefs = page.eval_on_selector_all(RESULT, "links => links.map(a => a.href)")
    assert not visit.errors
    return [(urlsplit(h).path, urlsplit(h).fragment) for h in hrefs]


def _accounts(results: list[tuple[str, str]]) -> set[str]:
    """The account pages among the results."""
    return {
        path.split("/")[2]
        for path, _ in results
        if path.startswith("/accounts/") and path.count("/") == 3
    }


@pytest.mark.browser
@pytest.mark.parametrize("word", list(ACCOUNTS))
def test_a_word_inside_a_name_finds_that_account_only(
    visit: Visit, repo_site: str, word: str
) -> None:
    results = _search(visit, repo_site, word, f"accounts/{ACCOUNTS[word]}/")
    assert _accounts(results) == {ACCOUNTS[word]}


@pytest.mark.browser
@pytest.mark.parametrize(
    ("query", "account"), [("电网", "yanshan-grid"), ("顺达物流股份", "shunda-logistics")]
)
def test_the_scaffold_search_settings_find_words_and_whole_names(
    visit: Visit, scaffold_site: str, query: str, account: str
) -> None:
    """In an English portfolio too: jieba splits the Chinese names there as well."""
    results = _search(visit, scaffold_site, query, f"accounts/{account}/")
    assert _accounts(results) == {account}


@pytest.mark.browser
def test_a_person_found_by_name_opens_their_row(visit: Visit, repo_site: str) -> None:
    account = ACCOUNTS["电网"]
    results = _search(visit, repo_site, PERSON, f"accounts/{account}/")
    assert (f"/accounts/{account}/", PERSON_ROW) in results
    visit.page.locator(f'{RESULT}[href$="#{PERSON_ROW}"]').first.click()
    visit.page.wait_for_url(f"**#{PERSON_ROW}")
    row = visit.page.locator("tr:target")
    assert row.get_attribute("id") == PERSON_ROW
    assert PERSON in row.inner_text()
    assert visit.page.evaluate(
        f"() => {{ const r = document.getElementById('{PERSON_ROW}').getBoundingClientRect();"
        " return r.top >= 0 && r.top < window.innerHeight; }"
    )
    assert not visit.errors


def test_the_index_holds_chinese_words_and_is_reproducible(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two builds from empty caches (kamsite's, and TMPDIR where jieba caches its dictionary):
    the first builds jieba's dictionary and every page, the second, in another directory,
    takes both from the caches the first left. The sites are byte-identical."""
    for name in ("TMPDIR", "XDG_CACHE_HOME"):
        (tmp_path / name).mkdir()
        monkeypatch.setenv(name, str(tmp_path / name))
    first = build(make_project(tmp_path / "one", CONTENT, language="zh"))
    second = build(make_project(tmp_path / "two" / "deeper", CONTENT, language="zh"))
    files = {p.relative_to(first): p.read_bytes() for p in first.rglob("*") if p.is_file()}
    again = {p.relative_to(second): p.read_bytes() for p in second.rglob("*") if p.is_file()}
    assert sorted(files) == sorted(again)
    assert [str(path) for path in files if files[path] != again[path]] == []
    index = json.loads(files[Path("search/search_index.json")])
    (title,) = [d["title"] for d in index["docs"] if d["location"] == "accounts/yanshan-grid/"]
    assert "电网" in title.split("\u200b")


@pytest.mark.browser
def test_a_chinese_portfolio_names_the_site_and_its_sections_in_chinese(
    visit: Visit, repo_site: str
) -> None:
    """The project's mkdocs.yml says "Accounts" and its own site_name; the portfolio's name
    and language win (free pages staying as written: tests/test_sitenav.py)."""
    name = yaml.safe_load((CONTENT / "portfolio.yaml").read_text(encoding="utf-8"))["name"]
    visit.page.goto(repo_site + "accounts/", wait_until="networkidle")
    assert visit.page.title() == f"客户 - {name}"
    nav = visit.page.locator("nav.md-nav--primary").inner_text()
    for section in ("总览", "客户", "战略", "团队", "行动", "风险", "方法"):
        assert section in nav, section
    assert "Accounts" not in nav
