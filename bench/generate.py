"""Synthetic portfolios for the site benchmark: N valid accounts of about 17 KB each.

Each account has 30 stakeholders, 8 needs, 6 opportunities and 30 actions, like a
well-kept real plan. Output is deterministic (seeded per account), so two runs time
the same bytes. Also writes the same text as ordinary Markdown pages (the "plain"
project) for the mkdocs-material baseline.

    python bench/generate.py OUT_DIR --accounts 1000
"""

from __future__ import annotations

import argparse
import random
import shutil
from pathlib import Path
from typing import Any

import yaml

from kamsite.model.portfolio import DEFAULT_ATTRACTIVENESS, DEFAULT_STRENGTH

REPO = Path(__file__).resolve().parent.parent
TEAM = [f"member-{n:02d}" for n in range(20)]
RIVALS = ["apex", "kite", "orion"]
ROLES = ["decision_maker", "economic_buyer", "technical_buyer", "user_buyer", "influencer", "coach"]
ATTITUDES = ["champion", "supporter", "neutral", "skeptic", "opponent", "unknown"]
STAGES = ["discover", "qualify", "shape_solution", "recommend", "negotiate", "commit"]
STATUSES = ["planned", "in_progress", "done", "blocked", "dropped"]
UNITS = ["Executive office", "Finance", "Network planning", "IT", "Procurement", "Operations"]
WORDS = [
    "network",
    "core",
    "transport",
    "energy",
    "delivery",
    "automation",
    "cost",
    "uptime",
    "migration",
    "cloud",
    "edge",
    "security",
    "pilot",
    "rollout",
    "capacity",
    "service",
    "review",
    "budget",
    "tender",
    "roadmap",
]


def _sentence(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(words)).capitalize()


def _date(rng: random.Random, year: int, last_month: int = 12) -> str:
    return f"{year}-{rng.randint(1, last_month):02d}-{rng.randint(1, 28):02d}"


def account(n: int) -> dict[str, Any]:
    rng = random.Random(n)
    people = [f"p{i:02d}" for i in range(30)]
    stakeholders = []
    for i, pid in enumerate(people):
        stakeholders.append(
            {
                "id": pid,
                "name": f"Person {n}-{i}",
                "local_name": f"联系人{i}",
                "title": _sentence(rng, 2),
                "unit": UNITS[i % len(UNITS)],
                "level": ["executive", "management", "operational"][min(i // 5, 2)],
                "roles": [ROLES[i % len(ROLES)]],
                "influence": rng.randint(1, 5),
                "attitude": rng.choice(ATTITUDES),
                "reports_to": people[(i - 1) // 3] if i else None,
                "influences": [{"to": people[rng.randrange(30)], "strength": "medium"}],
                "owner": rng.choice(TEAM),
                "relationship": {
                    k: rng.randint(0, 5)
                    for k in (
                        "acceptance",
                        "participation",
                        "information",
                        "guidance",
                        "project_support",
                        "competitive_preference",
                    )
                },
                "last_contact": _date(rng, 2026, last_month=11),  # not after as_of
                "notes": _sentence(rng, 4),
            }
        )
    return {
        "kind": "account",
        "id": f"acc-{n:05d}",
        "name": f"Account {n:05d}",
        "local_name": f"客户{n:05d}",
        "industry": "telecom",
        "region": "East",
        "tier": ["strategic", "key", "important", "ordinary"][n % 4],
        "stage": "cooperative",
        "purchase_category": "strategic",
        "owner": TEAM[n % len(TEAM)],
        "sponsor": TEAM[(n + 7) % len(TEAM)],
        "reviewed": _date(rng, 2026, last_month=11),
        "summary": _sentence(rng, 40),
        "revenue": [{"year": 2026, "actual": rng.randint(10, 200), "target": rng.randint(50, 250)}],
        "wallet": rng.randint(300, 900),
        "assessment": {
            "attractiveness": {k: {"score": rng.randint(1, 5)} for k in DEFAULT_ATTRACTIVENESS},
            "strength": {k: {"score": rng.randint(1, 5)} for k in DEFAULT_STRENGTH},
        },
        "needs": [
            {
                "id": f"need-{i}",
                "need": _sentence(rng, 8),
                "type": "functional",
                "importance": rng.randint(1, 5),
                "ratings": {"us": rng.randint(1, 5), **{r: rng.randint(1, 5) for r in RIVALS}},
            }
            for i in range(8)
        ],
        "competitors": [
            {"id": r, "name": r.capitalize(), "position": "challenger"} for r in RIVALS
        ],
        "stakeholders": stakeholders,
        "opportunities": [
            {
                "id": f"opp-{i}",
                "name": _sentence(rng, 4),
                "stage": rng.choice(STAGES),
                "amount": rng.randint(5, 80),
                "close": _date(rng, 2027),
                "stakeholders": rng.sample(people, 2),
                "competitors": [rng.choice(RIVALS)],
            }
            for i in range(6)
        ],
        "actions": [
            {
                "id": f"act-{i}",
                "what": _sentence(rng, 7),
                "owner": rng.choice(TEAM),
                "due": _date(rng, rng.choice([2026, 2027])),
                "status": rng.choice(STATUSES),
                "stakeholder": rng.choice(people),
            }
            for i in range(30)
        ],
    }


def plain_page(a: dict[str, Any]) -> str:
    """The same plan as ordinary Markdown tables, the baseline a kamsite page is compared to.

    Names carry their Chinese local names as the kamsite pages do, so both builds pay for
    Material's Chinese word splitting (jieba loads its dictionary only for Chinese text)."""

    def row(cells: list[object]) -> str:
        return "| " + " | ".join(str(c).replace("|", "\\|") for c in cells) + " |"

    lines = [f"# {a['name']} · {a['local_name']}", "", a["summary"], "", "## Stakeholders", ""]
    lines += [row(["Name", "Title", "Unit", "Influence", "Attitude", "Owner", "Notes"])]
    lines += ["|---" * 7 + "|"]
    lines += [
        row(
            [
                f"{s['name']} {s['local_name']}",
                s["title"],
                s["unit"],
                s["influence"],
                s["attitude"],
                s["owner"],
                s["notes"],
            ]
        )
        for s in a["stakeholders"]
    ]
    lines += ["", "## Needs", "", row(["Need", "Importance", "Us"]), "|---" * 3 + "|"]
    lines += [row([x["need"], x["importance"], x["ratings"]["us"]]) for x in a["needs"]]
    lines += ["", "## Opportunities", "", row(["Name", "Stage", "Amount"]), "|---" * 3 + "|"]
    lines += [row([o["name"], o["stage"], o["amount"]]) for o in a["opportunities"]]
    lines += ["", "## Actions", "", row(["What", "Owner", "Due", "Status"]), "|---" * 4 + "|"]
    lines += [row([x["what"], x["owner"], x["due"], x["status"]]) for x in a["actions"]]
    return "\n".join(lines) + "\n"


def _site_config(docs_dir: str, plugins: list[Any], extra: dict[str, Any]) -> str:
    config = {
        "site_name": "Benchmark",
        "docs_dir": docs_dir,
        "use_directory_urls": True,
        "theme": {"name": "material", "font": False, "language": "en"},
        "plugins": plugins,
        "markdown_extensions": ["tables", "attr_list", {"toc": {"permalink": True}}],
        **extra,
    }
    return yaml.safe_dump(config, allow_unicode=True, sort_keys=False)


def generate(out: Path, accounts: int) -> tuple[Path, Path]:
    """Write `out/kamsite` (content + mkdocs.yml) and `out/plain`; return both project dirs."""
    if out.exists():
        shutil.rmtree(out)
    project, plain = out / "kamsite", out / "plain"
    content = project / "content"
    (content / "accounts").mkdir(parents=True)
    (content / "pages").mkdir()
    (plain / "docs" / "accounts").mkdir(parents=True)
    (content / "portfolio.yaml").write_text(
        "kind: portfolio\nname: Benchmark portfolio\nfiscal_year: 2026\nas_of: 2026-11-01\n"
        "unit: M\nlanguage: en\n",
        encoding="utf-8",
    )
    team = {"kind": "team", "members": [{"id": m, "name": m.title()} for m in TEAM]}
    (content / "team.yaml").write_text(yaml.safe_dump(team), encoding="utf-8")
    for n in range(accounts):
        data = account(n)
        text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=120)
        (content / "accounts" / f"{data['id']}.yaml").write_text(text, encoding="utf-8")
        (plain / "docs" / "accounts" / f"{data['id']}.md").write_text(
            plain_page(data), encoding="utf-8"
        )
    shutil.copytree(REPO / "theme", project / "theme")
    kamsite_config = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    kamsite_config["nav"] = [e for e in kamsite_config["nav"] if "/" in next(iter(e.values()))]
    kamsite_config["nav"].insert(0, {"Dashboard": "index.md"})
    (project / "mkdocs.yml").write_text(
        yaml.safe_dump(kamsite_config, allow_unicode=True, sort_keys=False), encoding="utf-8"
    )
    (plain / "docs" / "index.md").write_text("# Benchmark\n", encoding="utf-8")
    (plain / "mkdocs.yml").write_text(
        _site_config(
            "docs",
            ["search"],
            {"nav": [{"Home": "index.md"}], "not_in_nav": "/accounts/*.md\n"},
        ),
        encoding="utf-8",
    )
    return project, plain


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--accounts", type=int, default=1000)
    args = parser.parse_args()
    generate(args.out, args.accounts)


if __name__ == "__main__":
    main()
