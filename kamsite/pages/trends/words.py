"""The trend sections' own words in English and Chinese."""

from __future__ import annotations

from kamsite.model.portfolio import Language

_WORDS: dict[str, tuple[str, str]] = {
    "title": ("Trends", "趋势"),
    "unavailable.outside": (
        "History unavailable: this site was built outside Git, so it shows no trends.",
        "历史不可用：本站点在 Git 仓库之外构建，因此不显示趋势。",
    ),
    "unavailable.shallow": (
        "History unavailable: this site was built from a shallow clone, so it shows no trends "
        "(fetch the full history: git fetch --unshallow).",
        "历史不可用：本站点基于浅克隆构建，因此不显示趋势"
        "（请获取完整历史：git fetch --unshallow）。",
    ),
    "unavailable.empty": (
        "History unavailable: the repository has no commits yet.",
        "历史不可用：仓库尚无提交。",
    ),
    "unavailable.unreadable": (
        "History unavailable: Git could not read the content's history.",
        "历史不可用：Git 无法读取内容的历史。",
    ),
    "no_account_history": (
        "No committed history of this account yet: its trends start with its first commit.",
        "该客户尚无已提交的历史：趋势从其首次提交开始。",
    ),
    "commits": ("{n} commits", "{n} 次提交"),
    "commit": ("1 commit", "1 次提交"),
    "caption": (
        "{commits} from {first} to {last}, one point a day (its last commit); a gap is a commit "
        "whose content did not validate. Dashed lines: the portfolio's thresholds.",
        "{first} 至 {last} 共 {commits}，每天一个点（当天最后一次提交）；断开处表示该提交的内容"
        "未通过校验。虚线：组合的阈值。",
    ),
    "moved.reviews": ("What moved since the review of {date}", "自 {date} 评审以来的变化"),
    "moved.commits": ("What moved in the latest change", "最近一次变更的变化"),
    "moved.range": (
        "Commit {base} ({base_date}) → {head} ({head_date}), both scored as of {as_of}.",
        "提交 {base}（{base_date}）→ {head}（{head_date}），均按 {as_of} 计算评分。",
    ),
    "moved.nothing": (
        "Nothing moved: no score, flag, relationship or status changed.",
        "无变化：评分、风险标记、关系和状态均未变动。",
    ),
    "moved.only_one": (
        "One version of this plan is committed: nothing to compare yet.",
        "该计划仅有一个已提交版本：暂无可比较的内容。",
    ),
    "moved.more": ("… and {n} more", "……另有 {n} 项"),
    "moved.scores": ("Scores: {scores}", "评分：{scores}"),
    "dashboard.title": ("Movement over the last four quarters", "近四个季度的变化"),
    "dashboard.none": ("No committed history yet.", "尚无已提交的历史。"),
    "dashboard.caption": (
        "Each account's path on the portfolio matrix from {first} to {last}: where it stood at "
        "each quarter end (or at each commit, for an account younger than a quarter), then its "
        "latest commit (the filled dot). Only the latest step is named; hover a path for its "
        "dates.",
        "{first} 至 {last} 各客户在客户组合矩阵上的路径：每个季度末的位置（不足一个季度的客户为每次"
        "提交的位置），最后是最新提交（实心点）。仅标注最新位置；悬停路径可查看日期。",
    ),
    "movers.title": ("Biggest movers", "变化最大的客户"),
    "movers.caption": (
        "Ranked by the largest change along the path above: in A, S or H (points, 0–100), or in "
        "weighted pipeline (per cent of the larger value).",
        "按上图路径上最大的变化排序：A、S 或 H（分，0–100），或加权商机（占较大值的百分比）。",
    ),
    "movers.nothing": (
        "No account moved in A, S, H or weighted pipeline over these quarters.",
        "这几个季度没有客户的 A、S、H 或加权商机发生变化。",
    ),
    "col.account": ("Account", "客户"),
    "col.period": ("From → to", "起 → 止"),
    "col.quadrant": ("Quadrant", "象限"),
    "change": ("{before} → {after} ({delta})", "{before} → {after}（{delta}）"),
}


def say(lang: Language, key: str, **fields: object) -> str:
    en, zh = _WORDS[key]
    return (zh if lang is Language.zh else en).format(**fields)
