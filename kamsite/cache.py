"""Where kamsite keeps its caches, what every entry depends on, and how an entry is trusted.

Everything in a portfolio repository can come from a pull request, so a cache is
never read from the project tree: it lives in the user's cache dir
(`$KAMSITE_CACHE_DIR` overrides). Entries are plain bytes (JSON, SVG) signed with
an HMAC whose key is kept in the user's state dir, never under the cache dir: an
entry that was not written by this machine's kamsite, or was changed since, fails
the check and is rebuilt. Nothing read back is ever executed (no pickle).
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import hmac
import os
import secrets
import sys
import tempfile
import threading
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

import platformdirs

CACHE_ENV = "KAMSITE_CACHE_DIR"
_MAGIC = b"kamsite-cache-1\n"
_TAG = hashlib.sha256().digest_size
_KEY_BYTES = 32

# The libraries whose upgrade can change a diagnostic, a score or a page.
_LIBRARIES = (
    "pydantic",
    "pydantic-core",
    "PyYAML",
    "Markdown",
    "nh3",
    "networkx",
    "Jinja2",
    "MarkupSafe",
)
_CODE_SUFFIXES = (".py", ".html", ".css", ".js", ".json")


def cache_root() -> Path:
    """`$KAMSITE_CACHE_DIR`, else the user's cache dir; never inside the project."""
    configured = os.environ.get(CACHE_ENV)
    return Path(configured) if configured else platformdirs.user_cache_path("kamsite")


@functools.cache
def code_stamp() -> str:
    """A hash of kamsite's own files and the versions of the libraries that shape its output.

    Part of every cache key, so a local edit or an upgrade never serves stale results.
    """
    digest = hashlib.sha256(f"python {sys.version_info[0]}.{sys.version_info[1]}\0".encode())
    package = Path(__file__).resolve().parent
    for path in sorted(package.rglob("*")):
        if path.suffix in _CODE_SUFFIXES and "__pycache__" not in path.parts:
            digest.update(path.relative_to(package).as_posix().encode() + b"\0")
            digest.update(path.read_bytes() + b"\0")
    for name in _LIBRARIES:
        try:
            digest.update(f"{name} {version(name)}\0".encode())
        except PackageNotFoundError:
            digest.update(f"{name} -\0".encode())
    return digest.hexdigest()


def _key_file() -> Path:
    return platformdirs.user_state_path("kamsite") / "cache.key"


@functools.cache
def _machine_key() -> bytes:
    """This user's signing key, created on first use; a per-process key when it cannot be kept.

    It lives apart from the cache dir, so pointing `$KAMSITE_CACHE_DIR` into a
    checkout (say, for CI caching) still lets no committed file pass as an entry.
    """
    path = _key_file()
    try:
        key = path.read_bytes()
        if len(key) == _KEY_BYTES:
            return key
    except OSError:
        pass
    key = secrets.token_bytes(_KEY_BYTES)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, temporary = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(fd, "wb") as handle:
            handle.write(key)
        os.chmod(temporary, 0o600)
        os.replace(temporary, path)
    except OSError:
        return key
    try:
        # Two processes may have raced to create it: use whichever landed.
        stored = path.read_bytes()
    except OSError:
        return key
    return stored if len(stored) == _KEY_BYTES else key


def _tag(name: str, *chunks: bytes) -> bytes:
    signed = hmac.new(_machine_key(), name.encode() + b"\0", hashlib.sha256)
    for chunk in chunks:
        signed.update(chunk)
    return signed.digest()


class SignedStore:
    """Named byte entries under one directory; a missing, foreign or damaged entry is a miss.

    The name is signed with the payload, so an entry cannot be moved to another key.
    `directory=None` stores nothing (caching off).
    """

    def __init__(self, directory: Path | None) -> None:
        self.directory = directory
        self._folders: set[Path] = set()

    def _file(self, name: str) -> Path | None:
        return None if self.directory is None else self.directory / name[:2] / name

    def read(self, name: str) -> bytes | None:
        target = self._file(name)
        if target is None:
            return None
        try:
            data = target.read_bytes()
        except OSError:
            return None
        head = len(_MAGIC) + _TAG
        if len(data) < head or not data.startswith(_MAGIC):
            return None
        tag, payload = data[len(_MAGIC) : head], data[head:]
        return payload if hmac.compare_digest(tag, _tag(name, payload)) else None

    def write(self, name: str, *payload: bytes) -> None:
        """The payload, given in chunks (a large page's HTML is never copied into one), written
        beside its place and renamed into it, so a reader never meets a half-written entry: a
        build reads its pages' entries late, and a second build or `kamsite pages` may be
        writing the same names meanwhile (the same bytes: a name is a hash of what its entry
        holds). A failure only loses the entry."""
        target = self._file(name)
        if target is None:
            return
        part = target.with_name(f"{target.name}.{os.getpid()}.{threading.get_ident()}.part")
        try:
            if target.parent not in self._folders:
                target.parent.mkdir(parents=True, exist_ok=True)
                self._folders.add(target.parent)
            with part.open("wb") as out:
                out.write(_MAGIC + _tag(name, *payload))
                for chunk in payload:
                    out.write(chunk)
            os.replace(part, target)
        except OSError:
            with contextlib.suppress(OSError):
                part.unlink(missing_ok=True)
