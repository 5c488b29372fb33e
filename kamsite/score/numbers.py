"""The two roundings of DESIGN.md §4: one for comparisons, one for display."""

from __future__ import annotations

import math
from decimal import ROUND_HALF_UP, Context, Decimal

_TENTH = Decimal("0.1")
_MILLIONTH = Decimal("0.000001")
# Room for every finite float's digits, so quantize never raises on a huge amount.
_CONTEXT = Context(prec=400, rounding=ROUND_HALF_UP)


def r6(value: float) -> float:
    """Round before any threshold comparison so float noise (0.7 vs 0.69999…) never flips it."""
    return round(value, 6)


def display(value: float | None, null: str = "—") -> str:
    """Half-up to one decimal, via Decimal because round() is half-even on binary floats.

    First to 6 decimals, like every comparison, so 58.74999999999999 (float noise for
    58.75) shows 58.8; 0.25 shows 0.3 and 2.675 shows 2.7. Every finite value has a
    rendering (1e30 too); a sum past the float range shows as ∞ rather than failing a page.
    """
    if value is None or math.isnan(value):
        return null
    if math.isinf(value):
        return "∞" if value > 0 else "-∞"
    exact = Decimal(repr(value)).quantize(_MILLIONTH, context=_CONTEXT)
    shown = exact.quantize(_TENTH, context=_CONTEXT)
    return str(shown.copy_abs() if shown.is_zero() else shown)


def percent(value: float | None) -> str:
    """A 0..1 share as a display percentage."""
    return "—" if value is None else f"{display(100 * value)}%"


def times(value: float | None) -> str:
    """A coverage ratio as a display multiple."""
    return "—" if value is None else f"{display(value)}×"
