"""`kamsite validate`: every finding of every file, for people, tools and GitHub."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from kamsite.cli.options import content_option
from kamsite.diagnostics import as_github, as_json, as_text, count, summary
from kamsite.validate import validate_content

SUMMARY_BYTES = 1024 * 1024
"""GitHub rejects a step summary over 1 MiB, and then shows none of it."""


def summary_body(text: str, headline: str) -> str:
    """The findings in a fence, whole lines up to the size GitHub accepts; the log has all."""
    body = f"### kamsite validate\n\n{headline}\n"
    if not text:
        return body
    fence = "~~~~"
    lines = text.replace(fence, "~ ~ ~ ~").splitlines(keepends=True)
    room = SUMMARY_BYTES - len(body.encode()) - 200  # fences and the note
    kept = 0
    for line in lines:
        room -= len(line.encode())
        if room < 0:
            break
        kept += 1
    body += f"\n{fence}text\n{''.join(lines[:kept])}{fence}\n"
    if kept < len(lines):
        body += f"\n{len(lines) - kept} more finding(s) are in the log.\n"
    return body


def _job_summary(text: str, headline: str) -> None:
    """GitHub caps annotations at 10 per step; the job summary carries the full report."""
    target = os.environ.get("GITHUB_STEP_SUMMARY")
    if not target:
        return
    with open(target, "a", encoding="utf-8") as handle:
        handle.write(summary_body(text, headline))


@click.command()
@content_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json", "github"]),
    default="text",
    show_default=True,
)
@click.option("--strict", is_flag=True, help="Warnings fail the run too.")
@click.option(
    "--no-cache",
    is_flag=True,
    help="Ignore the per-file cache (in the user's cache dir, or $KAMSITE_CACHE_DIR).",
)
def validate(content_dir: Path, fmt: str, strict: bool, no_cache: bool) -> None:
    """Check every content file; exit 0 clean, 1 findings, 2 usage error."""
    if not content_dir.is_dir():
        raise click.UsageError(
            f"content directory {content_dir} does not exist (pass --content DIR)"
        )
    result = validate_content(content_dir, cache_dir=not no_cache, models=False)
    diagnostics = result.diagnostics
    headline = summary(diagnostics, result.files)
    if fmt == "json":
        click.echo(as_json(diagnostics), nl=False)
    elif fmt == "github":
        text = as_text(diagnostics)
        click.echo(as_github(diagnostics), nl=False)
        click.echo(text, nl=False)
        _job_summary(text, headline)
    else:
        click.echo(as_text(diagnostics), nl=False)
    click.echo(headline, err=True)
    failing = count(diagnostics, "error") + (count(diagnostics, "warning") if strict else 0)
    sys.exit(1 if failing else 0)
