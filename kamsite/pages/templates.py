"""The Jinja2 environment that turns page views into Markdown pages.

Layouts ship in `kamsite/templates/<kind>.html`; a portfolio replaces one with a
file of the same name in its `theme/kamsite/` folder (`overrides`). Autoescape is
on for every template, so content text is escaped unless it is `Markup`. With
overrides, every layout renders in Jinja's sandbox: a portfolio's layout can arrange
what kamsite prepared but cannot reach into Python (an override is a repository file,
and a pull request can change it).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from types import SimpleNamespace

from jinja2 import (
    BaseLoader,
    ChoiceLoader,
    Environment,
    FileSystemLoader,
    PackageLoader,
    StrictUndefined,
    nodes,
)
from jinja2.ext import Extension
from jinja2.parser import Parser
from jinja2.sandbox import SandboxedEnvironment
from markupsafe import Markup

from kamsite.pagecache import CLOSE_MARK, OPEN_MARK
from kamsite.pages.cells import CELLS
from kamsite.pages.markdown import heading, page_title
from kamsite.pages.markup import block


class Dedent(Extension):
    """Template lines lose their leading indentation before parsing.

    Markdown is indentation-sensitive (an indented heading is a code block), so a
    layout can be indented for reading and still produce a flush-left page.
    """

    def preprocess(self, source: str, name: str | None, filename: str | None = None) -> str:
        return "\n".join(line.lstrip() for line in source.split("\n"))


class HtmlBlock(Extension):
    """`{% html %}…{% endhtml %}`: a raw HTML block, as `{% filter raw %}` makes, whose HTML
    goes out as it is rendered.

    A filter gathers its whole block before it runs, and a table that grows with the
    portfolio (the 60,000 rows of `/relationships/` at 5,000 accounts) then stood in memory
    four times over. This tag only puts the block's marks around what it renders; the
    whitespace at the block's edges is dropped where the page is split
    (`kamsite.pagecache.split`), as for every raw block.
    """

    tags = {"html"}  # noqa: RUF012 - Jinja declares it so

    def parse(self, parser: Parser) -> list[nodes.Node]:
        line = next(parser.stream).lineno
        body = parser.parse_statements(("name:endhtml",), drop_needle=True)
        return [
            nodes.Output([nodes.TemplateData(OPEN_MARK)]).set_lineno(line),
            *body,
            nodes.Output([nodes.TemplateData(CLOSE_MARK)]).set_lineno(line),
        ]


def raw(fragment: str) -> Markup:
    """`{% filter raw %}…{% endfilter %}`: the HTML set apart as a raw block (`markup.block`)."""
    return Markup(block(fragment))


def dash(value: object) -> object:
    """A missing value (None or "") shows as a dash."""
    return "—" if value is None or value == "" else value


@lru_cache(maxsize=8)
def environment(overrides: Path | None = None) -> Environment:
    """One environment per overrides folder; Jinja reloads a template whose file changed."""
    loaders: list[BaseLoader] = []
    if overrides is not None:
        loaders.append(FileSystemLoader(overrides))
    loaders.append(PackageLoader("kamsite", "templates"))
    kind = Environment if overrides is None else SandboxedEnvironment
    env = kind(
        loader=ChoiceLoader(loaders),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        extensions=[Dedent, HtmlBlock],
    )
    env.filters.update(raw=raw, dash=dash)
    env.globals.update(page_title=page_title, heading=heading, cells=SimpleNamespace(**CELLS))
    return env


def template_sources(overrides: Path | None) -> bytes:
    """Every override template's name and bytes, sorted: the part of a page-cache key they make.

    The packaged templates are kamsite's own code and already in its code stamp.
    """
    if overrides is None or not overrides.is_dir():
        return b""
    parts = []
    for path in sorted(p for p in overrides.rglob("*") if p.is_file()):
        parts.append(path.relative_to(overrides).as_posix().encode() + b"\0" + path.read_bytes())
    return b"\0".join(parts)
