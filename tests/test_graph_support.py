"""Builders and SVG readers shared by the graph tests (no tests here)."""

from __future__ import annotations

import shutil
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kamsite.graph import Diagram, Renderer
from kamsite.model import Account, Strategy, Team

NS = "{http://www.w3.org/2000/svg}"

TEAM = Team.model_validate(
    {
        "kind": "team",
        "members": [
            {"id": "li-na", "name": "Li Na", "local_name": "李娜"},
            {"id": "wang-qiang", "name": "Wang Qiang", "local_name": "王强"},
        ],
    }
)


def person(pid: str, name: str | None = None, **fields: Any) -> dict[str, Any]:
    return {"id": pid, "name": name or pid.title(), "influence": 3, **fields}


def account(stakeholders: list[dict[str, Any]], **fields: Any) -> Account:
    data = {"kind": "account", "id": "acme", "name": "Acme", "stakeholders": stakeholders}
    return Account.model_validate(data | fields)


def strategy(objectives: list[dict[str, Any]]) -> Strategy:
    return Strategy.model_validate(
        {
            "kind": "strategy",
            "id": "plan",
            "title": "Plan",
            "horizon": {"from": 2027, "to": 2029},
            "map": objectives,
        }
    )


def objective(oid: str, perspective: str, **fields: Any) -> dict[str, Any]:
    return {"id": oid, "perspective": perspective, "title": oid.title(), **fields}


def render(diagram: Diagram, cache: Path) -> ET.Element:
    return ET.fromstring(Renderer(cache).svg(diagram))


@dataclass(frozen=True)
class Box:
    left: float
    top: float
    right: float
    bottom: float

    @property
    def width(self) -> float:
        return self.right - self.left

    def overlaps(self, other: Box) -> bool:
        return not (
            self.right <= other.left
            or other.right <= self.left
            or self.bottom <= other.top
            or other.bottom <= self.top
        )


@dataclass(frozen=True)
class Node:
    classes: tuple[str, ...]
    href: str | None
    tooltip: str | None
    texts: tuple[str, ...]
    box: Box


def _box(group: ET.Element) -> Box:
    xs: list[float] = []
    ys: list[float] = []
    for shape in group.iter(f"{NS}polygon"):
        for pair in shape.attrib["points"].split():
            x, y = pair.split(",")
            xs.append(float(x))
            ys.append(float(y))
    for shape in group.iter(f"{NS}path"):
        numbers = shape.attrib["d"].replace("M", " ").replace("C", " ").replace("L", " ")
        for pair in numbers.split():
            x, y = pair.split(",")
            xs.append(float(x))
            ys.append(float(y))
    for shape in group.iter(f"{NS}ellipse"):
        cx, cy = float(shape.attrib["cx"]), float(shape.attrib["cy"])
        rx, ry = float(shape.attrib["rx"]), float(shape.attrib["ry"])
        xs += [cx - rx, cx + rx]
        ys += [cy - ry, cy + ry]
    return Box(min(xs), min(ys), max(xs), max(ys))


def nodes(root: ET.Element) -> list[Node]:
    """Every Graphviz node group, in document order."""
    found = []
    for group in root.iter(f"{NS}g"):
        classes = tuple(group.attrib.get("class", "").split())
        if "node" not in classes:
            continue
        link = group.find(f".//{NS}a")
        title = None if link is None else link.find(f"{NS}title")
        found.append(
            Node(
                classes=classes,
                href=None if link is None else link.attrib.get("href"),
                tooltip=None if title is None else title.text,
                texts=tuple(t.text or "" for t in group.iter(f"{NS}text")),
                box=_box(group),
            )
        )
    return found


def counting_dot(directory: Path) -> Path:
    """A `dot` on PATH that logs each call's arguments and runs the real one."""
    real = shutil.which("dot")
    assert real is not None, "these tests need Graphviz"
    directory.mkdir(parents=True, exist_ok=True)
    log = directory / "calls.log"
    script = directory / "dot"
    script.write_text(f'#!/bin/sh\necho "$*" >> "{log}"\nexec "{real}" "$@"\n')
    script.chmod(0o755)
    log.write_text("")
    return log
