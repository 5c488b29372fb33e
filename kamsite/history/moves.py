"""What moved in one account between two of its content commits: the facts `kamsite diff`
finds, read from git objects and kept per pair of commits (signed JSON), so the site's
trends compare each account once, not on every build.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Any

from kamsite.cache import SignedStore, cache_root, code_stamp
from kamsite.diff import Snapshot, compare
from kamsite.diff.result import Event, FieldChange, FlagChange, ScoreDelta
from kamsite.history import HistoryCache, Point
from kamsite.history.trees import ContentHistory, Version
from kamsite.model.account import Account
from kamsite.validate.cache import digest
from kamsite.validate.files import check_file


@dataclass(frozen=True)
class Moved:
    """One account's changes between two content commits, as `kamsite diff` finds them.

    `basis` is `reviews` (base: the commit that recorded the previous `reviewed` date) or
    `commits` (base: the change before the latest); head is the latest change to the plan.
    """

    basis: str
    since: dt.date | None
    base: str
    base_date: dt.date
    head: str
    head_date: dt.date
    as_of: dt.date
    fields: tuple[FieldChange, ...] = ()
    scores: tuple[ScoreDelta, ...] = ()
    flags: tuple[FlagChange, ...] = ()
    events: tuple[Event, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {
            "basis": self.basis,
            "since": None if self.since is None else self.since.isoformat(),
            "base": self.base,
            "base_date": self.base_date.isoformat(),
            "head": self.head,
            "head_date": self.head_date.isoformat(),
            "as_of": self.as_of.isoformat(),
            "fields": [[f.field, f.before, f.after] for f in self.fields],
            "scores": [[s.metric, s.before, s.after, s.direction, s.better] for s in self.scores],
            "flags": [[f.code, f.change, list(f.evidence)] for f in self.flags],
            "events": [[e.section, e.kind, e.id, e.name, e.before, e.after] for e in self.events],
        }


def _is_value(value: Any) -> bool:
    return value is None or (isinstance(value, str | int | float) and not isinstance(value, bool))


def _is_number(value: Any) -> bool:
    return value is None or (isinstance(value, int | float) and not isinstance(value, bool))


def _day(value: Any) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None


def _rows(data: Mapping[str, Any], key: str, size: int) -> list[list[Any]] | None:
    rows = data.get(key)
    if not isinstance(rows, list) or not all(isinstance(r, list) and len(r) == size for r in rows):
        return None
    return rows


def _decode_moved(payload: bytes) -> Moved | None:
    """A stored entry back, checked for shape: anything odd is a miss."""
    try:
        data = json.loads(payload)
    except ValueError:
        return None
    if not isinstance(data, dict):
        return None
    base_date, head_date, as_of = (_day(data.get(k)) for k in ("base_date", "head_date", "as_of"))
    since = data.get("since")
    fields, scores = _rows(data, "fields", 3), _rows(data, "scores", 5)
    flags, events = _rows(data, "flags", 3), _rows(data, "events", 6)
    if (
        data.get("basis") not in ("reviews", "commits")
        or not all(isinstance(data.get(k), str) for k in ("base", "head"))
        or base_date is None
        or head_date is None
        or as_of is None
        or (since is not None and _day(since) is None)
        or fields is None
        or scores is None
        or flags is None
        or events is None
    ):
        return None
    ok = (
        all(isinstance(f[0], str) and _is_value(f[1]) and _is_value(f[2]) for f in fields)
        and all(
            isinstance(s[0], str)
            and _is_number(s[1])
            and _is_number(s[2])
            and s[3] in ("up", "down", "set", "unset")
            and s[4] in (True, False, None)
            for s in scores
        )
        and all(
            isinstance(f[0], str)
            and f[1] in ("raised", "cleared")
            and isinstance(f[2], list)
            and all(isinstance(x, str) for x in f[2])
            for f in flags
        )
        and all(
            all(isinstance(x, str) for x in e[:4]) and _is_value(e[4]) and _is_value(e[5])
            for e in events
        )
    )
    if not ok:
        return None
    return Moved(
        basis=data["basis"],
        since=_day(since),
        base=data["base"],
        base_date=base_date,
        head=data["head"],
        head_date=head_date,
        as_of=as_of,
        fields=tuple(FieldChange(*f) for f in fields),
        scores=tuple(ScoreDelta(*s) for s in scores),
        flags=tuple(FlagChange(f[0], f[1], tuple(f[2])) for f in flags),
        events=tuple(Event(*e) for e in events),
    )


@dataclass(frozen=True)
class _Pick:
    """The two versions of a plan to compare, and why these."""

    basis: str
    since: dt.date | None
    base: Version
    head: Version


def _reviewed(path: str, raw: bytes, cache: HistoryCache) -> dt.date | None:
    """The plan's `reviewed` date in one version; the history's file checks are reused."""
    key = digest(path, "account", raw)
    result = cache.files.get(key)
    if result is None:
        result = check_file(path, "account", raw)
        cache.files.put(key, result)  # compared next: checked once
    return result.model.reviewed if isinstance(result.model, Account) else None


def _pick(usable: Sequence[Version], reviewed: Sequence[dt.date | None]) -> _Pick | None:
    """Since the previous review: from the version that recorded the last-but-one distinct
    `reviewed` date to the latest version; else the last two versions; None with one."""
    starts: list[tuple[int, dt.date]] = []
    previous: dt.date | None = None
    for index, day in enumerate(reviewed):
        if day is not None and day != previous:
            starts.append((index, day))
        previous = day
    if len(starts) >= 2:
        index, day = starts[-2]
        return _Pick("reviews", day, usable[index], usable[-1])
    if len(usable) >= 2:
        return _Pick("commits", None, usable[-2], usable[-1])
    return None


def _moved_key(history: ContentHistory, path: str, usable: Sequence[Version]) -> str:
    h = hashlib.sha256(f"kamsite-trends-moved\0{code_stamp()}\0".encode())
    h.update(f"{history.repo.content}\0{history.repo.content_name}\0{path}\0".encode())
    for version in usable:
        assert version.entry is not None
        h.update(f"{version.commit.sha}:{version.entry.oid}\0".encode())
    return h.hexdigest()


def _account_files(path: str) -> bool:
    return PurePosixPath(path).parent.name == "accounts"


def _compute_moved(
    history: ContentHistory,
    wanted: Mapping[str, tuple[str, Sequence[Version]]],
    points: Mapping[str, Point],
    cache: HistoryCache,
) -> dict[str, Moved | None]:
    """For each account id → (path, usable versions): pick the versions, then compare both
    trees (settings, team, strategies and this one plan) as `kamsite diff` does."""
    oids = {v.entry.oid for _p, usable in wanted.values() for v in usable if v.entry is not None}
    blobs = history.blobs(oids)
    picks: dict[str, _Pick | None] = {}
    for account_id, (path, usable) in wanted.items():
        days = [_reviewed(path, blobs[v.entry.oid], cache) for v in usable if v.entry is not None]
        picks[account_id] = _pick(usable, days)
    shas = {v.commit.sha for p in picks.values() if p for v in (p.base, p.head)}
    paths = {wanted[a][0] for a, p in picks.items() if p}
    snapshots = history.snapshots(shas, lambda p: not _account_files(p) or p in paths)
    found: dict[str, Moved | None] = {}
    for account_id, pick in sorted(picks.items()):
        if pick is None:
            found[account_id] = None
            continue
        path = wanted[account_id][0]
        base, head = (snapshots[v.commit.sha] for v in (pick.base, pick.head))
        mine = [
            Snapshot(
                {p: x for p, x in s.sources.items() if not _account_files(p) or p == path},
                s.name,
                s.commit,
            )
            for s in (base, head)
        ]
        as_of = points[pick.head.commit.sha].as_of
        diff = compare(
            mine[0], mine[1], content_dir=history.repo.content_name, as_of=as_of, cache=cache.files
        )
        item = next((i for i in diff.items if i.kind == "account" and i.id == account_id), None)
        found[account_id] = Moved(
            basis=pick.basis,
            since=pick.since,
            base=pick.base.commit.sha,
            base_date=pick.base.commit.date,
            head=pick.head.commit.sha,
            head_date=pick.head.commit.date,
            as_of=as_of,
            fields=item.fields if item else (),
            scores=item.scores if item else (),
            flags=item.flags if item else (),
            events=item.events if item else (),
        )
    return found


def _account_ids(point: Point) -> set[str]:
    return {a["id"] for a in point.accounts if isinstance(a.get("id"), str)}


def all_moved(
    history: ContentHistory,
    account_ids: Sequence[str],
    points: Sequence[Point],
    cache: HistoryCache,
    store: SignedStore,
) -> dict[str, Moved | None]:
    by_sha = {p.commit: p for p in points}
    present = {p.commit: _account_ids(p) for p in points if p.valid}
    versions = history.versions()
    name = history.repo.content_name
    moved: dict[str, Moved | None] = {}
    todo: dict[str, tuple[str, Sequence[Version]]] = {}
    keys: dict[str, str] = {}
    for account_id in account_ids:
        path = next(
            (
                p
                for p in (f"{name}/accounts/{account_id}{s}" for s in (".yaml", ".yml"))
                if p in versions
            ),
            None,
        )
        usable = [
            v
            for v in (versions.get(path, ()) if path else ())
            if v.entry is not None and account_id in present.get(v.commit.sha, set())
        ]
        if path is None or len(usable) < 2:
            moved[account_id] = None
            continue
        keys[account_id] = _moved_key(history, path, usable)
        payload = store.read(keys[account_id])
        hit = None if payload is None else _decode_moved(payload)
        if hit is not None:
            moved[account_id] = hit
        else:
            todo[account_id] = (path, usable)
    if todo:
        for account_id, found in _compute_moved(history, todo, by_sha, cache).items():
            moved[account_id] = found
            if found is not None:
                text = json.dumps(found.to_json(), ensure_ascii=True, separators=(",", ":"))
                store.write(keys[account_id], text.encode())
    return moved


def default_store() -> SignedStore:
    """The diff events of each account, signed JSON under the user's cache dir."""
    return SignedStore(cache_root() / "trends")
