"""Rules that need more than one file: references between files, the scoring config, dates.

They read the plain data (`view`) of every file that could be read, valid or not, so a
file with schema errors still has its references checked in the same run.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from numbers import Real

from kamsite.model.content import as_of_date
from kamsite.model.portfolio import DEFAULT_ATTRACTIVENESS, DEFAULT_STRENGTH
from kamsite.validate.findings import Finding, Loc
from kamsite.validate.pydantic_errors import did_you_mean
from kamsite.validate.view import Data, date, entries, ids, node, text, texts, whole

FUTURE_DAYS = 31
"""A date this far past as_of is a typo (2062 for 2026), not a plan: it would switch off
the staleness checks, so it is worth a warning."""

_GROUPS = {"attractiveness": DEFAULT_ATTRACTIVENESS, "strength": DEFAULT_STRENGTH}


@dataclass(frozen=True)
class Frame:
    """What account rules need from portfolio.yaml, as far as it can be read."""

    criteria: Mapping[str, frozenset[str] | None]
    fiscal_year: int | None
    as_of: dt.date | None

    def key(self) -> str:
        """Equal keys, equal frames: part of the key account findings are kept by."""
        criteria = sorted(
            (g, sorted(c) if c is not None else None) for g, c in self.criteria.items()
        )
        return repr((criteria, self.fiscal_year, self.as_of))


def frame(settings: Data | None) -> Frame:
    """None (no readable portfolio.yaml): criteria, fiscal year and as_of are unknown."""
    if settings is None:
        return Frame({group: None for group in _GROUPS}, None, None)
    scoring = node(settings, "scoring")
    criteria: dict[str, frozenset[str] | None] = {}
    for group, default in _GROUPS.items():
        given = node(scoring, group)
        if given is None and (scoring is None or isinstance(scoring, dict)):
            criteria[group] = frozenset(default)
        elif isinstance(given, dict):
            criteria[group] = frozenset(k for k in given if isinstance(k, str))
        else:
            criteria[group] = None
    as_of = date(settings, "as_of")
    if as_of is None and node(settings, "as_of") is None:
        try:
            as_of = as_of_date(None)
        except ValueError:
            as_of = None
    return Frame(criteria, whole(settings, "fiscal_year"), as_of)


def settings_rules(settings: Data) -> Iterator[Finding]:
    for group in _GROUPS:
        criteria = node(settings, "scoring", group)
        if not isinstance(criteria, dict):
            continue
        weights = [node(c, "weight") for c in criteria.values()]
        if not all(isinstance(w, Real) and not isinstance(w, bool) for w in weights):
            continue
        total = sum(weights)
        if abs(total - 1.0) > 0.001:
            yield Finding(
                ("scoring", group),
                "weights-sum",
                f"scoring.{group} weights sum to {round(total, 6):g}; they must sum to 1.0",
            )


class Refs:
    """What an id may point at, gathered once from every file that could be read."""

    def __init__(
        self,
        members: Iterable[str] | None,
        accounts: Iterable[str],
        objectives: Iterable[str],
        unread: Iterable[str] = (),
    ) -> None:
        """`members` None: team.yaml exists but could not be read, so no member is unknown;
        `unread`: names of strategy files that could not be read, whose objectives are not
        unknown either."""
        self.members = None if members is None else set(members)
        self.accounts = set(accounts)
        self.objectives = set(objectives)
        self.unread = set(unread)

    def key(self) -> str:
        """A digest of every id that may be pointed at (see `Frame.key`)."""
        members = sorted(self.members) if self.members is not None else None
        parts = (members, *map(sorted, (self.accounts, self.objectives, self.unread)))
        return hashlib.sha256(repr(parts).encode()).hexdigest()

    @classmethod
    def read(
        cls,
        team: Data | None,
        accounts: Iterable[str],
        strategies: Iterable[Data],
        unread: Iterable[str],
    ) -> Refs:
        """`team` None: unreadable, as is a team whose `members` is no list; `accounts`: the
        ids of the accounts that could be read; `unread`: stems of account and strategy files
        that could not be read (their ids are their names)."""
        unread = set(unread)
        objectives = (
            f"{strategy_id}/{objective}"
            for strategy in strategies
            if (strategy_id := text(strategy, "id"))
            for objective in ids(strategy, "map")
        )
        readable = team is not None and isinstance(team.get("members", []), list)
        return cls(
            ids(team, "members") if readable else None,
            [*accounts, *unread],
            objectives,
            unread,
        )

    def member(self, loc: Loc, ref: str | None) -> Iterator[Finding]:
        if ref is not None and self.members is not None and ref not in self.members:
            yield Finding(
                loc,
                "unknown-ref",
                f"unknown team member `{ref}`{did_you_mean(ref, self.members)}"
                " (add them to team.yaml or fix the id)",
            )

    def objective(self, loc: Loc, ref: str) -> Iterator[Finding]:
        if ref not in self.objectives and ref.partition("/")[0] not in self.unread:
            yield Finding(
                loc,
                "unknown-ref",
                f"unknown strategy objective `{ref}`{did_you_mean(ref, self.objectives)}"
                " (write <strategy-id>/<objective-id>)",
            )

    def account(self, loc: Loc, ref: str | None) -> Iterator[Finding]:
        if ref is not None and ref not in self.accounts:
            yield Finding(
                loc, "unknown-ref", f"unknown account `{ref}`{did_you_mean(ref, self.accounts)}"
            )


_OWNED = ("stakeholders", "opportunities", "actions", "engagements", "resources", "risks")


def account_rules(data: Data, portfolio: Frame, refs: Refs) -> Iterator[Finding]:
    yield from refs.member(("owner",), text(data, "owner"))
    yield from refs.member(("sponsor",), text(data, "sponsor"))
    for i, ref in texts(data, "team"):
        yield from refs.member(("team", i), ref)
    for section in _OWNED:
        for n, item in entries(data, section):
            yield from refs.member((section, n, "owner"), text(item, "owner"))
    for r, review in entries(data, "reviews"):
        for i, ref in texts(review, "by"):
            yield from refs.member(("reviews", r, "by", i), ref)
    for a, action in entries(data, "actions"):
        goal = text(action, "objective")
        if goal is not None and "/" in goal:
            yield from refs.objective(("actions", a, "objective"), goal)
    for o, objective in entries(data, "objectives"):
        for i, ref in texts(objective, "contributes_to"):
            yield from refs.objective(("objectives", o, "contributes_to", i), ref)
        yield from _time_frame(o, objective, portfolio.fiscal_year)
    yield from _assessment(data, portfolio)
    if portfolio.as_of is not None:
        yield from _future_dates(data, portfolio.as_of)


def _assessment(data: Data, portfolio: Frame) -> Iterator[Finding]:
    assessment = node(data, "assessment")
    if not isinstance(assessment, dict):
        return
    for group, expected in portfolio.criteria.items():
        given = assessment.get(group, {})
        if expected is None or not isinstance(given, dict):
            continue
        missing = sorted(c for c in expected if c not in given)
        if missing:
            yield Finding(
                ("assessment", group),
                "missing-criterion",
                f"assessment.{group} lacks "
                + ", ".join(f"`{c}`" for c in missing)
                + " (score every criterion of portfolio.yaml scoring, 1..5)",
            )
        for name in given:
            if isinstance(name, str) and name not in expected:
                yield Finding(
                    ("assessment", group, name),
                    "unknown-key",
                    f"`{name}` is not a {group} criterion of portfolio.yaml"
                    f"{did_you_mean(name, expected)}",
                    key=True,
                )


def _time_frame(index: int, objective: Data, fiscal_year: int | None) -> Iterator[Finding]:
    """A defaulted end of the time frame must not fall before its start (or the reverse)."""
    start, end = date(objective, "from"), date(objective, "by")
    if fiscal_year is None or (start is None) == (end is None):
        return
    if end is None and start is not None and start > dt.date(fiscal_year, 12, 31):
        yield Finding(
            ("objectives", index, "from"),
            "schema",
            f"`from` {start} is after the end of fiscal_year {fiscal_year}, the default end;"
            " give `by` too",
        )
    if start is None and end is not None and end < dt.date(fiscal_year, 1, 1):
        yield Finding(
            ("objectives", index, "by"),
            "schema",
            f"`by` {end} is before the start of fiscal_year {fiscal_year}, the default start;"
            " give `from` too",
        )


def _future_dates(data: Data, as_of: dt.date) -> Iterator[Finding]:
    found: list[tuple[Loc, dt.date | None]] = [(("reviewed",), date(data, "reviewed"))]
    for s, person in entries(data, "stakeholders"):
        found += [
            (("stakeholders", s, key), date(person, key)) for key in ("last_contact", "since")
        ]
    for r, review in entries(data, "reviews"):
        found.append((("reviews", r, "date"), date(review, "date")))
    limit = as_of + dt.timedelta(days=FUTURE_DAYS)
    for loc, when in found:
        if when is not None and when > limit:
            yield Finding(
                loc,
                "future-date",
                f"`{loc[-1]}` {when} is more than {FUTURE_DAYS} days after as_of {as_of};"
                " a typo in the year?",
                severity="warning",
            )


def strategy_rules(data: Data, refs: Refs) -> Iterator[Finding]:
    yield from refs.account(("account",), text(data, "account"))
    yield from refs.member(("owner",), text(data, "owner"))
    for o, objective in entries(data, "map"):
        yield from refs.member(("map", o, "owner"), text(objective, "owner"))
        for t, task in entries(objective, "tasks"):
            yield from refs.member(("map", o, "tasks", t, "owner"), text(task, "owner"))
