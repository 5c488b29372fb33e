"""`kamsite validate`, `schema` and `new` as a user and CI run them (real processes)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
from validate_support import ACCOUNT, BASE, STRATEGY, write

from kamsite.load import parse

ROOT = Path(__file__).resolve().parent.parent


def kamsite(
    *args: str, cwd: Path, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kamsite", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )


@pytest.fixture
def portfolio(tmp_path: Path) -> Path:
    write(tmp_path, dict(BASE))
    return tmp_path


def test_clean_portfolio_exits_zero(portfolio: Path) -> None:
    run = kamsite("validate", cwd=portfolio)
    assert run.returncode == 0, run.stdout + run.stderr
    assert run.stdout == ""
    assert "no problems" in run.stderr


def test_example_portfolio_is_clean() -> None:
    run = kamsite("validate", "--content", "content", "--no-cache", cwd=ROOT)
    assert run.returncode == 0, run.stdout + run.stderr


def test_findings_exit_one_with_exact_lines(portfolio: Path) -> None:
    (portfolio / "content/accounts/acme.yaml").write_text(ACCOUNT.replace("tier: key", "tier: vip"))
    run = kamsite("validate", "--content", "content", cwd=portfolio)
    assert run.returncode == 1
    assert run.stdout.startswith("content/accounts/acme.yaml:4:7: error schema tier: `vip`")


def test_warnings_pass_unless_strict(portfolio: Path) -> None:
    downward = STRATEGY.replace(
        "    title: Revenue\n    supports: []", "    title: Revenue\n    supports: [loyalty]"
    )
    downward = downward.replace("    supports: [revenue]", "    supports: []")
    (portfolio / "content/strategies/plan.yaml").write_text(downward)
    assert kamsite("validate", cwd=portfolio).returncode == 0
    strict = kamsite("validate", "--strict", cwd=portfolio)
    assert strict.returncode == 1
    assert "warning downward-support" in strict.stdout


def test_json_format(portfolio: Path) -> None:
    (portfolio / "content/accounts/acme.yaml").write_text(ACCOUNT.replace("tier: key", "tier: vip"))
    run = kamsite("validate", "--format", "json", cwd=portfolio)
    payload = json.loads(run.stdout)
    assert payload["errors"] == 1
    assert payload["diagnostics"][0]["code"] == "schema"
    assert payload["diagnostics"][0]["line"] == 4


def test_github_format_escapes_and_summarises(portfolio: Path, tmp_path: Path) -> None:
    hostile = ACCOUNT.replace("tier: key", "tier: 'a,b:c%\\nd'")
    (portfolio / "content/accounts/acme.yaml").write_text(hostile)
    summary = tmp_path / "summary.md"
    env = {"GITHUB_STEP_SUMMARY": str(summary), "PATH": "/usr/bin:/bin"}
    run = kamsite("validate", "--format", "github", cwd=portfolio, env=env)
    assert run.returncode == 1
    first = run.stdout.splitlines()[0]
    assert first.startswith("::error file=content/accounts/acme.yaml,line=4,col=7,title=schema::")
    assert "%25" in first and "\n" not in first
    assert "content/accounts/acme.yaml:4:7: error schema" in run.stdout
    assert "1 error(s)" in summary.read_text()


def test_usage_error_exits_two(portfolio: Path) -> None:
    assert kamsite("validate", "--format", "xml", cwd=portfolio).returncode == 2


def test_schema_validates_every_example_file(tmp_path: Path) -> None:
    run = kamsite("schema", "--out", str(tmp_path / "schemas"), cwd=ROOT)
    assert run.returncode == 0, run.stderr
    schemas = {
        kind: json.loads((tmp_path / "schemas" / f"{kind}.schema.json").read_text())
        for kind in ("portfolio", "team", "account", "strategy")
    }
    files = sorted((ROOT / "content").rglob("*.yaml"))
    files += sorted((ROOT / "tests/fixtures/design/content").rglob("*.yaml"))
    assert len(files) >= 8
    for path in files:
        data = parse(path.read_bytes()).data
        schema = schemas[data["kind"]]
        jsonschema.Draft7Validator.check_schema(schema)
        jsonschema.Draft7Validator(schema, format_checker=jsonschema.FormatChecker()).validate(data)


def test_schema_rejects_what_the_validator_rejects(tmp_path: Path) -> None:
    from kamsite.schema import schema_for

    data = parse(ACCOUNT.replace("tier: key", "tier: vip").encode()).data
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft7Validator(schema_for("account")).validate(data)


def test_new_account_validates_and_refuses_to_overwrite(portfolio: Path) -> None:
    made = kamsite("new", "account", "globex", "--name", 'Globex "东方": #1', cwd=portfolio)
    assert made.returncode == 0, made.stderr
    text = (portfolio / "content/accounts/globex.yaml").read_text()
    assert parse(text.encode()).data["name"] == 'Globex "东方": #1'
    assert kamsite("validate", cwd=portfolio).returncode == 0
    again = kamsite("new", "account", "globex", "--name", "Other", cwd=portfolio)
    assert again.returncode == 1
    assert (portfolio / "content/accounts/globex.yaml").read_text() == text
    assert kamsite("new", "account", "../evil", "--name", "x", cwd=portfolio).returncode == 2


def test_missing_content_dir_is_a_usage_error(tmp_path: Path) -> None:
    run = kamsite("validate", "--content", "nope", cwd=tmp_path)
    assert run.returncode == 2
    assert "does not exist" in run.stderr


def test_github_format_cannot_be_forged_by_content(portfolio: Path) -> None:
    forged = ACCOUNT.replace("tier: key", 'tier: "x\\n::error file=README.md,line=1::forged"')
    (portfolio / "content/accounts/acme.yaml").write_text(forged)
    run = kamsite("validate", "--format", "github", cwd=portfolio)
    lines = run.stdout.splitlines()
    assert lines and all(
        line.startswith(("::error file=content/", "content/")) for line in lines
    ), lines
