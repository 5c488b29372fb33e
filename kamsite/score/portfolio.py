"""The entry point: the whole portfolio scored as one pure function of (content, as_of)."""

from __future__ import annotations

import datetime as dt

from kamsite.model.content import Content
from kamsite.score.account import score_account
from kamsite.score.measures import Scored
from kamsite.score.results import PortfolioScores
from kamsite.score.strategy import score_strategy
from kamsite.score.totals import totals


def score_portfolio(content: Content, as_of: dt.date) -> PortfolioScores:
    """Accounts and strategies sorted by id, whatever order the mappings come in."""
    settings = content.settings
    keys = sorted(content.accounts)
    accounts = tuple(score_account(content.accounts[key], settings, as_of) for key in keys)
    scored = tuple(Scored(content.accounts[key], a) for key, a in zip(keys, accounts, strict=True))
    return PortfolioScores(
        as_of=as_of,
        fiscal_year=settings.fiscal_year,
        accounts=accounts,
        strategies=tuple(
            score_strategy(content.strategies[key], as_of, scored, settings.stale_after_days)
            for key in sorted(content.strategies)
        ),
        totals=totals(accounts, settings.fiscal_year),
    )
