"""Per-file validation results on disk, keyed by a hash of everything a result depends on.

A warm `validate` then costs a read, a hash and a check of the signature per file
instead of a YAML parse. An entry is plain JSON (the diagnostics and the model's
own JSON), and the model is rebuilt through pydantic on read, so even a signed
entry is data that must validate again; anything that does not is a miss.
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


def _decode(payload: bytes) -> FileResult | None:
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
    items = head.get("diagnostics")
    diagnostics = [_diagnostic(item) for item in items] if isinstance(items, list) else [None]
    if any(d is None for d in diagnostics):
        return None
    model = None
    if model_json:
        try:
            model = KIND_MODELS[kind].model_validate_json(model_json)
        except ValidationError:
            return None
    return FileResult(path, kind, model, tuple(d for d in diagnostics if d is not None))


class FileCache:
    """A missing, foreign or unreadable entry is a miss, never an error."""

    def __init__(self, directory: Path | None) -> None:
        self.store = SignedStore(directory)

    def get(self, key: str) -> FileResult | None:
        payload = self.store.read(key)
        return None if payload is None else _decode(payload)

    def put(self, key: str, result: FileResult) -> None:
        self.store.write(key, _encode(result))
