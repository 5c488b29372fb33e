"""Views several pages show the same way: score badges, flags, statuses, KPI rows."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from kamsite.evidence import evidence_text
from kamsite.model.common import Kpi
from kamsite.model.strategy import StrategyKpi
from kamsite.pages.context import Site
from kamsite.pages.views import Badge, Evidence, FlagView, KpiRow, Term
from kamsite.score import AccountScore, Flag, KpiScore, display
from kamsite.score.numbers import percent, times
from kamsite.score.results import Evidence as ScoreEvidence

# The headline scores of an account, in the order the header shows them.
_BADGES = (
    "attractiveness",
    "strength",
    "competitive_position",
    "relationship_health",
    "decision_coverage",
    "pipeline_coverage",
    "plan_completeness",
)


def _shown(a: AccountScore, key: str) -> str:
    if key in ("competitive_position", "decision_coverage"):
        return percent(getattr(a, key))
    if key == "pipeline_coverage":
        return times(a.pipeline_coverage)
    if key == "plan_completeness":
        return f"{a.plan_completeness}/100"
    return display(getattr(a, key))


def score_badges(site: Site, a: AccountScore) -> tuple[Badge, ...]:
    """The account's headline numbers; the colour (and its word) says how good, the text the value.

    Levels come from the scores (`AccountScore.levels`), so every view agrees on them.
    """
    say = site.say
    badges = [
        Badge(say(key), _shown(a, key), Term(say(f"level_{a.levels[key]}"), a.levels[key]))
        for key in _BADGES
    ]
    badges.insert(2, Badge(say("quadrant"), say.value(a.quadrant), None))
    return tuple(badges)


_ANCHORED = ("stakeholders", "opportunities", "actions", "risks")
# Where an item without a row of its own is shown: the section of the account page, the header.
_SECTIONS = {
    "stakeholders": "kam-decision-chain",
    "opportunities": "kam-opportunities",
    "actions": "kam-actions",
    "reviewed": "kam-overview",
    "sponsor": "kam-overview",
    "tier": "kam-overview",
}


def _evidence(site: Site, anchor_base: str, evidence: ScoreEvidence) -> Evidence:
    """In words, linked to the item's row on the account page (its section when it has none)."""
    text = evidence_text(evidence, site.content.settings.language)
    ref = evidence.ref
    if len(ref) >= 2 and ref[0] in _ANCHORED:
        return Evidence(text, f"{anchor_base}#{ref[1]}")
    if ref and ref[0] in _SECTIONS:
        return Evidence(text, f"{anchor_base}#{_SECTIONS[ref[0]]}")
    return Evidence(text)


def flag_views(site: Site, flags: Sequence[Flag], anchor_base: str = "") -> tuple[FlagView, ...]:
    """Flags by their name in the portfolio language; evidence links into `anchor_base`."""
    return tuple(
        FlagView(
            site.flag(f.code),
            tuple(_evidence(site, anchor_base, e) for e in f.evidence),
        )
        for f in flags
    )


def _measured(site: Site, kpi: Kpi) -> str | None:
    if not isinstance(kpi, StrategyKpi) or kpi.measure is None:
        return None
    return site.say("measured", measure=site.say.value(kpi.measure))


def kpi_rows(site: Site, kpis: Sequence[Kpi], scored: Mapping[str, KpiScore]) -> tuple[KpiRow, ...]:
    """Name, unit, baseline, target, actual, progress and status of each KPI."""
    rows = []
    for kpi in kpis:
        ks = scored.get(kpi.id)
        rows.append(
            KpiRow(
                name=kpi.name,
                unit=kpi.unit,
                baseline=display(kpi.baseline),
                target=display(kpi.target),
                actual=display(ks.actual if ks is not None else kpi.actual),
                progress=percent(ks.progress) if ks is not None else "—",
                status=site.term(ks.status) if ks is not None else None,
                measured=_measured(site, kpi),
            )
        )
    return tuple(rows)
