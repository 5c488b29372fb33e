"""`kamsite init`: a new portfolio repository that works at once, in either language."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from kamsite import __version__
from kamsite.cli import main
from kamsite.validate import validate_content

BIN = Path(sys.executable).parent


def _init(target: Path, *args: str) -> str:
    result = CliRunner().invoke(main, ["init", str(target), *args])
    assert result.exit_code == 0, result.output
    return result.output


@pytest.mark.parametrize("language", ["en", "zh"])
def test_the_scaffold_validates_with_every_section(tmp_path: Path, language: str) -> None:
    _init(tmp_path / "port", "--language", language, "--name", 'Acme "Key" Accounts: 大客户')
    project = tmp_path / "port"
    result = validate_content(project / "content", cache_dir=False)
    assert result.diagnostics == [] and result.content is not None
    assert result.content.settings.name == 'Acme "Key" Accounts: 大客户'
    assert result.content.settings.language.value == language
    (account,) = result.content.accounts.values()
    for section in (
        "assessment",
        "needs",
        "competitors",
        "swot",
        "value_proposition",
        "stakeholders",
        "opportunities",
        "objectives",
        "actions",
        "reviews",
        "risks",
    ):
        assert getattr(account, section), section
    config = yaml.safe_load((project / "mkdocs.yml").read_text("utf-8"))
    assert config["site_name"] == 'Acme "Key" Accounts: 大客户'
    assert "language" not in config["theme"]  # portfolio.language is the one setting
    assert f"kamsite=={__version__}" in (project / "requirements.txt").read_text("utf-8")
    assert {"site/", ".cache/"} <= set((project / ".gitignore").read_text().split())


def test_editor_wiring_points_at_schemas_that_exist(tmp_path: Path) -> None:
    _init(tmp_path / "port")
    project = tmp_path / "port"
    settings = json.loads((project / ".vscode" / "settings.json").read_text("utf-8"))
    for schema, pattern in settings["yaml.schemas"].items():
        assert (project / schema).is_file(), schema
        assert list(project.glob(pattern)), pattern
        assert json.loads((project / schema).read_text("utf-8"))["type"] == "object"


def test_refuses_a_non_empty_directory_and_never_overwrites(tmp_path: Path) -> None:
    target = tmp_path / "port"
    (target / "content").mkdir(parents=True)
    (target / "content" / "team.yaml").write_text("mine\n")
    refused = CliRunner().invoke(main, ["init", str(target)])
    assert refused.exit_code == 2 and "not empty" in refused.output
    output = _init(target, "--force")
    assert (target / "content" / "team.yaml").read_text() == "mine\n"
    assert "kept" in output and "team.yaml" in output
    assert f"wrote {target / 'mkdocs.yml'}" in output


@pytest.mark.skipif(shutil.which("actionlint") is None, reason="actionlint is not installed")
def test_scaffolded_workflows_pass_actionlint(tmp_path: Path) -> None:
    _init(tmp_path / "port")
    workflows = sorted((tmp_path / "port" / ".github" / "workflows").glob("*.yml"))
    assert {w.name for w in workflows} == {"review.yml", "review-comment.yml", "publish.yml"}
    done = subprocess.run(
        ["actionlint", "-no-color", *map(str, workflows)],
        capture_output=True,
        text=True,
        cwd=tmp_path / "port",
    )
    assert done.returncode == 0, done.stdout + done.stderr


def _run(venv: Path, cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PATH": f"{venv / 'bin'}:{os.environ['PATH']}"}
    env.pop("PYTHONPATH", None)
    done = subprocess.run(
        [str(venv / "bin" / args[0]), *args[1:]], cwd=cwd, env=env, capture_output=True, text=True
    )
    assert done.returncode == 0, f"{args}: {done.stdout}{done.stderr}"
    return done


def _git(cwd: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.com", *args],
        cwd=cwd,
        check=True,
        capture_output=True,
    )


@pytest.mark.slow
def test_a_built_wheel_works_outside_this_repository(tmp_path: Path) -> None:
    """The whole new-team path from a wheel in a clean virtualenv, no checkout anywhere."""
    source = tmp_path / "source"  # building in the checkout would leave build/ behind
    shutil.copytree(
        Path(__file__).resolve().parent.parent,
        source,
        symlinks=True,
        ignore=shutil.ignore_patterns(
            ".git", ".venv", "site", "build", "*.egg-info", "__pycache__", ".*_cache"
        ),
    )
    wheels = tmp_path / "wheels"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(wheels), str(source)],
        check=True,
        capture_output=True,
    )
    (wheel,) = wheels.glob("kamsite-*.whl")
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    subprocess.run(
        [str(venv / "bin" / "python"), "-m", "pip", "install", "-q", str(wheel)],
        check=True,
        capture_output=True,
    )
    work = tmp_path / "elsewhere"
    work.mkdir()
    assert _run(venv, work, "kamsite", "--version").stdout.strip().endswith(__version__)
    _run(venv, work, "kamsite", "init", "port", "--language", "zh")
    port = work / "port"
    for shipped in (".github/workflows/review.yml", ".github/scripts/review-report.sh"):
        assert (port / shipped).is_file(), shipped
    _run(venv, port, "kamsite", "validate", "--strict")
    _run(venv, port, "mkdocs", "build", "--strict")
    page = (port / "site" / "accounts" / "example-customer" / "index.html").read_text("utf-8")
    assert '<html lang="zh' in page
    assert "assets/kamsite/kamsite.css" in page
    assert (port / "site" / "assets" / "kamsite" / "kamsite.css").is_file()
    _run(venv, port, "kamsite", "pages", "--out", "pages-out")
    assert (port / "pages-out" / "accounts" / "example-customer" / "index.md").is_file()
    _git(port, "init", "-q")
    _git(port, "add", ".")
    _git(port, "commit", "-q", "-m", "portfolio")
    plan = port / "content" / "accounts" / "example-customer.yaml"
    plan.write_text(plan.read_text("utf-8").replace("attitude: skeptic", "attitude: supporter"))
    report = _run(venv, port, "kamsite", "diff", "HEAD").stdout
    assert "example-customer" in report or "示例制造" in report
