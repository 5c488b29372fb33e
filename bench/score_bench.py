"""Time `score_portfolio` on 1,000 synthetic accounts built in memory (not a test).

Each account has 30 stakeholders, 8 needs, 6 opportunities and 30 actions, so the
time measured is scoring alone, without loading or validating YAML.
Run: .venv/bin/python bench/score_bench.py [ACCOUNTS]
"""

from __future__ import annotations

import datetime as dt
import random
import sys
import time
from typing import Any

from kamsite.model import Account, Content, PortfolioSettings, Team
from kamsite.model.portfolio import DEFAULT_ATTRACTIVENESS, DEFAULT_STRENGTH, Stage
from kamsite.score import score_portfolio

ROLES = ["decision_maker", "economic_buyer", "technical_buyer", "user_buyer", "coach"]
ATTITUDES = ["champion", "supporter", "neutral", "skeptic", "opponent", "unknown"]
STATUSES = ["planned", "in_progress", "done", "blocked", "dropped"]
DIMENSIONS = [
    "acceptance",
    "participation",
    "information",
    "guidance",
    "project_support",
    "competitive_preference",
]


def _date(rng: random.Random) -> str:
    return (dt.date(2026, 1, 1) + dt.timedelta(days=rng.randrange(365))).isoformat()


def synthetic_account(n: int, rng: random.Random) -> Account:
    data: dict[str, Any] = {
        "kind": "account",
        "id": f"acct-{n:04d}",
        "name": f"Account {n}",
        "tier": rng.choice(["strategic", "key", "important", "ordinary"]),
        "sponsor": "wang-qiang" if rng.random() < 0.8 else None,
        "reviewed": _date(rng),
        "revenue": [{"year": 2026, "actual": rng.uniform(0, 100), "target": rng.uniform(50, 150)}],
        "wallet": rng.uniform(200, 600),
        "assessment": {
            "attractiveness": {k: {"score": rng.randint(1, 5)} for k in DEFAULT_ATTRACTIVENESS},
            "strength": {k: {"score": rng.randint(1, 5)} for k in DEFAULT_STRENGTH},
        },
        "competitors": [{"id": "rival", "name": "Rival"}],
        "needs": [
            {
                "id": f"need-{i}",
                "need": "Need",
                "importance": rng.randint(1, 5),
                "ratings": {"us": rng.randint(1, 5), "rival": rng.randint(1, 5)},
            }
            for i in range(8)
        ],
        "stakeholders": [
            {
                "id": f"person-{i}",
                "name": f"Person {i}",
                "influence": rng.randint(1, 5),
                "roles": [rng.choice(ROLES)],
                "attitude": rng.choice(ATTITUDES),
                "owner": "li-na" if rng.random() < 0.7 else None,
                "last_contact": _date(rng),
                "relationship": {d: rng.randint(0, 5) for d in DIMENSIONS},
            }
            for i in range(30)
        ],
        "opportunities": [
            {
                "id": f"opp-{i}",
                "name": "Deal",
                "stage": rng.choice(list(Stage)).value,
                "amount": rng.uniform(1, 50),
            }
            for i in range(6)
        ],
        "actions": [
            {
                "id": f"action-{i}",
                "what": "Do",
                "owner": "li-na",
                "due": _date(rng),
                "status": rng.choice(STATUSES),
            }
            for i in range(30)
        ],
    }
    return Account.model_validate(data)


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    rng = random.Random(20261101)
    settings = PortfolioSettings.model_validate(
        {"kind": "portfolio", "name": "Bench", "fiscal_year": 2026}
    )
    accounts = {a.id: a for a in (synthetic_account(n, rng) for n in range(count))}
    content = Content(settings=settings, team=Team(kind="team"), accounts=accounts)
    as_of = dt.date(2026, 11, 1)
    wall, cpu = [], []
    for _ in range(5):
        start, start_cpu = time.perf_counter(), time.process_time()
        scores = score_portfolio(content, as_of)
        wall.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    # CPU time too: on a shared machine the wall clock also counts other processes.
    print(
        f"score_portfolio: {count} accounts in {min(wall) * 1000:.0f} ms wall, "
        f"{min(cpu) * 1000:.0f} ms CPU (best of {len(wall)}); "
        f"{sum(len(a.flags) for a in scores.accounts)} flags raised"
    )


if __name__ == "__main__":
    main()
