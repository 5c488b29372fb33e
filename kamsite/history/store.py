"""Points on disk, one signed JSON entry per (commit, content dir, kamsite code).

A commit fixes its tree and its committer date, and a point depends on nothing else (never
today, never `$KAMSITE_AS_OF`), so an entry never goes stale: a warm history costs one
`git log` and a read per commit. What is read back is checked for shape; anything odd is a miss.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from pathlib import Path
from typing import Any

from kamsite.cache import SignedStore, code_stamp
from kamsite.diff.sources import Repo
from kamsite.history.points import Point


def _date(value: Any) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None


def _decode(payload: bytes, commit: str) -> Point | None:
    try:
        data = json.loads(payload)
    except ValueError:
        return None
    if not isinstance(data, dict) or data.get("commit") != commit:
        return None
    date, as_of = _date(data.get("date")), _date(data.get("as_of"))
    valid, errors = data.get("valid"), data.get("errors")
    accounts, totals = data.get("accounts"), data.get("totals")
    if (
        date is None
        or as_of is None
        or not isinstance(valid, bool)
        or type(errors) is not int
        or not isinstance(accounts, list)
        or not all(isinstance(a, dict) for a in accounts)
        or not (isinstance(totals, dict) if valid else totals is None)
    ):
        return None
    return Point(commit, date, as_of, valid, errors, tuple(accounts), totals)


class PointStore:
    """`directory=None` keeps nothing (caching off)."""

    def __init__(self, directory: Path | None) -> None:
        self.store = SignedStore(directory)

    @staticmethod
    def _name(repo: Repo, commit: str) -> str:
        h = hashlib.sha256(f"kamsite-history\0{code_stamp()}\0{commit}\0".encode())
        h.update(f"{repo.content}\0{repo.content_name}".encode("utf-8", "surrogateescape"))
        return h.hexdigest()

    def get(self, repo: Repo, commit: str) -> Point | None:
        payload = self.store.read(self._name(repo, commit))
        return None if payload is None else _decode(payload, commit)

    def put(self, repo: Repo, point: Point) -> None:
        payload = json.dumps(point.to_json(), ensure_ascii=True, separators=(",", ":"))
        self.store.write(self._name(repo, point.commit), payload.encode())
