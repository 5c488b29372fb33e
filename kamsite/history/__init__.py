"""`kamsite history`: a scored point per content commit of a first-parent history.

The core of trends: `read_history` is a function of (repository, revision, since) and its
caches; the CLI and the site are thin adapters over it.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from kamsite.cache import cache_root
from kamsite.history.git import (
    Entry,
    HistoryUnavailable,
    RevisionError,
    content_commits,
    content_files,
    open_repo,
    read_blobs,
    replay,
    resolve_tip,
)
from kamsite.history.points import FileMemo, Point, score_commits
from kamsite.history.store import PointStore
from kamsite.validate import default_cache_dir


class HistoryCache:
    """Each commit's point on disk under `points`; each file version's check in memory for as
    long as this object lives (keep one across site rebuilds).

    `files` is read, never written: the validate cache, where `kamsite validate` and site
    builds leave the current files, which are most of the files of recent commits.
    """

    def __init__(self, points: Path | None, files: Path | None) -> None:
        self.points = PointStore(points)
        self.files = FileMemo(files)

    @classmethod
    def default(cls) -> HistoryCache:
        return cls(cache_root() / "history", default_cache_dir())


def read_history(
    content_dir: Path,
    *,
    rev: str = "HEAD",
    since: dt.date | None = None,
    cache: HistoryCache | None = None,
) -> list[Point]:
    """Oldest first, one point per commit of `rev`'s first-parent history that changed
    `content_dir`, committed on or after `since`.

    Raises `HistoryUnavailable` (outside git, shallow clone, no commits) and `RevisionError`
    (a `rev` git cannot resolve).
    """
    repo = open_repo(content_dir)
    commits = content_commits(repo, resolve_tip(repo, rev))
    cache = cache or HistoryCache.default()
    shown = [c for c in commits if since is None or c.date >= since]
    points = {c.sha: cache.points.get(repo, c.sha) for c in shown}
    todo = [c for c in shown if points[c.sha] is None]
    wanted = {c.sha for c in todo}
    trees = {c.sha: content_files(repo, t) for c, t in replay(commits) if c.sha in wanted}
    found = {(path, f) for tree in trees.values() if tree for path, f in tree.items()}
    blobs = read_blobs(repo, (f.oid for _path, f in found if isinstance(f, Entry)))
    jobs = [(c.sha, c.date, trees[c.sha]) for c in todo]
    for point in score_commits(jobs, blobs, repo.content_name, cache.files):
        cache.points.put(repo, point)
        points[point.commit] = point
    return [p for p in points.values() if p is not None]


__all__ = [
    "HistoryCache",
    "HistoryUnavailable",
    "Point",
    "RevisionError",
    "read_history",
]
