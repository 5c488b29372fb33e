"""Where kamsite keeps its caches: one place, one override, for every kind of cache."""

from __future__ import annotations

import os
from pathlib import Path

CACHE_ENV = "KAMSITE_CACHE_DIR"


def cache_root(project: Path) -> Path:
    """`$KAMSITE_CACHE_DIR`, else `.cache/kamsite` under the project (the content dir's parent)."""
    configured = os.environ.get(CACHE_ENV)
    return Path(configured) if configured else project / ".cache" / "kamsite"
