"""Two snapshots → a `Diff`: validate and score both at one `as_of`, then compare file by file.

Both sides are scored at the same date so the report shows what the change does, not what
the calendar did since BASE was written.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import PurePosixPath
from typing import TypeVar

from kamsite.diagnostics import Diagnostic, count
from kamsite.diff.events import (
    kpi_names,
    objective_events,
    opportunity_events,
    risk_events,
    stakeholder_events,
    work_events,
)
from kamsite.diff.files import Pair, diagnostic_changes, pair_files
from kamsite.diff.result import (
    Diff,
    Event,
    FieldChange,
    FlagChange,
    ItemDiff,
    ItemKind,
    ScoreDelta,
    Side,
    State,
    Value,
    score_delta,
)
from kamsite.diff.sources import Snapshot
from kamsite.evidence import evidence_text
from kamsite.model import Content, PortfolioSettings, resolve_as_of
from kamsite.model.account import Account
from kamsite.model.portfolio import Language
from kamsite.model.strategy import Strategy
from kamsite.model.team import Team
from kamsite.score import AccountScore, PortfolioScores, StrategyScore, score_portfolio
from kamsite.validate import ValidationResult, validate_sources
from kamsite.validate.cache import FileCache
from kamsite.validate.files import expected_kind

KINDS: tuple[ItemKind, ...] = ("portfolio", "team", "account", "strategy")
ACCOUNT_METRICS = (
    "attractiveness",
    "strength",
    "competitive_position",
    "relationship_health",
    "decision_coverage",
    "revenue_gap",
    "weighted_pipeline",
    "pipeline_coverage",
    "share_of_wallet",
    "plan_completeness",
)
TOTAL_METRICS = (
    "revenue_actual",
    "revenue_target",
    "revenue_forecast",
    "weighted_pipeline",
    "revenue_gap",
)


@dataclass(frozen=True)
class _Scored:
    """One side, validated and (when its portfolio validates) scored."""

    validation: ValidationResult
    scores: PortfolioScores | None
    empty: bool

    @property
    def content(self) -> Content | None:
        return self.validation.content

    def diagnostics(self, path: str) -> list[Diagnostic]:
        return [] if self.empty else [d for d in self.validation.diagnostics if d.path == path]

    def has_errors(self, path: str) -> bool:
        return any(d.severity == "error" for d in self.diagnostics(path))

    def account_score(self, account_id: str) -> AccountScore | None:
        found = [] if self.scores is None else self.scores.accounts
        return next((a for a in found if a.id == account_id), None)

    def strategy_score(self, strategy_id: str) -> StrategyScore | None:
        found = [] if self.scores is None else self.scores.strategies
        return next((s for s in found if s.id == strategy_id), None)


def _validate(snapshot: Snapshot, content_dir: str, cache: FileCache | None) -> ValidationResult:
    return validate_sources(snapshot.sources, content_dir=content_dir, cache=cache)


def choose_as_of(head: Content | None, base: Content | None) -> dt.date:
    """HEAD's `as_of` (the state under review), else BASE's, else env/today as §3.1 says."""
    for content in (head, base):
        if content is not None:
            return resolve_as_of(content.settings)
    return resolve_as_of(PortfolioSettings.model_construct(as_of=None))  # type: ignore[call-arg]


def choose_language(head: Content | None, base: Content | None) -> Language:
    """HEAD's `language` (the portfolio as it will be), else BASE's, else English."""
    for content in (head, base):
        if content is not None:
            return content.settings.language
    return Language.en


def compare(
    base: Snapshot,
    head: Snapshot,
    *,
    content_dir: str = "content",
    as_of: dt.date | None = None,
    cache: FileCache | None = None,
) -> Diff:
    """`cache`: file checks to reuse (a history compares many pairs of the same versions)."""
    vb, vh = _validate(base, content_dir, cache), _validate(head, content_dir, cache)
    when = as_of or choose_as_of(vh.content, vb.content)
    sides = [
        _Scored(v, score_portfolio(v.content, when) if v.content else None, not snap.sources)
        for v, snap in ((vb, base), (vh, head))
    ]
    before, after = sides
    language = choose_language(vh.content, vb.content)
    ctx = _Context(before, after, when, language)
    items = [
        item
        for pair in pair_files(base.sources, head.sources)
        if (item := _item(pair, ctx, content_dir)) is not None
    ]
    totals: tuple[ScoreDelta, ...] = ()
    if before.scores is not None and after.scores is not None:
        totals = _deltas(before.scores.totals, after.scores.totals, TOTAL_METRICS)
    return Diff(
        base=_side(base, before, content_dir),
        head=_side(head, after, content_dir),
        as_of=when,
        items=tuple(items),
        totals=totals,
        language=language,
    )


def _side(snapshot: Snapshot, scored: _Scored, content_dir: str) -> Side:
    diagnostics = [] if scored.empty else scored.validation.diagnostics
    return Side(
        name=snapshot.name,
        files=scored.validation.files,
        errors=count(diagnostics, "error"),
        warnings=count(diagnostics, "warning"),
        valid=scored.content is not None,
        commit=snapshot.commit,
        excluded=_excluded(snapshot, scored, content_dir),
    )


def _excluded(snapshot: Snapshot, scored: _Scored, content_dir: str) -> tuple[str, ...]:
    """Accounts left out of a side's scores and totals because their files do not validate;
    none when nothing is scored at all (the headline says so instead)."""
    if scored.content is None:
        return ()
    paths = (p for p in snapshot.sources if _kind(p, content_dir) == "account")
    return tuple(
        sorted(PurePosixPath(p).stem for p in paths if _state(scored, "account", p)[0] == "invalid")
    )


def _deltas(before: object, after: object, metrics: Sequence[str]) -> tuple[ScoreDelta, ...]:
    """Metrics read by name from scorecards or totals; a side that is None has no values."""
    found = (score_delta(m, getattr(before, m, None), getattr(after, m, None)) for m in metrics)
    return tuple(d for d in found if d is not None)


def _fields(pairs: Sequence[tuple[str, Value, Value]]) -> tuple[FieldChange, ...]:
    return tuple(FieldChange(name, a, b) for name, a, b in pairs if a != b)


def _kind(path: str, content_dir: str) -> ItemKind:
    kind = expected_kind(PurePosixPath(path).relative_to(content_dir))
    for known in KINDS:
        if kind == known:
            return known
    raise ValueError(f"{path} is not a content file")


def _state(side: _Scored, kind: ItemKind, path: str | None) -> tuple[State, object]:
    """absent, invalid (the file has errors or its portfolio does not validate) or valid."""
    if path is None:
        return "absent", None
    content = side.content
    if content is None or side.has_errors(path):
        return "invalid", None
    stem = PurePosixPath(path).stem
    model: object = {
        "portfolio": content.settings,
        "team": content.team,
        "account": content.accounts.get(stem),
        "strategy": content.strategies.get(stem),
    }[kind]
    return ("invalid", None) if model is None else ("valid", model)


@dataclass(frozen=True)
class _Changes:
    name: str | None = None
    fields: tuple[FieldChange, ...] = ()
    scores: tuple[ScoreDelta, ...] = ()
    flags: tuple[FlagChange, ...] = ()
    events: tuple[Event, ...] = ()


@dataclass(frozen=True)
class _Context:
    before: _Scored
    after: _Scored
    as_of: dt.date
    language: Language


M = TypeVar("M")


def _as(cls: type[M], model: object) -> M | None:
    return model if isinstance(model, cls) else None


def _value(enum: StrEnum | None) -> str | None:
    return None if enum is None else enum.value


def _first(a: M | None, b: M | None) -> M:
    """HEAD's version of an item when it has one: names are shown as they will be."""
    found = a if a is not None else b
    assert found is not None
    return found


def _flags(
    before: AccountScore | None, after: AccountScore | None, language: Language
) -> tuple[FlagChange, ...]:
    """Evidence in the report's language, named as on the site."""
    old = {f.code.value: f for f in before.flags} if before else {}
    new = {f.code.value: f for f in after.flags} if after else {}
    raised = [
        FlagChange(code, "raised", tuple(evidence_text(e, language) for e in new[code].evidence))
        for code in sorted(new.keys() - old.keys())
    ]
    cleared = [
        FlagChange(code, "cleared", tuple(evidence_text(e, language) for e in old[code].evidence))
        for code in sorted(old.keys() - new.keys())
    ]
    return (*raised, *cleared)


def _account(b: Account | None, a: Account | None, ctx: _Context) -> _Changes:
    """Item events when both sides score; an added account shows its scores and flags."""
    sb = ctx.before.account_score(b.id) if b else None
    sa = ctx.after.account_score(a.id) if a else None
    fields = _fields(
        [
            ("tier", _value(b.tier if b else None), _value(a.tier if a else None)),
            (
                "quadrant",
                _value(sb.quadrant if sb else None),
                _value(sa.quadrant if sa else None),
            ),
        ]
    )
    if b and a:
        fields += _fields(
            [
                ("stage", _value(b.stage), _value(a.stage)),
                ("owner", b.owner, a.owner),
                ("sponsor", b.sponsor, a.sponsor),
            ]
        )
    events: list[Event] = []
    if b and a and sb and sa:
        names = kpi_names([(o.id, o.kpis) for o in (*b.objectives, *a.objectives)])
        titles = {o.id: o.statement for o in (*b.objectives, *a.objectives)}
        events = [
            *stakeholder_events(b, a, sb.stakeholders, sa.stakeholders),
            *opportunity_events(b, a),
            *work_events(
                "action",
                {x.id: x for x in b.actions},
                {x.id: x for x in a.actions},
                ctx.as_of,
            ),
            *objective_events(sb.objectives, sa.objectives, titles, names),
            *risk_events(b, a),
        ]
    if a is None:  # removed: what it was (tier, quadrant) matters, its dropped numbers do not
        return _Changes(name=b.name if b else None, fields=fields)
    return _Changes(
        name=a.name,
        fields=fields,
        scores=_deltas(sb, sa, ACCOUNT_METRICS),
        flags=_flags(sb, sa, ctx.language),
        events=tuple(events),
    )


def _horizon(s: Strategy) -> str:
    return f"{s.horizon.from_}–{s.horizon.to}"


def _strategy(b: Strategy | None, a: Strategy | None, ctx: _Context) -> _Changes:
    """Fields and events only when both sides have the strategy; an added file says it all."""
    if b is None or a is None:
        return _Changes(name=_first(a, b).title if (a or b) else None)
    sb, sa = ctx.before.strategy_score(b.id), ctx.after.strategy_score(a.id)
    fields = _fields(
        [
            ("owner", b.owner, a.owner),
            ("horizon", _horizon(b), _horizon(a)),
            ("scope", b.scope.value, a.scope.value),
            ("account", b.account, a.account),
        ]
    )
    events: list[Event] = []
    if sb and sa:
        names = kpi_names([(o.id, o.kpis) for o in (*b.map, *a.map)])
        titles = {o.id: o.title for o in (*b.map, *a.map)}
        tasks_b = {f"{o.id}/{t.id}": t for o in b.map for t in o.tasks}
        tasks_a = {f"{o.id}/{t.id}": t for o in a.map for t in o.tasks}
        events = [
            *objective_events(sb.objectives, sa.objectives, titles, names),
            *work_events("task", tasks_b, tasks_a, ctx.as_of),
        ]
    return _Changes(name=a.title, fields=fields, events=tuple(events))


def _settings_values(s: PortfolioSettings | None) -> dict[str, Value]:
    """The settings that change scores or labels, flattened to dotted names."""
    if s is None:
        return {}
    scoring = s.scoring
    values: dict[str, Value] = {
        "fiscal_year": s.fiscal_year,
        "as_of": None if s.as_of is None else s.as_of.isoformat(),
        "currency": s.currency,
        "unit": s.unit,
        "language": s.language.value,
        "stale_after_days": s.stale_after_days,
        "thresholds.attractiveness": scoring.thresholds.attractiveness,
        "thresholds.strength": scoring.thresholds.strength,
    }
    for axis, criteria in (
        ("attractiveness", scoring.attractiveness),
        ("strength", scoring.strength),
    ):
        values.update({f"{axis}.{key}": c.weight for key, c in criteria.items()})
    values.update({f"stage_probability.{k.value}": v for k, v in scoring.stage_probability.items()})
    return values


def _portfolio(b: PortfolioSettings | None, a: PortfolioSettings | None, _: _Context) -> _Changes:
    """Setting by setting when both sides have settings; a file added or removed says it all."""
    if b is None or a is None:
        return _Changes(name="Portfolio settings")
    old, new = _settings_values(b), _settings_values(a)
    keys = sorted(old.keys() | new.keys())
    return _Changes(
        name="Portfolio settings", fields=_fields([(k, old.get(k), new.get(k)) for k in keys])
    )


def _team(b: Team | None, a: Team | None, _: _Context) -> _Changes:
    if b is None or a is None:
        return _Changes(name="Team")
    old = {m.id: m for m in b.members}
    new = {m.id: m for m in a.members}
    events = [Event("member", "added", k, new[k].name) for k in sorted(new.keys() - old.keys())]
    events += [Event("member", "removed", k, old[k].name) for k in sorted(old.keys() - new.keys())]
    return _Changes(name="Team", events=tuple(events))


def _changes(kind: ItemKind, b: object, a: object, ctx: _Context) -> _Changes:
    if kind == "account":
        return _account(_as(Account, b), _as(Account, a), ctx)
    if kind == "strategy":
        return _strategy(_as(Strategy, b), _as(Strategy, a), ctx)
    if kind == "portfolio":
        return _portfolio(_as(PortfolioSettings, b), _as(PortfolioSettings, a), ctx)
    return _team(_as(Team, b), _as(Team, a), ctx)


def _name(model: object) -> str | None:
    """The name of the side that validates, for an item not compared (the other is invalid)."""
    if isinstance(model, Account):
        return model.name
    return model.title if isinstance(model, Strategy) else None


def _item(pair: Pair, ctx: _Context, content_dir: str) -> ItemDiff | None:
    """The change of one file, or None when nothing about it changed.

    A side that is invalid is not compared: what it would score is unknown, and reporting
    its scores as dropped would blame the content for a typo.
    """
    path = pair.after or pair.before or ""
    kind = _kind(path, content_dir)
    state_b, model_b = _state(ctx.before, kind, pair.before)
    state_a, model_a = _state(ctx.after, kind, pair.after)
    comparable = "invalid" not in (state_b, state_a)
    changes = _changes(kind, model_b, model_a, ctx) if comparable else _Changes()
    item = ItemDiff(
        kind=kind,
        id=PurePosixPath(path).stem,
        name=changes.name or _name(model_a) or _name(model_b) or PurePosixPath(path).stem,
        before=state_b,
        after=state_a,
        file=pair.change,
        fields=changes.fields,
        scores=changes.scores,
        flags=changes.flags,
        events=changes.events,
        diagnostics=diagnostic_changes(
            ctx.before.diagnostics(pair.before or path), ctx.after.diagnostics(pair.after or path)
        ),
    )
    if pair.change is None and not item.moves:
        return None
    return item
