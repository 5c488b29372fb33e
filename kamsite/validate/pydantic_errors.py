"""Pydantic's errors, said in the user's terms (field path, what to write instead)."""

from __future__ import annotations

import difflib
import types
import typing
from collections.abc import Iterable
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from kamsite.model.common import ID_PATTERN
from kamsite.validate.findings import Finding, dotted

_TYPE_WORDS = {
    "int_type": "a whole number",
    "int_from_float": "a whole number",
    "float_type": "a number",
    "bool_type": "true or false",
    "string_type": "text",
    "list_type": "a list",
    "dict_type": "a mapping (key: value)",
    "model_type": "a mapping (key: value)",
    "model_attributes_type": "a mapping (key: value)",
    "date_type": "a date written YYYY-MM-DD",
}
_RANGE = {
    "greater_than_equal": "at least {ge}",
    "greater_than": "more than {gt}",
    "less_than_equal": "at most {le}",
    "less_than": "less than {lt}",
}


def _unwrap(annotation: Any) -> list[Any]:
    """The concrete types an annotation may hold (Optional, Annotated, unions peeled)."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _unwrap(typing.get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType):
        return [t for arg in typing.get_args(annotation) for t in _unwrap(arg)]
    return [annotation]


def _model_at(root: type[BaseModel], loc: tuple[str | int, ...]) -> type[BaseModel] | None:
    current: list[Any] = [root]
    for part in loc:
        following: list[Any] = []
        for tp in current:
            origin = typing.get_origin(tp)
            if isinstance(tp, type) and issubclass(tp, BaseModel) and isinstance(part, str):
                for name, field in tp.model_fields.items():
                    if (field.alias or name) == part:
                        following.extend(_unwrap(field.annotation))
            elif origin is list and isinstance(part, int):
                following.extend(_unwrap(typing.get_args(tp)[0]))
            elif origin is dict:
                following.extend(_unwrap(typing.get_args(tp)[1]))
        current = following
    return next((t for t in current if isinstance(t, type) and issubclass(t, BaseModel)), None)


def field_names(root: type[BaseModel], loc: tuple[str | int, ...]) -> list[str]:
    model = _model_at(root, loc)
    if model is None:
        return []
    return [field.alias or name for name, field in model.model_fields.items()]


SIMILAR = 0.8
"""difflib ratio from which a name is offered as a fix: `li-nah` → `li-na` (0.91), but not
`li-ming` → `li-na` (0.67), a different person whose name happens to share letters."""


def did_you_mean(word: str, candidates: Iterable[str]) -> str:
    close = difflib.get_close_matches(word, sorted(candidates), n=1, cutoff=SIMILAR)
    return f"; did you mean `{close[0]}`?" if close else ""


def _shown(value: Any) -> str:
    text = repr(value) if not isinstance(value, str) else f"`{value}`"
    return text if len(text) <= 60 else text[:57] + "…"


def _number(value: Any) -> Any:
    return int(value) if isinstance(value, float) and value.is_integer() else value


def _finding(root: type[BaseModel], error: ErrorDetails, data: Any) -> Finding:
    loc = tuple(part for part in error["loc"] if part != "[key]")
    kind, where, value = error["type"], dotted(loc, data), error.get("input")
    ctx = error.get("ctx") or {}
    if kind == "extra_forbidden":
        names = field_names(root, loc[:-1])
        hint = did_you_mean(str(loc[-1]), names)
        allowed = "" if hint else f" (allowed here: {', '.join(names)})" if names else ""
        return Finding(
            loc,
            "unknown-key",
            f"unknown key `{loc[-1]}` in {dotted(loc[:-1], data)}{hint}{allowed}",
            key=True,
        )
    if kind == "missing":
        return Finding(
            loc[:-1], "schema", f"{dotted(loc[:-1], data)}: required field `{loc[-1]}` is missing"
        )
    if kind == "string_pattern_mismatch" and ctx.get("pattern") == ID_PATTERN:
        return Finding(
            loc,
            "schema",
            f"{where}: {_shown(value)} is not a valid id; use 1-64 lowercase letters, digits,"
            " `-` or `_`, starting with a letter or digit",
        )
    if kind == "string_pattern_mismatch":
        return Finding(
            loc, "schema", f"{where}: {_shown(value)} does not match {ctx.get('pattern')}"
        )
    if kind in ("enum", "literal_error"):
        return Finding(
            loc, "schema", f"{where}: {_shown(value)} is not allowed; use one of {ctx['expected']}"
        )
    if kind in _RANGE:
        bound = _RANGE[kind].format(**{k: _number(v) for k, v in ctx.items()})
        return Finding(loc, "schema", f"{where}: {_shown(value)} is out of range; must be {bound}")
    if kind in _TYPE_WORDS:
        got = f'the text "{value}"' if isinstance(value, str) else _shown(value)
        return Finding(loc, "schema", f"{where}: expected {_TYPE_WORDS[kind]}, got {got}")
    if kind == "value_error":
        return Finding(loc, "schema", f"{where}: {ctx.get('error', error['msg'])}")
    if kind == "finite_number":
        return Finding(loc, "schema", f"{where}: must be a finite number, not {_shown(value)}")
    if kind == "too_short":
        return Finding(loc, "schema", f"{where}: must not be empty")
    return Finding(loc, "schema", f"{where}: {error['msg']}")


def findings(root: type[BaseModel], exc: ValidationError, data: Any) -> list[Finding]:
    """`data` is what was validated: list items in messages are named by their id."""
    return [_finding(root, error, data) for error in exc.errors(include_url=False)]
