"""People who left or moved (DESIGN.md §4): listed, and counted in no score, check or flag.

And the one definition each of an active stakeholder and of overdue that every score,
check, flag, page and the review report use."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import pytest
from score_support import AS_OF, clean, person, rel, score_one, scores

from kamsite.evidence import evidence_text
from kamsite.model.account import Account, Action
from kamsite.model.common import Status
from kamsite.model.execution import is_overdue
from kamsite.model.portfolio import Language, Stage
from kamsite.score import to_json

KAMSITE = Path(__file__).resolve().parent.parent / "kamsite"
STAKEHOLDERS = clean()[
    "stakeholders"
]  # boss (DM, champion), buyer (EB, supporter), insider (coach)


def gone(pid: str, status: str = "left", **fields: Any) -> dict[str, Any]:
    return person(pid, status=status, since="2026-09-01", **fields)


# Each of these would raise a flag or fail a check while active: an unowned opponent CEO of
# influence 5 never contacted, and a skeptical economic buyer who scores R = 100.
DEPARTED = [
    gone(
        "old-ceo",
        influence=5,
        roles=["decision_maker"],
        attitude="opponent",
        owner=None,
        last_contact=None,
        relationship=rel(0, 0, 0, 0, 0, 0),
    ),
    gone(
        "old-cfo",
        "moved",
        influence=4,
        roles=["economic_buyer"],
        attitude="skeptic",
        relationship=rel(5, 5, 5, 5, 5, 5),
    ),
]


def test_people_who_left_or_moved_take_part_in_no_score_check_or_flag() -> None:
    boss = STAKEHOLDERS[0] | {"relationship": rel(3, 3, 3, 3, 3, 3)}  # R = 60
    s = score_one(clean(stakeholders=[boss, *STAKEHOLDERS[1:], *DEPARTED]))
    assert s.flags == ()  # no OPPONENT_DECISION_MAKER, KEY_STAKEHOLDER_UNOWNED, GOING_COLD
    assert s.plan_completeness == 100  # check 4: the unowned CEO is gone
    # DC over the active deciders boss and buyer, both on side: 2 / 2 (with the others, 2 / 4)
    assert s.decision_coverage == 1.0
    # H over the active assessed: boss alone, 60 (with the others, (5·60 + 5·0 + 4·100) / 14 = 50)
    assert s.relationship_health == pytest.approx(60.0)
    assert list(s.stakeholders) == ["boss", "buyer", "insider"]


def test_the_json_lists_active_stakeholders_only() -> None:
    data = to_json(scores([clean(stakeholders=[*STAKEHOLDERS, *DEPARTED])]))
    (account,) = data["accounts"]
    assert [p["id"] for p in account["stakeholders"]] == ["boss", "buyer", "insider"]


def test_a_departure_can_open_a_gap() -> None:
    """The only decision maker and the coach left: checks 2 and 3 fail, the flags follow."""
    people = [
        gone("boss", influence=5, roles=["decision_maker"], attitude="champion"),
        STAKEHOLDERS[1],
        gone("insider", "moved", roles=["coach"], attitude="supporter"),
    ]
    s = score_one(clean(stakeholders=people))
    assert [c.number for c in s.checks if not c.passed] == [2, 3]  # 1 active of 3; no DM
    assert s.flag_codes == ("NO_COACH", "SINGLE_THREADED")
    assert evidence_text(s.flags[1].evidence[0], Language.en) == (
        "stakeholders with an owner on our side: 1, 3 needed"
    )
    assert s.decision_coverage == 1.0  # buyer, a supporter, is the one active decider


def test_decision_coverage_zero_names_active_deciders_only() -> None:
    people = [
        person("ceo", influence=3, roles=["decision_maker"], attitude="neutral"),
        gone("old", roles=["economic_buyer"], attitude="champion"),
        person("fan", roles=["coach"]),
    ]
    s = score_one(clean(stakeholders=people))
    assert s.decision_coverage == 0  # 0 of 1; counting the champion who left would give 1 / 2
    assert s.flag_codes == ("DECISION_MAKER_UNCOVERED", "SINGLE_THREADED")
    assert [e.ref for e in s.flags[0].evidence] == [("stakeholders", "ceo")]


def test_active_is_the_status() -> None:
    account = Account.model_validate(clean(stakeholders=[*STAKEHOLDERS, *DEPARTED]))
    assert [p.id for p in account.active_stakeholders] == ["boss", "buyer", "insider"]
    assert [p.active for p in account.stakeholders] == [True, True, True, False, False]


@pytest.mark.parametrize(
    ("due", "status", "overdue"),
    [
        (AS_OF - dt.timedelta(days=1), Status.planned, True),
        (AS_OF - dt.timedelta(days=1), Status.in_progress, True),
        (AS_OF - dt.timedelta(days=1), Status.blocked, True),
        (AS_OF, Status.planned, False),  # due today is not late yet
        (AS_OF - dt.timedelta(days=1), Status.done, False),
        (AS_OF - dt.timedelta(days=1), Status.dropped, False),
        (None, Status.planned, False),
        (AS_OF - dt.timedelta(days=1), Stage.negotiate, True),  # a deal's next step
        (AS_OF - dt.timedelta(days=1), Stage.won, False),
        (AS_OF - dt.timedelta(days=1), Stage.lost, False),
    ],
)
def test_one_definition_of_overdue(
    due: dt.date | None, status: Status | Stage, overdue: bool
) -> None:
    assert is_overdue(due, status, AS_OF) is overdue


def test_an_action_aims_at_stakeholder_and_stakeholders_alike() -> None:
    action = Action.model_validate(
        {"id": "a", "what": "W", "stakeholder": "ceo", "stakeholders": ["cfo", "ceo", "cto"]}
    )
    assert action.people == ("ceo", "cfo", "cto")
    assert Action.model_validate({"id": "b", "what": "W", "stakeholders": ["x"]}).people == ("x",)


def _sources(*parts: str) -> dict[str, str]:
    return {
        str(p.relative_to(KAMSITE)): p.read_text(encoding="utf-8")
        for part in parts
        for p in sorted((KAMSITE / part).rglob("*.py"))
    }


def test_no_second_definition_of_active_or_overdue() -> None:
    """Scores, pages, graphs and the review report ask the model; none re-derives the rule."""
    found = []
    for path, text in _sources("score", "pages", "graph", "diff").items():
        for pattern in (
            r"OPEN_STATUSES",
            r"PersonStatus\.",
            r"\bdue\s*[<>]=?",
            r"[<>]=?\s*(self\.)?as_of\b",
        ):
            found += [f"{path}: {m.group(0)}" for m in re.finditer(pattern, text)]
    assert found == []


def test_scores_loop_over_active_stakeholders_only() -> None:
    found = [
        f"{path}: {m.group(0)}"
        for path, text in _sources("score").items()
        for m in re.finditer(r"for \w+ in \w+\.stakeholders\b", text)
    ]
    assert found == []
