"""What needs attention first: accounts by priority, influential people worst first.

A flag count treats a stale plan at a small ordinary account like an opponent decision
maker at the largest strategic one. The priority weighs each raised flag by how much it
threatens the business (severity) and by what the account is worth (tier and the revenue
it puts at stake this year), so the Monday review starts where most is at risk.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from kamsite.glossary import word
from kamsite.model.account import Account, Attitude, Stakeholder, Tier
from kamsite.model.portfolio import Language
from kamsite.score.numbers import r6
from kamsite.score.plan import KEY_INFLUENCE
from kamsite.score.results import AccountScore, Flag, FlagCode
from kamsite.score.revenue import expected

# How much a raised flag threatens the account, 1..3: a decision going against us or this
# year's revenue uncovered (3); work or relationships slipping (2); gaps in the plan (1).
SEVERITY: dict[FlagCode, int] = {
    FlagCode.OPPONENT_DECISION_MAKER: 3,
    FlagCode.DECISION_MAKER_UNCOVERED: 3,
    FlagCode.LOW_PIPELINE_COVERAGE: 3,
    FlagCode.OVERDUE_ACTION: 2,
    FlagCode.GOING_COLD: 2,
    FlagCode.KEY_STAKEHOLDER_UNOWNED: 2,
    FlagCode.SINGLE_THREADED: 2,
    FlagCode.STALE_PLAN: 1,
    FlagCode.NO_SPONSOR: 1,
    FlagCode.NO_COACH: 1,
    FlagCode.TIER_MISMATCH: 1,
}

# What the declared tier says the account is worth to us; an account without a tier
# counts as ordinary.
TIER_WEIGHT: dict[Tier | None, int] = {
    Tier.strategic: 4,
    Tier.key: 3,
    Tier.important: 2,
    Tier.ordinary: 1,
    None: 1,
}

REASONS = 3


def _listed(items: Iterable[str], language: Language) -> str:
    return ("、" if language is Language.zh else ", ").join(items)


def tier_weights(language: Language) -> str:
    """TIER_WEIGHT in the glossary's words ("strategic 4, key 3, …, no tier 1"): the
    dashboard's note and the method page say it alike, in the portfolio's language."""
    none = "未分级" if language is Language.zh else "no tier"
    return _listed(
        (f"{none if t is None else word(t, language)} {w}" for t, w in TIER_WEIGHT.items()),
        language,
    )


@dataclass(frozen=True, slots=True)
class Attention:
    """One account's priority: `severity` × `worth`.

    `severity` = Σ SEVERITY of its raised flags; `worth` = tier weight × (1 + stake / the
    largest stake in the set), so 1..8; `stake` is the FY target, else the revenue expected
    at year end. `reasons` are its flags, most severe first (ties by code).
    """

    id: str
    priority: float
    severity: int
    worth: float
    stake: float
    reasons: tuple[Flag, ...]


def _stake(score: AccountScore) -> float:
    """Its FY target, else the revenue expected at year end: what the account puts at stake."""
    return score.revenue_target if score.revenue_target is not None else expected(score)


def rank_accounts(scores: Sequence[AccountScore]) -> tuple[Attention, ...]:
    """Every account, highest priority first; ties by larger stake, then by id.

    Two passes (the largest stake, then each account), so linear in the accounts.
    """
    stakes = {s.id: max(_stake(s), 0.0) for s in scores}
    largest = max(stakes.values(), default=0.0)
    found = []
    for s in scores:
        severity = sum(SEVERITY[f.code] for f in s.flags)
        share = stakes[s.id] / largest if largest > 0 else 0.0
        worth = TIER_WEIGHT[s.tier] * (1 + share)
        reasons = tuple(sorted(s.flags, key=lambda f: (-SEVERITY[f.code], f.code.value)))
        found.append(Attention(s.id, severity * worth, severity, worth, stakes[s.id], reasons))
    return tuple(sorted(found, key=lambda a: (-r6(a.priority), -r6(a.stake), a.id)))


def needing_attention(ranked: Iterable[Attention]) -> tuple[Attention, ...]:
    """The ranked accounts that raise at least one flag."""
    return tuple(a for a in ranked if a.severity > 0)


# Worst first: how far a person is from being on our side.
ATTITUDE_ORDER: dict[Attitude, int] = {
    Attitude.opponent: 0,
    Attitude.skeptic: 1,
    Attitude.unknown: 2,
    Attitude.neutral: 3,
    Attitude.supporter: 4,
    Attitude.champion: 5,
}
# Where we want every influential person at least, when their plan sets no target.
DEFAULT_TARGET = Attitude.supporter


def attitude_steps(language: Language) -> str:
    """The steps of ATTITUDE_ORDER, worst first, in the glossary's words."""
    worst_first = sorted(ATTITUDE_ORDER, key=ATTITUDE_ORDER.__getitem__)
    return _listed((word(a, language) for a in worst_first), language)


def shortfall(person: Stakeholder) -> int:
    """Steps of attitude between the person and their target (supporter when none is set)."""
    wanted = person.target.attitude if person.target is not None else DEFAULT_TARGET
    return max(0, ATTITUDE_ORDER[wanted] - ATTITUDE_ORDER[person.attitude])


@dataclass(frozen=True, slots=True)
class KeyPerson:
    """An active person with influence ≥ KEY_INFLUENCE; `days` since the last contact
    (None: never contacted), `shortfall` the steps of attitude still to win."""

    account: Account
    person: Stakeholder
    shortfall: int
    days: int | None


def key_people(accounts: Iterable[Account], as_of: dt.date) -> tuple[KeyPerson, ...]:
    """The influential people of every account, worst first.

    Order: largest shortfall of attitude first; then longest without contact (never
    contacted first); then higher influence; then account id and person id.
    """
    found = [
        KeyPerson(
            a,
            s,
            shortfall(s),
            None if s.last_contact is None else (as_of - s.last_contact).days,
        )
        for a in accounts
        for s in a.active_stakeholders
        if s.influence >= KEY_INFLUENCE
    ]

    def key(k: KeyPerson) -> tuple[int, bool, int, int, str, str]:
        return (
            -k.shortfall,
            k.days is not None,
            -(k.days or 0),
            -k.person.influence,
            k.account.id,
            k.person.id,
        )

    return tuple(sorted(found, key=key))
