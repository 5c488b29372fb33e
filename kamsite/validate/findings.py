"""A finding before it has a position: where in the file (a loc path) and what."""

from __future__ import annotations

from dataclasses import dataclass

from kamsite.diagnostics import Severity
from kamsite.positions import Loc


@dataclass(frozen=True)
class Finding:
    """`key=True` points at the mapping key (unknown keys), else at the value."""

    loc: Loc
    code: str
    message: str
    severity: Severity = "error"
    key: bool = False
    line: int | None = None
    column: int | None = None


def dotted(loc: Loc) -> str:
    """`stakeholders[2].influence`: how users read a path into their file."""
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "the file"
