"""One glossary, one word per thing: values of a domain never share a word, and the tier and
the quadrant never read the same (DESIGN.md §6)."""

from __future__ import annotations

import pytest

from kamsite.glossary import domains, term, word
from kamsite.model.account import Tier
from kamsite.model.portfolio import Language
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
