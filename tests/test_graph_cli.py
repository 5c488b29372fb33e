"""`kamsite graph ID`: every account and strategy of a valid portfolio draws as linked SVG."""

from __future__ import annotations

import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner
from test_graph_support import NS

from kamsite.cache import cache_root
from kamsite.cli.graph import graph
from kamsite.validate import validate_content

EXAMPLE = Path(__file__).resolve().parents[1] / "content"

PORTFOLIO = "kind: portfolio\nname: Test\nfiscal_year: 2026\nas_of: 2026-11-01\n"
TEAM = "kind: team\nmembers:\n  - {id: li-na, name: Li Na}\n"
ACCOUNT = """\
kind: account
id: acme
name: Acme
stakeholders:
  - id: boss
    name: '"]; evil [label="x'
    title: <script>alert(1)</script>
    influence: 5
    roles: [decision_maker]
    owner: li-na
    relationship: {acceptance: 5, participation: 5, information: 5, guidance: 5,
                   project_support: 5, competitive_preference: 0}
  - {id: aide, name: "王\\\\N", influence: 2, reports_to: boss}
"""
STRATEGY = """\
kind: strategy
id: plan
title: Plan
horizon: {from: 2026, to: 2027}
map:
  - {id: grow, perspective: financial, title: Grow, csf: true,
     kpis: [{id: k, name: K, baseline: 0, target: 10, actual: 10}]}
  - {id: learn, perspective: learning, title: Learn, supports: [grow]}
"""


@pytest.fixture
def content(tmp_path: Path) -> Path:
    root = tmp_path / "content"
    (root / "accounts").mkdir(parents=True)
    (root / "strategies").mkdir()
    (root / "portfolio.yaml").write_text(PORTFOLIO)
    (root / "team.yaml").write_text(TEAM)
    (root / "accounts" / "acme.yaml").write_text(ACCOUNT)
    (root / "strategies" / "plan.yaml").write_text(STRATEGY)
    return root


def _links(svg: str) -> dict[str, list[str]]:
    root = ET.fromstring(svg)
    return {
        a.attrib["href"]: [t.text or "" for t in a.iter(f"{NS}text")]
        for a in root.iter(f"{NS}a")
        if "href" in a.attrib
    }


def test_account_svg_on_stdout_with_scores(content: Path) -> None:
    result = CliRunner().invoke(graph, ["acme", "--content", str(content)])
    assert result.exit_code == 0, result.output
    links = _links(result.stdout)
    assert set(links) == {"#boss", "#aide"}
    assert links["#boss"][0] == '"]; evil [label="x'
    assert "R 83.3" in links["#boss"]  # 20 × mean(5, 5, 5, 5, 5, 0)
    assert links["#aide"][0] == "王\\N"
    assert (cache_root() / "graph").is_dir()
    assert not (content.parent / ".cache").exists()  # never in the project


def test_strategy_dot_and_output_file(content: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(graph, ["plan", "--content", str(content), "--format", "dot"])
    assert result.exit_code == 0 and result.stdout.startswith("digraph G {")
    out = tmp_path / "plan.svg"
    result = CliRunner().invoke(graph, ["plan", "--content", str(content), "-o", str(out)])
    assert result.exit_code == 0 and result.stdout == ""
    svg = out.read_text(encoding="utf-8")
    assert set(_links(svg)) == {"#grow", "#learn"}
    assert "status-on_track" in svg


def test_unknown_id_is_a_usage_error(content: Path) -> None:
    result = CliRunner().invoke(graph, ["nope", "--content", str(content)])
    assert result.exit_code == 2 and "no account or strategy with id nope" in result.output


@pytest.mark.slow
def test_every_example_account_and_strategy(tmp_path: Path) -> None:
    if not (EXAMPLE / "portfolio.yaml").exists():
        pytest.skip("the example portfolio is not there")
    root = tmp_path / "content"
    shutil.copytree(EXAMPLE, root)
    loaded = validate_content(root, cache_dir=False).content
    assert loaded is not None
    for acc in loaded.accounts.values():
        result = CliRunner().invoke(graph, [acc.id, "--content", str(root)])
        assert result.exit_code == 0, result.output
        assert set(_links(result.stdout)) == {f"#{s.id}" for s in acc.stakeholders}
    for plan in loaded.strategies.values():
        result = CliRunner().invoke(graph, [plan.id, "--content", str(root), "--kind", "strategy"])
        assert result.exit_code == 0, result.output
        assert set(_links(result.stdout)) == {f"#{o.id}" for o in plan.map}
