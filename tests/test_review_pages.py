"""The Monday portfolio review (issue 16, DESIGN.md §6 "The portfolio review"): which accounts
need attention, reconciled revenue, strategy ↔ account objectives, owners, key relationships.

A hand-built portfolio whose numbers are worked out below, then the example portfolio (English)
and tests/fixtures/realistic (Chinese), all through the real scorer and page generator.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import pytest
from conftest import REPO
from score_support import AS_OF, clean, content, person

from kamsite.glossary import word
from kamsite.model import Content, Team
from kamsite.model.portfolio import Language
from kamsite.pages import SECTION_PAGES, Drawings, generate_pages
from kamsite.pages.labels import Say
from kamsite.score import PortfolioScores, score_portfolio
from kamsite.score.attention import key_people, rank_accounts
from kamsite.score.revenue import concentration, portfolio_revenue, revenue
from kamsite.validate import validate_content

TEAM = {
    "kind": "team",
    "members": [{"id": "li-na", "name": "Li Na"}, {"id": "wang-qiang", "name": "Wang Qiang"}],
}
LATE = (AS_OF - dt.timedelta(days=10)).isoformat()
BIG_DEAL = [{"id": "deal", "name": "Deal", "stage": "commit", "amount": 100, "close": "2026-12-15"}]


def portfolio() -> list[dict[str, Any]]:
    """Four accounts, FY2026, amounts in M; the largest stake is big's target, 200.

    - big: strategic, one overdue action (severity 2); worth 4 × (1 + 200/200) = 8 → 16.
    - mid: key, pipeline short of what is left (3) and an overdue action (2); worth
      3 × (1 + 100/200) = 4.5 → 22.5.
    - small: ordinary but in the strategic quadrant, no sponsor, no coach, stale plan
      (1 each, four flags); worth 1 × (1 + 10/200) = 1.05 → 4.2.
    - calm: no flag, priority 0, not listed.
    """
    boss, buyer, insider = clean()["stakeholders"]
    late = [{"id": "late", "what": "Send the offer", "owner": "li-na", "due": LATE}]
    return [
        clean(
            id="big",
            name="Big Corp",
            revenue=[
                {"year": 2025, "actual": 160},
                {"year": 2026, "actual": 150, "target": 200, "forecast": 180},
            ],
            opportunities=BIG_DEAL,
            actions=late,
        ),
        clean(
            id="mid",
            name="Mid Works",
            tier="key",
            revenue=[{"year": 2026, "actual": 60, "target": 100}],
            actions=late,
            stakeholders=[
                boss,
                buyer,
                insider,
                person(
                    "foe",
                    name="Fay Oe",
                    influence=4,
                    attitude="skeptic",
                    target={"attitude": "champion"},
                    last_contact="2026-10-01",
                ),
            ],
            objectives=[
                {
                    "id": "win-core",
                    "statement": "Win the core tender",
                    "contributes_to": ["s1/grow"],
                    "kpis": [{"id": "k", "name": "K", "baseline": 0, "target": 10, "actual": 9}],
                }
            ],
            risks=[
                {"id": "churn", "what": "Churn", "likelihood": 4, "impact": 5, "owner": "li-na"}
            ],
        ),
        clean(
            id="small",
            name="Small Shop",
            tier="ordinary",
            owner="wang-qiang",
            sponsor=None,
            reviewed="2026-01-01",
            revenue=[{"year": 2026, "actual": 8, "target": 10}],
            stakeholders=[boss, buyer, {**insider, "roles": []}],
        ),
        clean(id="calm", name="Calm Ltd", owner="wang-qiang"),
    ]


STRATEGIES: list[dict[str, Any]] = [
    {
        "kind": "strategy",
        "id": "s1",
        "title": "Grow key accounts",
        "scope": "portfolio",
        "owner": "wang-qiang",
        "horizon": {"from": 2026, "to": 2028},
        "map": [
            {
                "id": "grow",
                "perspective": "financial",
                "title": "Grow revenue",
                "owner": "li-na",
                "tasks": [{"id": "t1", "what": "Price list", "owner": "li-na", "due": LATE}],
            }
        ],
    },
    {
        "kind": "strategy",
        "id": "s2",
        "title": "Big account plan",
        "scope": "account",
        "account": "big",
        "horizon": {"from": 2026, "to": 2027},
    },
]


def built(language: str = "en") -> tuple[Content, PortfolioScores]:
    plain = content(portfolio(), STRATEGIES, language=language, unit="M", currency="CNY")
    full = Content(
        settings=plain.settings,
        team=Team.model_validate(TEAM),
        accounts=plain.accounts,
        strategies=plain.strategies,
    )
    return full, score_portfolio(full, AS_OF)


@pytest.fixture(scope="module")
def pages() -> dict[str, str]:
    found, scores = built()
    return generate_pages(found, scores, Drawings(), AS_OF)


def section(page: str, anchor: str) -> str:
    """From the heading `{#anchor}` to the next heading of level 2."""
    start = page.index("{#" + anchor + "}")
    end = page.find("\n## ", start)
    return page[start : end if end != -1 else None]


def order(text: str, *names: str) -> list[str]:
    return sorted(names, key=text.index)


# --- attention ----------------------------------------------------------------------------


def test_priority_weighs_flags_by_severity_and_what_the_account_is_worth() -> None:
    _, scores = built()
    codes = {a.id: set(a.flag_codes) for a in scores.accounts}
    assert codes == {
        "big": {"OVERDUE_ACTION"},
        "mid": {"LOW_PIPELINE_COVERAGE", "OVERDUE_ACTION"},
        "small": {"NO_SPONSOR", "NO_COACH", "STALE_PLAN", "TIER_MISMATCH"},
        "calm": set(),
    }
    ranked = rank_accounts(scores.accounts)
    assert [a.id for a in ranked] == ["mid", "big", "small", "calm"]
    assert [round(a.priority, 6) for a in ranked] == [22.5, 16.0, 4.2, 0.0]
    mid = ranked[0]
    assert (mid.severity, mid.worth, mid.stake) == (5, 4.5, 100.0)
    # most severe first, ties by code
    assert [f.code.value for f in mid.reasons] == ["LOW_PIPELINE_COVERAGE", "OVERDUE_ACTION"]
    # four flags at a small account weigh less than one at the largest
    assert len(ranked[2].reasons) > len(ranked[1].reasons)


def test_ties_go_to_the_larger_stake_then_the_id() -> None:
    twin = [clean(id=i, reviewed="2026-01-01") for i in ("b-twin", "a-twin")]
    bigger = clean(id="c-bigger", reviewed="2026-01-01")
    bigger["revenue"] = [{"year": 2026, "actual": 80, "target": 101}]
    found = content([*twin, bigger])
    ranked = rank_accounts(score_portfolio(found, AS_OF).accounts)
    assert [a.id for a in ranked] == ["c-bigger", "a-twin", "b-twin"]


def test_dashboard_ranks_accounts_needing_attention_with_linked_reasons(
    pages: dict[str, str],
) -> None:
    attention = section(pages["index.md"], "kam-attention")
    assert order(attention, "Mid Works", "Big Corp", "Small Shop") == [
        "Mid Works",
        "Big Corp",
        "Small Shop",
    ]
    assert "Calm Ltd" not in attention
    assert "<strong>22.5</strong>" in attention and "5 × 4.5" in attention
    assert '<td class="kam-num kam-nowrap">100.0 M</td>' in attention  # at stake, with unit
    # the first evidence item of each reason links to its row on the account page
    assert 'href="accounts/mid/#late"' in attention
    assert 'title="LOW_PIPELINE_COVERAGE">Low pipeline coverage</span>' in attention
    assert 'href="method/#attention"' in attention


def test_risks_page_groups_flags_and_risks_by_account_in_priority_order(
    pages: dict[str, str],
) -> None:
    risks = pages["risks/index.md"]
    flags = section(risks, "kam-flags")
    assert order(flags, "Mid Works", "Big Corp", "Small Shop") == [
        "Mid Works",
        "Big Corp",
        "Small Shop",
    ]
    assert flags.count('<tr class="kam-group">') == 3 and flags.count("<tbody>") == 3
    assert "#1</span>" in flags and "Priority 22.5" in flags
    account_risks = section(risks, "kam-risks")
    assert 'href="../accounts/mid/#churn">Churn</a>' in account_risks
    assert 'href="../team/li-na/">Li Na</a>' in account_risks  # the risk owner


def test_the_method_page_explains_the_priority(pages: dict[str, str]) -> None:
    method = section(pages["method/index.md"], "attention")
    assert "priority = severity × worth" in method
    assert "tier weights strategic 4, key 3, important 2, ordinary 1, no tier 1" in method
    assert "<td><code>OPPONENT_DECISION_MAKER</code></td>\n<td>3</td>" in method


# --- revenue ------------------------------------------------------------------------------


def test_revenue_figures_reconcile_by_hand() -> None:
    found, _ = built()
    accounts = [found.accounts[k] for k in sorted(found.accounts)]
    whole = portfolio_revenue(accounts, 2026)
    # forecast: big's 180, then the actual where no forecast: 8 + 60 + 80
    assert (whole.target, whole.forecast, whole.actual) == (410.0, 328.0, 298.0)
    assert whole.gap == 82.0 == whole.target - whole.forecast  # every account has a target
    assert (whole.previous, round(whole.growth or 0, 6), whole.share) == (160.0, 1.05, 1.0)
    li_na = revenue([found.accounts["big"], found.accounts["mid"]], 2026, whole.forecast)
    assert (li_na.target, li_na.forecast, li_na.gap) == (300.0, 240.0, 60.0)
    assert round(li_na.share or 0, 6) == round(240 / 328, 6)
    c = concentration(accounts, 2026)
    assert c.top == ("big", "calm", "mid") and round(c.top_share or 0, 6) == round(320 / 328, 6)
    assert [(o, round(s, 4)) for o, s in c.owners] == [("li-na", 0.7317), ("wang-qiang", 0.2683)]


def test_an_account_without_a_target_is_outside_the_gap_and_said_so() -> None:
    untargeted = clean(id="free", revenue=[{"year": 2026, "actual": 5, "forecast": 7}])
    found = content([clean(), untargeted], unit="M")
    r = portfolio_revenue([found.accounts[k] for k in sorted(found.accounts)], 2026)
    assert (r.target, r.forecast, r.gap, r.unplanned) == (100.0, 87.0, 20.0, 7.0)
    assert r.target - r.gap == r.forecast - r.unplanned
    page = generate_pages(found, score_portfolio(found, AS_OF), Drawings(), AS_OF)["index.md"]
    assert "7.0 M of the forecast comes from accounts without a FY2026 target." in page


FIGURES = (
    '410.0 M</div><div class="kam-tile__label">Target FY2026',
    '328.0 M</div><div class="kam-tile__label">Forecast (year end)',
    '298.0 M</div><div class="kam-tile__label">Actual to date',
    '82.0 M</div><div class="kam-tile__label">Gap (target − forecast)',
    '+105.0%</div><div class="kam-tile__label">vs FY2025 actual',
)


def test_revenue_is_shown_the_same_way_on_dashboard_and_strategy(pages: dict[str, str]) -> None:
    dashboard = section(pages["index.md"], "kam-totals")
    portfolio_strategy = section(pages["strategies/s1/index.md"], "kam-revenue")
    for figure in FIGURES:
        assert figure in dashboard and figure in portfolio_strategy
    assert "Amounts in M CNY." in dashboard and "Amounts in M CNY." in portfolio_strategy
    # an account strategy: its account's figures and their share of the portfolio
    own = section(pages["strategies/s2/index.md"], "kam-revenue")
    assert '200.0 M</div><div class="kam-tile__label">Target FY2026' in own
    assert '54.9%</div><div class="kam-tile__label">Share of portfolio' in own  # 180 / 328


def test_team_pages_show_revenue_owned_and_its_share(pages: dict[str, str]) -> None:
    li_na = section(pages["team/li-na/index.md"], "kam-owned")
    assert '300.0 M</div><div class="kam-tile__label">Target FY2026' in li_na
    assert '240.0 M</div><div class="kam-tile__label">Forecast (year end)' in li_na
    assert '60.0 M</div><div class="kam-tile__label">Gap (target − forecast)' in li_na
    assert '73.2%</div><div class="kam-tile__label">Share of portfolio' in li_na
    team = pages["team/index.md"]
    row = re.search(r'href="li-na/">Li Na</a>.*?</tr>', team, re.S)
    assert row
    cells = re.findall(r'<td class="kam-num">(.*?)</td>', row.group(0))
    # owned, forecast, share, flags of owned accounts, overdue (2 actions + 1 task), open actions
    assert cells[:4] == ["2", "240.0 M", "73.2%", "3"]
    assert ">3</span>" in cells[4] and cells[5] == "4"  # "visit" in small and calm too
    concentration_section = section(pages["index.md"], "kam-concentration")
    assert "The top 3 accounts carry 97.6% of the FY2026 forecast:" in concentration_section
    assert re.search(r'Li Na</a></td>\s*<td class="kam-num">240.0 M</td>', concentration_section)


# --- strategy ↔ accounts, owners, overdue tasks -------------------------------------------


def test_strategy_objective_links_the_account_objectives_that_contribute(
    pages: dict[str, str],
) -> None:
    objectives = section(pages["strategies/s1/index.md"], "kam-objectives")
    assert '<a href="../../accounts/mid/#win-core">Win the core tender</a>' in objectives
    assert 'href="../../accounts/mid/">Mid Works</a>' in objectives
    assert "kam-chip--status-on_track" in objectives.split("Win the core tender")[1]


def test_member_page_lists_what_the_person_owns(pages: dict[str, str]) -> None:
    page = pages["team/li-na/index.md"]
    objectives = section(page, "kam-objectives")
    assert '<a href="../../strategies/s1/#grow">Grow revenue</a>' in objectives
    assert '<a href="../../accounts/mid/#win-core">Win the core tender</a>' in objectives
    assert "K: 90.0%" in objectives  # the KPI's progress from the scores
    tasks = section(page, "kam-tasks")
    assert "Price list" in tasks and "overdue" in tasks
    assert '<a href="../../accounts/mid/#churn">Churn</a>' in section(page, "kam-risks")
    assert section(page, "kam-actions").count(">overdue<") == 2
    assert "3 overdue" in page


def test_overdue_strategy_tasks_sit_beside_overdue_actions(pages: dict[str, str]) -> None:
    dashboard = pages["index.md"]
    tasks = section(dashboard, "kam-overdue-tasks")
    assert '<a href="strategies/s1/#grow">Price list</a>' in tasks
    assert dashboard.index("{#kam-overdue}") < dashboard.index("{#kam-overdue-tasks}")
    assert "Price list" in section(pages["actions/index.md"], "kam-overdue-tasks")
    strategy = pages["strategies/s1/index.md"]
    assert '<a href="#kam-tasks"><span class="kam-chip kam-chip--flag">1 overdue' in strategy


# --- relationships --------------------------------------------------------------------------


def test_relationships_lists_influential_people_worst_first(pages: dict[str, str]) -> None:
    assert "relationships/index.md" in pages and "relationships/index.md" in SECTION_PAGES
    page = pages["relationships/index.md"]
    rows = re.findall(r'<a class="kam-name" href="(\.\./accounts/[^"]+)">([^<]+)</a>', page)
    people = [(href, name) for href, name in rows if "#" in href]
    # foe: skeptic with target champion (4 steps short) first; then nobody short, the
    # longest without contact (all 17 days) and higher influence first: boss (5), buyer (4)
    assert people[0] == ("../accounts/mid/#foe", "Fay Oe")
    assert [name for _, name in people[1:5]] == ["Boss", "Boss", "Boss", "Boss"]
    assert {name for _, name in people[5:]} == {"Buyer"}
    assert "Below target by 4" in page and "31 days ago" in page
    assert "→ champion" in page and "→ supporter*" in page


def test_key_people_order_in_the_core() -> None:
    found, _ = built()
    ranked = key_people([found.accounts[k] for k in sorted(found.accounts)], AS_OF)
    assert [(k.account.id, k.person.id, k.shortfall) for k in ranked[:2]] == [
        ("mid", "foe", 4),
        ("big", "boss", 0),
    ]
    assert all(k.person.influence >= 4 for k in ranked)


# --- context: units and abbreviations -------------------------------------------------------


def test_abbreviations_are_explained_where_they_appear(pages: dict[str, str]) -> None:
    account = pages["accounts/mid/index.md"]
    assert '<abbr title="Relationship score R = 20 × the mean' in account
    assert '<abbr title="Likelihood × impact, 1–25">L\u00a0×\u00a0I</abbr>' in account
    accounts = pages["accounts/index.md"]
    for abbr in ("A", "S", "H", "DC", "P", "WP", "PC"):
        assert f">{abbr}</abbr>" in accounts  # a tooltip on the header
    legend = "A Attractiveness · S Strength · H Relationship health · DC Decision coverage"
    assert legend in accounts  # and a legend under the table
    assert "L × I: likelihood × impact" in pages["risks/index.md"]


# --- the two real portfolios ----------------------------------------------------------------


@pytest.fixture(scope="module", params=["example", "realistic"])
def real(request: pytest.FixtureRequest) -> tuple[Content, PortfolioScores, dict[str, str]]:
    root = {
        "example": REPO / "content",
        "realistic": REPO / "tests" / "fixtures" / "realistic" / "content",
    }[request.param]
    found = validate_content(Path(root), cache_dir=False).content
    assert found is not None and found.settings.as_of is not None
    scores = score_portfolio(found, found.settings.as_of)
    return found, scores, generate_pages(found, scores, Drawings(), found.settings.as_of)


def test_real_dashboard_follows_the_ranking_and_revenue_agrees_everywhere(
    real: tuple[Content, PortfolioScores, dict[str, str]],
) -> None:
    found, scores, pages = real
    names = {a.id: a.name for a in found.accounts.values()}
    flagged = [a.id for a in rank_accounts(scores.accounts) if a.severity > 0][:5]
    attention = section(pages["index.md"], "kam-attention")
    shown = [names[i] for i in flagged]
    assert order(attention, *shown) == shown
    totals = section(pages["index.md"], "kam-totals")
    figures = re.findall(r'kam-tile__value">([^<]+)</div>', totals)[:5]
    for key in sorted(found.strategies):
        if found.strategies[key].scope.value == "portfolio":
            strategy = section(pages[f"strategies/{key}/index.md"], "kam-revenue")
            assert re.findall(r'kam-tile__value">([^<]+)</div>', strategy)[:5] == figures
    # the owners' shares on the team index add up to the owned part of the portfolio
    team = pages["team/index.md"]
    shares = [float(s) for s in re.findall(r'<td class="kam-num">([\d.]+)%</td>', team)]
    members = {m.id for m in found.team.members}
    accounts = [found.accounts[k] for k in sorted(found.accounts)]
    owned = sum(
        s for o, s in concentration(accounts, found.settings.fiscal_year).owners if o in members
    )
    assert sum(shares) == pytest.approx(100 * owned, abs=0.05 * len(shares))


def test_real_relationships_rows_link_to_existing_rows(
    real: tuple[Content, PortfolioScores, dict[str, str]],
) -> None:
    found, _, pages = real
    page = pages["relationships/index.md"]
    links = re.findall(r'href="\.\./accounts/([^/]+)/#([^"]+)"', page)
    expected = {
        (a.id, s.id)
        for a in found.accounts.values()
        for s in a.active_stakeholders
        if s.influence >= 4
    }
    assert set(links) == expected and len(links) == len(expected)


def test_chinese_labels_on_the_review_pages() -> None:
    root = REPO / "tests" / "fixtures" / "realistic" / "content"
    found = validate_content(root, cache_dir=False).content
    assert found is not None and found.settings.as_of is not None
    pages = generate_pages(
        found, score_portfolio(found, found.settings.as_of), Drawings(), found.settings.as_of
    )
    dashboard = pages["index.md"]
    assert "需要关注的客户 {#kam-attention}" in dashboard
    assert "战略级 4" in dashboard and "收入集中度" in dashboard
    assert "金额单位：百万元 CNY" in dashboard
    assert "关键关系" in pages["relationships/index.md"]
    assert "逾期战略任务" in pages["actions/index.md"]


def test_a_measured_kpi_says_what_it_is_computed_from() -> None:
    """A KPI whose actual a `measure` computes says so; the unit column is headed as a unit."""
    found = validate_content(REPO / "content", cache_dir=False).content
    assert found is not None and found.settings.as_of is not None
    built = generate_pages(
        found, score_portfolio(found, found.settings.as_of), Drawings(), found.settings.as_of
    )
    measured = [
        (key, kpi.measure)
        for key, strategy in found.strategies.items()
        for objective in strategy.map
        for kpi in objective.kpis
        if kpi.measure is not None
    ]
    assert measured
    for key, measure in measured:
        page = built[f"strategies/{key}/index.md"]
        assert f"computed from the accounts: {word(measure, Language.en)}" in page
        assert "<th>Unit</th>" in page
    assert Say(Language.zh)("kpi_unit") == "单位"
