"""One glossary, one word per thing: values of a domain never share a word, and the tier and
the quadrant never read the same (DESIGN.md §6)."""

from __future__ import annotations

import pytest
from score_support import AS_OF, clean, content, person

from kamsite.evidence import evidence_text
from kamsite.glossary import domains, term, word
from kamsite.model.account import Tier
from kamsite.model.portfolio import Language
from kamsite.pipeline import cached_renderer, portfolio_pictures
from kamsite.score import score_portfolio
from kamsite.score.results import Quadrant


@pytest.mark.parametrize("language", list(Language))
def test_values_of_a_domain_read_differently(language: Language) -> None:
    for domain, values in domains().items():
        words = [term(domain, v, language) for v in values]
        assert len(set(words)) == len(words), domain


@pytest.mark.parametrize("language", list(Language))
def test_tier_and_quadrant_never_share_a_word(language: Language) -> None:
    tiers = {word(t, language) for t in Tier}
    quadrants = {word(q, language) for q in Quadrant}
    assert not tiers & quadrants
    assert word(Tier.strategic, language) != word(Quadrant.strategic, language)


def test_the_six_dimensions_as_the_method_names_them() -> None:
    names = [
        term("dimension", key, Language.zh)
        for key in (
            "acceptance",
            "participation",
            "information",
            "guidance",
            "project_support",
            "competitive_preference",
        )
    ]
    assert names == [
        "接受认可度",
        "活动参与度",
        "信息传递度",
        "日常指导度",
        "项目支持度",
        "竞争偏向度",
    ]


def test_a_value_its_domain_does_not_list() -> None:
    assert term("Status", "on_track", Language.zh) == "正常"  # found in another domain
    assert term("Status", "not_a_value", Language.en) == "not a value"


def test_names_in_the_portfolio_language() -> None:
    """The matrix, the movement picture and flag evidence name an account or a person by its
    local name in a Chinese portfolio."""
    people = [person("boss", influence=5, owner=None, local_name="王总")]
    account = clean(stakeholders=people, local_name="艾克美")
    zh, en = content([account], language="zh"), content([account])
    svg = portfolio_pictures(zh, score_portfolio(zh, AS_OF), cached_renderer()).matrix
    assert "艾克美" in svg and ">Acme<" not in svg
    assert (
        "艾克美" not in portfolio_pictures(en, score_portfolio(en, AS_OF), cached_renderer()).matrix
    )
    (unowned,) = [
        f
        for f in score_portfolio(zh, AS_OF).accounts[0].flags
        if f.code == "KEY_STAKEHOLDER_UNOWNED"
    ]
    assert evidence_text(unowned.evidence[0], Language.zh).startswith("王总（")
    assert evidence_text(unowned.evidence[0], Language.en).startswith("Boss (")
