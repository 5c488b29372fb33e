"""One content tree → one `Point`: validated and scored exactly as `kamsite score` would on a
checkout, with every file version checked (parsed) once per run."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from kamsite.diagnostics import Diagnostic
from kamsite.forked import can_fork, cores, forked_map
from kamsite.heap import collector_paused
from kamsite.history.git import Entry, source
from kamsite.model import Content
from kamsite.score import AccountScore, score_portfolio, to_json
from kamsite.score.account import undated
from kamsite.validate import NotAFile, Source, validate_sources
from kamsite.validate.cache import FileCache, digest
from kamsite.validate.files import FileResult, check_file, expected_kind
from kamsite.validate.findings import Finding

_PARALLEL_FROM = 64
"""Fewer file checks than this run in-process: a worker pool costs more than it saves."""
_PARALLEL_COMMITS = 16
"""Fewer commits than this are scored in-process, for the same reason."""


@dataclass(frozen=True)
class Point:
    """A content commit, scored as of its `portfolio.as_of`, else its committer date.

    `accounts` and `totals` are those of `kamsite score --format json` (accounts without
    `stakeholders`); an invalid tree has its error count, no accounts and no totals.
    """

    commit: str
    date: dt.date
    as_of: dt.date
    valid: bool
    errors: int
    accounts: tuple[Mapping[str, Any], ...]
    totals: Mapping[str, Any] | None

    def to_json(self) -> dict[str, Any]:
        return {
            "commit": self.commit,
            "date": self.date.isoformat(),
            "as_of": self.as_of.isoformat(),
            "valid": self.valid,
            "errors": self.errors,
            "accounts": [dict(a) for a in self.accounts],
            "totals": None if self.totals is None else dict(self.totals),
        }


def _check(job: tuple[str, str, Source]) -> FileResult:
    return check_file(*job)


class FileMemo(FileCache):
    """`validate_sources`' per-file cache, in memory over an optional read-only disk cache.

    `check_all` fills it before validation, so `validate_sources` only ever hits (its own
    misses would run in worker processes, whose results never reach this memory). `parsed`
    counts the file checks (YAML parses) actually run.
    """

    retains = True

    def __init__(self, directory: Path | None) -> None:
        super().__init__(directory)
        self.results: dict[str, FileResult] = {}
        self.parsed = 0
        self.undated: dict[tuple[str, ...], AccountScore] = {}

    def get(self, key: str, *, model: bool = True) -> FileResult | None:
        """Always with the model: results kept in memory serve many trees."""
        hit = self.results.get(key)
        if hit is None:
            hit = super().get(key)
            if hit is not None:
                self.results[key] = hit
        return hit

    def put(self, key: str, result: FileResult) -> None:
        """Memory only: history reads past versions, which no later run is likely to ask for."""
        self.results[key] = result

    def put_tree(self, key: str, diagnostics: list[Diagnostic], files: int) -> None:
        """Nothing: past trees are not asked for again, and the disk cache stays read-only."""

    def put_rules(self, context: str, findings: dict[str, list[Finding]]) -> None:
        """Memory only, as `put`."""
        self._rules[context] = findings

    def undated_scores(
        self, content: Content, keys: Mapping[str, str], content_dir: str
    ) -> dict[str, AccountScore]:
        """Each account's `undated` score, kept per (file version, portfolio.yaml version): most
        commits change a few files, so most accounts are scored in full once per history."""
        folder = PurePosixPath(content_dir)
        settings = sorted(
            keys[p]
            for p in keys
            if PurePosixPath(p).parent == folder and PurePosixPath(p).stem == "portfolio"
        )
        found: dict[str, AccountScore] = {}
        for path, key in keys.items():
            where = PurePosixPath(path)
            account = content.accounts.get(where.stem)
            if where.parent != folder / "accounts" or account is None:
                continue
            memo_key = (key, *settings)
            hit = self.undated.get(memo_key)
            if hit is None:
                hit = self.undated[memo_key] = undated(account, content.settings)
            found[account.id] = hit
        return found

    def check_all(
        self, versions: Iterable[tuple[str, Source]], content_dir: str, *, parallel: bool = True
    ) -> None:
        """Check each (path, bytes) not known yet, over the cores when there are many (and
        `parallel`), as `validate` does; a version is known by the key `validate_sources`
        looks it up by."""
        jobs: dict[str, tuple[str, str, Source]] = {}
        for path, raw in versions:
            kind = expected_kind(PurePosixPath(path).relative_to(content_dir))
            if kind is not None:
                jobs[digest(path, kind, raw)] = (path, kind, raw)
        todo = [(key, job) for key, job in jobs.items() if self.get(key) is None]
        workers = cores()
        if not parallel or len(todo) < _PARALLEL_FROM or workers < 2:
            results = [_check(job) for _key, job in todo]
        else:
            with ProcessPoolExecutor(max_workers=workers) as pool:
                chunk = max(1, len(todo) // (workers * 8))
                results = list(pool.map(_check, [job for _key, job in todo], chunksize=chunk))
        for (key, _job), result in zip(todo, results, strict=True):
            self.put(key, result)
        self.parsed += len(todo)


def score_tree(
    commit: str,
    date: dt.date,
    sources: Mapping[str, Source] | None,
    content_dir: str,
    memo: FileMemo,
) -> Point:
    """`sources=None`: the commit has no content dir, which `kamsite score` reports as one error."""
    if sources is None:
        return Point(commit, date, date, False, 1, (), None)
    result = validate_sources(sources, content_dir=content_dir, cache=memo)
    content = result.content
    as_of = content.settings.as_of if content and content.settings.as_of else date
    if content is None or not result.ok:
        return Point(commit, date, as_of, False, len(result.errors), (), None)
    scores = score_portfolio(content, as_of, memo.undated_scores(content, result.keys, content_dir))
    shown = to_json(scores, stakeholders=False)
    return Point(commit, date, as_of, True, 0, tuple(shown["accounts"]), shown["totals"])


Files = Mapping[str, Entry | NotAFile] | None
"""A commit's content files (git tree entries); None: the commit has no content dir."""


@dataclass(frozen=True)
class _Scoring:
    blobs: Mapping[str, bytes]
    content_dir: str
    memo: FileMemo

    def versions(self, jobs: Iterable[tuple[str, dt.date, Files]]) -> Iterator[tuple[str, Source]]:
        """Every (path, bytes) the commits hold, each file version once."""
        found = {(path, f) for _sha, _date, files in jobs if files for path, f in files.items()}
        return ((path, source(f, self.blobs)) for path, f in sorted(found, key=_by_path))

    def point(self, commit: str, date: dt.date, files: Files) -> Point:
        sources = None if files is None else {p: source(f, self.blobs) for p, f in files.items()}
        return score_tree(commit, date, sources, self.content_dir, self.memo)

    def run(
        self, jobs: Sequence[tuple[str, dt.date, Files]], parallel: bool = False
    ) -> list[Point]:
        """Check the file versions of these commits (over the cores when `parallel`), then
        score each, with the collector paused: what is checked lives on."""
        with collector_paused():
            self.memo.check_all(self.versions(jobs), self.content_dir, parallel=parallel)
            return [self.point(*job) for job in jobs]


def _by_path(version: tuple[str, Entry | NotAFile]) -> tuple[str, str]:
    path, found = version
    return path, found.oid if isinstance(found, Entry) else ""


def score_commits(
    jobs: Sequence[tuple[str, dt.date, Files]],
    blobs: Mapping[str, bytes],
    content_dir: str,
    memo: FileMemo,
) -> list[Point]:
    """Every commit's point, in order.

    A long history is split into one run of consecutive commits per core, each checked and
    scored by a forked worker that inherits the blobs: the worker checks the file versions
    its run holds and keeps them, so no checked file crosses a process boundary (sending
    them back cost as much as checking them). The versions of the tree where two runs meet
    are checked by both: a tree's worth more per extra core. A short history, or where fork
    is not available, is checked over the cores and scored here.
    """
    scoring = _Scoring(blobs, content_dir, memo)
    workers = cores()
    if len(jobs) < _PARALLEL_COMMITS or workers < 2 or not can_fork():
        return scoring.run(jobs, parallel=True)
    size = -(-len(jobs) // workers)
    runs = [jobs[start : start + size] for start in range(0, len(jobs), size)]
    return [point for run in forked_map(_Scoring.run, scoring, runs, len(runs)) for point in run]
