"""`kamsite history` over a synthetic history against its floor: parsing each distinct file once.

A repository of N accounts (bench/generate.py's 22 KB plans) gets C commits, one a day, each
changing a few accounts (a review date, an attitude, a deal stage); every tenth touches no
content. Times `kamsite history --format json` cold (empty cache) and warm against PyYAML's
CSafeLoader parsing every distinct content blob of the history once, twice: with `as_of`
pinned in portfolio.yaml, and without it (each commit scored as of its own date). With
`as_of` pinned, also a warm site build in the repository (with trends) against the same
content outside Git (without).

    python bench/history_bench.py [--accounts 100] [--commits 200] [--out bench-out/history]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import ATTITUDES, REPO, STAGES, TEAM, account

HISTORY = [sys.executable, "-c", "from kamsite.cli.history import history; history()"]
START = dt.date(2026, 1, 1)
TARGET = 2.0


def git(repo: Path, *args: str, day: dt.date | None = None) -> bytes:
    env = {**os.environ, "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}
    if day is not None:
        stamp = f"{day.isoformat()}T12:00:00+0000"
        env |= {"GIT_AUTHOR_DATE": stamp, "GIT_COMMITTER_DATE": stamp}
    command = ["git", "-c", "user.name=bench", "-c", "user.email=b@x", "-C", str(repo), *args]
    return subprocess.run(command, env=env, check=True, capture_output=True).stdout


def dump(path: Path, data: dict[str, Any]) -> None:
    text = yaml.dump(data, Dumper=yaml.CSafeDumper, allow_unicode=True, sort_keys=False, width=120)
    path.write_text(text, encoding="utf-8")


def plan(n: int) -> dict[str, Any]:
    """bench/generate.py's account, with its past dates before the history starts, as a real
    plan's would be (a date after the commit's as_of would be a `future-date` warning)."""
    data = account(n)
    rng = random.Random(n)
    data["reviewed"] = f"2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    for person in data["stakeholders"]:
        person["last_contact"] = f"2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    return data


def edit(data: dict[str, Any], rng: random.Random, day: dt.date) -> None:
    """What a review changes: the review date, a contact, someone's attitude, a deal's stage."""
    data["reviewed"] = day.isoformat()
    person = rng.choice(data["stakeholders"])
    person["last_contact"] = day.isoformat()
    person["attitude"] = rng.choice(ATTITUDES)
    rng.choice(data["opportunities"])["stage"] = rng.choice(STAGES)


def build(repo: Path, accounts: int, commits: int, pinned: bool) -> None:
    """Deterministic: the same arguments give the same files and the same commit ids."""
    if repo.exists():
        shutil.rmtree(repo)
    content = repo / "content"
    (content / "accounts").mkdir(parents=True)
    git(repo, "init", "-q")
    as_of = "as_of: 2026-11-01\n" if pinned else ""
    (content / "portfolio.yaml").write_text(
        f"kind: portfolio\nname: Benchmark portfolio\nfiscal_year: 2026\n{as_of}unit: M\n",
        encoding="utf-8",
    )
    dump(content / "team.yaml", {"kind": "team", "members": [{"id": m, "name": m} for m in TEAM]})
    plans = {n: plan(n) for n in range(accounts)}
    for data in plans.values():
        dump(content / "accounts" / f"{data['id']}.yaml", data)
    rng = random.Random(20260101)
    for n in range(commits):
        day = START + dt.timedelta(days=n)
        if n and n % 10 == 0:
            (repo / "NOTES.md").write_text(f"day {n}\n", encoding="utf-8")
        elif n:
            for key in rng.sample(sorted(plans), 3):
                edit(plans[key], rng, day)
                dump(content / "accounts" / f"{plans[key]['id']}.yaml", plans[key])
        git(repo, "add", "-A")
        git(repo, "commit", "-q", "-m", f"day {n}", day=day)


def distinct_blobs(repo: Path) -> list[bytes]:
    """Every version of every content YAML file the history holds, once each."""
    listing = git(repo, "log", "--raw", "--no-abbrev", "--format=", "--", "content")
    oids = sorted({line.split()[3] for line in listing.decode().splitlines() if line})
    out = subprocess.run(
        ["git", "-C", str(repo), "cat-file", "--batch"],
        input="".join(f"{o}\n" for o in oids).encode(),
        check=True,
        capture_output=True,
    ).stdout
    blobs, offset = [], 0
    for _oid in oids:
        end = out.index(b"\n", offset)
        size = int(out[offset:end].split()[2])
        blobs.append(out[end + 1 : end + 1 + size])
        offset = end + 1 + size + 1
    return blobs


def floor(blobs: list[bytes]) -> float:
    start = time.perf_counter()
    for blob in blobs:
        yaml.load(blob, Loader=yaml.CSafeLoader)
    return time.perf_counter() - start


def timed(repo: Path) -> tuple[float, float]:
    """Wall seconds and peak RSS (MB) of one `kamsite history --format json`."""
    env = {**os.environ, "KAMSITE_CACHE_DIR": str(repo / ".cache")}
    start = time.perf_counter()
    child = subprocess.Popen(
        [*HISTORY, "--format", "json"], cwd=repo, env=env, stdout=subprocess.DEVNULL
    )
    _pid, status, usage = os.wait4(child.pid, 0)
    elapsed = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"kamsite history failed in {repo}")
    return elapsed, usage.ru_maxrss / 1024


def warm_build(project: Path) -> float:
    """Seconds of a warm `mkdocs build` (one build first fills the caches)."""
    env = {**os.environ, "KAMSITE_CACHE_DIR": str(project / ".cache"), "NO_MKDOCS_2_WARNING": "1"}
    command = [str(Path(sys.executable).parent / "mkdocs"), "build", "-q"]
    subprocess.run(command, cwd=project, env=env, check=True)
    start = time.perf_counter()
    subprocess.run(command, cwd=project, env=env, check=True)
    return time.perf_counter() - start


def site_with_trends(repo: Path) -> None:
    """A warm site build inside the history's repository (trends drawn from it) against the
    same content copied outside Git (no trends): the target is ≤ 1.2×."""
    config = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    config["nav"] = [e for e in config["nav"] if "/" in next(iter(e.values()))]
    config["nav"].insert(0, {"Dashboard": "index.md"})
    (repo / "content" / "pages").mkdir(exist_ok=True)
    shutil.copytree(REPO / "theme", repo / "theme", dirs_exist_ok=True)
    (repo / "mkdocs.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    outside = repo.parent / f"{repo.name}-outside-git"
    shutil.rmtree(outside, ignore_errors=True)
    shutil.copytree(repo, outside, ignore=shutil.ignore_patterns(".git", ".cache", "site"))
    inside, plain = warm_build(repo), warm_build(outside)
    verdict = "ok" if inside <= 1.2 * plain else "OVER"
    print(f"  {'site warm':<15} {inside:8.2f} s in Git, {plain:.2f} s outside: ", end="")
    print(f"{inside / plain:.2f}×  (target ≤ 1.2×) {verdict}")


def run(repo: Path, accounts: int, commits: int, pinned: bool) -> None:
    build(repo, accounts, commits, pinned)
    blobs = distinct_blobs(repo)
    base = floor(blobs)
    shutil.rmtree(repo / ".cache", ignore_errors=True)
    cold, cold_mb = timed(repo)
    warm, warm_mb = timed(repo)
    ratio = cold / base
    verdict = "ok" if ratio <= TARGET else "OVER"
    label = "as_of pinned" if pinned else "as_of = commit date"
    print(f"{label}: {commits} commits, {accounts} accounts, {len(blobs)} distinct blobs")
    print(f"  {'yaml floor':<15} {base:8.2f} s")
    print(f"  {'history cold':<15} {cold:8.2f} s  {ratio:6.2f}×  (target ≤ {TARGET}×) {verdict}")
    print(f"  {'':<15} {'':>8}    peak {cold_mb:.0f} MB")
    print(f"  {'history warm':<15} {warm:8.2f} s  {warm / base:6.2f}×  peak {warm_mb:.0f} MB")
    if pinned:
        site_with_trends(repo)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--accounts", type=int, default=100)
    parser.add_argument("--commits", type=int, default=200)
    parser.add_argument("--out", type=Path, default=Path("bench-out/history"))
    args = parser.parse_args()
    for pinned in (True, False):
        run(args.out / ("pinned" if pinned else "dated"), args.accounts, args.commits, pinned)


if __name__ == "__main__":
    main()
