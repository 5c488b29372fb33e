"""Validation in one round: every finding of a broken plan at once, each said once and plainly."""

from __future__ import annotations

from pathlib import Path

import pytest
from validate_support import ACCOUNT, PORTFOLIO, STRATEGY, TEAM, diagnose, line_of

from kamsite.diagnostics import Diagnostic

ACC = "content/accounts/acme.yaml"


def found(diags: list[Diagnostic], path: str = ACC) -> list[tuple[str, int]]:
    return sorted((d.code, d.line) for d in diags if d.path == path)


def test_schema_errors_do_not_hide_reference_errors(tmp_path: Path) -> None:
    """The reports_to typo and the unknown owner come in the same run as the bad tier."""
    broken = (
        ACCOUNT.replace("tier: key", "tier: vip")
        .replace("reports_to: boss", "reports_to: bos")
        .replace("    influence: 4\n", "    influence: 4\n    owner: zhang-wei\n")
        .replace("    kpis: [", "    contributes_to: [plan/profit]\n    kpis: [")
    )
    broken = broken.replace("    contributes_to: [plan/revenue]\n", "")
    assert found(diagnose(tmp_path, accounts__acme=broken)) == [
        ("schema", line_of(broken, "tier: vip")),
        ("unknown-ref", line_of(broken, "owner: zhang-wei")),
        ("unknown-ref", line_of(broken, "reports_to: bos")),
        ("unknown-ref", line_of(broken, "plan/profit")),
    ]


def test_a_team_file_with_a_schema_error_still_names_its_members(tmp_path: Path) -> None:
    team = TEAM.replace("{id: li-na, name: Li Na}", "{id: li-na, name: Li Na, rank: 3}")
    diags = diagnose(tmp_path, team=team)
    assert [(d.path, d.code) for d in diags] == [("content/team.yaml", "unknown-key")]


def test_an_unreadable_file_causes_no_unknown_references_elsewhere(tmp_path: Path) -> None:
    """A strategy or team that does not parse: its ids are not known to be missing."""
    diags = diagnose(tmp_path, team="kind: team\nmembers: [\n", strategies__plan="title: [\n")
    assert {(d.path, d.code) for d in diags} == {
        ("content/team.yaml", "yaml-syntax"),
        ("content/strategies/plan.yaml", "yaml-syntax"),
    }


def test_an_account_with_schema_errors_is_still_known_to_strategies(tmp_path: Path) -> None:
    strategy = STRATEGY.replace(
        "owner: wang-qiang\n", "owner: wang-qiang\nscope: account\naccount: acme\n"
    )
    diags = diagnose(
        tmp_path,
        accounts__acme=ACCOUNT.replace("tier: key", "tier: vip"),
        strategies__plan=strategy,
    )
    assert [(d.path, d.code) for d in diags] == [(ACC, "schema")]


def test_in_file_rules_run_on_a_file_with_schema_errors(tmp_path: Path) -> None:
    broken = ACCOUNT.replace("tier: key", "tier: vip").replace(
        "    influences: [{to: boss, strength: strong}]", "    influences: [{to: bos}]"
    )
    broken = broken.replace("  - id: cto\n", "  - id: boss\n")
    codes = found(diagnose(tmp_path, accounts__acme=broken))
    assert ("duplicate-id", line_of(broken, "  - id: boss", 2)) in codes
    assert ("unknown-ref", line_of(broken, "{to: bos}")) in codes


def test_one_diagnostic_per_place(tmp_path: Path) -> None:
    """A reference that breaks the id pattern is a schema error, not also an unknown one."""
    broken = (
        ACCOUNT.replace("owner: li-na\nsponsor", "owner: Li-Na\nsponsor")
        .replace("reports_to: boss", "reports_to: Boss")
        .replace("sponsor: wang-qiang", "sponsor: wang-qiangg")
    )
    assert found(diagnose(tmp_path, accounts__acme=broken)) == [
        ("schema", line_of(broken, "owner: Li-Na")),
        ("schema", line_of(broken, "reports_to: Boss")),
        ("unknown-ref", line_of(broken, "sponsor: wang-qiangg")),
    ]


def test_did_you_mean_only_for_close_matches(tmp_path: Path) -> None:
    typo = ACCOUNT.replace("owner: li-na\nsponsor", "owner: li-nah\nsponsor")
    [hit] = diagnose(tmp_path, accounts__acme=typo)
    assert "did you mean `li-na`?" in hit.message
    other = ACCOUNT.replace("owner: li-na\nsponsor", "owner: li-ming\nsponsor")
    [hit] = diagnose(tmp_path, accounts__acme=other)
    assert "unknown team member `li-ming`" in hit.message
    assert "did you mean" not in hit.message


def test_every_place_of_one_unknown_member_is_reported_once(tmp_path: Path) -> None:
    """Without a misleading hint: `li-ming` is not a typo of `li-na`."""
    broken = ACCOUNT.replace("li-na", "li-ming")
    diags = diagnose(tmp_path, accounts__acme=broken)
    lines = [d.line for d in diags]
    assert {d.code for d in diags} == {"unknown-ref"}
    assert len(lines) == len(set(lines)) == 3  # owner, the action's owner, the review's `by`
    assert not any("did you mean" in d.message for d in diags)


def test_list_items_are_named_by_their_id(tmp_path: Path) -> None:
    broken = ACCOUNT.replace("    influence: 4\n", "    influence: 9\n").replace(
        "    name: The Boss\n", ""
    )
    messages = sorted(d.message for d in diagnose(tmp_path, accounts__acme=broken))
    assert messages == [
        "stakeholders[0] boss: required field `name` is missing",
        "stakeholders[1] cto.influence: 9 is out of range; must be at most 5",
    ]


@pytest.mark.parametrize(
    ("lists", "second"),
    [
        (
            "stakeholder and risk",
            "risks:\n  - {id: boss, what: Budget, likelihood: 2, impact: 3}\n",
        ),
        ("KPI and action", "engagements:\n  - {id: share, what: Monthly review}\n"),
    ],
)
def test_ids_are_unique_across_the_lists_of_an_account(
    tmp_path: Path, lists: str, second: str
) -> None:
    broken = ACCOUNT + second
    [hit] = diagnose(tmp_path, accounts__acme=broken)
    assert (hit.code, hit.line) == ("duplicate-id", len(broken.splitlines()))
    assert "is also used by" in hit.message


def test_strategy_ids_stay_unique_per_list(tmp_path: Path) -> None:
    """Tasks `t1` under two objectives are fine: strategy pages anchor per objective."""
    strategy = STRATEGY.replace(
        "    supports: [revenue]\n",
        "    supports: [revenue]\n    tasks: [{id: t1, what: Visit}]\n",
    )
    twice = strategy.replace("owner: li-na}]", "owner: li-na}, {id: t1, what: Again}]")
    [hit] = diagnose(tmp_path, strategies__plan=twice)
    assert hit.code == "duplicate-id" and "unique within their objective" in hit.message
    assert diagnose(tmp_path / "fine", strategies__plan=strategy) == []


NEW_REFERENCES = [
    ("opportunity owner", "amount: 10,", "amount: 10, owner: nobody,", "owner: nobody"),
    (
        "action stakeholders",
        "stakeholder: boss,",
        "stakeholder: boss, stakeholders: [cto, nobody],",
        "nobody",
    ),
]


@pytest.mark.parametrize(
    ("name", "old", "new", "needle"), NEW_REFERENCES, ids=[n[0] for n in NEW_REFERENCES]
)
def test_new_references_are_checked(
    tmp_path: Path, name: str, old: str, new: str, needle: str
) -> None:
    broken = ACCOUNT.replace(old, new)
    [hit] = diagnose(tmp_path, accounts__acme=broken)
    assert (hit.code, hit.line) == ("unknown-ref", line_of(broken, needle))


@pytest.mark.parametrize("section", ["engagements", "resources"])
def test_owners_of_engagements_and_resources_are_team_members(tmp_path: Path, section: str) -> None:
    item = (
        "{id: x, what: X, owner: li-ma}" if section == "engagements" else "{what: X, owner: li-ma}"
    )
    broken = f"{ACCOUNT}{section}:\n  - {item}\n"
    [hit] = diagnose(tmp_path, accounts__acme=broken)
    assert (hit.code, hit.line) == ("unknown-ref", len(broken.splitlines()))
    assert "did you mean `li-na`?" in hit.message


FUTURE = [
    ("reviewed", "tier: key\n", "tier: key\nreviewed: 2062-10-28\n", "reviewed: 2062"),
    (
        "last_contact",
        "    prefers: rival\n",
        "    prefers: rival\n    last_contact: 2026-12-03\n",
        "last_contact",
    ),
    (
        "since",
        "    prefers: rival\n",
        "    prefers: rival\n    status: moved\n    since: 2027-11-01\n",
        "since:",
    ),
    ("a review's date", "{date: 2026-09-30,", "{date: 2027-09-30,", "2027-09-30"),
]


@pytest.mark.parametrize(("name", "old", "new", "needle"), FUTURE, ids=[f[0] for f in FUTURE])
def test_dates_far_past_as_of_are_a_warning(
    tmp_path: Path, name: str, old: str, new: str, needle: str
) -> None:
    broken = ACCOUNT.replace(old, new)
    [hit] = diagnose(tmp_path, accounts__acme=broken)
    assert (hit.code, hit.severity, hit.line) == ("future-date", "warning", line_of(broken, needle))
    assert "as_of 2026-11-01" in hit.message


def test_up_to_31_days_ahead_is_no_typo(tmp_path: Path) -> None:
    """as_of 2026-11-01: a call booked for 2026-12-02 is planned, not a slip; 12-03 is."""
    for day, expected in (("02", []), ("03", ["future-date"])):
        broken = ACCOUNT.replace(
            "    prefers: rival\n", f"    prefers: rival\n    last_contact: 2026-12-{day}\n"
        )
        diags = diagnose(tmp_path / day, accounts__acme=broken)
        assert [d.code for d in diags] == expected


def test_without_as_of_the_environment_sets_the_date(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KAMSITE_AS_OF", "2062-10-01")
    portfolio = PORTFOLIO.replace("as_of: 2026-11-01\n", "")
    broken = ACCOUNT.replace("tier: key\n", "tier: key\nreviewed: 2062-10-28\n")
    assert diagnose(tmp_path / "late", portfolio=portfolio, accounts__acme=broken) == []
    monkeypatch.setenv("KAMSITE_AS_OF", "2026-11-01")
    [hit] = diagnose(tmp_path / "now", portfolio=portfolio, accounts__acme=broken)
    assert hit.code == "future-date"


def test_a_defaulted_time_frame_must_not_run_backwards(tmp_path: Path) -> None:
    """Fiscal year 2026: an objective ending in 2025 needs its own `from`."""
    broken = ACCOUNT.replace("    statement: Grow\n", "    statement: Grow\n    by: 2025-12-31\n")
    [hit] = diagnose(tmp_path, accounts__acme=broken)
    assert (hit.code, hit.line) == ("schema", line_of(broken, "by: 2025-12-31"))
    later = ACCOUNT.replace("    statement: Grow\n", "    statement: Grow\n    from: 2027-01-01\n")
    [hit] = diagnose(tmp_path / "later", accounts__acme=later)
    assert (hit.code, hit.line) == ("schema", line_of(later, "from: 2027-01-01"))


SLIPS = [
    (
        "unquoted colon in text",
        ("    statement: Grow\n", "    statement: Phase 2: grow\n"),
        "statement: Phase 2",
        "mapping values are not allowed",
        'put it in quotes: statement: "Phase 2: grow"',
    ),
    (
        "a tab",
        ("    name: The CTO\n", "\tname: The CTO\n"),
        "name: The CTO",
        "found a tab character",
        "indent with spaces",
    ),
    (
        "mis-indented list item",
        ("  - id: cto\n", "   - id: cto\n"),
        "   - id: cto",
        "did not find expected '-' indicator",
        "start every `- ` of one list in the same column",
    ),
]


@pytest.mark.parametrize(
    ("name", "edit", "needle", "parser", "hint"), SLIPS, ids=[s[0] for s in SLIPS]
)
def test_common_yaml_slips_get_a_plain_hint_beside_the_parser_message(
    tmp_path: Path, name: str, edit: tuple[str, str], needle: str, parser: str, hint: str
) -> None:
    broken = ACCOUNT.replace(*edit)
    [hit] = diagnose(tmp_path, accounts__acme=broken)
    assert (hit.code, hit.line) == ("yaml-syntax", line_of(broken, needle))
    assert parser in hit.message and hint in hit.message
