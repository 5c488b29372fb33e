"""The CI files that run `kamsite validate`/`kamsite diff` are valid for their platforms.

Checked against the workflow JSON schemas that check-jsonschema ships (SchemaStore's), and
with actionlint where it is installed (it also type-checks expressions and scripts).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from kamsite.scaffold import workflows

ROOT = Path(__file__).resolve().parent.parent
WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))


def _load(path: Path) -> dict[Any, Any]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def _schema_check(schema: str, files: list[Path]) -> None:
    pytest.importorskip("check_jsonschema")
    done = subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--builtin-schema", schema, *map(str, files)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_workflows_exist() -> None:
    assert {p.name for p in WORKFLOWS} == {"review.yml", "review-comment.yml", "publish.yml"}


def test_workflows_match_the_schema() -> None:
    _schema_check("vendor.github-workflows", WORKFLOWS)


def test_gitlab_example_matches_the_schema() -> None:
    _schema_check("vendor.gitlab-ci", [ROOT / "examples" / "gitlab-ci.yml"])


# On PATH, or installed beside this Python (the project's venv ships it).
ACTIONLINT = shutil.which("actionlint") or shutil.which(
    "actionlint", path=str(Path(sys.executable).parent)
)


@pytest.mark.skipif(ACTIONLINT is None, reason="actionlint is not installed")
def test_workflows_pass_actionlint() -> None:
    assert ACTIONLINT is not None
    done = subprocess.run(
        [ACTIONLINT, "-no-color", *map(str, WORKFLOWS)],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_tokens_are_least_privilege() -> None:
    """The PR's own workflow runs read-only; only the workflow_run job may write the comment,
    and it checks out nothing but the base commit the API gave (tests/test_review_trust.py)."""
    review = _load(ROOT / ".github" / "workflows" / "review.yml")
    assert review["permissions"] == {"contents": "read"}
    assert all("permissions" not in job for job in review["jobs"].values())
    comment = _load(ROOT / ".github" / "workflows" / "review-comment.yml")
    assert list(comment[True]) == ["workflow_run"]  # YAML 1.1 reads the key `on` as True
    assert comment["permissions"] == {}
    jobs = comment["jobs"]
    assert jobs["find"]["permissions"] == {"pull-requests": "read"}
    assert jobs["comment"]["permissions"] == {"contents": "read", "pull-requests": "write"}
    assert set(jobs) == {"find", "comment"}
    checkouts = [s for s in jobs["comment"]["steps"] if "actions/checkout" in s.get("uses", "")]
    assert [s["with"]["ref"] for s in checkouts] == ["${{ matrix.pull.base_sha }}"]
    assert all(s["with"]["persist-credentials"] is False for s in checkouts)
    publish = _load(ROOT / ".github" / "workflows" / "publish.yml")
    assert publish["permissions"] == {"contents": "read"}


def test_pre_commit_hook() -> None:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert [hook["id"] for hook in hooks] == ["kamsite-validate"]
    hook = hooks[0]
    assert hook["entry"] == "kamsite validate"
    assert hook["language"] == "python"
    assert hook["pass_filenames"] is False


def test_workflows_are_the_scaffold_rendered_for_this_repository() -> None:
    """One source for this repository's workflows and those `kamsite init` writes."""
    for path, text in workflows("checkout").items():
        assert (ROOT / path).read_text(encoding="utf-8") == text, f"{path}: run `make workflows`"
