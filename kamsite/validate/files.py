"""One content file on its own: parse, check its kind, build its model, apply in-file rules."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import PurePosixPath

from pydantic import BaseModel, ValidationError

from kamsite.diagnostics import Diagnostic
from kamsite.load import LoadError, parse
from kamsite.model import KIND_MODELS, Account, Strategy
from kamsite.positions import locate
from kamsite.validate.findings import Finding
from kamsite.validate.inner import account_rules, strategy_rules
from kamsite.validate.pydantic_errors import did_you_mean, findings

SUFFIXES = (".yaml", ".yml")


def expected_kind(relative: PurePosixPath) -> str | None:
    """Which kind a path under the content dir must hold; None: not a content file."""
    parts = relative.parts
    if len(parts) == 1 and relative.stem in ("portfolio", "team") and relative.suffix in SUFFIXES:
        return relative.stem
    if len(parts) == 2 and parts[0] in ("accounts", "strategies") and relative.suffix in SUFFIXES:
        return "account" if parts[0] == "accounts" else "strategy"
    return None


@dataclass(frozen=True)
class NotAFile:
    """A content path that is no regular file: `what` says which (directory, link…)."""

    what: str


Source = bytes | NotAFile


@dataclass(frozen=True)
class FileResult:
    path: str
    kind: str
    model: BaseModel | None
    diagnostics: tuple[Diagnostic, ...]

    @property
    def has_errors(self) -> bool:
        return any(d.severity == "error" for d in self.diagnostics)


def to_diagnostics(path: str, text: str, found: Iterable[Finding]) -> list[Diagnostic]:
    out = []
    for f in found:
        if f.line is None or f.column is None:
            line, column = locate(text, f.loc, key=f.key)
        else:
            line, column = f.line, f.column
        out.append(Diagnostic(path, line, column, f.severity, f.code, f.message))
    return out


def check_file(path: str, kind: str, raw: Source) -> FileResult:
    if isinstance(raw, NotAFile):
        message = f"is a {raw.what}; a {kind} is one regular YAML file"
        return FileResult(path, kind, None, (Diagnostic(path, 1, 1, "error", "encoding", message),))
    try:
        loaded = parse(raw)
    except LoadError as exc:
        diagnostic = Diagnostic(path, exc.line, exc.column, "error", exc.code, exc.message)
        return FileResult(path, kind, None, (diagnostic,))
    found = [
        Finding(
            (),
            "yaml-syntax",
            f"duplicate key `{d.key}`; YAML keys must be unique",
            line=d.line,
            column=d.column,
        )
        for d in loaded.duplicates
    ]
    model = None
    data = loaded.data
    if data is None:
        found.append(
            Finding((), "encoding", f"file is empty; a {kind} file starts with `kind: {kind}`")
        )
    elif not isinstance(data, dict):
        found.append(
            Finding(
                (),
                "encoding",
                f"the top level must be a mapping (key: value), not a {type(data).__name__}",
            )
        )
    elif "kind" not in data:
        found.append(
            Finding((), "encoding", f"missing `kind:`; this file must start with `kind: {kind}`")
        )
    elif data["kind"] not in KIND_MODELS:
        shown = str(data["kind"])[:40]
        found.append(
            Finding(
                ("kind",),
                "encoding",
                f"unknown kind `{shown}`{did_you_mean(shown, KIND_MODELS)}"
                f" (one of {', '.join(KIND_MODELS)})",
            )
        )
    elif data["kind"] != kind:
        found.append(
            Finding(
                ("kind",),
                "schema",
                f"this file holds kind `{data['kind']}` but its place needs kind `{kind}`",
            )
        )
    else:
        model_class = KIND_MODELS[kind]
        try:
            model = model_class.model_validate(data)
        except ValidationError as exc:
            found.extend(findings(model_class, exc))
        else:
            found.extend(_model_rules(path, model))
    return FileResult(path, kind, model, tuple(sorted(to_diagnostics(path, loaded.text, found))))


def _model_rules(path: str, model: BaseModel) -> Iterable[Finding]:
    if isinstance(model, Account | Strategy):
        stem = PurePosixPath(path).stem
        if model.id != stem:
            yield Finding(
                ("id",),
                "id-mismatch",
                f"id `{model.id}` must equal the file name `{stem}` (rename one of them)",
            )
    if isinstance(model, Account):
        yield from account_rules(model)
    elif isinstance(model, Strategy):
        yield from strategy_rules(model)
