"""Generated pages on disk, split into what MkDocs parses and what it only passes through.

A generated page is Markdown headings plus raw HTML blocks (tables, inline SVG). MkDocs
needs to parse only the headings: each block becomes a placeholder paragraph, its
words (for search) and its HTML are stored apart and put back by the adapter, one
page at a time. So neither Python-Markdown nor the search parser walk the HTML, and
no build holds every page's HTML in memory. Entries are signed (`SignedStore`): the
HTML goes into the site as it is.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from kamsite.cache import SignedStore
from kamsite.pages.markup import RAW_CLOSE, RAW_OPEN

_BLOCK = re.compile(re.escape(f"\n{RAW_OPEN}\n") + "(.*?)" + re.escape(f"\n{RAW_CLOSE}\n"), re.S)
_PLACEHOLDER = re.compile(r"\n\nkamsite-raw-(\d+)\n\n")
_SVG = re.compile(r"<svg\b.*?</svg>", re.S)
_TAG = re.compile(r"<[^>]*>")


def placeholder(index: int) -> str:
    """What Markdown sees of a block: a paragraph no content text can produce (text is
    escaped, and a page's own blocks are numbered)."""
    return f"\n\nkamsite-raw-{index}\n\n"


@dataclass(frozen=True)
class Parts:
    """One page: `skeleton` for MkDocs, and per block its search words and its HTML."""

    skeleton: str
    words: tuple[str, ...]
    blocks: tuple[str, ...]


def split(markdown: str) -> Parts:
    blocks: list[str] = []

    def stash(match: re.Match[str]) -> str:
        blocks.append(match.group(1))
        return placeholder(len(blocks) - 1)

    skeleton = _BLOCK.sub(stash, markdown)
    words = tuple(" ".join(_TAG.sub(" ", _SVG.sub(" ", b)).split()) for b in blocks)
    return Parts(skeleton, words, tuple(blocks))


def join(parts: Parts) -> str:
    """The page as generated (the inverse of `split`), for builders that run no plugins."""
    return _PLACEHOLDER.sub(
        lambda m: f"\n{RAW_OPEN}\n{parts.blocks[int(m.group(1))]}\n{RAW_CLOSE}\n", parts.skeleton
    )


class PageCache:
    """Each page's parts under the key of its inputs, as three entries read when needed:
    the skeleton when pages are registered, the words when search indexes the page, the
    HTML when the page is written."""

    def __init__(self, directory: Path) -> None:
        self.store = SignedStore(directory)

    def put(self, key: str, parts: Parts) -> None:
        self.store.write(f"{key}.s", parts.skeleton.encode("utf-8"))
        self.store.write(f"{key}.w", json.dumps(parts.words).encode())
        self.store.write(f"{key}.b", json.dumps(parts.blocks).encode())

    def skeleton(self, key: str) -> str | None:
        payload = self.store.read(f"{key}.s")
        try:
            return None if payload is None else payload.decode("utf-8")
        except UnicodeDecodeError:
            return None

    def _texts(self, name: str) -> tuple[str, ...] | None:
        payload = self.store.read(name)
        try:
            texts = json.loads(payload) if payload is not None else None
        except ValueError:
            return None
        if not isinstance(texts, list) or not all(isinstance(t, str) for t in texts):
            return None
        return tuple(texts)

    def words(self, key: str) -> tuple[str, ...] | None:
        return self._texts(f"{key}.w")

    def blocks(self, key: str) -> tuple[str, ...] | None:
        return self._texts(f"{key}.b")

    def parts(self, key: str) -> Parts | None:
        skeleton, words, blocks = self.skeleton(key), self.words(key), self.blocks(key)
        if skeleton is None or words is None or blocks is None:
            return None
        return Parts(skeleton, words, blocks)

    def put_index(self, key: str, index: dict[str, str]) -> None:
        """Which pages (path → page key) a set of pages holds."""
        self.store.write(f"{key}.i", json.dumps(index, sort_keys=True).encode())

    def index(self, key: str) -> dict[str, str] | None:
        payload = self.store.read(f"{key}.i")
        try:
            index = json.loads(payload) if payload is not None else None
        except ValueError:
            return None
        if not isinstance(index, dict) or not all(
            isinstance(k, str) and isinstance(v, str) for k, v in index.items()
        ):
            return None
        return index
