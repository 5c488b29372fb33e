"""Pieces several pages show the same way: score badges, flag chips, statuses, headings."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

from kamsite.escape import markdown_text as text
from kamsite.model.common import Kpi, Status
from kamsite.pages.context import Site
from kamsite.pages.labels import Say
from kamsite.pages.markup import Cell, Safe, badge, chip, esc, join, link, table, tag
from kamsite.score import AccountScore, Flag, KpiScore, KpiStatus, display
from kamsite.score.numbers import percent, times
from kamsite.score.results import Evidence


def heading(level: int, title: str, anchor: str) -> str:
    """A Markdown heading (so it lands in the toc and splits search sections) with a fixed id."""
    return f"\n{'#' * level} {text(title)} {{#{anchor}}}\n"


def _level(value: float | None, good: float, fair: float) -> str:
    if value is None:
        return "none"
    return "good" if value >= good else "fair" if value >= fair else "poor"


def score_badges(say: Say, a: AccountScore) -> Safe:
    """The account's headline numbers; the colour says good/fair/poor, the text says the value."""
    items = [
        badge(say("attractiveness"), display(a.attractiveness), _level(a.attractiveness, 50, 30)),
        badge(say("strength"), display(a.strength), _level(a.strength, 50, 30)),
        badge(say("quadrant"), say.value(a.quadrant), "quadrant"),
        badge(
            say("competitive_position"),
            percent(a.competitive_position),
            _level(a.competitive_position, 0.9, 0.7),
        ),
        badge(
            say("relationship_health"),
            display(a.relationship_health),
            _level(a.relationship_health, 60, 40),
        ),
        badge(
            say("decision_coverage"),
            percent(a.decision_coverage),
            _level(a.decision_coverage, 0.5, 0.01),
        ),
        badge(
            say("pipeline_coverage"),
            times(a.pipeline_coverage),
            _level(a.pipeline_coverage, 1.0, 0.5),
        ),
        badge(say("plan_completeness"), f"{a.plan_completeness}/100", _plan(a.plan_completeness)),
    ]
    return tag("div", join(items), class_="kam-badges")


def _plan(value: int) -> str:
    return _level(float(value), 80, 50)


def flag_chip(flag_code: str) -> Safe:
    return chip(flag_code, "flag")


def status_chip(say: Say, status: Status | KpiStatus) -> Safe:
    return chip(say.value(status), f"status-{status.value}")


def evidence_item(here_anchor_base: str, evidence: Evidence) -> Safe:
    """One evidence line; a stakeholder or action ref links to its row on the account page."""
    message = esc(evidence.message)
    if len(evidence.ref) >= 2 and evidence.ref[0] in ("stakeholders", "actions", "risks"):
        return link(f"{here_anchor_base}#{evidence.ref[1]}", message)
    return message


def flag_list(flags: tuple[Flag, ...], say: Say, anchor_base: str = "") -> Safe:
    """Flags with their evidence, as a definition list."""
    if not flags:
        return tag("p", say("no_flags"), class_="kam-muted")
    items = []
    for flag in flags:
        evidence = [tag("li", evidence_item(anchor_base, e)) for e in flag.evidence]
        items.append(tag("dt", flag_chip(flag.code.value)))
        items.append(tag("dd", tag("ul", join(evidence)) if evidence else ""))
    return tag("dl", join(items), class_="kam-flags")


def member_list(site: Site, here: str, ids: list[str]) -> Safe:
    return join((site.member(here, i) for i in ids), ", ") if ids else esc(None)


def due_cell(site: Site, due: dt.date | None, status: Status) -> Cell:
    """The due date, with an overdue chip when an open item is past it."""
    if not site.overdue(due, status):
        return site.date(due)
    chip_ = tag("span", site.say("overdue"), class_="kam-chip kam-chip--flag")
    return join([site.date(due), " ", chip_])


def kpi_table(say: Say, kpis: Sequence[Kpi], scored: Mapping[str, KpiScore]) -> Safe:
    """Name, unit, baseline, target, actual, progress and status of each KPI."""
    rows: list[list[Cell]] = []
    for kpi in kpis:
        ks = scored.get(kpi.id)
        rows.append(
            [
                kpi.name,
                kpi.unit,
                display(kpi.baseline),
                display(kpi.target),
                display(kpi.actual),
                percent(ks.progress) if ks is not None else "—",
                status_chip(say, ks.status) if ks is not None else esc(None),
            ]
        )
    headers = ["kpi", "unit", "baseline", "target", "actual", "progress", "status"]
    return table([say(h) for h in headers], rows, numeric=(2, 3, 4, 5))
