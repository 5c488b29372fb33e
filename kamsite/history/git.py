"""The content tree of every commit on a first-parent history that changed the content dir.

One `git log --raw` gives every change to the content dir, so each commit's tree is the
previous one plus its diff, and one `git cat-file --batch` gives every distinct file
version: a long history costs two git processes, not one per commit.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from kamsite.diff.sources import Repo, RevisionError, find_repo, git, resolve
from kamsite.load import MAX_BYTES
from kamsite.validate import NotAFile, Source
from kamsite.validate.files import FOLDERS, NOT_UTF8, expected_kind, shown_path

# Settings that would change what `git log` prints: --follow on one path, signatures.
_PLAIN = ("-c", "log.follow=false", "-c", "log.showSignature=false")
_TREE = "040000"
_NOT_READ = {"120000": "a symbolic link", "160000": "a git submodule", _TREE: "a directory"}


class HistoryUnavailable(Exception):
    """No history to read (outside git, a shallow clone, no commits yet): a note, not a failure."""


@dataclass(frozen=True)
class Entry:
    """A tree entry: git mode (file, link, directory, submodule) and object id."""

    mode: str
    oid: str


def _git(root: Path, *args: str, stdin: bytes | None = None) -> bytes:
    return git(root, *args, stdin=stdin, options=_PLAIN)


def open_repo(content_dir: Path) -> Repo:
    """The repository holding `content_dir`, if its whole history is there to read."""
    try:
        repo = find_repo(content_dir)
    except RevisionError as exc:
        raise HistoryUnavailable(str(exc)) from None
    if _git(repo.root, "rev-parse", "--is-shallow-repository").strip() == b"true":
        raise HistoryUnavailable(
            f"{repo.root} is a shallow clone; fetch the full history (git fetch --unshallow)"
        )
    return repo


def resolve_tip(repo: Repo, revision: str) -> str:
    """The commit of `revision`; an unborn HEAD is no history rather than a usage error."""
    try:
        return resolve(repo, revision)
    except RevisionError:
        if revision == "HEAD":
            raise HistoryUnavailable(f"{repo.root} has no commits yet") from None
        raise


def _spec(repo: Repo) -> str:
    return str(repo.content) if repo.content.parts else "."


@dataclass(frozen=True)
class Change:
    """A path added, modified or deleted (`status` "D") by a commit."""

    status: str
    path: bytes
    entry: Entry


@dataclass(frozen=True)
class ContentCommit:
    """A commit that changed the content dir, and what it changed there (repository paths)."""

    sha: str
    date: dt.date
    """The committer date, in the committer's time zone (`%cs`)."""
    changes: tuple[Change, ...]


def _parse_log(out: bytes) -> Iterator[ContentCommit]:
    """`git log -z --raw` → commits; a path is read right after its change line, so no path
    (whatever bytes it holds) is ever taken for a commit header."""
    head: tuple[str, str] | None = None
    changes: list[Change] = []
    tokens = iter(out.split(b"\0"))
    for token in tokens:
        text = token.lstrip(b"\n").decode()
        if text.startswith("\x01"):
            if head:
                yield ContentCommit(head[0], dt.date.fromisoformat(head[1]), tuple(changes))
            sha, date = text[1:].split(" ")
            head, changes = (sha, date), []
        elif text.startswith(":"):
            _old_mode, mode, _old, oid, status = text[1:].split(" ")
            changes.append(Change(status[0], next(tokens), Entry(mode, oid)))
    if head:
        yield ContentCommit(head[0], dt.date.fromisoformat(head[1]), tuple(changes))


def content_commits(repo: Repo, tip: str) -> list[ContentCommit]:
    """Oldest first; each commit's changes are against its first parent, merges included."""
    out = _git(
        repo.root,
        "log",
        "--first-parent",
        "--diff-merges=first-parent",
        "--root",
        "--reverse",
        "--raw",
        "-t",
        "-z",
        "--no-abbrev",
        "--no-renames",
        "--no-color",
        "--format=%x01%H %cs",
        tip,
        "--",
        _spec(repo),
    )
    return list(_parse_log(out))


def replay(
    commits: Iterable[ContentCommit],
) -> Iterator[tuple[ContentCommit, Mapping[bytes, Entry]]]:
    """Each commit with its tree under the content dir, from the first commit's on: one
    mapping, updated in place, so read it before taking the next commit."""
    tree: dict[bytes, Entry] = {}
    for commit in commits:
        for change in commit.changes:
            if change.status == "D":
                tree.pop(change.path, None)
            else:
                tree[change.path] = change.entry
        yield commit, tree


def _as_read(relative: bytes, entry: Entry) -> Entry | NotAFile | None:
    """What `discover` makes of this path on a checkout: a file to read (its entry), a path
    reported as not read (`NotAFile`), or nothing to list (None)."""
    path = PurePosixPath(os.fsdecode(relative))
    if expected_kind(path) is None or path.name.startswith("."):
        return None
    if not shown_path(relative)[1]:
        return NotAFile(NOT_UTF8)
    if len(path.parts) == 1 and path.name in FOLDERS:
        return None if entry.mode == _TREE else NotAFile(_NOT_READ.get(entry.mode, "a file"))
    return NotAFile(_NOT_READ[entry.mode]) if entry.mode in _NOT_READ else entry


def content_files(repo: Repo, tree: Mapping[bytes, Entry]) -> dict[str, Entry | NotAFile] | None:
    """The paths `kamsite validate` lists on a checkout, keyed as it shows them; None when
    the checkout has no content dir at all."""
    prefix = os.fsencode(repo.content) + b"/" if repo.content.parts else b""
    if prefix:
        folder = tree.get(prefix[:-1])
        if folder is None or folder.mode != _TREE:
            return None
    files: dict[str, Entry | NotAFile] = {}
    for path, entry in tree.items():
        if not path.startswith(prefix):
            continue
        relative = path[len(prefix) :]
        found = _as_read(relative, entry)
        if found is not None:
            files[f"{repo.content_name}/{shown_path(relative)[0]}"] = found
    return files


def source(found: Entry | NotAFile, blobs: Mapping[str, bytes]) -> Source:
    """What reading the checked-out path gives: its bytes up to the size limit."""
    return blobs[found.oid][: MAX_BYTES + 1] if isinstance(found, Entry) else found


def read_blobs(repo: Repo, oids: Iterable[str]) -> dict[str, bytes]:
    """Every blob in one `git cat-file --batch`."""
    order = sorted(set(oids))
    if not order:
        return {}
    out = _git(repo.root, "cat-file", "--batch", stdin="".join(f"{o}\n" for o in order).encode())
    blobs: dict[str, bytes] = {}
    offset = 0
    for oid in order:
        header_end = out.index(b"\n", offset)
        header = out[offset:header_end].split()
        if len(header) != 3:
            raise HistoryUnavailable(f"git object {oid} is missing (a partial clone?)")
        start = header_end + 1
        blobs[oid] = out[start : start + int(header[2])]
        offset = start + int(header[2]) + 1
    return blobs


__all__ = [
    "Change",
    "ContentCommit",
    "Entry",
    "HistoryUnavailable",
    "RevisionError",
    "content_commits",
    "content_files",
    "open_repo",
    "read_blobs",
    "replay",
    "resolve_tip",
    "source",
]
