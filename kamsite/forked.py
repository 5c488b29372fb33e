"""Work spread over the cores by forked processes that start with the caller's state in
memory: models, scores and blobs are inherited, never pickled to the workers (sending them
cost as much as the work). Only the items and the results cross a process boundary."""

from __future__ import annotations

import gc
import multiprocessing
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from multiprocessing.connection import Connection
from typing import Any, TypeVar, cast

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


def forked_iter(fn: Callable[[], Iterable[R]]) -> Iterator[R]:
    """What `fn()` yields, made in a forked child and each sent back pickled as soon as it is
    made, so the caller can go on with the first while the child makes the next. An
    exception in the child is raised here, where its place in the sequence is. Whatever
    the child builds on the way dies with it: CPython hands little of a freed heap back to
    the system, so a build that made its pages in-process kept the models' memory resident
    through MkDocs' whole run.

    The child runs without the garbage collector: it lives for one call and all it builds
    goes when it exits, while the collector's passes over the models it holds took two
    thirds of scoring 1,000 accounts. Processes it forks turn the collector back on."""
    context = multiprocessing.get_context("fork")
    receive, send = context.Pipe(duplex=False)
    child = context.Process(target=_answer, args=(fn, send))
    child.start()
    send.close()
    try:
        while True:
            try:
                kind, value = receive.recv()
            except EOFError:
                raise RuntimeError(f"a forked worker died (exit {child.exitcode})") from None
            if kind == "value":
                yield cast(R, value)
            elif kind == "error":
                raise value
            else:
                return
    finally:
        receive.close()  # a child still sending gets a broken pipe and ends
        child.join()


def _answer(fn: Callable[[], Iterable[Any]], send: Connection) -> None:
    gc.disable()  # see forked_iter
    try:
        for value in fn():
            send.send(("value", value))
        send.send(("end", None))
    except BrokenPipeError:  # the caller stopped listening
        pass
    except Exception as exc:  # sent to the caller, which raises it
        try:
            send.send(("error", exc))
        except BrokenPipeError:
            pass
        except Exception as unsent:  # an exception that does not pickle, said in words
            send.send(("error", RuntimeError(f"{type(exc).__name__}: {exc} ({unsent})")))
    finally:
        send.close()


def _adopt(fn: Callable[[Any, Any], Any], state: Any) -> None:
    gc.enable()  # a worker of a `forked_iter` child inherits the collector off
    _adopted.append((fn, state))


def _call(item: Any) -> Any:
    fn, state = _adopted[0]
    with collector_paused():
        return fn(state, item)
