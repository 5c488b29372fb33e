"""A portfolio's theme/kamsite/account.html replaces the account layout in the built site and
in `kamsite pages --out`, with content text still escaped; editing it reaches a warm build."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import HOSTILE, build, hostile_portfolio, make_project

LAYOUT = """{% import "_kam.html" as kam with context %}
{{ page_title(page.name) }}
{% filter raw %}
<p class="our-layout">MARK for {{ page.name }}</p>
{% endfilter %}
"""


@pytest.mark.slow
def test_an_account_layout_override_reaches_every_account_page(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p", hostile_portfolio())
    (project / "theme" / "kamsite").mkdir()
    layout = project / "theme" / "kamsite" / "account.html"
    layout.write_text(LAYOUT, encoding="utf-8")
    site = build(project)
    pages = sorted((site / "accounts").glob("*/index.html"))
    assert pages
    for page in pages:
        html = page.read_text("utf-8")
        assert '<p class="our-layout">MARK for ' in html
        assert "<script>kamhostile()" not in html
    assert "&lt;script&gt;kamhostile()&lt;/script&gt;" in "".join(p.read_text() for p in pages)
    assert "our-layout" not in (site / "index.html").read_text("utf-8")

    layout.write_text(LAYOUT.replace("MARK", "EDITED"), encoding="utf-8")
    assert "EDITED for" in (build(project) / pages[0].relative_to(site)).read_text("utf-8")

    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    done = subprocess.run(
        [str(Path(sys.executable).parent / "kamsite"), "pages", "--out", "out"],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    written = sorted((project / "out" / "accounts").glob("*/index.md"))
    assert written and all("EDITED for" in p.read_text("utf-8") for p in written)
    assert HOSTILE not in "".join(p.read_text("utf-8") for p in written)
