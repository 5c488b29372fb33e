"""A plan with every new field of the 2026-11-24 contract builds `--strict` and shows each one."""

from __future__ import annotations

import re

import pytest
from conftest import build, make_project
from fields_support import PORTFOLIO, TEAM, full_account

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> str:
    files = {"portfolio.yaml": PORTFOLIO, "team.yaml": TEAM, "accounts/acme.yaml": full_account()}
    site = build(make_project(tmp_path_factory.mktemp("fields") / "project", files))
    return (site / "accounts" / "acme" / "index.html").read_text(encoding="utf-8")


def _text(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def test_the_stakeholder_fields_are_shown(page: str) -> None:
    text = _text(page)
    assert "key person" in text  # key_person
    assert "mode: overconfident" in text  # mode
    assert "leans to Rival Networks" in text  # prefers, by the competitor's name
    assert re.search(
        r'<tr id="old-cto" data-search-section class="kam-gone">', page
    )  # status: faded
    assert "moved 2026-09-01" in text  # since
    assert 'title="target 4"' in page  # target.relationship beside the current score


def test_the_decision_chain_marks_them_too(page: str) -> None:
    chain = re.search(r'<div class="kam-graph kam-graph--chain".*?</svg>', page, re.S)
    assert chain
    svg = chain.group(0)
    assert "★ Boss" in svg and "Overconfident mode" in svg and "leans to Rival" in svg
    assert re.search(r'class="node stakeholder gone[^"]*"', svg)
    assert "Moved 2026-09-01" in svg


def test_the_opportunity_fields_are_shown(page: str) -> None:
    text = _text(page)
    assert "Owner: Wang Qiang" in text  # owner
    assert "Next step: Price round with procurement · 2026-10-20 overdue" in text  # next_step
    assert "Why won: Fastest swap plan" in text and "Why lost: Rival ran a live pilot" in text
    assert "next step of Core deal (commit) was due 2026-10-20" in text  # flagged like an action


def test_actions_objectives_engagements_and_resources(page: str) -> None:
    text = _text(page)
    assert re.search(r'<tr id="visit">.*?Boss</a>, <a[^>]*>Buyer</a>', page, re.S)
    assert "Time frame 2026-07-01 – 2027-06-30" in text  # from / by
    assert 'id="kam-engagements"' in page and 'id="kam-resources"' in page
    assert "Executive summit semiannual 2027-03-15 Wang Qiang" in text
    assert "Solution architect 1.2 M Li Na" in text and "Total 4.7 M" in text
