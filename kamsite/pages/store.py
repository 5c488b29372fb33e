"""The last generated page set on disk, so an unchanged portfolio rebuilds without regenerating.

Pages are a pure function of the content files, `as_of`, the Graphviz build and
the versions of kamsite and its Markdown stack; the key hashes exactly those.
One entry is kept (the latest): the cache never grows with history.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import marshal
import os
import tempfile
from importlib.metadata import version
from pathlib import Path

import kamsite

_FILE = "pages.marshal"


def page_key(fingerprint: str, as_of: dt.date, drawing: str) -> str:
    digest = hashlib.sha256()
    for part in (
        kamsite.__version__,
        version("markdown"),
        version("nh3"),
        fingerprint,
        as_of.isoformat(),
        drawing,
    ):
        digest.update(part.encode("utf-8") + b"\0")
    return digest.hexdigest()


def load_pages(directory: Path, key: str) -> dict[str, str] | None:
    """The stored set when its key matches; a missing or damaged file is a miss."""
    try:
        stored_key, pages = marshal.loads((directory / _FILE).read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return None
    if stored_key != key or not isinstance(pages, dict):
        return None
    return pages


def save_pages(directory: Path, key: str, pages: dict[str, str]) -> None:
    try:
        directory.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=directory, suffix=".tmp")
        with os.fdopen(fd, "wb") as handle:
            handle.write(marshal.dumps((key, pages)))
        os.replace(tmp, directory / _FILE)
    except OSError:
        return
