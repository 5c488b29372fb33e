"""`rich`'s fast path for plain prose gives exactly what Markdown + nh3 give, or steps aside."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from kamsite.pages.markup import _full, _plain, rich

REPO = Path(__file__).resolve().parent.parent

# Everything Markdown, HTML or nh3 might treat specially, and the plain characters beside it.
SPECIAL = (
    "*_`[]()<>&\\|#~!-+=.:;,/?'\"@%{}^$ \t\r\n\x00\x01\x0b\x0c\x1b\x7f\x85\xa0"
    "\u00ad\u200b\u2028\u202e\ufeff\ufffd\ud800\U0001f680é\u0301ⅫⅠ²³٣３０"
    "，。、；：？！“”‘’（）《》【】…—–·×＊＃＞"
)
TOKENS = [
    "http://example.com/a_b?x=1&y=2",
    "https://例子.测试/路径",
    "www.example.com",
    "mailto:a@b.com",
    "a@b.com",
    "<a@b.com>",
    "<http://x.y>",
    "&amp;",
    "&copy;",
    "&#60;",
    "&#x3c;",
    "&nbsp;",
    "AT&T",
    "1. ",
    "2) ",
    "- ",
    "* ",
    "+ ",
    "> ",
    "# ",
    "    ",
    "  \n",
    "\n\n",
    "\n",
    "```",
    "~~~",
    "===",
    "---",
    "| a | b |",
    "<b>",
    "<!-- c -->",
    "<script>x()</script>",
    "[x](y)",
    "![i](j)",
    "`c`",
    "**b**",
    "_e_",
    "snake_case",
    "\\*",
    "北风电信",
    "Chen Gang",
    "5G",
    "5G core.",
    "a",
    "Zhou",
    " ",
]
LETTERS = "abcxyzABCXYZ北风电信é"


def _text() -> st.SearchStrategy[str]:
    pieces = st.one_of(
        st.sampled_from(TOKENS),
        st.text(alphabet=SPECIAL + LETTERS, max_size=6),
        st.text(max_size=3),
    )
    return st.lists(pieces, max_size=12).map("".join)


def _prose() -> st.SearchStrategy[str]:
    """Text made of the fast path's own alphabet, so that most of it takes the fast path."""
    word = st.text(
        alphabet=LETTERS + "0123456789.,;:?!'\"()/%+=@-–—…·×，。、；：？！“”‘’（）《》【】",
        min_size=1,
        max_size=8,
    )
    line = st.lists(word, min_size=1, max_size=6).map(" ".join)
    return st.lists(line, min_size=1, max_size=4).map("\n".join).map(lambda s: "Ab " + s)


@settings(max_examples=3000, deadline=None)
@given(_text())
def test_fast_path_matches_markdown_or_steps_aside(source: str) -> None:
    plain = _plain(source)
    assert plain is None or plain == _full(source)


@settings(max_examples=3000, deadline=None)
@given(_prose(), st.sampled_from(["", "\n", "\n\n", " ", "  \nx", "\n\nx", "\n- x", "\n1. x"]))
def test_fast_path_matches_markdown_on_prose(source: str, end: str) -> None:
    plain = _plain(source + end)
    assert plain is None or plain == _full(source + end)


PLAIN = [
    "Uptime cost budget core",
    "Met once at a conference. Delegates vendor meetings to infrastructure.",
    "Customers' spend in private networks is growing 30 %/yr; we address under a third of it.",
    'Says "maybe" (twice) — see http://example.com/x, or a@b.com: 5G+ core = 28 % lower power…',
    "Pilot scope agreed with infrastructure.\nNo relationship above the Head of IT.\n",
    "电力专网5G的主要推动者，希望两年内在集团内推广。",
    "对 5G 专网的安全性和投资回报持怀疑态度，尚未指定我方负责人。",
]
NOT_PLAIN = [
    "a & b",
    "a < b",
    "a > b",
    "**bold**",
    "snake_case",
    "two  spaces",
    "trailing  \nbreak",
    "1. first",
    "5G rollout",
    "- item",
    "para\n\npara",
    "Title\n===",
    "a | b",
    "a\u00a0b",
    "tab\there",
    " leading",
    "trailing ",
]


@pytest.mark.parametrize("source", PLAIN)
def test_plain_prose_takes_the_fast_path(source: str) -> None:
    assert _plain(source) == _full(source)
    assert str(rich(source)) == _full(source)


@pytest.mark.parametrize("source", NOT_PLAIN)
def test_markdown_and_escapes_take_the_full_path(source: str) -> None:
    assert _plain(source) is None
    assert str(rich(source)) == _full(source)


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


@pytest.mark.parametrize("content", ["content", "tests/fixtures/realistic/content"])
def test_fast_path_matches_markdown_on_every_string_of_the_examples(content: str) -> None:
    sources = [
        s
        for path in sorted((REPO / content).rglob("*.yaml"))
        for s in _strings(yaml.safe_load(path.read_text(encoding="utf-8")))
    ]
    fast = [s for s in sources if _plain(s) is not None]
    assert fast
    for source in fast:
        assert _plain(source) == _full(source)
