"""The two roundings of DESIGN.md §4: one for comparisons, one for display."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

_TENTH = Decimal("0.1")


def r6(value: float) -> float:
    """Round before any threshold comparison so float noise (0.7 vs 0.69999…) never flips it."""
    return round(value, 6)


def display(value: float | None, null: str = "—") -> str:
    """Half-up to one decimal, via Decimal because round() is half-even on binary floats.

    Uses the shortest repr of the float, so 0.25 shows 0.3 and 2.675 shows 2.7.
    """
    if value is None:
        return null
    shown = Decimal(repr(value)).quantize(_TENTH, rounding=ROUND_HALF_UP)
    return str(shown.copy_abs() if shown.is_zero() else shown)
