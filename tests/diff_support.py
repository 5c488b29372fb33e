"""Real git repositories with a small valid portfolio, for the `kamsite diff` tests."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path
from typing import Any

from click.testing import CliRunner
from validate_support import PORTFOLIO

from kamsite.cli.diff import diff

TEAM = """\
kind: team
members:
  - {id: li-na, name: Li Na}
  - {id: wang-qiang, name: Wang Qiang}
  - {id: zhao-min, name: Zhao Min}
"""

ACME = """\
kind: account
id: acme
name: Acme Corp
tier: key
stage: cooperative
owner: li-na
sponsor: wang-qiang
reviewed: 2026-10-01
summary: Our anchor customer.
revenue:
  - {year: 2026, actual: 50, target: 100}
assessment:
  attractiveness:
    revenue_potential: {score: 4}
    financial_security: {score: 4}
    relationship: {score: 3}
    influence: {score: 3}
    innovation: {score: 3}
    strategic_fit: {score: 4}
  strength:
    offer_fit: {score: 3}
    relationship_depth: {score: 3}
    share_of_wallet: {score: 2}
    delivery_record: {score: 4}
competitors:
  - {id: rival, name: Rival Inc}
stakeholders:
  - id: ceo
    name: Carol Chen
    title: CEO
    roles: [decision_maker]
    influence: 5
    attitude: supporter
    owner: wang-qiang
    last_contact: 2026-10-15
    relationship:
      {acceptance: 3, participation: 3, information: 3, guidance: 2, project_support: 3,
       competitive_preference: 3}
  - id: cto
    name: Tom Tang
    roles: [technical_buyer, coach]
    influence: 4
    attitude: champion
    owner: li-na
    last_contact: 2026-10-20
  - id: buyer
    name: Pat Park
    roles: [procurement]
    influence: 2
    attitude: neutral
    owner: zhao-min
opportunities:
  - {id: deal, name: Core deal, stage: recommend, amount: 100}
  - {id: small, name: Small deal, stage: negotiate, amount: 20}
actions:
  - {id: visit, what: CEO visit, owner: wang-qiang, due: 2026-12-10, status: planned}
  - {id: demo, what: Lab demo, owner: li-na, due: 2026-11-20, status: in_progress}
"""

BETA = """\
kind: account
id: beta
name: Beta Industries
tier: important
owner: zhao-min
sponsor: wang-qiang
reviewed: 2026-09-15
stakeholders:
  - {id: boss, name: Bo Sun, roles: [decision_maker], influence: 5, attitude: neutral}
"""

GROWTH = """\
kind: strategy
id: growth
title: Growth plan
owner: wang-qiang
horizon: {from: 2026, to: 2026}
map:
  - id: revenue
    perspective: financial
    title: Grow revenue
    kpis:
      - {id: rev, name: Revenue, baseline: 100, target: 200, actual: 190}
    tasks:
      - {id: plan, what: Write the plan, owner: li-na, due: 2026-12-01, status: planned}
"""

FILES = {
    "content/portfolio.yaml": PORTFOLIO,
    "content/team.yaml": TEAM,
    "content/accounts/acme.yaml": ACME,
    "content/accounts/beta.yaml": BETA,
    "content/strategies/growth.yaml": GROWTH,
}

_ENV = {
    "GIT_AUTHOR_NAME": "Test",
    "GIT_AUTHOR_EMAIL": "test@example.com",
    "GIT_COMMITTER_NAME": "Test",
    "GIT_COMMITTER_EMAIL": "test@example.com",
    "GIT_CONFIG_NOSYSTEM": "1",
}


class Repo:
    """A git work tree in a temp dir; paths are relative to its root."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.git("init", "-q", "-b", "main")

    def git(self, *args: str) -> str:
        env = {**os.environ, **_ENV, "HOME": str(self.root)}
        done = subprocess.run(
            ["git", *args], cwd=self.root, env=env, capture_output=True, text=True, check=True
        )
        return done.stdout.strip()

    def write(self, files: dict[str, str]) -> None:
        for path, text in files.items():
            target = self.root / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")

    def read(self, path: str) -> str:
        return (self.root / path).read_text(encoding="utf-8")

    def edit(self, path: str, old: str, new: str) -> None:
        text = self.read(path)
        assert text.count(old) == 1, f"{old!r} must occur once in {path}"
        self.write({path: text.replace(old, new)})

    def remove(self, path: str) -> None:
        (self.root / path).unlink()

    def commit(self, message: str) -> str:
        self.git("add", "-A")
        self.git("commit", "-q", "--allow-empty", "-m", message)
        return self.git("rev-parse", "HEAD")

    def run(self, *args: str, content: str = "content") -> tuple[int, str]:
        """`kamsite diff ARGS` from the repository root; (exit code, stdout)."""
        cwd = os.getcwd()
        os.chdir(self.root)
        try:
            result = CliRunner().invoke(diff, [*args, "--content", content])
        finally:
            os.chdir(cwd)
        return result.exit_code, result.output

    def markdown(self, *args: str) -> str:
        code, out = self.run(*args)
        assert code == 0, out
        return out

    def json(self, *args: str) -> dict[str, Any]:
        code, out = self.run(*args, "--format", "json")
        assert code == 0, out
        data: dict[str, Any] = json.loads(out)
        return data


def portfolio_repo(root: Path) -> Repo:
    """The fixture portfolio committed once on `main`."""
    repo = Repo(root)
    repo.write(FILES)
    repo.commit("portfolio")
    return repo


def item(data: dict[str, Any], item_id: str) -> dict[str, Any]:
    found = [i for i in data["items"] if i["id"] == item_id]
    assert len(found) == 1, [i["id"] for i in data["items"]]
    return found[0]


def events(data: dict[str, Any], item_id: str) -> set[tuple[str, str, str]]:
    return {(e["section"], e["kind"], e["id"]) for e in item(data, item_id)["events"]}


def flags(data: dict[str, Any], item_id: str) -> set[tuple[str, str]]:
    return {(f["code"], f["change"]) for f in item(data, item_id)["flags"]}


def scores(data: dict[str, Any], item_id: str) -> dict[str, dict[str, Any]]:
    return {s["metric"]: s for s in item(data, item_id)["scores"]}
