"""`kamsite score` end to end on real files: the §7 JSON shape and the same numbers everywhere."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DESIGN = ROOT / "tests" / "fixtures" / "design"
ACCOUNT_KEYS = {
    "id",
    "tier",
    "attractiveness",
    "strength",
    "quadrant",
    "competitive_position",
    "relationship_health",
    "decision_coverage",
    "revenue_gap",
    "weighted_pipeline",
    "weighted_pipeline_fy",
    "pipeline_coverage",
    "share_of_wallet",
    "plan_completeness",
    "flags",
    "stakeholders",
}


def score(fmt: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "kamsite", "score", "--format", fmt],
        cwd=cwd,
        capture_output=True,
        check=False,
    )


def test_json_has_the_design_shape_for_the_example() -> None:
    run = score("json")
    assert run.returncode == 0, run.stderr
    payload = json.loads(run.stdout)
    assert set(payload) == {"as_of", "accounts", "strategies", "totals"}
    assert payload["as_of"] == "2026-11-01"
    ids = [a["id"] for a in payload["accounts"]]
    assert ids == sorted(ids) and len(ids) >= 6
    for account in payload["accounts"]:
        assert set(account) == ACCOUNT_KEYS
        assert account["flags"] == sorted(account["flags"])
    for strategy in payload["strategies"]:
        assert set(strategy) == {"id", "objectives"}
        for objective in strategy["objectives"]:
            assert set(objective) == {"id", "status", "kpis"}


def test_design_example_scores_by_hand() -> None:
    """DESIGN.md §3.3's Northwind: A and S computed by hand from its assessment."""
    payload = json.loads(score("json", DESIGN).stdout)
    [northwind] = payload["accounts"]
    a = 100 * (0.30 * 4 + 0.20 * 3 + 0.15 * 2 + 0.15 * 4 + 0.10 * 3 + 0.10 * 4) / 4
    s = 100 * (0.35 * 3 + 0.25 * 2 + 0.20 * 1 + 0.20 * 3) / 4
    assert abs(northwind["attractiveness"] - a) < 1e-9
    assert abs(northwind["strength"] - s) < 1e-9
    assert northwind["quadrant"] == "strategic"
    assert northwind["revenue_gap"] == 140 - 131  # the forecast first
    assert abs(northwind["weighted_pipeline"] - 60 * 0.35) < 1e-9
    assert northwind["weighted_pipeline_fy"] == 0  # its one deal closes 2027-03-31
    assert northwind["pipeline_coverage"] == 0 / (140 - 96)
    assert northwind["stakeholders"][0] == {"id": "chen-gang", "relationship": 20 * 12 / 6}


def test_csv_has_a_bom_and_the_same_numbers_as_json() -> None:
    raw = score("csv").stdout
    assert raw.startswith("\ufeff".encode())
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    payload = json.loads(score("json").stdout)
    assert [r["id"] for r in rows] == [a["id"] for a in payload["accounts"]]
    for row, account in zip(rows, payload["accounts"], strict=True):
        if account["attractiveness"] is not None:
            assert float(row["attractiveness"]) == account["attractiveness"]


def test_table_lists_every_account() -> None:
    run = score("table")
    assert run.returncode == 0
    payload = json.loads(score("json").stdout)
    for account in payload["accounts"]:
        assert account["id"] in run.stdout.decode()


def test_csv_defuses_spreadsheet_formulas(tmp_path: Path) -> None:
    import shutil

    shutil.copytree(DESIGN / "content", tmp_path / "content")
    plan = tmp_path / "content" / "accounts" / "northwind-telecom.yaml"
    plan.write_text(
        plan.read_text(encoding="utf-8").replace(
            "name: Northwind Telecom", 'name: \'=HYPERLINK("http://x","c")\''
        ),
        encoding="utf-8",
    )
    raw = score("csv", tmp_path).stdout.decode("utf-8-sig")
    [row] = list(csv.DictReader(io.StringIO(raw)))
    assert row["name"] == '\'=HYPERLINK("http://x","c")'
    assert float(row["revenue_gap"]) == 9
