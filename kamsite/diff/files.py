"""Which content files were added, removed, renamed or edited, and which findings moved.

Renames are found by content similarity (as git does, 50 % by default) rather than asked of
git, so they work against the working tree and for untracked files too.
"""

from __future__ import annotations

import difflib
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import PurePosixPath

from kamsite.diagnostics import Diagnostic
from kamsite.diff.result import DiagnosticChange, FileChange
from kamsite.validate import Source

RENAME_SIMILARITY = 0.5

Sources = Mapping[str, Source]


@dataclass(frozen=True)
class Pair:
    """One file across both sides; a path is None on the side where the file does not exist."""

    before: str | None
    after: str | None
    change: FileChange | None


def _similarity(a: Source, b: Source) -> float:
    if not isinstance(a, bytes) or not isinstance(b, bytes):
        return 0.0
    if a == b:
        return 1.0
    left, right = a.splitlines(), b.splitlines()
    return difflib.SequenceMatcher(None, left, right, autojunk=False).ratio()


def pair_files(before: Sources, after: Sources) -> list[Pair]:
    """Every path of both sides, renames joined, sorted by the path shown to reviewers."""
    gone = sorted(before.keys() - after.keys())
    new = sorted(after.keys() - before.keys())
    candidates = sorted(
        (
            (-_similarity(before[old], after[now]), old, now)
            for old in gone
            for now in new
            if PurePosixPath(old).parent == PurePosixPath(now).parent
        ),
    )
    renamed: dict[str, str] = {}
    for negative, old, now in candidates:
        if -negative < RENAME_SIMILARITY or old in renamed or now in renamed.values():
            continue
        renamed[old] = now
    pairs = [Pair(old, now, FileChange("renamed", now, old)) for old, now in renamed.items()]
    pairs += [Pair(p, None, FileChange("removed", p)) for p in gone if p not in renamed]
    pairs += [Pair(None, p, FileChange("added", p)) for p in new if p not in renamed.values()]
    for path in sorted(before.keys() & after.keys()):
        edited = before[path] != after[path]
        pairs.append(Pair(path, path, FileChange("modified", path) if edited else None))
    return sorted(pairs, key=lambda p: p.after or p.before or "")


def _key(d: Diagnostic) -> tuple[str, str, str]:
    """Positions shift with every edit above a finding, so findings match without them."""
    return (d.severity, d.code, d.message)


def diagnostic_changes(
    before: Sequence[Diagnostic], after: Sequence[Diagnostic]
) -> tuple[DiagnosticChange, ...]:
    """Findings only HEAD has (introduced) and findings only BASE had (fixed)."""
    old, new = Counter(map(_key, before)), Counter(map(_key, after))
    out: list[DiagnosticChange] = []
    seen: Counter[tuple[str, str, str]] = Counter()
    for d in sorted(after):
        seen[_key(d)] += 1
        if seen[_key(d)] > old[_key(d)]:
            out.append(DiagnosticChange("introduced", d))
    seen.clear()
    for d in sorted(before):
        seen[_key(d)] += 1
        if seen[_key(d)] > new[_key(d)]:
            out.append(DiagnosticChange("fixed", d))
    return tuple(out)
