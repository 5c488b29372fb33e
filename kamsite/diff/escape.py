"""Untrusted text (names, messages, paths from a pull request) made inert in a PR comment.

One line only, no HTML, no Markdown structure (links, emphasis, code, table pipes, math), and
no notifications or links: `@user`, `#123` and `GH-123` would ping people or cross-reference
issues when the comment is posted, and `www.` starts an autolink, so a zero-width space breaks
them. Bidirectional controls (a right-to-left override makes `evil.yaml` read as `lmay.live`)
are shown as escapes.
"""

from __future__ import annotations

import html
import re

_BREAKS = re.compile(r"[\x00-\x1f\x7f\x85\u2028\u2029]+")
_MARKDOWN = re.compile(r"([\\`*_\[\]|~$])")
_PINGS = re.compile(r"([@#])(?=\w)")
_SCHEME = re.compile(r":(?=//)")
_AUTOLINKS = re.compile(r"\b(gh|www)(?=[-.])", re.IGNORECASE)
_BIDI = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_PLAIN_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_./-]*$")
ZWSP = "\u200b"


def _inert(value: str) -> str:
    value = _BREAKS.sub(" ", value).strip()
    value = _BIDI.sub(lambda m: f"\\u{ord(m[0]):04x}", value)
    value = _PINGS.sub(rf"\1{ZWSP}", value)
    value = _AUTOLINKS.sub(rf"\1{ZWSP}", value)
    return _SCHEME.sub(f":{ZWSP}", value)


def md(value: object) -> str:
    """Inline Markdown text, safe in a paragraph, a list item or a table cell."""
    return _MARKDOWN.sub(r"\\\1", html.escape(_inert(str(value)), quote=True))


def html_text(value: object) -> str:
    """Text inside raw HTML (`<summary>`), where Markdown escapes would show literally."""
    return html.escape(_inert(str(value)), quote=True)


def code(value: object) -> str:
    """An id in a code span when it is a plain id (ids are), else escaped text."""
    text = str(value)
    return f"`{text}`" if _PLAIN_ID.match(text) else md(text)


def html_code(value: object) -> str:
    return f"<code>{html_text(value)}</code>"
