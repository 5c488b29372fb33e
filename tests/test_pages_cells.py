"""The cell helpers: what the macros they replaced wrote, escaped the way autoescape escapes."""

from __future__ import annotations

from markupsafe import Markup

from kamsite.pages import cells
from kamsite.pages.views import Due, Link, Term

HOSTILE = '<script>alert("x")</script> & "q"'
ESCAPED = "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; &#34;q&#34;"


def test_links_and_names() -> None:
    assert cells.link(None) == "—"
    assert cells.link(Link(HOSTILE)) == ESCAPED
    assert cells.link(Link("A", '/x?a=1&b="2"')) == '<a href="/x?a=1&amp;b=&#34;2&#34;">A</a>'
    assert cells.link(Link(Markup("<em>A</em>"), "#a")) == '<a href="#a"><em>A</em></a>'
    assert cells.links([]) == "—"
    assert cells.links([Link("A", "#a"), Link("B")], sep=" & ") == '<a href="#a">A</a> &amp; B'
    assert cells.name(Link(HOSTILE)) == f'<span class="kam-name">{ESCAPED}</span>'
    assert cells.name(Link("A", "#a")) == '<a class="kam-name" href="#a">A</a>'
    assert cells.names([Link("A"), Link("B")]) == (
        '<span class="kam-name">A</span>, <span class="kam-name">B</span>'
    )
    assert cells.names(()) == "—"


def test_terms_and_chips() -> None:
    term = Term(HOSTILE, "x&y")
    assert cells.term(None) == "—" and cells.term(term) == ESCAPED
    assert cells.terms([term, Term("b", "b")]) == f"{ESCAPED}, b"
    assert cells.terms([]) == "—"
    assert cells.status(None) == "—"
    assert cells.status(term) == (
        f'<span class="kam-chip kam-chip--status-x&amp;y">{ESCAPED}</span>'
    )
    assert (
        cells.flag(term)
        == f'<span class="kam-chip kam-chip--flag" title="x&amp;y">{ESCAPED}</span>'
    )
    assert (
        cells.attitude(term) == f'<span class="kam-attitude kam-attitude--x&amp;y">{ESCAPED}</span>'
    )
    assert isinstance(cells.name(Link(HOSTILE)), Markup)


def test_due_dates() -> None:
    due = cells.due_with("<late>")
    assert due(Due("2026-01-02", overdue=False)) == "2026-01-02"
    assert due(Due("2026-01-02", overdue=True)) == (
        '2026-01-02 <span class="kam-chip kam-chip--flag">&lt;late&gt;</span>'
    )
