"""Starting points for new plans: valid as written, with the rest of the format as comments."""

from __future__ import annotations

import json

ACCOUNT = """\
kind: account
id: {id}
name: {name}
tier: important          # strategic | key | important | ordinary
stage: exploratory       # exploratory | basic | cooperative | interdependent | integrated
# owner: <team member id>     # key account manager
# sponsor: <team member id>   # executive sponsor
summary: |
  Why this account matters and what we want from the next twelve months.

revenue: []              # - {{year: 2026, actual: 0, target: 0, forecast: 0}}
# wallet: 0              # the customer's yearly spend in our categories

# assessment:            # score every criterion of portfolio.yaml scoring, 1..5
#   attractiveness: {{revenue_potential: {{score: 3}}, ...}}
#   strength: {{offer_fit: {{score: 3}}, ...}}

stakeholders: []         # the decision chain: id, name, title, roles, influence 1..5, attitude
competitors: []
needs: []
opportunities: []
objectives: []
actions: []
risks: []
"""


def account(account_id: str, name: str) -> str:
    """JSON strings are YAML 1.2 scalars, so any name comes out quoted and intact."""
    return ACCOUNT.format(id=account_id, name=json.dumps(name, ensure_ascii=False))
