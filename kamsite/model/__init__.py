"""Pydantic models of the content files; no I/O here. Field descriptions feed the schema."""

from pydantic import BaseModel

from kamsite.model.account import Account
from kamsite.model.content import Content, resolve_as_of
from kamsite.model.portfolio import PortfolioSettings
from kamsite.model.strategy import Strategy
from kamsite.model.team import Team

KIND_MODELS: dict[str, type[BaseModel]] = {
    "portfolio": PortfolioSettings,
    "team": Team,
    "account": Account,
    "strategy": Strategy,
}

__all__ = [
    "KIND_MODELS",
    "Account",
    "Content",
    "PortfolioSettings",
    "Strategy",
    "Team",
    "resolve_as_of",
]
