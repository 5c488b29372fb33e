"""Content models share equal field sets and are otherwise the models pydantic builds."""

from __future__ import annotations

from pathlib import Path

import yaml
from conftest import REPO

from kamsite.model import Account

ACCOUNTS = sorted((REPO / "content" / "accounts").glob("*.yaml"))


def _account(path: Path) -> Account:
    return Account.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))


def test_equal_field_sets_are_one_set_and_say_what_the_file_set() -> None:
    shared = [_account(path) for path in ACCOUNTS]
    for account, path in zip(shared, ACCOUNTS, strict=True):
        written = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert account.model_fields_set == set(written)
        people = {p["id"]: set(p) for p in written["stakeholders"]}
        assert {s.id: s.model_fields_set for s in account.stakeholders} == people
    again = [Account.model_validate_json(a.model_dump_json(by_alias=True)) for a in shared]
    assert again == shared
    people = [s for a in shared for s in a.stakeholders]
    by_fields: dict[frozenset[str], set[int]] = {}
    for person in people:
        fields = person.__pydantic_fields_set__
        by_fields.setdefault(frozenset(fields), set()).add(id(fields))
    assert len(people) > len(by_fields)
    assert all(len(ids) == 1 for ids in by_fields.values())


def test_a_copy_with_changes_leaves_the_shared_set_alone() -> None:
    people = [s for path in ACCOUNTS for s in _account(path).stakeholders]
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
