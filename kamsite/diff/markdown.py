"""The review as Markdown for a job summary or a PR comment: a table to scan, details folded.

Every piece of content passes through `escape`; every line starts with text of ours and is
made inert for the runner, so content can neither end a table row nor start a workflow command.
The words of our own are the portfolio's language (`words.py`); content is never translated.
The report fits a PR comment: cut between items, largest changes first, when it would not.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from kamsite.diagnostics import inert_line
from kamsite.diff import phrases
from kamsite.diff.escape import code, html_code, html_text, md
from kamsite.diff.phrases import NAME_LIMIT, TOP_FIELDS, domain
from kamsite.diff.result import (
    DiagnosticChange,
    Diff,
    Event,
    FieldChange,
    FlagChange,
    ItemDiff,
    ItemKind,
    ScoreDelta,
    Side,
    Value,
    side_label,
)
from kamsite.diff.words import Words
from kamsite.glossary import word
from kamsite.score.numbers import display, percent, times
from kamsite.score.results import FlagCode

SUMMARY_PHRASES = 3
EXCLUDED_SHOWN = 10
"""Ids a totals note names; the rest are counted, so the note fits whatever the portfolio."""
REPORT_LIMIT = 60_000
"""Characters: GitHub refuses a comment over 65,536, and the workflow adds a few lines."""
SUMMARY_LIMIT = 2**20 // 4
"""Characters that always fit a 1 MiB job summary (UTF-8 takes at most 4 bytes each)."""

_PERCENT = frozenset({"competitive_position", "decision_coverage", "share_of_wallet"})
_KINDS: tuple[ItemKind, ...] = ("account", "strategy", "portfolio", "team")


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


def _arrow(d: ScoreDelta, w: Words) -> str:
    if d.direction in ("set", "unset"):
        return ""
    mark = "▲" if d.direction == "up" else "▼"
    return f" {mark}" if d.better else f" {w('worse', mark=mark)}"


def score_phrase(d: ScoreDelta, w: Words) -> str:
    before, after = number(d.metric, d.before), number(d.metric, d.after)
    return f"{w(f'metric.{d.metric}')} {before} → {after}{_arrow(d, w)}"


def _declared(value: Value, w: Words, kind: str | None) -> str:
    """A value as the file declares it: weights 0.15 → 0.2 must not both read 0.2."""
    return repr(value) if isinstance(value, float) else phrases.value(value, w, kind, _SAFE)


def field_phrase(f: FieldChange, w: Words) -> str:
    kind = domain("account", f.field)
    before, after = _declared(f.before, w, kind), _declared(f.after, w, kind)
    return f"{md(w.term(f.field))} {before} → {after}"


def flag_phrase(f: FlagChange, w: Words) -> str:
    """The code as in JSON and on the site's tooltips, its name beside it."""
    phrase = w(f"flag.{f.change}", code=f.code)
    return w("flag.named", phrase=phrase, name=word(FlagCode(f.code), w.language))


def _clip(name: str) -> str:
    """Names are free text: a very long one must not push the table off the screen."""
    return name if len(name) <= NAME_LIMIT else name[: NAME_LIMIT - 1] + "…"


_SAFE = phrases.Safe(text=md, name=lambda name: md(_clip(name)), ident=code)
"""Content text in the report: escaped for Markdown, ids in code spans."""


def event_phrase(e: Event, w: Words) -> str:
    return phrases.event_phrase(e, w, _SAFE)


def _turned_invalid(item: ItemDiff) -> bool:
    return item.after == "invalid" and item.before != "invalid"


def _diagnostic_phrases(item: ItemDiff, w: Words) -> list[str]:
    """Findings introduced or fixed, by severity; errors of an item that turned invalid are
    counted by its state phrase instead."""
    counts = Counter((d.change, d.diagnostic.severity) for d in item.diagnostics)
    if _turned_invalid(item):
        counts.pop(("introduced", "error"), None)
    return [
        w(f"diag.{change}", what=w.count(severity, n))
        for (change, severity), n in sorted(counts.items())
    ]


def _state_phrase(item: ItemDiff, w: Words) -> list[str]:
    """Listed, never dropped: an item that stops validating is not scored on HEAD."""
    if _turned_invalid(item):
        n = sum(
            1
            for d in item.diagnostics
            if d.change == "introduced" and d.diagnostic.severity == "error"
        )
        errors = w.count("error", n) if n else w("errors_elsewhere")
        key = "state.no_longer_valid" if item.before == "valid" else "state.not_valid"
        return [w(key, errors=errors)]
    if item.before == "invalid" and item.after == "valid":
        return [w("state.valid_again")]
    return []


def _file_phrase(item: ItemDiff, w: Words) -> list[str]:
    if item.file is None:
        return [w("file.indirect")]
    if item.file.status == "modified":
        return []
    if item.file.status == "renamed":
        return [w("file.renamed", path=md(item.file.old_path))]
    return [w(f"file.{item.file.status}")]


def _head_phrases(item: ItemDiff, w: Words) -> list[str]:
    """What every summary keeps: the file, its validity, findings, tier and quadrant."""
    return [
        *_file_phrase(item, w),
        *_state_phrase(item, w),
        *_diagnostic_phrases(item, w),
        *(field_phrase(f, w) for f in item.fields if f.field in TOP_FIELDS),
    ]


def change_phrases(item: ItemDiff, w: Words) -> list[str]:
    return [
        *_head_phrases(item, w),
        *(event_phrase(e, w) for e in item.events),
        *(field_phrase(f, w) for f in item.fields if f.field not in TOP_FIELDS),
    ]


def _summary_cell(item: ItemDiff, w: Words) -> str:
    """All phrases when few; else file, validity, tier/quadrant and counts of event kinds."""
    phrases = change_phrases(item, w)
    if len(phrases) <= SUMMARY_PHRASES:
        return w("sep").join(phrases) or "—"
    head = _head_phrases(item, w)
    kinds = Counter((e.section, e.kind) for e in item.events)
    head += [
        w("ev.count", n=n, section=w(f"section.{section}"), kind=md(w.term(kind)))
        for (section, kind), n in sorted(kinds.items())
    ]
    others = sum(1 for f in item.fields if f.field not in TOP_FIELDS)
    if others:
        head.append(w.count("other_field", others))
    return w("sep").join(head)


def _name(item: ItemDiff, w: Words) -> str:
    """Settings and team have no name of their own: ours, in the report's language."""
    return w(f"name.{item.kind}") if item.kind in ("portfolio", "team") else item.name


def _title(item: ItemDiff, w: Words) -> str:
    return f"**{md(_clip(_name(item, w)))}** {code(item.id)}"


def _row(item: ItemDiff, w: Words) -> str:
    scores = "<br>".join(score_phrase(d, w) for d in item.scores) or "—"
    flags = "<br>".join(flag_phrase(f, w) for f in item.flags) or "—"
    kind = w(f"kind.{item.kind}")
    return f"| {kind} | {_title(item, w)} | {_summary_cell(item, w)} | {scores} | {flags} |"


def _diagnostic_line(d: DiagnosticChange, w: Words) -> str:
    g = d.diagnostic
    line = w(
        "diag.line",
        change=w(f"change.{d.change}"),
        where=f"{md(g.path)}:{g.line}:{g.column}",
        severity=w(f"severity.{g.severity}"),
        code=md(g.code),
        message=md(g.message),
    )
    return f"- {line}"


def _changes(item: ItemDiff, w: Words) -> int:
    return len(change_phrases(item, w)) + len(item.scores) + len(item.flags)


def _verdict(d: ScoreDelta) -> str:
    return {True: "better", False: "worse", None: d.direction}[d.better]


def _details(item: ItemDiff, w: Words) -> list[str]:
    summary = w(
        "details.summary",
        name=html_text(_clip(_name(item, w))),
        id=html_code(item.id),
        changes=w.count("change", _changes(item, w)),
    )
    lines = [f"<details><summary>{summary}</summary>", ""]
    if item.scores:
        columns = (w(f"col.{c}") for c in ("score", "before", "after", "verdict"))
        lines += ["| " + " | ".join(columns) + " |", "| --- | ---: | ---: | --- |"]
        for d in item.scores:
            lines.append(
                f"| {w(f'metric.{d.metric}')} | {number(d.metric, d.before)} "
                f"| {number(d.metric, d.after)} | {w(f'verdict.{_verdict(d)}')} |"
            )
        lines.append("")
    for f in item.flags:
        line = w("flag.line", phrase=flag_phrase(f, w))
        evidence = w("sep").join(md(e) for e in f.evidence)
        lines.append(
            "- " + (w("flag.evidence", line=line, evidence=evidence) if evidence else line)
        )
    lines += [f"- {phrase}" for phrase in change_phrases(item, w)]
    lines += [_diagnostic_line(d, w) for d in item.diagnostics]
    return [*lines, "", "</details>", ""]


def _label(side: Side, w: Words) -> str:
    return md(side_label(side, w("working_tree")))


def _same_side(diff: Diff) -> bool:
    """BASE and HEAD are one commit under one name: it is named once."""
    base, head = diff.base, diff.head
    return base.commit is not None and (base.commit, base.name) == (head.commit, head.name)


def _tally(side: Side, w: Words) -> str:
    errors, warnings = w.count("error", side.errors), w.count("warning", side.warnings)
    return w("side_counts", side=_label(side, w), errors=errors, warnings=warnings)


def _headline(diff: Diff, w: Words) -> list[str]:
    """Sides by their names, with each side's validation result beside its name."""
    counts = Counter(item.kind for item in diff.items)
    changed = w("list").join(w.count(kind, counts[kind]) for kind in _KINDS if counts[kind])
    base, head = _label(diff.base, w), _label(diff.head, w)
    same = _same_side(diff)
    tallies = [diff.head] if same or not diff.base.files else [diff.base, diff.head]
    validity = w("sep").join(_tally(side, w) for side in tallies)
    lines = [
        f"### {w('headline', sides=base if same else f'{base} → {head}')}",
        "",
        f"{w('as_of', date=diff.as_of.isoformat())} · {w('changed', what=changed or w('nothing'))}"
        f" · {w('validation', sides=validity)}",
        "",
    ]
    if not diff.base.files:
        lines += [w("base_empty", side=base), ""]
    if not diff.head.valid:
        lines += [w("head_invalid", side=head), ""]
    return lines


def _size(lines: Sequence[str]) -> int:
    """Characters of `lines` once joined and made inert, as `render_markdown` prints them."""
    return sum(len(inert_line(line)) + 1 for line in lines)


def _rank(items: Sequence[ItemDiff], w: Words) -> list[ItemDiff]:
    """Settings and team first (they move the rest), then the most changes; ties by path."""
    return sorted(items, key=lambda i: (i.kind not in ("portfolio", "team"), -_changes(i, w)))


def _quiet(quiet: Sequence[ItemDiff], room: int, w: Words) -> list[str]:
    """The edits that moved nothing, in one line naming as many as `room` characters hold."""
    if not quiet:
        return []
    names = [f"{md(_clip(_name(i, w)))} {code(i.id)}" for i in quiet]
    sep = w("list")
    used = _size([w("quiet", names=w("more", names="", n=len(names))), ""])
    shown = 0
    for name in names:
        used += len(inert_line(name)) + len(sep)
        if used > room:
            break
        shown += 1
    if shown == len(names):
        listed = sep.join(names)
    elif not shown:
        listed = w.count("item", len(names))
    else:
        listed = w("more", names=sep.join(names[:shown]), n=len(names) - shown)
    return [w("quiet", names=listed), ""]


def _pointer(hidden: int, folded: int, limit: int, w: Words) -> list[str]:
    """Says what a shortened report leaves out and where everything is."""
    left_out = [w.count("smaller", hidden)] if hidden else []
    left_out += [w.count("folded", folded)] if folded else []
    return [w("shortened", limit=f"{limit:,}", left_out=w("and").join(left_out)), ""]


def _select(
    ranked: Sequence[ItemDiff], room: int, w: Words
) -> tuple[list[str], list[str], int, int]:
    """Table rows and details blocks, whole, while `room` lasts: (rows, details, hidden, folded).

    An item keeps its row when its details do not fit; the first row that does not fit ends
    the table, so what is shown is always the largest changes.
    """
    rows: list[str] = []
    details: list[str] = []
    folded = 0
    for item in ranked:
        row, block = [_row(item, w)], _details(item, w)
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


def _ids(ids: Sequence[str], w: Words) -> str:
    shown = w("list").join(code(i) for i in ids[:EXCLUDED_SHOWN])
    rest = len(ids) - EXCLUDED_SHOWN
    return w("more", names=shown, n=rest) if rest > 0 else shown


def _excluded(diff: Diff, w: Words) -> list[str]:
    """What the totals leave out: accounts that do not validate on a side, named with it."""
    base, head = diff.base.excluded, diff.head.excluded
    groups = (
        [(w("both_sides"), head)]
        if base == head
        else [(_label(diff.base, w), base), (_label(diff.head, w), head)]
    )
    lines: list[str] = []
    for side, ids in groups:
        if ids:
            accounts = w.count("invalid_account", len(ids))
            lines += [w("totals_exclude", accounts=accounts, side=side, ids=_ids(ids, w)), ""]
    return lines


def _totals(diff: Diff, w: Words) -> list[str]:
    if not (diff.totals and diff.moving):
        return []
    lines = [*_excluded(diff, w), f"<details><summary>{w('totals')}</summary>", ""]
    lines += [f"- {score_phrase(d, w)}" for d in diff.totals]
    return [*lines, "", "</details>", ""]


def render_markdown(diff: Diff, limit: int = REPORT_LIMIT) -> str:
    """The report in at most `limit` characters; the headline, the totals and, when items
    are left out, a pointer to the full report always stay."""
    w = Words(diff.language)
    ranked, quiet = _rank(diff.moving, w), diff.quiet
    head = _headline(diff, w)
    columns = (w(f"col.{c}") for c in ("item", "change", "scores", "flags"))
    table = ["| | " + " | ".join(columns) + " |", "| --- | --- | --- | --- | --- |"]
    table = table if ranked else []
    empty = [] if diff.items else [w("no_change"), ""]
    totals = _totals(diff, w)
    reserved = _pointer(len(ranked), len(ranked), limit, w) + _quiet(quiet, 0, w)
    room = limit - _size([*head, *table, "", *empty, *totals, *reserved])
    rows, details, hidden, folded = _select(ranked, room, w)
    pointer = _pointer(hidden, folded, limit, w) if hidden or folded else []
    room += _size(reserved) - _size([*rows, *details, *pointer])
    lines = [*head, *table, *rows, *([""] if table else []), *pointer, *details]
    lines += [*_quiet(quiet, room, w), *empty, *totals]
    return "\n".join(inert_line(line) for line in lines).rstrip("\n") + "\n"
