"""One source for every field's meaning: the schema's descriptions and docs/reference.md."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from click.testing import CliRunner

from kamsite.cli import main
from kamsite.model import KIND_MODELS
from kamsite.reference import render_reference
from kamsite.schema import all_schemas

REFERENCE = Path(__file__).resolve().parent.parent / "docs" / "reference.md"


def objects(schema: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    """(name, definition) of every object with properties: the file itself and its parts."""
    kind = schema["$id"].rsplit("/", 1)[-1].removesuffix(".schema.json")
    yield KIND_MODELS[kind].__name__, schema
    for name, body in schema.get("definitions", {}).items():
        if "properties" in body:
            yield name, body


def test_every_schema_property_has_a_description() -> None:
    missing = [
        f"{kind}: {name}.{field}"
        for kind, schema in all_schemas().items()
        for name, body in objects(schema)
        for field, spec in body["properties"].items()
        if not spec.get("description", "").strip()
    ]
    assert missing == []


def test_the_reference_lists_every_field_of_the_schema() -> None:
    text = render_reference()
    sections = dict(re.findall(r"^## (\w+)\n(.*?)(?=^## |\Z)", text, re.M | re.S))
    for schema in all_schemas().values():
        for name, body in objects(schema):
            rows = re.findall(r"^\| `([^`]+)` \|", sections[name], re.M)
            assert rows == list(body["properties"]), name
            for spec in body["properties"].values():
                assert spec["description"].replace("|", "\\|") in sections[name]


def test_docs_reference_is_current() -> None:
    """Regenerate with `kamsite schema --format markdown --out docs`."""
    assert REFERENCE.read_text(encoding="utf-8") == render_reference()


def test_the_cli_prints_and_writes_the_reference(tmp_path: Path) -> None:
    printed = CliRunner().invoke(main, ["schema", "--format", "markdown"])
    assert printed.exit_code == 0 and printed.output == render_reference()
    written = CliRunner().invoke(main, ["schema", "--format", "markdown", "--out", str(tmp_path)])
    assert written.exit_code == 0
    assert (tmp_path / "reference.md").read_text(encoding="utf-8") == render_reference()


def test_the_new_fields_carry_their_method_terms() -> None:
    """Hover help in a zh portfolio names the method's own words."""
    account = all_schemas()["account"]["definitions"]
    assert "关键人" in account["Stakeholder"]["properties"]["key_person"]["description"]
    assert "人员变动" in account["Stakeholder"]["properties"]["status"]["description"]
    assert "组织客户关系" in all_schemas()["account"]["properties"]["engagements"]["description"]
