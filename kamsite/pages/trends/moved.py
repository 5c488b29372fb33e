"""What moved since the plan's previous review, in the review report's phrases."""

from __future__ import annotations

from kamsite.diff.markdown import flag_phrase, score_phrase
from kamsite.diff.phrases import NAME_LIMIT, TOP_FIELDS, Safe, domain, event_phrase, value
from kamsite.diff.result import Event, FieldChange, FlagChange
from kamsite.diff.words import Words
from kamsite.graph.text import clean, clip
from kamsite.history.moves import Moved
from kamsite.model.portfolio import Language
from kamsite.pages.trends.views import MovedView
from kamsite.pages.trends.words import say

MOVED_LINES = 30
"""Lines of "what moved" shown; the rest are counted."""


_PLAIN = Safe(text=clean, name=lambda name: clip(clean(name), NAME_LIMIT), ident=str)
"""Content text on the page: plain, one line, clipped names; the template escapes it."""


def event_text(e: Event, w: Words) -> str:
    """`kamsite diff`'s phrase for an event, as plain text (the page escapes it)."""
    return event_phrase(e, w, _PLAIN)


def field_text(f: FieldChange, w: Words) -> str:
    kind = domain("account", f.field)
    before, after = value(f.before, w, kind, _PLAIN), value(f.after, w, kind, _PLAIN)
    return f"{w.term(f.field)} {before} → {after}"


def _flag_text(f: FlagChange, w: Words) -> str:
    try:
        return flag_phrase(f, w)
    except ValueError:  # a code this kamsite no longer knows
        return w(f"flag.{f.change}", code=f.code)


def moved_lines(moved: Moved, w: Words) -> list[str]:
    """Tier and quadrant first, then the scores in one line, flags, events, other fields."""
    lines = [field_text(f, w) for f in moved.fields if f.field in TOP_FIELDS]
    if moved.scores:
        scores = " · ".join(score_phrase(d, w) for d in moved.scores)
        lines.append(say(w.language, "moved.scores", scores=scores))
    lines += [_flag_text(f, w) for f in moved.flags]
    lines += [event_text(e, w) for e in moved.events]
    lines += [field_text(f, w) for f in moved.fields if f.field not in TOP_FIELDS]
    return lines


def moved_view(moved: Moved | None, lang: Language) -> MovedView:
    if moved is None:
        return MovedView(say(lang, "moved.commits"), "", (), say(lang, "moved.only_one"))
    w = Words(lang)
    lines = moved_lines(moved, w)
    if len(lines) > MOVED_LINES:
        rest = len(lines) - (MOVED_LINES - 1)
        lines = [*lines[: MOVED_LINES - 1], say(lang, "moved.more", n=rest)]
    heading = (
        say(lang, "moved.reviews", date=moved.since.isoformat())
        if moved.basis == "reviews" and moved.since is not None
        else say(lang, "moved.commits")
    )
    span = say(
        lang,
        "moved.range",
        base=moved.base[:7],
        base_date=moved.base_date.isoformat(),
        head=moved.head[:7],
        head_date=moved.head_date.isoformat(),
        as_of=moved.as_of.isoformat(),
    )
    return MovedView(heading, span, tuple(lines), None if lines else say(lang, "moved.nothing"))
