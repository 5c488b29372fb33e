"""Validation results on disk, keyed by a hash of everything a result depends on.

Per file: a warm `validate` costs a read, a hash and a check of the signature per
file instead of a YAML parse. An entry is plain JSON (the diagnostics and the
model's own JSON), and the model is rebuilt through pydantic on read, so even a
signed entry is data that must validate again; anything that does not is a miss.

Per tree: the findings of a whole unchanged tree, for callers that need no models
(`kamsite validate`): one entry answers them without building 1,000 models.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from kamsite.cache import SignedStore, code_stamp
from kamsite.diagnostics import Diagnostic
from kamsite.model import KIND_MODELS
from kamsite.validate.files import FileResult, NotAFile, Source
from kamsite.validate.findings import Finding

_SEVERITIES = ("error", "warning")


def digest(path: str, kind: str, raw: Source) -> str:
    h = hashlib.sha256(f"kamsite-validate\0{code_stamp()}".encode())
    h.update(f"\0{path}\0{kind}\0".encode())
    h.update(f"<{raw.what}>".encode() if isinstance(raw, NotAFile) else raw)
    return h.hexdigest()


def _encode(result: FileResult) -> bytes:
    head = {
        "path": result.path,
        "kind": result.kind,
        "id": result.ident,
        "diagnostics": [
            [d.path, d.line, d.column, d.severity, d.code, d.message] for d in result.diagnostics
        ],
    }
    model = b"" if result.model is None else result.model.model_dump_json(by_alias=True).encode()
    return json.dumps(head, ensure_ascii=True).encode() + b"\n" + model


def _diagnostic(item: Any) -> Diagnostic | None:
    if not (isinstance(item, list) and len(item) == 6):
        return None
    path, line, column, severity, code, message = item
    texts = all(isinstance(v, str) for v in (path, code, message))
    numbers = all(type(v) is int for v in (line, column))
    if not (texts and numbers and severity in _SEVERITIES):
        return None
    return Diagnostic(path, line, column, severity, code, message)


def _diagnostics(items: Any) -> list[Diagnostic] | None:
    found = [_diagnostic(item) for item in items] if isinstance(items, list) else [None]
    return None if any(d is None for d in found) else [d for d in found if d is not None]


def _decode(payload: bytes, *, model: bool = True) -> FileResult | None:
    """The result stored; without `model`, only its findings and the model's id (reading a
    model back through pydantic is most of the cost of a hit)."""
    head_text, _, model_json = payload.partition(b"\n")
    try:
        head = json.loads(head_text)
    except ValueError:
        return None
    if not isinstance(head, dict):
        return None
    path, kind = head.get("path"), head.get("kind")
    if not isinstance(path, str) or kind not in KIND_MODELS:
        return None
    diagnostics = _diagnostics(head.get("diagnostics"))
    ident = head.get("id")
    if diagnostics is None or not (ident is None or isinstance(ident, str)):
        return None
    if not model:
        return FileResult(path, kind, None, tuple(diagnostics), known_id=ident)
    built = None
    if model_json:
        try:
            built = KIND_MODELS[kind].model_validate_json(model_json)
        except ValidationError:
            return None
    return FileResult(path, kind, built, tuple(diagnostics))


def _finding_row(f: Finding) -> list[Any]:
    return [list(f.loc), f.code, f.message, f.severity, f.key, f.line, f.column]


def _finding(row: Any) -> Finding | None:
    if not (isinstance(row, list) and len(row) == 7):
        return None
    loc, code, message, severity, key, line, column = row
    places = isinstance(loc, list) and all(type(p) in (str, int) for p in loc)
    texts = isinstance(code, str) and isinstance(message, str)
    numbers = all(n is None or type(n) is int for n in (line, column))
    if not (places and texts and numbers and severity in _SEVERITIES and type(key) is bool):
        return None
    return Finding(tuple(loc), code, message, severity, key, line, column)


def _rules(payload: bytes | None) -> dict[str, list[Finding]] | None:
    """A stored rules entry; None for none, or for one that does not read back exactly."""
    try:
        stored = json.loads(payload) if payload is not None else None
    except ValueError:
        return None
    if not isinstance(stored, dict):
        return None
    found: dict[str, list[Finding]] = {}
    for key, rows in stored.items():
        items = [_finding(row) for row in rows] if isinstance(rows, list) else [None]
        if any(item is None for item in items):
            return None
        found[key] = [item for item in items if item is not None]
    return found


class FileCache:
    """A missing, foreign or unreadable entry is a miss, never an error."""

    retains = False
    """Whether the results it gives live on past one validation (so keeping what is derived
    from them pays)."""

    def __init__(self, directory: Path | None) -> None:
        self.store = SignedStore(directory)
        self._rules: dict[str, dict[str, list[Finding]]] = {}

    def rules(self, context: str) -> dict[str, list[Finding]]:
        """The cross-file findings of each account file (by its key) known under `context`
        (what portfolio.yaml says and which ids exist: see `validate._cross`), to be added
        to: after an edit to one account, the others' rules are read, not run again."""
        known = self._rules.get(context)
        if known is None:
            known = self._rules[context] = _rules(self.store.read(f"rules-{context}")) or {}
        return known

    def put_rules(self, context: str, findings: dict[str, list[Finding]]) -> None:
        """`findings` (the accounts of one tree) stored as what `context` knows."""
        self._rules[context] = findings
        rows = {key: [_finding_row(f) for f in found] for key, found in findings.items()}
        self.store.write(f"rules-{context}", json.dumps(rows, sort_keys=True).encode())

    def get(self, key: str, *, model: bool = True) -> FileResult | None:
        """`model` False: the findings and the model's id only (see `_decode`)."""
        payload = self.store.read(key)
        return None if payload is None else _decode(payload, model=model)

    def put(self, key: str, result: FileResult) -> None:
        self.store.write(key, _encode(result))

    def get_tree(self, key: str) -> tuple[list[Diagnostic], int] | None:
        """Every finding of an unchanged tree and its file count."""
        payload = self.store.read(key)
        try:
            stored = json.loads(payload) if payload is not None else None
        except ValueError:
            return None
        if not isinstance(stored, dict) or type(stored.get("files")) is not int:
            return None
        diagnostics = _diagnostics(stored.get("diagnostics"))
        return None if diagnostics is None else (diagnostics, stored["files"])

    def put_tree(self, key: str, diagnostics: list[Diagnostic], files: int) -> None:
        rows = [[d.path, d.line, d.column, d.severity, d.code, d.message] for d in diagnostics]
        self.store.write(key, json.dumps({"files": files, "diagnostics": rows}).encode())
