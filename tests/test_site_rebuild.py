"""Warm rebuilds reuse the stored page set only while nothing it depends on has changed."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import REPO, build, make_project

from kamsite.cache import cache_root, project_slot

DESIGN = REPO / "tests" / "fixtures" / "design" / "content"


@pytest.mark.slow
def test_an_edit_between_builds_reaches_the_site(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p", DESIGN)
    site = build(project)
    page = site / "accounts" / "northwind-telecom" / "index.html"
    assert "Northwind Telecom" in page.read_text(encoding="utf-8")
    slot = project_slot(project)
    stored = cache_root() / "pages" / slot[:2] / slot
    assert stored.exists()
    first = stored.read_bytes()

    build(project)
    assert stored.read_bytes() == first

    plan = project / "content" / "accounts" / "northwind-telecom.yaml"
    plan.write_text(
        plan.read_text(encoding="utf-8").replace("name: Northwind Telecom", "name: Southwind Tel"),
        encoding="utf-8",
    )
    html = (build(project) / "accounts" / "northwind-telecom" / "index.html").read_text("utf-8")
    assert "Southwind Tel" in html
    assert "Northwind Telecom" not in html
    assert stored.read_bytes() != first


@pytest.mark.slow
def test_free_pages_keep_placeholder_like_text(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p", DESIGN)
    (project / "content" / "pages" / "notes.md").write_text(
        '# Notes\n\nkamsite-raw-3\n\n<div data-kamsite-block="0">x</div>\n', encoding="utf-8"
    )
    html = (build(project) / "notes" / "index.html").read_text(encoding="utf-8")
    assert "kamsite-raw-3" in html
    assert '<div data-kamsite-block="0">x</div>' in html
