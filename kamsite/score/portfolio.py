"""The entry point: the whole portfolio scored as one pure function of (content, as_of)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from kamsite.model.content import Content
from kamsite.score.account import redate, score_account
from kamsite.score.measures import Scored
from kamsite.score.results import AccountScore, PortfolioScores
from kamsite.score.strategy import score_strategy
from kamsite.score.totals import totals


def score_portfolio(
    content: Content, as_of: dt.date, undated_scores: Mapping[str, AccountScore] | None = None
) -> PortfolioScores:
    """Accounts and strategies sorted by id, whatever order the mappings come in.

    `undated_scores`: `account.undated` of some accounts, by id, kept from scoring the same
    file versions at another date (a history); the others are scored in full.
    """
    settings = content.settings
    keys = sorted(content.accounts)
    known = undated_scores or {}
    accounts = tuple(
        redate(known[key], content.accounts[key], settings, as_of)
        if key in known
        else score_account(content.accounts[key], settings, as_of)
        for key in keys
    )
    scored = {a.id: Scored(content.accounts[a.id], a) for a in accounts}
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
