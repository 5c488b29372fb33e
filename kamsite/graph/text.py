"""Label text from pull requests made safe to show and short enough to lay out.

Content is hostile: control characters are not valid XML, explicit bidi
controls can reorder the text around them ("Trojan source"), and a 2,000-char
name would make a node wider than the page. Everything shown in a picture goes
through `clean` and, for labels, `clip` or `wrap`.
"""

from __future__ import annotations

import unicodedata

ELLIPSIS = "…"
REPLACEMENT = "\ufffd"
_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_RTL_CLASSES = frozenset({"R", "AL"})
_FSI, _PDI = "\u2068", "\u2069"
# Line-breaking rules of Chinese and Japanese (kinsoku): no line starts with closing
# punctuation, none ends with opening punctuation.
_NO_START = frozenset("，。、；：！？）］｝〕〉》」』】〗〙…‥·・%％)]},.;:!?")
_NO_END = frozenset("（［｛〔〈《「『【〖〘([{")


def _allowed(char: str) -> bool:
    """XML 1.0 characters minus controls: what may reach an SVG text node."""
    code = ord(char)
    if 0xD800 <= code <= 0xDFFF or code in (0xFFFE, 0xFFFF):
        return False
    return unicodedata.category(char) != "Cc"


def clean(text: str) -> str:
    """One line of plain text: whitespace collapsed, controls replaced, bidi controls dropped."""
    if text.isprintable():  # no control, format (bidi) or odd space character: the usual case
        return " ".join(text.split())
    chars = [
        " " if char.isspace() else char if _allowed(char) else REPLACEMENT
        for char in text
        if char not in _BIDI_CONTROLS
    ]
    return " ".join("".join(chars).split())


def isolate(text: str) -> str:
    """Right-to-left text wrapped in FSI…PDI so it cannot reorder the words around it."""
    if not text.isascii() and any(unicodedata.bidirectional(char) in _RTL_CLASSES for char in text):
        return f"{_FSI}{text}{_PDI}"
    return text


def width(text: str) -> int:
    """Display width in Latin-letter units: East Asian wide characters count two."""
    if text.isascii():
        return len(text)
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


def _head(text: str, limit: int) -> str:
    """The longest prefix of at most `limit` display units, yet at least one character."""
    used = 0
    for index, char in enumerate(text):
        used += width(char)
        if used > limit:
            return text[: max(index, 1)]
    return text


def clip(text: str, limit: int) -> str:
    """`text` cut to `limit` display units, with an ellipsis when something was cut."""
    if width(text) <= limit:
        return text
    return _head(text, limit - 1).rstrip() + ELLIPSIS


def _break(word: str, limit: int) -> str:
    """The head of a word too wide for a line, moved back a character or two when the
    line would end with opening or the next start with closing punctuation."""
    head = _head(word, limit)
    for cut in range(len(head), max(len(head) - 3, 1), -1):
        if word[cut - 1] not in _NO_END and word[cut] not in _NO_START:
            return head[:cut]
    return head


def wrap(text: str, limit: int, max_lines: int) -> list[str]:
    """Lines of at most `limit` display units, broken at spaces when there are any.

    Chinese has no spaces, so a word wider than a line is broken between characters,
    into lines of about equal width (never before closing or after opening punctuation
    when it can help it); the last line is clipped when the text needs more than
    `max_lines`.
    """
    lines: list[tuple[str, str]] = []  # (glue to the line before: " " or "", line)
    current = ""
    glue = ""
    for word in text.split(" "):
        candidate = f"{current} {word}" if current else word
        if width(candidate) <= limit:
            current = candidate
            continue
        if current:
            lines.append((glue, current))
            glue = " "
        while width(word) > limit:
            pieces = -(-width(word) // limit)  # balanced: 6 + 5 characters, not 10 + 1
            head = _break(word, -(-width(word) // pieces))
            lines.append((glue, head))
            glue = ""
            word = word[len(head) :]
        current = word
    if current:
        lines.append((glue, current))
    shown = [line for _, line in lines]
    if len(lines) > max_lines:
        rest = "".join(g + line for g, line in lines[max_lines:])
        shown = [*shown[: max_lines - 1], clip(shown[max_lines - 1] + rest, limit)]
    return shown


def pack(items: list[str], limit: int, max_lines: int, separator: str = " · ") -> list[str]:
    """`items` joined by `separator` into lines of at most `limit` units, broken only
    between items (an item wider than a line is wrapped on its own); clipped like `wrap`."""
    lines: list[str] = []
    for item in items:
        joined = f"{lines[-1]}{separator}{item}" if lines else item
        if lines and width(joined) <= limit:
            lines[-1] = joined
        else:
            lines.extend(wrap(item, limit, max_lines))
    if len(lines) > max_lines:
        lines = [*lines[: max_lines - 1], clip(separator.join(lines[max_lines - 1 :]), limit)]
    return lines
