"""Shared fixtures for site and browser tests: real projects in tmp dirs, real `mkdocs build`."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest
import yaml

from kamsite.model.portfolio import DEFAULT_ATTRACTIVENESS, DEFAULT_STRENGTH

pytest_plugins = ["browser_support"]  # the `browser` and `visit` fixtures

REPO = Path(__file__).resolve().parent.parent


_HOME = Path(tempfile.mkdtemp(prefix="kamsite-tests-"))


def pytest_configure(config: pytest.Config) -> None:
    """Caches and the signing key in a throw-away home: tests never touch the user's own."""
    os.environ["XDG_CACHE_HOME"] = str(_HOME / "cache")
    os.environ["XDG_STATE_HOME"] = str(_HOME / "state")
    os.environ.pop("KAMSITE_CACHE_DIR", None)


def pytest_unconfigure(config: pytest.Config) -> None:
    shutil.rmtree(_HOME, ignore_errors=True)


# Text that would run, inject or break layout if any layer forgot to escape it.
SCRIPT = "<script>kamhostile()</script>"
ATTR = '" onerror="kamhostile()'
JS_LINK = "[click](javascript:kamhostile())"
TEMPLATE = "{{ 7*7 }}"
PIPE = "Pipe|Name"
HOSTILE = f"{SCRIPT} {ATTR} {TEMPLATE} {PIPE}"
HOSTILE_MD = (
    f"{HOSTILE} {JS_LINK} <img src=x onerror=kamhostile()> <a href='javascript:kamhostile()'>x</a>"
)


def make_project(root: Path, files: Mapping[str, Any] | Path, *, language: str = "en") -> Path:
    """A site project: the repo's mkdocs.yml and theme, plus content from a dir or a dict.

    Dict values are YAML documents (dumped) or Markdown text for `pages/*.md`.
    """
    root.mkdir(parents=True, exist_ok=True)
    shutil.copytree(REPO / "theme", root / "theme")
    content = root / "content"
    if isinstance(files, Path):
        shutil.copytree(files, content)
    else:
        for name, value in files.items():
            target = content / name
            target.parent.mkdir(parents=True, exist_ok=True)
            text = value if isinstance(value, str) else yaml.safe_dump(value, allow_unicode=True)
            target.write_text(text, encoding="utf-8")
    (content / "pages").mkdir(exist_ok=True)
    config = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    config["theme"]["language"] = language
    config["nav"] = [e for e in config["nav"] if _in_project(next(iter(e.values())), content)]
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    return root


def _in_project(page: str, content: Path) -> bool:
    """Generated section pages always exist; free pages only if this project has them."""
    return "/" in page or page == "index.md" or (content / "pages" / page).exists()


def build(project: Path) -> Path:
    """`mkdocs build --strict` in `project`; fails the test with mkdocs' output."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("KAMSITE_CACHE_DIR", None)
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict"],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return project / "site"


def hostile_portfolio(language: str = "en") -> dict[str, Any]:
    """A valid portfolio with hostile text in every free-text field that reaches a page."""
    rel = {
        "acceptance": 3,
        "participation": 2,
        "information": 2,
        "guidance": 1,
        "project_support": 2,
        "competitive_preference": 2,
    }
    account = {
        "kind": "account",
        "id": "evil-corp",
        "name": f"Evil {HOSTILE}",
        "local_name": f"恶意 {SCRIPT}",
        "industry": HOSTILE,
        "region": HOSTILE,
        "tier": "strategic",
        "stage": "basic",
        "owner": "amy",
        "sponsor": "bob",
        "reviewed": "2026-10-01",
        "summary": HOSTILE_MD,
        "revenue": [{"year": 2026, "actual": 10, "target": 20, "forecast": 15}],
        "wallet": 100,
        "assessment": {
            "attractiveness": {k: {"score": 4, "why": HOSTILE_MD} for k in DEFAULT_ATTRACTIVENESS},
            "strength": {k: {"score": 3} for k in DEFAULT_STRENGTH},
        },
        "needs": [
            {
                "id": "need-1",
                "need": HOSTILE,
                "type": "functional",
                "importance": 4,
                "ratings": {"us": 3, "rival": 4},
                "notes": HOSTILE_MD,
            }
        ],
        "competitors": [
            {
                "id": "rival",
                "name": f"Rival {HOSTILE}",
                "position": "incumbent",
                "strengths": [HOSTILE],
                "weaknesses": [HOSTILE],
                "notes": HOSTILE_MD,
            }
        ],
        "swot": {k: [HOSTILE] for k in ("strengths", "weaknesses", "opportunities", "threats")},
        "value_proposition": {
            k: [HOSTILE]
            for k in ("quantified", "psychological", "customer_commitments", "tracking")
        },
        "stakeholders": [
            {
                "id": "boss",
                "name": f"{PIPE} {SCRIPT}",
                "local_name": "王大伟",
                "title": HOSTILE,
                "unit": ATTR,
                "roles": ["decision_maker"],
                "influence": 5,
                "attitude": "supporter",
                "owner": "amy",
                "relationship": rel,
                "target": {"attitude": "champion", "by": "2027-06-30"},
                "last_contact": "2026-10-01",
                "notes": HOSTILE_MD,
            },
            {
                "id": "report",
                "name": f"Report {TEMPLATE}",
                "local_name": "李小红",
                "title": JS_LINK,
                "unit": ATTR,
                "roles": ["coach"],
                "influence": 3,
                "attitude": "champion",
                "reports_to": "boss",
                "influences": [{"to": "boss", "strength": "strong"}],
                "owner": "bob",
                "relationship": rel,
                "last_contact": "2026-09-01",
            },
        ],
        "opportunities": [
            {
                "id": "deal",
                "name": HOSTILE,
                "stage": "negotiate",
                "amount": 30,
                "close": "2027-03-31",
                "stakeholders": ["boss"],
                "competitors": ["rival"],
                "notes": HOSTILE_MD,
            }
        ],
        "objectives": [
            {
                "id": "grow",
                "statement": HOSTILE,
                "contributes_to": ["plan/win"],
                "kpis": [
                    {
                        "id": "k1",
                        "name": HOSTILE,
                        "unit": ATTR,
                        "baseline": 1,
                        "target": 5,
                        "actual": 2,
                    }
                ],
                "notes": HOSTILE_MD,
            }
        ],
        "actions": [
            {
                "id": "late",
                "what": HOSTILE,
                "owner": "amy",
                "due": "2026-01-01",
                "status": "planned",
                "stakeholder": "boss",
                "objective": "grow",
                "notes": HOSTILE_MD,
            }
        ],
        "reviews": [
            {"date": "2026-10-01", "kind": "quarterly", "by": ["amy"], "summary": HOSTILE_MD}
        ],
        "risks": [
            {
                "id": "r1",
                "what": HOSTILE,
                "likelihood": 4,
                "impact": 5,
                "mitigation": HOSTILE,
                "owner": "bob",
            }
        ],
    }
    strategy = {
        "kind": "strategy",
        "id": "plan",
        "title": f"Plan {HOSTILE}",
        "owner": "amy",
        "horizon": {"from": 2026, "to": 2028},
        "summary": HOSTILE_MD,
        "gaps": [
            {
                "id": "g",
                "kind": "performance",
                "metric": HOSTILE,
                "target": 10,
                "actual": 5,
                "root_causes": [HOSTILE],
                "description": HOSTILE_MD,
            }
        ],
        "insight": {
            k: [HOSTILE] for k in ("macro", "industry", "customers", "competitors", "self")
        },
        "intent": {
            "mission": HOSTILE,
            "vision": HOSTILE,
            "goals": [{"id": "g1", "statement": HOSTILE, "metric": HOSTILE, "target": HOSTILE}],
            "milestones": [{"date": "2027-01-01", "what": HOSTILE}],
        },
        "innovation_focus": [HOSTILE],
        "design": {"customer_selection": HOSTILE_MD, "value_capture": HOSTILE_MD},
        "map": [
            {
                "id": "win",
                "perspective": "financial",
                "title": HOSTILE,
                "csf": True,
                "owner": "amy",
                "kpis": [{"id": "rev", "name": HOSTILE, "baseline": 0, "target": 10, "actual": 4}],
                "tasks": [{"id": "t1", "what": HOSTILE, "owner": "bob", "due": "2026-12-01"}],
                "description": HOSTILE_MD,
            },
            {"id": "learn", "perspective": "learning", "title": HOSTILE, "supports": ["win"]},
        ],
    }
    return {
        "portfolio.yaml": {
            "kind": "portfolio",
            "name": f"Portfolio {HOSTILE}",
            "currency": "CNY",
            "unit": "M",
            "fiscal_year": 2026,
            "as_of": "2026-11-01",
            "language": language,
            "scoring": {
                "attractiveness": {
                    "revenue_potential": {"weight": 0.3, "label": HOSTILE},
                    "financial_security": {"weight": 0.2},
                    "relationship": {"weight": 0.15},
                    "influence": {"weight": 0.15},
                    "innovation": {"weight": 0.1},
                    "strategic_fit": {"weight": 0.1},
                }
            },
        },
        "team.yaml": {
            "kind": "team",
            "members": [
                {"id": "amy", "name": f"Amy {HOSTILE}", "role": HOSTILE, "email": ATTR},
                {"id": "bob", "name": "Bob 张", "role": "VP"},
            ],
        },
        "accounts/evil-corp.yaml": account,
        "accounts/index.yaml": {
            "kind": "account",
            "id": "index",
            "name": "Account called index",
            "tier": "ordinary",
        },
        "strategies/plan.yaml": strategy,
        "pages/secret.yaml": {"kind": "account", "note": "raw YAML must never be published"},
    }


@pytest.fixture(scope="session")
def example_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The repo's example portfolio built once per test session (per xdist worker)."""
    project = make_project(tmp_path_factory.mktemp("example") / "project", REPO / "content")
    return build(project)
