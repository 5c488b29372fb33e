"""DOT → inline SVG through the Graphviz `dot` binary, cached on disk, in parallel.

The cache key is sha256 of the DOT text, `dot -V` and the command-line options,
so an upgrade of Graphviz or a change of one account re-renders only what it
must. A hit is one file read and runs no process: `dot -V` is asked once per
process and binary (keyed by the binary's path, inode, size and mtime). The cache
holds Graphviz's own SVG, signed (`kamsite.cache.SignedStore`): it is inlined into
pages, so an entry this machine did not write is drawn again, never trusted. The id
prefix is applied after, so one render serves any page.
"""

from __future__ import annotations

import functools
import hashlib
import os
import shutil
import subprocess
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from kamsite.cache import SignedStore
from kamsite.graph.svg import inline_svg

EXECUTABLE = "dot"
OPTIONS = ("-Tsvg",)
MISSING = (
    "Graphviz `dot` was not found on PATH: install the Debian package graphviz "
    "(apt-get install graphviz)"
)


class GraphvizMissing(RuntimeError):
    """`dot` is not installed: pictures cannot be drawn."""


class RenderError(RuntimeError):
    """`dot` failed on a graph (non-zero exit or timeout); carries its stderr."""


@dataclass(frozen=True)
class Diagram:
    """A picture to draw: its DOT, the id prefix for inlining, its accessible name."""

    dot: str
    prefix: str
    label: str


@functools.cache
def _version(executable: str, stamp: tuple[int, int, int]) -> str:
    """`dot -V` (printed on stderr); `stamp` makes a replaced binary ask again."""
    del stamp  # only part of the memo key
    done = subprocess.run([executable, "-V"], capture_output=True, check=False)
    if done.returncode != 0:
        raise RenderError(f"`{executable} -V` exited with {done.returncode}")
    return (done.stdout + done.stderr).decode("utf-8", "replace").strip()


class Renderer:
    """Draws diagrams with Graphviz, reusing earlier renders from `cache_dir`."""

    def __init__(self, cache_dir: Path | None, *, timeout: float = 120.0) -> None:
        self.store = SignedStore(None if cache_dir is None else cache_dir / "graph")
        self.timeout = timeout

    def _executable(self) -> tuple[str, str]:
        found = shutil.which(EXECUTABLE)
        if found is None:
            raise GraphvizMissing(MISSING)
        info = os.stat(found)
        return found, _version(found, (info.st_ino, info.st_size, info.st_mtime_ns))

    def version(self) -> str:
        """`dot -V` and the render options: what any cache of drawn pictures depends on."""
        return "\0".join((self._executable()[1], *OPTIONS))

    @staticmethod
    def _key(dot: str, version: str) -> str:
        digest = hashlib.sha256()
        for part in (dot, version, *OPTIONS):
            digest.update(part.encode("utf-8") + b"\0")
        return digest.hexdigest()

    def _cached(self, key: str) -> str | None:
        payload = self.store.read(key)
        if payload is None:
            return None
        try:
            return payload.decode("utf-8")
        except UnicodeDecodeError:
            return None

    def _run(self, executable: str, dot: str, key: str) -> str:
        try:
            done = subprocess.run(
                [executable, *OPTIONS],
                input=dot.encode("utf-8"),
                capture_output=True,
                timeout=self.timeout,
                check=False,
            )
        except subprocess.TimeoutExpired:
            raise RenderError(f"dot took longer than {self.timeout:g} s") from None
        if done.returncode != 0:
            stderr = done.stderr.decode("utf-8", "replace").strip()
            raise RenderError(f"dot exited with {done.returncode}: {stderr}")
        svg = done.stdout.decode("utf-8")
        self.store.write(key, done.stdout)
        return svg

    def raw_many(self, sources: Sequence[str]) -> list[str]:
        """Graphviz SVG for each DOT source, in order; misses render on a thread pool.

        A failure in any worker is raised here, after the others have finished.
        """
        executable, version = self._executable()
        keys = [self._key(dot, version) for dot in sources]
        found: dict[str, str] = {}
        missing: dict[str, str] = {}
        for dot, key in zip(sources, keys, strict=True):
            if key in found or key in missing:
                continue
            cached = self._cached(key)
            if cached is None:
                missing[key] = dot
            else:
                found[key] = cached
        if missing:
            workers = min(len(missing), os.cpu_count() or 1)
            with ThreadPoolExecutor(max_workers=workers) as pool:
                futures = {
                    key: pool.submit(self._run, executable, dot, key)
                    for key, dot in missing.items()
                }
            for key, future in futures.items():
                found[key] = future.result()
        return [found[key] for key in keys]

    def svg_many(self, diagrams: Sequence[Diagram]) -> list[str]:
        """Inline-ready SVG for each diagram (see `svg.inline_svg`), in order."""
        raws = self.raw_many([d.dot for d in diagrams])
        return [inline_svg(raw, d.prefix, d.label) for raw, d in zip(raws, diagrams, strict=True)]

    def svg(self, diagram: Diagram) -> str:
        """Inline-ready SVG for one diagram."""
        return self.svg_many([diagram])[0]
