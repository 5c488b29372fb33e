"""Text renderings of a history for `kamsite history`: table, json and csv, each a str."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Mapping, Sequence
from statistics import fmean
from typing import Any

from kamsite.history.points import Point
from kamsite.score.numbers import display
from kamsite.score.report import BOM

_POINT_FIELDS = ("commit", "date", "as_of", "valid", "errors")


def _mean(accounts: Sequence[Mapping[str, Any]], field: str) -> float | None:
    values = [a[field] for a in accounts if a.get(field) is not None]
    return fmean(values) if values else None


def _row(p: Point) -> list[str]:
    head = [p.date.isoformat(), p.commit[:7], p.as_of.isoformat()]
    if p.totals is None:
        errors = f"{p.errors} error" + ("" if p.errors == 1 else "s")
        return [*head, f"no ({errors})", "—", "—", "—", "—", "—"]
    return [
        *head,
        "yes",
        str(len(p.accounts)),
        display(p.totals["revenue"]["actual"]),
        display(p.totals["weighted_pipeline"]),
        display(_mean(p.accounts, "attractiveness")),
        display(_mean(p.accounts, "strength")),
    ]


def _line(row: Sequence[str], widths: Sequence[int]) -> str:
    """Text columns (date, commit, as_of, valid) to the left, numbers to the right."""
    cells = [
        cell.ljust(width) if i < 4 else cell.rjust(width)
        for i, (cell, width) in enumerate(zip(row, widths, strict=True))
    ]
    return "  ".join(cells).rstrip()


def render_table(points: Sequence[Point]) -> str:
    """One row per point; sums and means rounded for reading only."""
    header = ["date", "commit", "as_of", "valid", "accounts", "revenue", "WP", "mean A", "mean S"]
    rows = [header, *map(_row, points)]
    widths = [max(len(row[i]) for row in rows) for i in range(len(header))]
    lines = [_line(row, widths) for row in rows]
    return "\n".join([lines[0], "-" * len(lines[0]), *lines[1:], ""])


def render_json(points: Sequence[Point]) -> str:
    return (
        json.dumps({"points": [p.to_json() for p in points]}, ensure_ascii=False, indent=2) + "\n"
    )


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return " ".join(map(str, value))
    return str(value)


def render_csv(points: Sequence[Point]) -> str:
    """One row per (point, account), and an account-less row for a point without accounts (an
    invalid tree), with a BOM like `kamsite score`'s CSV; account columns are the JSON fields."""
    fields = next((list(a) for p in points for a in p.accounts), [])
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([*_POINT_FIELDS, *fields])
    for p in points:
        head = [
            _cell(v) for v in (p.commit, p.date.isoformat(), p.as_of.isoformat(), p.valid, p.errors)
        ]
        for account in p.accounts or [{}]:
            writer.writerow([*head, *(_cell(account.get(f)) for f in fields)])
    return BOM + out.getvalue()


RENDERERS: dict[str, Callable[[Sequence[Point]], str]] = {
    "table": render_table,
    "json": render_json,
    "csv": render_csv,
}
