"""Random mutations of valid files: the validator always answers with diagnostics, never raises."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from validate_support import ACCOUNT, BASE, STRATEGY

from kamsite.diagnostics import CODES
from kamsite.validate import validate_sources

SNIPPETS = [
    "",
    ":",
    "- ",
    "[",
    "]",
    "{",
    "}",
    "&a ",
    "*a",
    "!!python/object:os.system ",
    "\t",
    "\x00",
    "'",
    '"',
    "#",
    "? ",
    "|",
    ">",
    "yes",
    "~",
    "2026-02-30",
    "-1",
    "1e999",
    ".nan",
    "é",
    "🙂",
    "<<: *a",
    "\r",
    "\ufeff",
    "id: X",
    "kind: team",
]


def _sources(account: bytes, strategy: bytes) -> dict[str, bytes | None]:
    files: dict[str, bytes | None] = {f"content/{k}": v.encode() for k, v in BASE.items()}
    files["content/accounts/acme.yaml"] = account
    files["content/strategies/plan.yaml"] = strategy
    return files


@st.composite
def mutated(draw: st.DrawFn, text: str) -> bytes:
    data = text.encode()
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(data)))
        op = draw(st.sampled_from(["insert", "delete", "replace", "bytes"]))
        if op == "insert":
            data = data[:at] + draw(st.sampled_from(SNIPPETS)).encode() + data[at:]
        elif op == "delete":
            data = data[:at] + data[at + draw(st.integers(1, 40)) :]
        elif op == "replace":
            data = data[:at] + draw(st.sampled_from(SNIPPETS)).encode() + data[at + 3 :]
        else:
            data = data[:at] + draw(st.binary(min_size=1, max_size=4)) + data[at:]
    return data


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(account=mutated(ACCOUNT), strategy=mutated(STRATEGY))
def test_mutations_never_raise(account: bytes, strategy: bytes) -> None:
    result = validate_sources(_sources(account, strategy))
    for d in result.diagnostics:
        assert d.code in CODES
        assert d.line >= 1 and d.column >= 1
        assert d.path in ("content/accounts/acme.yaml", "content/strategies/plan.yaml")
    assert result.content is not None
