"""Test repositories whose commits carry the dates a test says (history, trends)."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path


def git(repo: Path, *args: str, date: str | None = None) -> str:
    """Author and committer dates pinned, so every commit has the date the test says."""
    env = {**os.environ, "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}
    if date is not None:
        env |= {
            "GIT_AUTHOR_DATE": f"{date}T10:00:00+0000",
            "GIT_COMMITTER_DATE": f"{date}T10:00:00+0000",
        }
    done = subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@x", "-C", str(repo), *args],
        capture_output=True,
        text=True,
        check=True,
        env=env,
    )
    return done.stdout.strip()


def commit(repo: Path, date: str, message: str | None = None) -> str:
    """Everything in the work tree, committed on `date`; the new commit's id."""
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", message or date, date=date)
    return git(repo, "rev-parse", "HEAD")
