"""The built example site in real headless chromium, served from 127.0.0.1 like an intranet."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from browser_support import Visit, served

pytestmark = [pytest.mark.slow, pytest.mark.browser]


@pytest.fixture(scope="module")
def base_url(example_site: Path) -> Iterator[str]:
    with served(example_site) as url:
        yield url


def _only_local(requests: list[str], base: str) -> list[str]:
    host = urlsplit(base).netloc
    return [
        u
        for u in requests
        if urlsplit(u).scheme not in ("data", "blob") and urlsplit(u).netloc != host
    ]


def test_dashboard_renders_without_errors_or_remote_requests(
    visit: Visit, base_url: str, tmp_path: Path
) -> None:
    visit.page.goto(base_url, wait_until="networkidle")
    assert visit.page.locator(".kam-tiles").first.is_visible()
    assert visit.page.locator(".kam-graph--matrix svg").is_visible()
    visit.page.locator("table.kam-sortable th").nth(3).click()  # sort by A: the script runs
    assert visit.page.locator("table.kam-sortable th[aria-sort]").count() == 1
    visit.page.screenshot(path=str(tmp_path / "dashboard.png"), full_page=True)
    assert not visit.errors
    assert not _only_local(visit.requests, base_url)


def test_click_on_stakeholder_node_lands_on_its_row(
    visit: Visit, base_url: str, tmp_path: Path
) -> None:
    visit.page.goto(base_url + "accounts/northwind-telecom/", wait_until="networkidle")
    node = visit.page.locator('.kam-graph--chain svg a[href="#chen-gang"]').first
    node.scroll_into_view_if_needed()
    node.click()
    visit.page.wait_for_url("**#chen-gang")
    row = visit.page.locator("tr:target")
    assert row.get_attribute("id") == "chen-gang"
    assert row.is_visible()
    assert visit.page.evaluate(
        "() => { const r = document.getElementById('chen-gang').getBoundingClientRect();"
        " return r.top >= 0 && r.top < window.innerHeight; }"
    )
    visit.page.screenshot(path=str(tmp_path / "stakeholder.png"))
    assert not visit.errors
    assert not _only_local(visit.requests, base_url)


def test_click_on_matrix_bubble_opens_the_account(visit: Visit, base_url: str) -> None:
    visit.page.goto(base_url, wait_until="networkidle")
    bubble = visit.page.locator('.kam-graph--matrix svg a[href="accounts/northwind-telecom/"]')
    bubble.scroll_into_view_if_needed()
    bubble.locator("circle").first.click()
    visit.page.wait_for_url("**/accounts/northwind-telecom/")
    assert "Northwind Telecom" in visit.page.locator("h1").inner_text()
    assert not _only_local(visit.requests, base_url)


def test_search_finds_stakeholder_by_chinese_name(
    visit: Visit, base_url: str, tmp_path: Path
) -> None:
    visit.page.goto(base_url, wait_until="networkidle")
    search = visit.page.locator("input.md-search__input")
    search.click()
    search.fill("李建国")
    search.press("End")  # Material searches on keyup, which fill() does not send
    result = visit.page.locator(
        '.md-search-result__item a[href*="jianghuai-power/"][href$="#li-jianguo"]'
    )
    result.first.wait_for()
    visit.page.screenshot(path=str(tmp_path / "search.png"))
    assert not visit.errors
    assert not _only_local(visit.requests, base_url)
