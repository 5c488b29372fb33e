"""The review report stays a reviewable PR comment: no autolinks or bidi tricks from names,
a size GitHub accepts whatever the change, and settings shown as declared."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from diff_support import ACME, portfolio_repo

from kamsite.diagnostics import Diagnostic
from kamsite.diff import (
    DiagnosticChange,
    Diff,
    Event,
    FieldChange,
    FileChange,
    FlagChange,
    ItemDiff,
    ScoreDelta,
    Side,
    render_markdown,
)
from kamsite.diff.escape import ZWSP, html_text, md
from kamsite.diff.markdown import REPORT_LIMIT, SUMMARY_LIMIT

TRICKS = (
    "GH-123 gh-7 www.example.org WWW.Example.org evil\u202eyaml.exe \u2066x\u2069 \u200fy \u061cz"
)
BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"


@pytest.mark.parametrize("escape", [md, html_text])
def test_autolinks_and_bidi_controls_are_broken(escape: object) -> None:
    assert callable(escape)
    out = escape(TRICKS + BIDI)
    assert not re.search(r"gh-\d", out, re.IGNORECASE)
    assert not re.search(r"www\.", out, re.IGNORECASE)
    assert not any(ch in out for ch in BIDI)
    assert "u202e" in out and f"GH{ZWSP}-123" in out


def test_tricks_in_a_name_never_reach_the_report(tmp_path: Path) -> None:
    repo = portfolio_repo(tmp_path)
    evil = f'  - {{id: evil, name: "{TRICKS}", influence: 1}}\n'
    repo.write(
        {"content/accounts/acme.yaml": ACME.replace("opportunities:", evil + "opportunities:")}
    )
    out = repo.markdown("main")
    assert "stakeholder GH" in out
    assert not re.search(r"gh-\d|www\.", out, re.IGNORECASE)
    assert not any(ch in out for ch in BIDI)


def test_weights_are_shown_as_declared(tmp_path: Path) -> None:
    repo = portfolio_repo(tmp_path)
    repo.write(
        {
            "content/portfolio.yaml": repo.read("content/portfolio.yaml")
            + "scoring:\n  attractiveness:\n"
            "    revenue_potential: {weight: 0.30}\n    financial_security: {weight: 0.20}\n"
            "    relationship: {weight: 0.10}\n    influence: {weight: 0.20}\n"
            "    innovation: {weight: 0.10}\n    strategic_fit: {weight: 0.10}\n"
        }
    )
    out = repo.markdown("main")
    assert "attractiveness.influence 0.15 → 0.2" in out
    assert "attractiveness.relationship 0.15 → 0.1" in out


def _account(n: int, name: str) -> ItemDiff:
    """An account where much moved; `n` varies how much, so ranking has work to do."""
    finding = Diagnostic(f"content/accounts/a{n}.yaml", 3, 1, "warning", "future-date", name)
    return ItemDiff(
        kind="account",
        id=f"a{n:05d}",
        name=f"{name} {n}",
        before="valid",
        after="valid",
        file=FileChange("modified", f"content/accounts/a{n:05d}.yaml"),
        fields=(FieldChange("tier", "key", "strategic"),),
        scores=tuple(
            ScoreDelta(m, 10.0, 20.0 + n % 7, "up", True)
            for m in ("attractiveness", "strength", "relationship_health")
        ),
        flags=(FlagChange("NO_COACH", "raised", (name,) * 3),),
        events=tuple(Event("stakeholder", "added", f"s{k}", name) for k in range(n % 5)),
        diagnostics=(DiagnosticChange("introduced", finding),),
    )


def _big_diff(name: str, moving: int = 10_000, quiet: int = 0) -> Diff:
    settings = ItemDiff(
        "portfolio",
        "portfolio",
        "Portfolio settings",
        "valid",
        "valid",
        FileChange("modified", "content/portfolio.yaml"),
        fields=(FieldChange("attractiveness.influence", 0.15, 0.2),),
    )
    still = [
        ItemDiff(
            "account", f"q{n:05d}", f"{name} {n}", "valid", "valid", FileChange("modified", "x")
        )
        for n in range(quiet)
    ]
    side = Side("main (abc1234)", moving + 1, 0, 0, True)
    return Diff(
        base=side,
        head=Side("this branch (def5678)", moving + 1, 0, moving, True),
        as_of=dt.date(2026, 11, 1),
        items=(settings, *(_account(n, name) for n in range(moving)), *still),
        totals=(ScoreDelta("revenue_actual", 100.0, 150.0, "up", True),),
    )


@pytest.mark.parametrize("name", ["Plain Name Ltd", '<&"> 长名字 GH-1 @x ' * 6])
def test_ten_thousand_accounts_fit_a_comment_with_totals_and_a_pointer(name: str) -> None:
    out = render_markdown(_big_diff(name))
    assert len(out) <= REPORT_LIMIT
    assert "Portfolio totals" in out and "Revenue actual 100.0 → 150.0" in out
    assert "full report" in out and "smaller changes" in out
    assert "attractiveness.influence 0.15 → 0.2" in out  # the settings that moved them all
    assert out.count("<details>") == out.count("</details>")
    rows = [line for line in out.splitlines() if line.startswith("| account |")]
    assert 10 < len(rows) < 10_000
    assert all("4 × stakeholder added" in row for row in rows[:10])  # largest first


def test_a_job_summary_stays_under_one_mebibyte() -> None:
    out = render_markdown(_big_diff("长" * 100), limit=SUMMARY_LIMIT)
    assert len(out.encode()) <= 2**20
    assert "Portfolio totals" in out and "full report" in out


def test_many_quiet_edits_are_counted_not_listed() -> None:
    out = render_markdown(_big_diff("Quiet Co", moving=0, quiet=10_000))
    assert len(out) <= REPORT_LIMIT
    assert re.search(r"Edited, no score.* and \d+ more\.", out)


def test_a_small_report_is_whole() -> None:
    out = render_markdown(_big_diff("Small Co", moving=3, quiet=2))
    assert "full report" not in out and "more." not in out
    assert out.count("<details>") == 5  # settings, three accounts, totals


def test_max_chars_is_bounded_by_what_github_accepts(tmp_path: Path) -> None:
    repo = portfolio_repo(tmp_path)
    assert repo.run("main", "--max-chars", "5")[0] == 2
    assert repo.run("main", "--max-chars", str(SUMMARY_LIMIT + 1))[0] == 2
    assert repo.run("main", "--max-chars", str(SUMMARY_LIMIT))[0] == 0
