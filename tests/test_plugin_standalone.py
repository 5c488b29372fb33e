"""An existing Material site gets the whole kamsite site by adding `- kamsite` and nothing else.

No copied stylesheet, no extra Markdown extensions, no second language setting: the
plugin ships its assets, enables what its pages need and takes the theme language from
the portfolio, and the site keeps its own pages.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import REPO

DESIGN = REPO / "tests" / "fixtures" / "design" / "content"


def _site(root: Path, *, language: str, theme_language: str | None = None) -> Path:
    shutil.copytree(DESIGN, root / "content")
    portfolio = root / "content" / "portfolio.yaml"
    data = yaml.safe_load(portfolio.read_text("utf-8"))
    data["language"] = language
    portfolio.write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    (root / "docs").mkdir()
    (root / "docs" / "handbook.md").write_text("# Our handbook\n\nHow we sell.\n", "utf-8")
    theme: dict[str, str] = {"name": "material"}
    if theme_language:
        theme["language"] = theme_language
    config = {
        "site_name": "An existing site",
        "theme": theme,
        "plugins": ["search", "kamsite"],
    }
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config), "utf-8")
    return root


def _build(project: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict"],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
    )


@pytest.mark.slow
def test_only_the_plugin_line_gives_the_full_site(tmp_path: Path) -> None:
    project = _site(tmp_path / "s", language="zh")
    done = _build(project)
    assert done.returncode == 0, done.stdout + done.stderr
    site = project / "site"
    shipped = {p.name for p in (site / "assets" / "kamsite").iterdir()}
    assert shipped == {"kamsite.css", "kamsite.js"}
    assert (site / "assets" / "kamsite" / "kamsite.css").read_bytes() == (
        REPO / "kamsite" / "assets" / "kamsite.css"
    ).read_bytes()
    accounts = sorted((site / "accounts").glob("*/index.html"))
    assert accounts
    for page in accounts:
        html = page.read_text("utf-8")
        assert '<html lang="zh' in html
        assert 'href="../../assets/kamsite/kamsite.css"' in html
        assert 'src="../../assets/kamsite/kamsite.js"' in html
        assert "{#kam-" not in html  # attr_list turned the ids into anchors
        assert 'id="kam-decision-chain"' in html
    assert "How we sell." in (site / "handbook" / "index.html").read_text("utf-8")


@pytest.mark.slow
def test_two_language_settings_that_differ_still_warn(tmp_path: Path) -> None:
    project = _site(tmp_path / "s", language="zh", theme_language="en")
    done = _build(project)
    assert done.returncode != 0  # --strict: the warning fails the build
    assert "portfolio.language is 'zh'" in done.stderr
