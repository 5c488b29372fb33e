"""Rules that need more than one file: references between files and the scoring config."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping

from kamsite.model.account import Account
from kamsite.model.portfolio import Criterion, PortfolioSettings
from kamsite.model.strategy import Strategy
from kamsite.model.team import Team
from kamsite.validate.findings import Finding
from kamsite.validate.inner import duplicate_ids
from kamsite.validate.pydantic_errors import did_you_mean

Loc = tuple[str | int, ...]


def settings_rules(settings: PortfolioSettings) -> Iterator[Finding]:
    for group in ("attractiveness", "strength"):
        criteria: Mapping[str, Criterion] = getattr(settings.scoring, group)
        total = sum(c.weight for c in criteria.values())
        if abs(total - 1.0) > 0.001:
            yield Finding(
                ("scoring", group),
                "weights-sum",
                f"scoring.{group} weights sum to {round(total, 6):g}; they must sum to 1.0",
            )


def team_rules(team: Team) -> Iterator[Finding]:
    yield from duplicate_ids(team.members, ("members",))


class Refs:
    """What an id may point at, gathered once from every valid file."""

    def __init__(
        self,
        team: Team | None,
        accounts: Iterable[str],
        strategies: Mapping[str, Strategy],
    ) -> None:
        self.members = {m.id for m in team.members} if team else set()
        self.accounts = set(accounts)
        self.objectives = {f"{s.id}/{o.id}" for s in strategies.values() for o in s.map}

    def member(self, loc: Loc, ref: str | None) -> Iterator[Finding]:
        if ref is not None and ref not in self.members:
            yield Finding(
                loc,
                "unknown-ref",
                f"unknown team member `{ref}`{did_you_mean(ref, self.members)}"
                " (add them to team.yaml or fix the id)",
            )

    def objective(self, loc: Loc, ref: str) -> Iterator[Finding]:
        if ref not in self.objectives:
            yield Finding(
                loc,
                "unknown-ref",
                f"unknown strategy objective `{ref}`{did_you_mean(ref, self.objectives)}"
                " (write <strategy-id>/<objective-id>)",
            )


def account_rules(account: Account, settings: PortfolioSettings, refs: Refs) -> Iterator[Finding]:
    yield from refs.member(("owner",), account.owner)
    yield from refs.member(("sponsor",), account.sponsor)
    for i, ref in enumerate(account.team):
        yield from refs.member(("team", i), ref)
    for s, person in enumerate(account.stakeholders):
        yield from refs.member(("stakeholders", s, "owner"), person.owner)
    for a, action in enumerate(account.actions):
        yield from refs.member(("actions", a, "owner"), action.owner)
        if action.objective and "/" in action.objective:
            yield from refs.objective(("actions", a, "objective"), action.objective)
    for r, review in enumerate(account.reviews):
        for i, ref in enumerate(review.by):
            yield from refs.member(("reviews", r, "by", i), ref)
    for r, risk in enumerate(account.risks):
        yield from refs.member(("risks", r, "owner"), risk.owner)
    for o, objective in enumerate(account.objectives):
        for i, ref in enumerate(objective.contributes_to):
            yield from refs.objective(("objectives", o, "contributes_to", i), ref)
    if account.assessment is not None:
        for group in ("attractiveness", "strength"):
            expected: Mapping[str, Criterion] = getattr(settings.scoring, group)
            given = getattr(account.assessment, group)
            missing = [c for c in expected if c not in given]
            if missing:
                yield Finding(
                    ("assessment", group),
                    "missing-criterion",
                    f"assessment.{group} lacks "
                    + ", ".join(f"`{c}`" for c in missing)
                    + " (score every criterion of portfolio.yaml scoring, 1..5)",
                )
            for name in given:
                if name not in expected:
                    yield Finding(
                        ("assessment", group, name),
                        "unknown-key",
                        f"`{name}` is not a {group} criterion of portfolio.yaml"
                        f"{did_you_mean(name, expected)}",
                        key=True,
                    )


def strategy_rules(strategy: Strategy, refs: Refs) -> Iterator[Finding]:
    if strategy.account is not None and strategy.account not in refs.accounts:
        yield Finding(
            ("account",),
            "unknown-ref",
            f"unknown account `{strategy.account}`{did_you_mean(strategy.account, refs.accounts)}",
        )
    yield from refs.member(("owner",), strategy.owner)
    for o, objective in enumerate(strategy.map):
        yield from refs.member(("map", o, "owner"), objective.owner)
        for t, task in enumerate(objective.tasks):
            yield from refs.member(("map", o, "tasks", t, "owner"), task.owner)
