"""Work spread over the cores by forked processes that start with the caller's state in
memory: models, scores and blobs are inherited, never pickled to the workers (sending them
cost as much as the work). Only the items and the results cross a process boundary."""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import Any, TypeVar

from kamsite.heap import collector_paused, frozen_heap

S = TypeVar("S")
T = TypeVar("T")
R = TypeVar("R")

_adopted: list[tuple[Callable[[Any, Any], Any], Any]] = []
"""A worker's function and state, set as it starts (inherited, not sent)."""


def cores() -> int:
    """The workers worth starting: one per core, at most 8."""
    return min(os.cpu_count() or 1, 8)


def can_fork() -> bool:
    return "fork" in multiprocessing.get_all_start_methods()


def forked_map(fn: Callable[[S, T], R], state: S, items: Sequence[T], workers: int) -> list[R]:
    """`[fn(state, item) for item in items]`, in order, over `workers` forked processes. The
    caller's heap is frozen meanwhile (the workers' collectors leave it alone, and so do not
    copy its pages), and each item runs with the collector paused."""
    with (
        frozen_heap(),
        ProcessPoolExecutor(
            workers,
            mp_context=multiprocessing.get_context("fork"),
            initializer=_adopt,
            initargs=(fn, state),
        ) as pool,
    ):
        return list(pool.map(_call, items))


def _adopt(fn: Callable[[Any, Any], Any], state: Any) -> None:
    _adopted.append((fn, state))


def _call(item: Any) -> Any:
    fn, state = _adopted[0]
    with collector_paused():
        return fn(state, item)
