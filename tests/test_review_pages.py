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

from kamsite.evidence import evidence_text
from kamsite.glossary import word
from kamsite.model import Content, Team
from kamsite.model.portfolio import Language
from kamsite.pages import SECTION_PAGES, Drawings, generate_pages
from kamsite.pages.labels import Say
from kamsite.score import Evidence, PortfolioScores, score_portfolio
from kamsite.score.attention import key_people, rank_accounts
from kamsite.score.measures import Scored
from kamsite.score.revenue import Revenue, concentration, revenue
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


def scored(found: Content, scores: PortfolioScores, *ids: str) -> list[Scored]:
    """Accounts with their scorecards, as the revenue figures read them (all when no ids)."""
    by_id = {a.id: a for a in scores.accounts}
    return [Scored(found.accounts[key], by_id[key]) for key in ids or sorted(found.accounts)]


def whole(found: Content, scores: PortfolioScores) -> Revenue:
    return revenue(scored(found, scores), found.settings.fiscal_year, None)


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
    assert "<strong>22.5</strong>" in attention and "5 × 4.50" in attention
    # worth to two decimals, so severity × worth gives the priority shown (not 4 × 1.1)
    assert "<strong>4.2</strong>" in attention and "4 × 1.05" in attention
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
    found, scores = built()
    r = whole(found, scores)
    # expected at year end: big's forecast 180, then the actual where no forecast: 8 + 60 + 80
    assert (r.target, r.expected, r.actual) == (410.0, 328.0, 298.0)
    assert r.gap == 82.0 == r.target - r.expected  # every account has a target
    # only big has a FY2025 actual (160): its 180 is compared with it, not the whole 328
    assert (r.compared, r.previous, round(r.growth or 0, 6), r.share) == (1, 160.0, 0.125, None)
    li_na = revenue(scored(found, scores, "big", "mid"), 2026, r.expected)
    assert (li_na.target, li_na.expected, li_na.gap) == (300.0, 240.0, 60.0)
    assert round(li_na.share or 0, 6) == round(240 / 328, 6)
    c = concentration(scored(found, scores), 2026)
    assert c.top == ("big", "calm", "mid") and round(c.top_share or 0, 6) == round(320 / 328, 6)
    owners = [(o, owned.expected, round(owned.share or 0, 4)) for o, owned in c.owners]
    assert owners == [("li-na", 240.0, 0.7317), ("wang-qiang", 88.0, 0.2683)]
    # one summing rule for the totals, the pages and the KPI measures
    assert (scores.totals.revenue_target, scores.totals.revenue_gap) == (r.target, r.gap)
    assert scores.totals.revenue_actual == r.actual


def test_growth_compares_only_the_accounts_with_last_years_actual() -> None:
    """A new account adds to this year's revenue but not to last year's: counting it would
    show growth the existing accounts never made."""
    old = clean(id="old", revenue=[{"year": 2025, "actual": 100}, {"year": 2026, "actual": 110}])
    new = clean(id="new", revenue=[{"year": 2026, "actual": 50, "target": 60}])
    found = content([old, new], unit="M")
    scores = score_portfolio(found, AS_OF)
    r = whole(found, scores)
    assert (r.expected, r.compared, r.previous, round(r.growth or 0, 6)) == (160.0, 1, 100.0, 0.1)
    page = generate_pages(found, scores, Drawings(), AS_OF)["index.md"]
    assert 'title="expected at year end ÷ FY2025 actual (100.0 M) − 1, ' in page
    assert "both over the accounts with a FY2025 actual (1)" in page
    assert '+10.0%</div><div class="kam-tile__label">vs FY2025 actual' in page


def test_an_account_without_a_target_is_outside_the_gap_and_said_so() -> None:
    untargeted = clean(id="free", revenue=[{"year": 2026, "actual": 5, "forecast": 7}])
    found = content([clean(), untargeted], unit="M")
    scores = score_portfolio(found, AS_OF)
    r = whole(found, scores)
    assert (r.target, r.expected, r.gap, r.unplanned) == (100.0, 87.0, 20.0, 7.0)
    assert r.target - r.gap == r.expected - r.unplanned
    page = generate_pages(found, scores, Drawings(), AS_OF)["index.md"]
    assert "7.0 M of the expected revenue comes from accounts without a FY2026 target." in page
    # the gap tile names what it subtracts, so 100 − 80 = 20 reads off the page
    tiles = re.findall(r'kam-tile__value">([^<]+)</div><div class="kam-tile__label">([^<]+)<', page)
    assert ("87.0 M", "Expected at year end") in tiles
    assert ("20.0 M", "Gap (target − 80.0 M expected from the accounts with a target)") in tiles


def test_the_forecast_measure_and_the_expected_figure_are_two_named_numbers() -> None:
    """`revenue_forecast` sums the forecasts authors wrote (DESIGN.md §3.4, like the totals);
    the revenue tiles show what the year is expected to close at (forecast, else actual), the
    figure the gap subtracts. One strategy page shows both, under two different names."""
    forecast = clean(id="f", revenue=[{"year": 2026, "actual": 80, "target": 100, "forecast": 90}])
    actual_only = clean(id="g", revenue=[{"year": 2026, "actual": 20, "target": 50}])
    kpi = {"id": "fc", "name": "Forecast", "measure": "revenue_forecast", "target": 200}
    plan = {**STRATEGIES[0], "map": [{**STRATEGIES[0]["map"][0], "kpis": [kpi]}]}
    found = content([forecast, actual_only], [plan], unit="M")
    scores = score_portfolio(found, AS_OF)
    (objective,) = scores.strategies[0].objectives
    assert objective.kpis[0].actual == 90.0 == scores.totals.revenue_forecast
    r = whole(found, scores)
    assert (r.expected, r.gap, r.target - r.gap) == (110.0, 40.0, r.expected)
    page = generate_pages(found, scores, Drawings(), AS_OF)["strategies/s1/index.md"]
    assert "computed from the accounts: revenue forecast" in page
    tiles = re.findall(r'kam-tile__value">([^<]+)</div><div class="kam-tile__label">([^<]+)<', page)
    assert ("110.0 M", "Expected at year end") in tiles
    assert not any("forecast" in label.casefold() for _, label in tiles)


FIGURES = (
    '410.0 M</div><div class="kam-tile__label">Target FY2026',
    '328.0 M</div><div class="kam-tile__label">Expected at year end',
    '298.0 M</div><div class="kam-tile__label">Actual to date',
    '82.0 M</div><div class="kam-tile__label">Gap (target − expected)',
    '+12.5%</div><div class="kam-tile__label">vs FY2025 actual',
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
    assert '240.0 M</div><div class="kam-tile__label">Expected at year end' in li_na
    assert '60.0 M</div><div class="kam-tile__label">Gap (target − expected)' in li_na
    assert '73.2%</div><div class="kam-tile__label">Share of portfolio' in li_na
    team = pages["team/index.md"]
    row = re.search(r'href="li-na/">Li Na</a>.*?</tr>', team, re.S)
    assert row
    cells = re.findall(r'<td class="kam-num">(.*?)</td>', row.group(0))
    # owned, forecast, share, flags of owned accounts, overdue (2 actions + 1 task), open actions
    assert cells[:4] == ["2", "240.0 M", "73.2%", "3"]
    assert ">3</span>" in cells[4] and cells[5] == "4"  # "visit" in small and calm too
    concentration_section = section(pages["index.md"], "kam-concentration")
    assert (
        "The top 3 accounts carry 97.6% of the FY2026 revenue expected at year end:"
        in concentration_section
    )
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
    owners = concentration(scored(found, scores), found.settings.fiscal_year).owners
    owned = sum(r.share or 0 for o, r in owners if o in members)
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


def anchors(page: str) -> set[str]:
    """The ids a page defines: HTML `id` attributes and Markdown headings' `{#id}`."""
    return set(re.findall(r' id="([^"]+)"', page)) | set(re.findall(r"\{#([^}\s]+)\}", page))


def test_every_evidence_link_lands_on_an_anchor_of_the_account_page(
    real: tuple[Content, PortfolioScores, dict[str, str]],
) -> None:
    """Flag evidence links to an item's row, or to the section that shows an item without a
    row (stakeholders as a whole: the decision chain); a link to no id lands on the page top."""
    found, _, pages = real
    sections = 0
    for key in sorted(found.accounts):
        page = pages[f"accounts/{key}/index.md"]
        targets = set(re.findall(r'href="#([^"]+)"', page))
        assert targets <= anchors(page), key
        sections += "kam-decision-chain" in targets
    assert sections  # SINGLE_THREADED and NO_COACH name no one: they link to the people
    for link, anchor in re.findall(r'href="accounts/([^/"]+)/#([^"]+)"', pages["index.md"]):
        assert anchor in anchors(pages[f"accounts/{link}/index.md"]), (link, anchor)


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
    assert "普通级 1、未分级 1" in dashboard  # the method page's words for the same weights
    assert "金额单位：百万元 CNY" in dashboard
    people = pages["relationships/index.md"]
    assert "高影响力人员" in people and "未设目标时为支持者" in people and "按支持者计" in people
    words = re.sub(r'[a-z-]+="[^"]*"', "", people)  # codes in classes and tooltips may stay
    assert "supporter" not in words and "strategic" not in words
    assert "逾期战略任务" in pages["actions/index.md"]


def test_evidence_about_all_stakeholders_uses_the_pages_word_for_them() -> None:
    """SINGLE_THREADED and NO_COACH count every active stakeholder: their evidence says so with
    the word the account page heads its stakeholders with."""
    stakeholders = Say(Language.zh)("stakeholders")
    few = Evidence(("stakeholders",), "few_owned", (("owned", 1), ("needed", 3)))
    assert evidence_text(few, Language.zh) == f"有我方负责人的{stakeholders} 1 位，至少需要 3 位"
    coach = evidence_text(Evidence(("stakeholders",), "no_coach"), Language.zh)
    assert coach == f"没有{stakeholders}担任教练"


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


@pytest.mark.parametrize("folder", ["content", "tests/fixtures/realistic/content"])
def test_every_evidence_item_is_linked_and_in_words(folder: str) -> None:
    """On /risks/, each reason is a link to its row or section, names people and actions by
    name, and shows no id or enum code (the code stays in the flag's tooltip)."""
    found = validate_content(REPO / folder, cache_dir=False).content
    assert found is not None and found.settings.as_of is not None
    as_of = found.settings.as_of
    page = generate_pages(found, score_portfolio(found, as_of), Drawings(), as_of)["risks/index.md"]
    cells = re.findall(r'<td>(<a href="\.\./accounts/.*?)</td></tr>', page)
    assert len(cells) >= 10
    ids = {
        item
        for account in found.accounts.values()
        for item in (
            *(s.id for s in account.stakeholders),
            *(a.id for a in account.actions),
            *(o.id for o in account.opportunities),
        )
        if "-" in item
    }
    for cell in cells:
        items = re.split(r"</a>; ", cell.removesuffix("</a>"))
        for item in items:
            assert re.fullmatch(r'<a href="\.\./accounts/[a-z0-9-]+/#[a-z0-9-]+">[^<]+', item), item
            text = item.split(">", 1)[1]
            assert not re.search(r"\b[a-z]+_[a-z_]+\b", text), text  # no enum code
            assert not any(re.search(rf"\b{re.escape(i)}\b", text) for i in ids), text
