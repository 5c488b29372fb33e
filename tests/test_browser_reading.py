"""The plan as people read it (issue 10, DESIGN.md §6 "Reading"), checked in real chromium.

On the example portfolio and on a realistic Chinese one (tests/fixtures/realistic: 24
stakeholders in one account): graph labels at >= 11 CSS px at 1400x900 without any
interaction, tables that fit, no sideways scrolling on a phone, no contrast failure in
either palette, A4 print that cuts nothing off, flags as words, matrix names apart.

Each site is built once and each page visited once per view (desktop, phone, print,
axe) in the whole test session, whichever xdist worker gets there first; the tests
assert on what those visits measured.
"""

from __future__ import annotations

import contextlib
import fcntl
import functools
import http.server
import json
import os
import re
import shutil
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from axe_playwright_python.sync_playwright import Axe
from conftest import REPO, build, make_project
from playwright.sync_api import Browser, Page, sync_playwright

from kamsite.score.results import FlagCode

pytestmark = [
    pytest.mark.slow,
    pytest.mark.browser,
    pytest.mark.parametrize("reading", ["example", "realistic"], indirect=True, scope="module"),
]

REALISTIC = REPO / "tests" / "fixtures" / "realistic" / "content"

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"]
DESKTOP = {"width": 1400, "height": 900}
PHONE = {"width": 390, "height": 844}
A4 = {"width": 794, "height": 1123}  # A4 at 96 dpi, the width print media lays out at
MIN_LABEL_PX = 11.0
MIN_PRINT_LABEL_PX = 8.0
MAX_CELL_PX = 220

# Median label size of each drawn graph (an SVG with Graphviz nodes), as tools/readable.py.
GRAPH_JS = """() => [...document.querySelectorAll('svg')]
  .filter(s => s.querySelector('g.node, g[class*=node]'))
  .map(s => {
    const px = [...s.querySelectorAll('g[class*=node] text')].map(t => {
      const m = t.getScreenCTM();
      const f = parseFloat(t.getAttribute('font-size') || getComputedStyle(t).fontSize);
      return m ? f * Math.hypot(m.a, m.b) : 0; }).filter(x => x > 0).sort((a, b) => a - b);
    const r = s.getBoundingClientRect();
    return {name: s.getAttribute('aria-label') || '', labels: px.length,
            median: px.length ? px[Math.floor(px.length / 2)] : 0,
            width: r.width, height: r.height}; })"""
TABLE_JS = """() => [...document.querySelectorAll('.md-content table')].map(t => {
  const box = t.closest('.md-typeset__scrollwrap') || t.parentElement;
  const over = Math.max(t.scrollWidth - box.clientWidth,
                        t.getBoundingClientRect().width - box.getBoundingClientRect().width);
  const tall = Math.max(0,
    ...[...t.querySelectorAll('td')].map(td => td.getBoundingClientRect().height));
  const head = [...t.querySelectorAll('th')].slice(0, 3).map(th => th.textContent.trim()).join('|');
  return {head, over: Math.round(over), tall: Math.round(tall)}; })"""
LINKS_JS = """() => [...document.querySelectorAll('svg a[href^="#"]')]
  .map(a => decodeURIComponent(a.getAttribute('href').slice(1)))
  .filter(id => !document.getElementById(id))"""
TEXT_JS = "() => (document.querySelector('.md-content') || document.body).innerText"
TITLES_JS = (
    "() => [...document.querySelectorAll('.md-content [title]')].map(e => e.title).join('\\n')"
)
CELLS_JS = "() => [...document.querySelectorAll('.md-content td')].map(td => td.innerText.trim())"
PAGE_WIDTH_JS = "() => document.scrollingElement.scrollWidth"
MATRIX_JS = """() => {
  const boxes = [...document.querySelectorAll('svg.kamsite-matrix a text')].map(t => {
    const r = t.getBoundingClientRect();
    return [t.textContent, r.left, r.top, r.right, r.bottom]; });
  const hits = [];
  for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
    const [a, b] = [boxes[i], boxes[j]];
    if (a[1] < b[3] - 0.5 && b[1] < a[3] - 0.5 && a[2] < b[4] - 0.5 && b[2] < a[4] - 0.5)
      hits.push(a[0] + ' / ' + b[0]); }
  return {labels: boxes.length, hits}; }"""
PRINT_HIDDEN = (".md-header", ".md-sidebar--primary", ".md-search", ".md-footer")
RAW_CODE = re.compile(r"\b(?:" + "|".join(code.value for code in FlagCode) + r")\b")


@contextlib.contextmanager
def _locked(path: Path) -> Iterator[None]:
    """An exclusive lock between xdist workers (and a no-op without them)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        """Keep test output readable."""


class Reading:
    """One built site as a reader meets it, and what each view measured on its pages.

    `make test` spreads a module's tests over both workers (and pytest 9 ignores
    xdist_group), so the build and each view's measurements are made once, under a
    lock, in the session's shared temporary folder; whichever worker comes second
    reads them from there and starts no browser.
    """

    def __init__(self, name: str, content: Path, store: Path) -> None:
        self.name, self.content, self.store = name, content, store
        self.site = store / "project" / "site"
        self._stack = contextlib.ExitStack()
        self._base: str | None = None
        self._browser: Browser | None = None
        with _locked(store / "build.lock"):
            if not (self.site / "index.html").exists():
                shutil.rmtree(store / "project", ignore_errors=True)
                portfolio = yaml.safe_load((content / "portfolio.yaml").read_text("utf-8"))
                language = portfolio.get("language", "en")
                build(make_project(store / "project", content, language=language))

    def paths(self, section: str) -> list[str]:
        found = sorted((self.site / section).glob("*/index.html"))
        return [f"/{section}/{p.parent.name}/" for p in found]

    @property
    def accounts(self) -> list[str]:
        return self.paths("accounts")

    @property
    def strategies(self) -> list[str]:
        return self.paths("strategies")

    @property
    def pages(self) -> list[str]:
        return ["/", *self.accounts, *self.strategies, *self.review]

    @property
    def review(self) -> list[str]:
        """The portfolio review's own pages (issue 16) and the fullest member page."""
        return ["/risks/", "/relationships/", "/actions/", "/team/", self.busiest_member()]

    def busiest_member(self) -> str:
        """The team page with the most table rows: the hardest to read."""
        rows = {
            path: (self.site / path.strip("/") / "index.html")
            .read_text(encoding="utf-8")
            .count("<tr")
            for path in self.paths("team")
        }
        return max(sorted(rows), key=lambda path: rows[path])

    def drawn(self) -> list[str]:
        """Pages that must show a graph: accounts with stakeholders, strategies with a map."""
        pages = []
        for section, key in (("accounts", "stakeholders"), ("strategies", "map")):
            for path in self.paths(section):
                file = self.content / section / f"{path.strip('/').split('/')[-1]}.yaml"
                if yaml.safe_load(file.read_text(encoding="utf-8")).get(key):
                    pages.append(path)
        return pages

    def biggest_account(self) -> str:
        """The account page whose decision chain has the most people: the hardest to read."""
        people = {
            path: (self.site / path.strip("/") / "index.html")
            .read_text(encoding="utf-8")
            .count('class="node stakeholder')
            for path in self.accounts
        }
        return max(sorted(people), key=lambda path: people[path])

    def browser(self) -> Browser:
        """Chromium and a local server for the site, started on first use."""
        if self._browser is None:
            handler = functools.partial(_Quiet, directory=str(self.site))
            server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
            thread = threading.Thread(target=server.serve_forever, daemon=True)
            thread.start()
            self._stack.callback(server.server_close)
            self._stack.callback(thread.join)
            self._stack.callback(server.shutdown)
            self._base = f"http://127.0.0.1:{server.server_port}/"
            playwright = self._stack.enter_context(sync_playwright())
            self._browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            self._stack.callback(self._browser.close)
        return self._browser

    def goto(self, page: Page, path: str) -> None:
        assert self._base is not None
        page.goto(self._base + path.lstrip("/"), wait_until="networkidle")

    def measured(self, view: str, measure: Callable[[Reading], Any]) -> Any:
        """What `measure` found on this site, measured once per test session."""
        found = self.store / f"{view}.json"
        with _locked(self.store / f"{view}.lock"):
            if not found.exists():
                found.write_text(json.dumps(measure(self)), encoding="utf-8")
        return json.loads(found.read_text(encoding="utf-8"))

    def close(self) -> None:
        self._stack.close()


@pytest.fixture(scope="module")
def reading(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Reading]:
    base = tmp_path_factory.getbasetemp()
    shared = base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base
    content = {"example": REPO / "content", "realistic": REALISTIC}[request.param]
    reading = Reading(request.param, content, shared / f"reading-{request.param}")
    yield reading
    reading.close()


def _desktop(reading: Reading) -> dict[str, dict[str, Any]]:
    """Every page at 1400x900 in the light palette, as it loads: no click, no scroll."""
    context = reading.browser().new_context(viewport=DESKTOP, color_scheme="light")
    page = context.new_page()
    found = {}
    for path in reading.pages:
        reading.goto(page, path)
        found[path] = {
            "graphs": page.evaluate(GRAPH_JS),
            "tables": page.evaluate(TABLE_JS),
            "dangling": page.evaluate(LINKS_JS),
            "text": page.evaluate(TEXT_JS),
            "titles": page.evaluate(TITLES_JS),
            "cells": page.evaluate(CELLS_JS),
            "width": page.evaluate(PAGE_WIDTH_JS),
            "matrix": page.evaluate(MATRIX_JS) if path == "/" else None,
        }
    context.close()
    return found


def _phone(reading: Reading) -> dict[str, int]:
    context = reading.browser().new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    page = context.new_page()
    found = {}
    for path in reading.pages:
        reading.goto(page, path)
        found[path] = page.evaluate(PAGE_WIDTH_JS)
    context.close()
    return found


def _printed(reading: Reading) -> dict[str, dict[str, Any]]:
    """Account pages laid out for print on A4 portrait (print media, 794 px wide)."""
    context = reading.browser().new_context(viewport=A4)
    page = context.new_page()
    page.emulate_media(media="print")
    found = {}
    for path in reading.accounts:
        reading.goto(page, path)
        found[path] = {
            "graphs": page.evaluate(GRAPH_JS),
            "tables": page.evaluate(TABLE_JS),
            "shown": [s for s in PRINT_HIDDEN if page.locator(s).first.is_visible()],
        }
    context.close()
    return found


def _audited(reading: Reading) -> list[tuple[str, str, list[dict[str, Any]]]]:
    """axe-core's WCAG 2 A/AA rules on the dashboard (with its attention ranking), the biggest
    account, a strategy, the key relationships and the fullest member page."""
    paths = [
        "/",
        reading.biggest_account(),
        *reading.strategies[:1],
        "/relationships/",
        reading.busiest_member(),
    ]
    options = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa"]}}
    found = []
    for scheme in ("light", "dark"):
        context = reading.browser().new_context(viewport=DESKTOP, color_scheme=scheme)
        page = context.new_page()
        for path in paths:
            reading.goto(page, path)
            response = Axe().run(page, options=options).response
            found.append((scheme, path, response.get("violations", [])))
        context.close()
    return found


@pytest.fixture(scope="module")
def desktop(reading: Reading) -> dict[str, dict[str, Any]]:
    return reading.measured("desktop", _desktop)  # type: ignore[no-any-return]


@pytest.fixture(scope="module")
def phone(reading: Reading) -> dict[str, int]:
    return reading.measured("phone", _phone)  # type: ignore[no-any-return]


@pytest.fixture(scope="module")
def printed(reading: Reading) -> dict[str, dict[str, Any]]:
    return reading.measured("print", _printed)  # type: ignore[no-any-return]


@pytest.fixture(scope="module")
def audited(reading: Reading) -> list[tuple[str, str, list[dict[str, Any]]]]:
    return reading.measured("axe", _audited)  # type: ignore[no-any-return]


def _renderings(graphs: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    """Graphs by name (aria-label): the page may show one picture as several SVGs (print bands)."""
    found: dict[str, list[dict[str, Any]]] = {}
    for graph in graphs:
        shown = graph["width"] > 0 and graph["height"] > 0 and graph["labels"] > 0
        found.setdefault(graph["name"], []).extend([graph] if shown else [])
    return found


def test_every_graph_is_readable_at_desktop_size_without_interaction(
    reading: Reading, desktop: dict[str, dict[str, Any]]
) -> None:
    """Decision chains and strategy maps: median label >= 11 CSS px, shown as the page loads."""
    problems = []
    drawn = reading.drawn()
    assert drawn
    for path in [*reading.accounts, *reading.strategies]:
        graphs = _renderings(desktop[path]["graphs"])
        if not graphs and path in drawn:
            problems.append(f"{path}: no graph drawn")
        for name, shown in graphs.items():
            if not shown:
                problems.append(f"{path} {name}: not shown without interaction")
            for graph in shown:
                if graph["median"] < MIN_LABEL_PX:
                    problems.append(f"{path} {name}: labels at {graph['median']:.1f} px")
    assert not problems, "\n".join(problems)


def test_graph_nodes_link_to_rows_on_the_page(desktop: dict[str, dict[str, Any]]) -> None:
    dangling = {path: m["dangling"] for path, m in desktop.items() if m["dangling"]}
    assert not dangling


def test_graphs_scroll_in_their_box_never_the_page(desktop: dict[str, dict[str, Any]]) -> None:
    wide = {path: m["width"] for path, m in desktop.items() if m["width"] > DESKTOP["width"]}
    assert not wide


def test_tables_fit_the_desktop_and_no_cell_is_too_tall(
    desktop: dict[str, dict[str, Any]],
) -> None:
    problems = []
    for path, measured in desktop.items():
        for table in measured["tables"]:
            if table["over"] > 1:
                problems.append(f"{path} [{table['head']}]: needs {table['over']} px more width")
            if table["tall"] > MAX_CELL_PX:
                problems.append(f"{path} [{table['head']}]: a cell {table['tall']} px tall")
    assert not problems, "\n".join(problems)


def test_phone_never_scrolls_sideways(phone: dict[str, int]) -> None:
    wide = {path: width for path, width in phone.items() if width > PHONE["width"] + 1}
    assert not wide


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_contrast_failure_in_either_palette(
    audited: list[tuple[str, str, list[dict[str, Any]]]], scheme: str
) -> None:
    problems = [
        f"{path}: {v['id']} on {len(v['nodes'])} elements, e.g. {v['nodes'][0]['target']}"
        for shown, path, violations in audited
        if shown == scheme
        for v in violations
        if v["id"] == "color-contrast"
    ]
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_serious_wcag_violation(
    audited: list[tuple[str, str, list[dict[str, Any]]]], scheme: str
) -> None:
    problems = [
        f"{path}: {v['id']} ({v['impact']}) on {len(v['nodes'])} elements, "
        f"e.g. {v['nodes'][0]['target']}"
        for shown, path, violations in audited
        if shown == scheme
        for v in violations
        if v["id"] != "color-contrast" and v.get("impact") in ("serious", "critical")
    ]
    assert not problems, "\n".join(problems)


def test_print_on_a4_cuts_no_table_and_keeps_graph_labels_legible(
    reading: Reading, printed: dict[str, dict[str, Any]]
) -> None:
    problems = []
    drawn = reading.drawn()
    for path, measured in printed.items():
        for table in measured["tables"]:
            if table["over"] > 1:
                problems.append(f"{path} [{table['head']}]: cut off by {table['over']} px")
        graphs = _renderings(measured["graphs"])
        for name, shown in graphs.items():
            if not shown:
                problems.append(f"{path} {name}: not printed")
            for graph in shown:
                if graph["median"] < MIN_PRINT_LABEL_PX:
                    problems.append(f"{path} {name}: prints at {graph['median']:.1f} px")
        if not graphs and path in drawn:
            problems.append(f"{path}: no graph printed")
    assert not problems, "\n".join(problems)


def test_print_hides_navigation_search_and_header(printed: dict[str, dict[str, Any]]) -> None:
    shown = {path: m["shown"] for path, m in printed.items() if m["shown"]}
    assert not shown


def test_review_pages_are_measured(reading: Reading, desktop: dict[str, dict[str, Any]]) -> None:
    """The attention ranking, key relationships and a member page are among the pages read."""
    assert "kam-attention" not in desktop["/"]["text"]  # an id, not text
    assert desktop["/relationships/"]["tables"] and desktop[reading.busiest_member()]["tables"]
    attention = (reading.site / "index.html").read_text(encoding="utf-8")
    assert 'id="kam-attention"' in attention


def test_flags_read_as_words_with_the_code_in_a_tooltip(
    reading: Reading, desktop: dict[str, dict[str, Any]]
) -> None:
    raw = {}
    for path in ["/", *reading.accounts]:
        found = sorted(set(RAW_CODE.findall(desktop[path]["text"])))
        if found:
            raw[path] = found
    assert not raw, f"flag codes shown as text: {raw}"
    titles = "\n".join(desktop[path]["titles"] for path in ["/", *reading.accounts])
    assert RAW_CODE.search(titles), "no flag code kept in a tooltip (title)"


def test_counts_and_separators_read_right(desktop: dict[str, dict[str, Any]]) -> None:
    """ "1 day ago", not "1 days ago"; no dash after a name when nothing follows it."""
    problems = []
    for path, measured in desktop.items():
        if re.search(r"(?<![\d.])1 (?:days|weeks|months|years) ago", measured["text"]):
            problems.append(f"{path}: plural after 1")
        for cell in measured["cells"]:
            if re.search(r"[\w\u4e00-\u9fff][^\S\n]*—+$", cell):
                problems.append(f"{path}: a cell ends with a dash: {cell[-40:]!r}")
    assert not problems, "\n".join(problems[:20])


def test_matrix_names_never_overlap(desktop: dict[str, dict[str, Any]]) -> None:
    matrix = desktop["/"]["matrix"]
    assert matrix["labels"] > 0
    assert not matrix["hits"]
