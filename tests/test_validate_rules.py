"""Every rule of DESIGN.md §3 with a broken file: exact code, file and line."""

from __future__ import annotations

from pathlib import Path

import pytest
from validate_support import ACCOUNT, PORTFOLIO, STRATEGY, TEAM, diagnose, line_of

from kamsite.validate import validate_content

ACC = "content/accounts/acme.yaml"
STRAT = "content/strategies/plan.yaml"


def only(diags: list, code: str) -> list:
    return [d for d in diags if d.code == code]


def test_base_portfolio_is_clean(tmp_path: Path) -> None:
    assert diagnose(tmp_path) == []


def test_design_examples_validate_clean() -> None:
    root = Path(__file__).parent / "fixtures" / "design" / "content"
    result = validate_content(root, cache_dir=False)
    assert result.diagnostics == []
    assert result.content is not None
    assert list(result.content.accounts) == ["northwind-telecom"]


# (description, file, replacement text, expected code, needle for the line, severity)
BROKEN = [
    (
        "reports_to unknown",
        "accounts/acme.yaml",
        ACCOUNT.replace("reports_to: boss", "reports_to: bos"),
        "unknown-ref",
        "reports_to: bos",
    ),
    (
        "influences.to unknown",
        "accounts/acme.yaml",
        ACCOUNT.replace("{to: boss, strength: strong}", "{to: nobody, strength: strong}"),
        "unknown-ref",
        "to: nobody",
    ),
    (
        "reports_to cycle",
        "accounts/acme.yaml",
        ACCOUNT.replace(
            "    roles: [decision_maker]\n", "    roles: [decision_maker]\n    reports_to: cto\n"
        ),
        "cycle",
        "reports_to: cto",
    ),
    (
        "reports to itself",
        "accounts/acme.yaml",
        ACCOUNT.replace("reports_to: boss", "reports_to: cto"),
        "cycle",
        "reports_to: cto",
    ),
    (
        "unknown team member",
        "accounts/acme.yaml",
        ACCOUNT.replace("owner: li-na\nsponsor", "owner: li-nah\nsponsor"),
        "unknown-ref",
        "owner: li-nah",
    ),
    (
        "unknown competitor in ratings",
        "accounts/acme.yaml",
        ACCOUNT.replace("{us: 4, rival: 5}", "{us: 4, rivals: 5}"),
        "unknown-ref",
        "rivals: 5",
    ),
    (
        "unknown competitor in prefers",
        "accounts/acme.yaml",
        ACCOUNT.replace("prefers: rival", "prefers: other"),
        "unknown-ref",
        "prefers: other",
    ),
    (
        "unknown strategy objective",
        "accounts/acme.yaml",
        ACCOUNT.replace("[plan/revenue]", "[plan/profit]"),
        "unknown-ref",
        "plan/profit",
    ),
    (
        "unknown stakeholder in opportunity",
        "accounts/acme.yaml",
        ACCOUNT.replace("stakeholders: [cto]", "stakeholders: [ceo]"),
        "unknown-ref",
        "stakeholders: [ceo]",
    ),
    (
        "duplicate stakeholder id",
        "accounts/acme.yaml",
        ACCOUNT.replace("  - id: cto\n", "  - id: boss\n"),
        "duplicate-id",
        "  - id: boss",
    ),
    (
        "two revenue rows for one year",
        "accounts/acme.yaml",
        ACCOUNT.replace("{year: 2026, actual: 8", "{year: 2025, actual: 8"),
        "duplicate-id",
        "{year: 2025, actual: 8",
    ),
    (
        "rating out of range",
        "accounts/acme.yaml",
        ACCOUNT.replace("{us: 4, rival: 5}", "{us: 4, rival: 6}"),
        "schema",
        "rival: 6",
    ),
    (
        "score out of range",
        "accounts/acme.yaml",
        ACCOUNT.replace("innovation: {score: 4}", "innovation: {score: 0}"),
        "schema",
        "innovation: {score: 0}",
    ),
    (
        "assessment missing a criterion",
        "accounts/acme.yaml",
        ACCOUNT.replace("    innovation: {score: 4}\n", ""),
        "missing-criterion",
        "  attractiveness:",
    ),
    (
        "id not matching the file name",
        "accounts/acme.yaml",
        ACCOUNT.replace("id: acme", "id: acme-corp"),
        "id-mismatch",
        "id: acme-corp",
    ),
    (
        "supports cycle",
        "strategies/plan.yaml",
        STRATEGY.replace(
            "    title: Revenue\n    supports: []", "    title: Revenue\n    supports: [skills]"
        ),
        "cycle",
        "supports: [skills]",
    ),
    (
        "supports unknown objective",
        "strategies/plan.yaml",
        STRATEGY.replace("supports: [loyalty]", "supports: [loyality]"),
        "unknown-ref",
        "supports: [loyality]",
    ),
    (
        "strategy for an unknown account",
        "strategies/plan.yaml",
        STRATEGY.replace(
            "owner: wang-qiang\n", "owner: wang-qiang\nscope: account\naccount: nope\n"
        ),
        "unknown-ref",
        "account: nope",
    ),
    (
        "typo'd key",
        "accounts/acme.yaml",
        ACCOUNT.replace("sponsor: wang-qiang", "sponser: wang-qiang"),
        "unknown-key",
        "sponser:",
    ),
    (
        "wrong type",
        "accounts/acme.yaml",
        ACCOUNT.replace("influence: 4", 'influence: "4"'),
        "schema",
        'influence: "4"',
    ),
    (
        "bad enum",
        "accounts/acme.yaml",
        ACCOUNT.replace("tier: key", "tier: vip"),
        "schema",
        "tier: vip",
    ),
    (
        "uppercase inner id",
        "accounts/acme.yaml",
        ACCOUNT.replace("  - id: cto", "  - id: CTO"),
        "schema",
        "id: CTO",
    ),
    (
        "invalid date",
        "accounts/acme.yaml",
        ACCOUNT.replace("due: 2026-12-01", "due: 2026-02-30"),
        "schema",
        "2026-02-30",
    ),
    (
        "yes is not a boolean",
        "strategies/plan.yaml",
        STRATEGY.replace("    title: Loyalty\n", "    title: Loyalty\n    csf: yes\n"),
        "schema",
        "csf: yes",
    ),
    (
        "missing required field",
        "accounts/acme.yaml",
        ACCOUNT.replace("    name: The CTO\n", ""),
        "schema",
        "  - id: cto",
    ),
    (
        "duplicate YAML key",
        "accounts/acme.yaml",
        ACCOUNT.replace("tier: key\n", "tier: key\ntier: strategic\n"),
        "yaml-syntax",
        "tier: strategic",
    ),
    (
        "weights do not sum to one",
        "portfolio.yaml",
        PORTFOLIO + "scoring:\n  strength:\n    offer_fit: {weight: 0.5}\n"
        "    relationship_depth: {weight: 0.2}\n"
        "    share_of_wallet: {weight: 0.2}\n    delivery_record: {weight: 0.2}\n",
        "weights-sum",
        "  strength:",
    ),
    (
        "measure together with actual",
        "strategies/plan.yaml",
        STRATEGY.replace(
            "    title: Revenue\n",
            "    title: Revenue\n    kpis:\n      - id: rev\n        name: Revenue\n"
            "        actual: 3\n        measure: revenue_actual\n",
        ),
        "schema",
        "measure: revenue_actual",
    ),
    (
        "unknown measure",
        "strategies/plan.yaml",
        STRATEGY.replace(
            "    title: Revenue\n",
            "    title: Revenue\n    kpis: [{id: rev, name: Revenue, measure: revenue}]\n",
        ),
        "schema",
        "measure: revenue",
    ),
    (
        "measure on an account objective's KPI",
        "accounts/acme.yaml",
        ACCOUNT.replace(
            "{id: share, name: Share, baseline: 1, target: 3, actual: 2}",
            "{id: share, name: Share, baseline: 1, target: 3, measure: revenue_actual}",
        ),
        "unknown-key",
        "measure: revenue_actual",
    ),
    (
        "duplicate team member",
        "team.yaml",
        TEAM + "  - {id: li-na, name: Li Na Two}\n",
        "duplicate-id",
        "Li Na Two",
    ),
]


@pytest.mark.parametrize(
    ("name", "replacement", "code", "needle"),
    [(f, r, c, n) for _, f, r, c, n in BROKEN],
    ids=[b[0] for b in BROKEN],
)
def test_broken_file_reports_code_file_and_line(
    tmp_path: Path, name: str, replacement: str, code: str, needle: str
) -> None:
    diags = diagnose(tmp_path, **{name.replace("/", "__"): replacement})
    hits = only(diags, code)
    assert hits, f"expected {code}, got {[str(d) for d in diags]}"
    hit = hits[0]
    assert hit.path == f"content/{name}"
    last = len([ln for ln in replacement.splitlines() if needle in ln])
    assert hit.line == line_of(replacement, needle, last), str(hit)
    assert hit.severity == "error"


def test_downward_support_is_a_warning(tmp_path: Path) -> None:
    broken = STRATEGY.replace(
        "    title: Revenue\n    supports: []", "    title: Revenue\n    supports: [loyalty]"
    )
    broken = broken.replace("    supports: [revenue]", "    supports: []")
    diags = diagnose(tmp_path, strategies__plan=broken)
    assert [(d.code, d.severity, d.line) for d in diags] == [
        ("downward-support", "warning", line_of(broken, "supports: [loyalty]"))
    ]


def test_hints_name_the_close_key(tmp_path: Path) -> None:
    broken = ACCOUNT.replace("sponsor: wang-qiang", "sponser: wang-qiang")
    [hit] = diagnose(tmp_path, accounts__acme=broken)
    assert "did you mean `sponsor`?" in hit.message


def test_unknown_criterion_is_an_unknown_key_with_hint(tmp_path: Path) -> None:
    broken = ACCOUNT.replace("innovation: {score: 4}", "inovation: {score: 4}")
    codes = {(d.code, d.line) for d in diagnose(tmp_path, accounts__acme=broken)}
    assert ("unknown-key", line_of(broken, "inovation")) in codes
    assert ("missing-criterion", line_of(broken, "  attractiveness:")) in codes


def test_every_finding_of_every_file_in_one_run(tmp_path: Path) -> None:
    diags = diagnose(
        tmp_path,
        accounts__acme=ACCOUNT.replace("tier: key", "tier: vip").replace(
            "influence: 4", "influence: 9"
        ),
        strategies__plan=STRATEGY.replace("supports: [loyalty]", "supports: [nope]"),
    )
    assert {(d.path, d.code) for d in diags} == {
        ("content/accounts/acme.yaml", "schema"),
        ("content/strategies/plan.yaml", "unknown-ref"),
    }
    assert len([d for d in diags if d.code == "schema"]) == 2


def test_invalid_files_are_left_out_of_content(tmp_path: Path) -> None:
    from validate_support import BASE, write

    files: dict[str, str | bytes] = dict(BASE)
    files["accounts/broken.yaml"] = "kind: account\nid: broken\n"
    result = validate_content(write(tmp_path, files), cache_dir=False)
    assert result.content is not None
    assert list(result.content.accounts) == ["acme"]
    assert [d.code for d in result.errors] == ["schema"]


MEASURED = STRATEGY.replace(
    "    title: Revenue\n",
    "    title: Revenue\n    kpis:\n"
    "      - {id: rev, name: Revenue, baseline: 0, target: 20, measure: revenue_actual}\n"
    "      - {id: dc, name: Coverage, unit: '%', measure: decision_coverage, actual: null}\n",
)


def test_strategy_kpis_with_a_measure_validate_clean(tmp_path: Path) -> None:
    assert diagnose(tmp_path, strategies__plan=MEASURED) == []


def test_measure_with_actual_says_what_to_do(tmp_path: Path) -> None:
    broken = MEASURED.replace("target: 20, measure", "target: 20, actual: 9, measure")
    [hit] = diagnose(tmp_path, strategies__plan=broken)
    assert (hit.path, hit.code, hit.line) == (STRAT, "schema", line_of(broken, "{id: rev,"))
    assert hit.message == (
        "map[0] revenue.kpis[0] rev.measure: `measure: revenue_actual` computes the actual from"
        " the accounts; remove `actual` (or remove `measure` to keep typing the actual)"
    )


def test_an_unknown_measure_lists_the_six(tmp_path: Path) -> None:
    broken = MEASURED.replace("measure: decision_coverage", "measure: coverage")
    [hit] = diagnose(tmp_path, strategies__plan=broken)
    assert (hit.code, hit.line) == ("schema", line_of(broken, "measure: coverage"))
    for name in (
        "revenue_actual",
        "revenue_forecast",
        "weighted_pipeline_fy",
        "decision_coverage",
        "key_stakeholders_owned",
        "plans_current",
    ):
        assert name in hit.message
