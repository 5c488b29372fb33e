"""Account risks in numbers: exposure = likelihood × impact (1..25) and its band."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from kamsite.model.account import Account

HIGH_FROM = 15
MEDIUM_FROM = 8


class Band(StrEnum):
    high = "high"
    medium = "medium"
    low = "low"


@dataclass(frozen=True, slots=True)
class Exposure:
    value: int
    band: Band


def exposure(likelihood: int, impact: int) -> Exposure:
    value = likelihood * impact
    band = Band.high if value >= HIGH_FROM else Band.medium if value >= MEDIUM_FROM else Band.low
    return Exposure(value, band)


def risk_exposures(account: Account) -> dict[str, Exposure]:
    return {r.id: exposure(r.likelihood, r.impact) for r in account.risks}
