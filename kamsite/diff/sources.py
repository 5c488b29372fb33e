"""Both sides of a review as `{path: bytes}`: a git revision read without a checkout, or the
working tree, so a CI job can compare any two states of the content."""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from kamsite.validate import NotAFile, Source, discover
from kamsite.validate.files import FOLDERS, NOT_UTF8, expected_kind, shown_path

WORKING_TREE = "working tree"


class RevisionError(ValueError):
    """A revision git cannot resolve, or a content dir outside any repository: a usage error."""


@dataclass(frozen=True)
class Snapshot:
    """The content files of one side; keys are POSIX paths relative to the content dir's parent."""

    label: str
    sources: dict[str, Source]


@dataclass(frozen=True)
class Repo:
    root: Path
    content: PurePosixPath

    @property
    def content_name(self) -> str:
        """The first part of every source key, as `kamsite validate` shows paths."""
        return (self.root / self.content).name


def _git(root: Path, *args: str, stdin: bytes | None = None) -> bytes:
    done = subprocess.run(
        ["git", "-C", str(root), *args],
        input=stdin,
        capture_output=True,
        check=False,
    )
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
        top = _git(probe, "rev-parse", "--show-toplevel").decode().strip()
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
        out = _git(
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
    listing = _git(repo.root, "ls-tree", "-r", "-z", "--full-tree", commit, "--", spec)
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
        batch = _git(
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
    label = revision if commit.startswith(revision) else f"{revision} ({commit[:7]})"
    return Snapshot(label, sources)


def read_working_tree(repo: Repo) -> Snapshot:
    """Exactly the files `kamsite validate` reads, untracked ones included."""
    root = repo.root / repo.content
    return Snapshot(WORKING_TREE, discover(root) if root.is_dir() else {})
