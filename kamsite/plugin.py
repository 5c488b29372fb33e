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

import jieba
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from kamsite.cache import cache_root
from kamsite.diagnostics import as_text
from kamsite.graph import GraphvizMissing, Renderer, RenderError
from kamsite.history import HistoryCache
from kamsite.load import LoadError, parse
from kamsite.model.portfolio import Language
from kamsite.pipeline import PageSet, cached_renderer, generate, overrides_dir
from kamsite.sitenav import section_title, site_title

log: logging.LoggerAdapter[logging.Logger] = get_plugin_logger(__name__)

# Raw plan files hold contacts' personal data: never published, even if put in the docs dir.
_RAW = (".yaml", ".yml")
_PLACEHOLDER = re.compile(r"<p>kamsite-raw-(\d+)</p>")
_WORDS = re.compile(r'<div data-kamsite-block="(\d+)">.*?</div>', re.S)
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
    history: HistoryCache | None = None

    def __init__(self) -> None:
        super().__init__()
        self.pages: PageSet | None = None

    def on_startup(self, *, command: str, dirty: bool) -> None:
        """One renderer and one history for the whole `mkdocs serve` session, so rebuilds
        reuse their state."""
        self.renderer = None
        self.history = HistoryCache.default()
        _quiet_jieba()

    @event_priority(100)  # before the search plugin reads theme.language
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        if not config.use_directory_urls:
            raise PluginError(
                "kamsite needs use_directory_urls: true (its URLs are /<section>/<id>/)"
            )
        self.root = Path(config.config_file_path or ".").resolve().parent
        self.content_dir = (self.root / self.config.content).resolve()
        portfolio = _portfolio_document(self.content_dir)
        self.language = _language(portfolio)
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
        title = site_title(portfolio)
        if title is not None:
            config.site_name = title
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
        language = self.language
        if language is not None:
            config.theme["language"] = language

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        assert self.renderer is not None  # set in on_config
        try:
            generated = generate(
                self.content_dir, self.renderer, self._overrides(config), self.history
            )
        except (GraphvizMissing, RenderError, ValueError) as exc:
            raise PluginError(str(exc)) from None
        result = generated.validation
        for warning in (d for d in result.diagnostics if d.severity == "warning"):
            log.warning(str(warning))
        if generated.pages is None:
            raise PluginError("content has errors:\n" + as_text(result.errors))
        self.pages = generated.pages
        language = self.language or "en"
        theme_language = str(config.theme.get("language") or "en")
        if theme_language.split("-")[0] != language:
            log.warning(
                f"theme.language is {theme_language!r} but portfolio.language is "
                f"{language!r}: set them equal so labels and search match"
            )
        for file in [f for f in files if f.src_uri.endswith(_RAW)]:
            files.remove(file)
        assets = package_files("kamsite") / "assets"
        for name in (*_STYLES, *_SCRIPTS):
            if files.get_file_from_path(f"{ASSETS}/{name}") is None:
                files.append(
                    File.generated(config, f"{ASSETS}/{name}", content=(assets / name).read_bytes())
                )
        for path in self.pages.keys:
            if files.get_file_from_path(path) is not None:
                raise PluginError(f"{config.docs_dir}/{path} clashes with a generated kamsite page")
            # What MkDocs reads is the skeleton `on_page_read_source` gives: the pages that
            # list accounts may still be in the making.
            files.append(File.generated(config, path, content=""))
        return files

    def on_page_read_source(self, /, *, page: Page, config: MkDocsConfig) -> str | None:
        """A generated page's skeleton, waiting for it if it is still in the making (account
        pages come first: MkDocs reads them meanwhile)."""
        if self.pages is None or page.file.src_uri not in self.pages.keys:
            return None
        try:
            return self.pages.skeleton(page.file.src_uri)
        except (GraphvizMissing, RenderError, ValueError) as exc:
            raise PluginError(str(exc)) from None

    def _parts(self, page: Page, kind: str) -> tuple[str, ...] | None:
        """A generated page's stored words or HTML; None for the site's own pages."""
        if self.pages is None or page.file.src_uri not in self.pages.keys:
            return None
        key = self.pages.keys[page.file.src_uri]
        found = self.pages.cache.words(key) if kind == "words" else self.pages.cache.blocks(key)
        if found is None:
            raise PluginError(f"the cache lost {page.file.src_uri} during the build: build again")
        return found

    def on_page_content(
        self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        """Search sees each HTML block as its words; the markup waits for `on_post_page`.

        Material's search parses every tag of every page (its parser dominated the
        build); the words it indexes are the same either way. Free pages from
        content/pages are left to Markdown as they are.
        """
        words = self._parts(page, "words")
        if words is None:
            return html
        return _PLACEHOLDER.sub(
            lambda m: f'<div data-kamsite-block="{m.group(1)}">{words[int(m.group(1))]}</div>',
            html,
        )

    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str:
        blocks = self._parts(page, "blocks")
        if blocks is None:
            return output
        return _WORDS.sub(lambda m: blocks[int(m.group(1))], output)

    def on_nav(self, nav: Navigation, /, *, config: MkDocsConfig, files: Files) -> Navigation:
        """Generated sections under their names in the portfolio's language (`kamsite.sitenav`)."""
        language = Language(self.language or "en")
        for page in nav.pages:
            title = section_title(page.file.src_uri, page.title, language)
            if title is not None:  # MkDocs keeps a title set to None for good
                page.title = title
        return nav

    def on_serve(self, server: Any, /, *, config: MkDocsConfig, builder: Any) -> Any:
        server.watch(str(self.content_dir))
        return server


def _quiet_jieba() -> None:
    """Material's search splits Chinese with jieba, which logs loading its dictionary on every
    build and caches it in the shared temp dir, where another user's file may already sit:
    quiet it, and keep its cache with ours."""
    jieba.setLogLevel(logging.WARNING)
    folder = cache_root() / "jieba"
    folder.mkdir(parents=True, exist_ok=True)
    jieba.dt.tmp_dir = str(folder)


def _portfolio_document(content_dir: Path) -> object:
    """portfolio.yaml as parsed, read before validation (which reports any error); None
    when there is none to read."""
    for name in ("portfolio.yaml", "portfolio.yml"):
        try:
            return parse((content_dir / name).read_bytes()).data
        except (OSError, LoadError):
            continue
    return None


def _language(data: object) -> str | None:
    """The language portfolio.yaml (as parsed) names."""
    language = data.get("language", "en") if isinstance(data, dict) else None
    return language if language in _LANGUAGES else None
