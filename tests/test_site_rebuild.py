"""Warm rebuilds reuse the stored page set only while nothing it depends on has changed."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import REPO, build, make_project

from kamsite.cache import cache_root

DESIGN = REPO / "tests" / "fixtures" / "design" / "content"


def _entries() -> dict[Path, int]:
    return {p: p.stat().st_mtime_ns for p in (cache_root() / "pages").rglob("*") if p.is_file()}


@pytest.mark.slow
def test_an_edit_between_builds_reaches_the_site(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A warm build makes no page; an edit makes that account's page and the aggregates."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))  # this test's entries only
    project = make_project(tmp_path / "p", REPO / "content")
    site = build(project)
    page = site / "accounts" / "northwind-telecom" / "index.html"
    assert "Northwind Telecom" in page.read_text(encoding="utf-8")
    first = _entries()
    assert first

    build(project)
    assert _entries() == first

    plan = project / "content" / "accounts" / "northwind-telecom.yaml"
    plan.write_text(
        plan.read_text(encoding="utf-8").replace("name: Northwind Telecom", "name: Southwind Tel"),
        encoding="utf-8",
    )
    site = build(project)
    html = page.read_text("utf-8")
    assert "Southwind Tel" in html and "Northwind Telecom" not in html
    assert "Southwind Tel" in (site / "index.html").read_text("utf-8")  # the dashboard too
    after = _entries()
    assert all(after[p] == t for p, t in first.items())  # nothing rewritten in place
    # Every page was made on the first build (two entries each, plus one index); the
    # edit made all but the seven unchanged account pages again.
    assert len(after) - len(first) == len(first) - 7 * 2
    assert "Harborview" in (site / "accounts" / "harborview-bank" / "index.html").read_text()


@pytest.mark.slow
def test_free_pages_keep_placeholder_like_text(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p", DESIGN)
    (project / "content" / "pages" / "notes.md").write_text(
        '# Notes\n\nkamsite-raw-3\n\n<div data-kamsite-block="0">x</div>\n', encoding="utf-8"
    )
    html = (build(project) / "notes" / "index.html").read_text(encoding="utf-8")
    assert "kamsite-raw-3" in html
    assert '<div data-kamsite-block="0">x</div>' in html
