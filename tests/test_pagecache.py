"""Pages are stored split (skeleton, words, HTML blocks) and put back exactly as generated."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from markupsafe import Markup
from test_pages_templates import AS_OF, hostile_content

from kamsite.pagecache import RAW_CLOSE, RAW_OPEN, PageCache, join, split
from kamsite.pages import Drawings, generate_pages
from kamsite.score import score_portfolio


@pytest.mark.parametrize("language", ["en", "zh"])
def test_split_then_join_gives_the_page_back(language: str, tmp_path: Path) -> None:
    content = hostile_content(language)
    pages = generate_pages(content, score_portfolio(content, AS_OF), Drawings(), AS_OF)
    cache = PageCache(tmp_path)
    for path, markdown in pages.items():
        parts = split(markdown)
        assert RAW_OPEN not in parts.skeleton or not parts.blocks
        assert len(parts.words) == len(parts.blocks)
        # search sees words, never markup, but for the heading of a row's own section
        bare = [
            re.sub(r'<span><h6 id="[A-Za-z0-9_-]+">|</h6>|</span>', " ", w) for w in parts.words
        ]
        assert all("<" not in w for w in bare)
        assert join(parts) == markdown, path
        cache.put(path.replace("/", "_"), parts)
        stored = cache.parts(path.replace("/", "_"))
        assert stored is not None
        assert (stored.skeleton, stored.words, stored.blocks) == (
            parts.skeleton,
            parts.words,
            parts.blocks,
        )


def test_a_page_in_pieces_splits_as_its_text() -> None:
    """A page that lists the whole portfolio is split as its layout renders it: pieces cut
    anywhere (inside the marks too), escaped pieces (`Markup`), whitespace at the blocks'
    edges, and more pieces than are gathered before encoding give the parts of the text."""
    rows = [Markup(f"<tr><td>{n} 甲 &amp;</td></tr>\n") for n in range(20_000)]
    page = (
        f"# T\n\n{RAW_OPEN}\n  \n<table>{''.join(rows)}</table>\n  \n{RAW_CLOSE}\n"
        f"## U\n\n{RAW_OPEN}\n<p>x</p>\n\n{RAW_CLOSE}\ntail <!-- kamsite"
    )
    cuts = [*range(0, 40), *range(40, len(page) - 80, 47), *range(len(page) - 80, len(page))]
    pieces = [Markup(page[a:b]) for a, b in zip(cuts, [*cuts[1:], len(page)], strict=True)]
    assert "".join(pieces) == page
    for indexed in (True, False):
        streamed, whole = split(iter(pieces), indexed=indexed), split(page, indexed=indexed)
        assert streamed.blocks == whole.blocks == (f"<table>{''.join(rows)}</table>", "<p>x</p>")
        assert streamed.skeleton == whole.skeleton
        assert (
            whole.skeleton
            == "# T\n\n\nkamsite-raw-0\n\n## U\n\n\nkamsite-raw-1\n\ntail <!-- kamsite"
        )
        assert streamed.words == whole.words
        assert streamed.lengths == tuple(len(b) for b in whole.blocks)
    assert len(split(iter(pieces), indexed=False).html) > 2  # a long block encoded as it came


def test_an_unclosed_mark_stays_in_the_skeleton_as_written() -> None:
    page = f"# T\n\n{RAW_OPEN}\n  <p>x</p>\n## H\n"
    for pieces in ([page], list(page)):
        parts = split(iter(pieces), indexed=False)
        assert parts.blocks == () and join(parts) == parts.skeleton == page


def test_a_person_row_is_a_search_section_of_its_own() -> None:
    table = (
        "<table><tr><th>Name</th></tr>"
        '<tr id="li-na" data-search-section><td>Li &amp; Na</td><td>CEO</td></tr>'
        '<tr id="deal"><td>Deal</td></tr></table>'
    )
    parts = split(f"# T\n\n{RAW_OPEN}\n<p>People</p>{table}\n<!-- /kamsite:raw -->\n")
    assert parts.words == ('People Name <span><h6 id="li-na">Li &amp; Na</h6> CEO</span> Deal',)


def test_a_tampered_part_is_a_miss(tmp_path: Path) -> None:
    cache = PageCache(tmp_path)
    parts = split(f"# T\n\n{RAW_OPEN}\n<table><tr><td>x</td></tr></table>\n<!-- /kamsite:raw -->\n")
    cache.put("k", parts)
    entry = next(p for p in tmp_path.rglob("k.b"))
    entry.write_bytes(entry.read_bytes().replace(b"<td>x", b"<td onclick=evil()>x"))
    assert cache.blocks("k") is None and cache.parts("k") is None
    assert cache.skeleton("k") == parts.skeleton
