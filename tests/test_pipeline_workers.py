"""Pages made in worker processes are the pages made in the build's own process."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import REPO

import kamsite.pipeline
from kamsite.graph import GraphvizMissing, Renderer
from kamsite.model import Content
from kamsite.pipeline import build_pages, cached_renderer, generate
from kamsite.validate import validate_content


def _generated(content_dir: Path) -> dict[str, str]:
    """What a site build gets (`generate`: validation, then the pages in two parts)."""
    pages = generate(content_dir, cached_renderer()).pages
    assert pages is not None
    return pages.documents()


def _documents(content_dir: Path) -> dict[str, str]:
    result = validate_content(content_dir)
    content = result.content
    assert content is not None and result.ok
    return build_pages(
        result.keys, result.fingerprint, content_dir, lambda: content, cached_renderer()
    ).documents()


@pytest.mark.slow
def test_forked_workers_make_the_same_pages(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    content_dir = REPO / "content"
    monkeypatch.setenv("KAMSITE_CACHE_DIR", str(tmp_path / "serial"))
    serial = _documents(content_dir)
    monkeypatch.setenv("KAMSITE_CACHE_DIR", str(tmp_path / "forked"))
    monkeypatch.setattr(kamsite.pipeline, "_PARALLEL_FROM", 1)
    monkeypatch.setattr("os.cpu_count", lambda: 2)
    monkeypatch.setattr(kamsite.pipeline, "_BATCH", 2)  # several batches per worker
    forked = _documents(content_dir)
    assert forked == serial
    assert any(p.startswith("accounts/") and p != "accounts/index.md" for p in forked)


@pytest.mark.slow
@pytest.mark.parametrize("forked", [False, True])
def test_an_edit_then_a_rebuild_gives_the_pages_of_a_cold_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, forked: bool
) -> None:
    """After an edit, account pages come from the cache and the pages that list accounts are
    made again: together exactly what a build from an empty cache makes."""
    if forked:
        monkeypatch.setattr(kamsite.pipeline, "_PARALLEL_FROM", 1)
        monkeypatch.setattr("os.cpu_count", lambda: 2)
    content_dir = tmp_path / "content"
    shutil.copytree(REPO / "content", content_dir)
    monkeypatch.setenv("KAMSITE_CACHE_DIR", str(tmp_path / "warm"))
    before = _generated(content_dir)
    assert before == _documents(content_dir)
    plan = content_dir / "accounts" / "kestrel-motors.yaml"
    text = plan.read_text(encoding="utf-8")
    plan.write_text(text.replace("\nname: ", "\nname: Edited ", 1), encoding="utf-8")
    edited = _generated(content_dir)  # the edited account alone read before its page
    monkeypatch.setenv("KAMSITE_CACHE_DIR", str(tmp_path / "cold"))
    assert edited == _documents(content_dir)
    changed = sorted(p for p in edited if edited[p] != before[p])
    assert "accounts/kestrel-motors/index.md" in changed and "index.md" in changed
    assert "accounts/harborview-bank/index.md" not in changed


def test_an_error_in_the_forked_build_reaches_the_caller(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Pages are made in a forked child; what goes wrong there is raised here, as it is."""
    monkeypatch.setenv("KAMSITE_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("PATH", str(tmp_path))  # no dot
    with pytest.raises(GraphvizMissing, match="install the Debian package graphviz"):
        generate(REPO / "content", Renderer(tmp_path / "pictures"))


def test_a_build_that_reads_its_pages_in_process_keeps_them_all(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Where nothing forks, the pages are made as they are read; once the listing pages have
    been read the next build finds every page in the cache and reads no model."""
    monkeypatch.setenv("KAMSITE_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(kamsite.pipeline, "can_fork", lambda: False)
    content_dir = REPO / "content"
    pages = generate(content_dir, cached_renderer()).pages
    assert pages is not None
    pages.skeleton("index.md")  # MkDocs reads the listing pages last, then stops asking
    result = validate_content(content_dir)

    def no_models() -> Content:
        raise AssertionError("a build of an unchanged tree read the models")

    again = build_pages(result.keys, result.fingerprint, content_dir, no_models, cached_renderer())
    assert sorted(again.keys) == sorted(pages.keys)
