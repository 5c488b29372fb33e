"""Trends on the site: scores over the Git history, what moved since the previous review, and
each account's movement on the matrix (DESIGN.md §6 "Trends")."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import xml.etree.ElementTree as ET
from dataclasses import replace
from pathlib import Path

import pytest
from conftest import HOSTILE, SCRIPT
from git_support import commit, git
from markupsafe import Markup

import kamsite.history.moves as moves_module
from kamsite.cache import SignedStore
from kamsite.graph.movement import MovementPath, MovementStep, movement_svg
from kamsite.graph.trend import TrendPanel, trend_panels_svg
from kamsite.history import HistoryCache, read_history
from kamsite.model import Content
from kamsite.model.portfolio import Language
from kamsite.pages.templates import environment
from kamsite.pages.trends import (
    AccountTrendsView,
    MovedView,
    Timeline,
    Trends,
    account_days,
    trends_for,
    trends_stamp,
)
from kamsite.validate import validate_content

EXAMPLE = Path(__file__).resolve().parent.parent / "content"
NORTHWIND = "content/accounts/northwind-telecom.yaml"
YANGTZE = "content/accounts/yangtze-steel.yaml"
SVG = "{http://www.w3.org/2000/svg}"


def edit(repo: Path, path: str, old: str, new: str) -> None:
    target = repo / path
    text = target.read_text(encoding="utf-8")
    assert re.search(old, text, flags=re.M), old
    target.write_text(re.sub(old, new, text, count=1, flags=re.M), encoding="utf-8")


def make_history(root: Path) -> dict[str, str]:
    """The example portfolio through a year of edits (its `as_of` stays pinned):

    c1 northwind reviewed 2026-01-10 · c2 a decision maker turns supporter, reviewed 2026-04-08 ·
    c3 northwind does not validate · c4 fixed, a deal moves on, yangtze's stage moves ·
    c5 reviewed 2026-10-18, attractiveness drops · c6 a README, no content.
    """
    root.mkdir(parents=True)
    git(root, "init", "-q", "-b", "main")
    shutil.copytree(EXAMPLE, root / "content")
    edit(root, NORTHWIND, r"^reviewed: .*$", "reviewed: 2026-01-10")
    shas = {"c1": commit(root, "2026-01-15")}
    edit(root, NORTHWIND, r"attitude: neutral", "attitude: supporter")
    edit(root, NORTHWIND, r"^reviewed: .*$", "reviewed: 2026-04-08")
    shas["c2"] = commit(root, "2026-04-10")
    edit(root, NORTHWIND, r"^name: ", "colour: red\nname: ")
    shas["c3"] = commit(root, "2026-07-20")
    edit(root, NORTHWIND, r"^colour: red\n", "")
    edit(root, NORTHWIND, r"stage: recommend", "stage: negotiate")
    edit(root, YANGTZE, r"^stage: cooperative", "stage: interdependent")
    shas["c4"] = commit(root, "2026-08-05")
    edit(root, NORTHWIND, r"^reviewed: .*$", "reviewed: 2026-10-18")
    edit(root, NORTHWIND, r"revenue_potential: \{score: 5", "revenue_potential: {score: 3")
    shas["c5"] = commit(root, "2026-10-20")
    (root / "README.md").write_text("no content\n", encoding="utf-8")
    shas["c6"] = commit(root, "2026-10-25")
    return shas


def load(content_dir: Path) -> Content:
    content = validate_content(content_dir, cache_dir=False).content
    assert content is not None
    return content


def build_trends(root: Path, tmp: Path) -> Trends:
    cache = HistoryCache(tmp / "history", None)
    store = SignedStore(tmp / "trends")
    return trends_for(root / "content", load(root / "content"), cache, store=store)


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    root = tmp_path_factory.mktemp("trends") / "repo"
    return root, make_history(root)


@pytest.fixture(scope="module")
def trends(repo: tuple[Path, dict[str, str]], tmp_path_factory: pytest.TempPathFactory) -> Trends:
    return build_trends(repo[0], tmp_path_factory.mktemp("caches"))


def titles(svg: str) -> list[str]:
    root = ET.fromstring(svg)
    return [t.text or "" for t in root.iter(f"{SVG}title")]


# --- the account's series ------------------------------------------------------------------------


def test_one_point_a_day_and_an_invalid_tree_is_a_gap(
    repo: tuple[Path, dict[str, str]], tmp_path: Path
) -> None:
    root, _shas = repo
    points = read_history(root / "content", cache=HistoryCache(tmp_path, None))
    days = account_days(Timeline(points), "northwind-telecom")
    assert [d.isoformat() for d, _s in days] == [
        "2026-01-15",
        "2026-04-10",
        "2026-07-20",
        "2026-08-05",
        "2026-10-20",
    ]
    values = [None if s is None else s["attractiveness"] for _d, s in days]
    assert values[2] is None
    assert values[0] == values[1] == values[3] == pytest.approx(values[4] + 15)
    coverage = [None if s is None else s["decision_coverage"] for _d, s in days]
    assert coverage[1] > coverage[0]
    pipeline = [None if s is None else s["weighted_pipeline"] for _d, s in days]
    assert pipeline[3] > pipeline[1]


def test_the_account_picture_shows_every_score_over_the_commits(trends: Trends) -> None:
    view = trends.account("northwind-telecom")
    assert view.note is None and view.chart is not None
    svg = str(view.chart)
    root = ET.fromstring(svg)
    assert root.get("role") == "img"
    assert root.get("aria-label") == "Trends: Northwind Telecom"
    assert (root.get("width"), root.get("height")) == ("860", "356")
    assert root.get("viewBox") == "0 0 860 356"
    panels = [g for g in root.iter(f"{SVG}g") if g.get("class") == "kam-trend-panel"]
    assert len(panels) == 6
    heads = [next(iter(g.iter(f"{SVG}text"))).text for g in panels]
    assert heads == [
        "Attractiveness A",
        "Strength S",
        "Relationship health H",
        "Decision coverage DC",
        "Weighted pipeline WP (M)",
        "Plan completeness P",
    ]
    tips = titles(svg)
    assert "2026-10-20: 70.0" in tips and "2026-01-15: 85.0" in tips
    assert not any(t.startswith("2026-07-20") for t in tips)  # the invalid tree: a gap
    # the gap splits each line in two: before and after 2026-07-20
    lines = [p for p in panels[0].iter(f"{SVG}polyline")]
    assert [len(p.get("points", "").split()) for p in lines] == [2, 2]
    assert "Threshold 50.0" in tips
    assert "5 commits from 2026-01-15 to 2026-10-20" in view.caption
    for text in root.iter(f"{SVG}text"):
        assert int(text.get("font-size") or root.get("font-size") or 0) >= 12


def test_what_moved_since_the_previous_review(
    trends: Trends, repo: tuple[Path, dict[str, str]]
) -> None:
    _root, shas = repo
    moved = trends.account("northwind-telecom").moved
    assert moved is not None
    assert moved.heading == "What moved since the review of 2026-04-08"
    assert moved.range == (
        f"Commit {shas['c2'][:7]} (2026-04-10) → {shas['c5'][:7]} (2026-10-20), "
        "both scored as of 2026-11-01."
    )
    text = "\n".join(moved.lines)
    assert "opportunity 5G core upgrade — second-vendor region (core-upgrade-2027) stage" in text
    assert "recommend → negotiate" in text
    assert "A 85.0 → 70.0" in text
    assert "attitude" not in text  # changed at the previous review, not since


def test_without_a_second_review_the_last_two_changes(trends: Trends) -> None:
    moved = trends.account("yangtze-steel").moved
    assert moved is not None
    assert moved.heading == "What moved in the latest change"
    assert "stage cooperative → interdependent" in moved.lines


def test_a_plan_committed_once_has_nothing_to_compare(trends: Trends) -> None:
    moved = trends.account("harborview-bank").moved
    assert moved == MovedView(
        "What moved in the latest change",
        "",
        (),
        "One version of this plan is committed: nothing to compare yet.",
    )
    assert trends.account("no-such-account").note is not None


def test_the_moves_are_cached_by_commits(
    repo: tuple[Path, dict[str, str]], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root, _shas = repo
    cold = build_trends(root, tmp_path)

    def no_compare(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("a warm build compares no trees")

    monkeypatch.setattr(moves_module, "compare", no_compare)
    warm = build_trends(root, tmp_path)
    assert warm == cold
    assert (tmp_path / "trends").is_dir()


def test_the_stamp_is_the_newest_content_commit(repo: tuple[Path, dict[str, str]]) -> None:
    root, shas = repo
    assert trends_stamp(root / "content") == shas["c5"]  # c6 touched no content


# --- the dashboard -------------------------------------------------------------------------------


def test_the_dashboard_shows_each_path_over_four_quarters(trends: Trends) -> None:
    view = trends.dashboard
    assert view.note is None and view.matrix is not None
    svg = str(view.matrix)
    root = ET.fromstring(svg)
    links = {a.get("href"): a for a in root.iter(f"{SVG}a")}
    assert set(links) <= {f"accounts/{key}/" for key in trends.accounts}
    northwind = "".join(links["accounts/northwind-telecom/"].itertext())
    # unchanged from the first quarter end on, then the latest commit: one old step, one new
    assert "2026-03-31: A 85.0" in northwind and "2026-10-20: A 70.0" in northwind
    assert "2026-06-30" not in northwind
    assert len(list(links["accounts/northwind-telecom/"].iter(f"{SVG}polygon"))) == 1
    assert "Northwind Telecom" in [t.text for t in root.iter(f"{SVG}text")]
    assert "from 2026-03-31 to 2026-10-20" in view.caption


def test_the_biggest_movers(trends: Trends) -> None:
    movers = trends.dashboard.movers
    assert movers[0].account.text == "Northwind Telecom"
    assert movers[0].account.href == "accounts/northwind-telecom/"
    assert movers[0].period == ("2026-03-31", "2026-10-20")
    assert movers[0].cells[0] == "85.0 → 70.0 (-15.0)"
    assert all(m.account.text != "Yangtze Special Steel" for m in movers)  # stage only
    assert len(trends.dashboard.columns) == 3 + len(movers[0].cells)


def test_an_uncommitted_account_has_no_history_yet(
    repo: tuple[Path, dict[str, str]], tmp_path: Path
) -> None:
    root, _shas = repo
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "-q", f"file://{root}", str(clone))
    plan = (clone / "content/accounts/harborview-bank.yaml").read_text(encoding="utf-8")
    new = clone / "content/accounts/fresh-bank.yaml"
    new.write_text(plan.replace("id: harborview-bank", "id: fresh-bank"), encoding="utf-8")
    found = build_trends(clone, tmp_path)
    assert found.account("fresh-bank") == AccountTrendsView(
        "Trends",
        "No committed history of this account yet: its trends start with its first commit.",
    )
    assert found.account("harborview-bank").chart is not None


# --- no history ----------------------------------------------------------------------------------


def test_outside_git_every_section_says_so(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(EXAMPLE, content)
    found = trends_for(content, load(content), HistoryCache(None, None))
    note = "History unavailable: this site was built outside Git, so it shows no trends."
    assert found.note == note and found.stamp == "unavailable:outside"
    assert trends_stamp(content) == "unavailable:outside"
    assert {v.note for v in found.accounts.values()} == {note}
    assert found.dashboard.note == note
    html = render_account(found.account("northwind-telecom"))
    assert note in html and "<svg" not in html


def test_a_shallow_clone_says_so_in_chinese(
    repo: tuple[Path, dict[str, str]], tmp_path: Path
) -> None:
    root, _shas = repo
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "-q", "--depth", "1", f"file://{root}", str(clone))
    edit(clone, "content/portfolio.yaml", r"^language: en", "language: zh")
    found = trends_for(clone / "content", load(clone / "content"), HistoryCache(None, None))
    assert found.stamp == "unavailable:shallow"
    assert found.account("northwind-telecom").note == (
        "历史不可用：本站点基于浅克隆构建，因此不显示趋势"
        "（请获取完整历史：git fetch --unshallow）。"
    )
    assert found.dashboard.title == "近四个季度的变化"


def test_a_chinese_portfolio_reads_chinese(
    repo: tuple[Path, dict[str, str]], tmp_path: Path
) -> None:
    root, _shas = repo
    content = load(root / "content")
    zh = replace(content, settings=content.settings.model_copy(update={"language": Language.zh}))
    found = trends_for(
        root / "content", zh, HistoryCache(tmp_path / "h", None), store=SignedStore(None)
    )
    view = found.account("northwind-telecom")
    assert view.moved is not None and view.moved.heading == "自 2026-04-08 评审以来的变化"
    assert "吸引力 A" in str(view.chart)
    assert "客户组合矩阵上的变化" in str(found.dashboard.matrix)


# --- the pictures: escaping, determinism, edge cases ---------------------------------------------


def hostile_panels() -> list[TrendPanel]:
    day = [dt.date(2026, 1, 1), dt.date(2026, 2, 1), dt.date(2026, 3, 1)]
    return [
        TrendPanel(HOSTILE, "score", ((day[0], 10.0), (day[1], None), (day[2], 30.0)), 50, HOSTILE),
        TrendPanel("one", "percent", ((day[2], 0.5),)),
        TrendPanel("none", "amount", ((day[0], None),)),
        TrendPanel("money", "amount", ((day[0], 12.0), (day[2], 1234.5))),
    ]


def hostile_paths() -> list[MovementPath]:
    steps = (
        MovementStep(dt.date(2026, 3, 31), 40.0, 30.0),
        MovementStep(dt.date(2026, 6, 30), 60.0, 55.0),
    )
    return [
        MovementPath("z", HOSTILE, "strategic", "accounts/z/", steps),
        MovementPath("a", "\u202eevil\u202c name", None, "accounts/a/", steps[1:]),
    ]


def test_the_pictures_escape_hostile_names_and_are_byte_identical() -> None:
    panels = hostile_panels()
    first = trend_panels_svg(panels, label=HOSTILE)
    assert first == trend_panels_svg(panels, label=HOSTILE)
    matrix = movement_svg(hostile_paths())
    assert matrix == movement_svg(hostile_paths())
    for svg in (first, matrix):
        assert SCRIPT not in svg and "<script" not in svg
        parsed = ET.fromstring(svg)  # well-formed: every hostile character was escaped
        assert not [e for e in parsed.iter() if "onerror" in e.attrib or "script" in e.tag]
        assert "id=" not in svg  # nothing for two pictures on one page to clash on
    assert "&lt;script&gt;" in first and "&lt;script&gt;" in matrix
    assert "\u202e" not in matrix


def test_a_single_point_is_a_dot_with_its_value_and_none_says_so() -> None:
    svg = trend_panels_svg(hostile_panels(), label="x")
    root = ET.fromstring(svg)
    panels = [g for g in root.iter(f"{SVG}g") if g.get("class") == "kam-trend-panel"]
    one = panels[1]
    assert len(list(one.iter(f"{SVG}circle"))) == 1
    assert not list(one.iter(f"{SVG}polyline"))
    assert [t.text for t in one.iter(f"{SVG}text")].count(
        "50.0%"
    ) == 2  # title and beside it (the tick is 50%)
    assert "not scored" in [t.text for t in panels[2].iter(f"{SVG}text")]
    ticks = [t.text for t in panels[3].iter(f"{SVG}text")]
    assert "2,000" in ticks and "1234.5" in ticks  # a nice top for amounts
    with pytest.raises(ValueError, match="javascript"):
        movement_svg([replace(hostile_paths()[0], href="javascript:alert(1)")])


def test_the_whole_trends_are_deterministic(
    repo: tuple[Path, dict[str, str]], tmp_path: Path, trends: Trends
) -> None:
    again = build_trends(repo[0], tmp_path)
    assert again == trends
    assert again.account_key("northwind-telecom") == trends.account_key("northwind-telecom")
    assert again.account_key("northwind-telecom") != trends.account_key("yangtze-steel")
    assert again.dashboard_key() == trends.dashboard_key()
    assert [str(v.chart) for v in again.accounts.values()] == [
        str(v.chart) for v in trends.accounts.values()
    ]


# --- the template --------------------------------------------------------------------------------


def render_account(view: AccountTrendsView) -> str:
    template = environment().from_string(
        '{% import "_trends.html" as trends %}{{ trends.account_trends(view) }}'
    )
    return template.render(view=view)


def test_the_template_escapes_every_word_and_keeps_the_picture(trends: Trends) -> None:
    view = trends.account("northwind-telecom")
    hostile = replace(
        view,
        caption=HOSTILE,
        chart_label=HOSTILE,
        moved=MovedView(HOSTILE, HOSTILE, (HOSTILE,), None),
    )
    html = render_account(hostile)
    assert SCRIPT not in html and 'onerror="' not in html
    assert str(view.chart) in html  # the SVG is kamsite's own markup
    assert html.count("&lt;script&gt;") == 5
    dashboard = environment().from_string(
        '{% import "_trends.html" as trends %}{{ trends.dashboard_movement(view) }}'
    )
    page = dashboard.render(view=trends.dashboard)
    assert 'class="kam-table kam-movers"' in page and "Northwind Telecom" in page
    assert isinstance(view.chart, Markup)
