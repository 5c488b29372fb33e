"""The /method/ text follows the live config and names every rule, in both languages."""

from __future__ import annotations

from score_support import settings

from kamsite.score import FlagCode
from kamsite.score.method import explain, method_markdown

CUSTOM = {
    "scoring": {
        "attractiveness": {
            "size": {"weight": 0.6, "label": "Market size | spend"},
            "growth": {"weight": 0.4},
        },
        "strength": {"fit": {"weight": 1.0, "label": "Offer fit"}},
        "thresholds": {"attractiveness": 60, "strength": 45},
        "stage_probability": {"negotiate": 0.7},
    },
    "stale_after_days": 45,
    "fiscal_year": 2027,
}


def test_sections_and_anchors_are_the_same_in_both_languages() -> None:
    en = explain(settings())
    zh = explain(settings(language="zh"))
    assert [s.anchor for s in en] == [s.anchor for s in zh]
    assert [s.anchor for s in en] == [
        "matrix",
        "competitive-position",
        "relationships",
        "revenue",
        "plan-completeness",
        "risk-flags",
        "attention",
        "progress",
        "numbers",
    ]
    assert en[0].title == "Portfolio matrix"
    assert zh[0].title == "客户组合矩阵"


def test_defaults_are_spelled_out() -> None:
    text = method_markdown(settings())
    assert "McDonald" in text
    assert "| `revenue_potential` | Future revenue and profit | 0.3 |" in text
    assert "| `offer_fit` | offer\\_fit | 0.35 |" in text  # labels are content: escaped
    assert "tA = 50 and tS = 50" in text
    assert "| `negotiate` | commercial negotiation | 0.65 |" in text
    assert "8. Plan reviewed within 90 days" in text
    assert "10. A revenue target for FY2026" in text
    assert "π ≥ 0.7 ε" in text and "π ≥ 0.4 ε" in text


def test_live_config_changes_the_text() -> None:
    text = method_markdown(settings(**CUSTOM))
    assert "| `size` | Market size \\| spend | 0.6 |" in text  # escaped for the table
    assert "| `growth` | growth | 0.4 |" in text
    assert "revenue_potential" not in text
    assert "tA = 60 and tS = 45" in text
    assert (
        "| `negotiate` | commercial negotiation | 0.7 (set in portfolio.yaml; default 0.65) |"
        in text
    )
    assert "8. Plan reviewed within 45 days" in text
    assert "| `STALE_PLAN` | `reviewed` is missing or older than 45 days. |" in text
    assert "FY2027" in text


def test_every_check_and_flag_is_explained() -> None:
    for language in ("en", "zh"):
        text = method_markdown(settings(language=language))
        for number in range(1, 11):
            assert f"\n{number}. " in text
        for code in FlagCode:
            assert f"| `{code.value}` |" in text


def test_chinese_page() -> None:
    text = method_markdown(settings(language="zh", **CUSTOM))
    assert text.startswith("# 计分方法\n")
    assert "## 风险标记 {#risk-flags}" in text and "风险标志" not in text  # the pages' word
    assert "8. 计划在 45 天内复盘过" in text
    assert "（portfolio.yaml 设定；默认 0.65）" in text
    assert "How" not in text


def test_the_priority_names_tiers_and_attitudes_in_the_glossarys_words() -> None:
    """The tier weights and attitude steps read as the dashboard says them, in either language."""
    en = next(s.body for s in explain(settings()) if s.anchor == "attention")
    assert "tier weights strategic 4, key 3, important 2, ordinary 1, no tier 1" in en
    assert "else supporter; in steps opponent, skeptic, unknown, neutral, supporter, champion" in en
    zh = next(s.body for s in explain(settings(language="zh")) if s.anchor == "attention")
    assert "分级权重为 战略级 4、重点级 3、重要级 2、普通级 1、未分级 1" in zh
    assert "否则为支持者；按 反对者、怀疑者、未知、中立、支持者、倡导者 逐级计" in zh
    assert "*高影响力人员*页" in zh
    for word in ("strategic", "supporter", "opponent", "champion"):
        assert word not in zh


def test_criterion_labels_are_inert_text() -> None:
    from kamsite.model import PortfolioSettings

    settings = PortfolioSettings.model_validate(
        {
            "kind": "portfolio",
            "name": "x",
            "fiscal_year": 2026,
            "scoring": {
                "strength": {
                    "offer_fit": {"weight": 1.0, "label": "<img src=x> [a](https://e.vil) *b*"}
                }
            },
        }
    )
    text = method_markdown(settings)
    assert "<img" not in text
    assert "\\[a\\]\\(https://e\\.vil\\) \\*b\\*" in text


def test_the_gap_pipeline_coverage_and_time_frames_are_explained() -> None:
    text = method_markdown(settings())
    assert "`G = target − (forecast, else actual, else 0)`" in text
    assert "**Fiscal-year pipeline** `WPFY`" in text
    assert "`close` date is in FY2026 or earlier" in text
    assert "`PC = WPFY / Rem`, where `Rem = target − actual`" in text
    assert "`start` = its `from` (default Jan 1 of FY2026)" in text
    assert "`end` = its `by` (default Dec 31 of FY2026)" in text
    assert "`left` or `moved`" in text and "take part in no score, check or flag" in text
    assert "due on the as-of date is not late yet" in text
    zh = method_markdown(settings(language="zh"))
    assert "`PC = WPFY / Rem`" in zh and "**本财年商机** `WPFY`" in zh
    assert "默认 FY2026 的 1 月 1 日" in zh


def test_flag_conditions_follow_the_revised_rules() -> None:
    text = method_markdown(settings())
    assert "or anyone with influence ≥ 4, is an opponent" in text
    assert "or the next step of an open opportunity, is due before the as-of date" in text
    assert "what is left to win (target − actual)" in text
