"""Pages made in worker processes are the pages made in the build's own process."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import REPO

import kamsite.pipeline
from kamsite.pipeline import build_pages, cached_renderer
from kamsite.validate import validate_content


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
