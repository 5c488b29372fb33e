"""What a change to the content does (DESIGN.md §7, §8): read two git states, validate and
score both at one date, compare, render for reviewers. Core: no MkDocs here."""

from kamsite.diff.compare import compare
from kamsite.diff.jsonout import render_json, to_json
from kamsite.diff.markdown import render_markdown
from kamsite.diff.result import (
    WORKING_TREE,
    DiagnosticChange,
    Diff,
    Event,
    FieldChange,
    FileChange,
    FlagChange,
    ItemDiff,
    ScoreDelta,
    Side,
    side_label,
)
from kamsite.diff.sources import (
    Repo,
    RevisionError,
    Snapshot,
    find_repo,
    read_revision,
    read_working_tree,
)

__all__ = [
    "WORKING_TREE",
    "DiagnosticChange",
    "Diff",
    "Event",
    "FieldChange",
    "FileChange",
    "FlagChange",
    "ItemDiff",
    "Repo",
    "RevisionError",
    "ScoreDelta",
    "Side",
    "Snapshot",
    "compare",
    "find_repo",
    "read_revision",
    "read_working_tree",
    "render_json",
    "render_markdown",
    "side_label",
    "to_json",
]
