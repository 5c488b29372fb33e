"""Needs, competitive ranking, competitors and opportunities of an account page."""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from kamsite.model import Account
from kamsite.model.account import Need, Opportunity
from kamsite.model.portfolio import Stage
from kamsite.pages.context import Site
from kamsite.pages.markup import rich
from kamsite.pages.views import Due, Link, Term
from kamsite.score import AccountScore, display
from kamsite.score.commercial import US
from kamsite.score.numbers import percent

_STAGE_ORDER = {stage: n for n, stage in enumerate(Stage)}


@dataclass(frozen=True, slots=True)
class NeedRow:
    """`ratings` follow `Needs.rivals`; `us` is our rating."""

    need: str
    notes: Markup
    type: Term | None
    importance: int
    us: int | None
    ratings: tuple[int | None, ...]


@dataclass(frozen=True, slots=True)
class Ranked:
    rank: int
    name: str
    value: str
    us: bool


@dataclass(frozen=True, slots=True)
class Needs:
    rivals: tuple[str, ...]
    rows: tuple[NeedRow, ...]
    ranking: tuple[Ranked, ...]


@dataclass(frozen=True, slots=True)
class CompetitorRow:
    name: str
    notes: Markup
    position: Term | None
    share: str
    strengths: tuple[str, ...]
    weaknesses: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class NextStep:
    what: str
    due: Due | None


@dataclass(frozen=True, slots=True)
class OpportunityRow:
    """`reason_label` says whether `reason` tells why it was won or why it was lost."""

    id: str
    name: str
    notes: Markup
    stage: Term
    amount: str
    probability: str
    weighted: str
    close: str
    stakeholders: tuple[Link, ...]
    competitors: tuple[str, ...]
    owner: Link | None
    next_step: NextStep | None
    reason: Markup
    reason_label: str


def needs(site: Site, a: Account, score: AccountScore) -> Needs:
    say = site.say
    names = {c.id: c.name for c in a.competitors}
    rivals = sorted({key for n in a.needs for key in n.ratings if key != US})

    def row(n: Need) -> NeedRow:
        return NeedRow(
            need=n.need,
            notes=rich(n.notes),
            type=site.term(n.type),
            importance=n.importance,
            us=n.ratings.get(US),
            ratings=tuple(n.ratings.get(r) for r in rivals),
        )

    ranking = tuple(
        Ranked(
            i + 1,
            say("us") if s.party == US else names.get(s.party, s.party),
            display(s.rating),
            s.party == US,
        )
        for i, s in enumerate(score.ranking)
    )
    ordered = sorted(a.needs, key=lambda n: (-n.importance, n.id))
    return Needs(
        rivals=tuple(names.get(r, r) for r in rivals),
        rows=tuple(row(n) for n in ordered),
        ranking=ranking,
    )


def competitors(site: Site, a: Account) -> tuple[CompetitorRow, ...]:
    return tuple(
        CompetitorRow(
            name=c.name,
            notes=rich(c.notes),
            position=site.term(c.position),
            share=display(c.share),
            strengths=tuple(c.strengths),
            weaknesses=tuple(c.weaknesses),
        )
        for c in a.competitors
    )


def _next_step(site: Site, o: Opportunity) -> NextStep | None:
    """The step with its due date, marked overdue like an action while the deal is open."""
    step = o.next_step
    if step is None:
        return None
    return NextStep(step.what, None if step.due is None else site.due(step.due, o.stage))


def opportunities(
    site: Site, here: str, a: Account, score: AccountScore
) -> tuple[OpportunityRow, ...]:
    names = {c.id: c.name for c in a.competitors}
    people = {s.id: s.name for s in a.stakeholders}
    rows = []
    for o in sorted(a.opportunities, key=lambda o: (_STAGE_ORDER[o.stage], o.id)):
        weighted = score.opportunities[o.id]
        rows.append(
            OpportunityRow(
                id=o.id,
                name=o.name,
                notes=rich(o.notes),
                stage=site.word(o.stage),
                amount=site.money(o.amount),
                probability=percent(weighted.probability),
                weighted=site.money(weighted.weighted),
                close=site.date(o.close),
                stakeholders=tuple(Link(people.get(s, s), f"#{s}") for s in o.stakeholders),
                competitors=tuple(names.get(c, c) for c in o.competitors),
                owner=site.member(here, o.owner),
                next_step=_next_step(site, o),
                reason=rich(o.reason),
                reason_label=site.say("reason_lost" if o.stage is Stage.lost else "reason_won"),
            )
        )
    return tuple(rows)
