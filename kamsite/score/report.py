"""Text renderings of the scores for `kamsite score`: table, json and csv, each a str."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Sequence
from enum import Enum

from kamsite.score.jsonout import to_json
from kamsite.score.numbers import display, percent, times
from kamsite.score.results import AccountScore, PortfolioScores

BOM = "\ufeff"


# (header, cell, right-aligned)
_COLUMNS: tuple[tuple[str, Callable[[AccountScore], str], bool], ...] = (
    ("account", lambda a: a.id, False),
    ("tier", lambda a: a.tier.value if a.tier else "—", False),
    ("quadrant", lambda a: a.quadrant.value if a.quadrant else "—", False),
    ("A", lambda a: display(a.attractiveness), True),
    ("S", lambda a: display(a.strength), True),
    ("H", lambda a: display(a.relationship_health), True),
    ("DC", lambda a: percent(a.decision_coverage), True),
    ("gap", lambda a: display(a.revenue_gap), True),
    ("WP", lambda a: display(a.weighted_pipeline), True),
    ("cov", lambda a: times(a.pipeline_coverage), True),
    ("P", lambda a: str(a.plan_completeness), True),
    ("flags", lambda a: " ".join(a.flag_codes) or "—", False),
)


def _lay_out(rows: Sequence[Sequence[str]]) -> list[str]:
    widths = [max(len(row[i]) for row in rows) for i in range(len(_COLUMNS))]
    lines = []
    for row in rows:
        cells = [
            cell.rjust(width) if right else cell.ljust(width)
            for cell, width, (_h, _f, right) in zip(row, widths, _COLUMNS, strict=True)
        ]
        lines.append("  ".join(cells).rstrip())
    return lines


def render_table(scores: PortfolioScores) -> str:
    """One row per account, then the portfolio totals; values rounded for reading only."""
    header = [h for h, _f, _r in _COLUMNS]
    body = [[cell(a) for _h, cell, _r in _COLUMNS] for a in scores.accounts]
    lines = _lay_out([header, *body])
    rule = "-" * len(lines[0])
    t = scores.totals
    quadrants = ", ".join(f"{k} {n}" for k, n in t.quadrants.items() if n)
    return "\n".join(
        [
            f"as of {scores.as_of.isoformat()} · FY{t.fiscal_year} · {t.accounts} accounts",
            lines[0],
            rule,
            *lines[1:],
            rule,
            f"FY{t.fiscal_year} revenue: actual {display(t.revenue_actual)}, "
            f"forecast {display(t.revenue_forecast)}, target {display(t.revenue_target)}; "
            f"gap {display(t.revenue_gap)}, weighted pipeline {display(t.weighted_pipeline)}",
            f"quadrants: {quadrants or '—'}",
            "",
        ]
    )


def render_json(scores: PortfolioScores) -> str:
    return json.dumps(to_json(scores), ensure_ascii=False, indent=2) + "\n"


_CSV_FIELDS = (
    "id",
    "name",
    "local_name",
    "tier",
    "quadrant",
    "attractiveness",
    "strength",
    "competitive_position",
    "relationship_health",
    "decision_coverage",
    "revenue_actual",
    "revenue_target",
    "revenue_forecast",
    "revenue_gap",
    "weighted_pipeline",
    "pipeline_coverage",
    "share_of_wallet",
    "plan_completeness",
)


_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _csv_cell(value: object) -> str:
    """Text that a spreadsheet would run as a formula is quoted with a leading `'`."""
    if value is None:
        return ""
    if isinstance(value, Enum):
        return str(value.value)
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return str(value)


def render_csv(scores: PortfolioScores) -> str:
    """UTF-8 text that starts with a BOM, which is what makes Excel read Chinese names right."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([*_CSV_FIELDS, "flags"])
    for a in scores.accounts:
        cells = [_csv_cell(getattr(a, field)) for field in _CSV_FIELDS]
        writer.writerow([*cells, " ".join(a.flag_codes)])
    return BOM + out.getvalue()


RENDERERS: dict[str, Callable[[PortfolioScores], str]] = {
    "table": render_table,
    "json": render_json,
    "csv": render_csv,
}
