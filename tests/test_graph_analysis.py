"""What the decision chain and strategy map tell, computed with networkx."""

from __future__ import annotations

from test_graph_support import account, objective, person, strategy

from kamsite.graph import (
    InfluencePath,
    central_influencers,
    champion_paths,
    influence_graph,
    missing_roles,
    reports_to_cycles,
    strategy_graph,
    unowned,
)
from kamsite.model.account import Role

PEOPLE = [
    person("ceo", roles=["decision_maker"], influence=5, owner="li-na"),
    person("cfo", roles=["economic_buyer"], influence=4, reports_to="ceo"),
    person("pm", influence=2, attitude="champion", influences=[{"to": "hub"}]),
    person("hub", influence=3, influences=[{"to": "cfo", "strength": "strong"}]),
    person("eng", influence=4, attitude="champion", reports_to="cfo", owner="li-na"),
]


def test_unowned_most_influential_first() -> None:
    assert unowned(account(PEOPLE)) == ["cfo", "hub", "pm"]


def test_missing_roles_in_display_order() -> None:
    assert missing_roles(account(PEOPLE)) == [Role.technical_buyer, Role.user_buyer, Role.coach]


def test_influence_graph_keeps_reporting_line_and_influence_on_one_pair() -> None:
    both = [person("a"), person("b", reports_to="a", influences=[{"to": "a"}]),
            person("c", influences=[{"to": "b", "strength": "weak"}, {"to": "ghost"}])]  # fmt: skip
    graph = influence_graph(account(both))
    assert graph.edges["a", "b"] == {"reports": True, "strength": None}
    assert graph.edges["b", "a"] == {"reports": False, "strength": "medium"}
    assert graph.edges["c", "b"]["strength"] == "weak"
    assert "ghost" not in graph


def test_central_influencers_are_the_brokers() -> None:
    ranked = central_influencers(account(PEOPLE))
    assert [node for node, _ in ranked] == ["cfo", "hub"]
    assert ranked[0][1] > 0


def test_paths_from_champions_to_decision_makers() -> None:
    paths = champion_paths(account(PEOPLE))
    assert paths == [InfluencePath("pm", "cfo", ("pm", "hub", "cfo"))]


def test_reports_to_cycles_found_once() -> None:
    loop = [person("a", reports_to="c"), person("b", reports_to="a"), person("c", reports_to="b"),
            person("d", reports_to="d")]  # fmt: skip
    assert reports_to_cycles(account(loop)) == [("a", "b", "c"), ("d",)]
    assert reports_to_cycles(account(PEOPLE)) == []


def test_strategy_graph_is_cause_to_effect() -> None:
    plan = strategy(
        [objective("x", "learning", supports=["y", "nowhere"]), objective("y", "financial")]
    )
    graph = strategy_graph(plan)
    assert list(graph.edges) == [("x", "y")]
    assert graph.nodes["y"]["perspective"] == "financial"
