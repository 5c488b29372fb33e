"""The review report's own words in English and Chinese, keyed by message id (DESIGN.md §8).

One table, so a missing translation is a KeyError in tests rather than an English word in a
Chinese report. The Chinese terms are the site's (kamsite/pages/labels.py): a reviewer reads
the same word for a score, a field or a status in the report as on the published page.
Content (names, ids, paths, validation messages) is not translated; codes stay codes.
"""

from __future__ import annotations

from dataclasses import dataclass

from kamsite.glossary import term
from kamsite.model.portfolio import Language

_WORDS: dict[str, tuple[str, str]] = {
    # headline
    "headline": ("Plan review: {sides}", "计划评审：{sides}"),
    "as_of": ("As of {date}", "基准日 {date}"),
    "changed": ("changed: {what}", "变更：{what}"),
    "nothing": ("nothing", "无"),
    "validation": ("validation: {sides}", "校验：{sides}"),
    "side_counts": ("{side} {errors}, {warnings}", "{side} {errors}、{warnings}"),
    "working_tree": ("working tree", "工作区"),
    "base_empty": (
        "{side} has no content yet: everything is new.",
        "{side} 尚无内容：全部为新增。",
    ),
    "head_invalid": (
        "**{side} does not validate**: portfolio.yaml is unusable, nothing is scored.",
        "**{side} 未通过校验**：portfolio.yaml 无法使用，未计算任何评分。",
    ),
    "no_change": ("No content file changed.", "没有内容文件变更。"),
    # separators
    "sep": ("; ", "；"),
    "list": (", ", "、"),
    "and": (" and ", "和"),
    "more": ("{names} and {n} more", "{names} 等，另有 {n} 项"),
    # table columns
    "col.item": ("item", "条目"),
    "col.change": ("change", "变更"),
    "col.scores": ("scores", "评分"),
    "col.flags": ("flags", "风险标记"),
    "col.score": ("score", "评分"),
    "col.before": ("before", "之前"),
    "col.after": ("after", "之后"),
    "col.verdict": ("change", "变化"),
    # kinds of item, and the names of the items that have none of their own
    "kind.account": ("account", "客户"),
    "kind.strategy": ("strategy", "战略"),
    "kind.portfolio": ("settings", "设置"),
    "kind.team": ("team", "团队"),
    "name.portfolio": ("Portfolio settings", "组合设置"),
    "name.team": ("Team", "团队"),
    # sections of a file
    "section.stakeholder": ("stakeholder", "关键人"),
    "section.opportunity": ("opportunity", "商机"),
    "section.action": ("action", "行动"),
    "section.objective": ("objective", "目标"),
    "section.kpi": ("KPI", "KPI"),
    "section.task": ("task", "任务"),
    "section.risk": ("risk", "风险"),
    "section.member": ("team member", "团队成员"),
    # the file and its validity
    "file.added": ("added", "新增"),
    "file.removed": ("removed", "删除"),
    "file.renamed": ("renamed from {path}", "由 {path} 重命名"),
    "file.indirect": ("file unchanged, moved by another file", "文件未改，受其他文件影响"),
    "state.no_longer_valid": ("no longer validates: {errors}", "不再通过校验：{errors}"),
    "state.not_valid": ("does not validate: {errors}", "未通过校验：{errors}"),
    "errors_elsewhere": ("errors in other files", "错误在其他文件中"),
    "state.valid_again": ("valid again", "重新通过校验"),
    "diag.introduced": ("{what} introduced", "新增 {what}"),
    "diag.fixed": ("{what} fixed", "修复 {what}"),
    "diag.line": (
        "{change}: {where} {severity} {code} {message}",
        "{change}：{where} {severity} {code} {message}",
    ),
    "change.introduced": ("introduced", "新增"),
    "change.fixed": ("fixed", "修复"),
    "severity.error": ("error", "错误"),
    "severity.warning": ("warning", "警告"),
    # scores
    "metric.attractiveness": ("A", "A"),
    "metric.strength": ("S", "S"),
    "metric.competitive_position": ("CP", "CP"),
    "metric.relationship_health": ("H", "H"),
    "metric.decision_coverage": ("DC", "DC"),
    "metric.revenue_gap": ("Gap", "收入缺口"),
    "metric.weighted_pipeline": ("WP", "WP"),
    "metric.pipeline_coverage": ("PC", "PC"),
    "metric.share_of_wallet": ("SW", "SW"),
    "metric.plan_completeness": ("P", "P"),
    "metric.revenue_actual": ("Revenue actual", "实际收入"),
    "metric.revenue_target": ("Revenue target", "收入目标"),
    "metric.revenue_forecast": ("Revenue forecast", "收入预测"),
    "worse": ("{mark} (worse)", "{mark}（变差）"),
    "verdict.better": ("better", "改善"),
    "verdict.worse": ("worse", "变差"),
    "verdict.set": ("set", "可计算"),
    "verdict.unset": ("unset", "不可计算"),
    # flags
    "flag.raised": ("raised {code}", "触发 {code}"),
    "flag.cleared": ("cleared {code}", "解除 {code}"),
    "flag.named": ("{phrase} ({name})", "{phrase}（{name}）"),
    "flag.line": ("flag {phrase}", "风险标记 {phrase}"),
    "flag.evidence": ("{line}: {evidence}", "{line}：{evidence}"),
    # events inside a file; `ev.<kind>` where a kind has its own phrase, else `ev.changed`
    "who": ("{section} {name} ({id})", "{section} {name}（{id}）"),
    "ev.added": ("{who} added", "{who}新增"),
    "ev.added_as": ("{who} added ({value})", "{who}新增（{value}）"),
    "ev.removed": ("{who} removed", "{who}移除"),
    "ev.won": ("{who} won", "{who}赢单"),
    "ev.lost": ("{who} lost", "{who}丢单"),
    "ev.closed": ("{who} closed ({value})", "{who}关闭（{value}）"),
    "ev.reopened": ("{who} reopened ({value})", "{who}重新打开（{value}）"),
    "ev.overdue": ("{who} overdue (due {value})", "{who}逾期（截止 {value}）"),
    "ev.relationship": (
        "{who} relationship R {before} → {after}",
        "{who}关系 R {before} → {after}",
    ),
    "ev.progress": ("{who} progress {before} → {after}", "{who}进度 {before} → {after}"),
    "ev.reports_to": (
        "{who} reports to {before} → {after}",
        "{who}汇报对象 {before} → {after}",
    ),
    "ev.changed": ("{who} {what} {before} → {after}", "{who}{what} {before} → {after}"),
    "ev.count": ("{n} × {section} {kind}", "{n} × {section}{kind}"),
    # details, quiet edits, a shortened report, totals
    "details.summary": ("{name} {id}: {changes}", "{name} {id}：{changes}"),
    "quiet": (
        "Edited, no score, flag, relationship or status moved: {names}.",
        "已编辑，评分、风险标记、关系和状态均未变动：{names}。",
    ),
    "shortened": (
        "**Report shortened to {limit} characters**, largest changes first: {left_out} not "
        "shown. The full report: `kamsite diff` with the same revisions and `--format json`.",
        "**报告已缩短至 {limit} 个字符**，按变更从大到小保留：未显示 {left_out}。"
        "完整报告：以相同的修订版本运行 `kamsite diff`，加 `--format json`。",
    ),
    "totals": ("Portfolio totals", "组合合计"),
    "totals_exclude": (
        "Totals exclude {accounts} on {side}: {ids}.",
        "合计不含 {side} 上{accounts}：{ids}。",
    ),
    "both_sides": ("both sides", "两侧"),
}

# Counted nouns: English singular, English plural, Chinese; `{n}` is the count.
_COUNTS: dict[str, tuple[str, str, str]] = {
    "account": ("{n} account", "{n} accounts", "{n} 个客户"),
    "strategy": ("{n} strategy", "{n} strategies", "{n} 项战略"),
    "portfolio": ("{n} settings", "{n} settings", "{n} 个设置文件"),
    "team": ("{n} team", "{n} teams", "{n} 个团队文件"),
    "error": ("{n} error", "{n} errors", "{n} 个错误"),
    "warning": ("{n} warning", "{n} warnings", "{n} 个警告"),
    "change": ("{n} change", "{n} changes", "{n} 处变更"),
    "item": ("{n} item", "{n} items", "{n} 项"),
    "other_field": ("{n} other field", "{n} other fields", "其他 {n} 个字段"),
    "smaller": ("{n} smaller change", "{n} smaller changes", "{n} 项较小的变更"),
    "folded": ("the details of {n} item", "the details of {n} items", "{n} 项的详情"),
    "invalid_account": (
        "{n} account that does not validate",
        "{n} accounts that do not validate",
        "未通过校验的 {n} 个客户",
    ),
}

# Fields and event kinds in Chinese; English shows the field's own name, as in the YAML.
# Settings keys (`thresholds.strength`, …) are not here: they are codes in both languages.
_ZH_TERMS: dict[str, str] = {
    "tier": "分级",
    "quadrant": "象限",
    "stage": "阶段",
    "owner": "负责人",
    "sponsor": "发起人",
    "horizon": "规划期",
    "scope": "范围",
    "account": "客户",
    "attitude": "态度",
    "influence": "影响力",
    "roles": "角色",
    "amount": "金额",
    "status": "状态",
    "added": "新增",
    "removed": "移除",
    "won": "赢单",
    "lost": "丢单",
    "closed": "关闭",
    "reopened": "重新打开",
    "overdue": "逾期",
    "relationship": "关系 R",
    "progress": "进度",
    "reports_to": "汇报对象",
}


@dataclass(frozen=True)
class Words:
    """The report's words in one language."""

    language: Language = Language.en

    @property
    def _zh(self) -> bool:
        return self.language is Language.zh

    def __call__(self, key: str, **fields: object) -> str:
        en, zh = _WORDS[key]
        return (zh if self._zh else en).format(**fields)

    def __contains__(self, key: str) -> bool:
        return key in _WORDS

    def count(self, key: str, n: int) -> str:
        """`n` of a noun, with the English plural; thousands separated so big counts read."""
        one, many, zh = _COUNTS[key]
        return (zh if self._zh else one if n == 1 else many).format(n=f"{n:,}")

    def term(self, name: str) -> str:
        """A field or event kind; one the table does not know (a settings key) is a code."""
        return _ZH_TERMS.get(name, name) if self._zh else name

    def value(self, raw: str, domain: str) -> str:
        """A value of `domain` (see `kamsite.glossary`) as the site shows it. A stakeholder's
        roles come as one value joined by ", " (see `events.stakeholder_events`)."""
        return self("list").join(term(domain, v, self.language) for v in raw.split(", "))
