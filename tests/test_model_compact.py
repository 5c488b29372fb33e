"""Compacted models share their field sets and are otherwise the models pydantic built."""

from __future__ import annotations

from pathlib import Path

import yaml
from conftest import REPO

from kamsite.model import Account
from kamsite.model.compact import compact

ACCOUNTS = sorted((REPO / "content" / "accounts").glob("*.yaml"))


def _account(path: Path) -> Account:
    return Account.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))


def test_equal_field_sets_become_one_set_and_nothing_else_changes() -> None:
    plain = [_account(path) for path in ACCOUNTS]
    shared = [compact(_account(path)) for path in ACCOUNTS]
    assert shared == plain
    assert [a.model_dump() for a in shared] == [a.model_dump() for a in plain]
    assert [a.model_dump(exclude_unset=True) for a in shared] == [
        a.model_dump(exclude_unset=True) for a in plain
    ]
    people = [s for a in shared for s in a.stakeholders]
    by_fields: dict[frozenset[str], set[int]] = {}
    for person in people:
        fields = person.__pydantic_fields_set__
        by_fields.setdefault(frozenset(fields), set()).add(id(fields))
    assert len(people) > len(by_fields)
    assert all(len(ids) == 1 for ids in by_fields.values())


def test_a_copy_with_changes_leaves_the_shared_set_alone() -> None:
    people = [s for path in ACCOUNTS for s in compact(_account(path)).stakeholders]
    first, second = next(
        (a, b)
        for a in people
        for b in people
        if a is not b
        and a.__pydantic_fields_set__ is b.__pydantic_fields_set__
        and "notes" not in a.__pydantic_fields_set__
    )
    before = set(second.__pydantic_fields_set__)
    changed = first.model_copy(update={"notes": "changed"})
    assert "notes" in changed.model_fields_set
    assert second.__pydantic_fields_set__ == before
