"""`kamsite history`: every content commit scored as `kamsite score` scores its checkout."""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import re
import shutil
import subprocess
import tarfile
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result
from git_support import commit, git

from kamsite.cli.history import history
from kamsite.cli.score import score
from kamsite.history import HistoryCache, read_history
from kamsite.history.git import (
    Entry,
    HistoryUnavailable,
    content_commits,
    content_files,
    open_repo,
    read_blobs,
    replay,
    resolve_tip,
)
from kamsite.history.points import FileMemo, score_commits
from kamsite.validate import validate_content

EXAMPLE = Path(__file__).resolve().parent.parent / "content"
NORTHWIND = "content/accounts/northwind-telecom.yaml"


def edit(repo: Path, path: str, old: str, new: str) -> None:
    target = repo / path
    text = target.read_text(encoding="utf-8")
    assert re.search(old, text, flags=re.M), old
    target.write_text(re.sub(old, new, text, count=1, flags=re.M), encoding="utf-8")


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    """The example portfolio through six months of edits; returns the repo and named commits.

    Its `as_of` is dropped so each commit is scored at its own date until one pins it again.
    """
    root = tmp_path_factory.mktemp("history") / "repo"
    root.mkdir()
    git(root, "init", "-q", "-b", "main")
    shutil.copytree(EXAMPLE, root / "content")
    edit(root, "content/portfolio.yaml", r"^as_of:.*\n", "")
    shas = {"first": commit(root, "2026-03-01", "first")}
    (root / "README.md").write_text("no content here\n", encoding="utf-8")
    shas["readme"] = commit(root, "2026-03-05", "readme only")
    edit(root, NORTHWIND, r"stage: recommend", "stage: negotiate")
    shas["deal"] = commit(root, "2026-04-01", "deal moves on")
    edit(root, NORTHWIND, r"^name: ", "colour: red\nname: ")
    shas["broken"] = commit(root, "2026-05-01", "unknown key")
    edit(root, NORTHWIND, r"^colour: red\n", "")
    edit(root, "content/portfolio.yaml", r"^fiscal_year:", "as_of: 2026-11-01\nfiscal_year:")
    shas["pinned"] = commit(root, "2026-06-01", "fixed, as_of pinned")
    git(root, "checkout", "-q", "-b", "side")
    edit(root, NORTHWIND, r"attitude: neutral", "attitude: supporter")
    shas["side"] = commit(root, "2026-06-10", "on a branch")
    git(root, "checkout", "-q", "main")
    git(root, "merge", "-q", "--no-ff", "-m", "merge side", "side", date="2026-07-01")
    shas["merge"] = git(root, "rev-parse", "HEAD")
    shutil.rmtree(root / "content")
    shas["removed"] = commit(root, "2026-08-01", "content dir removed")
    return root, shas


def run(project: Path, *args: str, env: dict[str, str] | None = None) -> Result:
    """`kamsite history --content <project>/content ARGS`."""
    arguments = ["--content", str(project / "content"), *args]
    return CliRunner(env=env).invoke(history, arguments, catch_exceptions=False)


def points(repo: Path, *args: str) -> list[dict[str, Any]]:
    result = run(repo, "--format", "json", *args)
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert list(data) == ["points"]
    found: list[dict[str, Any]] = data["points"]
    return found


def checkout(repo: Path, sha: str, into: Path) -> Path:
    """The commit's files as a checkout would leave them, without touching the repository."""
    archive = subprocess.run(
        ["git", "-C", str(repo), "archive", "--format=tar", sha], capture_output=True, check=True
    ).stdout
    into.mkdir()
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(into, filter="data")
    return into / "content"


def scored_checkout(content: Path, date: str) -> dict[str, Any]:
    result = CliRunner(env={"KAMSITE_AS_OF": date}).invoke(
        score, ["--content", str(content), "--format", "json"], catch_exceptions=False
    )
    assert result.exit_code == 0, result.output
    scored: dict[str, Any] = json.loads(result.stdout)
    return scored


def test_a_point_per_content_commit_oldest_first(repo: tuple[Path, dict[str, str]]) -> None:
    root, shas = repo
    found = points(root)
    expected = ["first", "deal", "broken", "pinned", "merge", "removed"]
    assert [p["commit"] for p in found] == [shas[name] for name in expected]
    assert [p["date"] for p in found] == [
        "2026-03-01",
        "2026-04-01",
        "2026-05-01",
        "2026-06-01",
        "2026-07-01",
        "2026-08-01",
    ]
    assert [p["valid"] for p in found] == [True, True, False, True, True, False]
    assert [p["as_of"] for p in found] == [
        "2026-03-01",
        "2026-04-01",
        "2026-05-01",
        "2026-11-01",
        "2026-11-01",
        "2026-08-01",
    ]


def test_every_point_equals_kamsite_score_on_a_checkout(
    repo: tuple[Path, dict[str, str]], tmp_path: Path
) -> None:
    """Field by field; `KAMSITE_AS_OF` is the commit date, which a pinned `as_of` overrides."""
    root, _shas = repo
    found = points(root)
    for n, point in enumerate(found):
        content = checkout(root, point["commit"], tmp_path / str(n))
        if not point["valid"]:
            assert point["accounts"] == [] and point["totals"] is None
            assert point["errors"] == len(validate_content(content, cache_dir=False).errors) > 0
            continue
        scored = scored_checkout(content, point["date"])
        assert point["as_of"] == scored["as_of"]
        assert point["errors"] == 0
        assert point["totals"] == scored["totals"]
        assert len(point["accounts"]) == len(scored["accounts"]) == 8
        for mine, theirs in zip(point["accounts"], scored["accounts"], strict=True):
            assert "stakeholders" not in mine
            assert mine == {k: v for k, v in theirs.items() if k != "stakeholders"}


def test_the_scores_follow_the_edits(repo: tuple[Path, dict[str, str]]) -> None:
    root, _shas = repo
    first, deal, _broken, pinned, merge, _removed = points(root)

    def northwind(point: dict[str, Any]) -> dict[str, Any]:
        account: dict[str, Any] = next(
            a for a in point["accounts"] if a["id"] == "northwind-telecom"
        )
        return account

    assert northwind(deal)["weighted_pipeline"] > northwind(first)["weighted_pipeline"]
    assert northwind(merge)["decision_coverage"] != northwind(pinned)["decision_coverage"]


def test_neither_today_nor_kamsite_as_of_matters(repo: tuple[Path, dict[str, str]]) -> None:
    root, _shas = repo
    result = run(root, "--format", "json", env={"KAMSITE_AS_OF": "2030-01-01"})
    assert json.loads(result.stdout)["points"] == points(root)


def test_since_keeps_commits_from_that_date(repo: tuple[Path, dict[str, str]]) -> None:
    root, shas = repo
    found = points(root, "--since", "2026-05-01")
    assert [p["commit"] for p in found] == [
        shas[n] for n in ("broken", "pinned", "merge", "removed")
    ]


def test_rev_picks_the_tip(repo: tuple[Path, dict[str, str]]) -> None:
    root, shas = repo
    found = points(root, "--rev", "side")
    assert [p["commit"] for p in found] == [
        shas[n] for n in ("first", "deal", "broken", "pinned", "side")
    ]
    result = run(root, "--rev", "no-such-branch")
    assert result.exit_code == 2
    assert "unknown revision" in result.stderr


def _versions(repo: Path, commits: list[str]) -> int:
    """Distinct (path, blob) pairs of the YAML content files of these commits, by `ls-tree`."""
    seen = set()
    for sha in commits:
        for line in git(repo, "ls-tree", "-r", sha, "--", "content").splitlines():
            meta, path = line.split("\t")
            if path.endswith(".yaml") and "/pages/" not in path:
                seen.add((path, meta.split()[2]))
    return len(seen)


def test_each_file_version_is_parsed_once(repo: tuple[Path, dict[str, str]]) -> None:
    root, _shas = repo
    cache = HistoryCache(None, None)
    found = read_history(root / "content", cache=cache)
    assert cache.files.parsed == _versions(root, [p.commit for p in found]) < 13 * len(found)
    again = read_history(root / "content", cache=cache)
    assert again == found
    assert cache.files.parsed == _versions(root, [p.commit for p in found])


def test_files_validate_has_cached_are_not_parsed_again(
    repo: tuple[Path, dict[str, str]], tmp_path: Path
) -> None:
    root, shas = repo
    validated = tmp_path / "validate-cache"
    validate_content(checkout(root, shas["merge"], tmp_path / "merge"), cache_dir=validated)
    cache = HistoryCache(None, validated)
    found = read_history(root / "content", cache=cache)
    merge_only = _versions(root, [shas["merge"]])
    assert cache.files.parsed == _versions(root, [p.commit for p in found]) - merge_only


def test_points_are_kept_on_disk_per_commit(
    repo: tuple[Path, dict[str, str]], tmp_path: Path
) -> None:
    root, _shas = repo
    cold = HistoryCache(tmp_path / "points", None)
    found = read_history(root / "content", cache=cold)
    assert cold.files.parsed > 0
    warm = HistoryCache(tmp_path / "points", None)
    assert read_history(root / "content", cache=warm) == found
    assert warm.files.parsed == 0
    for entry in (tmp_path / "points").rglob("*"):
        if entry.is_file():
            entry.write_bytes(entry.read_bytes().replace(b'"valid":true', b'"valid":false'))
    tampered = HistoryCache(tmp_path / "points", None)
    assert read_history(root / "content", cache=tampered) == found
    assert tampered.files.parsed > 0
    rebuilt = HistoryCache(tmp_path / "points", None)
    assert read_history(root / "content", cache=rebuilt) == found
    assert rebuilt.files.parsed == 0


def test_table_and_csv(repo: tuple[Path, dict[str, str]]) -> None:
    root, shas = repo
    table = run(root).stdout.splitlines()
    assert table[0].split() == [
        "date",
        "commit",
        "as_of",
        "valid",
        "accounts",
        "revenue",
        "WP",
        "mean",
        "A",
        "mean",
        "S",
    ]
    assert len(table) == 2 + 6
    assert table[2].startswith(f"2026-03-01  {shas['first'][:7]}  2026-03-01  yes")
    assert "no (1 error)" in table[-1]
    csv_text = run(root, "--format", "csv").stdout_bytes.decode()
    assert csv_text.startswith("\ufeffcommit,date,as_of,valid,errors,id,tier,attractiveness,")
    rows = csv_text.splitlines()[1:]
    assert len(rows) == 4 * 8 + 2
    assert sum(row.startswith(shas["broken"]) for row in rows) == 1


def test_shallow_clone_has_no_history(repo: tuple[Path, dict[str, str]], tmp_path: Path) -> None:
    root, _shas = repo
    subprocess.run(
        ["git", "clone", "-q", "--depth", "1", f"file://{root}", str(tmp_path / "shallow")],
        check=True,
    )
    for fmt, empty in (
        ("json", '{\n  "points": []\n}\n'),
        ("csv", "\ufeffcommit,date,as_of,valid,errors\r\n"),
    ):
        result = run(tmp_path / "shallow", "--format", fmt)
        assert result.exit_code == 0
        assert result.stdout_bytes.decode() == empty
        assert "history unavailable" in result.stderr and "shallow clone" in result.stderr


def test_outside_git_has_no_history(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    shutil.copytree(EXAMPLE, tmp_path / "project" / "content")
    result = run(tmp_path / "project", "--format", "json")
    assert result.exit_code == 0
    assert json.loads(result.stdout) == {"points": []}
    assert "history unavailable" in result.stderr and "not inside a git repository" in result.stderr


def test_a_repository_without_commits_has_no_history(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    git(tmp_path, "init", "-q")
    shutil.copytree(EXAMPLE, tmp_path / "content")
    result = run(tmp_path, "--format", "json")
    assert result.exit_code == 0
    assert json.loads(result.stdout) == {"points": []}
    assert "no commits yet" in result.stderr


def test_a_nested_content_dir_and_odd_entries(tmp_path: Path) -> None:
    """Links, folders and non-UTF-8 names where files belong count as a checkout's errors."""
    git(tmp_path, "init", "-q")
    content = tmp_path / "plans" / "content"
    shutil.copytree(EXAMPLE, content)
    (content / "accounts" / "link.yaml").symlink_to("northwind-telecom.yaml")
    (content / "accounts" / "folder.yaml").mkdir()
    (content / "accounts" / "folder.yaml" / "x.yaml").write_text("kind: account\n")
    (content / "accounts" / os.fsdecode(b"caf\xe9.yaml")).write_text("kind: account\n")
    sha = commit(tmp_path, "2026-03-01", "odd")
    (point,) = read_history(content, cache=HistoryCache(None, None))
    assert point.commit == sha and not point.valid
    errors = validate_content(content, cache_dir=False).errors
    assert point.errors == len(errors) == 3, errors
    assert dt.date(2026, 11, 1) == point.as_of


def test_many_commits_are_scored_over_the_cores_to_the_same_points(
    repo: tuple[Path, dict[str, str]],
) -> None:
    """Enough commits for the forked workers: each point as scoring it here gives, in order,
    and no checked file comes back to this process (the workers keep what they check)."""
    root, _shas = repo
    git_repo = open_repo(root / "content")
    commits = content_commits(git_repo, resolve_tip(git_repo, "HEAD"))
    trees = [(c, content_files(git_repo, t)) for c, t in replay(commits)]
    found = {(path, f) for _c, tree in trees if tree for path, f in tree.items()}
    blobs = read_blobs(git_repo, (f.oid for _path, f in found if isinstance(f, Entry)))
    jobs = [(c.sha, c.date, tree) for c, tree in trees] * 4
    assert len(jobs) >= 16 and (os.cpu_count() or 1) >= 2
    memo = FileMemo(None)
    parallel = score_commits(jobs, blobs, git_repo.content_name, memo)
    assert memo.results == {} and memo.parsed == 0
    here = [score_commits([job], blobs, git_repo.content_name, memo)[0] for job in jobs]
    assert memo.parsed == len({(path, f) for path, f in found if path.endswith((".yaml", ".yml"))})
    assert parallel == here
    assert [p.commit for p in parallel] == [sha for sha, _date, _tree in jobs]
    assert sum(p.valid for p in parallel) == 4 * 4


def test_without_git_the_history_is_unavailable_and_says_why(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A machine without git builds its site without trends, as outside a repository."""
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(HistoryUnavailable, match="git is not installed"):
        read_history(Path(__file__).parent.parent / "content")
