"""The MkDocs adapter: validate on build, register the generated pages. Nothing else lives here."""

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
from kamsite.pages import generate_pages
from kamsite.validate import validate_content

log: logging.LoggerAdapter[logging.Logger] = get_plugin_logger(__name__)


class KamsiteConfig(base.Config):
    content = c.Type(str, default="content")


class KamsitePlugin(BasePlugin[KamsiteConfig]):
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.root = Path(config.config_file_path or ".").resolve().parent
        self.content_dir = (self.root / self.config.content).resolve()
        return config

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        result = validate_content(self.content_dir)
        for warning in (d for d in result.diagnostics if d.severity == "warning"):
            log.warning(str(warning))
        if not result.ok or result.content is None:
            raise PluginError("content has errors:\n" + as_text(result.errors))
        for path, markdown in generate_pages(result.content).items():
            files.append(File.generated(config, path, content=markdown))
        return files

    def on_serve(self, server: Any, /, *, config: MkDocsConfig, builder: Any) -> Any:
        server.watch(str(self.content_dir))
        return server
