"""Nothing from content becomes a GitHub workflow command in what kamsite prints for CI.

The runner obeys `##[command]` anywhere in a line and `::command::` at the start of a line
(after leading whitespace). Only kamsite's own annotations may start with `::`.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from diff_support import Repo, portfolio_repo
from validate_support import ACCOUNT, BASE, write

from kamsite.cli.validate import SUMMARY_BYTES, summary_body
from kamsite.diagnostics import Diagnostic, as_github, as_json, as_text, inert

FORGED_NAME = "##[warning title=kamsite]Plan approved by finance"
NAMES = (FORGED_NAME, "::add-mask::x", "::stop-commands::tok")
VALUES = (
    "##[warning title=x]forged",
    "x\n::add-mask::secret",
    "x\r\n::stop-commands::tok",
    "x\r##[error]forged",
    " \u2028::error::forged",
    "\x0b::warning::forged",
)
ANNOTATION = re.compile(r"::(error|warning) file=[^,:\r\n]*,line=\d+,col=\d+,title=[a-z-]+::.*")


def assert_inert(output: str, *, annotations: bool = False) -> None:
    """`splitlines` splits on more characters than the runner: every runner line is checked."""
    for line in output.splitlines():
        assert "##[" not in line, line
        if line.lstrip().startswith("::"):
            assert annotations and ANNOTATION.fullmatch(line), line


def _quoted(value: str) -> str:
    return json.dumps(value)  # a JSON string is a YAML double-quoted scalar


def hostile_content(root: Path) -> Path:
    """BASE plus accounts with hostile file names, and values and keys that end up in findings."""
    content = write(root, dict(BASE))
    broken = ACCOUNT.replace("tier: key", f"tier: {_quoted(VALUES[0])}")
    broken = broken.replace("sponsor: wang-qiang", f"sponsor: {_quoted(VALUES[1])}")
    broken += "".join(f"{_quoted(value)}: 1\n" for value in VALUES)
    (content / "accounts" / "acme.yaml").write_text(broken, encoding="utf-8")
    for name in NAMES:
        (content / "accounts" / f"{name}.yaml").write_text(broken, encoding="utf-8")
    return content


def kamsite(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "GITHUB_STEP_SUMMARY": str(cwd / "summary.md")}
    return subprocess.run(
        [sys.executable, "-m", "kamsite", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )


def test_validate_github_output_carries_no_command_but_its_annotations(tmp_path: Path) -> None:
    hostile_content(tmp_path)
    run = kamsite("validate", "--format", "github", cwd=tmp_path)
    assert run.returncode == 1, run.stderr
    assert "Traceback" not in run.stderr
    annotations = [line for line in run.stdout.splitlines() if line.startswith("::")]
    assert len(annotations) >= 3 * len(NAMES)
    assert any("finance.yaml" in line for line in annotations)
    assert_inert(run.stdout, annotations=True)
    assert_inert(run.stderr)


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_validate_text_and_json_are_inert(tmp_path: Path, fmt: str) -> None:
    hostile_content(tmp_path)
    run = kamsite("validate", "--format", fmt, cwd=tmp_path)
    assert run.returncode == 1, run.stderr
    assert_inert(run.stdout)
    if fmt == "json":
        paths = {d["path"] for d in json.loads(run.stdout)["diagnostics"]}
        assert f"content/accounts/{FORGED_NAME}.yaml" in paths  # the data itself is exact


def test_diagnostic_renderings_are_inert() -> None:
    found = [
        Diagnostic(f"content/accounts/{name}.yaml", 1, 1, "error", "schema", value)
        for name in NAMES
        for value in VALUES
    ]
    assert_inert(as_text(found))
    assert_inert(as_json(found))
    assert_inert(as_github(found), annotations=True)
    assert_inert(str(found[0]))
    assert json.loads(as_json(found))["diagnostics"][0]["path"].startswith("content/accounts/##[")


def test_inert_leaves_plain_text_alone() -> None:
    plain = "content/accounts/acme.yaml:4:7: error schema tier: `vip` # [note] a::b\n"
    assert inert(plain) == plain
    assert inert("  ::x::y\n") == "  :\u200b:x::y\n"


def test_validate_job_summary_fits_github(tmp_path: Path) -> None:
    line = "content/accounts/x.yaml:1:1: error schema " + "长" * 200 + "\n"
    body = summary_body(line * 5000, "5000 files checked: 5000 error(s), 0 warning(s)")
    assert len(body.encode()) <= SUMMARY_BYTES
    assert body.count("~~~~") == 2 and "more finding(s) are in the log" in body
    small = summary_body(line, "1 files checked: 1 error(s), 0 warning(s)")
    assert line in small and "in the log" not in small


def test_diff_report_is_inert_and_json_exact(tmp_path: Path) -> None:
    repo: Repo = portfolio_repo(tmp_path)
    hostile_content(tmp_path)
    markdown = repo.markdown("main")
    assert "finance" in markdown
    assert_inert(markdown)
    code, out = repo.run("main", "--format", "json")
    assert code == 0
    assert_inert(out)
    paths = {i["file"]["path"] for i in json.loads(out)["items"] if i["file"]}
    assert f"content/accounts/{FORGED_NAME}.yaml" in paths
