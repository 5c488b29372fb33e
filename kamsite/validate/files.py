"""One content file on its own: parse, check its kind, build its model, apply in-file rules."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property
from pathlib import PurePosixPath
from typing import Any

from pydantic import BaseModel, ValidationError

from kamsite.diagnostics import Diagnostic
from kamsite.load import LoadError, parse
from kamsite.model import KIND_MODELS
from kamsite.positions import locate
from kamsite.validate.findings import Finding, not_repeated
from kamsite.validate.inner import file_rules
from kamsite.validate.pydantic_errors import did_you_mean, findings

SUFFIXES = (".yaml", ".yml")
FOLDERS = {"accounts": "account", "strategies": "strategy"}
NOT_UTF8 = "its name is not UTF-8 (the bad bytes are shown as \\x escapes)"


def expected_kind(relative: PurePosixPath) -> str | None:
    """Which kind a path under the content dir must hold; None: not a content file.

    A folder's own path (`accounts`) names its kind too: it is listed only when it is no real
    folder (a link, a submodule), so that it is reported, never followed nor dropped.
    """
    parts = relative.parts
    if len(parts) == 1 and parts[0] in FOLDERS:
        return FOLDERS[parts[0]]
    if len(parts) == 1 and relative.stem in ("portfolio", "team") and relative.suffix in SUFFIXES:
        return relative.stem
    if len(parts) == 2 and parts[0] in FOLDERS and relative.suffix in SUFFIXES:
        return FOLDERS[parts[0]]
    return None


def shown_path(raw: bytes) -> tuple[str, bool]:
    """A path as people see it, and whether that is its exact name: UTF-8 as is, any other
    bytes as `\\xNN`, so a hostile name is reported by name instead of crashing a run."""
    try:
        return raw.decode("utf-8"), True
    except UnicodeDecodeError:
        return raw.decode("utf-8", "backslashreplace"), False


@dataclass(frozen=True)
class NotAFile:
    """A content path that is not read: `what` says why (a directory, a symbolic link…)."""

    what: str


Source = bytes | NotAFile


@dataclass(frozen=True)
class FileResult:
    path: str
    kind: str
    model: BaseModel | None
    diagnostics: tuple[Diagnostic, ...]
    dumped: dict[str, Any] | None = None
    """The model's `data` when the model itself was not kept (`without_model`)."""
    known_id: str | None = None
    """The model's id when neither it nor its data were read back (`FileCache.get`)."""

    @property
    def has_errors(self) -> bool:
        return any(d.severity == "error" for d in self.diagnostics)

    @cached_property
    def data(self) -> dict[str, Any] | None:
        """`plain()`, kept: one result serves many trees (history validates one per commit)."""
        return self.plain()

    def plain(self) -> dict[str, Any] | None:
        """The model as YAML keys with defaults filled in, for rules that read plain data.
        None: the file built no model."""
        return self.dumped if self.model is None else self.model.model_dump(by_alias=True)

    @property
    def ident(self) -> str | None:
        """The id the file's model gives itself; None: no model, or no id."""
        if self.model is None:
            found = self.dumped.get("id") if self.dumped is not None else self.known_id
        else:
            found = getattr(self.model, "id", None)
        return found if isinstance(found, str) else None

    def without_model(self) -> FileResult:
        """The findings and `data` only: what a worker sends back when no model is wanted
        (plain data crosses between processes at a third of the cost of a model)."""
        return FileResult(self.path, self.kind, None, self.diagnostics, self.data)


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
        return FileResult(path, kind, None, (_not_read(path, kind, raw),))
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
    model, rules = None, []
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
            found.extend(findings(model_class, exc, data))
        rules = list(file_rules(PurePosixPath(path).stem, kind, data))
    diagnostics = to_diagnostics(path, loaded.text, found)
    diagnostics.extend(not_repeated(diagnostics, to_diagnostics(path, loaded.text, rules)))
    return FileResult(path, kind, model, tuple(sorted(diagnostics)))


def _not_read(path: str, kind: str, raw: NotAFile) -> Diagnostic:
    name = PurePosixPath(path).name
    if name in FOLDERS:
        rule = f"{name}/ must be a folder of the repository"
    else:
        rule = f"{'an' if kind[0] in 'aeiou' else 'a'} {kind} is one regular YAML file"
    return Diagnostic(path, 1, 1, "error", "encoding", f"not read: {raw.what}; {rule}")
