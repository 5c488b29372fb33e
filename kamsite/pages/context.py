"""What every page builder reads: content, scores, drawings, date and labels, with lookups."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property

from kamsite.model import Account, Content
from kamsite.model.common import OPEN_STATUSES, Status
from kamsite.model.team import Member
from kamsite.pages.labels import Say
from kamsite.pages.markup import Safe, esc, href, link
from kamsite.score import AccountScore, PortfolioScores, StrategyScore, display


@dataclass(frozen=True)
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


def is_open(status: Status) -> bool:
    return status in OPEN_STATUSES


@dataclass(frozen=True)
class Site:
    content: Content
    scores: PortfolioScores
    drawings: Drawings
    as_of: dt.date

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
    def members(self) -> dict[str, Member]:
        return {m.id: m for m in self.content.team.members}

    def accounts(self) -> list[Account]:
        return [self.content.accounts[key] for key in sorted(self.content.accounts)]

    def member(self, here: str, member_id: str | None) -> Safe:
        """A team member's name linking to their page; unknown ids show as plain text."""
        if member_id is None:
            return esc(None)
        person = self.members.get(member_id)
        if person is None:
            return esc(member_id)
        return link(href(here, member_url(member_id)), person.name)

    def account(self, here: str, account_id: str) -> Safe:
        found = self.content.accounts.get(account_id)
        name = found.name if found is not None else account_id
        return link(href(here, account_url(account_id)), name)

    def money(self, value: float | None) -> str:
        if value is None:
            return "—"
        unit = self.content.settings.unit
        return f"{display(value)}{' ' + unit if unit else ''}"

    def date(self, value: dt.date | None) -> str:
        return value.isoformat() if value is not None else "—"

    def overdue(self, due: dt.date | None, status: Status) -> bool:
        return due is not None and is_open(status) and due < self.as_of
