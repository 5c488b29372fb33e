"""Bad input of every shape gets a clear diagnostic, never a traceback or a hang."""

from __future__ import annotations

from pathlib import Path

import pytest
from validate_support import ACCOUNT, BASE, diagnose, line_of, write

from kamsite.validate import validate_content

ACC = "content/accounts/acme.yaml"


def codes(diags: list) -> list[tuple[str, str, int]]:
    return [(d.path, d.code, d.line) for d in diags]


def test_yaml_syntax_error(tmp_path: Path) -> None:
    broken = ACCOUNT.replace("tier: key", "tier: [key")
    [d] = diagnose(tmp_path, accounts__acme=broken)
    assert (d.path, d.code) == (ACC, "yaml-syntax")
    assert d.line >= line_of(broken, "tier: [key")


def test_tab_indentation(tmp_path: Path) -> None:
    broken = ACCOUNT.replace("  - id: cto", "\t- id: cto")
    [d] = diagnose(tmp_path, accounts__acme=broken)
    assert (d.code, d.line) == ("yaml-syntax", line_of(broken, "- id: cto"))
    assert "tab" in d.message


def test_non_utf8_bytes(tmp_path: Path) -> None:
    raw = ACCOUNT.replace("name: Acme", "name: Acme\xe9").encode("latin-1")
    [d] = diagnose(tmp_path, accounts__acme=raw)
    assert (d.code, d.line, d.column) == ("encoding", 3, 11)
    assert "UTF-8" in d.message


def test_bom_and_crlf_are_accepted(tmp_path: Path) -> None:
    raw = ("\ufeff" + ACCOUNT.replace("\n", "\r\n")).encode("utf-8")
    assert diagnose(tmp_path, accounts__acme=raw) == []
    broken = ("\ufeff" + ACCOUNT.replace("tier: key", "tier: vip").replace("\n", "\r\n")).encode()
    [d] = diagnose(tmp_path, accounts__acme=broken)
    assert (d.code, d.line, d.column) == ("schema", 4, 7)


def test_list_at_top_level(tmp_path: Path) -> None:
    assert codes(diagnose(tmp_path, accounts__acme="- kind: account\n")) == [(ACC, "encoding", 1)]


def test_unknown_kind_with_hint(tmp_path: Path) -> None:
    [d] = diagnose(tmp_path, accounts__acme=ACCOUNT.replace("kind: account", "kind: acount"))
    assert (d.code, d.line) == ("encoding", 1)
    assert "did you mean `account`" in d.message


def test_wrong_kind_for_its_folder(tmp_path: Path) -> None:
    [d] = diagnose(tmp_path, accounts__acme=ACCOUNT.replace("kind: account", "kind: strategy"))
    assert (d.code, d.line) == ("schema", 1)


def test_empty_file(tmp_path: Path) -> None:
    assert codes(diagnose(tmp_path, accounts__acme="")) == [(ACC, "encoding", 1)]


@pytest.mark.parametrize("bad", ["../x", "Acme", "a b", "-lead", "x" * 65])
def test_bad_ids(tmp_path: Path, bad: str) -> None:
    broken = ACCOUNT.replace("id: acme", f"id: {bad!r}")
    found = {d.code for d in diagnose(tmp_path, accounts__acme=broken)}
    assert "schema" in found


def test_alias_bomb_is_rejected_quickly(tmp_path: Path) -> None:
    rows = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for i in range(1, 12):
        rows.append(f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]")
    bomb = "kind: account\nid: acme\nname: Acme\n" + "\n".join(rows) + "\n"
    [d] = diagnose(tmp_path, accounts__acme=bomb)
    assert (d.code, d.path) == ("too-large", ACC)


def test_recursive_alias(tmp_path: Path) -> None:
    [d] = diagnose(tmp_path, accounts__acme="kind: account\nid: acme\nname: &x [*x]\n")
    assert d.code == "too-large"


@pytest.mark.parametrize(
    "bomb",
    [
        "kind: account\nid: acme\nname: " + "[" * 100_000 + "]" * 100_000 + "\n",
        "kind: account\nid: acme\nname:\n" + "- " * 5000 + "x\n",
        "kind: account\nid: acme\nname:\n"
        + "".join(" " * i + f"k{i}:\n" for i in range(1, 200))
        + " " * 200
        + "x\n",
    ],
    ids=["flow", "compact", "block"],
)
def test_depth_bombs(tmp_path: Path, bomb: str) -> None:
    [d] = diagnose(tmp_path, accounts__acme=bomb)
    assert d.code == "too-large"


def test_oversized_file(tmp_path: Path) -> None:
    big = ACCOUNT + "# " + "x" * 10_000_001 + "\n"
    [d] = diagnose(tmp_path, accounts__acme=big)
    assert d.code == "too-large"


def test_directory_named_like_a_file(tmp_path: Path) -> None:
    files: dict[str, str | bytes] = dict(BASE)
    files["accounts/ghost.yaml/readme.txt"] = "not a plan"
    result = validate_content(write(tmp_path, files), cache_dir=False)
    assert codes(result.diagnostics) == [("content/accounts/ghost.yaml", "encoding", 1)]


def test_missing_portfolio_file(tmp_path: Path) -> None:
    files: dict[str, str | bytes] = {k: v for k, v in BASE.items() if k != "portfolio.yaml"}
    result = validate_content(write(tmp_path, files), cache_dir=False)
    assert result.content is None
    assert ("content/portfolio.yaml", "schema", 1) in codes(result.diagnostics)


def test_missing_content_dir(tmp_path: Path) -> None:
    result = validate_content(tmp_path / "nope", cache_dir=False)
    assert [d.code for d in result.diagnostics] == ["encoding"]


def test_norway_stays_a_string(tmp_path: Path) -> None:
    assert diagnose(tmp_path, accounts__acme=ACCOUNT.replace("name: Acme", "name: NO")) == []


def test_cache_returns_the_same_findings_and_notices_changes(tmp_path: Path) -> None:
    files: dict[str, str | bytes] = dict(BASE)
    files["accounts/acme.yaml"] = ACCOUNT.replace("tier: key", "tier: vip")
    content = write(tmp_path, files)
    cache = tmp_path / "cache"
    first = validate_content(content, cache_dir=cache)
    assert any(p.is_file() for p in cache.rglob("*"))
    assert validate_content(content, cache_dir=cache).diagnostics == first.diagnostics
    (content / "accounts" / "acme.yaml").write_text(ACCOUNT)
    assert validate_content(content, cache_dir=cache).diagnostics == []


@pytest.mark.parametrize("value", [".inf", "-.inf", ".nan"])
def test_non_finite_numbers_are_rejected(tmp_path: Path, value: str) -> None:
    broken = ACCOUNT.replace("amount: 10,", f"amount: {value},").replace(
        "baseline: 1,", f"baseline: {value},"
    )
    found = [(d.code, d.line) for d in diagnose(tmp_path, accounts__acme=broken)]
    assert ("schema", line_of(broken, "amount:")) in found
    assert ("schema", line_of(broken, "baseline:")) in found


def test_influencing_oneself_is_allowed(tmp_path: Path) -> None:
    """DESIGN.md §3 does not list it among the errors: no rule stricter than the contract."""
    broken = ACCOUNT.replace("{to: boss, strength: strong}", "{to: cto, strength: strong}")
    assert diagnose(tmp_path, accounts__acme=broken) == []


def test_symlinks_and_special_files_are_not_read(tmp_path: Path) -> None:
    import os

    files: dict[str, str | bytes] = dict(BASE)
    content = write(tmp_path, files)
    outside = tmp_path / "secret.yaml"
    outside.write_text(ACCOUNT.replace("id: acme", "id: linked"))
    (content / "accounts" / "linked.yaml").symlink_to(outside)
    os.mkfifo(content / "accounts" / "pipe.yaml")
    result = validate_content(content, cache_dir=False)
    assert codes(result.diagnostics) == [
        ("content/accounts/linked.yaml", "encoding", 1),
        ("content/accounts/pipe.yaml", "encoding", 1),
    ]
    assert "symbolic link" in result.diagnostics[0].message
    assert result.content is not None and list(result.content.accounts) == ["acme"]


def test_control_characters_cannot_break_a_diagnostic_line(tmp_path: Path) -> None:
    broken = ACCOUNT.replace(
        "owner: li-na\nsponsor", 'owner: "x\\n::error file=README.md::forged"\nsponsor'
    )
    diags = diagnose(tmp_path, accounts__acme=broken)
    assert diags, "the unknown owner must be reported"
    for d in diags:
        assert "\n" not in str(d) and "\r" not in str(d)
    assert any("\\n::error" in d.message for d in diags)
