"""An account plan that uses every field of the 2026-11-24 contract, for the page tests."""

from __future__ import annotations

from typing import Any

from score_support import clean, person, rel

PORTFOLIO = {
    "kind": "portfolio",
    "name": "Fields",
    "currency": "CNY",
    "unit": "M",
    "fiscal_year": 2026,
    "as_of": "2026-11-01",
}
TEAM = {
    "kind": "team",
    "members": [{"id": "li-na", "name": "Li Na"}, {"id": "wang-qiang", "name": "Wang Qiang"}],
}


def full_account() -> dict[str, Any]:
    """`clean()` plus every new field once; its one overdue item is the deal's next step."""
    boss, buyer, insider = clean()["stakeholders"]
    return clean(
        competitors=[{"id": "rival", "name": "Rival Networks"}],
        stakeholders=[
            boss
            | {
                "key_person": True,
                "mode": "overconfident",
                "prefers": "rival",
                "relationship": rel(3, 3, 3, 2, 3, 3),
                "target": {"attitude": "champion", "relationship": {"guidance": 4}},
            },
            buyer,
            insider,
            person(
                "old-cto",
                name="Old Cto",
                roles=["technical_buyer"],
                status="moved",
                since="2026-09-01",
            ),
        ],
        opportunities=[
            {
                "id": "deal",
                "name": "Core deal",
                "stage": "commit",
                "amount": 40,
                "close": "2026-12-15",
                "owner": "wang-qiang",
                "next_step": {"what": "Price round with procurement", "due": "2026-10-20"},
            },
            {
                "id": "backhaul",
                "name": "Backhaul",
                "stage": "won",
                "amount": 10,
                "close": "2026-03-01",
                "reason": "Fastest **swap plan**",
            },
            {
                "id": "oss",
                "name": "OSS",
                "stage": "lost",
                "amount": 5,
                "close": "2026-04-01",
                "reason": "Rival ran a live pilot",
            },
        ],
        objectives=[
            {
                "id": "grow",
                "statement": "Grow",
                "from": "2026-07-01",
                "by": "2027-06-30",
                "kpis": [{"id": "k", "name": "K", "baseline": 0, "target": 10, "actual": 3}],
            }
        ],
        actions=[
            {
                "id": "visit",
                "what": "Visit",
                "owner": "li-na",
                "due": "2026-12-01",
                "stakeholder": "boss",
                "stakeholders": ["buyer"],
            }
        ],
        engagements=[
            {
                "id": "summit",
                "what": "Executive summit",
                "cadence": "semiannual",
                "next": "2027-03-15",
                "owner": "wang-qiang",
            }
        ],
        resources=[
            {"what": "Solution architect", "amount": 1.2, "owner": "li-na"},
            {"what": "Lab kit", "amount": 3.5},
            {"what": "Goodwill"},
        ],
    )
