"""The words inside the trend pictures, in the portfolio's `language` (en | zh).

Terms are the site's glossary (kamsite/pages/labels.py, kamsite/graph/labels.py): a score has
the same name in a picture as in the table beside it.
"""

from __future__ import annotations

from kamsite.model.portfolio import Language

_WORDS: dict[str, tuple[str, str]] = {
    "attractiveness": ("Attractiveness A", "吸引力 A"),
    "strength": ("Strength S", "实力 S"),
    "relationship_health": ("Relationship health H", "关系健康度 H"),
    "decision_coverage": ("Decision coverage DC", "决策覆盖率 DC"),
    "weighted_pipeline": ("Weighted pipeline WP", "加权商机 WP"),
    "plan_completeness": ("Plan completeness P", "计划完整度 P"),
    "with_unit": ("{title} ({unit})", "{title}（{unit}）"),
    "no_value": ("not scored", "未评分"),
    "threshold": ("Threshold {value}", "阈值 {value}"),
    "point": ("{date}: {value}", "{date}：{value}"),
    "trends": ("Trends: {name}", "趋势：{name}"),
    "movement": ("Movement on the portfolio matrix", "客户组合矩阵上的变化"),
    "step": ("{date}: A {a} · S {s}", "{date}：A {a} · S {s}"),
    "quarter_end": ("State at a quarter end", "季度末状态"),
    "latest": ("Latest state", "最新状态"),
}


def trend_word(key: str, lang: Language, **fields: str) -> str:
    en, zh = _WORDS[key]
    return (zh if lang is Language.zh else en).format(**fields)


__all__ = ["trend_word"]
