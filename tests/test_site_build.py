"""Real `mkdocs build --strict` of the example portfolio and of portfolios written here."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml
from conftest import PIPE, REPO, TEMPLATE, build, hostile_portfolio, make_project

pytestmark = pytest.mark.slow

SECTIONS = (
    "",
    "accounts/",
    "strategies/",
    "team/",
    "actions/",
    "risks/",
    "relationships/",
    "method/",
)


def _ids(folder: str) -> list[str]:
    return sorted(p.stem for p in (REPO / "content" / folder).glob("*.yaml"))


def _page(site: Path, url: str) -> str:
    return (site / url / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("url", SECTIONS)
def test_example_has_every_section_page(example_site: Path, url: str) -> None:
    assert (site_page := example_site / url / "index.html").is_file(), site_page


def test_example_has_every_item_page(example_site: Path) -> None:
    team = yaml.safe_load((REPO / "content" / "team.yaml").read_text(encoding="utf-8"))
    urls = [f"accounts/{i}/" for i in _ids("accounts")]
    urls += [f"strategies/{i}/" for i in _ids("strategies")]
    urls += [f"team/{m['id']}/" for m in team["members"]]
    missing = [u for u in urls if not (example_site / u / "index.html").is_file()]
    assert urls and not missing


def test_every_account_page_draws_its_decision_chain(example_site: Path) -> None:
    for account_id in _ids("accounts"):
        page = _page(example_site, f"accounts/{account_id}/")
        chain = re.search(
            r'<div class="kam-graph kam-graph--chain"[^>]*><svg[^>]*>(.*?)</svg>', page, re.S
        )
        assert chain, account_id
        assert "<g" in chain.group(1), account_id


def test_dashboard_has_matrix_linking_to_accounts(example_site: Path) -> None:
    page = _page(example_site, "")
    matrix = re.search(r'<div class="kam-graph kam-graph--matrix"[^>]*>(.*?)</svg>', page, re.S)
    assert matrix
    assessed = [
        i
        for i in _ids("accounts")
        if "assessment" in yaml.safe_load((REPO / "content/accounts" / f"{i}.yaml").read_bytes())
    ]
    assert assessed
    for account_id in assessed:  # A and S place a bubble; an unassessed account has none
        assert f'href="accounts/{account_id}/"' in matrix.group(1)


def test_individual_pages_stay_out_of_the_nav(example_site: Path) -> None:
    page = _page(example_site, "")
    start = page.index('<nav class="md-nav md-nav--primary"')
    nav = page[start : page.index("md-sidebar--secondary")]
    assert "Accounts" in nav and "Method" in nav
    assert "northwind-telecom" not in nav


def test_stakeholder_rows_are_anchored(example_site: Path) -> None:
    source = yaml.safe_load(
        (REPO / "content" / "accounts" / "northwind-telecom.yaml").read_text(encoding="utf-8")
    )
    page = _page(example_site, "accounts/northwind-telecom/")
    for person in source["stakeholders"]:
        assert re.search(f'<tr id="{person["id"]}"[ >]', page)  # a left/moved row has a class
        assert f'href="#{person["id"]}"' in page  # the decision chain node links to the row


def test_no_raw_yaml_and_no_remote_assets(example_site: Path) -> None:
    assert not [p for p in example_site.rglob("*") if p.suffix in (".yaml", ".yml")]
    for page in example_site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        remote = re.findall(
            r'(?:src|href)="(?:https?:)?//(?!127\.0\.0\.1)[^"]*\.(?:js|css|woff2?)"', text
        )
        assert not remote, (page, remote)


class _Inspector(HTMLParser):
    """Collects what would execute: script bodies, event-handler attributes, javascript: URLs."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []
        self.cells: list[str] = []
        self._script = False
        self._cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"<{tag} {name}=...>")
            if (value or "").strip().lower().startswith("javascript:"):
                self.problems.append(f"<{tag} {name}={value}>")
        if tag in ("script", "img") and "kamhostile" in str(attrs):
            self.problems.append(f"<{tag} {attrs}>")
        self._script = tag == "script"
        if tag in ("td", "th"):
            self._cell = []

    def handle_endtag(self, tag: str) -> None:
        self._script = False
        if tag in ("td", "th") and self._cell is not None:
            self.cells.append("".join(self._cell))
            self._cell = None

    def handle_data(self, data: str) -> None:
        if self._script and "kamhostile" in data:
            self.problems.append(f"script body: {data[:80]}")
        if self._cell is not None:
            self._cell.append(data)


def _inspect(text: str) -> _Inspector:
    inspector = _Inspector()
    inspector.feed(text)
    inspector.close()
    return inspector


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = make_project(tmp_path_factory.mktemp("hostile") / "p", hostile_portfolio())
    return build(project)


def test_hostile_text_never_lands_unescaped(hostile_site: Path) -> None:
    pages = sorted(hostile_site.rglob("*.html")) + sorted(hostile_site.rglob("*.svg"))
    assert len(pages) > 8
    for page in pages:
        inspector = _inspect(page.read_text(encoding="utf-8"))
        assert not inspector.problems, (page, inspector.problems)


def test_hostile_text_shows_as_text(hostile_site: Path) -> None:
    page = _page(hostile_site, "accounts/evil-corp/")
    inspector = _inspect(page)
    assert any(PIPE in cell and "<script>" in cell for cell in inspector.cells)  # one cell, intact
    assert TEMPLATE in page  # not evaluated by any template engine
    assert "&lt;script&gt;kamhostile()&lt;/script&gt;" in page
    title = re.search(r"<title>(.*?)</title>", page, re.S)
    assert title and "&lt;script&gt;" in title.group(1)


def test_hostile_text_escaped_in_search_index(hostile_site: Path) -> None:
    index = json.loads((hostile_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    for doc in index["docs"]:
        for field in ("title", "text"):
            value = doc.get(field, "")
            assert "<script" not in value.lower(), doc["location"]
            assert not _inspect(value).problems, doc["location"]
    # Material's search puts U+200B between the Chinese words jieba finds.
    said = (doc["title"] + doc["text"] for doc in index["docs"])
    assert any("王大伟" in text.replace("\u200b", "") for text in said)


def test_hostile_build_publishes_no_yaml_and_handles_id_index(hostile_site: Path) -> None:
    assert not list(hostile_site.rglob("*.yaml"))
    assert "Account called index" in _page(hostile_site, "accounts/index/")
    assert "Evil" in _page(hostile_site, "accounts/")


def test_chinese_portfolio_builds_with_chinese_labels(tmp_path: Path) -> None:
    files = hostile_portfolio(language="zh")
    site = build(make_project(tmp_path / "zh", files, language="zh"))
    page = _page(site, "accounts/evil-corp/")
    assert "决策链" in page and 'lang="zh"' in page


def test_language_mismatch_fails_strict(tmp_path: Path) -> None:
    project = make_project(tmp_path / "mismatch", hostile_portfolio(language="zh"), language="en")
    with pytest.raises(AssertionError, match=r"theme\.language"):
        build(project)


def test_content_errors_fail_the_build(tmp_path: Path) -> None:
    files = hostile_portfolio()
    files["accounts/evil-corp.yaml"]["owner"] = "nobody"
    with pytest.raises(AssertionError, match="unknown-ref"):
        build(make_project(tmp_path / "broken", files))


def test_two_builds_in_different_directories_are_byte_identical(
    example_site: Path, tmp_path: Path
) -> None:
    again = build(make_project(tmp_path / "elsewhere" / "deeper", REPO / "content"))
    first = {
        p.relative_to(example_site): p.read_bytes() for p in example_site.rglob("*") if p.is_file()
    }
    second = {p.relative_to(again): p.read_bytes() for p in again.rglob("*") if p.is_file()}
    assert sorted(first) == sorted(second)
    different = [str(path) for path in first if first[path] != second[path]]
    assert not different


def test_search_finds_a_fact_where_it_lives(example_site: Path) -> None:
    """Search covers accounts and stakeholders: an action is found on its account's page,
    and the listing pages that repeat it (actions, team, dashboard) add no hit of their own,
    though their titles and headings are still found."""
    index = json.loads((example_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    what = "Executive briefing for the CIO on branch-network security"
    holding = sorted({d["location"].split("#")[0] for d in index["docs"] if what in d["text"]})
    assert holding == ["accounts/harborview-bank/"]
    listings = [d for d in index["docs"] if d["location"].startswith(("actions/", "team/"))]
    assert {d["location"] for d in listings} >= {"actions/", "team/"}
    assert all(len(d["text"]) < 200 for d in listings), [d["location"] for d in listings]
