"""Both sides of a review as `{path: bytes}`: a git revision read without a checkout, or the
working tree, so a CI job can compare any two states of the content."""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from kamsite.validate import NotAFile, Source, discover
from kamsite.validate.files import FOLDERS, NOT_UTF8, expected_kind, shown_path

_COMMIT_ID = re.compile(r"[0-9a-fA-F]{4,64}")


class RevisionError(ValueError):
    """A revision git cannot resolve, or a content dir outside any repository: a usage error."""


class GitMissing(RevisionError):
    """`git` is not on PATH: there are no revisions to read."""

    def __init__(self, message: str = "git is not installed (Debian: apt-get install git)"):
        super().__init__(message)


@dataclass(frozen=True)
class Snapshot:
    """The content files of one side; keys are POSIX paths relative to the content dir's parent.

    `name` is what the side is called (see `ref_name`), `commit` None for the working tree.
    """

    sources: dict[str, Source]
    name: str | None = None
    commit: str | None = None


@dataclass(frozen=True)
class Repo:
    root: Path
    content: PurePosixPath

    @property
    def content_name(self) -> str:
        """The first part of every source key, as `kamsite validate` shows paths."""
        return (self.root / self.content).name


def git(root: Path, *args: str, stdin: bytes | None = None, options: tuple[str, ...] = ()) -> bytes:
    """`git [options] -C root args…`'s output; RevisionError with git's own message when it
    fails, GitMissing when there is no git to run."""
    try:
        done = subprocess.run(
            ["git", *options, "-C", str(root), *args],
            input=stdin,
            capture_output=True,
            check=False,
        )
    except FileNotFoundError:
        raise GitMissing from None
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip() or f"git {args[0]} failed"
        raise RevisionError(message)
    return done.stdout


def find_repo(content_dir: Path) -> Repo:
    """The repository holding `content_dir`, found from its nearest existing ancestor, since
    the content dir may not exist on the working tree (e.g. removed by the change)."""
    absolute = content_dir.absolute()
    probe = absolute
    while not probe.is_dir():
        probe = probe.parent
    try:
        top = git(probe, "rev-parse", "--show-toplevel").decode().strip()
    except GitMissing:
        raise
    except RevisionError:
        raise RevisionError(f"{content_dir} is not inside a git repository") from None
    root = Path(top).resolve()
    try:
        relative = absolute.resolve().relative_to(root)
    except ValueError:
        raise RevisionError(f"{content_dir} is outside the repository {root}") from None
    return Repo(root, PurePosixPath(relative.as_posix()))


def resolve(repo: Repo, revision: str) -> str:
    """The commit id of `revision`; options are refused so a revision never reads as a flag."""
    if not revision or revision.startswith("-"):
        raise RevisionError(f"not a revision: {revision!r}")
    try:
        out = git(
            repo.root,
            "rev-parse",
            "--verify",
            "--quiet",
            "--end-of-options",
            f"{revision}^{{commit}}",
        )
    except RevisionError:
        raise RevisionError(f"unknown revision {revision!r}") from None
    return out.decode().strip()


def _shown(repo: Repo, repo_path: str) -> str | None:
    """Repository path → the key validation uses, or None when it is no content file."""
    relative = PurePosixPath(repo_path)
    if repo.content.parts:
        try:
            relative = relative.relative_to(repo.content)
        except ValueError:
            return None
    if expected_kind(relative) is None or relative.name.startswith("."):
        return None
    return f"{repo.content_name}/{relative}"


_MODES = {"120000": "a symbolic link", "160000": "a git submodule"}


def _not_read(mode: str, exact: bool, shown: str) -> NotAFile | None:
    """Why a tree entry is not read as a file, like `discover` says it of a working tree."""
    if mode in _MODES:
        return NotAFile(_MODES[mode])
    if not exact:
        return NotAFile(NOT_UTF8)
    if PurePosixPath(shown).name in FOLDERS:
        return NotAFile("a file")
    return None


def read_revision(repo: Repo, revision: str) -> Snapshot:
    """Content files at a commit via `ls-tree` + `cat-file --batch`; no content dir → empty.

    Links, submodules and names that are not UTF-8 are sources too (`NotAFile`), so that
    validation reports them rather than the review silently leaving them out.
    """
    commit = resolve(repo, revision)
    spec = str(repo.content) if repo.content.parts else "."
    listing = git(repo.root, "ls-tree", "-r", "-z", "--full-tree", commit, "--", spec)
    wanted: dict[str, str] = {}
    sources: dict[str, Source] = {}
    for entry in listing.split(b"\0"):
        if not entry:
            continue
        meta, _, raw_path = entry.partition(b"\t")
        mode, _kind, blob = meta.decode().split()
        path, exact = shown_path(raw_path)
        shown = _shown(repo, path)
        if shown is None:
            continue
        problem = _not_read(mode, exact, shown)
        if problem is None:
            wanted[shown] = blob
        else:
            sources[shown] = problem
    if wanted:
        order = sorted(wanted)
        batch = git(
            repo.root,
            "cat-file",
            "--batch",
            stdin="".join(f"{wanted[k]}\n" for k in order).encode(),
        )
        offset = 0
        for key in order:
            header_end = batch.index(b"\n", offset)
            size = int(batch[offset:header_end].split()[2])
            start = header_end + 1
            sources[key] = batch[start : start + size]
            offset = start + size + 1
    return Snapshot(sources, ref_name(repo, revision, commit), commit)


def ref_name(repo: Repo, revision: str, commit: str) -> str | None:
    """The name a revision goes by in the report: None for a commit id (its short id is all
    there is to say), the current branch for `HEAD` (`HEAD` itself when detached), else the
    revision as given (`main`, `origin/main`, `HEAD~2`)."""
    if _COMMIT_ID.fullmatch(revision) and commit.startswith(revision.lower()):
        return None
    if revision == "HEAD":
        return _current_branch(repo) or revision
    return revision


def _current_branch(repo: Repo) -> str | None:
    try:
        out = git(repo.root, "symbolic-ref", "--quiet", "--short", "HEAD")
    except RevisionError:
        return None
    return out.decode().strip() or None


def read_working_tree(repo: Repo) -> Snapshot:
    """Exactly the files `kamsite validate` reads, untracked ones included."""
    root = repo.root / repo.content
    return Snapshot(discover(root) if root.is_dir() else {})
