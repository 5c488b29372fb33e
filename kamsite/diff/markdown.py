"""The review as Markdown for a job summary or a PR comment: a table to scan, details folded.

Every piece of content passes through `escape`; every line starts with text of ours and is
made inert for the runner, so content can neither end a table row nor start a workflow command.
The report fits a PR comment: cut between items, largest changes first, when it would not.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence

from kamsite.diagnostics import inert_line
from kamsite.diff.escape import code, html_code, html_text, md
from kamsite.diff.result import (
    DiagnosticChange,
    Diff,
    Event,
    FieldChange,
    FlagChange,
    ItemDiff,
    ScoreDelta,
    Value,
)
from kamsite.score.numbers import display, percent, times

NOTHING_MOVED = "no score, flag, relationship or status moved"
SUMMARY_PHRASES = 3
NAME_LIMIT = 80
INDIRECT = "file unchanged, moved by another file"
REPORT_LIMIT = 60_000
"""Characters: GitHub refuses a comment over 65,536, and the workflow adds a few lines."""
SUMMARY_LIMIT = 2**20 // 4
"""Characters that always fit a 1 MiB job summary (UTF-8 takes at most 4 bytes each)."""

LABELS = {
    "attractiveness": "A",
    "strength": "S",
    "competitive_position": "CP",
    "relationship_health": "H",
    "decision_coverage": "DC",
    "revenue_gap": "Gap",
    "weighted_pipeline": "WP",
    "pipeline_coverage": "PC",
    "share_of_wallet": "SW",
    "plan_completeness": "P",
    "revenue_actual": "Revenue actual",
    "revenue_target": "Revenue target",
    "revenue_forecast": "Revenue forecast",
}
_PERCENT = frozenset({"competitive_position", "decision_coverage", "share_of_wallet"})
KIND_LABELS = {
    "account": "account",
    "strategy": "strategy",
    "portfolio": "settings",
    "team": "team",
}


def number(metric: str, value: float | None) -> str:
    if value is None:
        return "—"
    if metric in _PERCENT:
        return percent(value)
    if metric == "pipeline_coverage":
        return times(value)
    if metric == "plan_completeness":
        return str(round(value))
    return display(value)


_PLURALS = {"strategy": "strategies", "settings": "settings", "opportunity": "opportunities"}


def _count(n: int, noun: str) -> str:
    return f"{n} {noun if n == 1 else _PLURALS.get(noun, noun + 's')}"


def _value(value: Value) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, float):
        return display(value)
    return md(value)


def _arrow(d: ScoreDelta) -> str:
    if d.direction in ("set", "unset"):
        return ""
    mark = "▲" if d.direction == "up" else "▼"
    return f" {mark}" if d.better else f" {mark} (worse)"


def score_phrase(d: ScoreDelta) -> str:
    label = LABELS.get(d.metric, d.metric)
    return f"{label} {number(d.metric, d.before)} → {number(d.metric, d.after)}{_arrow(d)}"


def _declared(value: Value) -> str:
    """A value as the file declares it: weights 0.15 → 0.2 must not both read 0.2."""
    return repr(value) if isinstance(value, float) else _value(value)


def field_phrase(f: FieldChange) -> str:
    return f"{md(f.field)} {_declared(f.before)} → {_declared(f.after)}"


def flag_phrase(f: FlagChange) -> str:
    return f"{f.change} {f.code}"


def _clip(name: str) -> str:
    """Names are free text: a very long one must not push the table off the screen."""
    return name if len(name) <= NAME_LIMIT else name[: NAME_LIMIT - 1] + "…"


def _who(e: Event) -> str:
    return f"{md(_clip(e.name))} ({code(e.id)})"


_SECTION = {
    "stakeholder": "stakeholder",
    "opportunity": "opportunity",
    "action": "action",
    "objective": "objective",
    "kpi": "KPI",
    "task": "task",
    "risk": "risk",
    "member": "team member",
}


def _progress(value: Value) -> str:
    return "—" if not isinstance(value, float | int) else f"{display(100 * value)}%"


def event_phrase(e: Event) -> str:
    """One plain sentence fragment per event kind (see `reviewing.md`)."""
    section = _SECTION.get(e.section, e.section)
    who = f"{section} {_who(e)}"
    phrases: dict[str, Callable[[], str]] = {
        "added": lambda: f"{who} added" + (f" ({_value(e.after)})" if e.after else ""),
        "removed": lambda: f"{who} removed",
        "won": lambda: f"{who} won",
        "lost": lambda: f"{who} lost",
        "closed": lambda: f"{who} closed ({_value(e.after)})",
        "reopened": lambda: f"{who} reopened ({_value(e.after)})",
        "overdue": lambda: f"{who} overdue (due {_value(e.after)})",
        "relationship": lambda: f"{who} relationship R {_value(e.before)} → {_value(e.after)}",
        "progress": lambda: f"{who} progress {_progress(e.before)} → {_progress(e.after)}",
        "reports_to": lambda: f"{who} reports to {_value(e.before)} → {_value(e.after)}",
    }
    make = phrases.get(e.kind)
    if make is not None:
        return make()
    return f"{who} {md(e.kind)} {_value(e.before)} → {_value(e.after)}"


def _diagnostic_phrases(item: ItemDiff) -> list[str]:
    counts = Counter((d.change, d.diagnostic.severity) for d in item.diagnostics)
    return [f"{_count(n, severity)} {change}" for (change, severity), n in sorted(counts.items())]


def _state_phrase(item: ItemDiff) -> list[str]:
    if item.before == item.after:
        return []
    if item.after == "invalid":
        return ["now invalid: not scored"]
    if item.before == "invalid" and item.after == "valid":
        return ["valid again"]
    return []


def _file_phrase(item: ItemDiff) -> list[str]:
    if item.file is None:
        return [INDIRECT]
    if item.file.status == "modified":
        return []
    if item.file.status == "renamed":
        return [f"renamed from {md(item.file.old_path)}"]
    return [item.file.status]


def change_phrases(item: ItemDiff) -> list[str]:
    return [
        *_file_phrase(item),
        *_state_phrase(item),
        *_diagnostic_phrases(item),
        *(field_phrase(f) for f in item.fields if f.field in ("tier", "quadrant")),
        *(event_phrase(e) for e in item.events),
        *(field_phrase(f) for f in item.fields if f.field not in ("tier", "quadrant")),
    ]


def _summary_cell(item: ItemDiff) -> str:
    """All phrases when few; else file, validity, tier/quadrant and counts of event kinds."""
    phrases = change_phrases(item)
    if len(phrases) <= SUMMARY_PHRASES:
        return "; ".join(phrases) or "—"
    head = [*_file_phrase(item), *_state_phrase(item), *_diagnostic_phrases(item)]
    head += [field_phrase(f) for f in item.fields if f.field in ("tier", "quadrant")]
    kinds = Counter((_SECTION.get(e.section, e.section), e.kind) for e in item.events)
    head += [f"{n} × {section} {kind}" for (section, kind), n in sorted(kinds.items())]
    others = sum(1 for f in item.fields if f.field not in ("tier", "quadrant"))
    if others:
        head.append(f"{_count(others, 'other field')}")
    return "; ".join(head)


def _title(item: ItemDiff) -> str:
    return f"**{md(_clip(item.name))}** {code(item.id)}"


def _row(item: ItemDiff) -> str:
    kind = KIND_LABELS[item.kind]
    scores = "<br>".join(score_phrase(d) for d in item.scores) or "—"
    flags = "<br>".join(flag_phrase(f) for f in item.flags) or "—"
    return f"| {kind} | {_title(item)} | {_summary_cell(item)} | {scores} | {flags} |"


def _diagnostic_line(d: DiagnosticChange) -> str:
    g = d.diagnostic
    where = f"{md(g.path)}:{g.line}:{g.column}"
    return f"- {d.change}: {where} {g.severity} {md(g.code)} {md(g.message)}"


def _changes(item: ItemDiff) -> int:
    return len(change_phrases(item)) + len(item.scores) + len(item.flags)


def _details(item: ItemDiff) -> list[str]:
    lines = [
        f"<details><summary>{html_text(_clip(item.name))} {html_code(item.id)}: "
        f"{_count(_changes(item), 'change')}"
        "</summary>",
        "",
    ]
    if item.scores:
        lines += ["| score | before | after | change |", "| --- | ---: | ---: | --- |"]
        for d in item.scores:
            label = LABELS.get(d.metric, d.metric)
            verdict = {True: "better", False: "worse", None: d.direction}[d.better]
            lines.append(
                f"| {label} | {number(d.metric, d.before)} | {number(d.metric, d.after)} "
                f"| {verdict} |"
            )
        lines.append("")
    for f in item.flags:
        evidence = "; ".join(md(e) for e in f.evidence)
        lines.append(f"- flag {flag_phrase(f)}" + (f": {evidence}" if evidence else ""))
    lines += [f"- {phrase}" for phrase in change_phrases(item)]
    lines += [_diagnostic_line(d) for d in item.diagnostics]
    return [*lines, "", "</details>", ""]


def _headline(diff: Diff) -> list[str]:
    counts = Counter(KIND_LABELS[item.kind] for item in diff.items)
    changed = ", ".join(_count(n, kind) for kind, n in sorted(counts.items()))
    head, base = diff.head, diff.base
    validity = f"HEAD {_count(head.errors, 'error')}, {_count(head.warnings, 'warning')}"
    if base.files:
        validity += f"; BASE {_count(base.errors, 'error')}, {_count(base.warnings, 'warning')}"
    lines = [
        f"### Plan review: {md(base.label)} → {md(head.label)}",
        "",
        f"As of {diff.as_of.isoformat()} · changed: {changed or 'nothing'} · {validity}",
        "",
    ]
    if not base.files:
        lines += ["BASE has no content yet: everything is new.", ""]
    if not head.valid:
        lines += ["**HEAD does not validate**: portfolio.yaml is unusable, nothing is scored.", ""]
    return lines


def _size(lines: Sequence[str]) -> int:
    """Characters of `lines` once joined and made inert, as `render_markdown` prints them."""
    return sum(len(inert_line(line)) + 1 for line in lines)


def _rank(items: Sequence[ItemDiff]) -> list[ItemDiff]:
    """Settings and team first (they move the rest), then the most changes; ties by path."""
    return sorted(items, key=lambda i: (i.kind not in ("portfolio", "team"), -_changes(i)))


def _quiet(quiet: Sequence[ItemDiff], room: int) -> list[str]:
    """The edits that moved nothing, in one line naming as many as `room` characters hold."""
    if not quiet:
        return []
    names = [f"{md(_clip(i.name))} {code(i.id)}" for i in quiet]
    lead = f"Edited, {NOTHING_MOVED}: "
    used, shown = _size([f"{lead} and {len(names)} more.", ""]), 0
    for name in names:
        used += len(inert_line(name)) + 2
        if used > room:
            break
        shown += 1
    listed = ", ".join(names[:shown])
    if shown == len(names):
        return [f"{lead}{listed}.", ""]
    if not shown:
        return [f"{lead}{_count(len(names), 'item')}.", ""]
    return [f"{lead}{listed} and {len(names) - shown} more.", ""]


def _pointer(hidden: int, folded: int, limit: int) -> list[str]:
    """Says what a shortened report leaves out and where everything is."""
    left_out = []
    if hidden:
        left_out.append(f"{hidden:,} smaller change{'s' if hidden > 1 else ''}")
    if folded:
        left_out.append(f"the details of {folded:,} item{'s' if folded > 1 else ''}")
    return [
        f"**Report shortened to {limit:,} characters**, largest changes first: "
        f"{' and '.join(left_out)} not shown. The full report: `kamsite diff` with the same "
        "revisions and `--format json`.",
        "",
    ]


def _select(ranked: Sequence[ItemDiff], room: int) -> tuple[list[str], list[str], int, int]:
    """Table rows and details blocks, whole, while `room` lasts: (rows, details, hidden, folded).

    An item keeps its row when its details do not fit; the first row that does not fit ends
    the table, so what is shown is always the largest changes.
    """
    rows: list[str] = []
    details: list[str] = []
    folded = 0
    for item in ranked:
        row, block = [_row(item)], _details(item)
        if _size(row) > room:
            break
        rows += row
        room -= _size(row)
        if _size(block) <= room:
            details += block
            room -= _size(block)
        else:
            folded += 1
    return rows, details, len(ranked) - len(rows), folded


def _totals(diff: Diff) -> list[str]:
    if not (diff.totals and diff.moving):
        return []
    lines = ["<details><summary>Portfolio totals</summary>", ""]
    lines += [f"- {score_phrase(d)}" for d in diff.totals]
    return [*lines, "", "</details>", ""]


def render_markdown(diff: Diff, limit: int = REPORT_LIMIT) -> str:
    """The report in at most `limit` characters; the headline, the totals and, when items
    are left out, a pointer to the full report always stay."""
    ranked, quiet = _rank(diff.moving), diff.quiet
    head = _headline(diff)
    table = ["| | item | change | scores | flags |", "| --- | --- | --- | --- | --- |"]
    table = table if ranked else []
    empty = [] if diff.items else ["No content file changed.", ""]
    totals = _totals(diff)
    reserved = _pointer(len(ranked), len(ranked), limit) + _quiet(quiet, 0)
    room = limit - _size([*head, *table, "", *empty, *totals, *reserved])
    rows, details, hidden, folded = _select(ranked, room)
    pointer = _pointer(hidden, folded, limit) if hidden or folded else []
    room += _size(reserved) - _size([*rows, *details, *pointer])
    lines = [*head, *table, *rows, *([""] if table else []), *pointer, *details]
    lines += [*_quiet(quiet, room), *empty, *totals]
    return "\n".join(inert_line(line) for line in lines).rstrip("\n") + "\n"
