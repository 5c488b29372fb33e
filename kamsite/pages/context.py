"""What every page builder reads: content, scores, drawings, date and labels, with lookups."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from enum import Enum
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from jinja2 import Environment

from kamsite.cache import SignedStore, code_stamp
from kamsite.glossary import word
from kamsite.model import Account, Content
from kamsite.model.common import Status
from kamsite.model.execution import AccountObjective, is_overdue
from kamsite.model.portfolio import Stage
from kamsite.model.team import Member
from kamsite.pages.labels import Say
from kamsite.pages.markup import href
from kamsite.pages.templates import environment, template_sources
from kamsite.pages.views import Due, Link, Term
from kamsite.score import AccountScore, FlagCode, PortfolioScores, StrategyScore, display
from kamsite.score import revenue as figures
from kamsite.score.attention import Attention, rank_accounts
from kamsite.score.measures import Scored
from kamsite.score.results import ObjectiveScore
from kamsite.score.revenue import Concentration, Revenue

if TYPE_CHECKING:
    from kamsite.pages.trends import Trends


@dataclass(frozen=True, slots=True)
class Drawings:
    """Rendered SVG (inline-ready, ids prefixed per diagram) keyed by account/strategy id.

    Links inside: decision chains to `#<stakeholder-id>`, strategy maps to
    `#<objective-id>`, matrix bubbles to `accounts/<id>/` relative to the site root.
    """

    decision_chains: Mapping[str, str] = field(default_factory=dict)
    strategy_maps: Mapping[str, str] = field(default_factory=dict)
    matrix: str = ""


def account_url(account_id: str) -> str:
    return f"accounts/{account_id}/"


def strategy_url(strategy_id: str) -> str:
    return f"strategies/{strategy_id}/"


def member_url(member_id: str) -> str:
    return f"team/{member_id}/"


@dataclass(frozen=True)
class Site:
    content: Content
    scores: PortfolioScores
    drawings: Drawings
    as_of: dt.date
    overrides: Path | None = None
    memo: SignedStore | None = None
    """Pages rendered by `kept`, by their layout and the repr of the view they show."""
    trends: Trends | None = None
    """The history pictures; None when pages are made without a history (unit tests)."""

    @cached_property
    def templates(self) -> Environment:
        return environment(self.overrides)

    @cached_property
    def _layouts(self) -> str:
        """What every rendering depends on besides its view."""
        sources = hashlib.sha256(template_sources(self.overrides)).hexdigest()
        return f"{code_stamp()}\0{sources}\0{self.content.settings.language}\0{self.as_of}"

    def render(self, template: str, **context: object) -> str:
        """A page from its layout (`stream`, joined)."""
        return "".join(self.stream(template, **context))

    def stream(self, template: str, **context: object) -> Iterator[str]:
        """A page from its layout in the pieces the layout makes, for the pages that list the
        whole portfolio: they are split and stored as they come (`kamsite.pagecache.split`).
        Every layout also gets `say` (labels) and `as_of`."""
        layout = self.templates.get_template(template)
        return layout.generate(say=self.say, as_of=self.as_of.isoformat(), **context)

    def kept(self, template: str, **context: object) -> str:
        """`render`, or the page as rendered before from an equal view (see `memo`): after
        an edit, a member or strategy page whose items did not change is read back. The pages
        that list every account change with almost any edit and are rendered each time:
        keying them took a sixth as long as making them. A view whose repr is not a pure
        value only misses."""
        if self.memo is None:
            return self.render(template, **context)
        view = repr((self._layouts, template, sorted(context.items())))
        key = hashlib.sha256(view.encode("utf-8", "surrogatepass")).hexdigest()
        if (stored := self.memo.read(key)) is not None:
            return stored.decode("utf-8")
        page = self.render(template, **context)
        self.memo.write(key, page.encode("utf-8"))
        return page

    def prepare(self) -> None:
        """Compile every layout and compute what the pages that list accounts share, before
        pages are made in forked workers, which would each do it again."""
        for name in self.templates.list_templates(extensions=["html"]):
            self.templates.get_template(name)
        _kept = (self.ranking, self.concentration, self.owned, self.contributions)  # computed

    @cached_property
    def say(self) -> Say:
        return Say(self.content.settings.language)

    @cached_property
    def account_scores(self) -> dict[str, AccountScore]:
        return {a.id: a for a in self.scores.accounts}

    @cached_property
    def strategy_scores(self) -> dict[str, StrategyScore]:
        return {s.id: s for s in self.scores.strategies}

    @cached_property
    def objective_scores(self) -> dict[tuple[str, str, str], ObjectiveScore]:
        """Every scored objective by ("account" or "strategy", its id, the objective's id),
        looked up per row by the pages that list objectives across the portfolio."""
        found = {("account", a.id, o.id): o for a in self.scores.accounts for o in a.objectives}
        for s in self.scores.strategies:
            found.update({("strategy", s.id, o.id): o for o in s.objectives})
        return found

    @cached_property
    def members(self) -> dict[str, Member]:
        return {m.id: m for m in self.content.team.members}

    def accounts(self) -> list[Account]:
        return [self.content.accounts[key] for key in sorted(self.content.accounts)]

    @cached_property
    def ranking(self) -> tuple[Attention, ...]:
        """Every account by attention priority, highest first (`kamsite.score.attention`)."""
        return rank_accounts(self.scores.accounts)

    @cached_property
    def scored(self) -> dict[str, Scored]:
        """Each account with its scorecard, by id in id order: what revenue figures read."""
        return {
            key: Scored(self.content.accounts[key], self.account_scores[key])
            for key in sorted(self.content.accounts)
        }

    @cached_property
    def revenue(self) -> Revenue:
        """The portfolio's fiscal-year revenue: what every other set's share is taken of."""
        return figures.revenue(self.scored.values(), self.content.settings.fiscal_year, None)

    @cached_property
    def concentration(self) -> Concentration:
        """The largest accounts and each owner's revenue, computed once for the dashboard
        and the team pages so a person's revenue is the same number on both."""
        return figures.concentration(tuple(self.scored.values()), self.content.settings.fiscal_year)

    @cached_property
    def owned(self) -> dict[str | None, Revenue]:
        """The revenue of the accounts each owner owns (None: accounts without an owner)."""
        return dict(self.concentration.owners)

    @cached_property
    def contributions(self) -> dict[str, list[tuple[Account, AccountObjective]]]:
        """Account objectives by the `<strategy>/<objective>` they contribute to, found in
        one pass so each strategy page reads its own instead of scanning every account."""
        found: dict[str, list[tuple[Account, AccountObjective]]] = {}
        for a in self.accounts():
            for o in a.objectives:
                for ref in o.contributes_to:
                    found.setdefault(ref, []).append((a, o))
        return found

    @property
    def unit(self) -> str:
        """What amounts are counted in, in full: "M CNY"."""
        settings = self.content.settings
        return " ".join(x for x in (settings.unit, settings.currency) if x)

    def member(self, here: str, member_id: str | None) -> Link | None:
        return None if member_id is None else self._member(here, member_id)

    def members_of(self, here: str, ids: list[str]) -> tuple[Link, ...]:
        return tuple(self._member(here, i) for i in ids)

    def _member(self, here: str, member_id: str) -> Link:
        """A team member's name linking to their page; unknown ids show as plain text."""
        person = self.members.get(member_id)
        if person is None:
            return Link(member_id)
        return Link(person.name, href(here, member_url(member_id)))

    def account(self, here: str, account_id: str) -> Link:
        found = self.content.accounts.get(account_id)
        name = found.name if found is not None else account_id
        return Link(name, href(here, account_url(account_id)))

    def flag(self, code: FlagCode) -> Term:
        return Term(word(code, self.content.settings.language), code.value)

    def ago(self, day: dt.date | None) -> str | None:
        """How long before `as_of` a date was, in words; None for no date."""
        return None if day is None else self.say.days_ago((self.as_of - day).days)

    def word(self, value: Enum) -> Term:
        """An enum value in the portfolio's language, with its code."""
        return Term(self.say.value(value), str(value.value))

    def term(self, value: Enum | None) -> Term | None:
        return None if value is None else self.word(value)

    def money(self, value: float | None) -> str:
        if value is None:
            return "—"
        unit = self.content.settings.unit or self.content.settings.currency
        return f"{display(value)}{' ' + unit if unit else ''}"

    def date(self, value: dt.date | None) -> str:
        return value.isoformat() if value is not None else "—"

    def overdue(self, due: dt.date | None, status: Status | Stage) -> bool:
        return is_overdue(due, status, self.as_of)

    def due(self, due: dt.date | None, status: Status | Stage) -> Due:
        """A date with its overdue mark: open work (an action, task or deal) past `as_of`."""
        return Due(self.date(due), self.overdue(due, status))
