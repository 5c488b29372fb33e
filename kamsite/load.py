"""Reading content files: bytes → Python data under DESIGN.md §3's common rules.

Parsing uses libyaml (the fast path everybody pays); positions are recovered
only when something must be reported (see `kamsite.positions`). YAML 1.2
core-schema scalars: only true/false are booleans, dates stay strings so the
model can insist on YYYY-MM-DD. Size, alias expansion and nesting depth are
bounded before anything large is built, because content comes from pull
requests and libyaml's composer recurses in C (a deep enough file crashes the
interpreter instead of raising).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import yaml
from yaml.cyaml import CParser  # type: ignore[attr-defined]

MAX_BYTES = 10_000_000
MAX_EXPANDED = 10_000_000
MAX_DEPTH = 64

_CoreLoaderBase: type = yaml.CSafeLoader


@dataclass(frozen=True)
class LoadError(Exception):
    """A file that cannot become data; line/column are 1-based."""

    code: str
    message: str
    line: int = 1
    column: int = 1


@dataclass(frozen=True)
class DuplicateKey:
    key: str
    line: int
    column: int


class CoreResolver(yaml.resolver.BaseResolver):
    """YAML 1.2 core schema: the Norway problem cannot happen."""


_CORE_IMPLICIT: list[tuple[str, str, str]] = [
    ("tag:yaml.org,2002:bool", r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
    (
        "tag:yaml.org,2002:int",
        r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$",
        "-+0123456789",
    ),
    (
        "tag:yaml.org,2002:float",
        r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
        r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$",
        "-+0123456789.",
    ),
    ("tag:yaml.org,2002:null", r"^(?:~|null|Null|NULL|)$", "~nN\0"),
]
for _tag, _pattern, _first in _CORE_IMPLICIT:
    CoreResolver.add_implicit_resolver(_tag, re.compile(_pattern), list(_first))
CoreResolver.yaml_implicit_resolvers.setdefault("", []).append(
    ("tag:yaml.org,2002:null", re.compile(r"^$"))
)


class CoreConstructor(yaml.constructor.SafeConstructor):
    """Safe construction plus duplicate-key detection and 1.2 int/float forms."""

    duplicates: list[DuplicateKey]

    def construct_mapping(self, node: Any, deep: bool = False) -> dict[Any, Any]:
        if isinstance(node, yaml.MappingNode):
            self.flatten_mapping(node)
        mapping: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = self.construct_object(key_node, deep=deep)
            try:
                hash(key)
            except TypeError:
                raise yaml.constructor.ConstructorError(
                    None, None, "a mapping key must be a plain value", key_node.start_mark
                ) from None
            if key in mapping:
                mark = key_node.start_mark
                self.duplicates.append(DuplicateKey(str(key), mark.line + 1, mark.column + 1))
            mapping[key] = self.construct_object(value_node, deep=deep)
        return mapping

    def construct_yaml_int(self, node: Any) -> int:
        value = str(self.construct_scalar(node))
        if value.startswith("0o"):
            return int(value[2:], 8)
        if value.startswith("0x"):
            return int(value[2:], 16)
        return int(value)

    def construct_yaml_float(self, node: Any) -> float:
        value = str(self.construct_scalar(node)).lower()
        if value.endswith(".inf"):
            return float("-inf") if value.startswith("-") else float("inf")
        if value == ".nan":
            return float("nan")
        return float(value)


CoreConstructor.yaml_constructors = {
    **yaml.constructor.SafeConstructor.yaml_constructors,
    "tag:yaml.org,2002:int": CoreConstructor.construct_yaml_int,
    "tag:yaml.org,2002:float": CoreConstructor.construct_yaml_float,
}


class CoreLoader(CParser, CoreConstructor, CoreResolver):
    """libyaml's parser with our resolver and constructor (nothing of PyYAML's 1.1 resolver)."""

    def __init__(self, stream: str) -> None:
        CParser.__init__(self, stream)
        CoreConstructor.__init__(self)
        CoreResolver.__init__(self)
        self.duplicates = []


@dataclass(frozen=True)
class Loaded:
    data: Any
    text: str
    duplicates: tuple[DuplicateKey, ...] = ()


def decode(raw: bytes) -> str:
    """UTF-8 with an optional BOM; CRLF becomes LF so columns match editors."""
    if len(raw) > MAX_BYTES:
        raise LoadError("too-large", f"file is {len(raw):,} bytes; the limit is {MAX_BYTES:,}")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise LoadError(
            "encoding",
            f"not UTF-8: byte 0x{raw[exc.start]:02x} cannot be decoded; save the file as UTF-8",
            line,
            column,
        ) from None
    return text.replace("\r\n", "\n")


_ANCHOR = re.compile(r"(?:^|[\s\[{,])&[^\s,\[\]{}]")
_ALIAS = re.compile(r"(?:^|[\s\[{,])\*[^\s,\[\]{}*]")
_BRACKETS = re.compile(r"[^\[\]{}]+")
_INDENT = re.compile(r"^ *", re.MULTILINE)
_COMPACT = re.compile(r"(?:[-?] +){8,}")


def _maybe_deep(text: str) -> bool:
    """A cheap over-estimate; only files it flags pay for an exact event scan."""
    depth = peak = 0
    for char in _BRACKETS.sub("", text):
        depth = depth + 1 if char in "[{" else max(0, depth - 1)
        peak = max(peak, depth)
    if peak > MAX_DEPTH // 2:
        return True
    if max((len(m) for m in _INDENT.findall(text)), default=0) > MAX_DEPTH // 2:
        return True
    return _COMPACT.search(text) is not None


def _check_depth(text: str) -> None:
    depth = 0
    for event in yaml.parse(text, Loader=_CoreLoaderBase):
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                mark = event.start_mark
                where = (mark.line + 1, mark.column + 1) if mark else (1, 1)
                raise LoadError("too-large", f"nesting is deeper than {MAX_DEPTH} levels", *where)
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1


def _check_expansion(data: Any) -> None:
    """Alias bombs share objects, so their expanded size is counted without expanding."""
    sizes: dict[int, int] = {}
    depths: dict[int, int] = {}
    active: set[int] = set()
    stack: list[tuple[Any, bool]] = [(data, False)]
    while stack:
        obj, done = stack.pop()
        key = id(obj)
        if isinstance(obj, dict):
            children = [*obj.keys(), *obj.values()]
        elif isinstance(obj, list):
            children = obj
        else:
            continue
        if done:
            active.discard(key)
            kids = [c for c in children if isinstance(c, dict | list)]
            sizes[key] = 1 + len(children) + sum(sizes[id(c)] for c in kids)
            depths[key] = 1 + max((depths[id(c)] for c in kids), default=0)
            if sizes[key] > MAX_EXPANDED // 10:
                raise LoadError("too-large", "aliases expand past the size limit (10 MB)")
            if depths[key] > MAX_DEPTH:
                raise LoadError("too-large", f"aliases nest deeper than {MAX_DEPTH} levels")
            continue
        if key in sizes:
            continue
        if key in active:
            raise LoadError("too-large", "an alias refers to the node that contains it")
        active.add(key)
        stack.append((obj, True))
        stack.extend((c, False) for c in children if isinstance(c, dict | list))


def parse(raw: bytes) -> Loaded:
    """Bytes → data, or LoadError with the position libyaml reports."""
    text = decode(raw)
    if _maybe_deep(text):
        try:
            _check_depth(text)
        except yaml.MarkedYAMLError as exc:
            raise _too_deep(exc) or _syntax_error(exc, text) from None
    loader = CoreLoader(text)
    try:
        data = loader.get_single_data()
    except yaml.MarkedYAMLError as exc:
        raise _syntax_error(exc, text) from None
    except yaml.YAMLError as exc:
        raise LoadError("yaml-syntax", str(exc)) from None
    finally:
        loader.dispose()
    if _ANCHOR.search(text) and _ALIAS.search(text):
        _check_expansion(data)
    return Loaded(data, text, tuple(loader.duplicates))


def _too_deep(exc: yaml.MarkedYAMLError) -> LoadError | None:
    """libyaml's own nesting limit (PyYAML 6.0.4 on), met before the event scan counts to
    `MAX_DEPTH` when a flow collection opens a thousand levels at once: the same finding."""
    if "nesting depth" not in (exc.problem or ""):
        return None
    mark = exc.problem_mark
    where = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    return LoadError("too-large", f"nesting is deeper than {MAX_DEPTH} levels", *where)


def _syntax_error(exc: yaml.MarkedYAMLError, text: str) -> LoadError:
    mark = exc.problem_mark or exc.context_mark
    problem = exc.problem or "invalid YAML"
    if exc.context:
        problem = f"{problem} ({exc.context})"
    if mark is None:
        return LoadError("yaml-syntax", problem)
    hint = _hint(problem, text, mark.index, mark.line)
    return LoadError(
        "yaml-syntax", f"{problem}; {hint}" if hint else problem, mark.line + 1, mark.column + 1
    )


_KEY_THEN_TEXT = re.compile(r"^\s*(?:- +)?([^\s:#'\"][^:#]*?):\s+([^'\"\s].*:(?:\s.*|$))")

_HINTS = (
    (
        "did not find expected '-' indicator",
        "a list item or key is indented differently from the ones before it: start every `- ` of"
        " one list in the same column, and the keys of one item in the column after `- `",
    ),
    (
        "did not find expected key",
        "a line is indented differently from the keys around it, or a quote is left open:"
        " align the keys of one mapping in one column",
    ),
    (
        "could not find expected ':'",
        "a line that is neither `key: value` nor a list item: add the colon and a space, or"
        " quote text that runs over several lines",
    ),
    (
        "did not find expected ',' or '}'",
        'text inside `{…}` that holds `:` or `,` must be quoted: {what: "Phase 2: rollout"}',
    ),
    (
        "did not find expected ',' or ']'",
        'text inside `[…]` that holds `:` or `,` must be quoted: ["Reading, writing"]',
    ),
)


def _hint(problem: str, text: str, index: int, line: int) -> str | None:
    """Plain words for the slips authors make most, beside the parser's own message."""
    if 0 <= index < len(text) and text[index] == "\t":
        return "a tab character here: indent with spaces, YAML does not allow tabs"
    if problem.startswith("mapping values are not allowed"):
        lines = text.split("\n")
        found = _KEY_THEN_TEXT.match(lines[line]) if line < len(lines) else None
        if found:
            key, value = found.group(1).strip(), found.group(2).split(" #")[0].strip()
            quoted = f'"{value}"' if len(value) <= 60 and '"' not in value else '"…: …"'
            return f"the text after `{key}:` holds `: `; put it in quotes: {key}: {quoted}"
        return "this key is indented deeper than the keys above it: align it with them"
    return next((hint for start, hint in _HINTS if problem.startswith(start)), None)
