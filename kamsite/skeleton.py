# ruff: noqa: E501 -- the templates are YAML: a field's comment stays on its line, however long.
"""Starting points for new plans: every section and field, each with a comment; valid as written.

Lines that hold an example are commented out with `# ` at the indentation they would
have, so an editor's "toggle comment" turns one into content; the rest of a skeleton is
empty lists and sections that already validate. The examples use the portfolio's own
criteria, team members and strategy objectives, so an uncommented example validates too.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field
from string import Template

from kamsite.model.portfolio import DEFAULT_ATTRACTIVENESS, DEFAULT_STRENGTH


@dataclass(frozen=True)
class Context:
    """What a skeleton takes from the portfolio it is written into."""

    fiscal_year: int = field(default_factory=lambda: dt.date.today().year)
    members: tuple[str, ...] = ()
    attractiveness: tuple[str, ...] = tuple(DEFAULT_ATTRACTIVENESS)
    strength: tuple[str, ...] = tuple(DEFAULT_STRENGTH)
    objective: str = "fy-plan/grow-revenue"
    """An existing `<strategy-id>/<objective-id>`, for `contributes_to` examples."""
    account: str = "acme"
    """An existing account id, for a strategy's `account` example."""

    @property
    def member(self) -> str:
        return self.members[0] if self.members else "li-na"

    @property
    def team_hint(self) -> str:
        shown = ", ".join(self.members[:4]) + (", …" if len(self.members) > 4 else "")
        return f" (team.yaml: {shown})" if self.members else ""


HEADER = """\
# $what. Every section is here, each field with a comment.
# Lines starting `# ` hold examples: remove the `# ` to use one, and replace the `[]`
# after a list's name by items like the example under it. `kamsite validate` checks
# the file; `kamsite schema --format markdown` prints the field reference.
"""

ACCOUNT = """\
kind: account                    # always `account`
id: $id                          # equals the file name: lowercase letters, digits, - and _
name: $name                      # the customer's name as people say it
# local_name: 北风电信            # the name in the local language
# industry: telecom              # free text
# region: East China             # free text
tier: important                  # declared tier: strategic | key | important | ordinary
stage: exploratory               # relationship stage: exploratory | basic | cooperative | interdependent | integrated
# purchase_category: leverage    # how the customer sees what we sell (Kraljic): strategic | leverage | bottleneck | routine
# owner: $member                 # key account manager: a team member id$team_hint
# sponsor: $member               # executive sponsor: a team member id
team: []                         # the cross-functional account team: team member ids, e.g. [$member]
# reviewed: $fy-01-15            # date of the last plan review (YYYY-MM-DD); stale after the portfolio's stale_after_days
summary: |                       # why this account matters (Markdown)
  Why this account matters and what we want from the next twelve months.

revenue: []                      # by fiscal year; amounts in the portfolio's currency and unit
  # - {year: $fy, actual: 0, target: 0, forecast: 0}   # actual to date, target, expected at year end
# wallet: 0                      # the customer's yearly spend in our categories

# assessment:                    # score every criterion of portfolio.yaml scoring, 1 (poor) .. 5 (excellent)
#   attractiveness:              # how attractive the account is to us
$attractiveness
#   strength:                    # our business strength in the account
$strength

needs: []                        # customer benefit needs and how each supplier meets them
  # - id: uptime                 # unique in this file (all lists share one set of ids)
  #   need: Five-nines availability of the core network   # in the customer's words
  #   type: functional           # functional | economic | psychological
  #   importance: 5              # importance to the customer, 1..5
  #   ratings: {us: 4, apex: 5}  # 1..5 for `us` and each competitor id
  #   notes: Measured monthly    # Markdown

competitors: []                  # competitors in this account
  # - id: apex                   # unique in this file
  #   name: Apex Networks
  #   position: incumbent        # incumbent | challenger | niche
  #   share: 55                  # their share of the customer's wallet, %
  #   strengths: [Installed base]
  #   weaknesses: [Slow delivery]
  #   notes: Strong with the CTO office   # Markdown

swot:                            # our position in this account: lists of text
  strengths: []
  weaknesses: []
  opportunities: []
  threats: []

value_proposition:               # the four quadrants: lists of text
  quantified: []                 # quantified functional and economic value, e.g. [Save 12M/yr OPEX]
  psychological: []              # psychological value, e.g. [Named engineer on call 24/7]
  customer_commitments: []       # what the customer commits to in return
  tracking: []                   # how the value delivered is tracked

stakeholders: []                 # the decision chain (决策链): one item per person
  # - id: chen-gang              # unique in this file
  #   name: Chen Gang
  #   local_name: 陈刚            # the name in the local language
  #   title: CEO
  #   unit: Executive office     # department; groups people in the decision-chain picture
  #   level: executive           # executive | management | operational
  #   roles: [decision_maker]    # decision_maker | economic_buyer | technical_buyer | user_buyer | procurement | influencer | gatekeeper | coach
  #   influence: 5               # weight in the decision, 1..5 (required)
  #   attitude: neutral          # champion | supporter | neutral | skeptic | opponent | unknown
  #   mode: even_keel            # growth | trouble | even_keel | overconfident
  #   prefers: apex              # the competitor id this person leans to
  #   reports_to: null           # the stakeholder id of their boss here
  #   owner: $member             # our relationship owner: a team member id
  #   relationship:              # the six dimensions, 0..5 each: all six, or leave the block out
  #     acceptance: 3            # accepts us and our people (接受认可度)
  #     participation: 2         # joins our events and meetings (活动参与度)
  #     information: 2           # tells us what is going on (信息传递度)
  #     guidance: 1              # coaches us how to win (日常指导度)
  #     project_support: 2       # backs our projects (项目支持度)
  #     competitive_preference: 2   # favours us over rivals (竞争偏向度)
  #   target: {attitude: supporter, by: $fy-12-31, relationship: {guidance: 3}}   # the goal; targets for any of the six dimensions
  #   key_person: true           # a key-person relationship (关键人); false: the broad base (普遍关系)
  #   status: active             # active | left | moved (人员变动); left and moved need `since`
  #   since: $fy-01-01           # date of the status change
  #   last_contact: $fy-01-15    # date of our last meaningful contact
  #   notes: Prefers short meetings   # Markdown
  # - id: liu-yang
  #   name: Liu Yang
  #   influence: 4
  #   reports_to: chen-gang
  #   influences: [{to: chen-gang, strength: strong}]   # informal influence: weak | medium | strong

opportunities: []                # the pipeline
  # - id: core-upgrade           # unique in this file
  #   name: 5G core upgrade
  #   stage: discover            # discover | qualify | shape_solution | recommend | uncover_needs | key_person_meeting | negotiate | commit | won | lost
  #   amount: 60                 # deal value in the portfolio's currency and unit
  #   probability: 0.2           # 0..1; leave it out to use the stage's default
  #   close: $fy-12-31           # expected close date
  #   stakeholders: [chen-gang]  # stakeholder ids involved
  #   competitors: [apex]        # competitor ids bidding
  #   owner: $member             # our opportunity owner: a team member id
  #   next_step: {what: Technical workshop, due: $fy-02-15}   # the next step and when it is due
  #   reason: Price and references   # why it was won or lost (Markdown)
  #   notes: Budget approved in Q1   # Markdown

objectives: []                   # the account's own objectives
  # - id: grow-share             # unique in this file
  #   statement: Become second core-network supplier
  #   from: $fy-01-01            # the time frame; default: the fiscal year
  #   by: $fy-12-31
  #   contributes_to: [$objective]   # strategy objectives: <strategy-id>/<objective-id>
  #   kpis:                      # how progress is measured; direction: up | down
  #     - {id: core-share, name: Core share of wallet, unit: "%", baseline: 10, target: 30, actual: 14, direction: up}
  #   notes: Second source decided by the CTO   # Markdown

actions: []                      # the action plan
  # - id: exec-visit             # unique in this file
  #   what: CEO visit to our lab
  #   owner: $member             # a team member id
  #   due: $fy-03-31
  #   status: planned            # planned | in_progress | done | blocked | dropped
  #   stakeholder: chen-gang     # the person it is aimed at
  #   stakeholders: [liu-yang]   # or several people
  #   objective: grow-share      # an account objective id, or <strategy-id>/<objective-id>
  #   notes: Book the lab early  # Markdown

engagements: []                  # organisation-level relationship (组织客户关系)
  # - {id: exec-summit, what: Annual executive summit, cadence: annual, next: $fy-06-15, owner: $member}   # cadence: once | monthly | quarterly | semiannual | annual

resources: []                    # what we commit to the account (资源投入)
  # - {what: Dedicated solution architect, amount: 1.2, owner: $member}   # amount in the portfolio's currency and unit

reviews: []                      # reviews held
  # - {date: $fy-01-15, kind: quarterly, by: [$member], summary: Plan agreed}   # kind: quarterly | annual | relationship | win_loss

risks: []                        # risks to the plan
  # - {id: budget-freeze, what: Capex freeze, likelihood: 3, impact: 4, mitigation: Phase the rollout, owner: $member}   # likelihood and impact 1..5
"""

STRATEGY = """\
kind: strategy                   # always `strategy`
id: $id                          # equals the file name: lowercase letters, digits, - and _
title: $title                    # the strategy's title
scope: portfolio                 # portfolio: all accounts | account: the one named in `account`
# account: $account              # the account id, when scope is account
# owner: $member                 # a team member id$team_hint
horizon: {from: $fy, to: $last}  # the years covered
summary: |                       # Markdown
  Where we are, where we want to be, and how we get there.

gaps: []                         # where the strategy starts
  # - id: revenue-gap            # unique among the gaps
  #   kind: performance          # performance (results vs goals) | opportunity (what we miss)
  #   metric: Strategic account revenue
  #   target: 900
  #   actual: 640
  #   root_causes: [Thin coverage of decision makers]
  #   description: Most of the gap is in two accounts   # Markdown

insight:                         # market insight, the five looks: lists of text
  macro: []                      # macro environment (PEST)
  industry: []
  customers: []
  competitors: []
  self: []                       # ourselves (SWOT)

intent:                          # strategic intent
  # mission: Be the network partner our customers grow with
  # vision: First choice of every strategic account
  goals: []
    # - {id: g1, statement: Double strategic revenue, metric: Revenue, target: 900, year: $last}   # target: a number or text
  milestones: []
    # - {date: $fy-06-30, what: Every strategic account has a sponsor}

innovation_focus: []             # lists of text

design:                          # business design (Markdown each)
  # customer_selection: Strategic and key tiers only
  # value_proposition: Outcomes, not boxes
  # value_capture: Multi-year service contracts
  # scope: We integrate; partners build
  # strategic_control: Operations data and references
  # risk_management: Quarterly review of the top risks

map: []                          # the strategy map: objectives from learning up to financial
  # - id: grow-revenue           # unique on the map
  #   perspective: financial     # financial | customer | internal | learning
  #   title: Grow strategic-account revenue 40%
  #   csf: true                  # a critical success factor
  #   supports: []               # ids of the objectives this one drives (cause → effect)
  #   owner: $member             # a team member id
  #   kpis:                      # direction: up | down
  #     - {id: sa-rev, name: Strategic account revenue, unit: M, baseline: 640, target: 900, actual: 702, direction: up}
  #     # or take the actual from the accounts: measure: revenue_actual | revenue_forecast |
  #     # weighted_pipeline_fy | decision_coverage | key_stakeholders_owned | plans_current (then no actual)
  #     - {id: dm-won, name: Decision makers won, unit: "%", baseline: 30, target: 60, measure: decision_coverage}
  #   tasks:                     # status: planned | in_progress | done | blocked | dropped
  #     - {id: t1, what: Name a sponsor per account, owner: $member, due: $fy-03-31, status: in_progress}
  #   description: Revenue of the strategic tier   # Markdown
"""


_TRAILING = re.compile(r"^(.*?\S)(\s{2,}# .*)$")


def _fill(template: str, **values: object) -> str:
    """Substitute per line, keeping each trailing comment in its column (the split is found
    in the template, so no substituted text can move where a comment starts)."""
    lines = []
    for line in template.splitlines():
        found = _TRAILING.match(line)
        if found is None:
            lines.append(Template(line).substitute(values))
            continue
        head, tail = found.groups()
        column = len(line) - len(tail.lstrip())
        filled = Template(head).substitute(values).ljust(column - 1)
        lines.append(f"{filled} {Template(tail.lstrip()).substitute(values)}")
    return "\n".join(lines) + "\n"


def _scalar(text: str) -> str:
    """JSON strings are YAML 1.2 scalars, so any text comes out quoted and intact."""
    return json.dumps(text, ensure_ascii=False)


def _criteria(names: tuple[str, ...]) -> str:
    """One line per criterion; the first shows the optional `why` (Markdown)."""
    why = [", why: The reason for this score"] + [""] * (len(names) - 1)
    return "\n".join(f"#     {name}: {{score: 3{w}}}" for name, w in zip(names, why, strict=True))


def account(account_id: str, name: str, context: Context | None = None) -> str:
    context = context or Context()
    return _fill(HEADER, what=f"Account plan `{account_id}`") + _fill(
        ACCOUNT,
        id=account_id,
        name=_scalar(name),
        fy=context.fiscal_year,
        member=context.member,
        team_hint=context.team_hint,
        objective=context.objective,
        attractiveness=_criteria(context.attractiveness),
        strength=_criteria(context.strength),
    )


def strategy(strategy_id: str, title: str, context: Context | None = None) -> str:
    context = context or Context()
    return _fill(HEADER, what=f"Strategy `{strategy_id}`") + _fill(
        STRATEGY,
        id=strategy_id,
        title=_scalar(title),
        fy=context.fiscal_year,
        last=context.fiscal_year + 2,
        member=context.member,
        team_hint=context.team_hint,
        account=context.account,
    )
