"""Rules a single file can be checked against on its own (cached with the file)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from typing import Protocol

import networkx as nx

from kamsite.model.account import Account
from kamsite.model.strategy import PERSPECTIVE_RANK, Strategy
from kamsite.validate.findings import Finding
from kamsite.validate.pydantic_errors import did_you_mean


class _HasId(Protocol):
    @property
    def id(self) -> str: ...


def duplicate_ids(items: Sequence[_HasId], where: tuple[str | int, ...]) -> Iterator[Finding]:
    seen: set[str] = set()
    for index, item in enumerate(items):
        if item.id in seen:
            yield Finding(
                (*where, index, "id"),
                "duplicate-id",
                f"id `{item.id}` is used twice in {where[-1]}; ids must be unique",
            )
        seen.add(item.id)


def _unknown(loc: tuple[str | int, ...], what: str, ref: str, known: Iterable[str]) -> Finding:
    return Finding(loc, "unknown-ref", f"unknown {what} `{ref}`{did_you_mean(ref, known)}")


def account_rules(account: Account) -> Iterator[Finding]:
    lists: dict[str, Sequence[_HasId]] = {
        "stakeholders": account.stakeholders,
        "needs": account.needs,
        "competitors": account.competitors,
        "opportunities": account.opportunities,
        "objectives": account.objectives,
        "actions": account.actions,
        "risks": account.risks,
    }
    for name, items in lists.items():
        yield from duplicate_ids(items, (name,))
    for o, objective in enumerate(account.objectives):
        yield from duplicate_ids(objective.kpis, ("objectives", o, "kpis"))

    years = Counter(row.year for row in account.revenue)
    seen_years: set[int] = set()
    for index, row in enumerate(account.revenue):
        if years[row.year] > 1 and row.year in seen_years:
            yield Finding(
                ("revenue", index, "year"),
                "duplicate-id",
                f"two revenue rows for {row.year}; merge them into one",
            )
        seen_years.add(row.year)

    people = {s.id for s in account.stakeholders}
    rivals = {c.id for c in account.competitors}
    objectives = {o.id for o in account.objectives}
    for s, person in enumerate(account.stakeholders):
        if person.reports_to is not None and person.reports_to not in people:
            yield _unknown(
                ("stakeholders", s, "reports_to"), "stakeholder", person.reports_to, people
            )
        for i, edge in enumerate(person.influences):
            if edge.to not in people:
                yield _unknown(
                    ("stakeholders", s, "influences", i, "to"), "stakeholder", edge.to, people
                )
        if person.prefers is not None and person.prefers not in rivals:
            yield _unknown(("stakeholders", s, "prefers"), "competitor", person.prefers, rivals)
    yield from _reporting_cycles(account)
    for n, need in enumerate(account.needs):
        for rater in need.ratings:
            if rater != "us" and rater not in rivals:
                yield _unknown(
                    ("needs", n, "ratings", rater),
                    "competitor (or `us`) in ratings",
                    rater,
                    {"us", *rivals},
                )
    for o, opp in enumerate(account.opportunities):
        for i, ref in enumerate(opp.stakeholders):
            if ref not in people:
                yield _unknown(("opportunities", o, "stakeholders", i), "stakeholder", ref, people)
        for i, ref in enumerate(opp.competitors):
            if ref not in rivals:
                yield _unknown(("opportunities", o, "competitors", i), "competitor", ref, rivals)
    for a, action in enumerate(account.actions):
        if action.stakeholder is not None and action.stakeholder not in people:
            yield _unknown(("actions", a, "stakeholder"), "stakeholder", action.stakeholder, people)
        if action.objective and "/" not in action.objective and action.objective not in objectives:
            yield _unknown(
                ("actions", a, "objective"), "account objective", action.objective, objectives
            )


def _reporting_cycles(account: Account) -> Iterator[Finding]:
    index = {s.id: i for i, s in enumerate(account.stakeholders)}
    graph = nx.DiGraph()
    for person in account.stakeholders:
        if person.reports_to is not None and person.reports_to in index:
            graph.add_edge(person.id, person.reports_to)
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


def strategy_rules(strategy: Strategy) -> Iterator[Finding]:
    yield from duplicate_ids(strategy.gaps, ("gaps",))
    yield from duplicate_ids(strategy.map, ("map",))
    if strategy.intent is not None:
        yield from duplicate_ids(strategy.intent.goals, ("intent", "goals"))
    for o, objective in enumerate(strategy.map):
        yield from duplicate_ids(objective.kpis, ("map", o, "kpis"))
        yield from duplicate_ids(objective.tasks, ("map", o, "tasks"))

    index = {o.id: i for i, o in enumerate(strategy.map)}
    by_id = {o.id: o for o in strategy.map}
    graph = nx.DiGraph()
    graph.add_nodes_from(index)
    for o, objective in enumerate(strategy.map):
        for s, target in enumerate(objective.supports):
            loc = ("map", o, "supports", s)
            if target not in index:
                yield _unknown(loc, "objective", target, index)
                continue
            graph.add_edge(objective.id, target)
            if target == objective.id:
                yield Finding(loc, "cycle", f"`{target}` supports itself")
            elif (
                PERSPECTIVE_RANK[by_id[target].perspective]
                < PERSPECTIVE_RANK[objective.perspective]
            ):
                yield Finding(
                    loc,
                    "downward-support",
                    f"`{objective.id}` ({objective.perspective}) supports `{target}`"
                    f" ({by_id[target].perspective}), a lower perspective; cause → effect runs"
                    " learning → internal → customer → financial",
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
