"""The MkDocs adapter: validate, score, draw, register the generated pages. Nothing else lives here.

Everything it calls is core code (`kamsite.pages` builds the pages), so another
site generator needs only another adapter.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import File, Files

from kamsite.diagnostics import as_text
from kamsite.graph import GraphvizMissing, Renderer, RenderError, default_cache_dir
from kamsite.model import resolve_as_of
from kamsite.pages import generate_pages
from kamsite.pages.drawings import draw
from kamsite.score import score_portfolio
from kamsite.validate import validate_content

log: logging.LoggerAdapter[logging.Logger] = get_plugin_logger(__name__)

# Raw plan files hold contacts' personal data: never published, even if put in the docs dir.
_RAW = (".yaml", ".yml")


class KamsiteConfig(base.Config):  # type: ignore[no-untyped-call]  # mkdocs is untyped here
    content = c.Type(str, default="content")


class KamsitePlugin(BasePlugin[KamsiteConfig]):  # type: ignore[no-untyped-call]
    renderer: Renderer | None = None

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
            self.renderer = Renderer(default_cache_dir(self.root))
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
        as_of = resolve_as_of(content.settings)
        scores = score_portfolio(content, as_of)
        assert self.renderer is not None  # set in on_config
        try:
            drawings = draw(content, scores, self.renderer)
        except (GraphvizMissing, RenderError) as exc:
            raise PluginError(str(exc)) from None
        for file in [f for f in files if f.src_uri.endswith(_RAW)]:
            files.remove(file)
        for path, markdown in generate_pages(content, scores, drawings, as_of).items():
            if files.get_file_from_path(path) is not None:
                raise PluginError(f"{config.docs_dir}/{path} clashes with a generated kamsite page")
            files.append(File.generated(config, path, content=markdown))
        return files

    def on_serve(self, server: Any, /, *, config: MkDocsConfig, builder: Any) -> Any:
        server.watch(str(self.content_dir))
        return server
