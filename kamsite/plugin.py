"""The MkDocs adapter: register the generated pages, and spare MkDocs re-parsing their HTML.

Validation, scoring, drawing and page generation are core code (`kamsite.pipeline`),
so another site generator needs only another adapter. What lives here is MkDocs
plumbing: diagnostics to the plugin logger or `PluginError`, generated files,
the watch on content/, and handing generated HTML blocks past Markdown and search.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path
from typing import Any

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from kamsite.diagnostics import as_text
from kamsite.graph import GraphvizMissing, Renderer, RenderError
from kamsite.model import resolve_as_of
from kamsite.pages.markup import RAW_CLOSE, RAW_OPEN
from kamsite.pipeline import cached_renderer, site_pages
from kamsite.validate import validate_content

log: logging.LoggerAdapter[logging.Logger] = get_plugin_logger(__name__)

# Raw plan files hold contacts' personal data: never published, even if put in the docs dir.
_RAW = (".yaml", ".yml")
_BLOCK = re.compile(re.escape(f"\n{RAW_OPEN}\n") + "(.*?)" + re.escape(f"\n{RAW_CLOSE}\n"), re.S)
_SVG = re.compile(r"<svg\b.*?</svg>", re.S)
_PLACEHOLDER = re.compile(r"<p>kamsite-raw-(\d+)</p>")
_TAG = re.compile(r"<[^>]*>")
_WORDS = re.compile(r'<div data-kamsite-block="(\d+)">[^<]*</div>')


class KamsiteConfig(base.Config):  # type: ignore[no-untyped-call]  # mkdocs is untyped here
    content = c.Type(str, default="content")


class KamsitePlugin(BasePlugin[KamsiteConfig]):  # type: ignore[no-untyped-call]
    renderer: Renderer | None = None

    def __init__(self) -> None:
        super().__init__()
        self.blocks: dict[str, list[str]] = {}
        self.generated: set[str] = set()

    def on_startup(self, *, command: str, dirty: bool) -> None:
        """One renderer for the whole `mkdocs serve` session, so rebuilds reuse its state."""
        self.renderer = None

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        if not config.use_directory_urls:
            raise PluginError(
                "kamsite needs use_directory_urls: true (its URLs are /<section>/<id>/)"
            )
        self.root = Path(config.config_file_path or ".").resolve().parent
        self.content_dir = (self.root / self.config.content).resolve()
        if self.renderer is None:
            self.renderer = cached_renderer()
        return config

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        result = validate_content(self.content_dir)
        for warning in (d for d in result.diagnostics if d.severity == "warning"):
            log.warning(str(warning))
        if not result.ok or result.content is None:
            raise PluginError("content has errors:\n" + as_text(result.errors))
        content = result.content
        theme_language = str(config.theme.get("language") or "en")
        if theme_language.split("-")[0] != content.settings.language.value:
            log.warning(
                f"theme.language is {theme_language!r} but portfolio.language is "
                f"{content.settings.language.value!r}: set them equal so labels and search match"
            )
        try:
            as_of = resolve_as_of(content.settings)
        except ValueError as exc:
            raise PluginError(str(exc)) from None
        assert self.renderer is not None  # set in on_config
        try:
            pages = site_pages(content, result.fingerprint, as_of, self.renderer, self.root)
        except (GraphvizMissing, RenderError) as exc:
            raise PluginError(str(exc)) from None
        for file in [f for f in files if f.src_uri.endswith(_RAW)]:
            files.remove(file)
        self.generated = set(pages)
        for path, markdown in pages.items():
            if files.get_file_from_path(path) is not None:
                raise PluginError(f"{config.docs_dir}/{path} clashes with a generated kamsite page")
            files.append(File.generated(config, path, content=markdown))
        return files

    def on_page_markdown(
        self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        """Generated HTML blocks skip Python-Markdown, whose raw-HTML parser is the slow part.

        Free pages from content/pages are left to Markdown as they are.
        """
        if page.file.src_uri not in self.generated:
            return markdown
        blocks: list[str] = []

        def stash(match: re.Match[str]) -> str:
            blocks.append(match.group(1))
            return f"\n\nkamsite-raw-{len(blocks) - 1}\n\n"

        markdown = _BLOCK.sub(stash, markdown)
        self.blocks[page.file.src_uri] = blocks
        return markdown

    def on_page_content(
        self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        """Search sees each block as its words; the markup waits for `on_post_page`.

        Material's search parses every tag of every page (its parser dominated
        the build); the words it indexes are the same either way.
        """
        if page.file.src_uri not in self.blocks:
            return html
        blocks = self.blocks[page.file.src_uri]

        def words(match: re.Match[str]) -> str:
            index = int(match.group(1))
            text = " ".join(_TAG.sub(" ", _SVG.sub(" ", blocks[index])).split())
            return f'<div data-kamsite-block="{index}">{text}</div>'

        return _PLACEHOLDER.sub(words, html)

    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str:
        blocks = self.blocks.pop(page.file.src_uri, [])
        if not blocks:
            return output
        return _WORDS.sub(lambda m: blocks[int(m.group(1))], output)

    def on_serve(self, server: Any, /, *, config: MkDocsConfig, builder: Any) -> Any:
        server.watch(str(self.content_dir))
        return server
