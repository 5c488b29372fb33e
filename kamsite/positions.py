"""Line and column of a YAML node, recovered only when a finding must be reported.

The fast path parses without positions; this composes the file again (libyaml,
nodes keep their marks) and walks the pydantic-style `loc` down to the node,
falling back to the nearest ancestor that exists.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

import yaml

from kamsite.load import CoreLoader

Loc = tuple[str | int, ...]


@lru_cache(maxsize=64)
def _compose(text: str) -> yaml.Node | None:
    loader = CoreLoader(text)
    try:
        node: yaml.Node | None = loader.get_single_node()
        return node
    except yaml.YAMLError:
        return None
    finally:
        loader.dispose()


def locate(text: str, loc: Sequence[str | int], *, key: bool = False) -> tuple[int, int]:
    """1-based (line, column) of `loc`; with key=True the mapping key rather than its value."""
    node = _compose(text)
    if node is None:
        return 1, 1
    best = node.start_mark
    for depth, part in enumerate(loc):
        last = depth == len(loc) - 1
        if isinstance(node, yaml.MappingNode):
            match = next(
                ((k, v) for k, v in node.value if str(k.value) == str(part)),
                None,
            )
            if match is None:
                break
            key_node, node = match
            block = isinstance(node, yaml.CollectionNode) and not node.flow_style
            best = key_node.start_mark if (key and last) or block else node.start_mark
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int):
            if not 0 <= part < len(node.value):
                break
            node = node.value[part]
            best = node.start_mark
        else:
            break
    return best.line + 1, best.column + 1
