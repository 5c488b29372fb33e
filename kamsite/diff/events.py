"""Item-level changes inside one file: who joined the decision chain, which deal moved, which
action slipped. Items are matched by their inner id, the only identity that survives edits."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Protocol, TypeVar

from kamsite.diff.result import Event, Value
from kamsite.model.account import Account, Stakeholder
from kamsite.model.common import Kpi, Status
from kamsite.model.execution import is_open, is_overdue
from kamsite.model.portfolio import CLOSED_STAGES, Stage
from kamsite.score.numbers import r6
from kamsite.score.results import ObjectiveScore


class _HasId(Protocol):
    @property
    def id(self) -> str: ...


T = TypeVar("T", bound=_HasId)


def _index(items: Iterable[T]) -> dict[str, T]:
    return {item.id: item for item in items}


def _same(before: Value, after: Value) -> bool:
    if isinstance(before, float | int) and isinstance(after, float | int):
        return r6(before) == r6(after)
    return before == after


def _membership(
    section: str, before: Mapping[str, T], after: Mapping[str, T], name: Callable[[T], str]
) -> list[Event]:
    out = [Event(section, "added", k, name(after[k])) for k in sorted(after.keys() - before)]
    out += [Event(section, "removed", k, name(before[k])) for k in sorted(before.keys() - after)]
    return out


def _roles(s: Stakeholder) -> str:
    return ", ".join(sorted(role.value for role in s.roles))


def stakeholder_events(
    before: Account,
    after: Account,
    r_before: Mapping[str, float | None],
    r_after: Mapping[str, float | None],
) -> list[Event]:
    """The decision chain: membership, attitude, influence, owner, roles, line, relationship R."""
    old, new = _index(before.stakeholders), _index(after.stakeholders)
    out = _membership("stakeholder", old, new, lambda s: s.name)
    for key in sorted(old.keys() & new.keys()):
        a, b = old[key], new[key]
        pairs: list[tuple[str, Value, Value]] = [
            ("attitude", a.attitude.value, b.attitude.value),
            ("influence", a.influence, b.influence),
            ("owner", a.owner, b.owner),
            ("roles", _roles(a), _roles(b)),
            ("reports_to", a.reports_to, b.reports_to),
            ("relationship", r_before.get(key), r_after.get(key)),
        ]
        out += [Event("stakeholder", k, key, b.name, x, y) for k, x, y in pairs if not _same(x, y)]
    return out


def _stage_kind(before: Stage, after: Stage) -> str:
    if after in CLOSED_STAGES and before not in CLOSED_STAGES:
        return after.value
    return "stage"


def opportunity_events(before: Account, after: Account) -> list[Event]:
    """Stage moves; a move into `won`/`lost` is reported as won/lost."""
    old, new = _index(before.opportunities), _index(after.opportunities)
    out: list[Event] = []
    for key in sorted(new.keys() - old.keys()):
        o = new[key]
        out.append(Event("opportunity", "added", key, o.name, None, o.stage.value))
    out += [
        Event("opportunity", "removed", k, old[k].name, old[k].stage.value)
        for k in sorted(old.keys() - new.keys())
    ]
    for key in sorted(old.keys() & new.keys()):
        a, b = old[key], new[key]
        if a.stage != b.stage:
            out.append(
                Event(
                    "opportunity",
                    _stage_kind(a.stage, b.stage),
                    key,
                    b.name,
                    a.stage.value,
                    b.stage.value,
                )
            )
        if not _same(a.amount, b.amount):
            out.append(Event("opportunity", "amount", key, b.name, a.amount, b.amount))
    return out


class _Work(Protocol):
    """Actions of an account and tasks of a strategy share this shape."""

    @property
    def id(self) -> str: ...
    @property
    def what(self) -> str: ...
    @property
    def due(self) -> dt.date | None: ...
    @property
    def status(self) -> Status: ...


def _overdue(item: _Work | None, as_of: dt.date) -> bool:
    return item is not None and is_overdue(item.due, item.status, as_of)


def work_events(
    section: str, old: Mapping[str, _Work], new: Mapping[str, _Work], as_of: dt.date
) -> list[Event]:
    """Added, removed, closed, reopened, other status moves and newly overdue items.

    Keyed by the caller: actions by id, tasks by `<objective>/<task>` (unique per objective).
    """
    out: list[Event] = []
    for key in sorted(new.keys() - old.keys()):
        out.append(Event(section, "added", key, new[key].what, None, new[key].status.value))
    for key in sorted(old.keys() - new.keys()):
        out.append(Event(section, "removed", key, old[key].what, old[key].status.value))
    for key in sorted(old.keys() & new.keys()):
        a, b = old[key], new[key]
        if a.status == b.status:
            continue
        was_open, now_open = is_open(a.status), is_open(b.status)
        kind = (
            "closed"
            if was_open and not now_open
            else "reopened"
            if now_open and not was_open
            else "status"
        )
        out.append(Event(section, kind, key, b.what, a.status.value, b.status.value))
    for key in sorted(new):
        if _overdue(new[key], as_of) and not _overdue(old.get(key), as_of):
            due = new[key].due
            out.append(Event(section, "overdue", key, new[key].what, None, str(due)))
    return out


def objective_events(
    before: Sequence[ObjectiveScore],
    after: Sequence[ObjectiveScore],
    titles: Mapping[str, str],
    kpi_names: Mapping[str, str],
) -> list[Event]:
    """Objectives in or out, objective and KPI status, KPI progress that moved within a status.

    KPI ids are `<objective>/<kpi>`; names come from the HEAD side (else BASE) of the file.
    """
    old, new = _index(before), _index(after)
    out = _membership("objective", old, new, lambda o: titles.get(o.id, o.id))
    for key in sorted(old.keys() & new.keys()):
        a, b = old[key], new[key]
        if a.status != b.status:
            out.append(
                Event(
                    "objective", "status", key, titles.get(key, key), a.status.value, b.status.value
                )
            )
        ka, kb = _index(a.kpis), _index(b.kpis)
        for kid in sorted(ka.keys() | kb.keys()):
            ref = f"{key}/{kid}"
            name = kpi_names.get(ref, kid)
            x, y = ka.get(kid), kb.get(kid)
            if x is None or y is None:
                out.append(Event("kpi", "added" if x is None else "removed", ref, name))
            elif x.status != y.status:
                out.append(Event("kpi", "status", ref, name, x.status.value, y.status.value))
            elif not _same(x.progress, y.progress):
                out.append(Event("kpi", "progress", ref, name, x.progress, y.progress))
    return out


def kpi_names(objectives: Iterable[tuple[str, Sequence[Kpi]]]) -> dict[str, str]:
    return {f"{oid}/{k.id}": k.name for oid, kpis in objectives for k in kpis}


def risk_events(before: Account, after: Account) -> list[Event]:
    old, new = _index(before.risks), _index(after.risks)
    return _membership("risk", old, new, lambda r: r.what)
