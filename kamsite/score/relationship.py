"""The decision chain in numbers: relationship per stakeholder, health, decision coverage."""

from __future__ import annotations

from collections.abc import Iterable

from kamsite.model.account import Account, Attitude, Role, Stakeholder

DECIDERS = frozenset({Role.decision_maker, Role.economic_buyer})
FAVOURABLE = frozenset({Attitude.champion, Attitude.supporter})


def relationship(stakeholder: Stakeholder) -> float | None:
    """`R = 20 × mean(six dimensions)`, 0..100; None when the block is not assessed."""
    if stakeholder.relationship is None:
        return None
    return 20 * sum(stakeholder.relationship.values()) / 6


def is_decider(stakeholder: Stakeholder) -> bool:
    return not DECIDERS.isdisjoint(stakeholder.roles)


def relationship_health(stakeholders: Iterable[tuple[int, float | None]]) -> float | None:
    """Influence-weighted mean R over (influence, R) pairs, so a cold CEO outweighs a warm clerk."""
    weighted = weights = 0.0
    for influence, r in stakeholders:
        if r is not None:
            weighted += influence * r
            weights += influence
    return weighted / weights if weights else None


def decision_coverage(account: Account) -> float | None:
    """Share of active decision makers and economic buyers who are champions or supporters."""
    deciders = [s for s in account.active_stakeholders if is_decider(s)]
    if not deciders:
        return None
    return sum(1 for s in deciders if s.attitude in FAVOURABLE) / len(deciders)
