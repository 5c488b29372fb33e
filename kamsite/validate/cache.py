"""Per-file results on disk, keyed by a hash of everything a result depends on.

A warm `validate` then costs a read and a hash per file. The cache lives in the
user's working tree (`.cache/kamsite/`, git-ignored), never in content, so
unpickling it trusts only what this tool wrote there.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from pathlib import Path

import kamsite
from kamsite.validate.files import FileResult, NotAFile, Source

_SALT = f"kamsite-validate-{kamsite.__version__}-py{pickle.HIGHEST_PROTOCOL}".encode()


def digest(path: str, kind: str, raw: Source) -> str:
    h = hashlib.sha256(_SALT)
    h.update(f"\0{path}\0{kind}\0".encode())
    h.update(f"<{raw.what}>".encode() if isinstance(raw, NotAFile) else raw)
    return h.hexdigest()


class FileCache:
    """A missing or unreadable entry is a miss, never an error."""

    def __init__(self, directory: Path | None) -> None:
        self.directory = directory

    def _file(self, key: str) -> Path | None:
        return None if self.directory is None else self.directory / key[:2] / f"{key}.pickle"

    def get(self, key: str) -> FileResult | None:
        target = self._file(key)
        if target is None:
            return None
        try:
            with target.open("rb") as handle:
                value = pickle.load(handle)
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
            return None
        return value if isinstance(value, FileResult) else None

    def put(self, key: str, result: FileResult) -> None:
        target = self._file(key)
        if target is None:
            return
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=target.parent, suffix=".tmp")
            with os.fdopen(fd, "wb") as handle:
                pickle.dump(result, handle, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, target)
        except OSError:
            return
