"""The review report speaks the portfolio's language, names its sides plainly and says what
its totals leave out (DESIGN.md §8, issue 12 item 3)."""

from __future__ import annotations

import datetime as dt
import re
import string
from pathlib import Path

import pytest
from diff_support import FILES, Repo, portfolio_repo

from kamsite.diff import Diff, FileChange, ItemDiff, ScoreDelta, Side, render_markdown
from kamsite.diff.words import _COUNTS, _WORDS, Words
from kamsite.model.account import Attitude, RelationshipStage, Role, Tier
from kamsite.model.common import Status
from kamsite.model.portfolio import Language, Stage
from kamsite.model.strategy import Scope
from kamsite.pages.labels import Say
from kamsite.score.results import KpiStatus, Quadrant

ACME_PATH = "content/accounts/acme.yaml"

# Content in Chinese, so every Latin word left in a Chinese report is one of ours or a code.
CHINESE_NAMES = {
    "Acme Corp": "艾克美集团",
    "Carol Chen": "陈卡罗",
    "Tom Tang": "唐汤姆",
    "Pat Park": "朴帕特",
    "Rival Inc": "对手公司",
    "Core deal": "核心项目",
    "Small deal": "小项目",
    "CEO visit": "拜访总裁",
    "Lab demo": "实验室演示",
    "title: CEO": "title: 总裁",
    "Our anchor customer.": "我们的基石客户。",
    "Beta Industries": "贝塔工业",
    "Bo Sun": "孙波",
    "Growth plan": "增长计划",
    "Grow revenue": "收入增长",
    "name: Revenue": "name: 收入",
    "Write the plan": "编写计划",
    "Li Na": "李娜",
    "Wang Qiang": "王强",
    "Zhao Min": "赵敏",
}
ALLOWED_LATIN = {"main", "feature"}  # branch names


def _chinese(text: str) -> str:
    for english, chinese in CHINESE_NAMES.items():
        text = text.replace(english, chinese)
    return text


def _repo(root: Path, language: str) -> Repo:
    """The fixture portfolio on `main` in `language`, with a `feature` branch checked out."""
    repo = Repo(root)
    files = FILES if language == "en" else {p: _chinese(t) for p, t in FILES.items()}
    repo.write(files)
    repo.edit("content/portfolio.yaml", "unit: M", f"unit: M\nlanguage: {language}")
    repo.commit("portfolio")
    repo.git("checkout", "-q", "-b", "feature")
    return repo


def _many_changes(repo: Repo) -> None:
    """Most kinds of change the report words: attitude, roles, membership, a won deal, a closed
    and an overdue action, tier, KPI status, a task, a team member and an edit that moves
    nothing."""
    repo.edit(ACME_PATH, "    attitude: supporter", "    attitude: opponent")
    repo.edit(
        ACME_PATH,
        "opportunities:",
        "  - {id: cfo, name: 方菲, roles: [economic_buyer, coach], influence: 4,"
        " attitude: skeptic}\nopportunities:",
    )
    repo.edit(ACME_PATH, "roles: [technical_buyer, coach]", "roles: [technical_buyer]")
    repo.edit(ACME_PATH, "stage: recommend", "stage: won")
    repo.edit(ACME_PATH, "status: planned}", "status: done}")
    repo.edit(ACME_PATH, "due: 2026-11-20", "due: 2026-10-20")
    repo.edit(ACME_PATH, "tier: key", "tier: strategic")
    repo.edit("content/strategies/growth.yaml", "actual: 190", "actual: 110")
    repo.edit("content/strategies/growth.yaml", "status: planned", "status: in_progress")
    repo.write(
        {"content/team.yaml": repo.read("content/team.yaml") + "  - {id: new-kam, name: 聂可}\n"}
    )
    repo.write(
        {"content/accounts/beta.yaml": repo.read("content/accounts/beta.yaml") + "industry: 制造\n"}
    )


def _our_latin_words(report: str, ids: set[str]) -> set[str]:
    """Latin words in a report other than codes (upper case, snake_case), ids, commit ids,
    branch names, code spans and HTML tags; flag evidence (the scorer's text) is left out."""
    text = re.sub(r"`[^`]*`|<code>.*?</code>|<[^>]+>|\([0-9a-f]{7}\)", " ", report)
    text = re.sub(r"^(- 风险标记 .*?)：.*$", r"\1", text, flags=re.MULTILINE)
    text = text.replace("\\_", "_")
    words = set(re.findall(r"[A-Za-z][A-Za-z0-9_-]*", text))
    return {w for w in words if not (w.isupper() or "_" in w or w in ids or w in ALLOWED_LATIN)}


def _ids() -> set[str]:
    found = {m for text in FILES.values() for m in re.findall(r"id: ([\w-]+)", text)}
    return found | {"cfo", "new-kam"}


def test_a_chinese_portfolio_gets_a_chinese_report(tmp_path: Path) -> None:
    repo = _repo(tmp_path, "zh")
    base = repo.git("rev-parse", "--short=7", "main")
    _many_changes(repo)
    md = repo.markdown("main")
    lines = md.splitlines()
    assert lines[0] == f"### 计划评审：main ({base}) → 工作区"
    assert lines[2].startswith(
        "基准日 2026-11-01 · 变更：2 个客户、1 项战略、1 个团队文件 · 校验："
    )
    assert f"main ({base}) 0 个错误、0 个警告；工作区 0 个错误、0 个警告" in lines[2]
    assert "| | 条目 | 变更 | 评分 | 风险标记 |" in lines
    for phrase in (
        "| 客户 | **艾克美集团** `acme` |",
        "关键人 陈卡罗（`ceo`）态度 支持者 → 反对者",
        "关键人 方菲（`cfo`）新增",
        "关键人 唐汤姆（`cto`）角色 教练、技术买家 → 技术买家",
        "商机 核心项目（`deal`）赢单",
        "行动 拜访总裁（`visit`）关闭（已完成）",
        "行动 实验室演示（`demo`）逾期（截止 2026-10-20）",
        "分级 重点级 → 战略级",
        "触发 OPPONENT_DECISION_MAKER（决策者反对）",
        "▼（变差）",
        "KPI 收入（`revenue/rev`）状态 正常 → 偏离",
        "任务 编写计划（`revenue/plan`）状态 计划中 → 进行中",
        "团队成员 聂可（`new-kam`）新增",
        "已编辑，评分、风险标记、关系和状态均未变动：贝塔工业 `beta`。",
        "<summary>组合合计</summary>",
        "| 评分 | 之前 | 之后 | 变化 |",
    ):
        assert phrase in md, phrase
    assert _our_latin_words(md, _ids()) == set()


def test_an_english_portfolio_keeps_an_english_report(tmp_path: Path) -> None:
    repo = _repo(tmp_path, "en")
    base = repo.git("rev-parse", "--short=7", "main")
    _many_changes(repo)
    md = repo.markdown("main")
    lines = md.splitlines()
    assert lines[0] == f"### Plan review: main ({base}) → working tree"
    assert lines[2].startswith("As of 2026-11-01 · changed: 2 accounts, 1 strategy, 1 team · ")
    assert "| | item | change | scores | flags |" in lines
    for phrase in (
        "stakeholder Carol Chen (`ceo`) attitude supporter → opponent",
        "stakeholder Tom Tang (`cto`) roles coach, technical buyer → technical buyer",
        "opportunity Core deal (`deal`) won",
        "action CEO visit (`visit`) closed (done)",
        "tier key → strategic",
        "raised OPPONENT_DECISION_MAKER (Opponent decision maker)",
        "▼ (worse)",
        "Edited, no score, flag, relationship or status moved: Beta Industries `beta`.",
        "<summary>Portfolio totals</summary>",
        "| score | before | after | change |",
    ):
        assert phrase in md, phrase
    # The only Chinese is the content's: the names of the two people added.
    assert set(re.findall(r"[\u3000-\u9fff\uff00-\uffef]+", md)) == {"方菲", "聂可"}


def test_language_comes_from_head_else_base(tmp_path: Path) -> None:
    """HEAD's settings decide; when HEAD's portfolio does not validate, BASE's do."""
    repo = _repo(tmp_path, "zh")
    repo.edit("content/portfolio.yaml", "language: zh", "language: en")
    assert repo.markdown("main").startswith("### Plan review:")
    repo.edit("content/portfolio.yaml", "fiscal_year: 2026", "fiscal_year: soon")
    md = repo.markdown("main")
    assert md.startswith("### 计划评审：")
    assert "**工作区 未通过校验**：portfolio.yaml 无法使用，未计算任何评分。" in md
    assert repo.json("main")["language"] == "zh"


def _headline(md: str) -> str:
    return md.splitlines()[0]


def test_sides_are_named_by_branch_and_short_commit(tmp_path: Path) -> None:
    repo = portfolio_repo(tmp_path)
    base = repo.git("rev-parse", "main")
    repo.git("checkout", "-q", "-b", "feature")
    repo.edit(ACME_PATH, "    attitude: supporter", "    attitude: opponent")
    head = repo.commit("opponent")
    named = f"### Plan review: main ({base[:7]}) → feature ({head[:7]})"
    assert _headline(repo.markdown("main", "feature")) == named
    assert _headline(repo.markdown("main", "HEAD")) == named  # HEAD: the branch checked out
    assert _headline(repo.markdown(base, head[:10])) == f"### Plan review: {base[:7]} → {head[:7]}"
    md = repo.markdown("main", "feature")
    assert (
        f"validation: main ({base[:7]}) 0 errors, 0 warnings; feature ({head[:7]}) 0 errors" in md
    )
    assert "HEAD" not in md and "BASE" not in md


def test_labels_name_the_sides(tmp_path: Path) -> None:
    repo = portfolio_repo(tmp_path)
    base = repo.git("rev-parse", "main")
    repo.edit(ACME_PATH, "    attitude: supporter", "    attitude: opponent")
    head = repo.commit("opponent")
    args = (base, head, "--base-label", "main", "--head-label", "this branch")
    md = repo.markdown(*args)
    assert _headline(md) == f"### Plan review: main ({base[:7]}) → this branch ({head[:7]})"
    data = repo.json(*args)
    assert data["base"]["label"] == f"main ({base[:7]})"
    assert (data["base"]["name"], data["base"]["commit"]) == ("main", base)
    assert data["head"]["label"] == f"this branch ({head[:7]})"
    # A label is content of a kind: a branch name can hold Markdown and mentions.
    md = repo.markdown("main", "--head-label", "my | edits @team")
    assert _headline(md).endswith("→ my \\| edits @\u200bteam")


def test_a_side_compared_with_itself_is_named_once(tmp_path: Path) -> None:
    repo = portfolio_repo(tmp_path)
    short = repo.git("rev-parse", "--short=7", "main")
    for args in (("HEAD", "HEAD"), ("main", "HEAD")):
        md = repo.markdown(*args)
        assert _headline(md) == f"### Plan review: main ({short})"
        assert f"validation: main ({short}) 0 errors, 0 warnings\n" in md
        assert "No content file changed." in md
    # The working tree against its own HEAD: each side by its name, not as HEAD or BASE.
    repo.edit(ACME_PATH, "    owner: zhao-min\n", "    owner: nobody-here\n")
    md = repo.markdown("HEAD")
    assert _headline(md) == f"### Plan review: main ({short}) → working tree"
    assert f"main ({short}) 0 errors, 0 warnings; working tree 1 error, 0 warnings" in md
    assert "HEAD" not in md and "BASE" not in md


@pytest.mark.parametrize(
    ("language", "row", "note"),
    [
        (
            "en",
            "| account | **Acme Corp** `acme` | no longer validates: 1 error | — | — |",
            "Totals exclude 1 account that does not validate on feature ({head}): `acme`.",
        ),
        (
            "zh",
            "| 客户 | **艾克美集团** `acme` | 不再通过校验：1 个错误 | — | — |",
            "合计不含 feature ({head}) 上未通过校验的 1 个客户：`acme`。",
        ),
    ],
)
def test_an_account_that_turns_invalid_is_listed_and_the_totals_say_so(
    tmp_path: Path, language: str, row: str, note: str
) -> None:
    repo = _repo(tmp_path, language)
    repo.edit(ACME_PATH, "    owner: zhao-min\n", "    owner: nobody-here\n")
    head = repo.commit("break acme")
    md = repo.markdown("main", "feature")
    assert row in md
    assert note.format(head=head[:7]) in md
    assert md.index(note.format(head=head[:7])) < md.rindex("<details><summary>")  # totals
    data = repo.json("main", "feature")
    assert (data["base"]["excluded"], data["head"]["excluded"]) == ([], ["acme"])


def _side(name: str, excluded: tuple[str, ...]) -> Side:
    return Side(name, 20, 0, 0, True, commit=None, excluded=excluded)


def _diff(base: tuple[str, ...], head: tuple[str, ...], language: Language) -> Diff:
    return Diff(
        base=_side("main", base),
        head=_side("this branch", head),
        as_of=dt.date(2026, 11, 1),
        items=(
            ItemDiff(
                "account",
                "a",
                "A Co",
                "valid",
                "valid",
                FileChange("modified", "content/accounts/a.yaml"),
                scores=(ScoreDelta("strength", 10.0, 20.0, "up", True),),
            ),
        ),
        totals=(ScoreDelta("revenue_actual", 100.0, 50.0, "down", False),),
        language=language,
    )


def test_totals_name_what_each_side_leaves_out() -> None:
    many = tuple(f"x{n:02d}" for n in range(13))
    out = render_markdown(_diff(("b",), many, Language.en))
    assert "Totals exclude 1 account that does not validate on main: `b`." in out
    assert (
        "Totals exclude 13 accounts that do not validate on this branch: `x00`, `x01`, `x02`, "
        "`x03`, `x04`, `x05`, `x06`, `x07`, `x08`, `x09` and 3 more." in out
    )
    out = render_markdown(_diff(("b",), ("b",), Language.zh))
    assert "合计不含 两侧 上未通过校验的 1 个客户：`b`。" in out
    assert "Totals" not in render_markdown(_diff((), (), Language.en))


def _big(language: Language) -> Diff:
    """More moving and quiet items than a comment holds."""
    items = [
        ItemDiff(
            "account",
            f"a{n:05d}",
            f"客户{n}",
            "valid",
            "valid",
            FileChange("modified", f"content/accounts/a{n:05d}.yaml"),
            scores=(ScoreDelta("attractiveness", 10.0, 20.0, "up", True),),
        )
        for n in range(3_000)
    ]
    quiet = [
        ItemDiff("account", f"q{n:05d}", f"静{n}", "valid", "valid", FileChange("modified", "x"))
        for n in range(5_000)
    ]
    side = Side("main", 8_000, 0, 0, True)
    return Diff(side, side, dt.date(2026, 11, 1), (*items, *quiet), language=language)


def test_a_shortened_chinese_report_says_so_in_chinese() -> None:
    out = render_markdown(_big(Language.zh), limit=20_000)
    assert len(out) <= 20_000
    assert "**报告已缩短至 20,000 个字符**，按变更从大到小保留：未显示 " in out
    assert re.search(r"已编辑，评分、风险标记、关系和状态均未变动：.*等，另有 \d+ 项。", out)
    assert _our_latin_words(out, set()) == set()


def test_every_message_has_both_languages_with_the_same_placeholders() -> None:
    def fields(text: str) -> set[str]:
        return {name for _, name, _, _ in string.Formatter().parse(text) if name}

    for key, (en, zh) in _WORDS.items():
        assert en and zh, key
        assert fields(en) == fields(zh), key
    for key, (one, many, zh) in _COUNTS.items():
        assert fields(one) == fields(many) == fields(zh) == {"n"}, key


def test_chinese_terms_are_the_sites() -> None:
    """One word for one thing: the report reads like the published pages."""
    words, say = Words(Language.zh), Say(Language.zh)
    for enum in (
        Tier,
        RelationshipStage,
        Attitude,
        Role,
        Status,
        KpiStatus,
        Stage,
        Quadrant,
        Scope,
    ):
        for member in enum:
            assert words.value(member.value, enum.__name__) == say.value(member), member
    for term in ("tier", "quadrant", "stage", "owner", "sponsor", "horizon", "scope"):
        assert words.term(term) == say(term), term
    for term in ("attitude", "influence", "roles", "amount", "status", "progress"):
        assert words.term(term) == say(term), term
    for metric in ("revenue_actual", "revenue_target", "revenue_forecast", "revenue_gap"):
        assert words(f"metric.{metric}") == say(metric), metric
    assert words("col.flags") == say("flags")
    assert words("section.stakeholder") == say("stakeholder")
    assert words("section.opportunity") == say("opportunities")
