"""Content from a pull request is hostile: the report must stay one table, ping nobody and
inject no HTML, links or workflow commands."""

from __future__ import annotations

import re
from pathlib import Path

from diff_support import ACME, portfolio_repo

from kamsite.diff.escape import ZWSP, code, html_text, md

HOSTILE = (
    "Evil | <script>alert(1)</script> `tick` @octocat #12 [x](javascript:alert(1)) "
    "**bold** $x$ https://evil.example\n::error::pwned\r\n| fake | row |"
)


def test_md_escapes_structure_html_and_pings() -> None:
    out = md(HOSTILE)
    assert "\n" not in out and "\r" not in out
    assert "<script>" not in out and "&lt;script&gt;" in out
    assert "\\|" in out and re.search(r"(?<!\\)\|", out) is None
    assert "\\`tick\\`" in out
    assert "@octocat" not in out and f"@{ZWSP}octocat" in out
    assert "#12" not in out and f"#{ZWSP}12" in out
    assert "\\[x\\]" in out
    assert "https://" not in out
    assert "\\*\\*bold\\*\\*" in out and "\\$x\\$" in out


def test_html_text_and_code() -> None:
    assert html_text('<b a="1">@x</b>') == f"&lt;b a=&quot;1&quot;&gt;@{ZWSP}x&lt;/b&gt;"
    assert code("northwind-telecom") == "`northwind-telecom`"
    assert code("a`b|c") == "a\\`b\\|c"


def test_hostile_stakeholder_in_the_report(tmp_path: Path) -> None:
    repo = portfolio_repo(tmp_path)
    quoted = HOSTILE.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    quoted = quoted.replace("\r", "\\r")
    evil = f'  - {{id: evil, name: "{quoted}", influence: 1}}\n'
    repo.write(
        {"content/accounts/acme.yaml": ACME.replace("opportunities:", evil + "opportunities:")}
    )
    out = repo.markdown("main")
    assert "stakeholder Evil" in out
    assert "<script" not in out
    assert "@octocat" not in out and "#12" not in out
    assert not any(line.lstrip().startswith("::") for line in out.splitlines())
    rows = [line for line in out.splitlines() if line.startswith("| account |")]
    assert len(rows) == 1
    assert len(re.findall(r"(?<!\\)\|", rows[0])) == 6
    summaries = [line for line in out.splitlines() if line.startswith("<details><summary>")]
    assert all("<script" not in line for line in summaries)
