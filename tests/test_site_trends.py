"""Trends in a built site (DESIGN.md §6): inside Git every account page has its trends and the
dashboard the movement; the same content outside Git builds `--strict` and says why not.

Needs the pipeline wiring of `kamsite.pages.trends` (account pages: `id="kam-trends"`; the
dashboard: `id="kam-movement"`)."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import build, make_project
from git_support import commit, git
from test_trends import EXAMPLE, NORTHWIND, YANGTZE, edit

pytestmark = pytest.mark.slow

ACCOUNTS = sorted(p.stem for p in (EXAMPLE / "accounts").glob("*.yaml"))
OUTSIDE = "History unavailable: this site was built outside Git"


def test_a_site_built_in_git_shows_trends_on_every_account_and_the_dashboard(
    tmp_path: Path,
) -> None:
    root = make_project(tmp_path / "project", EXAMPLE)
    git(root, "init", "-q", "-b", "main")
    (root / ".gitignore").write_text("site/\n", encoding="utf-8")
    edit(root, NORTHWIND, r"^reviewed: .*$", "reviewed: 2026-01-10")
    commit(root, "2026-01-15")
    edit(root, NORTHWIND, r"attitude: neutral", "attitude: supporter")
    edit(root, NORTHWIND, r"^reviewed: .*$", "reviewed: 2026-04-08")
    commit(root, "2026-04-10")
    edit(root, NORTHWIND, r"stage: recommend", "stage: negotiate")
    edit(root, NORTHWIND, r"revenue_potential: \{score: 5", "revenue_potential: {score: 3")
    edit(root, YANGTZE, r"^stage: cooperative", "stage: interdependent")
    commit(root, "2026-08-05")
    site = build(root)
    for account in ACCOUNTS:
        page = (site / "accounts" / account / "index.html").read_text(encoding="utf-8")
        assert 'id="kam-trends"' in page, account
        assert 'class="kamsite-graph kamsite-trends"' in page, account
        assert OUTSIDE not in page
    northwind = (site / "accounts" / "northwind-telecom" / "index.html").read_text("utf-8")
    assert "What moved since the review of 2026-01-10" in northwind  # the last-but-one
    assert "recommend → negotiate" in northwind
    dashboard = (site / "index.html").read_text(encoding="utf-8")
    assert 'id="kam-movement"' in dashboard
    assert 'class="kamsite-graph kamsite-movement"' in dashboard
    assert 'class="kam-table kam-movers"' in dashboard and "Northwind Telecom" in dashboard


def test_the_same_content_outside_git_builds_strict_and_says_why(tmp_path: Path) -> None:
    root = make_project(tmp_path / "project", EXAMPLE)
    site = build(root)  # --strict: no warning from the missing history
    for account in ACCOUNTS:
        page = (site / "accounts" / account / "index.html").read_text(encoding="utf-8")
        assert "kamsite-trends" not in page, account
        assert OUTSIDE in page, account
    dashboard = (site / "index.html").read_text(encoding="utf-8")
    assert "kamsite-movement" not in dashboard and OUTSIDE in dashboard
