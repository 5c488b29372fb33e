"""networkx graphs of an account's decision chain and a strategy map, and what they tell.

The analysis feeds pages and flags: who nobody on our side owns, who brokers
influence, how our champions reach the decision makers, and broken hierarchies.
References to unknown stakeholders or objectives are skipped, not raised:
validation reports them, and a picture of a half-valid plan still helps.
"""

from __future__ import annotations

from dataclasses import dataclass

import networkx as nx

from kamsite.model.account import Account, Attitude, Role
from kamsite.model.strategy import Strategy

# The buying-center roles whose absence DESIGN.md §5 wants to see, in display order.
KEY_ROLES = (
    Role.decision_maker,
    Role.economic_buyer,
    Role.technical_buyer,
    Role.user_buyer,
    Role.coach,
)
DECIDING_ROLES = frozenset({Role.decision_maker, Role.economic_buyer})


def reports_graph(account: Account) -> nx.DiGraph:
    """Edges boss → report, one node per stakeholder."""
    graph = nx.DiGraph()
    known = {s.id for s in account.stakeholders}
    graph.add_nodes_from(sorted(known))
    for person in account.stakeholders:
        if person.reports_to in known:
            graph.add_edge(person.reports_to, person.id)
    return graph


def levels(account: Account) -> dict[str, int]:
    """Depth in the reporting hierarchy: 0 for whoever reports to nobody we know.

    Counting stops when a `reports_to` cycle (an error of validation) comes round.
    """
    graph = reports_graph(account)
    boss = {report: superior for superior, report in graph.edges}
    depth = {}
    for person in graph:
        seen = {person}
        current = person
        while current in boss and boss[current] not in seen:
            current = boss[current]
            seen.add(current)
        depth[person] = len(seen) - 1
    return depth


def influence_graph(account: Account) -> nx.DiGraph:
    """Who can move whom: informal `influences` plus authority (boss → report).

    Each edge carries `reports` (a reporting line) and `strength` (of the informal
    influence, or None): one pair of people can be linked both ways at once.
    """
    graph = nx.DiGraph()
    graph.add_nodes_from(sorted(s.id for s in account.stakeholders))
    for boss, report in reports_graph(account).edges:
        graph.add_edge(boss, report, reports=True, strength=None)
    for person in sorted(account.stakeholders, key=lambda s: s.id):
        for link in person.influences:
            if link.to in graph and link.to != person.id:
                if not graph.has_edge(person.id, link.to):
                    graph.add_edge(person.id, link.to, reports=False)
                graph.edges[person.id, link.to]["strength"] = link.strength.value
    return graph


def unowned(account: Account) -> list[str]:
    """Stakeholders nobody on our side owns, most influential first."""
    people = [s for s in account.stakeholders if s.owner is None]
    return [s.id for s in sorted(people, key=lambda s: (-s.influence, s.id))]


def missing_roles(account: Account) -> list[Role]:
    """Key buying-center roles that no stakeholder holds: gaps to show, not infer."""
    held = {role for person in account.stakeholders for role in person.roles}
    return [role for role in KEY_ROLES if role not in held]


def central_influencers(account: Account, top: int = 3) -> list[tuple[str, float]]:
    """Brokers of influence: highest betweenness centrality, ties by id, zeros left out."""
    centrality = nx.betweenness_centrality(influence_graph(account), normalized=True)
    ranked = sorted(
        ((node, value) for node, value in centrality.items() if value > 0),
        key=lambda item: (-round(item[1], 6), item[0]),
    )
    return ranked[:top]


@dataclass(frozen=True)
class InfluencePath:
    """A shortest chain of influence from one of our champions to a decision maker."""

    champion: str
    decision_maker: str
    path: tuple[str, ...]


def champion_paths(account: Account) -> list[InfluencePath]:
    """Shortest paths champion → decision maker / economic buyer, sorted; unreachable omitted.

    Among equally short paths the lexicographically smallest is taken, so the
    answer never depends on the order of the YAML.
    """
    graph = influence_graph(account)
    champions = sorted(s.id for s in account.stakeholders if s.attitude is Attitude.champion)
    deciders = sorted(s.id for s in account.stakeholders if DECIDING_ROLES.intersection(s.roles))
    found = []
    for champion in champions:
        for decider in deciders:
            if champion == decider or not nx.has_path(graph, champion, decider):
                continue
            path = min(nx.all_shortest_paths(graph, champion, decider))
            found.append(InfluencePath(champion, decider, tuple(path)))
    return found


def reports_to_cycles(account: Account) -> list[tuple[str, ...]]:
    """Each `reports_to` cycle once, starting at its smallest id (validation makes it an error)."""
    cycles = []
    for cycle in nx.simple_cycles(reports_graph(account)):
        start = cycle.index(min(cycle))
        cycles.append(tuple(cycle[start:] + cycle[:start]))
    return sorted(cycles)


def strategy_graph(strategy: Strategy) -> nx.DiGraph:
    """Objectives with `perspective`, edges cause → effect along `supports`."""
    graph = nx.DiGraph()
    for objective in sorted(strategy.map, key=lambda o: o.id):
        graph.add_node(objective.id, perspective=objective.perspective.value, csf=objective.csf)
    for objective in strategy.map:
        for target in objective.supports:
            if target in graph and target != objective.id:
                graph.add_edge(objective.id, target)
    return graph
