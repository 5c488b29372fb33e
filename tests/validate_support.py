"""A small valid portfolio on disk, and ways to break it, for the validation tests."""

from __future__ import annotations

import textwrap
from pathlib import Path

from kamsite.diagnostics import Diagnostic
from kamsite.validate import validate_content

PORTFOLIO = """\
kind: portfolio
name: Test Portfolio
currency: CNY
unit: M
fiscal_year: 2026
as_of: 2026-11-01
"""

TEAM = """\
kind: team
members:
  - {id: li-na, name: Li Na}
  - {id: wang-qiang, name: Wang Qiang}
"""

ACCOUNT = """\
kind: account
id: acme
name: Acme
tier: key
owner: li-na
sponsor: wang-qiang
revenue:
  - {year: 2025, actual: 10, target: 12}
  - {year: 2026, actual: 8, target: 14}
assessment:
  attractiveness:
    revenue_potential: {score: 5}
    financial_security: {score: 4}
    relationship: {score: 3}
    influence: {score: 5}
    innovation: {score: 4}
    strategic_fit: {score: 5}
  strength:
    offer_fit: {score: 4}
    relationship_depth: {score: 3}
    share_of_wallet: {score: 2}
    delivery_record: {score: 4}
needs:
  - id: uptime
    need: Uptime
    importance: 5
    ratings: {us: 4, rival: 5}
competitors:
  - {id: rival, name: Rival Corp}
stakeholders:
  - id: boss
    name: The Boss
    influence: 5
    roles: [decision_maker]
    owner: wang-qiang
  - id: cto
    name: The CTO
    influence: 4
    reports_to: boss
    influences: [{to: boss, strength: strong}]
    prefers: rival
opportunities:
  - {id: deal, name: Deal, stage: recommend, amount: 10, stakeholders: [cto], competitors: [rival]}
objectives:
  - id: grow
    statement: Grow
    contributes_to: [plan/revenue]
    kpis: [{id: share, name: Share, baseline: 1, target: 3, actual: 2}]
actions:
  - {id: visit, what: Visit, owner: li-na, due: 2026-12-01, stakeholder: boss, objective: grow}
reviews:
  - {date: 2026-09-30, kind: quarterly, by: [li-na]}
"""

STRATEGY = """\
kind: strategy
id: plan
title: Plan
owner: wang-qiang
horizon: {from: 2026, to: 2028}
map:
  - id: revenue
    perspective: financial
    title: Revenue
    supports: []
  - id: loyalty
    perspective: customer
    title: Loyalty
    supports: [revenue]
  - id: skills
    perspective: learning
    title: Skills
    supports: [loyalty]
    tasks: [{id: t1, what: Train, owner: li-na}]
"""

BASE = {
    "portfolio.yaml": PORTFOLIO,
    "team.yaml": TEAM,
    "accounts/acme.yaml": ACCOUNT,
    "strategies/plan.yaml": STRATEGY,
}


def write(root: Path, files: dict[str, str | bytes]) -> Path:
    content = root / "content"
    for name, body in files.items():
        target = content / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(body, bytes):
            target.write_bytes(body)
        else:
            target.write_text(textwrap.dedent(body), encoding="utf-8")
    return content


def diagnose(root: Path, **changes: str | bytes) -> list[Diagnostic]:
    """Validate BASE with files replaced: keys are paths with `/` written as `__`."""
    files: dict[str, str | bytes] = dict(BASE)
    for key, body in changes.items():
        name = key.replace("__", "/")
        files[name if name.endswith(".yaml") else f"{name}.yaml"] = body
    return validate_content(write(root, files), cache_dir=False).diagnostics


def line_of(text: str, needle: str, occurrence: int = 1) -> int:
    """1-based line of the n-th line containing `needle`."""
    hits = [i for i, line in enumerate(text.splitlines(), 1) if needle in line]
    return hits[occurrence - 1]
