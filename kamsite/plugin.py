"""The MkDocs adapter: register the generated pages, and spare MkDocs re-parsing their HTML.

Validation, scoring, drawing and page generation are core code (`kamsite.pipeline`),
so another site generator needs only another adapter. What lives here is MkDocs
plumbing: diagnostics to the plugin logger or `PluginError`, generated files, the
stylesheet and script the pages need (shipped in the package, so `- kamsite` under
`plugins` is the whole setup), the Markdown extensions they rely on, the theme
language taken from the portfolio, the watch on content/, and handing generated
HTML blocks past Markdown and search.
"""

from __future__ import annotations

import logging
import re
from importlib.resources import files as package_files
from pathlib import Path
from typing import Any

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from kamsite.diagnostics import as_text
from kamsite.graph import GraphvizMissing, Renderer, RenderError
from kamsite.load import LoadError, parse
from kamsite.model import resolve_as_of
from kamsite.pages.markup import RAW_CLOSE, RAW_OPEN
from kamsite.pipeline import cached_renderer, overrides_dir, site_pages
from kamsite.validate import validate_content

log: logging.LoggerAdapter[logging.Logger] = get_plugin_logger(__name__)

# Raw plan files hold contacts' personal data: never published, even if put in the docs dir.
_RAW = (".yaml", ".yml")
_BLOCK = re.compile(re.escape(f"\n{RAW_OPEN}\n") + "(.*?)" + re.escape(f"\n{RAW_CLOSE}\n"), re.S)
_SVG = re.compile(r"<svg\b.*?</svg>", re.S)
_PLACEHOLDER = re.compile(r"<p>kamsite-raw-(\d+)</p>")
_TAG = re.compile(r"<[^>]*>")
_WORDS = re.compile(r'<div data-kamsite-block="(\d+)">[^<]*</div>')
# Shipped in the package and published under this folder of the site.
ASSETS = "assets/kamsite"
_STYLES = ("kamsite.css",)
_SCRIPTS = ("kamsite.js",)
# Generated headings carry `{#kam-…}` ids and pages use tables: without these the
# headings would read "Overview {#kam-overview}" and `--strict` would not notice.
_EXTENSIONS = ("attr_list", "tables", "toc")
_LANGUAGES = ("en", "zh")


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

    @event_priority(100)  # before the search plugin reads theme.language
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        if not config.use_directory_urls:
            raise PluginError(
                "kamsite needs use_directory_urls: true (its URLs are /<section>/<id>/)"
            )
        self.root = Path(config.config_file_path or ".").resolve().parent
        self.content_dir = (self.root / self.config.content).resolve()
        if self.renderer is None:
            self.renderer = cached_renderer()
        for extension in _EXTENSIONS:
            if extension not in config.markdown_extensions:
                config.markdown_extensions.append(extension)
        for name in _STYLES:
            if f"{ASSETS}/{name}" not in config.extra_css:
                config.extra_css.append(f"{ASSETS}/{name}")
        for name in _SCRIPTS:
            if f"{ASSETS}/{name}" not in [str(s) for s in config.extra_javascript]:
                config.extra_javascript.append(f"{ASSETS}/{name}")
        self._theme_language(config)
        return config

    def _overrides(self, config: MkDocsConfig) -> Path | None:
        """`theme/kamsite/` beside Material's own overrides (the theme's `custom_dir`)."""
        custom = config.theme.custom_dir
        return overrides_dir(Path(custom) if custom else self.root / "theme")

    def _theme_language(self, config: MkDocsConfig) -> None:
        """`portfolio.language` is the one setting: it fills `theme.language` when left unset."""
        declared = any(
            isinstance(user.get("theme"), dict) and "language" in user["theme"]
            for user in config.user_configs
        )
        if declared:
            return
        language = _portfolio_language(self.content_dir)
        if language is not None:
            config.theme["language"] = language

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
            pages = site_pages(
                content,
                result.fingerprint,
                as_of,
                self.renderer,
                self.root,
                self._overrides(config),
            )
        except (GraphvizMissing, RenderError) as exc:
            raise PluginError(str(exc)) from None
        for file in [f for f in files if f.src_uri.endswith(_RAW)]:
            files.remove(file)
        assets = package_files("kamsite") / "assets"
        for name in (*_STYLES, *_SCRIPTS):
            if files.get_file_from_path(f"{ASSETS}/{name}") is None:
                files.append(
                    File.generated(config, f"{ASSETS}/{name}", content=(assets / name).read_bytes())
                )
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


def _portfolio_language(content_dir: Path) -> str | None:
    """The language portfolio.yaml names, read before validation (which reports any error)."""
    for name in ("portfolio.yaml", "portfolio.yml"):
        try:
            data = parse((content_dir / name).read_bytes()).data
        except (OSError, LoadError):
            continue
        language = data.get("language", "en") if isinstance(data, dict) else None
        return language if language in _LANGUAGES else None
    return None
