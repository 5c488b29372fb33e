"""Time drawing the example portfolio's pictures cold (empty cache) and warm (not a test).

Decision chains, strategy maps and the matrix of content/ (or of synthetic
accounts when content/ is missing or invalid), rendered in parallel into a
throw-away cache, then again from that cache: the warm run must start no `dot`.
Run: .venv/bin/python bench/graph_bench.py [--content DIR] [--synthetic N]
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from pathlib import Path

from kamsite.graph import (
    Diagram,
    MatrixPoint,
    Renderer,
    decision_chain,
    portfolio_matrix_svg,
    strategy_map,
)
from kamsite.model import Account, Content, resolve_as_of
from kamsite.score import score_portfolio
from kamsite.validate import validate_content

ATTITUDES = ["champion", "supporter", "neutral", "skeptic", "opponent", "unknown"]
ROLES = ["decision_maker", "economic_buyer", "technical_buyer", "influencer", "coach"]


def synthetic(count: int) -> list[Account]:
    """Accounts of 20 stakeholders in 4 units with a hierarchy and some influence."""
    rng = random.Random(7)
    accounts = []
    for n in range(count):
        people = []
        for i in range(20):
            people.append(
                {
                    "id": f"p{i}",
                    "name": f"Person {n}-{i}",
                    "title": rng.choice(["Director", "VP", "Manager", "总经理", "工程师"]),
                    "unit": f"Unit {i % 4}",
                    "influence": rng.randint(1, 5),
                    "attitude": rng.choice(ATTITUDES),
                    "roles": [rng.choice(ROLES)],
                    "reports_to": f"p{(i - 1) // 3}" if i else None,
                    "influences": [{"to": f"p{rng.randrange(20)}"}] if i % 3 == 0 else [],
                }
            )
        accounts.append(
            Account.model_validate(
                {
                    "kind": "account",
                    "id": f"acct-{n:03d}",
                    "name": f"Acct {n}",
                    "stakeholders": people,
                }
            )
        )
    return accounts


def example(content_dir: Path) -> tuple[list[Diagram], str] | None:
    """The example portfolio's diagrams and matrix, scored; None if it does not validate."""
    result = validate_content(content_dir, cache_dir=False)
    content: Content | None = result.content if result.ok else None
    if content is None:
        return None
    scores = score_portfolio(content, resolve_as_of(content.settings))
    language = content.settings.language.value
    diagrams = [
        decision_chain(
            content.accounts[a.id],
            team=content.team,
            relationship=a.stakeholders,
            language=language,
        )
        for a in scores.accounts
    ]
    diagrams += [
        strategy_map(
            content.strategies[s.id],
            status={o.id: o.status.value for o in s.objectives},
            language=language,
        )
        for s in scores.strategies
    ]
    points = [
        MatrixPoint(
            a.id,
            a.name,
            a.tier.value if a.tier else None,
            a.attractiveness,
            a.strength,
            next(
                (
                    r
                    for r in (a.revenue_actual, a.revenue_forecast, a.revenue_target)
                    if r is not None
                ),
                None,
            ),
            f"accounts/{a.id}/",
        )
        for a in scores.accounts
        if a.attractiveness is not None and a.strength is not None
    ]
    thresholds = content.settings.scoring.thresholds
    matrix = portfolio_matrix_svg(
        points,
        attractiveness_threshold=thresholds.attractiveness,
        strength_threshold=thresholds.strength,
        language=language,
    )
    return diagrams, matrix


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--content", type=Path, default=Path("content"))
    parser.add_argument("--synthetic", type=int, default=0, help="draw N synthetic accounts")
    args = parser.parse_args()
    found = None if args.synthetic else example(args.content)
    if found is None:
        count = args.synthetic or 50
        print(f"drawing {count} synthetic accounts ({args.content} missing, invalid or skipped)")
        diagrams = [decision_chain(a) for a in synthetic(count)]
    else:
        diagrams, matrix = found
        print(f"drawing {len(diagrams)} diagrams of {args.content} (+ matrix, {len(matrix)} bytes)")
    with tempfile.TemporaryDirectory() as cache:
        for run in ("cold", "warm"):
            start = time.perf_counter()
            svgs = Renderer(Path(cache)).svg_many(diagrams)
            elapsed = time.perf_counter() - start
            size = sum(len(s) for s in svgs)
            print(f"{run}: {elapsed * 1000:8.1f} ms for {len(svgs)} SVGs ({size:,} chars)")


if __name__ == "__main__":
    main()
