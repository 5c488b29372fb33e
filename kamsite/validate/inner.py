"""Rules a single file can be checked against on its own (cached with the file).

They read the file's plain data (`view`), not its model, so a file with schema errors
still has its ids, references and cycles checked in the same run.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

import networkx as nx

from kamsite.model.strategy import PERSPECTIVE_RANK, Perspective
from kamsite.validate.findings import Finding, Loc, dotted
from kamsite.validate.pydantic_errors import did_you_mean
from kamsite.validate.view import Data, entries, ids, text, texts, whole

ACCOUNT_LISTS = (
    "stakeholders",
    "needs",
    "competitors",
    "opportunities",
    "objectives",
    "actions",
    "engagements",
    "risks",
)
"""Lists whose ids share one namespace: every id becomes an anchor on the account page."""


def file_rules(stem: str, kind: str, data: Data) -> Iterator[Finding]:
    """Every in-file rule of a file of `kind` whose name (without suffix) is `stem`."""
    ident = text(data, "id")
    if kind in ("account", "strategy") and ident is not None and ident != stem:
        yield Finding(
            ("id",),
            "id-mismatch",
            f"id `{ident}` must equal the file name `{stem}` (rename one of them)",
        )
    if kind == "account":
        yield from account_rules(data)
    elif kind == "strategy":
        yield from strategy_rules(data)
    elif kind == "team":
        yield from duplicate_ids(_ids(data, "members"), "among the members")


def _ids(data: Any, *path: str) -> Iterator[tuple[Loc, str]]:
    for index, item in entries(data, *path):
        ident = text(item, "id")
        if ident is not None:
            yield (*path, index, "id"), ident


def _positions(data: Any, *path: str) -> dict[str, int]:
    """Index of each id's first item in the list at `path`."""
    found: dict[str, int] = {}
    for index, item in entries(data, *path):
        ident = text(item, "id")
        if ident is not None:
            found.setdefault(ident, index)
    return found


def duplicate_ids(ids: Iterable[tuple[Loc, str]], where: str) -> Iterator[Finding]:
    first: dict[str, Loc] = {}
    for loc, ident in ids:
        if ident in first:
            yield Finding(
                loc,
                "duplicate-id",
                f"id `{ident}` is also used by {dotted(first[ident][:-1])}; ids must be"
                f" unique {where}",
            )
        first.setdefault(ident, loc)


def _account_ids(data: Data) -> Iterator[tuple[Loc, str]]:
    """Ids of every list that shares the page's anchors, in the order of the file."""
    for name in data:
        if name not in ACCOUNT_LISTS:
            continue
        for index, item in entries(data, name):
            ident = text(item, "id")
            if ident is not None:
                yield (name, index, "id"), ident
            if name == "objectives":
                yield from (((name, index, *loc), i) for loc, i in _ids(item, "kpis"))


def _unknown(loc: Loc, what: str, ref: str, known: Iterable[str]) -> Finding:
    return Finding(loc, "unknown-ref", f"unknown {what} `{ref}`{did_you_mean(ref, known)}")


def account_rules(data: Data) -> Iterator[Finding]:
    yield from duplicate_ids(
        _account_ids(data), "in the whole file (they are anchors on the account page)"
    )
    yield from _revenue_years(data)
    people, rivals = set(ids(data, "stakeholders")), set(ids(data, "competitors"))
    objectives = set(ids(data, "objectives"))

    def person(loc: Loc, ref: str | None) -> Iterator[Finding]:
        if ref is not None and ref not in people:
            yield _unknown(loc, "stakeholder", ref, people)

    def rival(loc: Loc, ref: str | None) -> Iterator[Finding]:
        if ref is not None and ref not in rivals:
            yield _unknown(loc, "competitor", ref, rivals)

    for s, item in entries(data, "stakeholders"):
        yield from person(("stakeholders", s, "reports_to"), text(item, "reports_to"))
        for i, edge in entries(item, "influences"):
            yield from person(("stakeholders", s, "influences", i, "to"), text(edge, "to"))
        yield from rival(("stakeholders", s, "prefers"), text(item, "prefers"))
    yield from _reporting_cycles(data)
    for n, need in entries(data, "needs"):
        ratings = need.get("ratings")
        for rater in ratings if isinstance(ratings, dict) else ():
            if isinstance(rater, str) and rater != "us" and rater not in rivals:
                yield _unknown(
                    ("needs", n, "ratings", rater),
                    "competitor (or `us`) in ratings",
                    rater,
                    {"us", *rivals},
                )
    for o, opp in entries(data, "opportunities"):
        for i, ref in texts(opp, "stakeholders"):
            yield from person(("opportunities", o, "stakeholders", i), ref)
        for i, ref in texts(opp, "competitors"):
            yield from rival(("opportunities", o, "competitors", i), ref)
    for a, action in entries(data, "actions"):
        yield from person(("actions", a, "stakeholder"), text(action, "stakeholder"))
        for i, ref in texts(action, "stakeholders"):
            yield from person(("actions", a, "stakeholders", i), ref)
        goal = text(action, "objective")
        if goal is not None and "/" not in goal and goal not in objectives:
            yield _unknown(("actions", a, "objective"), "account objective", goal, objectives)


def _revenue_years(data: Data) -> Iterator[Finding]:
    seen: set[int] = set()
    for index, row in entries(data, "revenue"):
        year = whole(row, "year")
        if year is not None and year in seen:
            yield Finding(
                ("revenue", index, "year"),
                "duplicate-id",
                f"two revenue rows for {year}; merge them into one",
            )
        if year is not None:
            seen.add(year)


def _reporting_cycles(data: Data) -> Iterator[Finding]:
    index = _positions(data, "stakeholders")
    graph = nx.DiGraph()
    for _, item in entries(data, "stakeholders"):
        ident, boss = text(item, "id"), text(item, "reports_to")
        if ident is not None and boss is not None and boss in index:
            graph.add_edge(ident, boss)
    reported: set[str] = set()
    for cycle in sorted(sorted(c) for c in nx.simple_cycles(graph)):
        first = min(cycle, key=index.__getitem__)
        if first in reported:
            continue
        reported.add(first)
        if len(cycle) == 1:
            message = f"`{first}` reports to itself"
        else:
            message = "reports_to forms a cycle: " + " → ".join(_ordered_cycle(graph, first))
        yield Finding(("stakeholders", index[first], "reports_to"), "cycle", message)


def _ordered_cycle(graph: nx.DiGraph, start: str) -> list[str]:
    path, node = [start], start
    while True:
        node = next(iter(graph.successors(node)))
        path.append(node)
        if node == start:
            return path


def _perspective(item: Data) -> Perspective | None:
    value = text(item, "perspective")
    return Perspective(value) if value in {p.value for p in Perspective} else None


def strategy_rules(data: Data) -> Iterator[Finding]:
    within = "within their list"
    yield from duplicate_ids(_ids(data, "gaps"), within)
    yield from duplicate_ids(_ids(data, "map"), within)
    yield from duplicate_ids(_ids(data, "intent", "goals"), within)
    for o, objective in entries(data, "map"):
        for part in ("kpis", "tasks"):
            inside = ((("map", o, *loc), i) for loc, i in _ids(objective, part))
            yield from duplicate_ids(inside, "within their objective")

    index = _positions(data, "map")
    perspective = {text(item, "id"): _perspective(item) for _, item in entries(data, "map")}
    graph = nx.DiGraph()
    graph.add_nodes_from(index)
    for o, objective in entries(data, "map"):
        source = text(objective, "id")
        for s, target in texts(objective, "supports"):
            loc = ("map", o, "supports", s)
            if target not in index:
                yield _unknown(loc, "objective", target, index)
                continue
            if source is None:
                continue
            graph.add_edge(source, target)
            low, high = perspective.get(target), perspective.get(source)
            if target == source:
                yield Finding(loc, "cycle", f"`{target}` supports itself")
            elif (
                low is not None
                and high is not None
                and PERSPECTIVE_RANK[low] < PERSPECTIVE_RANK[high]
            ):
                yield Finding(
                    loc,
                    "downward-support",
                    f"`{source}` ({high}) supports `{target}` ({low}), a lower perspective;"
                    " cause → effect runs learning → internal → customer → financial",
                    severity="warning",
                )
    for cycle in sorted(sorted(c) for c in nx.simple_cycles(graph) if len(c) > 1):
        first = min(cycle, key=index.__getitem__)
        yield Finding(
            ("map", index[first], "supports"),
            "cycle",
            "supports forms a cycle through "
            + ", ".join(f"`{c}`" for c in cycle)
            + "; the strategy map must run one way",
        )
