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

_OPEN = f"\n{RAW_OPEN}\n"
_CLOSE = f"\n{RAW_CLOSE}\n"
_PLACEHOLDER = re.compile(r"\n\nkamsite-raw-(\d+)\n\n")
_SVG = re.compile(r"<svg\b")
_SVG_END = "</svg>"
_TAG = re.compile(r"<[^>]*>")
_ROW = re.compile(r'<tr id="([^"]+)" data-search-section\b[^>]*>(.*?)</tr>', re.S)
_CELL = re.compile(r"<t[dh]\b.*?</t[dh]>", re.S)


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


def split(markdown: str, *, indexed: bool = True) -> Parts:
    """Each raw block (from its opening mark to the first closing mark after it) taken out;
    a page not `indexed` gives search no words of its blocks (its headings stay)."""
    pieces: list[str] = []
    blocks: list[str] = []
    done = 0
    while (start := markdown.find(_OPEN, done)) != -1:
        end = markdown.find(_CLOSE, start + len(_OPEN))
        if end == -1:
            break
        pieces += (markdown[done:start], placeholder(len(blocks)))
        blocks.append(markdown[start + len(_OPEN) : end])
        done = end + len(_CLOSE)
    pieces.append(markdown[done:])
    words = tuple(_words(b) if indexed else "" for b in blocks)
    return Parts("".join(pieces), words, tuple(blocks))


def _words(block: str) -> str:
    """A block's text as search sees it. A table row marked `data-search-section` (a
    person) is a search section of its own, headed by the row's id and its first cell, so a
    hit on a person opens their row rather than the top of the table; the page never shows
    this markup (the adapter puts the block's HTML back). Only people: a section per row of
    every table tripled the search plugin's work."""
    parts: list[str] = []
    done = 0
    for row in _ROW.finditer(block):
        first = _CELL.search(row.group(2))
        name, rest = (first.group(0), row.group(2)[first.end() :]) if first else ("", row.group(2))
        parts.append(_text(block[done : row.start()]))
        parts.append(f'<span><h6 id="{row.group(1)}">{_text(name)}</h6> {_text(rest)}</span>')
        done = row.end()
    parts.append(_text(block[done:]))
    return " ".join(part for part in parts if part)


def _text(html: str) -> str:
    """No pictures, no tags, whitespace runs as one space."""
    pieces: list[str] = []
    done = 0
    while (svg := _SVG.search(html, done)) is not None:
        end = html.find(_SVG_END, svg.end())
        if end == -1:
            break
        pieces += (html[done : svg.start()], " ")
        done = end + len(_SVG_END)
    pieces.append(html[done:])
    return " ".join(_TAG.sub(" ", "".join(pieces)).split())


def join(parts: Parts) -> str:
    """The page as generated (the inverse of `split`), for builders that run no plugins."""
    return _PLACEHOLDER.sub(
        lambda m: f"\n{RAW_OPEN}\n{parts.blocks[int(m.group(1))]}\n{RAW_CLOSE}\n", parts.skeleton
    )


class PageCache:
    """Each page's parts under the key of its inputs, as two entries read when needed: the
    skeleton with the words (the skeleton when pages are registered, the words when search
    indexes the page) and the HTML, when the page is written."""

    def __init__(self, directory: Path) -> None:
        self.store = SignedStore(directory)

    def put(self, key: str, parts: Parts) -> None:
        self.store.write(f"{key}.s", _frame((parts.skeleton, *parts.words)))
        self.store.write(f"{key}.b", _frame(parts.blocks))

    def _head(self, key: str) -> tuple[str, ...] | None:
        texts = _unframe(self.store.read(f"{key}.s"))
        return texts if texts else None

    def skeleton(self, key: str) -> str | None:
        texts = self._head(key)
        return None if texts is None else texts[0]

    def words(self, key: str) -> tuple[str, ...] | None:
        texts = self._head(key)
        return None if texts is None else texts[1:]

    def blocks(self, key: str) -> tuple[str, ...] | None:
        return _unframe(self.store.read(f"{key}.b"))

    def parts(self, key: str) -> Parts | None:
        head, blocks = self._head(key), self.blocks(key)
        if head is None or blocks is None:
            return None
        return Parts(head[0], head[1:], blocks)

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


def _frame(texts: tuple[str, ...]) -> bytes:
    """Texts as one entry: their lengths (JSON) on the first line, then the texts run together,
    so an HTML block (~100 KB) is stored and read back without escaping."""
    return json.dumps([len(t) for t in texts]).encode() + b"\n" + "".join(texts).encode("utf-8")


def _unframe(payload: bytes | None) -> tuple[str, ...] | None:
    """The texts of an entry; None for one that is not `_frame`'s."""
    if payload is None:
        return None
    head, _, body = payload.partition(b"\n")
    try:
        lengths = json.loads(head)
        text = body.decode("utf-8")
    except ValueError:  # UnicodeDecodeError is one too
        return None
    if not isinstance(lengths, list) or not all(type(n) is int and n >= 0 for n in lengths):
        return None
    if sum(lengths) != len(text):
        return None
    texts = []
    done = 0
    for length in lengths:
        texts.append(text[done : done + length])
        done += length
    return tuple(texts)
