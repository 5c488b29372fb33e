"""JSON Schema per content kind, for editors (YAML language server speaks draft-07)."""

from __future__ import annotations

from typing import Any

from kamsite.model import KIND_MODELS

DRAFT_07 = "http://json-schema.org/draft-07/schema#"


def _rewrite_refs(node: Any) -> Any:
    if isinstance(node, dict):
        return {
            k: (v.replace("#/$defs/", "#/definitions/") if k == "$ref" else _rewrite_refs(v))
            for k, v in node.items()
        }
    if isinstance(node, list):
        return [_rewrite_refs(v) for v in node]
    return node


def schema_for(kind: str) -> dict[str, Any]:
    model = KIND_MODELS[kind]
    raw = model.model_json_schema(by_alias=True, mode="validation")
    definitions = raw.pop("$defs", {})
    schema: dict[str, Any] = {
        "$schema": DRAFT_07,
        "$id": f"https://kamsite.invalid/schemas/{kind}.schema.json",
        **_rewrite_refs(raw),
        "title": f"kamsite {kind} file",
    }
    if definitions:
        schema["definitions"] = _rewrite_refs(definitions)
    return schema


def all_schemas() -> dict[str, dict[str, Any]]:
    return {kind: schema_for(kind) for kind in KIND_MODELS}
