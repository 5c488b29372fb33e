"""The views the trend templates read: plain frozen data."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass

from markupsafe import Markup

from kamsite.model.portfolio import Language
from kamsite.pages.trends.words import say
from kamsite.pages.views import Link


@dataclass(frozen=True, slots=True)
class MovedView:
    """What moved between two commits of one plan: `lines` in the portfolio's language."""

    heading: str
    range: str
    lines: tuple[str, ...]
    nothing: str | None


@dataclass(frozen=True, slots=True)
class AccountTrendsView:
    """The body of an account page's `kam-trends` section: a note, or the picture and moves."""

    title: str
    note: str | None
    chart: Markup | None = None
    chart_label: str = ""
    caption: str = ""
    moved: MovedView | None = None


@dataclass(frozen=True, slots=True)
class MoverRow:
    account: Link
    period: tuple[str, str]
    quadrant: str
    cells: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class DashboardTrendsView:
    """The dashboard's movement: the matrix picture and the biggest movers, or a note."""

    title: str
    note: str | None
    matrix: Markup | None = None
    matrix_label: str = ""
    caption: str = ""
    movers_title: str = ""
    movers_caption: str = ""
    columns: tuple[str, ...] = ()
    movers: tuple[MoverRow, ...] = ()
    movers_nothing: str = ""


@dataclass(frozen=True, slots=True)
class Trends:
    """Everything the pages show of the history, by account id; `stamp` names the history."""

    stamp: str
    language: Language
    note: str | None
    accounts: Mapping[str, AccountTrendsView]
    dashboard: DashboardTrendsView

    def account(self, account_id: str) -> AccountTrendsView:
        found = self.accounts.get(account_id)
        if found is not None:
            return found
        return AccountTrendsView(
            say(self.language, "title"), self.note or say(self.language, "no_account_history")
        )

    def account_key(self, account_id: str) -> str:
        """A digest of all an account page shows of the history: part of its page cache key,
        so a page is made again only when its own trends changed."""
        return _digest(self.account(account_id))

    def dashboard_key(self) -> str:
        return _digest(self.dashboard)


def _digest(view: object) -> str:
    """Views are frozen dataclasses of text, numbers and Markup: their repr is their content."""
    return hashlib.sha256(repr(view).encode("utf-8", "surrogatepass")).hexdigest()
