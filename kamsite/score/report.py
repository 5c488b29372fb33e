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


# (header, cell, right-aligned, what an abbreviated header means; None for plain words)
_COLUMNS: tuple[tuple[str, Callable[[AccountScore], str], bool, str | None], ...] = (
    ("account", lambda a: a.id, False, None),
    ("tier", lambda a: a.tier.value if a.tier else "—", False, None),
    ("quadrant", lambda a: a.quadrant.value if a.quadrant else "—", False, None),
    ("A", lambda a: display(a.attractiveness), True, "attractiveness 0–100"),
    ("S", lambda a: display(a.strength), True, "our strength 0–100"),
    ("CP", lambda a: percent(a.competitive_position), True, "competitive position (100% = lead)"),
    ("H", lambda a: display(a.relationship_health), True, "relationship health 0–100"),
    ("DC", lambda a: percent(a.decision_coverage), True, "decision makers on our side"),
    ("gap", lambda a: display(a.revenue_gap), True, "FY target − forecast (else actual)"),
    ("WP", lambda a: display(a.weighted_pipeline), True, "weighted pipeline, all open deals"),
    ("WPFY", lambda a: display(a.weighted_pipeline_fy), True, "WP closing by FY end"),
    (
        "PC",
        lambda a: times(a.pipeline_coverage),
        True,
        "pipeline coverage WPFY / (target − actual)",
    ),
    ("SW", lambda a: percent(a.share_of_wallet), True, "share of wallet: FY actual / wallet"),
    ("P", lambda a: str(a.plan_completeness), True, "plan completeness 0–100"),
    ("flags", lambda a: " ".join(a.flag_codes) or "—", False, None),
)
_LEGEND_WIDTH = 100


def _lay_out(rows: Sequence[Sequence[str]]) -> list[str]:
    widths = [max(len(row[i]) for row in rows) for i in range(len(_COLUMNS))]
    lines = []
    for row in rows:
        cells = [
            cell.rjust(width) if right else cell.ljust(width)
            for cell, width, (_h, _f, right, _m) in zip(row, widths, _COLUMNS, strict=True)
        ]
        lines.append("  ".join(cells).rstrip())
    return lines


def legend() -> list[str]:
    """Every abbreviated header spelled out, whole entries packed into lines of a terminal."""
    lines: list[str] = []
    for h, _f, _r, meaning in _COLUMNS:
        if meaning is None:
            continue
        entry = f"{h} = {meaning}"
        if lines and len(lines[-1]) + 3 + len(entry) <= _LEGEND_WIDTH:
            lines[-1] += " · " + entry
        else:
            lines.append(entry)
    return lines


def render_table(scores: PortfolioScores) -> str:
    """One row per account, then the portfolio totals and the legend; values rounded for
    reading only (the json format has them unrounded)."""
    header = [h for h, _f, _r, _m in _COLUMNS]
    body = [[cell(a) for _h, cell, _r, _m in _COLUMNS] for a in scores.accounts]
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
            f"gap {display(t.revenue_gap)}, weighted pipeline {display(t.weighted_pipeline)} "
            f"({display(t.weighted_pipeline_fy)} closing by FY end)",
            f"quadrants: {quadrants or '—'}",
            *legend(),
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
    "weighted_pipeline_fy",
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
