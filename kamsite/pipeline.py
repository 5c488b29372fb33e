"""content → validated → scored → drawn → pages: the one path the plugin and every command take.

Pages are a pure function of the content files, `as_of`, the Graphviz build,
layout overrides and kamsite's own code and libraries (`kamsite.cache.code_stamp`).
Each page is stored under the key of exactly its inputs: an account's page under its
own file and what every page shares (portfolio, team, strategies), every other page
under the whole tree. Editing one account then makes one account page and the pages
that aggregate accounts, and an unchanged tree builds no model at all.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path, PurePosixPath

from kamsite.cache import SignedStore, cache_root, code_stamp
from kamsite.forked import can_fork, cores, forked_iter, forked_map
from kamsite.glossary import named
from kamsite.graph import (
    Diagram,
    MatrixPoint,
    Renderer,
    decision_chain,
    portfolio_matrix_svg,
    strategy_map,
)
from kamsite.history import HistoryCache
from kamsite.model import Content, resolve_as_of
from kamsite.model.content import as_of_inputs
from kamsite.pagecache import PageCache, join, split
from kamsite.pages import Page, account_page_path, indexed, makers_of, template_sources
from kamsite.pages.context import Drawings, Site, account_url
from kamsite.pages.trends import Trends, known_history, trends_for, trends_stamp
from kamsite.score import AccountScore, PortfolioScores, score_portfolio
from kamsite.validate import ValidationResult, validate_content


def cached_renderer() -> Renderer:
    """A Graphviz renderer over the shared, signed picture cache."""
    return Renderer(cache_root())


def account_diagram(content: Content, scores: PortfolioScores, account_id: str) -> Diagram:
    score = next(a for a in scores.accounts if a.id == account_id)
    return decision_chain(
        content.accounts[account_id],
        team=content.team,
        relationship=score.stakeholders,
        language=content.settings.language.value,
    )


def strategy_diagram(content: Content, scores: PortfolioScores, strategy_id: str) -> Diagram:
    scored = next((s for s in scores.strategies if s.id == strategy_id), None)
    status = {o.id: o.status.value for o in scored.objectives} if scored else {}
    return strategy_map(
        content.strategies[strategy_id], status=status, language=content.settings.language.value
    )


def _revenue(a: AccountScore) -> float | None:
    """The bubble size: FY revenue actual, else forecast, else target."""
    for value in (a.revenue_actual, a.revenue_forecast, a.revenue_target):
        if value is not None:
            return value
    return None


def _matrix(content: Content, scores: PortfolioScores) -> str:
    points = [
        MatrixPoint(
            account_id=a.id,
            name=named(a.name, a.local_name, content.settings.language),
            tier=a.tier.value if a.tier else None,
            attractiveness=a.attractiveness,
            strength=a.strength,
            revenue=_revenue(a),
            href=account_url(a.id),  # relative to the dashboard, which sits at the root
        )
        for a in scores.accounts
        if a.attractiveness is not None and a.strength is not None
    ]
    thresholds = content.settings.scoring.thresholds
    return portfolio_matrix_svg(
        points,
        attractiveness_threshold=thresholds.attractiveness,
        strength_threshold=thresholds.strength,
        unit=content.settings.unit,
        language=content.settings.language.value,
    )


def decision_chains(
    content: Content, scores: PortfolioScores, renderer: Renderer, accounts: Iterable[str]
) -> dict[str, str]:
    """The decision chains of `accounts` (an empty one still shows the missing roles), in one
    batch so Graphviz runs in parallel."""
    keys = sorted(accounts)
    svgs = renderer.svg_many([account_diagram(content, scores, key) for key in keys])
    return dict(zip(keys, svgs, strict=True))


def portfolio_pictures(content: Content, scores: PortfolioScores, renderer: Renderer) -> Drawings:
    """Every strategy map and the portfolio matrix: what the aggregate pages show."""
    keys = sorted(content.strategies)
    svgs = renderer.svg_many([strategy_diagram(content, scores, key) for key in keys])
    return Drawings(
        strategy_maps=dict(zip(keys, svgs, strict=True)), matrix=_matrix(content, scores)
    )


def overrides_dir(theme: Path) -> Path | None:
    """A portfolio's page layouts: `kamsite/` in its theme folder, when there is one."""
    folder = theme / "kamsite"
    return folder if folder.is_dir() else None


def _hash(*parts: str | bytes) -> str:
    digest = hashlib.sha256()
    for part in parts:
        digest.update((part.encode("utf-8") if isinstance(part, str) else part) + b"\0")
    return digest.hexdigest()


_BATCH = 16
"""Accounts drawn and made per batch: pictures and pages never all in memory at once."""
_PARALLEL_FROM = 64
"""Accounts from which pages are made in worker processes (the aggregate pages grow with
them too)."""


class PageSet:
    """Every generated page: its skeleton (what MkDocs parses) and the key of its parts.

    The pages that list accounts may still be in the making when the set is handed over
    (`generate`): `skeleton` waits for them, so MkDocs reads every account page meanwhile.
    """

    def __init__(
        self,
        skeletons: dict[str, str],
        keys: dict[str, str],
        cache: PageCache,
    ) -> None:
        self.skeletons = skeletons
        """The skeletons made so far."""
        self.keys = dict(sorted(keys.items()))
        """Every page's key, by path: what the set holds, made or in the making."""
        self.cache = cache
        self._later: Iterator[dict[str, str]] = iter(())

    def then(self, later: Iterator[dict[str, str]]) -> None:
        """The skeletons of the pages still in the making, as they come."""
        self._later = later

    def skeleton(self, path: str) -> str:
        if path not in self.skeletons:
            for more in self._later:
                self.skeletons.update(more)
                if path in self.skeletons:
                    break
        return self.skeletons[path]

    def markdown(self, path: str) -> str:
        """The whole page as generated, for builders that run no plugins."""
        self.skeleton(path)
        parts = self.cache.parts(self.keys[path])
        if parts is None:
            raise RuntimeError(f"the stored parts of {path} went missing during the build")
        return join(parts)

    def documents(self) -> dict[str, str]:
        """Every page as a whole Markdown file, for `kamsite pages --out`."""
        return {path: self.markdown(path) for path in self.keys}


@dataclass(frozen=True)
class Generated:
    """A site build's share of the work: validation's findings (no models) and, for content
    without errors, the pages."""

    validation: ValidationResult
    pages: PageSet | None


def generate(
    content_dir: Path,
    renderer: Renderer,
    overrides: Path | None = None,
    history: HistoryCache | None = None,
) -> Generated:
    """Validate `content_dir`, then every page (see `build_pages`), in a forked child where
    the system can fork.

    A cold build or an edit holds every model and scorecard while it makes pages;
    in-process, that memory stayed resident through MkDocs' whole run (CPython returns
    little of a freed heap), so the build's peak was the models' plus MkDocs'. Only the
    findings and the page skeletons come back. They come back in two parts: the account
    pages first, then, while MkDocs reads those, the pages that list accounts (after an
    edit they are most of the work)."""
    work = partial(_generate, content_dir, renderer, overrides, history)
    stream = forked_iter(work) if can_fork() else work()
    first = next(stream)
    assert isinstance(first, Generated)  # the first part is always the findings
    if first.pages is not None:
        first.pages.then(part for part in stream if isinstance(part, dict))
    return first


def _generate(
    content_dir: Path, renderer: Renderer, overrides: Path | None, history: HistoryCache | None
) -> Iterator[Generated | dict[str, str]]:
    result = validate_content(content_dir, models="if-checked")
    findings = replace(result, content=None)
    if not result.ok:
        yield Generated(findings, None)
        return
    load = partial(_load, content_dir)
    parts = _pages(
        result.keys,
        result.fingerprint,
        content_dir,
        load,
        renderer,
        overrides,
        history,
        some=result.content,
    )
    pages, rest = _handed(parts)
    yield Generated(findings, pages)
    yield from rest


def _load(content_dir: Path) -> Content:
    """Every model, when the pages that list accounts must be made."""
    content = validate_content(content_dir).content
    if content is None:
        raise ValueError("content changed during the build: build again")
    return content


def _is_account(path: str, content_dir: str) -> bool:
    return PurePosixPath(path).parent == PurePosixPath(content_dir) / "accounts"


def build_pages(
    keys: Mapping[str, str],
    fingerprint: str,
    content_dir: Path,
    load: Callable[[], Content],
    renderer: Renderer,
    overrides: Path | None = None,
    history: HistoryCache | None = None,
) -> PageSet:
    """Every page from the cache where its inputs are unchanged; the rest made now.

    `keys`/`fingerprint`: the validated files' keys and the tree's (a `ValidationResult`);
    `load` gives the models, called only when some page must be made; `history`: keep one
    across rebuilds (the trend pictures read the content's Git history through it).
    """
    parts = _pages(keys, fingerprint, content_dir, load, renderer, overrides, history)
    pages, rest = _handed(parts)
    for more in rest:
        pages.skeletons.update(more)
    return pages


def _handed(parts: Iterator[PageSet | dict[str, str]]) -> tuple[PageSet, Iterator[dict[str, str]]]:
    """`_pages`' set, and the skeletons that follow it."""
    pages = next(parts)
    assert isinstance(pages, PageSet)  # the first part is always the set
    return pages, (part for part in parts if isinstance(part, dict))


def _pages(
    keys: Mapping[str, str],
    fingerprint: str,
    content_dir: Path,
    load: Callable[[], Content],
    renderer: Renderer,
    overrides: Path | None,
    history: HistoryCache | None,
    some: Content | None = None,
) -> Iterator[PageSet | dict[str, str]]:
    """`build_pages` in two parts: the set with every account page made (and every page's
    key), then the skeletons of the pages that list accounts, when they had to be made.

    `some`: models validation built (portfolio, team, strategies and the accounts it had to
    check): when they hold every account page to make, `load` waits for the second part."""
    cache = PageCache(cache_root() / "pages")
    name = content_dir.name
    # An account's id is its file name (validation checks it), so its page path is known
    # before any model is built.
    accounts = {
        account_page_path(PurePosixPath(path).stem): key
        for path, key in keys.items()
        if _is_account(path, name)
    }
    known = known_history(content_dir)
    shared = [key for path, key in sorted(keys.items()) if not _is_account(path, name)]
    context = _hash(
        "kamsite-pages",
        code_stamp(),
        renderer.version(),
        template_sources(overrides),
        as_of_inputs(),  # as_of when portfolio.yaml names none
        trends_stamp(content_dir, known),  # the newest content commit: the trends end there
        *shared,
    )
    page_keys = {path: _hash(context, key) for path, key in accounts.items()}
    whole = _hash(context, fingerprint)
    skeletons: dict[str, str] = {}
    for path, key in page_keys.items():
        if (skeleton := cache.skeleton(key)) is not None:
            skeletons[path] = skeleton
    aggregates = cache.index(whole)
    if aggregates is not None:
        for path, key in aggregates.items():
            if (skeleton := cache.skeleton(key)) is None:
                aggregates = None
                break
            skeletons[path] = skeleton
    if aggregates is not None and len(skeletons) == len(page_keys) + len(aggregates):
        yield PageSet(skeletons, {**page_keys, **aggregates}, cache)
        return
    missing = {p: k for p, k in page_keys.items() if p not in skeletons}
    # An account page reads its own account and what every page shares (its key says so):
    # after an edit, the edited account alone is read and scored before its page is handed
    # over, and every other model is read while MkDocs reads the account pages.
    part = {PurePosixPath(p).parent.name for p in missing}
    every = len(missing) == len(page_keys)
    if some is None or not part <= set(some.accounts):
        some = load()
    trends = trends_for(content_dir, some, history, known=known)
    first = _Maker(some, trends, renderer, overrides, cache, whole, part=None if every else part)
    skeletons.update(first.make(missing))
    listing = first.listing if aggregates is None else aggregates
    yield PageSet(skeletons, {**page_keys, **listing}, cache)
    if aggregates is None:
        content = some if len(some.accounts) == len(page_keys) else load()
        if every and content is some:
            lists = first
        else:
            if content is not some:
                trends = trends_for(content_dir, content, history, known=known)
            lists = _Maker(content, trends, renderer, overrides, cache, whole)
        made = lists.make(listing)
        cache.put_index(whole, listing)  # before handing them over: a reader may stop there
        yield made


class _Maker:
    """Scores, pictures and page makers of one tree: makes pages, on every core for a large
    portfolio, and stores each page's parts as it is made."""

    def __init__(
        self,
        content: Content,
        trends: Trends,
        renderer: Renderer,
        overrides: Path | None,
        cache: PageCache,
        whole: str,
        part: Collection[str] | None = None,
    ) -> None:
        """`part`: only these accounts are scored and their pages made (no pages that list
        accounts, no portfolio pictures); None, the whole portfolio."""
        self.parallel = len(content.accounts) >= _PARALLEL_FROM
        if part is not None:
            content = replace(content, accounts={k: content.accounts[k] for k in sorted(part)})
        as_of = resolve_as_of(content.settings)
        scores = score_portfolio(content, as_of)
        drawn = portfolio_pictures(content, scores, renderer) if part is None else Drawings()
        self.chains: dict[str, str] = {}  # the account pages' chains: filled per batch
        drawings = Drawings(self.chains, drawn.strategy_maps, drawn.matrix)
        memo = SignedStore(cache_root() / "render")
        self.site = Site(content, scores, drawings, as_of, overrides, memo, trends)
        self.makers = makers_of(self.site)
        self.by_path = {account_page_path(a): a for a in content.accounts}
        self.listing = {p: _hash(whole, p) for p in self.makers if p not in self.by_path}
        """The pages that list accounts and their keys (under the whole tree)."""
        self.content, self.scores, self.renderer, self.cache = content, scores, renderer, cache

    def make(self, keys: Mapping[str, str]) -> dict[str, str]:
        """The pages at `keys` (path → key) made and stored; their skeletons."""

        def draw(paths: Iterable[str]) -> Mapping[str, str]:
            accounts = [self.by_path[p] for p in paths if p in self.by_path]
            if not accounts:
                return {}
            return decision_chains(self.content, self.scores, self.renderer, accounts)

        work = _Work(self.makers, keys, draw, self.chains, self.cache)
        batches = [*((p,) for p in keys if p not in self.by_path), *_batches(keys, self.by_path)]
        forks = self.parallel and len(batches) > 1 and cores() > 1 and can_fork()
        if forks:
            self.site.prepare()
        return _run(work, batches, forks=forks)


def _batches(todo: Iterable[str], accounts: Mapping[str, str]) -> list[tuple[str, ...]]:
    paths = [p for p in todo if p in accounts]
    return [tuple(paths[n : n + _BATCH]) for n in range(0, len(paths), _BATCH)]


@dataclass(frozen=True)
class _Work:
    """The pages to make (path → key) and what makes them. Forked workers inherit it, so
    nothing of it is pickled; each sends back only its pages' skeletons."""

    makers: Mapping[str, Callable[[], Page]]
    keys: Mapping[str, str]
    draw: Callable[[Iterable[str]], Mapping[str, str]]
    """The decision chains of the account pages among some paths, by account id."""
    chains: dict[str, str]
    """What the account pages read their decision chain from: filled per batch."""
    cache: PageCache

    def make(self, paths: tuple[str, ...]) -> dict[str, str]:
        """Draw, make, split and store a batch of pages; their skeletons."""
        self.chains.update(self.draw(paths))
        made = {}
        for path in paths:
            parts = split(self.makers[path](), indexed=indexed(path))
            self.cache.put(self.keys[path], parts)
            made[path] = parts.skeleton
        self.chains.clear()
        return made


def _run(work: _Work, batches: list[tuple[str, ...]], *, forks: bool) -> dict[str, str]:
    """Every batch made, on every core when `forks`: making a page is Python (one core per
    process) and `dot` is a process per picture, so a worker waiting for its pictures leaves
    its core to the other's pages; the pages that list a large portfolio take a second each.
    Workers are forked: they start with the models and scores in memory."""
    made: dict[str, str] = {}
    if not forks:
        for batch in batches:
            made.update(work.make(batch))
        return made
    for part in forked_map(_Work.make, work, batches, cores()):
        made.update(part)
    return made
