"""`kamsite diff` on real git repositories: each kind of change, in Markdown and JSON."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from diff_support import (
    ACME,
    FILES,
    Repo,
    events,
    flags,
    item,
    portfolio_repo,
    scores,
)

from kamsite.cli.diff import diff

ACME_PATH = "content/accounts/acme.yaml"


@pytest.fixture
def repo(tmp_path: Path) -> Repo:
    return portfolio_repo(tmp_path)


def test_one_line_change_names_that_account_and_change_and_nothing_else(repo: Repo) -> None:
    repo.edit(ACME_PATH, "    attitude: supporter", "    attitude: opponent")
    md = repo.markdown("main")
    assert "Acme Corp" in md and "`acme`" in md
    assert "Carol Chen (`ceo`) attitude supporter → opponent" in md
    assert "raised OPPONENT_DECISION_MAKER" in md
    for other in ("beta", "Beta", "growth", "Growth", "Portfolio totals", "Team"):
        assert other not in md
    data = repo.json("main")
    assert [i["id"] for i in data["items"]] == ["acme"]
    assert events(data, "acme") == {("stakeholder", "attitude", "ceo")}
    assert set(scores(data, "acme")) == {"decision_coverage"}
    assert scores(data, "acme")["decision_coverage"]["better"] is False


def test_report_is_deterministic(repo: Repo) -> None:
    repo.edit(ACME_PATH, "stage: recommend", "stage: negotiate")
    assert repo.markdown("main") == repo.markdown("main")
    assert repo.run("main", "--format", "json") == repo.run("main", "--format", "json")


def test_stakeholders_added_removed_and_changed(repo: Repo) -> None:
    repo.edit(
        ACME_PATH,
        "    influence: 2\n    attitude: neutral\n    owner: zhao-min\n",
        "    influence: 3\n    attitude: neutral\n    owner: li-na\n",
    )
    repo.edit(
        ACME_PATH,
        "guidance: 2, project_support: 3,",
        "guidance: 5, project_support: 5,",
    )
    repo.edit(
        ACME_PATH,
        "  - id: cto\n    name: Tom Tang\n    roles: [technical_buyer, coach]\n    influence: 4\n"
        "    attitude: champion\n    owner: li-na\n    last_contact: 2026-10-20\n",
        "  - {id: cfo, name: Fay Fu, roles: [economic_buyer], influence: 4, attitude: skeptic,"
        " owner: li-na, last_contact: 2026-10-25}\n",
    )
    data = repo.json("main")
    assert events(data, "acme") == {
        ("stakeholder", "added", "cfo"),
        ("stakeholder", "removed", "cto"),
        ("stakeholder", "influence", "buyer"),
        ("stakeholder", "owner", "buyer"),
        ("stakeholder", "relationship", "ceo"),
    }
    assert ("NO_COACH", "raised") in flags(data, "acme")
    assert {"relationship_health", "decision_coverage"} <= set(scores(data, "acme"))
    md = repo.markdown("main")
    assert "stakeholder Fay Fu (`cfo`) added" in md
    assert "stakeholder Tom Tang (`cto`) removed" in md
    assert "stakeholder Pat Park (`buyer`) owner zhao-min → li-na" in md
    assert "stakeholder Pat Park (`buyer`) influence 2 → 3" in md
    assert "stakeholder Carol Chen (`ceo`) relationship R 56.7 → 73.3" in md
    assert "raised NO_COACH" in md
    assert "<details>" in md


def test_opportunities_moved_won_lost_and_added(repo: Repo) -> None:
    repo.edit(ACME_PATH, "stage: recommend", "stage: won")
    repo.edit(
        ACME_PATH,
        "stage: negotiate, amount: 20}",
        "stage: lost, amount: 20}\n  - {id: next, name: Next deal, stage: discover, amount: 40}",
    )
    data = repo.json("main")
    assert events(data, "acme") == {
        ("opportunity", "won", "deal"),
        ("opportunity", "lost", "small"),
        ("opportunity", "added", "next"),
    }
    wp = scores(data, "acme")["weighted_pipeline"]
    assert (wp["before"], wp["after"], wp["direction"]) == (43.0, 2.0, "down")
    md = repo.markdown("main")
    assert "opportunity Core deal (`deal`) won" in md
    assert "opportunity Small deal (`small`) lost" in md
    assert "WP 43.0 → 2.0 ▼ (worse)" in md

    repo.commit("close deals")
    repo.edit(ACME_PATH, "stage: discover", "stage: negotiate")
    md = repo.markdown("main")
    assert "opportunity Next deal (`next`) stage discover → negotiate" in md


def test_actions_added_closed_and_newly_overdue(repo: Repo) -> None:
    repo.edit(ACME_PATH, "status: planned}", "status: done}")
    repo.edit(ACME_PATH, "due: 2026-11-20", "due: 2026-10-20")
    repo.write(
        {
            ACME_PATH: repo.read(ACME_PATH) + "  - {id: call, what: Call CFO, owner: li-na,"
            " due: 2026-11-30}\n"
        }
    )
    data = repo.json("main")
    assert events(data, "acme") == {
        ("action", "closed", "visit"),
        ("action", "overdue", "demo"),
        ("action", "added", "call"),
    }
    assert ("OVERDUE_ACTION", "raised") in flags(data, "acme")
    md = repo.markdown("main")
    assert "action CEO visit (`visit`) closed (done)" in md
    assert "action Lab demo (`demo`) overdue (due 2026-10-20)" in md
    assert "action Call CFO (`call`) added (planned)" in md


def test_kpi_status_and_task_changes_of_a_strategy(repo: Repo) -> None:
    path = "content/strategies/growth.yaml"
    repo.edit(path, "actual: 190", "actual: 110")
    repo.edit(path, "status: planned", "status: done")
    data = repo.json("main")
    assert [i["id"] for i in data["items"]] == ["growth"]
    assert events(data, "growth") == {
        ("objective", "status", "revenue"),
        ("kpi", "status", "revenue/rev"),
        ("task", "closed", "revenue/plan"),
    }
    md = repo.markdown("main")
    assert "KPI Revenue (`revenue/rev`) status on track → off track" in md
    assert "objective Grow revenue (`revenue`) status on track → off track" in md


def test_score_deltas_quadrant_and_tier(repo: Repo) -> None:
    repo.edit(ACME_PATH, "offer_fit: {score: 3}", "offer_fit: {score: 1}")
    repo.edit(ACME_PATH, "tier: key", "tier: strategic")
    data = repo.json("main")
    acme = item(data, "acme")
    assert {(f["field"], f["before"], f["after"]) for f in acme["fields"]} == {
        ("tier", "key", "strategic"),
        ("quadrant", "strategic", "develop"),
    }
    strength = scores(data, "acme")["strength"]
    assert (strength["before"], strength["after"], strength["better"]) == (50.0, 32.5, False)
    md = repo.markdown("main")
    assert "tier key → strategic" in md
    assert "quadrant core → develop" in md
    assert "S 50.0 → 32.5 ▼ (worse)" in md


def test_gap_falling_is_better(repo: Repo) -> None:
    repo.edit(ACME_PATH, "actual: 50, target: 100", "actual: 80, target: 100")
    gap = scores(repo.json("main"), "acme")["revenue_gap"]
    assert (gap["before"], gap["after"], gap["direction"], gap["better"]) == (50, 20, "down", True)
    assert "Gap 50.0 → 20.0 ▼ |" in repo.markdown("main") or "Gap 50.0 → 20.0 ▼<br>" in (
        repo.markdown("main")
    )


def test_edit_that_moves_nothing_says_so_in_one_line(repo: Repo) -> None:
    repo.edit(
        ACME_PATH, "summary: Our anchor customer.", "summary: Our anchor customer since 2019."
    )
    md = repo.markdown("main")
    assert "Edited, no score, flag, relationship or status moved: Acme Corp `acme`." in md
    assert "| --- |" not in md and "<details>" not in md
    data = repo.json("main")
    assert item(data, "acme")["moves"] is False
    assert item(data, "acme")["file"] == {
        "status": "modified",
        "path": ACME_PATH,
        "old_path": None,
    }


def test_files_added_removed_and_renamed(repo: Repo) -> None:
    repo.remove("content/accounts/beta.yaml")
    repo.write(
        {
            "content/accounts/gamma.yaml": ACME.replace("id: acme", "id: gamma").replace(
                "Acme Corp", "Gamma Group"
            ),
        }
    )
    repo.git("mv", ACME_PATH, "content/accounts/acme-group.yaml")
    repo.edit("content/accounts/acme-group.yaml", "id: acme", "id: acme-group")
    data = repo.json("main")
    files = {i["id"]: i["file"] for i in data["items"]}
    assert files["beta"]["status"] == "removed"
    assert files["gamma"]["status"] == "added"
    assert files["acme-group"] == {
        "status": "renamed",
        "path": "content/accounts/acme-group.yaml",
        "old_path": ACME_PATH,
    }
    assert item(data, "acme-group")["moves"] is True
    assert item(data, "acme-group")["scores"] == []
    assert item(data, "gamma")["before"] == "absent"
    assert {s["direction"] for s in item(data, "gamma")["scores"]} == {"set"}
    md = repo.markdown("main")
    assert "renamed from content/accounts/acme.yaml" in md
    assert "| account | **Beta Industries** `beta` | removed; tier important → — | — | — |" in md


def test_validation_error_introduced_then_fixed(repo: Repo) -> None:
    repo.edit(ACME_PATH, "    owner: zhao-min\n", "    owner: nobody-here\n")
    code, out = repo.run("main")
    assert code == 0
    assert "| **Acme Corp** `acme` | no longer validates: 1 error |" in out
    assert "unknown-ref" in out
    data = repo.json("main")
    acme = item(data, "acme")
    assert (acme["before"], acme["after"]) == ("valid", "invalid")
    assert [d["change"] for d in acme["diagnostics"]] == ["introduced"]
    assert data["head"]["errors"] == 1 and data["base"]["errors"] == 0

    broken = repo.commit("break acme")
    repo.edit(ACME_PATH, "    owner: nobody-here\n", "    owner: zhao-min\n")
    data = repo.json(broken)
    acme = item(data, "acme")
    assert (acme["before"], acme["after"]) == ("invalid", "valid")
    assert [d["change"] for d in acme["diagnostics"]] == ["fixed"]
    assert "valid again; 1 error fixed" in repo.markdown(broken)


def test_yaml_syntax_error_on_head(repo: Repo) -> None:
    repo.edit(ACME_PATH, "name: Acme Corp", "name: [Acme Corp")
    data = repo.json("main")
    acme = item(data, "acme")
    assert acme["after"] == "invalid"
    assert acme["diagnostics"][0]["diagnostic"]["code"] == "yaml-syntax"


def test_portfolio_unusable_on_head_is_reported_not_raised(repo: Repo) -> None:
    repo.edit("content/portfolio.yaml", "fiscal_year: 2026", "fiscal_year: soon")
    code, out = repo.run("main")
    assert code == 0
    assert "**working tree does not validate**" in out
    data = repo.json("main")
    assert data["head"]["valid"] is False
    assert item(data, "portfolio")["after"] == "invalid"


def test_settings_and_team_changes(repo: Repo) -> None:
    repo.edit("content/portfolio.yaml", "unit: M", "unit: M\nstale_after_days: 30")
    repo.write(
        {"content/team.yaml": repo.read("content/team.yaml") + "  - {id: new-kam, name: Nia Ko}\n"}
    )
    data = repo.json("main")
    settings = item(data, "portfolio")
    assert settings["fields"] == [{"field": "stale_after_days", "before": 90, "after": 30}]
    assert events(data, "team") == {("member", "added", "new-kam")}
    # A shorter staleness limit makes Acme's plan (reviewed 31 days ago) stale.
    assert ("STALE_PLAN", "raised") in flags(data, "acme")


def test_base_without_content(tmp_path: Path) -> None:
    repo = Repo(tmp_path)
    repo.write({"README.md": "plans\n"})
    first = repo.commit("start")
    repo.write(
        {
            "content/portfolio.yaml": (
                "kind: portfolio\nname: New\nfiscal_year: 2026\nas_of: 2026-11-01\n"
            ),
            "content/team.yaml": "kind: team\nmembers: [{id: li-na, name: Li Na}]\n",
            "content/accounts/solo.yaml": "kind: account\nid: solo\nname: Solo Ltd\n",
        }
    )
    repo.commit("content")
    data = repo.json(first, "HEAD")
    assert data["base"]["files"] == 0 and data["base"]["errors"] == 0
    assert {i["id"]: i["file"]["status"] for i in data["items"]} == {
        "portfolio": "added",
        "solo": "added",
        "team": "added",
    }
    md = repo.markdown(first, "HEAD")
    assert f"{first[:7]} has no content yet" in md
    assert "**Solo Ltd** `solo` | added" in md


def test_working_tree_includes_untracked_files(repo: Repo) -> None:
    repo.write({"content/accounts/delta.yaml": "kind: account\nid: delta\nname: Delta Ltd\n"})
    data = repo.json("HEAD")
    assert item(data, "delta")["file"]["status"] == "added"
    assert data["head"]["label"] == "working tree"


def test_two_revisions_and_content_in_a_subfolder(tmp_path: Path) -> None:
    repo = Repo(tmp_path)
    repo.write({f"plans/{path}": text for path, text in FILES.items()})
    first = repo.commit("portfolio")
    repo.edit("plans/content/accounts/acme.yaml", "attitude: champion", "attitude: skeptic")
    second = repo.commit("cto sours")
    repo.edit("plans/content/accounts/acme.yaml", "attitude: skeptic", "attitude: supporter")
    code, out = repo.run(first, second, "--format", "json", content="plans/content")
    assert code == 0, out
    assert '"attitude"' in out and '"skeptic"' in out and '"supporter"' not in out


@pytest.mark.parametrize("revision", ["no-such-branch", "--output=x", ""])
def test_bad_revision_is_a_usage_error(repo: Repo, revision: str) -> None:
    assert repo.run(revision)[0] == 2


def test_outside_a_repository_is_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "content").mkdir()
    result = CliRunner().invoke(diff, ["HEAD", "--content", str(tmp_path / "content")])
    assert result.exit_code == 2
    assert "not inside a git repository" in result.output


@pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz dot is not installed")
def test_graphs_show_the_decision_chain_change(repo: Repo, tmp_path: Path) -> None:
    repo.edit(ACME_PATH, "    attitude: supporter", "    attitude: skeptic")
    repo.edit(
        ACME_PATH,
        "  - id: buyer\n    name: Pat Park\n",
        "  - {id: cfo, name: Fay Fu, influence: 4, reports_to: ceo}\n"
        "  - id: buyer\n    name: Pat Park\n",
    )
    repo.edit(
        ACME_PATH,
        "    name: Tom Tang\n    roles: [technical_buyer, coach]\n",
        "    name: Tom Tang\n    roles: [technical_buyer]\n",
    )
    out_dir = tmp_path / "graphs"
    code, out = repo.run("main", "--graphs", str(out_dir))
    assert code == 0, out
    assert [p.name for p in out_dir.iterdir()] == ["acme.svg"]
    svg = (out_dir / "acme.svg").read_text(encoding="utf-8")
    assert svg.lstrip().startswith("<?xml")
    assert "Fay Fu" in svg and "#66bb6a" in svg  # added: green
    assert "attitude: supporter → skeptic" in svg and "#fb8c00" in svg  # marked
    assert "roles:" in svg


@pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz dot is not installed")
def test_graphs_mark_removed_stakeholders(repo: Repo, tmp_path: Path) -> None:
    repo.edit(
        ACME_PATH,
        "  - id: buyer\n    name: Pat Park\n    roles: [procurement]\n"
        "    influence: 2\n    attitude: neutral\n    owner: zhao-min\n",
        "",
    )
    out_dir = tmp_path / "graphs"
    assert repo.run("main", "--graphs", str(out_dir))[0] == 0
    svg = (out_dir / "acme.svg").read_text(encoding="utf-8")
    assert "Pat Park" in svg and "#c62828" in svg and "removed" in svg


def test_both_sides_are_scored_at_heads_as_of(repo: Repo) -> None:
    """Moving `as_of` past two due dates makes no action *newly* overdue: BASE is scored at
    HEAD's date too, so only the setting itself is reported."""
    repo.edit("content/portfolio.yaml", "as_of: 2026-11-01", "as_of: 2026-12-20")
    data = repo.json("main")
    assert data["as_of"] == "2026-12-20"
    assert [i["id"] for i in data["items"]] == ["portfolio"]
    assert item(data, "portfolio")["fields"] == [
        {"field": "as_of", "before": "2026-11-01", "after": "2026-12-20"}
    ]


def test_weights_change_moves_unchanged_accounts(repo: Repo) -> None:
    repo.write(
        {
            "content/portfolio.yaml": repo.read("content/portfolio.yaml")
            + "scoring:\n  thresholds: {attractiveness: 70, strength: 50}\n"
        }
    )
    data = repo.json("main")
    assert {(f["field"], f["after"]) for f in item(data, "acme")["fields"]} == {
        ("quadrant", "maintain")
    }
    assert item(data, "acme")["file"] is None
    assert "file unchanged, moved by another file; quadrant core → maintain" in (
        repo.markdown("main")
    )


def test_account_kpis_and_risks(repo: Repo) -> None:
    repo.write(
        {
            ACME_PATH: repo.read(ACME_PATH)
            + "objectives:\n  - id: grow\n    statement: Grow share\n    kpis:\n"
            "      - {id: share, name: Share of wallet, baseline: 10, target: 30, actual: 28}\n"
        }
    )
    repo.commit("objective")
    repo.edit(ACME_PATH, "actual: 28}", "actual: 11}")
    repo.write(
        {
            ACME_PATH: repo.read(ACME_PATH)
            + "risks:\n  - {id: freeze, what: Capex freeze, likelihood: 3, impact: 4}\n"
        }
    )
    data = repo.json("main")
    assert events(data, "acme") == {
        ("objective", "status", "grow"),
        ("kpi", "status", "grow/share"),
        ("risk", "added", "freeze"),
    }
    md = repo.markdown("main")
    assert "KPI Share of wallet (`grow/share`) status on track → off track" in md
    assert "risk Capex freeze (`freeze`) added" in md
