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
    "future-date",
)


ZWSP = "\u200b"


def _shown(ch: str) -> bool:
    category = unicodedata.category(ch)
    return ch == " " or (category[0] != "C" and category not in ("Zl", "Zp"))


def one_line(text: str) -> str:
    """Control characters and line separators shown as escapes: a diagnostic is one line, and
    content that smuggles a newline cannot start a line of its own (a forged GitHub command)."""
    if text.isprintable():
        return text
    return "".join(ch if _shown(ch) else ch.encode("unicode_escape").decode() for ch in text)


def _break_v1(text: str) -> str:
    """The runner obeys `##[command]` anywhere in a line: a zero-width space splits the mark."""
    return text.replace("##[", f"#{ZWSP}#[")


def inert_line(line: str) -> str:
    """A printed line the GitHub Actions runner cannot read as a workflow command.

    Besides `##[` anywhere, the runner obeys `::command::` at the start of a line once
    leading whitespace is trimmed; a zero-width space between the colons stops that too
    and stays invisible to readers.
    """
    line = _break_v1(line)
    body = line.lstrip()
    if body.startswith("::"):
        at = len(line) - len(body) + 1
        line = line[:at] + ZWSP + line[at:]
    return line


def inert(text: str) -> str:
    """Every line of `text` made inert, line ends kept: for anything printed where CI logs it.

    `splitlines` splits on more characters than the runner does, so every line the runner
    sees starts where one of these lines starts.
    """
    return "".join(inert_line(line) for line in text.splitlines(keepends=True))


def inert_json(text: str) -> str:
    """JSON text without `##[`: inside a string `#\\u0023[` decodes to the same `##[`, so the
    data is unchanged. A JSON line never starts with `::` (strings hold no raw newline)."""
    return text.replace("##[", "#\\u0023[")


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
        """Inert, since CI logs it (`validate`, the MkDocs plugin's warnings)."""
        return inert_line(
            f"{self.path}:{self.line}:{self.column}: {self.severity} {self.code} {self.message}"
        )


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
    return inert_json(json.dumps(payload, ensure_ascii=False, indent=2)) + "\n"


def _escape_data(value: str) -> str:
    return _break_v1(value).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


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
