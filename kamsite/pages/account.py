"""The account page (`/accounts/<id>/`): the whole plan, in the order a review meeting reads it.

`account_view` gathers what the `account.html` layout shows; the layout decides how.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from kamsite.model import Account
from kamsite.pages.commercial import (
    CompetitorRow,
    Needs,
    OpportunityRow,
    competitors,
    needs,
    opportunities,
)
from kamsite.pages.context import Site, account_url
from kamsite.pages.markup import rich
from kamsite.pages.organisation import EngagementRow, Resources, engagements, resources
from kamsite.pages.people import Person, chain, people
from kamsite.pages.plan import (
    ActionRow,
    ObjectiveView,
    ReviewRow,
    RiskRow,
    actions,
    objectives,
    reviews,
    risks,
)
from kamsite.pages.views import Badge, Box, FlagView, Link, Term
from kamsite.pages.widgets import flag_views, score_badges
from kamsite.score.numbers import percent


@dataclass(frozen=True, slots=True)
class RevenueYear:
    year: int
    actual: str
    target: str
    forecast: str


@dataclass(frozen=True, slots=True)
class AccountView:
    id: str
    name: str
    local_name: str | None
    tier: Term | None
    stage: Term | None
    purchase_category: Term | None
    owner: Link | None
    sponsor: Link | None
    team: tuple[Link, ...]
    industry: str | None
    region: str | None
    reviewed: str
    badges: tuple[Badge, ...]
    flags: tuple[FlagView, ...]
    summary: Markup
    fiscal_year: int
    revenue_gap: str
    weighted_pipeline: str
    weighted_pipeline_fy: str
    revenue_remaining: str
    share_of_wallet: str
    wallet: str
    revenue: tuple[RevenueYear, ...]
    chain: Markup
    people: tuple[Person, ...]
    needs: Needs
    competitors: tuple[CompetitorRow, ...]
    swot: tuple[Box, ...] | None
    value_proposition: tuple[Box, ...] | None
    opportunities: tuple[OpportunityRow, ...]
    objectives: tuple[ObjectiveView, ...]
    actions: tuple[ActionRow, ...]
    engagements: tuple[EngagementRow, ...]
    resources: Resources
    reviews: tuple[ReviewRow, ...]
    risks: tuple[RiskRow, ...]


def _swot(site: Site, a: Account) -> tuple[Box, ...] | None:
    if a.swot is None:
        return None
    say = site.say
    return (
        Box(say("strengths"), tuple(a.swot.strengths)),
        Box(say("weaknesses"), tuple(a.swot.weaknesses)),
        Box(say("opportunities_swot"), tuple(a.swot.opportunities)),
        Box(say("threats"), tuple(a.swot.threats)),
    )


def _value_proposition(site: Site, a: Account) -> tuple[Box, ...] | None:
    vp = a.value_proposition
    if vp is None:
        return None
    say = site.say
    return (
        Box(say("vp_quantified"), tuple(vp.quantified)),
        Box(say("vp_psychological"), tuple(vp.psychological)),
        Box(say("vp_customer_commitments"), tuple(vp.customer_commitments)),
        Box(say("vp_tracking"), tuple(vp.tracking)),
    )


def account_view(site: Site, account: Account) -> AccountView:
    here = account_url(account.id)
    score = site.account_scores[account.id]
    a = account
    return AccountView(
        id=a.id,
        name=a.name,
        local_name=a.local_name,
        tier=site.term(a.tier),
        stage=site.term(a.stage),
        purchase_category=site.term(a.purchase_category),
        owner=site.member(here, a.owner),
        sponsor=site.member(here, a.sponsor),
        team=site.members_of(here, a.team),
        industry=a.industry,
        region=a.region,
        reviewed=site.date(a.reviewed),
        badges=score_badges(site, score),
        flags=flag_views(site, score.flags),
        summary=rich(a.summary),
        fiscal_year=site.content.settings.fiscal_year,
        revenue_gap=site.money(score.revenue_gap),
        weighted_pipeline=site.money(score.weighted_pipeline),
        weighted_pipeline_fy=site.money(score.weighted_pipeline_fy),
        revenue_remaining=site.money(score.revenue_remaining),
        share_of_wallet=percent(score.share_of_wallet),
        wallet=site.money(a.wallet),
        revenue=tuple(
            RevenueYear(r.year, site.money(r.actual), site.money(r.target), site.money(r.forecast))
            for r in sorted(a.revenue, key=lambda r: r.year)
        ),
        chain=chain(site, a),
        people=people(site, here, a, score),
        needs=needs(site, a, score),
        competitors=competitors(site, a),
        swot=_swot(site, a),
        value_proposition=_value_proposition(site, a),
        opportunities=opportunities(site, here, a, score),
        objectives=objectives(site, here, a, score),
        actions=actions(site, here, a),
        engagements=engagements(site, here, a),
        resources=resources(site, here, a),
        reviews=reviews(site, here, a),
        risks=risks(site, here, a, score),
    )


def account_page(site: Site, account: Account) -> str:
    trends = site.trends.account(account.id) if site.trends is not None else None
    return site.render("account.html", page=account_view(site, account), trends=trends)
