"""One change in words (an event, a value before and after): the review report's phrases,
which the site's trends show too.

The words are the same everywhere; only how content text is made safe differs by where it
lands (Markdown escaping in the report, plain text the page's template escapes), so each
caller passes its own `Safe` functions.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from kamsite.diff.result import Event, Value
from kamsite.diff.words import Words
from kamsite.score.numbers import display

NAME_LIMIT = 80
"""Names are free text: a very long one must not push a table off the screen."""
# Event kinds whose values are enum values, shown in the site's words: the glossary domain of
# each, by section where one kind means different things (an account's relationship `stage`
# is not an opportunity's; a stakeholder's `status` is not an action's).
_DOMAINS = {
    "tier": "Tier",
    "quadrant": "Quadrant",
    "scope": "Scope",
    "attitude": "Attitude",
    "roles": "Role",
    "status": "Status",
    "stage": "Stage",
    "added": "Stage",
    "removed": "Stage",
    "closed": "Stage",
    "reopened": "Stage",
}
_SECTION_DOMAINS = {
    ("account", "stage"): "RelationshipStage",
    ("stakeholder", "status"): "PersonStatus",
    ("kpi", "status"): "KpiStatus",
    **{
        (section, kind): "Status"
        for section in ("action", "objective", "task")
        for kind in ("added", "removed", "closed", "reopened")
    },
}


def domain(section: str, kind: str) -> str | None:
    """The glossary domain of an event's values; None when they are not enum values."""
    return _SECTION_DOMAINS.get((section, kind), _DOMAINS.get(kind))


TOP_FIELDS = ("tier", "quadrant")
"""The fields a reader weighs first: listed before everything else that changed."""


@dataclass(frozen=True)
class Safe:
    """How content text becomes safe where the phrase lands: any `text`, a `name` (also
    clipped), an `ident` (an id)."""

    text: Callable[[str], str]
    name: Callable[[str], str]
    ident: Callable[[str], str]


def value(v: Value, w: Words, kind: str | None, safe: Safe) -> str:
    """`kind` is the value's glossary domain, None for a value that is not an enum value."""
    if v is None or v == "":
        return "—"
    if isinstance(v, float):
        return display(v)
    return safe.text(w.value(v, kind) if kind and isinstance(v, str) else str(v))


def _progress(v: Value) -> str:
    return "—" if not isinstance(v, float | int) else f"{display(100 * v)}%"


def event_phrase(e: Event, w: Words, safe: Safe) -> str:
    """One plain sentence fragment per event kind (see `reviewing.md`)."""
    if e.kind == "progress":
        before, after = _progress(e.before), _progress(e.after)
    else:
        kind = domain(e.section, e.kind)
        before, after = value(e.before, w, kind, safe), value(e.after, w, kind, safe)
    key = "added_as" if e.kind == "added" and e.after else e.kind
    template = f"ev.{key}" if f"ev.{key}" in w else "ev.changed"
    section = w(f"section.{e.section}")
    who = w("who", section=section, name=safe.name(e.name), id=safe.ident(e.id))
    what = safe.text(w.term(e.kind))
    return w(template, who=who, what=what, before=before, after=after, value=after)
