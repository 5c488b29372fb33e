"""Findings as users and CI see them (DESIGN.md §7): one line each, three formats."""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from typing import Literal

Severity = Literal["error", "warning"]

CODES = (
    "yaml-syntax",
    "encoding",
    "too-large",
    "schema",
    "unknown-key",
    "duplicate-id",
    "unknown-ref",
    "cycle",
    "id-mismatch",
    "weights-sum",
    "missing-criterion",
    "downward-support",
)


def one_line(text: str) -> str:
    """Control characters shown as escapes: a diagnostic is one line, and content that
    smuggles a newline cannot start a line of its own (a forged GitHub command, say)."""
    if text.isprintable():
        return text
    return "".join(
        ch
        if ch == " " or unicodedata.category(ch)[0] != "C"
        else ch.encode("unicode_escape").decode()
        for ch in text
    )


@dataclass(frozen=True, order=True)
class Diagnostic:
    """Sorted by path, then position, so every run prints the same order."""

    path: str
    line: int
    column: int
    severity: Severity
    code: str
    message: str

    def __post_init__(self) -> None:
        object.__setattr__(self, "path", one_line(self.path))
        object.__setattr__(self, "message", one_line(self.message))

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}: {self.severity} {self.code} {self.message}"


def count(diagnostics: Iterable[Diagnostic], severity: Severity) -> int:
    return sum(1 for d in diagnostics if d.severity == severity)


def as_text(diagnostics: Sequence[Diagnostic]) -> str:
    return "".join(f"{d}\n" for d in diagnostics)


def as_json(diagnostics: Sequence[Diagnostic]) -> str:
    payload = {
        "errors": count(diagnostics, "error"),
        "warnings": count(diagnostics, "warning"),
        "diagnostics": [asdict(d) for d in diagnostics],
    }
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


def _escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(value: str) -> str:
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")


def as_github(diagnostics: Sequence[Diagnostic]) -> str:
    """GitHub workflow commands; the runner turns them into inline annotations."""
    lines = []
    for d in diagnostics:
        props = ",".join(
            [
                f"file={_escape_property(d.path)}",
                f"line={d.line}",
                f"col={d.column}",
                f"title={_escape_property(d.code)}",
            ]
        )
        lines.append(f"::{d.severity} {props}::{_escape_data(d.message)}\n")
    return "".join(lines)


def summary(diagnostics: Sequence[Diagnostic], files: int) -> str:
    errors, warnings = count(diagnostics, "error"), count(diagnostics, "warning")
    if not diagnostics:
        return f"{files} files checked: no problems"
    return f"{files} files checked: {errors} error(s), {warnings} warning(s)"
