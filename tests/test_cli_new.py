"""A fresh author's path: `kamsite new` writes a skeleton with every field explained that
validates as written, and validates with every example line switched on too."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from validate_support import BASE, write

from kamsite.cli import main
from kamsite.load import parse
from kamsite.schema import all_schemas
from kamsite.validate import validate_content

EXAMPLE = re.compile(r"^(\s*)# (\s*(?:- |[a-z_]+:(?: |$)).*)$")
DIMENSION_TARGETS = {
    f"DimensionTargets.{name}"
    for name in (
        "acceptance",
        "participation",
        "information",
        "project_support",
        "competitive_preference",
    )
}
EMPTY_LIST = re.compile(r":[ ]\[\](\s*#[^\n]*)?\n(?=\s+- )")


def uncomment(text: str) -> str:
    """Every example line switched on, as an author does: drop `# `, then a list's `[]`."""
    lines = [EXAMPLE.sub(r"\1\2", line) for line in text.splitlines()]
    return EMPTY_LIST.sub(r":\1\n", "\n".join(lines) + "\n")


def new(content: Path, *args: str) -> str:
    run = CliRunner().invoke(main, ["new", *args, "--content", str(content)])
    assert run.exit_code == 0, run.output
    return run.output


def properties_missing(schema: dict[str, Any], data: Any) -> set[str]:
    """Schema properties that the data never uses, walking every object reached."""
    definitions = schema.get("definitions", {})
    used: dict[str, set[str]] = {}

    def walk(node: dict[str, Any], value: Any, name: str) -> None:
        for option in node.get("anyOf", [node]):
            target = option
            if "$ref" in option:
                name = option["$ref"].rsplit("/", 1)[-1]
                target = definitions[name]
            if "properties" in target and isinstance(value, dict):
                used.setdefault(name, set()).update(value)
                for key, item in value.items():
                    if key in target["properties"]:
                        walk(target["properties"][key], item, f"{name}.{key}")
            elif target.get("type") == "array" and isinstance(value, list):
                for item in value:
                    walk(target["items"], item, name)
            elif "patternProperties" in target and isinstance(value, dict):
                for item in value.values():
                    walk(next(iter(target["patternProperties"].values())), item, name)

    walk(schema, data, "file")
    wanted = {"file": schema, **definitions}
    return {
        f"{name}.{field}"
        for name, body in wanted.items()
        if name in used or name == "file"
        for field in body.get("properties", {})
        if field not in used.get(name, set())
    }


@pytest.fixture
def content(tmp_path: Path) -> Path:
    return write(tmp_path, dict(BASE))


def test_new_account_validates_as_written(content: Path) -> None:
    assert "wrote" in new(content, "account", "globex", "--name", 'Globex "东方": #1')
    text = (content / "accounts" / "globex.yaml").read_text(encoding="utf-8")
    assert parse(text.encode()).data["name"] == 'Globex "东方": #1'
    assert validate_content(content, cache_dir=False).diagnostics == []


def test_new_strategy_validates_as_written(content: Path) -> None:
    new(content, "strategy", "fy28", "--title", "FY28: key accounts")
    assert validate_content(content, cache_dir=False).diagnostics == []


@pytest.mark.parametrize(("kind", "option"), [("account", "--name"), ("strategy", "--title")])
def test_every_field_is_there_and_its_examples_validate(
    content: Path, kind: str, option: str
) -> None:
    new(content, kind, "fresh", option, "Fresh")
    folder = "accounts" if kind == "account" else "strategies"
    target = content / folder / "fresh.yaml"
    switched_on = uncomment(target.read_text(encoding="utf-8"))
    target.write_text(switched_on, encoding="utf-8")
    assert validate_content(content, cache_dir=False).diagnostics == []
    data = parse(switched_on.encode()).data
    # A target names any subset of the six dimensions, all of which `relationship` shows.
    assert properties_missing(all_schemas()[kind], data) - DIMENSION_TARGETS == set()


@pytest.mark.parametrize(
    ("kind", "option", "folder"),
    [("account", "--name", "accounts"), ("strategy", "--title", "strategies")],
)
def test_every_top_level_field_has_a_comment(
    content: Path, kind: str, option: str, folder: str
) -> None:
    new(content, kind, "fresh", option, "Fresh")
    lines = (content / folder / "fresh.yaml").read_text(encoding="utf-8").splitlines()
    fields = [line for line in lines if re.match(r"^(# )?[a-z_]+:", line)]
    assert fields and all(" # " in line.split(":", 1)[1] for line in fields)


def test_examples_use_the_portfolios_own_people_and_criteria(content: Path) -> None:
    (content / "portfolio.yaml").write_text(
        "kind: portfolio\nname: P\nfiscal_year: 2030\n"
        "scoring:\n  attractiveness: {size: {weight: 1}}\n  strength: {reach: {weight: 1}}\n"
    )
    new(content, "account", "globex", "--name", "Globex")
    text = (content / "accounts" / "globex.yaml").read_text(encoding="utf-8")
    assert "#     size: {score: 3, why:" in text and "revenue_potential" not in text
    assert "{year: 2030," in text
    assert "# owner: li-na" in text and "(team.yaml: li-na, wang-qiang)" in text
    assert "contributes_to: [plan/revenue]" in text


def test_never_overwrites_and_rejects_bad_ids(content: Path) -> None:
    new(content, "account", "globex", "--name", "Globex")
    before = (content / "accounts" / "globex.yaml").read_text(encoding="utf-8")
    again = CliRunner().invoke(
        main, ["new", "account", "globex", "--name", "Other", "--content", str(content)]
    )
    assert again.exit_code == 1
    assert (content / "accounts" / "globex.yaml").read_text(encoding="utf-8") == before
    bad = CliRunner().invoke(
        main, ["new", "strategy", "../evil", "--title", "x", "--content", str(content)]
    )
    assert bad.exit_code == 2
    assert not (content.parent / "evil.yaml").exists()
