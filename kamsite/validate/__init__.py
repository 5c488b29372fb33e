"""Content files → a validated `Content` plus every finding of every file, in one run."""

from __future__ import annotations

import hashlib
import os
import stat
from collections.abc import Iterable, Mapping
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Literal

from kamsite.cache import cache_root
from kamsite.diagnostics import Diagnostic
from kamsite.forked import cores
from kamsite.heap import collector_paused
from kamsite.load import MAX_BYTES
from kamsite.model import Account, Content, PortfolioSettings, Strategy, Team
from kamsite.model.content import as_of_inputs
from kamsite.validate.cache import FileCache, digest
from kamsite.validate.cross import Refs, account_rules, frame, settings_rules, strategy_rules
from kamsite.validate.files import (
    FOLDERS,
    NOT_UTF8,
    FileResult,
    NotAFile,
    Source,
    check_file,
    expected_kind,
    shown_path,
    to_diagnostics,
)
from kamsite.validate.findings import Finding, not_repeated
from kamsite.validate.view import Data, readable, text

_PARALLEL_FROM = 64


@dataclass(frozen=True)
class ValidationResult:
    """`content` holds only error-free files (and with `models="if-checked"` only the
    accounts that were checked); None when portfolio.yaml is unusable."""

    content: Content | None
    diagnostics: list[Diagnostic] = field(default_factory=list)
    files: int = 0
    fingerprint: str = ""
    """SHA-256 over every file's path and bytes: equal fingerprints, equal content."""
    keys: Mapping[str, str] = field(default_factory=dict)
    """Each content file's cache key (a hash of its path, kind and bytes, and of kamsite)."""

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity == "error"]

    @property
    def ok(self) -> bool:
        return not self.errors


def default_cache_dir() -> Path:
    return cache_root() / "validate"


def discover(root: Path) -> dict[str, Source]:
    """Content files under `root`, keyed by their path as shown to users.

    Whatever sits at a content path is listed, so that what is not read is reported: links
    (also dangling ones), folders that are links or submodules, names that are not UTF-8.
    """
    found: dict[str, Source] = {}
    candidates = [
        root / "portfolio.yaml",
        root / "portfolio.yml",
        root / "team.yaml",
        root / "team.yml",
    ]
    for folder in FOLDERS:
        if _is_folder(root / folder):
            candidates.extend(sorted((root / folder).iterdir()))
        else:
            candidates.append(root / folder)
    for path in candidates:
        relative = PurePosixPath(path.relative_to(root).as_posix())
        if path.name.startswith(".") or expected_kind(relative) is None:
            continue
        if not os.path.lexists(path):  # lexists: a dangling link is reported, not skipped
            continue
        shown, exact = shown_path(os.fsencode(relative))
        found[f"{root.name}/{shown}"] = _read(path) if exact else NotAFile(NOT_UTF8)
    return found


def _is_folder(path: Path) -> bool:
    """A folder whose files are read: not a link (it may lead out of the repository, or to
    /dev), not a submodule (files from another repository)."""
    return not path.is_symlink() and path.is_dir() and not (path / ".git").exists()


def _read(path: Path) -> Source:
    """Regular files only, and no more than the size limit lets through.

    A symlink could publish a file from outside the repository (or point at
    /dev/zero); git revisions report links too, so both sides of a diff agree.
    """
    if path.is_symlink():
        return NotAFile("a symbolic link")
    if path.is_dir():
        return NotAFile("a git submodule" if (path / ".git").exists() else "a directory")
    if not stat.S_ISREG(path.stat().st_mode):
        return NotAFile("a special file (device, pipe or socket)")
    if path.name in FOLDERS:  # a file where `accounts/` belongs
        return NotAFile("a file")
    with path.open("rb") as handle:
        return handle.read(MAX_BYTES + 1)


Models = bool | Literal["if-checked"]
"""Whether a result holds the models (`content`): True; False, only the findings are wanted
(an unchanged tree is answered from one cache entry, unchanged accounts from their entries'
findings); "if-checked", as False for an unchanged tree, but a tree that had to be checked
gives the models of portfolio, team and strategies and of the accounts it checked (after an
edit, the edited ones; the others are not read back through pydantic)."""


def validate_content(
    root: Path, *, cache_dir: Path | bool | None = True, models: Models = True
) -> ValidationResult:
    """Validate a content directory; `cache_dir=False` disables the caches; see `Models`."""
    if not root.is_dir():
        message = f"content directory {root} does not exist (pass --content DIR)"
        return ValidationResult(
            None, [Diagnostic(root.as_posix(), 1, 1, "error", "encoding", message)]
        )
    if cache_dir is True:
        cache_dir = default_cache_dir()
    return validate_sources(
        discover(root), content_dir=root.name, cache=FileCache(cache_dir or None), models=models
    )


@dataclass(frozen=True)
class _Job:
    path: str
    kind: str
    raw: Source
    key: str
    cache: FileCache
    model: bool


def _check(job: _Job) -> FileResult:
    """Runs in a worker when parallel, so the cache write is parallel too."""
    result = check_file(job.path, job.kind, job.raw)
    job.cache.put(job.key, result)
    return result if job.model else result.without_model()


def _check_all(jobs: list[_Job]) -> list[FileResult]:
    """Files are independent; many uncached ones are spread over the cores."""
    workers = cores()
    if len(jobs) < _PARALLEL_FROM or workers < 2:
        return [_check(job) for job in jobs]
    with ProcessPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(_check, jobs, chunksize=max(1, len(jobs) // (workers * 8))))


def _tree_key(fingerprint: str) -> str:
    """The tree's files, and what decides `as_of` when portfolio.yaml names none (the
    future-date warning depends on it)."""
    return hashlib.sha256(f"kamsite-tree\0{fingerprint}\0{as_of_inputs()}".encode()).hexdigest()


def validate_sources(
    sources: Mapping[str, Source],
    *,
    content_dir: str = "content",
    cache: FileCache | None = None,
    models: Models = True,
) -> ValidationResult:
    """Validate files given as {"content/accounts/x.yaml": bytes}; see `validate_content`."""
    cache = cache or FileCache(None)
    keys: dict[str, tuple[str, str]] = {}
    fingerprint = hashlib.sha256()
    for path in sorted(sources):
        kind = expected_kind(PurePosixPath(path).relative_to(content_dir))
        if kind is not None:
            keys[path] = (kind, digest(path, kind, sources[path]))
            fingerprint.update(keys[path][1].encode())
    file_keys = {path: key for path, (_kind, key) in keys.items()}
    tree = _tree_key(fingerprint.hexdigest())
    if models is not True and (known := cache.get_tree(tree)) is not None:
        return ValidationResult(None, known[0], known[1], fingerprint.hexdigest(), file_keys)

    with collector_paused():  # every model built here lives on: nothing to collect
        results: dict[str, FileResult] = {}
        jobs: list[_Job] = []
        for path, (kind, key) in keys.items():
            hit = cache.get(key, model=models is True or kind != "account")
            if hit is not None:
                results[path] = hit
            else:
                jobs.append(_Job(path, kind, sources[path], key, cache, models is not False))
        for result in _check_all(jobs):
            results[result.path] = result

        diagnostics = [d for r in results.values() for d in r.diagnostics]
        diagnostics.extend(_cross(results, sources, content_dir, file_keys, cache))
        diagnostics.sort()
        cache.put_tree(tree, diagnostics, len(results))
        erroneous = {d.path for d in diagnostics if d.severity == "error"}
        content = _content(results, erroneous)
    return ValidationResult(content, diagnostics, len(results), fingerprint.hexdigest(), file_keys)


def _models(results: Mapping[str, FileResult], kind: str) -> dict[str, object]:
    return {p: r.model for p, r in results.items() if r.kind == kind and r.model is not None}


def _cross(
    results: Mapping[str, FileResult],
    sources: Mapping[str, Source],
    content_dir: str,
    keys: Mapping[str, str],
    cache: FileCache,
) -> Iterable[Diagnostic]:
    """Cross-file rules over every file that can be read, valid or not (one round of fixes).

    An account's rules see only its own file, what portfolio.yaml says and which ids exist:
    `cache.rules` keeps its findings by exactly those, so an edit to one account runs the
    rules of that one, and a history (one tree per commit) those of the files that changed.
    A valid account's plain data is made when its rules run and dropped after, unless the
    cache `retains` results (they serve again): all of them at once were a quarter of a cold
    build's peak memory.
    """
    data: dict[str, Data] = {}
    valid: dict[str, FileResult] = {}
    for path, result in sorted(results.items()):
        if not cache.retains and result.kind == "account" and result.ident is not None:
            valid[path] = result
            continue
        raw = sources[path]
        raw_bytes = raw if isinstance(raw, bytes) else None
        plain = result.data if result.data is not None else readable(result.kind, raw_bytes)
        if plain is not None:
            data[path] = plain

    def paths(kind: str) -> list[str]:
        return sorted(p for p, r in results.items() if r.kind == kind)

    def ident(path: str) -> str | None:
        return valid[path].ident if path in valid else text(data[path], "id")

    found: dict[str, list[Finding]] = {}
    portfolios = paths("portfolio")
    if not portfolios:
        path = f"{content_dir}/portfolio.yaml"
        message = "missing: a portfolio needs portfolio.yaml (kind: portfolio, name, fiscal_year)"
        yield Diagnostic(path, 1, 1, "error", "schema", message)
    for kind in ("portfolio", "team"):
        for extra in paths(kind)[1:]:
            yield Diagnostic(
                extra,
                1,
                1,
                "error",
                "duplicate-id",
                f"a second {kind} file; keep one of {', '.join(paths(kind))}",
            )
    accounts = [p for p in paths("account") if p in data or p in valid]
    strategies = {p: data[p] for p in paths("strategy") if p in data}
    ids: dict[str, str] = {}
    for path in sorted([*accounts, *strategies]):
        own = ident(path)
        key = f"{results[path].kind}:{own}"
        if own is not None and key in ids:
            found.setdefault(path, []).append(
                Finding(("id",), "duplicate-id", f"id `{own}` is also used by {ids[key]}")
            )
        ids.setdefault(key, path)

    settings = data.get(portfolios[0]) if portfolios else None
    if settings is not None:
        found.setdefault(portfolios[0], []).extend(settings_rules(settings))
    teams = paths("team")
    unread = {
        PurePosixPath(p).stem
        for p in paths("account") + paths("strategy")
        if p not in data and p not in valid
    }
    team = data.get(teams[0]) if teams else {}
    named = (i for p in accounts if (i := ident(p)) is not None)
    refs = Refs.read(team, named, strategies.values(), unread)
    portfolio = frame(settings)
    context = hashlib.sha256(f"{portfolio.key()}\0{refs.key()}".encode()).hexdigest()
    known = cache.rules(context)
    mine: dict[str, list[Finding]] = {}
    for path in accounts:
        rules = known.get(keys[path])
        if rules is None:
            account = data.get(path) or _plain(valid[path], sources[path], keys[path], cache)
            rules = list(account_rules(account, portfolio, refs))
        mine[keys[path]] = rules
        found.setdefault(path, []).extend(rules)
    if any(key not in known for key in mine):
        cache.put_rules(context, {**known, **mine} if cache.retains else mine)
    for path, strategy in strategies.items():
        found.setdefault(path, []).extend(strategy_rules(strategy, refs))

    for path, items in found.items():
        if items:
            raw = sources[path]
            raw = raw if isinstance(raw, bytes) else b""
            content = raw.decode("utf-8-sig", "replace").replace("\r\n", "\n")
            yield from not_repeated(results[path].diagnostics, to_diagnostics(path, content, items))


def _plain(result: FileResult, raw: Source, key: str, cache: FileCache) -> Data:
    """A valid account's data, read back in full when only its findings were."""
    plain: Data | None = result.plain()
    if plain is None:
        full = cache.get(key)
        plain = full.plain() if full is not None else None
    if plain is None:
        plain = readable(result.kind, raw if isinstance(raw, bytes) else None)
    return plain or {}


def _content(results: Mapping[str, FileResult], erroneous: set[str]) -> Content | None:
    def valid(kind: str) -> list[object]:
        return [m for p, m in sorted(_models(results, kind).items()) if p not in erroneous]

    settings = next(iter(valid("portfolio")), None)
    if not isinstance(settings, PortfolioSettings):
        return None
    team = next((t for t in valid("team") if isinstance(t, Team)), Team(kind="team"))
    accounts = {a.id: a for a in valid("account") if isinstance(a, Account)}
    strategies = {s.id: s for s in valid("strategy") if isinstance(s, Strategy)}
    return Content(
        settings=settings,
        team=team,
        accounts=dict(sorted(accounts.items())),
        strategies=dict(sorted(strategies.items())),
    )


__all__ = [
    "Models",
    "NotAFile",
    "Source",
    "ValidationResult",
    "default_cache_dir",
    "discover",
    "validate_content",
    "validate_sources",
]
