"""The optional fields of the 2026-11-24 contract: accepted, checked, and kept through JSON."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError
from validate_support import ACCOUNT, diagnose, line_of

from kamsite.load import parse
from kamsite.model import Account
from kamsite.model.stakeholder import PersonStatus
from kamsite.model.strategy import Measure, StrategyKpi
from kamsite.schema import all_schemas
from kamsite.validate import validate_content

DESIGN = Path(__file__).parent / "fixtures" / "design" / "content"

# The new lines of the account example, as the contract writes them.
STAKEHOLDER_LINES = """\
    target: {attitude: supporter, by: 2027-06-30, relationship: {guidance: 3, information: 2}}
    key_person: true
    status: active
    since: 2026-09-01
"""
PLAN_SECTIONS = """\
engagements:
  - {id: exec-summit, what: Annual executive summit, cadence: annual, next: 2027-03-15,
     owner: wang-qiang}

resources:
  - {what: Dedicated solution architect, amount: 1.2, owner: zhao-min}
"""


def _design_with_new_fields(tmp_path: Path) -> Path:
    content = tmp_path / "content"
    shutil.copytree(DESIGN, content)
    plan = content / "accounts" / "northwind-telecom.yaml"
    text = plan.read_text(encoding="utf-8")
    edits = [
        (
            "    target: {attitude: supporter, by: 2027-06-30}    # optional relationship goal\n",
            STAKEHOLDER_LINES,
        ),
        (
            "    competitors: [apex-networks]\n\nobjectives:",
            "    competitors: [apex-networks]\n    owner: li-na\n"
            "    next_step: {what: Technical workshop with the planning team, due: 2026-12-05}\n"
            "    reason: Markdown\n\nobjectives:",
        ),
        (
            "    statement: Become second core-network supplier\n",
            "    statement: Become second core-network supplier\n"
            "    from: 2026-01-01\n    by: 2027-12-31\n",
        ),
        (
            "    stakeholder: chen-gang       # optional\n",
            "    stakeholder: chen-gang\n    stakeholders: [liu-yang]\n",
        ),
        ("\nreviews:\n", "\n" + PLAN_SECTIONS + "\nreviews:\n"),
        ("mitigation: ...}", "mitigation: ..., owner: li-na}"),
    ]
    for old, new in edits:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    plan.write_text(text, encoding="utf-8")
    return content


def test_the_contract_example_with_every_new_field_validates(tmp_path: Path) -> None:
    result = validate_content(_design_with_new_fields(tmp_path), cache_dir=False)
    assert result.diagnostics == []
    assert result.content is not None
    plan = result.content.accounts["northwind-telecom"]
    chen = plan.stakeholders[0]
    assert (chen.key_person, chen.status, chen.since) == (
        True,
        PersonStatus.active,
        dt.date(2026, 9, 1),
    )
    assert chen.target is not None and chen.target.relationship is not None
    assert (chen.target.relationship.guidance, chen.target.relationship.acceptance) == (3, None)
    deal = plan.opportunities[0]
    assert (deal.owner, deal.reason) == ("li-na", "Markdown")
    assert deal.next_step is not None and deal.next_step.due == dt.date(2026, 12, 5)
    goal = plan.objectives[0]
    assert (goal.from_, goal.by) == (dt.date(2026, 1, 1), dt.date(2027, 12, 31))
    assert plan.actions[0].stakeholders == ["liu-yang"]
    assert plan.engagements[0].cadence == "annual"
    assert plan.resources[0].amount == 1.2
    assert plan.risks[0].owner == "li-na"
    assert Account.model_validate_json(plan.model_dump_json(by_alias=True)) == plan


def _account(**changes: Any) -> dict[str, Any]:
    data = parse(ACCOUNT.encode()).data
    data.update(changes)
    return data


PERSON = {"id": "p", "name": "P", "influence": 3}


def test_defaults_keep_old_plans_unchanged() -> None:
    plan = Account.model_validate(_account())
    person = plan.stakeholders[0]
    assert (person.key_person, person.status, person.since) == (False, PersonStatus.active, None)
    assert (plan.engagements, plan.resources, plan.actions[0].stakeholders) == ([], [], [])
    assert (plan.objectives[0].from_, plan.objectives[0].by) == (None, None)


@pytest.mark.parametrize("status", ["left", "moved"])
def test_people_who_left_or_moved_need_the_date(status: str) -> None:
    with pytest.raises(ValidationError, match="needs `since`"):
        Account.model_validate(_account(stakeholders=[{**PERSON, "status": status}]))
    dated = {**PERSON, "status": status, "since": "2026-08-31"}
    assert Account.model_validate(_account(stakeholders=[dated])).stakeholders[0].status == status


@pytest.mark.parametrize(
    "broken",
    [
        {"stakeholders": [{**PERSON, "status": "retired", "since": "2026-01-01"}]},
        {"stakeholders": [{**PERSON, "key_person": "yes"}]},
        {
            "stakeholders": [
                {**PERSON, "target": {"attitude": "supporter", "relationship": {"guidance": 6}}}
            ]
        },
        {
            "stakeholders": [
                {**PERSON, "target": {"attitude": "supporter", "relationship": {"trust": 3}}}
            ]
        },
        {
            "opportunities": [
                {"id": "o", "name": "O", "stage": "qualify", "next_step": {"due": "2026-12-01"}}
            ]
        },
        {"engagements": [{"id": "e", "what": "E", "cadence": "weekly"}]},
        {"engagements": [{"what": "no id"}]},
        {"resources": [{"what": "R", "amount": -1}]},
        {"objectives": [{"id": "g", "statement": "G", "from": "2027-01-01", "by": "2026-12-31"}]},
        {"actions": [{"id": "a", "what": "A", "stakeholders": "chen-gang"}]},
    ],
    ids=[
        "unknown status",
        "yes is no boolean",
        "dimension target over 5",
        "unknown dimension",
        "next step without what",
        "unknown cadence",
        "engagement without id",
        "negative resource",
        "time frame ends before it starts",
        "stakeholders not a list",
    ],
)
def test_new_fields_are_checked(broken: dict[str, Any]) -> None:
    with pytest.raises(ValidationError):
        Account.model_validate(_account(**broken))


def test_objective_time_frame_is_reported_at_the_objective(tmp_path: Path) -> None:
    broken = ACCOUNT.replace(
        "    statement: Grow\n", "    statement: Grow\n    from: 2027-01-01\n    by: 2026-06-30\n"
    )
    [hit] = diagnose(tmp_path, accounts__acme=broken)
    assert (hit.code, hit.line) == ("schema", line_of(broken, "  - id: grow"))
    assert "objectives[0] grow: `by` 2026-06-30 is before `from` 2027-01-01" in hit.message


def test_strategy_kpis_take_a_measure_and_account_kpis_do_not() -> None:
    measured = {"id": "k", "name": "K", "measure": "plans_current"}
    kpi = StrategyKpi.model_validate(measured)
    assert (kpi.measure, kpi.actual) == (Measure.plans_current, None)
    assert StrategyKpi.model_validate_json(kpi.model_dump_json(by_alias=True)) == kpi
    definitions = all_schemas()["strategy"]["definitions"]
    measure = definitions["StrategyKpi"]["properties"]["measure"]
    assert "由客户数据计算" in measure["description"]
    assert definitions["Measure"]["enum"] == [m.value for m in Measure]
    assert "measure" not in all_schemas()["account"]["definitions"]["Kpi"]["properties"]
    with pytest.raises(ValidationError, match="Extra inputs"):
        Account.model_validate(
            _account(objectives=[{"id": "g", "statement": "G", "kpis": [measured]}])
        )
