"""Plain view objects the templates read: display-ready text, no markup, no computation.

Numbers arrive formatted (units, rounding) and enum values as `Term`s in the
portfolio language; every decision of how they look is the template's.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Link:
    """A link to a page or row; `href` None shows `text` plain (say, an unknown member id)."""

    text: str
    href: str | None = None


@dataclass(frozen=True, slots=True)
class Term:
    """An enum value: `word` in the portfolio language, `code` for CSS classes and tooltips."""

    word: str
    code: str


@dataclass(frozen=True, slots=True)
class Badge:
    """A headline score; `level` (code good, fair, poor or none) is None for a plain fact."""

    label: str
    value: str
    level: Term | None


@dataclass(frozen=True, slots=True)
class Evidence:
    text: str
    href: str | None = None


@dataclass(frozen=True, slots=True)
class FlagView:
    term: Term
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True, slots=True)
class Due:
    """A due date; `overdue` for an open item past it."""

    date: str
    overdue: bool


@dataclass(frozen=True, slots=True)
class KpiRow:
    name: str
    unit: str | None
    baseline: str
    target: str
    actual: str
    progress: str
    status: Term | None
    measured: str | None = None
    """What the actual is computed from, when a `measure` takes it from the accounts."""


@dataclass(frozen=True, slots=True)
class Box:
    """One box of a quadrant grid (SWOT, value proposition, five looks)."""

    title: str
    items: tuple[str, ...]
