"""Whole-portfolio scoring: totals, the §7 JSON shape, table, CSV and display rounding."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from typing import Any

import pytest
from score_support import AS_OF, FY, clean, content, person, rel, scores

from kamsite.score import PortfolioScores, display, score_portfolio, to_json
from kamsite.score.report import BOM, RENDERERS, render_csv, render_table

ONES = {
    "attractiveness": {k: {"score": 1} for k in clean()["assessment"]["attractiveness"]},
    "strength": {k: {"score": 1} for k in clean()["assessment"]["strength"]},
}
STRATEGY = {
    "kind": "strategy",
    "id": "fy27",
    "title": "FY27",
    "horizon": {"from": 2027, "to": 2029},
    "map": [
        {
            "id": "grow",
            "perspective": "financial",
            "title": "Grow",
            "kpis": [{"id": "rev", "name": "Rev", "baseline": 0, "target": 10, "actual": 2}],
        }
    ],
}


def portfolio() -> list[dict[str, Any]]:
    """Three accounts, deliberately not in id order."""
    return [
        clean(
            id="zeta",
            name="Zeta",
            local_name="泽塔电力",
            stakeholders=[
                *clean()["stakeholders"],
                person("cold", influence=5, last_contact=None, relationship=rel(1, 1, 1, 1, 1, 1)),
            ],
        ),
        clean(
            id="alpha",
            tier="key",
            assessment=ONES,
            sponsor=None,
            revenue=[{"year": FY, "forecast": 50, "target": 60}, {"year": FY - 1, "actual": 99}],
            opportunities=[{"id": "o", "name": "O", "stage": "qualify", "amount": 30}],
        ),
        {"kind": "account", "id": "mid", "name": "Mid"},
    ]


@pytest.fixture(scope="module")
def result() -> PortfolioScores:
    return scores(portfolio(), [STRATEGY])


def test_accounts_sorted_by_id(result: PortfolioScores) -> None:
    assert [a.id for a in result.accounts] == ["alpha", "mid", "zeta"]


def test_totals(result: PortfolioScores) -> None:
    t = result.totals
    assert t.fiscal_year == FY
    assert t.accounts == 3
    assert t.revenue_actual == 80  # zeta only; alpha's actual is for FY-1
    assert t.revenue_target == 160
    assert t.revenue_forecast == 50
    assert t.weighted_pipeline == pytest.approx(34 + 3)  # zeta commit 40·.85, alpha qualify 30·.1
    assert t.weighted_pipeline_fy == pytest.approx(34)  # alpha's deal has no close date
    assert t.revenue_gap == pytest.approx(20 + 10)  # mid has no target: left out
    assert t.tiers == {"strategic": 1, "key": 1, "important": 0, "ordinary": 0, "none": 1}
    assert t.quadrants == {
        "strategic": 1,
        "develop": 0,
        "maintain": 0,
        "opportunistic": 1,
        "none": 1,
    }
    assert t.flags["GOING_COLD"] == ("zeta",)
    assert t.flags["NO_SPONSOR"] == ("alpha", "mid")
    assert t.flags["TIER_MISMATCH"] == ("alpha",)
    assert t.flags["OVERDUE_ACTION"] == ()
    assert list(t.flags) == sorted(t.flags)


def test_empty_portfolio() -> None:
    t = scores().totals
    assert (t.accounts, t.revenue_actual, t.weighted_pipeline, t.revenue_gap) == (0, 0, 0, 0)
    assert set(t.tiers.values()) == {0}


def test_json_shape(result: PortfolioScores) -> None:
    data = to_json(result)
    assert list(data) == ["as_of", "accounts", "strategies", "totals"]
    assert data["as_of"] == "2026-11-01"
    assert [a["id"] for a in data["accounts"]] == ["alpha", "mid", "zeta"]
    for account in data["accounts"]:
        assert list(account) == [
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
        ]
    zeta = data["accounts"][2]
    assert zeta["flags"] == ["GOING_COLD"]
    assert zeta["stakeholders"] == [
        {"id": "boss", "relationship": None},
        {"id": "buyer", "relationship": None},
        {"id": "insider", "relationship": None},
        {"id": "cold", "relationship": 20.0},
    ]
    mid = data["accounts"][1]
    assert mid["tier"] is None
    assert mid["attractiveness"] is None
    assert mid["quadrant"] is None
    assert mid["flags"] == sorted(mid["flags"])
    assert data["strategies"] == [
        {
            "id": "fy27",
            "objectives": [
                {
                    "id": "grow",
                    "status": "on_track",  # as_of is before the horizon: ε = 0
                    "kpis": [{"id": "rev", "progress": 0.2, "status": "on_track"}],
                }
            ],
        }
    ]
    assert data["totals"]["revenue"] == {"actual": 80.0, "target": 160.0, "forecast": 50.0}
    assert list(data["totals"])[3:6] == ["weighted_pipeline", "weighted_pipeline_fy", "revenue_gap"]
    assert data["totals"]["weighted_pipeline_fy"] == pytest.approx(34)
    assert data["accounts"][0]["weighted_pipeline_fy"] == 0  # alpha: no close date
    assert json.loads(json.dumps(data)) == data


def test_json_numbers_are_unrounded() -> None:
    needs = [{"id": "n", "need": "N", "importance": 3, "ratings": {"us": 2, "rival": 3}}]
    (account,) = to_json(scores([clean(needs=needs)]))["accounts"]
    assert account["competitive_position"] == 2 / 3


def test_same_input_same_output() -> None:
    accounts = portfolio()
    forward = score_portfolio(content(accounts, [STRATEGY]), AS_OF)
    backward = score_portfolio(content(accounts[::-1], [STRATEGY]), AS_OF)
    assert forward == backward
    for render in RENDERERS.values():
        assert render(forward) == render(backward)


def test_table_has_one_row_per_account(result: PortfolioScores) -> None:
    lines = render_table(result).splitlines()
    assert lines[0] == "as of 2026-11-01 · FY2026 · 3 accounts"
    assert lines[1].split() == [
        "account",
        "tier",
        "quadrant",
        "A",
        "S",
        "CP",
        "H",
        "DC",
        "gap",
        "WP",
        "WPFY",
        "PC",
        "SW",
        "P",
        "flags",
    ]
    rows = {line.split()[0]: line.split() for line in lines[3:6]}
    assert list(rows) == ["alpha", "mid", "zeta"]
    # zeta: A = S = 100, no needs (CP —), H = 20 (only "cold" assessed), DC 100 %, gap 20,
    # WP = WPFY = 34 (its deal closes 2026-12-15), PC 34 / 20 = 1.7×, SW 80 / 400, P 100
    assert rows["zeta"] == [
        "zeta",
        "strategic",
        "strategic",
        "100.0",
        "100.0",
        "—",
        "20.0",
        "100.0%",
        "20.0",
        "34.0",
        "34.0",
        "1.7×",
        "20.0%",
        "100",
        "GOING_COLD",
    ]
    assert rows["mid"][1:14] == ["—"] * 8 + ["0.0", "0.0", "—", "—", "20"]  # WP/WPFY never null
    assert "gap 30.0, weighted pipeline 37.0 (34.0 closing by FY end)" in lines[7]


def test_table_explains_every_abbreviation(result: PortfolioScores) -> None:
    lines = render_table(result).splitlines()
    legend = " · ".join(lines[9:])
    for abbreviation in ("A", "S", "CP", "H", "DC", "gap", "WP", "WPFY", "PC", "SW", "P"):
        assert f"{abbreviation} = " in legend, abbreviation
    assert "PC = pipeline coverage WPFY / (target − actual)" in legend
    assert all(len(line) <= 100 for line in lines[9:])


def test_csv_has_bom_and_parses(result: PortfolioScores) -> None:
    text = render_csv(result)
    assert text.startswith(BOM)
    assert text.encode("utf-8")[:3] == b"\xef\xbb\xbf"
    rows = list(csv.DictReader(io.StringIO(text.removeprefix(BOM))))
    assert [r["id"] for r in rows] == ["alpha", "mid", "zeta"]
    zeta = rows[2]
    assert zeta["local_name"] == "泽塔电力"
    assert float(zeta["weighted_pipeline"]) == 0.85 * 40
    assert float(zeta["weighted_pipeline_fy"]) == 0.85 * 40
    assert rows[0]["weighted_pipeline_fy"] == "0.0"  # alpha's one deal has no close date
    assert zeta["flags"] == "GOING_COLD"
    assert rows[1]["attractiveness"] == ""  # null
    assert rows[0]["flags"].split() == ["LOW_PIPELINE_COVERAGE", "NO_SPONSOR", "TIER_MISMATCH"]


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (0.25, "0.3"),  # round() would give 0.2
        (2.675, "2.7"),  # binary 2.67499…: shown half-up from its decimal repr
        (58.74999999999999, "58.8"),  # float noise for 58.75
        (-2.25, "-2.3"),
        (-0.04, "0.0"),
        (100.0, "100.0"),
        (None, "—"),
    ],
)
def test_display_rounds_half_up_to_one_decimal(value: float | None, shown: str) -> None:
    assert display(value) == shown


def test_as_of_is_an_input_not_the_clock() -> None:
    late = scores([clean()], as_of=dt.date(2027, 3, 1)).accounts[0]
    assert late.flag_codes == ("GOING_COLD", "OVERDUE_ACTION", "STALE_PLAN")
