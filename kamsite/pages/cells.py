"""The markup of one value in a table cell: a link, a name, a term, a status chip.

`_kam.html` exports these under the names layouts call (`kam.link`, `kam.name`, …). They
were Jinja macros; the tables call them several times a row, a macro call costs ~10 µs,
and an actions page of 1,000 accounts made 125,000 of them (most of its time). Values are
escaped by `markupsafe.escape`, as autoescape does, so the markup is the same byte for
byte; `Markup` (rich text) passes as it is. (f-strings: `Markup.format` took longer than the
macros.)
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Protocol

from markupsafe import Markup, escape

_NONE = Markup("—")


class _Linked(Protocol):
    """A `Link` or an evidence line."""

    @property
    def text(self) -> str: ...

    @property
    def href(self) -> str | None: ...


class _Termed(Protocol):
    """A `Term`."""

    @property
    def word(self) -> str: ...

    @property
    def code(self) -> str: ...


def link(item: _Linked | None) -> Markup:
    """A link when it has an href, plain text when not, — for none."""
    if item is None:
        return _NONE
    if item.href is not None:
        return Markup(f'<a href="{escape(item.href)}">{escape(item.text)}</a>')
    return escape(item.text)


def links(items: Iterable[_Linked], sep: str = ", ") -> Markup:
    found = [link(item) for item in items]
    return escape(sep).join(found) if found else _NONE


def name(item: _Linked | None) -> Markup:
    """A person's or account's name: never broken inside a word."""
    if item is None:
        return _NONE
    if item.href is not None:
        return Markup(f'<a class="kam-name" href="{escape(item.href)}">{escape(item.text)}</a>')
    return Markup(f'<span class="kam-name">{escape(item.text)}</span>')


def names(items: Iterable[_Linked]) -> Markup:
    """People's names, comma-separated; — for none."""
    found = [name(item) for item in items]
    return Markup(", ").join(found) if found else _NONE


def term(item: _Termed | None) -> Markup:
    return _NONE if item is None else escape(item.word)


def terms(items: Iterable[_Termed]) -> Markup:
    found = [escape(item.word) for item in items]
    return Markup(", ").join(found) if found else _NONE


def status(item: _Termed | None) -> Markup:
    if item is None:
        return _NONE
    code, word = escape(item.code), escape(item.word)
    return Markup(f'<span class="kam-chip kam-chip--status-{code}">{word}</span>')


def flag(item: _Termed) -> Markup:
    """A flag by its name; the code is the tooltip."""
    code, word = escape(item.code), escape(item.word)
    return Markup(f'<span class="kam-chip kam-chip--flag" title="{code}">{word}</span>')


def attitude(item: _Termed) -> Markup:
    code, word = escape(item.code), escape(item.word)
    return Markup(f'<span class="kam-attitude kam-attitude--{code}">{word}</span>')


class _Dated(Protocol):
    """A `Due`."""

    @property
    def date(self) -> str: ...

    @property
    def overdue(self) -> bool: ...


def due_with(overdue: str) -> Callable[[_Dated], Markup]:
    """`kam.due`: a date, and for open work past it a chip saying `overdue` (the label)."""
    chip = Markup(f' <span class="kam-chip kam-chip--flag">{escape(overdue)}</span>')

    def due(item: _Dated) -> Markup:
        return escape(item.date) + chip if item.overdue else escape(item.date)

    return due


CELLS = {
    f.__name__: f for f in (link, links, name, names, term, terms, status, flag, attitude, due_with)
}
"""What `_kam.html` exports, by name."""
