"""The decision chain in numbers: relationship per stakeholder, health, decision coverage."""

from __future__ import annotations

from kamsite.model.account import Account, Attitude, Role, Stakeholder

DECIDERS = frozenset({Role.decision_maker, Role.economic_buyer})
FAVOURABLE = frozenset({Attitude.champion, Attitude.supporter})


def relationship(stakeholder: Stakeholder) -> float | None:
    """`R = 20 × mean(six dimensions)`, 0..100; None when the block is not assessed."""
    if stakeholder.relationship is None:
        return None
    values = stakeholder.relationship.values()
    return 20 * sum(values) / len(values)


def is_decider(stakeholder: Stakeholder) -> bool:
    return not DECIDERS.isdisjoint(stakeholder.roles)


def relationship_health(account: Account) -> float | None:
    """Influence-weighted mean R, so a cold CEO outweighs a warm clerk."""
    weighted = weights = 0.0
    for stakeholder in account.stakeholders:
        r = relationship(stakeholder)
        if r is not None:
            weighted += stakeholder.influence * r
            weights += stakeholder.influence
    return weighted / weights if weights else None


def decision_coverage(account: Account) -> float | None:
    """Share of decision makers and economic buyers who are champions or supporters."""
    deciders = [s for s in account.stakeholders if is_decider(s)]
    if not deciders:
        return None
    return sum(1 for s in deciders if s.attitude in FAVOURABLE) / len(deciders)
