"""Hostile trees: odd names, links, submodules and huge numbers give findings, never a crash,
and nothing outside the repository is read, in `kamsite validate` and in `kamsite diff`."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

from click.testing import CliRunner
from diff_support import ACME, GROWTH, Repo, portfolio_repo
from validate_support import ACCOUNT, BASE, write

from kamsite.cli.pages import pages
from kamsite.diagnostics import Diagnostic
from kamsite.graph import MatrixPoint, portfolio_matrix_svg
from kamsite.validate import validate_content

BAD_NAME = b"content/accounts/\xff.yaml"
SHOWN_BAD_NAME = "content/accounts/\\xff.yaml"
OUTSIDE = ACME.replace("id: acme", "id: outside").replace("Acme Corp", "Outside Secret")


def encoding_paths(diagnostics: Sequence[Diagnostic]) -> set[str]:
    return {d.path for d in diagnostics if d.code == "encoding"}


def test_non_utf8_name_is_an_encoding_finding_named_with_escapes(tmp_path: Path) -> None:
    content = write(tmp_path, dict(BASE))
    Path(os.fsdecode(bytes(tmp_path) + b"/" + BAD_NAME)).write_text(ACCOUNT)
    result = validate_content(content, cache_dir=False)
    [found] = [d for d in result.diagnostics if d.path == SHOWN_BAD_NAME]
    assert found.code == "encoding" and "UTF-8" in found.message
    run = subprocess.run(
        [sys.executable, "-m", "kamsite", "validate"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 1 and "Traceback" not in run.stderr, run.stderr
    assert f"{SHOWN_BAD_NAME}:1:1: error encoding" in run.stdout


def test_folder_links_are_refused_and_not_followed(tmp_path: Path) -> None:
    content = write(tmp_path, {k: v for k, v in BASE.items() if not k.startswith("accounts/")})
    elsewhere = tmp_path / "elsewhere"
    (elsewhere / "accounts").mkdir(parents=True)
    (elsewhere / "accounts" / "outside.yaml").write_text(OUTSIDE)
    (content / "accounts").symlink_to(elsewhere / "accounts", target_is_directory=True)
    (content / "strategies" / "plan.yaml").rename(elsewhere / "plan.yaml")
    (content / "strategies").rmdir()
    (content / "strategies").symlink_to(elsewhere, target_is_directory=True)
    result = validate_content(content, cache_dir=False)
    assert {"content/accounts", "content/strategies"} <= encoding_paths(result.diagnostics)
    assert "must be a folder" in str(result.diagnostics)
    assert all("outside" not in d.path and "plan" not in d.path for d in result.diagnostics)


def test_submodule_and_dangling_link_in_a_working_tree(tmp_path: Path) -> None:
    content = write(tmp_path, dict(BASE))
    (content / "accounts" / "sub.yaml").mkdir()
    (content / "accounts" / "sub.yaml" / ".git").write_text("gitdir: ../../.git/modules/sub\n")
    (content / "accounts" / "gone.yaml").symlink_to(tmp_path / "nowhere.yaml")
    result = validate_content(content, cache_dir=False)
    assert encoding_paths(result.diagnostics) == {
        "content/accounts/sub.yaml",
        "content/accounts/gone.yaml",
    }
    assert "git submodule" in str(result.diagnostics)


def _hostile_commit(repo: Repo) -> None:
    """Beside the fixture portfolio: a file link out of the repository, a name that is not
    UTF-8, a submodule (gitlink) and `content/strategies` as a link to a folder elsewhere."""
    repo.write({"outside.yaml": OUTSIDE, "elsewhere/growth.yaml": GROWTH})
    (repo.root / "content/accounts/link.yaml").symlink_to("../../outside.yaml")
    Path(os.fsdecode(bytes(repo.root) + b"/" + BAD_NAME)).write_text(ACME)
    repo.git("rm", "-q", "-r", "content/strategies")
    (repo.root / "content/strategies").symlink_to("../elsewhere", target_is_directory=True)
    commit = repo.git("rev-parse", "HEAD")
    repo.git("add", "-A")
    repo.git("update-index", "--add", "--cacheinfo", f"160000,{commit},content/accounts/sub.yaml")
    repo.git("commit", "-q", "-m", "hostile tree")


HOSTILE_PATHS = {
    "content/accounts/link.yaml",
    SHOWN_BAD_NAME,
    "content/accounts/sub.yaml",
    "content/strategies",
}


def test_links_submodules_and_bad_names_in_commits_are_findings_of_diff(tmp_path: Path) -> None:
    repo = portfolio_repo(tmp_path)
    _hostile_commit(repo)
    data = repo.json("main~1", "main")
    introduced = {
        d["diagnostic"]["path"]
        for i in data["items"]
        for d in i["diagnostics"]
        if d["change"] == "introduced" and d["diagnostic"]["code"] == "encoding"
    }
    assert introduced == HOSTILE_PATHS
    assert data["head"]["errors"] == len(HOSTILE_PATHS)
    assert "Outside Secret" not in str(data)
    markdown = repo.markdown("main~1", "main")
    assert re.search(r"main \([0-9a-f]{7}\) 4 errors", markdown)
    assert "Outside Secret" not in markdown


def test_the_working_tree_of_that_commit_agrees(tmp_path: Path) -> None:
    repo = portfolio_repo(tmp_path)
    _hostile_commit(repo)
    (repo.root / "content/accounts/sub.yaml").mkdir()
    (repo.root / "content/accounts/sub.yaml/.git").write_text("gitdir: x\n")
    result = validate_content(repo.root / "content", cache_dir=False)
    assert encoding_paths(result.diagnostics) == HOSTILE_PATHS
    data = repo.json("main~1")
    assert data["head"]["errors"] == len(HOSTILE_PATHS)


def test_accounts_folder_as_a_link_in_a_commit(tmp_path: Path) -> None:
    repo = portfolio_repo(tmp_path)
    repo.git("mv", "content/accounts", "elsewhere")
    (repo.root / "content/accounts").symlink_to("../elsewhere", target_is_directory=True)
    repo.commit("accounts as a link")
    data = repo.json("main~1", "main")
    assert data["head"]["errors"] == 1
    assert {i["id"]: i["file"]["status"] for i in data["items"]} == {
        "accounts": "added",
        "acme": "removed",
        "beta": "removed",
    }
    assert encoding_paths(validate_content(repo.root / "content", cache_dir=False).diagnostics) == {
        "content/accounts"
    }


def test_huge_finite_revenue_draws_the_matrix() -> None:
    point = MatrixPoint("big", "Big", "key", 60.0, 70.0, 1e30, "../accounts/big/")
    svg = portfolio_matrix_svg([point], unit="M")
    assert "Revenue 1000000000000000000000000000000.0 M" in svg


def test_huge_finite_revenue_builds_every_page(tmp_path: Path) -> None:
    files: dict[str, str | bytes] = dict(BASE)
    files["accounts/acme.yaml"] = ACCOUNT.replace("actual: 8,", "actual: 1e30,")
    write(tmp_path, files)
    cwd = os.getcwd()
    os.chdir(tmp_path)
    try:
        run = CliRunner().invoke(pages, ["--out", "docs"])
    finally:
        os.chdir(cwd)
    assert run.exit_code == 0, run.output
    assert "1000000000000000000000000000000" in (tmp_path / "docs" / "index.md").read_text()
