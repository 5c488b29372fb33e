"""The site's pages for a portfolio, reused from disk while nothing they depend on changed.

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
from kamsite.graph import Renderer
from kamsite.model import Content
from kamsite.pages import generate_pages
from kamsite.pages.drawings import draw
from kamsite.score import score_portfolio

_FILE = "pages.marshal"


def site_pages(
    content: Content, fingerprint: str, as_of: dt.date, renderer: Renderer, cache_dir: Path
) -> dict[str, str]:
    """Score, draw and generate, or the stored set when the key matches (a warm build).

    Every adapter (the MkDocs plugin, `kamsite pages`) goes through here.
    """
    key = page_key(fingerprint, as_of, renderer.version())
    pages = load_pages(cache_dir, key)
    if pages is None:
        scores = score_portfolio(content, as_of)
        pages = generate_pages(content, scores, draw(content, scores, renderer), as_of)
        save_pages(cache_dir, key, pages)
    return pages


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
