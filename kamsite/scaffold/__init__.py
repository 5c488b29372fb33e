"""A new portfolio repository as files: `kamsite init` writes them, tests read them.

The files live beside this module: `common/` for every language, `<language>/` for
the example content. Names starting `dot-` become dotfiles (packaging tools skip
dotfiles); `*.j2` files are Jinja2 templates (not HTML: no autoescape; text that
lands in YAML goes through the `yaml` filter, a JSON string being a YAML 1.2 scalar).
Workflow templates use `<< >>` and `<% %>`, since `${{ }}` is GitHub's own syntax; the
same templates give this repository's workflows (kamsite installed from the checkout)
and a portfolio's (kamsite installed from its `requirements.txt`).
"""

from __future__ import annotations

import datetime as dt
import json
from importlib.resources import files
from importlib.resources.abc import Traversable
from typing import Literal

import jinja2

Tool = Literal["checkout", "requirements"]

LANGUAGES = ("en", "zh")
_LABELS = {
    "en": {
        "dashboard": "Dashboard",
        "accounts": "Accounts",
        "strategies": "Strategies",
        "team": "Team",
        "actions": "Actions",
        "risks": "Risks",
        "relationships": "Influential people",
        "method": "Method",
        "playbook": "Playbook",
        "dark": "Dark mode",
        "light": "Light mode",
    },
    "zh": {
        "dashboard": "总览",
        "accounts": "客户",
        "strategies": "战略",
        "team": "团队",
        "actions": "行动",
        "risks": "风险",
        "relationships": "高影响力人员",
        "method": "方法",
        "playbook": "工作手册",
        "dark": "深色模式",
        "light": "浅色模式",
    },
}
_DEFAULT_NAME = {"en": "Key Accounts", "zh": "大客户计划"}


def _walk(folder: Traversable, prefix: str = "") -> dict[str, Traversable]:
    found: dict[str, Traversable] = {}
    for entry in folder.iterdir():
        if entry.name == "__pycache__" or entry.name.endswith(".py"):
            continue
        name = entry.name.removeprefix("dot-")
        name = f".{name}" if name != entry.name else name
        path = f"{prefix}{name}"
        if entry.is_dir():
            found.update(_walk(entry, f"{path}/"))
        else:
            found[path] = entry
    return found


def _workflow_environment(tool: Tool) -> jinja2.Environment:
    environment = jinja2.Environment(
        autoescape=False,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        variable_start_string="<<",
        variable_end_string=">>",
        block_start_string="<%",
        block_end_string="%>",
        comment_start_string="<#",
        comment_end_string="#>",
    )

    def install(checkout: str) -> str:
        """What pip installs: the checked-out tool, or what the portfolio pins."""
        if tool == "checkout":
            return "./base" if checkout == "base" else "."
        return "-r base/requirements.txt" if checkout == "base" else "-r requirements.txt"

    environment.globals.update(
        tool=tool,
        install=install,
        dependencies="pyproject.toml" if tool == "checkout" else "requirements.txt",
    )
    return environment


def workflows(tool: Tool) -> dict[str, str]:
    """`.github/` as it should be: review, review-comment and publish, and the report script."""
    environment = _workflow_environment(tool)
    out: dict[str, str] = {}
    for path, source in sorted(_walk(files("kamsite") / "scaffold" / "common").items()):
        if path.startswith(".github/"):
            text = source.read_text(encoding="utf-8")
            if path.endswith(".j2"):
                path, text = path.removesuffix(".j2"), environment.from_string(text).render()
            out[path] = text
    return out


def render(language: str, name: str | None, version: str, today: dt.date) -> dict[str, str]:
    """Every file of the new repository, keyed by its POSIX path; schemas not included."""
    if language not in LANGUAGES:
        raise ValueError(f"language must be one of {', '.join(LANGUAGES)}")
    root = files("kamsite") / "scaffold"
    sources = {
        path: source
        for path, source in {**_walk(root / "common"), **_walk(root / language)}.items()
        if not path.startswith(".github/")
    }
    environment = jinja2.Environment(
        autoescape=False,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
    )
    environment.filters["yaml"] = lambda text: json.dumps(str(text), ensure_ascii=False)
    values = {
        "name": name or _DEFAULT_NAME[language],
        "language": language,
        "labels": _LABELS[language],
        "version": version,
        "year": today.year,
        "today": today.isoformat(),
        "in_month": (today + dt.timedelta(days=30)).isoformat(),
        "in_half_year": (today + dt.timedelta(days=180)).isoformat(),
    }
    out: dict[str, str] = {}
    for path, source in sorted(sources.items()):
        text = source.read_text(encoding="utf-8")
        if path.endswith(".j2"):
            out[path.removesuffix(".j2")] = environment.from_string(text).render(values)
        else:
            out[path] = text
    return {**out, **workflows("requirements")}
