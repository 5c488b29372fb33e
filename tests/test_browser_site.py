"""The built example site in real headless chromium, served from 127.0.0.1 like an intranet."""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

pytestmark = [pytest.mark.slow, pytest.mark.browser]

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        """Keep test output readable."""


@pytest.fixture(scope="module")
def base_url(example_site: Path) -> Iterator[str]:
    handler = functools.partial(_Quiet, directory=str(example_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}/"
    server.shutdown()
    thread.join()
    server.server_close()


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield launched
        launched.close()


class Visit:
    """A page that records console errors and every request it makes."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.errors: list[str] = []
        self.requests: list[str] = []
        page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: self.errors.append(str(e)))
        page.on("request", lambda r: self.requests.append(r.url))


@pytest.fixture
def visit(browser: Browser, tmp_path: Path) -> Iterator[Visit]:
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    session = Visit(page)
    yield session
    page.screenshot(path=str(tmp_path / "last.png"), full_page=True)
    context.close()


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
