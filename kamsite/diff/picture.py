"""The decision chain of a change, as DOT: who joined (green), who left (red, dashed), whose
attitude moved (orange border, before → after), so a reviewer sees the change, not two trees.

Built with the graph package's emitter, so hostile names are escaped the same way as on the
site. Only accounts valid on both sides with stakeholder changes get a picture.
"""

from __future__ import annotations

from collections.abc import Mapping

from kamsite.diff.result import Diff, ItemDiff
from kamsite.diff.sources import Snapshot
from kamsite.graph.dot import FONT, INK, Cell, DotGraph, Span, Tip, Value, lines, table
from kamsite.graph.render import Diagram
from kamsite.graph.text import clean, clip
from kamsite.model.account import Account, Stakeholder
from kamsite.validate.files import Source, check_file

ADDED = ("#66bb6a", "#000000")
REMOVED = ("#c62828", "#ffffff")
UNCHANGED = ("#ffffff", "#000000")
MARK = "#fb8c00"  # border of a stakeholder whose attitude changed
NAME_WIDTH = 28
LINE_WIDTH = 40


def _node(person: Stakeholder, status: str, notes: list[str]) -> dict[str, Value]:
    fill, ink = {"added": ADDED, "removed": REMOVED}.get(status, UNCHANGED)
    rows = [[Span(clip(clean(person.name), NAME_WIDTH), bold=True, size=13)]]
    if person.title:
        rows.append([Span(clip(clean(person.title), LINE_WIDTH), size=11)])
    if status in ("added", "removed"):
        rows.append([Span(status, size=10)])
    rows += [[Span(clip(note, LINE_WIDTH), size=10)] for note in notes]
    attitude_moved = any(note.startswith("attitude") for note in notes)
    return {
        "label": lines(rows),
        "tooltip": Tip((clip(clean(person.name), 200), status, *notes)),
        "fillcolor": fill,
        "fontcolor": ink,
        "color": MARK if attitude_moved else INK,
        "penwidth": 3.5 if attitude_moved else 1.0,
        "style": "rounded,filled,dashed" if status == "removed" else "rounded,filled",
    }


def _legend() -> dict[str, Value]:
    def sample(text: str, fill: str, ink: str) -> Cell:
        return Cell((Span(text, size=10, color=ink),), fill=fill, border=True)

    return {
        "label": table(
            [
                (
                    sample("added", *ADDED),
                    sample("removed", *REMOVED),
                    Cell((Span("orange border: attitude changed", size=10, color=MARK),)),
                ),
            ]
        ),
        "labelloc": "b",
    }


def _notes(item: ItemDiff) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for e in item.events:
        if e.section == "stakeholder" and e.kind not in ("added", "removed"):
            before = "—" if e.before is None else str(e.before)
            after = "—" if e.after is None else str(e.after)
            if e.kind == "relationship":
                before, after = before[:5], after[:5]
            out.setdefault(e.id, []).append(clean(f"{e.kind}: {before} → {after}"))
    return out


def change_chain(item: ItemDiff, before: Account, after: Account) -> Diagram:
    """BASE and HEAD stakeholders in one picture; reporting lines of both, HEAD's solid."""
    graph = DotGraph(
        graph={"rankdir": "TB", "bgcolor": "transparent", "fontname": FONT, **_legend()},
        node_defaults={"shape": "box", "fontname": FONT, "margin": "0.15,0.07"},
        edge_defaults={"color": INK, "arrowhead": "none"},
    )
    old = {s.id: s for s in before.stakeholders}
    new = {s.id: s for s in after.stakeholders}
    notes = _notes(item)
    for key, person in new.items():
        status = "changed" if key in old else "added"
        graph.node(f"s:{key}", _node(person, status, notes.get(key, [])))
    for key, person in old.items():
        if key not in new:
            graph.node(f"s:{key}", _node(person, "removed", []))
    lines_b = _reporting(old)
    lines_a = _reporting(new)
    for boss, report in sorted(lines_a | lines_b):
        attrs: dict[str, Value] = {"penwidth": 1.2}
        if (boss, report) not in lines_a:
            attrs = {"style": "dashed", "color": REMOVED[0]}
        elif (boss, report) not in lines_b:
            attrs = {"penwidth": 2.0, "color": "#2e7d32"}
        graph.edge(f"s:{boss}", f"s:{report}", attrs)
    return Diagram(
        dot=graph.source(),
        prefix=f"change-{after.id}",
        label=f"Decision chain change of {clean(after.name)}",
    )


def _reporting(people: Mapping[str, Stakeholder]) -> set[tuple[str, str]]:
    return {
        (p.reports_to, p.id)
        for p in people.values()
        if p.reports_to is not None and p.reports_to in people
    }


def pictured(diff: Diff) -> list[ItemDiff]:
    """Accounts whose decision chain changed and that validate on both sides."""
    return [
        item
        for item in diff.items
        if item.kind == "account"
        and item.before == item.after == "valid"
        and item.file is not None
        and any(e.section == "stakeholder" for e in item.events)
    ]


def _account(raw: Source | None, path: str) -> Account | None:
    if raw is None:
        return None
    model = check_file(path, "account", raw).model
    return model if isinstance(model, Account) else None


def change_diagrams(diff: Diff, base: Snapshot, head: Snapshot) -> dict[str, Diagram]:
    """account id → picture, for every account `pictured` selects; files are re-read from the
    snapshots (one file each, no cross-file work) so `Diff` stays plain data."""
    out: dict[str, Diagram] = {}
    for item in pictured(diff):
        assert item.file is not None
        old_path = item.file.old_path or item.file.path
        before = _account(base.sources.get(old_path), old_path)
        after = _account(head.sources.get(item.file.path), item.file.path)
        if before is not None and after is not None:
            out[item.id] = change_chain(item, before, after)
    return out
