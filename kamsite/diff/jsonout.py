"""The review as JSON: every fact of the `Diff`, unrounded, for tools and archives."""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import Any

from kamsite.diagnostics import inert_json
from kamsite.diff.result import Diff


def to_json(diff: Diff) -> dict[str, Any]:
    """Dataclass fields in declaration order plus each side's `label` (first, in English) and
    each item's `moves`, dates as ISO text."""
    payload = asdict(diff)
    payload["as_of"] = diff.as_of.isoformat()
    for key, side in (("base", diff.base), ("head", diff.head)):
        payload[key] = {"label": side.label, **payload[key]}
    for data, item in zip(payload["items"], diff.items, strict=True):
        data["moves"] = item.moves
    return payload


def render_json(diff: Diff) -> str:
    """Inert for a CI log, the data unchanged (see `inert_json`)."""
    return inert_json(json.dumps(to_json(diff), ensure_ascii=False, indent=2)) + "\n"
