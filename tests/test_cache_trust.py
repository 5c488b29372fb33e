"""Caches hold data a checkout cannot plant: nothing committed is read as cache, nothing runs.

A pull request controls every file of the checkout, `.cache/` included. These tests plant
what earlier releases read back (a pickle that runs code, a Graphviz SVG with a script, a
stored page set) and, with `$KAMSITE_CACHE_DIR` pointed into the checkout, entries in
today's format that this machine did not sign; every command must ignore them.
"""

from __future__ import annotations

import hashlib
import hmac
import marshal
import os
import pickle
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import REPO, make_project

import kamsite
from kamsite.cache import SignedStore, cache_root
from kamsite.graph import Renderer
from kamsite.model import resolve_as_of
from kamsite.pipeline import account_diagram, strategy_diagram
from kamsite.score import score_portfolio
from kamsite.validate import validate_content
from kamsite.validate.cache import FileCache
from kamsite.validate.files import check_file

BIN = Path(sys.executable).parent
HOSTILE = "kamhostile"
BROKEN = "content/accounts/kestrel-motors.yaml"


class _Payload:
    """Unpickling this writes the marker: proof that a loader ran planted code."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, tuple[str]]:
        return (exec, (f"open({str(self.marker)!r}, 'w').write('ran')",))


def _run(project: Path, *args: str, cache: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("KAMSITE_CACHE_DIR", None)
    if cache is not None:
        env["KAMSITE_CACHE_DIR"] = str(cache)
    return subprocess.run(
        [str(BIN / args[0]), *args[1:]], cwd=project, env=env, capture_output=True, text=True
    )


def _commands(project: Path, cache: Path | None) -> Iterator[str]:
    """Every command that reads a cache; yields what each printed or wrote."""
    done = _run(project, "kamsite", "score", "--format", "json", cache=cache)
    assert done.returncode == 0, done.stderr
    yield done.stdout
    done = _run(project, "kamsite", "graph", "northwind-telecom", cache=cache)
    assert done.returncode == 0, done.stderr
    yield done.stdout
    done = _run(project, "kamsite", "pages", "--out", "pages-out", cache=cache)
    assert done.returncode == 0, done.stderr
    yield from (p.read_text("utf-8") for p in (project / "pages-out").rglob("*.md"))
    done = _run(project, "mkdocs", "build", "--strict", cache=cache)
    assert done.returncode == 0, done.stderr
    yield from (p.read_text("utf-8") for p in (project / "site").rglob("*.html"))


def _break(project: Path) -> None:
    """One account that must fail validation, whatever a cache claims."""
    plan = project / BROKEN
    plan.write_text(plan.read_text("utf-8").replace("tier: ", "tier: vip-", 1), "utf-8")


def _plant_legacy(project: Path, marker: Path) -> None:
    """What kamsite 0.1.0 read from `.cache/kamsite/`, under the keys it computed."""
    root = project / ".cache" / "kamsite"
    salt = f"kamsite-validate-{kamsite.__version__}-py{pickle.HIGHEST_PROTOCOL}".encode()
    for path in sorted((project / "content").rglob("*.yaml")):
        relative = path.relative_to(project).as_posix()
        kind = {"accounts": "account", "strategies": "strategy"}.get(path.parent.name, path.stem)
        h = hashlib.sha256(salt)
        h.update(f"\0{relative}\0{kind}\0".encode())
        h.update(path.read_bytes())
        key = h.hexdigest()
        (root / "validate" / key[:2]).mkdir(parents=True, exist_ok=True)
        (root / "validate" / key[:2] / f"{key}.pickle").write_bytes(pickle.dumps(_Payload(marker)))
    result = validate_content(project / "content", cache_dir=False)
    assert result.content is not None
    content = result.content
    scores = score_portfolio(content, resolve_as_of(content.settings))
    diagrams = [account_diagram(content, scores, a) for a in content.accounts]
    diagrams += [strategy_diagram(content, scores, s) for s in content.strategies]
    version = Renderer(None).version()
    for diagram in diagrams:
        h = hashlib.sha256()
        for part in (diagram.dot, version.split("\0")[0], "-Tsvg"):
            h.update(part.encode() + b"\0")
        key = h.hexdigest()
        (root / "graph" / key[:2]).mkdir(parents=True, exist_ok=True)
        (root / "graph" / key[:2] / f"{key}.svg").write_text(
            f'<svg xmlns="http://www.w3.org/2000/svg"><script>{HOSTILE}()</script>'
            f'<g onmouseover="{HOSTILE}()"/></svg>'
        )
    forged = {"index.md": f"<script>{HOSTILE}()</script>"}
    (root / "pages.marshal").write_bytes(marshal.dumps(("any-key", forged)))


@pytest.mark.slow
def test_a_committed_legacy_cache_is_never_read(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p", REPO / "content")
    marker = tmp_path / "pwned"
    _plant_legacy(project, marker)
    for text in _commands(project, cache=None):
        assert HOSTILE not in text
    _break(project)
    done = _run(project, "kamsite", "validate")
    assert done.returncode == 1 and "vip-" in done.stdout
    assert not marker.exists()


def _tamper(entry: Path) -> None:
    """Change the payload, keep the signature: what a committed copy of a real entry can do."""
    data = entry.read_bytes()
    if b"<svg" in data:
        entry.write_bytes(data.replace(b"<svg", f"<svg onload='{HOSTILE}()'".encode(), 1))
    elif b'"pages"' in data:
        entry.write_bytes(data.replace(b'"index.md": "', f'"index.md": "{HOSTILE}'.encode(), 1))
    else:
        head, _, model = data.partition(b'"diagnostics": [')
        entry.write_bytes(head + b'"diagnostics": [], "x": [' + model)


def _resign(entry: Path) -> None:
    """A well-formed entry signed with another machine's key (one a PR author holds)."""
    data = entry.read_bytes()
    magic_end = data.index(b"\n") + 1
    payload = data[magic_end + 32 :].replace(b"Northwind", HOSTILE.encode())
    name = entry.name.encode()
    tag = hmac.new(b"k" * 32, name + b"\0" + payload, hashlib.sha256).digest()
    entry.write_bytes(data[:magic_end] + tag + payload)


@pytest.mark.slow
def test_entries_planted_in_a_cache_dir_inside_the_checkout_are_rebuilt(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p", REPO / "content")
    genuine = tmp_path / "genuine"
    list(_commands(project, cache=genuine))
    assert _run(project, "kamsite", "validate", cache=genuine).returncode == 0
    planted = project / ".cache" / "kamsite"
    shutil.copytree(genuine, planted)
    entries = sorted(p for p in planted.rglob("*") if p.is_file())
    for n, entry in enumerate(entries):
        (_resign if n % 2 else _tamper)(entry)
    for text in _commands(project, cache=planted):
        assert HOSTILE not in text
    _break(project)
    done = _run(project, "kamsite", "validate", cache=planted)
    assert done.returncode == 1 and "vip-" in done.stdout


def test_the_default_cache_lives_outside_the_project(monkeypatch: pytest.MonkeyPatch) -> None:
    assert REPO not in cache_root().parents
    monkeypatch.setenv("KAMSITE_CACHE_DIR", "/somewhere/else")
    assert cache_root() == Path("/somewhere/else")


def test_signed_entries_survive_only_untouched(tmp_path: Path) -> None:
    store = SignedStore(tmp_path)
    store.write("ab12", b"payload")
    assert store.read("ab12") == b"payload"
    entry = tmp_path / "ab" / "ab12"
    good = entry.read_bytes()
    for bad in (good[:-1] + b"X", good[:10], b"", good.replace(b"kamsite", b"kamsitf")):
        entry.write_bytes(bad)
        assert store.read("ab12") is None
    (tmp_path / "cd").mkdir()
    (tmp_path / "cd" / "cd34").write_bytes(good)  # a genuine entry moved to another key
    assert store.read("cd34") is None
    assert SignedStore(None).read("ab12") is None


def test_a_cached_result_is_rebuilt_through_the_model(tmp_path: Path) -> None:
    """Models come back from JSON through pydantic, equal to a fresh validation."""
    cache = FileCache(tmp_path)
    for path in sorted((REPO / "content").rglob("*.yaml")):
        relative = path.relative_to(REPO).as_posix()
        kind = {"accounts": "account", "strategies": "strategy"}.get(path.parent.name, path.stem)
        fresh = check_file(relative, kind, path.read_bytes())
        cache.put(relative, fresh)
        assert cache.get(relative) == fresh


@pytest.mark.slow
def test_an_edit_to_kamsite_itself_reaches_warm_results(tmp_path: Path) -> None:
    """Keys hash kamsite's own code: a changed message is never served stale from cache."""
    package = tmp_path / "lib" / "kamsite"
    shutil.copytree(REPO / "kamsite", package, ignore=shutil.ignore_patterns("__pycache__"))
    project = make_project(tmp_path / "p", REPO / "content")
    (project / "content" / "accounts" / "empty.yaml").write_text("", "utf-8")
    env = {**os.environ, "PYTHONPATH": str(package.parent), "KAMSITE_CACHE_DIR": str(tmp_path)}

    def validate() -> str:
        done = subprocess.run(
            [sys.executable, "-m", "kamsite", "validate"],
            cwd=project,
            env=env,
            capture_output=True,
            text=True,
        )
        assert done.returncode == 1
        return done.stdout

    assert "file is empty" in validate()
    assert "file is empty" in validate()  # warm
    files = package / "validate" / "files.py"
    files.write_text(files.read_text("utf-8").replace("file is empty", "file is EDITED"), "utf-8")
    assert "file is EDITED" in validate()
