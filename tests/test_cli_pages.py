"""`kamsite pages`: the generated set as files, built by MkDocs with no kamsite plugin at all."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.slow
def test_written_pages_build_without_the_plugin(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "tests" / "fixtures" / "design" / "content", tmp_path / "content")
    docs = tmp_path / "docs"
    run = subprocess.run(
        [sys.executable, "-m", "kamsite", "pages", "--out", str(docs)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    assert (docs / "accounts" / "northwind-telecom" / "index.md").exists()
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    config.update(docs_dir="docs", plugins=["search"])
    config.pop("nav")
    shutil.copytree(ROOT / "theme", tmp_path / "theme")
    (tmp_path / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True))
    build = subprocess.run(
        [str(Path(sys.executable).parent / "mkdocs"), "build", "--strict", "-q"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert build.returncode == 0, build.stderr
    page = (tmp_path / "site" / "accounts" / "northwind-telecom" / "index.html").read_text("utf-8")
    assert 'id="chen-gang"' in page
    assert "<svg" in page and "Decision chain" in page
