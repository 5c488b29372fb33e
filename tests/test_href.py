"""Links between generated pages are what `posixpath.relpath` gives for site URLs."""

from __future__ import annotations

import posixpath

from hypothesis import given
from hypothesis import strategies as st

from kamsite.pages.markup import href

SEGMENT = st.from_regex(r"[a-z0-9][a-z0-9_-]{0,5}", fullmatch=True)
URL = st.lists(SEGMENT, max_size=3).map(lambda parts: "".join(f"{p}/" for p in parts))


@given(URL, URL)
def test_href_is_relpath_for_site_urls(here: str, target: str) -> None:
    rel = posixpath.relpath(target or ".", here or ".")
    assert href(here, target) == ("./" if rel == "." else rel + "/")


def test_href_examples() -> None:
    assert href("team/amy/", "accounts/acme/") == "../../accounts/acme/"
    assert href("", "accounts/acme/") == "accounts/acme/"
    assert href("accounts/acme/", "") == "../../"
    assert href("accounts/", "accounts/") == "./"
