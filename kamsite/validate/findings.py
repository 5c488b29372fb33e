"""A finding before it has a position: where in the file (a loc path) and what."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from kamsite.diagnostics import Diagnostic, Severity
from kamsite.positions import Loc

__all__ = ["Finding", "Loc", "dotted", "not_repeated"]


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


def dotted(loc: Loc, data: Any = None) -> str:
    """`stakeholders[2] ye-tingting.influence`: how users read a path into their file.

    With the file's data, list items that have an id are named by it too.
    """
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
            data = data[part] if isinstance(data, list) and 0 <= part < len(data) else None
            ident = data.get("id") if isinstance(data, dict) else None
            if isinstance(ident, str) and ident.isprintable():
                out += f" {ident[:64]}"
        else:
            out += f".{part}" if out else str(part)
            data = data.get(part) if isinstance(data, dict) else None
    return out or "the file"


def not_repeated(
    earlier: Iterable[Diagnostic], later: Iterable[Diagnostic]
) -> Iterator[Diagnostic]:
    """`later` without errors where `earlier` already holds one: one diagnostic per place.

    A value that breaks the schema (`owner: Li-Na`) is not also an unknown reference.
    """
    taken = {(d.path, d.line, d.column) for d in earlier if d.severity == "error"}
    return (d for d in later if d.severity != "error" or (d.path, d.line, d.column) not in taken)
