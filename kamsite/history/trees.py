"""The content history as trees to compare: which commits changed a file, and any commit's
content files as a `Snapshot` that `kamsite.diff.compare` takes, all read from git objects.

`git.py` gives the commits and their changes; this is what trends need beyond scored points:
the versions of one account file (to find its reviews) and two states of it (to say what
moved between them). One `git log` per history, one `git cat-file --batch` per set of trees.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from kamsite.diff.sources import Repo, RevisionError, Snapshot, find_repo
from kamsite.history.git import (
    ContentCommit,
    Entry,
    HistoryUnavailable,
    content_commits,
    content_files,
    open_repo,
    read_blobs,
    replay,
    resolve_tip,
    source,
)
from kamsite.validate import NotAFile
from kamsite.validate.files import shown_path

_FILE_MODES = frozenset({"100644", "100755"})


class Unavailable(HistoryUnavailable):
    """`HistoryUnavailable` with the reason as a code a page can say in its own words:
    `outside` (no git repository), `shallow` (a shallow clone), `empty` (no commits yet)."""

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason


@dataclass(frozen=True)
class Version:
    """A commit that changed one content file, and the file it left (None: deleted, or no
    longer a plain file)."""

    commit: ContentCommit
    entry: Entry | None


@dataclass(frozen=True)
class ContentHistory:
    """The content commits of a first-parent history, oldest first, and their repository."""

    repo: Repo
    commits: tuple[ContentCommit, ...]

    def versions(self) -> dict[str, tuple[Version, ...]]:
        """Every content path (keyed as `kamsite validate` shows it) with each commit that
        changed it, oldest first."""
        repo = self.repo
        prefix = os.fsencode(repo.content) + b"/" if repo.content.parts else b""
        found: dict[str, list[Version]] = {}
        for commit in self.commits:
            for change in commit.changes:
                if not change.path.startswith(prefix):
                    continue
                shown, exact = shown_path(change.path[len(prefix) :])
                if not exact:
                    continue
                plain = change.status != "D" and change.entry.mode in _FILE_MODES
                entry = change.entry if plain else None
                found.setdefault(f"{repo.content_name}/{shown}", []).append(Version(commit, entry))
        return {path: tuple(found[path]) for path in sorted(found)}

    def snapshots(
        self, shas: Iterable[str], keep: Callable[[str], bool] = lambda _path: True
    ) -> dict[str, Snapshot]:
        """The content files (those `keep` accepts) of each commit in `shas`, as `compare`
        reads a revision; a commit without a content dir is an empty snapshot."""
        wanted = set(shas)
        trees: dict[str, dict[str, Entry | NotAFile]] = {}
        for commit, tree in replay(self.commits):
            if commit.sha in wanted:
                files = content_files(self.repo, tree) or {}
                trees[commit.sha] = {p: f for p, f in files.items() if keep(p)}
        missing = wanted - trees.keys()
        if missing:
            raise ValueError(f"not content commits of this history: {sorted(missing)}")
        oids = {f.oid for files in trees.values() for f in files.values() if isinstance(f, Entry)}
        blobs = self.blobs(oids)
        return {
            sha: Snapshot({p: source(f, blobs) for p, f in sorted(files.items())}, None, sha)
            for sha, files in sorted(trees.items())
        }

    def blobs(self, oids: Iterable[str]) -> dict[str, bytes]:
        return read_blobs(self.repo, oids)

    @property
    def tip(self) -> str | None:
        """The newest content commit, which fixes everything this history holds."""
        return self.commits[-1].sha if self.commits else None


def content_history(content_dir: Path, rev: str = "HEAD") -> ContentHistory:
    """The first-parent history of `rev` that changed `content_dir`, as `read_history` reads it.

    Raises `Unavailable` (a `HistoryUnavailable`) with its reason; `RevisionError` for a `rev`
    git cannot resolve.
    """
    try:
        find_repo(content_dir)
    except RevisionError as exc:
        raise Unavailable("outside", str(exc)) from None
    try:
        repo = open_repo(content_dir)
    except HistoryUnavailable as exc:
        raise Unavailable("shallow", str(exc)) from None
    try:
        tip = resolve_tip(repo, rev)
    except HistoryUnavailable as exc:
        raise Unavailable("empty", str(exc)) from None
    return ContentHistory(repo, tuple(content_commits(repo, tip)))


__all__ = [
    "ContentHistory",
    "Unavailable",
    "Version",
    "content_history",
]
