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
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import islice
from pathlib import Path

from kamsite.cache import SignedStore

RAW_OPEN = "<!-- kamsite:raw -->"
RAW_CLOSE = "<!-- /kamsite:raw -->"
OPEN_MARK = f"\n{RAW_OPEN}\n"
CLOSE_MARK = f"\n{RAW_CLOSE}\n"
"""A raw block's marks, each on a line of its own, as a page holds them
(`kamsite.pages.markup.block`, `{% html %}`)."""
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
    lengths: tuple[int, ...]
    """Each block's length in characters."""
    html: tuple[bytes, ...]
    """The blocks run together, UTF-8, in chunks: a portfolio-wide table (40 MB at 5,000
    accounts) is held once and compactly, never as one more string."""

    @property
    def blocks(self) -> tuple[str, ...]:
        return _cut(b"".join(self.html).decode("utf-8"), self.lengths)


_GROUP = 4096
"""Pieces joined before they are looked through: a layout yields a piece per cell value."""


def split(page: str | Iterable[str], *, indexed: bool = True) -> Parts:
    """Each raw block (from its opening mark to the first closing mark after it) taken out,
    without the whitespace at its edges; a page not `indexed` gives search no words of its
    blocks (its headings stay). An opening mark without a closing one stays in the skeleton.

    `page`: the text, or its pieces as a layout renders them (`Site.stream`), cut anywhere.
    The blocks of a page not `indexed` are encoded as their pieces come, so its HTML never
    stands whole in memory as text (search needs an indexed block's whole text)."""
    splitter = _Splitter(indexed)
    if isinstance(page, str):
        splitter.feed(str(page))  # a plain str: `+` on Markup would escape the other side
    else:
        pieces = iter(page)
        while group := "".join(islice(pieces, _GROUP)):  # a plain str, even of Markup pieces
            splitter.feed(group)
    return splitter.parts()


class _Splitter:
    """`split` between one piece and the next."""

    def __init__(self, indexed: bool) -> None:
        self.indexed = indexed
        self.skeleton: list[str] = []
        self.words: list[str] = []
        self.lengths: list[int] = []
        self.html: list[bytes] = []
        self.held = ""
        """The end of the last piece, where it may begin a mark."""
        self.block: list[str] | None = None
        """The open block's text, when it is `indexed` (search reads it whole); None outside
        a block."""
        self.lead = ""
        """The open block's leading whitespace (given back if the block is never closed)."""
        self.trail = ""
        """The open block's whitespace so far at its end: it may end the block."""
        self.first = 0
        """The open block's first chunk in `html`."""
        self.size = 0
        """The open block's characters so far, but `trail`."""

    def feed(self, piece: str) -> None:
        text = self.held + piece
        done = 0
        while True:
            mark = OPEN_MARK if self.block is None else CLOSE_MARK
            found = text.find(mark, done)
            if found == -1:
                held = _held(text, mark, done)
                self._take(text[done:held])
                self.held = text[held:]
                return
            self._take(text[done:found])
            if self.block is None:
                self._open()
            else:
                self._close()
            done = found + len(mark)

    def _open(self) -> None:
        self.skeleton.append(placeholder(len(self.lengths)))
        self.block, self.first, self.size = [], len(self.html), 0
        self.lead = self.trail = ""

    def _take(self, text: str) -> None:
        if self.block is None:
            self.skeleton.append(text)
            return
        if not self.size and not self.trail:  # the block's leading whitespace
            kept = text.lstrip()
            self.lead += text[: len(text) - len(kept)]
            text = kept
        text = self.trail + text
        kept = text.rstrip()
        self.trail = text[len(kept) :]
        if kept:
            self.size += len(kept)
            if self.indexed:
                self.block.append(kept)
            else:
                self.html.append(kept.encode("utf-8"))

    def _close(self) -> None:
        assert self.block is not None
        if self.indexed:
            text = "".join(self.block)
            self.words.append(_words(text))
            self.html.append(text.encode("utf-8"))
        else:
            self.words.append("")
        self.lengths.append(self.size)
        self.block = None

    def parts(self) -> Parts:
        self._take(self.held)
        if self.block is not None:  # not a block: the mark and what follows it, as written
            taken = "".join(self.block) or b"".join(self.html[self.first :]).decode("utf-8")
            del self.html[self.first :]
            self.skeleton[-1] = OPEN_MARK + self.lead + taken + self.trail
        skeleton = "".join(self.skeleton)
        return Parts(skeleton, tuple(self.words), tuple(self.lengths), tuple(self.html))


def _held(text: str, mark: str, start: int) -> int:
    """Where the end of `text` (from `start`) may begin `mark`, or its end: a mark may be
    cut between two pieces."""
    at = text.find(mark[0], max(start, len(text) - len(mark) + 1))
    while at != -1:
        if mark.startswith(text[at:]):
            return at
        at = text.find(mark[0], at + 1)
    return len(text)


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
    blocks = parts.blocks
    return _PLACEHOLDER.sub(
        lambda m: f"{OPEN_MARK}{blocks[int(m.group(1))]}{CLOSE_MARK}", parts.skeleton
    )


class PageCache:
    """Each page's parts under the key of its inputs, as two entries read when needed: the
    skeleton with the words (the skeleton when pages are registered, the words when search
    indexes the page) and the HTML, when the page is written."""

    def __init__(self, directory: Path) -> None:
        self.store = SignedStore(directory)

    def put(self, key: str, parts: Parts) -> None:
        self.store.write(f"{key}.s", _frame((parts.skeleton, *parts.words)))
        self.store.write(f"{key}.b", _lengths(parts.lengths), *parts.html)

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
        html = "".join(blocks).encode("utf-8")
        return Parts(head[0], head[1:], tuple(len(b) for b in blocks), (html,))

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
    return _lengths(tuple(len(t) for t in texts)) + "".join(texts).encode("utf-8")


def _lengths(lengths: tuple[int, ...]) -> bytes:
    """An entry's first line: the lengths of the texts it holds."""
    return json.dumps(list(lengths)).encode() + b"\n"


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
    return _cut(text, lengths)


def _cut(text: str, lengths: Iterable[int]) -> tuple[str, ...]:
    texts = []
    done = 0
    for length in lengths:
        texts.append(text[done : done + length])
        done += length
    return tuple(texts)
