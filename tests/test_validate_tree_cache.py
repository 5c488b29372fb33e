"""A whole unchanged tree is answered from one cache entry, with exactly the same findings."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import REPO

import kamsite.validate
from kamsite.validate import validate_content


def _example_with(tmp_path: Path, old: str, new: str) -> tuple[Path, Path]:
    """The example content under `tmp_path` with kestrel-motors' first `old` made `new`; the
    content dir and that plan."""
    content = tmp_path / "content"
    shutil.copytree(REPO / "content", content)
    plan = content / "accounts" / "kestrel-motors.yaml"
    plan.write_text(plan.read_text("utf-8").replace(old, new, 1), "utf-8")
    return content, plan


def test_an_unchanged_tree_gives_the_same_findings_without_models(tmp_path: Path) -> None:
    content, plan = _example_with(tmp_path, "tier: ", "tier: vip-")
    cache = tmp_path / "cache"
    full = validate_content(content, cache_dir=cache)
    assert full.errors and full.content is not None
    warm = validate_content(content, cache_dir=cache, models=False)
    assert warm.content is None
    assert (warm.diagnostics, warm.files, warm.fingerprint) == (
        full.diagnostics,
        full.files,
        full.fingerprint,
    )
    plan.write_text(plan.read_text("utf-8").replace("tier: vip-", "tier: ", 1), "utf-8")
    assert validate_content(content, cache_dir=cache, models=False).diagnostics == []


def test_the_tree_entry_follows_as_of(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """future-date depends on as_of, which the environment sets when portfolio.yaml does not."""
    content = tmp_path / "content"
    shutil.copytree(REPO / "content", content)
    portfolio = content / "portfolio.yaml"
    lines = portfolio.read_text("utf-8").splitlines(keepends=True)
    portfolio.write_text("".join(x for x in lines if not x.startswith("as_of:")), "utf-8")
    cache = tmp_path / "cache"
    monkeypatch.setenv("KAMSITE_AS_OF", "2026-11-01")
    assert validate_content(content, cache_dir=cache, models=False).diagnostics == []
    monkeypatch.setenv("KAMSITE_AS_OF", "2020-01-01")
    late = validate_content(content, cache_dir=cache, models=False).diagnostics
    assert {d.code for d in late} == {"future-date"}


@pytest.mark.parametrize("workers", [False, True])
def test_findings_alone_equal_the_findings_with_models(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, workers: bool
) -> None:
    """Without models, workers send back plain data: the cross-file rules find the same."""
    if workers:
        monkeypatch.setattr(kamsite.validate, "_PARALLEL_FROM", 1)
        monkeypatch.setattr("os.cpu_count", lambda: 2)
    content, _plan = _example_with(tmp_path, "owner: ", "owner: nobody-")
    full = validate_content(content, cache_dir=False)
    assert full.errors and full.content is not None
    alone = validate_content(content, cache_dir=tmp_path / "a", models=False)
    assert alone.content is None
    assert (alone.diagnostics, alone.files) == (full.diagnostics, full.files)
    checked = validate_content(content, cache_dir=tmp_path / "b", models="if-checked")
    assert checked.content == full.content and checked.diagnostics == full.diagnostics
    unchanged = validate_content(content, cache_dir=tmp_path / "b", models="if-checked")
    assert unchanged.content is None and unchanged.diagnostics == full.diagnostics


def test_an_edit_runs_the_cross_file_rules_of_the_edited_account_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The other accounts' cross-file findings come from the cache, equal to a fresh run."""
    content, _plan = _example_with(tmp_path, "owner: ", "owner: nobody-")
    cache = tmp_path / "cache"
    first = validate_content(content, cache_dir=cache)
    assert "unknown-ref" in {d.code for d in first.diagnostics}
    ran: list[str] = []
    real = kamsite.validate.account_rules

    def counted(*args: object) -> object:
        ran.append(str(args[0].get("id")))  # type: ignore[attr-defined]
        return real(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(kamsite.validate, "account_rules", counted)
    other = content / "accounts" / "harborview-bank.yaml"
    other.write_text(other.read_text("utf-8").replace("\nname: ", "\nname: New ", 1), "utf-8")
    edited = validate_content(content, cache_dir=cache)
    assert ran == ["harborview-bank"]
    assert edited.diagnostics == first.diagnostics
    assert validate_content(content, cache_dir=False).diagnostics == edited.diagnostics
