"""The review as Markdown for a job summary or a PR comment: a table to scan, details folded.

Every piece of content passes through `escape`; every line starts with text of ours, so
content can neither end a table row nor start a workflow command.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

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


def field_phrase(f: FieldChange) -> str:
    return f"{md(f.field)} {_value(f.before)} → {_value(f.after)}"


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


def _details(item: ItemDiff) -> list[str]:
    lines = [
        f"<details><summary>{html_text(item.name)} {html_code(item.id)}: "
        f"{_count(len(change_phrases(item)) + len(item.scores) + len(item.flags), 'change')}"
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


def render_markdown(diff: Diff) -> str:
    lines = _headline(diff)
    moving, quiet = diff.moving, diff.quiet
    if moving:
        lines += ["| | item | change | scores | flags |", "| --- | --- | --- | --- | --- |"]
        lines += [_row(item) for item in moving]
        lines.append("")
        for item in moving:
            lines += _details(item)
    if quiet:
        names = ", ".join(f"{md(i.name)} {code(i.id)}" for i in quiet)
        lines += [f"Edited, {NOTHING_MOVED}: {names}.", ""]
    if not diff.items:
        lines += ["No content file changed.", ""]
    if diff.totals and moving:
        lines += ["<details><summary>Portfolio totals</summary>", ""]
        lines += [f"- {score_phrase(d)}" for d in diff.totals]
        lines += ["", "</details>", ""]
    return "\n".join(lines).rstrip("\n") + "\n"
