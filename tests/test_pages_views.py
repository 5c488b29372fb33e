"""What the pages say (issue 10): flags as words, plurals, separators, and numbers taken from
the scores (ranking, weighted amounts, badge levels from the portfolio's own thresholds)."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest
from score_support import AS_OF, clean, content, person, score_one

from kamsite.model.portfolio import Language
from kamsite.pages import Drawings, generate_pages
from kamsite.pages.labels import Say
from kamsite.score import score_portfolio
from kamsite.score.levels import Level

FOURS_A = {
    k: {"score": 4}
    for k in (
        "revenue_potential",
        "financial_security",
        "relationship",
        "influence",
        "innovation",
        "strategic_fit",
    )
}


def pages(accounts: list[dict[str, Any]], **settings: Any) -> dict[str, str]:
    built = content(accounts, **settings)
    return generate_pages(built, score_portfolio(built, AS_OF), Drawings(), AS_OF)


def account_page(account: dict[str, Any], **settings: Any) -> str:
    return pages([account], **settings)[f"accounts/{account['id']}/index.md"]


def late_account() -> dict[str, Any]:
    """Raises OVERDUE_ACTION (due the day before as_of) and GOING_COLD (no contact)."""
    yesterday = (AS_OF - dt.timedelta(days=1)).isoformat()
    return clean(
        actions=[{"id": "late", "what": "Call", "owner": "li-na", "due": yesterday}],
        stakeholders=[
            person("boss", influence=5, roles=["decision_maker"], attitude="champion"),
            person("cold", influence=4, last_contact=None),
            person("insider", roles=["coach"], attitude="supporter", last_contact=yesterday),
        ],
    )


@pytest.mark.parametrize(
    ("language", "overdue", "cold"),
    [("en", "Overdue action", "Going cold"), ("zh", "行动逾期", "关系变冷")],
)
def test_flags_read_as_words_with_the_code_as_tooltip(
    language: str, overdue: str, cold: str
) -> None:
    found = pages([late_account()], language=language)
    for path in ("accounts/acme/index.md", "index.md", "risks/index.md"):
        text = re.sub(r"<[^>]*>", " ", found[path])
        assert overdue in text and cold in text, path
        assert "OVERDUE_ACTION" not in text and "GOING_COLD" not in text, path
        assert 'title="OVERDUE_ACTION"' in found[path], path


def test_one_day_is_singular() -> None:
    page = account_page(late_account())
    assert "1 day ago" in page  # the flag's evidence and the last contact
    assert "1 days" not in page
    say = Say(Language.en)
    assert [say.days_ago(n) for n in (0, 1, 2)] == ["today", "1 day ago", "2 days ago"]
    assert Say(Language.zh).days_ago(3) == "3 天前"


def test_no_separator_follows_a_name_with_nothing_after_it() -> None:
    page = account_page(clean())
    assert "# Acme\n" in page and "Acme ·" not in page  # no local name: no " · "
    assert "——" not in page
    assert not re.search(r"</strong>\s*[—·]", page)
    assert '<strong class="kam-name">Boss</strong></td>' in page


def test_weighted_amounts_and_ranking_come_from_the_scores() -> None:
    account = clean(
        needs=[
            {"id": "a", "need": "A", "importance": 5, "ratings": {"us": 3, "rival": 5}},
            {"id": "b", "need": "B", "importance": 1, "ratings": {"us": 5}},
        ],
        opportunities=[
            {"id": "open", "name": "Open", "stage": "negotiate", "amount": 40},
            {"id": "won", "name": "Won", "stage": "won", "amount": 10, "close": "2026-03-01"},
        ],
    )
    score = score_one(account, scoring={"stage_probability": {"negotiate": 0.5}})
    assert score.opportunities["open"].probability == 0.5
    assert score.opportunities["open"].weighted == 20.0
    assert score.opportunities["won"].weighted == 10.0
    assert score.weighted_pipeline == 20.0  # closed deals are shown, not counted
    assert [(s.party, round(s.rating, 3)) for s in score.ranking] == [
        ("rival", 5.0),
        ("us", round((5 * 3 + 1 * 5) / 6, 3)),
    ]
    page = account_page(account, scoring={"stage_probability": {"negotiate": 0.5}})
    assert re.search(r"50\.0%</td>\s*<td[^>]*>20\.0( \w+)?</td>", page)


def test_badge_colours_follow_the_portfolio_thresholds() -> None:
    account = clean(
        assessment={"attractiveness": FOURS_A, "strength": clean()["assessment"]["strength"]}
    )
    assert score_one(account).levels["attractiveness"] is Level.good  # 75 >= 50
    strict = score_one(account, scoring={"thresholds": {"attractiveness": 80}})
    assert strict.levels["attractiveness"] is Level.fair  # 75 < 80, >= 0.6 × 80
    assert (
        score_one(account, scoring={"thresholds": {"attractiveness": 100}}).levels["attractiveness"]
        is Level.fair
    )
    page = account_page(account, scoring={"thresholds": {"attractiveness": 80}})
    badge = re.search(
        r'<div class="kam-badge kam-badge--(\w+)"[^>]*><span[^>]*>Attractiveness', page
    )
    assert badge and badge.group(1) == "fair"


def test_a_badge_never_says_good_while_its_flag_fires() -> None:
    """Pipeline coverage below 1 raises LOW_PIPELINE_COVERAGE; its badge is not good then."""
    account = clean(opportunities=[{"id": "d", "name": "D", "stage": "qualify", "amount": 10}])
    score = score_one(account)
    assert "LOW_PIPELINE_COVERAGE" in score.flag_codes
    assert score.levels["pipeline_coverage"] is not Level.good


def test_risk_exposure_comes_from_the_scores() -> None:
    account = clean(
        risks=[
            {"id": "big", "what": "Big", "likelihood": 4, "impact": 4},
            {"id": "small", "what": "Small", "likelihood": 1, "impact": 2},
        ]
    )
    score = score_one(account)
    assert (score.risks["big"].value, score.risks["big"].band) == (16, "high")
    assert (score.risks["small"].value, score.risks["small"].band) == (2, "low")
    page = account_page(account)
    assert page.index('id="big"') < page.index('id="small"')
    assert 'kam-exposure--high">16<' in page
