"""A file's plain data read defensively, so rules also run on files that failed their schema.

A file with one wrong value still has readable ids and references; checking them in
the same run spares authors a second round of findings. Every accessor skips what has
the wrong shape (the schema findings already name it) instead of failing.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Mapping
from typing import Any

from kamsite.load import LoadError, parse

Data = Mapping[str, Any]
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def readable(kind: str, raw: bytes | None) -> Data | None:
    """The data of a file that did not validate: what its bytes parse to, if that is a
    mapping of `kind`; else None. (A valid file's data is `FileResult.data`.)"""
    if raw is None:
        return None
    try:
        data = parse(raw).data
    except LoadError:
        return None
    return data if isinstance(data, dict) and data.get("kind") == kind else None


def node(data: Any, *path: str) -> Any:
    """The value under nested keys, or None where the path does not exist."""
    for key in path:
        if not isinstance(data, Mapping):
            return None
        data = data.get(key)
    return data


def entries(data: Any, *path: str) -> Iterator[tuple[int, Data]]:
    """The mapping items of the list at `path`, with their index in the file."""
    value = node(data, *path)
    if isinstance(value, list):
        for index, item in enumerate(value):
            if isinstance(item, Mapping):
                yield index, item


def ids(data: Any, *path: str) -> list[str]:
    """The ids of the items of the list at `path` (those that have one)."""
    return [i for _, item in entries(data, *path) if (i := text(item, "id")) is not None]


def text(data: Any, key: str) -> str | None:
    value = node(data, key)
    return value if isinstance(value, str) else None


def texts(data: Any, key: str) -> Iterator[tuple[int, str]]:
    """The text items of the list under `key`, with their index."""
    value = node(data, key)
    if isinstance(value, list):
        for index, item in enumerate(value):
            if isinstance(item, str):
                yield index, item


def date(data: Any, key: str) -> dt.date | None:
    """A date as the model reads it (a date, or text written YYYY-MM-DD)."""
    value = node(data, key)
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if isinstance(value, str) and _DATE.match(value):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return None
    return None


def whole(data: Any, key: str) -> int | None:
    value = node(data, key)
    return value if type(value) is int else None
