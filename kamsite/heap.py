"""The garbage collector and a large heap that lives to the end of a run.

A cold build or a long history holds every model, scorecard and checked file until it is
done. Left to the collector, its full passes walk all of them again and again (half the
scoring time of a history), and in forked workers they also touch, and so copy, every
memory page of the inherited heap.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """No collection at all inside the block: for a burst of work that builds many objects
    which live on past it (checking files, scoring them); a cycle made inside is collected
    after. Pausing it made a long history's checking and scoring twice as fast."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


@contextmanager
def frozen_heap() -> Iterator[None]:
    """Whatever is alive now is left alone by the collector until the block ends, then handed
    back, so a long `mkdocs serve` session can still free it."""
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()
