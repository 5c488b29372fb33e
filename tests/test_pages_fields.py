"""Every field of the 2026-11-24 contract reaches the account page (issue 14, item 6)."""

from __future__ import annotations

import re

import pytest
from fields_support import TEAM, full_account
from score_support import AS_OF, content

from kamsite.model import Team
from kamsite.pages import Drawings, generate_pages
from kamsite.score import score_portfolio


def pages(language: str = "en") -> dict[str, str]:
    built = content([full_account()], language=language, unit="M")
    built = type(built)(
        settings=built.settings,
        team=Team.model_validate(TEAM),
        accounts=built.accounts,
        strategies=built.strategies,
    )
    return generate_pages(built, score_portfolio(built, AS_OF), Drawings(), AS_OF)


@pytest.fixture(scope="module")
def page() -> str:
    return pages()["accounts/acme/index.md"]


def row(page: str, anchor: str) -> str:
    """The table row with `id=anchor` and the detail row under it, if any."""
    found = re.search(
        rf'<tr id="{anchor}"[^>]*>.*?</tr>(\s*<tr class="kam-detail">.*?</tr>)?', page, re.S
    )
    assert found, anchor
    return found.group(0)


def test_key_person_mode_and_leaning_on_the_stakeholder_row(page: str) -> None:
    boss = row(page, "boss")
    assert '<span class="kam-chip kam-chip--key">key person</span>' in boss
    assert "mode: overconfident" in boss
    assert '<span class="kam-prefers">leans to Rival Networks</span>' in boss
    assert "key person" not in row(page, "buyer")


def test_people_who_moved_are_faded_with_the_date(page: str) -> None:
    gone = row(page, "old-cto")
    assert gone.startswith('<tr id="old-cto" data-search-section class="kam-gone">')
    assert 'moved <span class="kam-date">2026-09-01</span>' in gone
    heat = re.search(
        r'<tr class="kam-gone"><td><a class="kam-name" href="#old-cto">.*?</tr>', page, re.S
    )
    assert heat and "—" in heat.group(0)  # R: scored nowhere


def test_heat_map_shows_the_target_beside_the_current_score(page: str) -> None:
    heat = re.search(r'<tr><td><a class="kam-name" href="#boss">.*?</tr>', page, re.S)
    assert heat
    cells = re.findall(r"<td[^>]*>(.*?)</td>", heat.group(0), re.S)
    # acceptance .. competitive preference; only guidance has a target (2 → 4)
    assert cells[4] == '2 <span class="kam-target" title="target 4">→&#8239;4</span>'
    assert [c for i, c in enumerate(cells[1:7]) if i != 3] == ["3"] * 5
    assert cells[7] == "<strong>56.7</strong>"  # R = 20 × 17 / 6 = 56.67


def test_opportunity_owner_next_step_and_reason(page: str) -> None:
    deal = row(page, "deal")
    assert 'Owner: <a class="kam-name" href="../../team/wang-qiang/">Wang Qiang</a>' in deal
    assert "<strong>Next step:</strong> Price round with procurement" in deal
    assert '2026-10-20 <span class="kam-chip kam-chip--flag">overdue</span>' in deal
    won, lost = row(page, "backhaul"), row(page, "oss")
    assert "<strong>Why won:</strong>" in won and "Fastest <strong>swap plan</strong>" in won
    assert "<strong>Why lost:</strong>" in lost and "Rival ran a live pilot" in lost


def test_the_overdue_next_step_is_flagged_and_links_to_its_row(page: str) -> None:
    assert (
        '<a href="#deal">next step of Core deal (commit) was due 2026-10-20, 12 days ago</a>'
        in page
    )


def test_an_action_lists_every_stakeholder_it_aims_at(page: str) -> None:
    visit = row(page, "visit")
    assert (
        '<a class="kam-name" href="#boss">Boss</a>, <a class="kam-name" href="#buyer">Buyer</a>'
        in visit
    )


def test_objective_time_frame_and_expected_progress(page: str) -> None:
    objective = re.search(r'<div id="grow" class="kam-objective">.*?</div>\s*</div>', page, re.S)
    assert objective
    assert "Time frame 2026-07-01 – 2027-06-30" in objective.group(0)
    assert "expected by now 33.8%" in objective.group(0)  # 123 of 364 days
    assert "kam-chip--status-on_track" in objective.group(0)  # π = .3 ≥ .7 × .338


def test_engagements_and_resources_sections(page: str) -> None:
    assert '<h2 id="kam-engagements">' in page or "{#kam-engagements}" in page
    assert '<h2 id="kam-resources">' in page or "{#kam-resources}" in page
    summit = row(page, "summit")
    assert "Executive summit" in summit and "semiannual" in summit and "2027-03-15" in summit
    assert "Wang Qiang" in summit
    resources = page[page.index("kam-resources") :]
    assert "Solution architect" in resources and "1.2 M" in resources
    assert '<tr class="kam-total"><td>Total</td><td class="kam-num">4.7 M</td>' in resources
    assert re.search(r'Goodwill</td>\s*<td class="kam-num">—</td>', resources)  # no amount


def test_fiscal_year_pipeline_and_what_is_left_to_win(page: str) -> None:
    assert "<dt>Weighted pipeline closing in FY2026</dt><dd>34.0 M</dd>" in page
    assert "<dt>Left to win in FY2026 (target − actual)</dt><dd>20.0 M</dd>" in page
    dashboard = pages()["index.md"]
    assert (
        '34.0 M</div><div class="kam-tile__label">Weighted pipeline closing in FY2026' in dashboard
    )


def test_chinese_labels_for_the_new_fields() -> None:
    zh = pages("zh")["accounts/acme/index.md"]
    assert "关键人物" in zh and "反应模式：过度自信模式" in zh and "倾向 Rival Networks" in zh
    assert '调岗 <span class="kam-date">2026-09-01</span>' in zh
    assert "<strong>下一步:</strong>" in zh and "赢单原因" in zh and "丢单原因" in zh
    assert "组织客户关系" in zh and "资源投入" in zh and "每半年" in zh
    assert "时间范围 2026-07-01 – 2027-06-30" in zh


def test_cross_account_lists_use_the_same_definitions() -> None:
    found = pages()
    actions = found["actions/index.md"]
    assert re.search(
        r'href="../accounts/acme/#boss">Boss</a>, <a[^>]*href="../accounts/acme/#buyer"', actions
    )
    member = found["team/li-na/index.md"]  # owns boss, buyer, insider and old-cto
    assert "#boss" in member and "#insider" in member
    assert "old-cto" not in member  # moved: no longer anyone's duty
    li_na = re.search(
        r'<tr><td><a class="kam-name" href="li-na/">Li Na</a>.*?</tr>', found["team/index.md"], re.S
    )
    assert li_na
    cells = re.findall(r'<td class="kam-num">(.*?)</td>', li_na.group(0))
    # accounts owned, open actions, sponsored, stakeholders owned (old-cto not counted)
    assert [cells[0], cells[5], cells[6], cells[7]] == ["1", "1", "0", "3"]
