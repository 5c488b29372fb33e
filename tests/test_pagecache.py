"""Pages are stored split (skeleton, words, HTML blocks) and put back exactly as generated."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from test_pages_templates import AS_OF, hostile_content

from kamsite.pagecache import PageCache, join, split
from kamsite.pages import Drawings, generate_pages
from kamsite.pages.markup import RAW_OPEN
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
        assert cache.parts(path.replace("/", "_")) == parts


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
